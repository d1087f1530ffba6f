"""The article's own paragraphs: find the block that holds the running text, then clean it.

The container is the element whose text after the headline is richest in sentences and poorest
in links; a lead paragraph printed just before that container (a summary box) joins it. Inside,
captions, photo credits, share/print links, counters and the end marker `./.` are dropped.
"""
from __future__ import annotations

import re

from lxml import etree

from crawler.parser import published, rules
from crawler.parser.dates import find_date
from crawler.parser.lines import Line, clean_ws

MAX_ANCESTORS = 40  # deeper nesting is pathological markup; the article is never that deep
_HAS_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def prose_shaped(ln: Line) -> bool:
    """A line shaped like a sentence (long enough, few links), whatever names call its block."""
    return len(ln.text) >= 40 and ln.link_density < rules.TEXT_LINE


def paragraph_like(ln: Line) -> bool:
    return prose_shaped(ln) and not ln.chrome and not ln.caption


def prose_chars(lines: list[Line], start: int, end: int | None = None) -> int:
    return sum(len(ln.text) for ln in lines[start:end] if paragraph_like(ln))


def _ancestors(el: etree._Element | None):
    n = 0
    while el is not None and n < MAX_ANCESTORS:
        yield el
        el = el.getparent()
        n += 1


def enclosing(ln: Line, tags: tuple[str, ...], depth: int) -> etree._Element | None:
    """The nearest element of one of these tags holding the line, its block or at most `depth`
    levels up from it."""
    for n, el in enumerate(_ancestors(ln.owner)):
        if n >= depth:
            break
        if el.tag in tags:
            return el
    return None


def common_ancestor(a: etree._Element | None, b: etree._Element | None) -> etree._Element | None:
    """The smallest element holding both (either may be it), or None when only the page's root
    does."""
    if a is None or b is None:
        return None
    held = [a, *a.iterancestors()]  # (held: lxml proxies' ids are reused once freed)
    ids = {id(x) for x in held}
    common = next((x for x in (b, *b.iterancestors()) if id(x) in ids), None)
    return None if common is None or common.getparent() is None else common


def _contains(container: etree._Element, el: etree._Element | None) -> bool:
    return any(a is container for a in _ancestors(el))


def _gain(ln: Line) -> float:
    """What a line brings to the vote of the element holding it: its sentences, less its links
    (and its length, for furniture)."""
    if paragraph_like(ln):
        return float(min(len(ln.text), 2000)) - ln.link_chars
    return -1.5 * ln.link_chars - (0.5 * len(ln.text) if ln.chrome else 0.0)


def _verse_like(ln: Line) -> bool:
    """A short plain line of words (a poem's verse, a numbered list's item: `1. Nguyễn Văn An`),
    not a label in capitals or a counter's figures (`Hôm nay : 2735`)."""
    text = ln.text
    if ln.link_chars or ln.chrome or ln.caption or ln.heading or ln.row or len(text) >= 40 or text.isupper():
        return False
    words = sum(1 for w in text.split() if _HAS_LETTER.search(w))
    return words >= VERSE_WORDS or (words >= 2 and rules.NUMBERED_ITEM.match(text) is not None)


VERSE_WORDS = 4
VERSE_RUN = 5  # consecutive short lines of words that read as text (a poem, a list), not as labels


def verse_runs(lines: list[Line], start: int = 0) -> list[list[int]]:
    """Runs of VERSE_RUN short plain lines of words or more: a poem's verses, text although no
    line of it is as long as a sentence (a page of the school's poems)."""
    out: list[list[int]] = []
    run: list[int] = []
    for i in range(start, len(lines) + 1):
        if i < len(lines) and _verse_like(lines[i]):
            run.append(i)
            continue
        if len(run) >= VERSE_RUN:
            out.append(run)
        run = []
    return out


def _named_prose(ln: Line) -> bool:
    return ln.named_only and len(ln.text) >= IN_TEXT_CHARS and ln.link_chars == 0 and not ln.caption \
        and not ln.text.endswith(rules.TEASER_ENDS)


def named_prose_between(lines: list[Line], start: int = 0) -> set[int]:
    """Paragraphs of plain prose that only a class or id name calls chrome, in runs between
    paragraphs of the text (a theme's odd name for some of the article's paragraphs, a quote
    box styled like an ad): the text's, as release_named_prose says once the region is found."""
    out: set[int] = set()
    run: list[int] = []
    after_text = False
    for i in range(start, len(lines)):
        ln = lines[i]
        if paragraph_like(ln):
            if after_text:
                out.update(run)
            run, after_text = [], True
        elif _named_prose(ln) and after_text:
            run.append(i)
        else:
            run, after_text = [], False
    return out


def best_container(lines: list[Line], start: int) -> etree._Element | None:
    """The element with most sentence text and fewest links among the lines after `start`
    (a poem's verses count as sentences)."""
    owners: dict[int, tuple[etree._Element, float]] = {}  # (lines of one block: one walk up)
    as_text = {i for run in verse_runs(lines, start) for i in run} | named_prose_between(lines, start)
    for ln in lines[start:]:
        if ln.owner is None:
            continue
        gain = float(len(ln.text)) if ln.idx in as_text else _gain(ln)
        k = id(ln.owner)
        owners[k] = (ln.owner, owners[k][1] + gain if k in owners else gain)
    scores: dict[int, float] = {}
    elems: dict[int, etree._Element] = {}
    for owner, gain in owners.values():
        for anc in _ancestors(owner):
            k = id(anc)
            if k in scores:
                scores[k] += gain
            else:
                scores[k] = gain
                elems[k] = anc
    if not scores:
        return None
    # Highest score; among near-equals (an inner wrapper holding the same text) the innermost.
    top = max(scores.values())
    if top <= 0:
        return None
    near = [k for k, s in scores.items() if s >= top - 1e-6]
    return elems[max(near, key=lambda k: _depth_of(elems[k]))]


LEAD_LEVELS = 3  # how far up from the text's container a sapo printed with the headline may sit
SAPO_CHARS = 80


def _lead(lines: list[Line], start: int, box: etree._Element, inside: list[int]) -> list[int]:
    """The paragraphs above the text's container that are the text's lead (the sapo)."""
    parent, outer = box.getparent(), _nth_parent(box, LEAD_LEVELS)
    first = inside[0]
    # Paragraphs under headline links, two or more, over a text of the page's own that weighs
    # at least half as much, are other articles' teasers (a box of news between the headline
    # and the text), not a sapo. Over no such text, they are a listing's items.
    teasers = _teasers_under_links(lines, start, first)
    if len(teasers) < MIN_CUT_SHORT_ITEMS or _text_chars(lines, inside) < \
            max(1, BOX_OUTWEIGHED * sum(len(lines[i].text) for i in teasers)):
        teasers = set()
    # The element that holds the headline (the line over `start`) and the text: a sapo printed
    # with the headline sits in it, however deep the theme nests the text.
    article = common_ancestor(lines[start - 1].owner, box) if start > 0 else None
    lead = []
    for i in range(start, first):
        ln = lines[i]
        if not paragraph_like(ln) or i in teasers:
            continue
        # The sapo sits just before the text's container, in its parent, or a few levels up
        # when the theme prints it with the headline (then it is plain prose, no links).
        if _contains(parent, ln.owner) or (
                (_contains(outer, ln.owner) or article is not None and _contains(article, ln.owner))
                and len(ln.text) >= SAPO_CHARS and ln.link_chars == 0
                and not ln.text.endswith(rules.TEASER_ENDS)):
            lead.append(i)
    return lead


def _text_chars(lines: list[Line], idxs: list[int]) -> int:
    """Characters of the paragraphs among these lines that are not cut short with '…', when
    there are two or more of them (a text, not one teaser); else 0."""
    sizes = [len(lines[i].text) for i in idxs
             if paragraph_like(lines[i]) and not lines[i].text.endswith(rules.TEASER_ENDS)]
    return sum(sizes) if len(sizes) >= 2 else 0


def _teasers_under_links(lines: list[Line], start: int, end: int) -> set[int]:
    """The paragraphs among lines[start:end] that come right under a headline link."""
    out, after_link = set(), False
    for i in range(start, end):
        ln = lines[i]
        if published.is_headline_link(ln):
            after_link = True
        elif prose_shaped(ln):
            # (A teaser named like page furniture is the link's all the same: the paragraph
            # after it is not.)
            if after_link and paragraph_like(ln):
                out.add(i)
            after_link = False
    return out


def _nth_parent(el: etree._Element, n: int) -> etree._Element:
    """The element n levels up (or the root, if nearer)."""
    for _ in range(n):
        if el.getparent() is None:
            break
        el = el.getparent()
    return el


def _depth_of(el: etree._Element) -> int:
    return sum(1 for _ in _ancestors(el))


def region_and_items(lines: list[Line], start: int) -> tuple[list[int], list[int], list[int]]:
    """Indexes of the lines that make up the article text region, in reading order, the lines
    of listed items cut from its end (see `items_start`), and those of boxes of listed items
    taken out above or inside the text (see `boxed_items`)."""
    box = best_container(lines, start)
    if box is None:
        return [i for i in range(start, len(lines)) if paragraph_like(lines[i])], [], []
    inside = [i for i in range(start, len(lines)) if _contains(box, lines[i].owner)]
    if not inside:
        return [], [], []
    box, inside = _past_trailing_lists(lines, start, box, inside)
    box, inside = _widened(lines, start, box, inside)
    parent = box.getparent()
    lead = _lead(lines, start, box, inside) if parent is not None else []
    # A box that is one paragraph, or holds only one (a share bar inside the post's container
    # cost the container more than its short last paragraph brought; each paragraph in a box of
    # its own): the paragraphs right after it in its parent, up to the first line that is not
    # one, are the text's too.
    trail = []
    if parent is not None and (box.tag == "p" or sum(paragraph_like(lines[i]) for i in inside) == 1):
        for i in range(inside[-1] + 1, len(lines)):
            ln = lines[i]
            if not (_contains(parent, ln.owner) and paragraph_like(ln) and ln.link_chars == 0):
                break
            trail.append(i)
    out = lead + inside + trail
    # Cut at the first related-news / comments / attachments heading that is followed by what
    # such a heading introduces; one followed by running text is a widget inside the text
    # ("TIN MỚI" over an empty box), and only the heading goes.
    kept: list[int] = []
    box_heads: list[int] = []  # headings over a box that the text resumes after
    boxed_in_out: set[int] | None = None  # (read once, when the first such heading asks)
    for pos, i in enumerate(out):
        if pos > 0 and rules.ABOUT_THE_WRITER.match(lines[i].text):
            break
        if pos > 0 and rules.END_OF_ARTICLE.match(lines[i].text) and len(lines[i].text) < 80:
            # (A box of items under it after which the text resumes is taken out below.)
            if boxed_in_out is None:
                boxed_in_out = boxed_items(lines, out)
            boxed_under = pos + 1 in boxed_in_out
            last = _last_paragraph(lines, kept)
            if not (boxed_under or _running_text_follows(lines, out[pos + 1:], last)) \
                    or _comments_follow(lines, i, out[pos + 1:]):
                break
            if boxed_under:
                box_heads.append(i)
            continue
        kept.append(i)
    kept = kept[:min(_footer_start(lines, kept), _imprint_start(lines, kept))]
    boxed = boxed_items(lines, kept) | card_teasers(lines, kept)
    boxes = sorted(box_heads + [kept[pos] for pos in boxed])
    kept = [i for pos, i in enumerate(kept) if pos not in boxed]
    cut = items_start(lines, kept)
    if cut is None:
        return kept, [], boxes
    return kept[:cut], kept[cut:], boxes


WIDEN_LEVELS = 3
WIDEN_PROSE = 1.5  # an element up the tree holding this much more of the text's prose


def _past_trailing_lists(lines: list[Line], start: int, box: etree._Element, inside: list[int]
                         ) -> tuple[etree._Element, list[int]]:
    """The element a few levels up that holds far more of the text, when only the lists printed
    after its last paragraph (latest posts, a tag cloud: links the end of the text is cut at
    anyway) cost it the vote: a post's text in several blocks (paragraphs, a list of steps, more
    paragraphs) under one container that also holds a box of latest posts lost to its one list.
    Returns the element and its lines up to its last paragraph (an element's lines follow one
    another)."""
    best, best_lines = box, inside
    best_score, best_prose = _text_score([lines[i] for i in inside])
    if WIDEN_PROSE * best_prose > prose_chars(lines, start):
        return box, inside  # (no element holds that much more: most pages)
    lo, hi, el = inside[0], inside[-1], box
    for _ in range(WIDEN_LEVELS):
        el = el.getparent()
        if el is None or el.getparent() is None:
            break
        while lo > start and _contains(el, lines[lo - 1].owner):
            lo -= 1
        while hi + 1 < len(lines) and _contains(el, lines[hi + 1].owner):
            hi += 1
        score, prose = _text_score(lines[lo:hi + 1])
        if score > best_score and prose >= WIDEN_PROSE * best_prose:
            # (Up to its last paragraph, as `_widened` reads it: a credit after it is read there.)
            last = max((i for i in range(lo, hi + 1) if paragraph_like(lines[i])), default=hi)
            best, best_lines, best_score, best_prose = el, list(range(lo, last + 1)), score, prose
    return best, best_lines


def _text_score(inside: list[Line]) -> tuple[float, int]:
    """best_container's score of these lines up to the last paragraph among them, and their prose."""
    last = max((k for k, ln in enumerate(inside) if paragraph_like(ln)), default=-1)
    counted = inside[:last + 1]
    return sum(_gain(ln) for ln in counted), sum(len(ln.text) for ln in counted if paragraph_like(ln))


def _widened(lines: list[Line], start: int, box: etree._Element, inside: list[int]
             ) -> tuple[etree._Element, list[int]]:
    """The text's block and its lines, where one paragraph won over its block: links inside the
    block (a related card between two short paragraphs, cards laid over with their links) cost
    the block more than its other paragraphs brought. With two more plain paragraphs in the
    block around it, that block is the text's, up to its last plain paragraph (what it prints
    after the text, a box's label over cards, is not read as the text's; a credit there is read
    after it)."""
    parent = box.getparent()
    if parent is None or sum(paragraph_like(lines[i]) for i in inside) > 1:
        return box, inside
    others = [i for i in range(start, len(lines)) if _contains(parent, lines[i].owner)
              and not _contains(box, lines[i].owner) and paragraph_like(lines[i])
              and not lines[i].link_chars]
    if len(others) < 2:
        return box, inside
    last = max(others + [i for i in inside if paragraph_like(lines[i])])
    return parent, [i for i in range(start, last + 1) if _contains(parent, lines[i].owner)]


FOOTER_RUN = 12  # lines of page furniture in a row: the page's footer (or a sidebar) is reached
FOOTER_AFTER_CHARS = 500  # ... once this much of the text has been read


def _footer_start(lines: list[Line], idxs: list[int]) -> int:
    """Where, in `idxs`, the page's furniture takes over for good: a long run of chrome lines
    after the text has begun (what a theme prints after its footer is a cookie notice or a
    modal, not the article). len(idxs) when there is none."""
    seen = run = 0
    last_text = None  # the last line of running text before the run
    for pos, i in enumerate(idxs):
        ln = lines[i]
        if ln.chrome:
            run += 1
            if run == FOOTER_RUN and seen >= FOOTER_AFTER_CHARS and \
                    not _text_resumes(lines, idxs[pos + 1:], last_text):
                return pos - run + 1
            continue
        run = 0
        if paragraph_like(ln):
            seen += len(ln.text)
            last_text = ln
    return len(idxs)


def _text_resumes(lines: list[Line], after: list[int], last_text: Line | None) -> bool:
    """After a run of page furniture, do paragraphs follow as siblings of the text's own (a
    "more on this" box printed inside the text), rather than elsewhere on the page?"""
    if last_text is None:
        return False
    parent = last_text.owner.getparent() if last_text.owner is not None else None
    for j in after:
        ln = lines[j]
        if ln.chrome:
            continue
        return paragraph_like(ln) and parent is not None and ln.owner is not None and \
            ln.owner.getparent() is parent
    return False


IMPRINT_RUN = 2  # imprint lines among the next few: the site's imprint (one alone may be quoted)
IMPRINT_LINE_CHARS = 200
IMPRINT_TEXT_AFTER = 600  # characters of running text an imprint may have after it


def _imprint_start(lines: list[Line], idxs: list[int]) -> int:
    """Where, in `idxs`, the site's imprint begins after the text (two lines of copyright,
    licence, editor, the publisher's seat, with little text after them): the page's footer read
    by its words. One such line alone is a photo's credit (`© AFP`) as often. len(idxs) when
    there is none."""
    seen = 0
    text_after: list[int] | None = None  # text after each position (counted once, if asked)
    for pos, i in enumerate(idxs):
        ln = lines[i]
        if seen >= FOOTER_AFTER_CHARS and len(ln.text) < IMPRINT_LINE_CHARS and rules.IMPRINT.match(ln.text):
            near = [j for j in idxs[pos:pos + 5] if len(lines[j].text) < IMPRINT_LINE_CHARS
                    and rules.IMPRINT.match(lines[j].text)]
            if text_after is None:
                text_after = _text_after(lines, idxs)
            # (A footer ends the page; an article goes on after a credit.)
            if len(near) >= IMPRINT_RUN and text_after[pos] <= IMPRINT_TEXT_AFTER:
                return pos
        if paragraph_like(ln):
            seen += len(ln.text)
    return len(idxs)


def _text_after(lines: list[Line], idxs: list[int]) -> list[int]:
    """For each position in `idxs`, the characters of running text after it (imprint aside)."""
    out = [0] * len(idxs)
    total = 0
    for pos in range(len(idxs) - 1, -1, -1):
        out[pos] = total
        ln = lines[idxs[pos]]
        if paragraph_like(ln) and not rules.IMPRINT.match(ln.text):
            total += len(ln.text)
    return out


def teasers(lines: list[Line], idxs: list[int]) -> int:
    """Teaser paragraphs among these lines (their headline links and dates aside)."""
    return sum(1 for i in idxs if paragraph_like(lines[i]) and not _item_head(lines[i]))


MIN_ITEMS = 3  # teasers in a row, each under its own headline link or date, make a list
MIN_CUT_SHORT_ITEMS = 2  # ... or this many ending the text, each teaser cut short with '…'
COMMENT_HEAD_WITHIN = 3  # lines under a comments heading within which the first comment's date is
BOX_OUTWEIGHED = 0.5  # a box of items above the text: the text after it holds this share of its size


def _item_head(ln: Line) -> bool:
    """A line that opens a listed item: its headline link, or its date (or age) alone on a line."""
    return published.is_headline_link(ln) or (len(ln.text) < 60 and (
        find_date(ln.text) is not None or bool(rules.RELATIVE_TIME.match(ln.text))))


def linked_heading(ln: Line) -> bool:
    """A heading that is a link to another page from end to end, however short its words (an
    item's headline in a box of other articles: "Krieg im Nahen Osten"). The paragraph under
    it is that item's teaser (second_opinion: no text our body left out)."""
    return bool(ln.heading) and ln.link_density >= CARD_HEAD_LINK and bool(ln.anchors) \
        and _elsewhere(ln.anchors[0])


def items_start(lines: list[Line], idxs: list[int]) -> int | None:
    """Where, in `idxs`, a list of other items begins after the article's own text (a headline
    link or a date, then a teaser; three times or more), whatever its heading says or its
    container is called; None when there is none. A run with no text of the page's own before
    it is a listing's body and stays (the classifier reads it)."""
    own = cut_short = 0
    head = run_start = None
    items = 0
    heads_seen: set[str] = set()
    fresh = False  # a head not seen before since the last paragraph
    own_parent = None  # the element holding the text's last paragraph of its own
    for pos, i in enumerate(idxs):
        ln = lines[i]
        if _item_head(ln) or linked_heading(ln):
            head = pos if head is None else head
            fresh = fresh or ln.text not in heads_seen
            heads_seen.add(ln.text)
        elif ln.heading:
            head = None  # a subheading of the text between a link and a paragraph: no item
        elif paragraph_like(ln):
            # The same links again and again between paragraphs are a widget repeated inside
            # the text ("Most read" after every few paragraphs), not items with teasers.
            if head is not None and not fresh:
                head = None
            fresh = False
            if head is not None:
                run_start = head if items == 0 else run_start
                items += 1
                head = None
                if items >= MIN_ITEMS and own:
                    if not _sections(lines, idxs[run_start:pos + 1], own_parent):
                        return run_start
                    own, items, run_start, cut_short = own + items, 0, None, 0
                    continue
                if ln.text.endswith(rules.TEASER_ENDS):
                    cut_short += 1
            else:
                own += 1
                own_parent = ln.owner.getparent() if ln.owner is not None else None
                items, run_start, cut_short = 0, None, 0
    # Two items whose teasers are cut short with '…' ending the text are a list too (a theme's
    # "related posts" of two).
    if own and items >= MIN_CUT_SHORT_ITEMS and cut_short >= MIN_CUT_SHORT_ITEMS:
        return run_start
    return None


SECTION_CHARS = 250  # a teaser is a sentence or two; a section of the text runs longer


def _sections(lines: list[Line], run: list[int], own_parent: etree._Element | None) -> bool:
    """Are these 'items' the text's own sections (a digest's: each a linked heading over a
    long paragraph), printed in the element that holds the text's paragraphs, none cut short?"""
    paragraphs = [lines[i] for i in run if paragraph_like(lines[i])]
    return own_parent is not None and all(
        len(ln.text) >= SECTION_CHARS and not ln.text.endswith(rules.TEASER_ENDS)
        and ln.owner is not None and ln.owner.getparent() is own_parent for ln in paragraphs)


def boxed_items(lines: list[Line], idxs: list[int]) -> set[int]:
    """Positions, in `idxs`, of boxes of listed items printed above or inside the article's
    text ("Tin mới" between the headline and the text, "Đọc thêm" between two paragraphs): a
    run of MIN_ITEMS items or more (a headline link, then a teaser), with the heading right over
    it, after which the page's own running text resumes, two plain paragraphs in a row. Items
    headed by a date alone do not count: comments, headed by a name and a date, are followed by
    replies. Above any text of the page's own, the text after the box must also weigh half as
    much as the box: a listing whose items are followed by a short blurb stays a listing."""
    boxed: set[int] = set()
    last_own: Line | None = None  # the text's last own paragraph before the current run
    items, head, run_start, run_end = 0, None, None, None
    dated = False  # a date alone heads what follows: a comment (its replies follow), no item
    for pos, i in enumerate(idxs):
        ln = lines[i]
        if published.is_headline_link(ln):
            head = pos if head is None else head
        elif _item_head(ln):
            dated = head is None
        elif ln.heading:
            head, dated = None, False
        elif head is not None and not paragraph_like(ln) and prose_shaped(ln):
            # A teaser named like page furniture: its item is whole, and the paragraph after it
            # is no teaser of it.
            run_start = head if items == 0 else run_start
            items, run_end, head, dated = items + 1, pos, None, False
        elif head is None and _linked_teaser(ln) and (items or pos and _box_heading(lines[idxs[pos - 1]])):
            # (Under a box's heading only: a text may list documents, each paragraph opening
            # with its link, "Nghị quyết số 18-NQ/TW … về …".)
            run_start = pos if items == 0 else run_start
            items, run_end, dated = items + 1, pos, False
        elif paragraph_like(ln):
            if head is not None:
                run_start = head if items == 0 else run_start
                items, run_end, head, dated = items + 1, pos, None, False
                continue
            if dated:
                items, run_start, dated = 0, None, False
                continue
            if items >= MIN_ITEMS and run_start is not None and \
                    _text_resumes_after_box(lines, idxs, run_start, pos, last_own):
                first = run_start
                if first > 0 and _box_heading(lines[idxs[first - 1]]):
                    first -= 1
                boxed.update(range(first, run_end + 1))
            last_own = ln
            items, run_start = 0, None
    return boxed


LINKED_TEASER_LINK_CHARS = 30


def _linked_teaser(ln: Line) -> bool:
    """An item printed on one line: another page's headline link opening it, its teaser after
    (`<div><a>Headline</a> Teaser…</div>`, a box whose paragraphs were broken by <br>)."""
    if not (rules.TEXT_LINE < ln.link_density <= rules.HEADLINE_LINK) or \
            ln.link_chars < LINKED_TEASER_LINK_CHARS or not ln.anchors or not _elsewhere(ln.anchors[0]):
        return False
    el = ln.owner
    if el is None or (el.text or "").strip() or not len(el):
        return False
    first = el[0]
    return first.tag == "a" and ln.text.startswith(clean_ws("".join(first.itertext()))[:20])


CARD_SLACK_CHARS = 120  # what a card holds besides its headline and teaser: a label, a date


def card_teasers(lines: list[Line], idxs: list[int]) -> set[int]:
    """Positions, in `idxs`, of single news cards printed inside the text (another article's
    headline link over its teaser, the two alone in an element of their own, after the first of
    the article's paragraphs): their teasers and headline links. A link on its own line above a
    paragraph of the text shares no such element with it. Only while the text's own paragraphs
    outnumber the cards: a page of cards is a listing, read as one."""
    cards: set[int] = set()
    own = 0
    for pos, i in enumerate(idxs):
        ln = lines[i]
        # (A card's name may call it chrome: its teaser counts as prose here all the same.)
        if len(ln.text) < 40 or ln.link_chars or ln.caption:
            continue
        head = lines[i - 1] if i > 0 else None
        if own and head is not None and _card_head(head) and _alone_together(head, ln):
            cards.add(pos)
            if pos > 0 and idxs[pos - 1] == i - 1:
                cards.add(pos - 1)  # (its headline link too: nothing of the text's, whatever asks)
        elif paragraph_like(ln):
            own += 1
    return cards if len(cards) < 2 * own else set()


CARD_HEAD_LINK = 0.9  # a card's headline is a link from end to end
CARD_HEAD_CHARS = 200


def _card_head(ln: Line) -> bool:
    """A link from end to end to another page (not a jump within this one: a subheading that
    links to itself, a "skip the embedded content" link)."""
    return ln.link_density >= CARD_HEAD_LINK and len(ln.text) <= CARD_HEAD_CHARS \
        and not ln.text.endswith(".") and published.is_headline_link(ln) \
        and (not ln.anchors or any(_elsewhere(a) for a in ln.anchors))  # (a link around a block: none)


def _elsewhere(href: str) -> bool:
    href = href.strip()
    return bool(href) and not href.startswith("#") and not href.lower().startswith("javascript:")


def _alone_together(head: Line, teaser: Line) -> bool:
    """Is the smallest element holding both lines holding little else (a card)?"""
    common = common_ancestor(head.owner, teaser.owner)
    if common is None:
        return False
    room = 2 * len(head.text) + len(teaser.text) + CARD_SLACK_CHARS
    for piece in common.itertext():  # (read only as far as the room: the text's own block is long)
        room -= len(piece)
        if room < 0:
            return False
    return True


def _siblings(a: Line, b: Line) -> bool:
    return a.owner is not None and b.owner is not None and a.owner.getparent() is not None \
        and a.owner.getparent() is b.owner.getparent()


def _box_heading(ln: Line) -> bool:
    """The short line over a box of items: its heading ("Tin mới", "Đọc thêm")."""
    return len(ln.text) < 60 and not paragraph_like(ln) and (
        ln.heading or bool(rules.END_OF_ARTICLE.match(ln.text)))


def _text_resumes_after_box(lines: list[Line], idxs: list[int], run_start: int, pos: int,
                            last_own: Line | None) -> bool:
    """Do two plain paragraphs in a row (no item between them) start at `pos`, or one that is a
    sibling of the text's paragraph before the box (`last_own`: the text's last paragraph)?
    Above the text, the page's own text after the box must also weigh at least half as much as
    the box."""
    above_text = last_own is None
    if not above_text and _siblings(last_own, lines[idxs[pos]]) and \
            not lines[idxs[pos]].text.endswith(rules.TEASER_ENDS):
        return True
    run = own_chars = 0
    for i in idxs[pos:]:
        ln = lines[i]
        if _item_head(ln):
            break
        if paragraph_like(ln) and not ln.text.endswith(rules.TEASER_ENDS):
            run += 1
            own_chars += len(ln.text)
        elif paragraph_like(ln):
            break
    if run and above_text and _titled_box_of_teasers(lines, idxs, run_start, pos):
        return True  # (a photo story's short lead under a `Tin mới` box: captions follow, no text)
    if run < 2:
        return False
    if not above_text:
        return True
    box_chars = sum(len(lines[i].text) for i in idxs[run_start:pos])
    return own_chars >= BOX_OUTWEIGHED * box_chars


def _titled_box_of_teasers(lines: list[Line], idxs: list[int], run_start: int, pos: int) -> bool:
    """Is the run under a heading that names a box (`Tin mới`, `Tin liên quan`), every teaser
    in it cut short with '…', as a box prints them and a listing's page text never is?"""
    if run_start == 0 or not rules.END_OF_ARTICLE.match(lines[idxs[run_start - 1]].text):
        return False
    teasers = [lines[i] for i in idxs[run_start:pos] if paragraph_like(lines[i]) and not _item_head(lines[i])]
    return bool(teasers) and all(t.text.endswith(rules.TEASER_ENDS) for t in teasers)


def _comments_follow(lines: list[Line], heading: int, after: list[int]) -> bool:
    """Is this heading over readers' comments (`Ý kiến bạn đọc`, `Bình luận`), the first of them
    headed by a name and a date? Their replies are running text, and none of it the article's."""
    return bool(rules.COMMENTS_HEADING.match(lines[heading].text)) and \
        any(_item_head(lines[j]) for j in after[:COMMENT_HEAD_WITHIN])


def _running_text_follows(lines: list[Line], after: list[int], last_text: Line | None = None) -> bool:
    """Does the article's own text go on after this heading?

    A related-news box inside the text is a heading, some links (perhaps a teaser each), then
    the text again: two plain paragraphs in a row with no headline link between them, or one
    printed like the text's last paragraph before the heading (`last_text`: in the same element,
    or in an element of the same tag and class), however many boxes follow. The lists that end
    an article alternate links and teasers, or hold links only.
    """
    run = 0
    teaser = False  # the last paragraph came right under a link: a teaser, unless printed alike
    for j in after:
        ln = lines[j]
        if ln.link_density > rules.TEXT_LINE:
            run = 0
        elif paragraph_like(ln) and not ln.text.endswith(rules.TEASER_ENDS):
            if _printed_alike(last_text, ln):
                return True
            teaser = run == 0 and j > 0 and lines[j - 1].link_density > rules.TEXT_LINE
            run += 1
            if run >= 2:
                return True
        if rules.END_OF_ARTICLE.match(ln.text) and len(ln.text) < 80:
            return False  # the next list begins before any text
    return run == 1 and not teaser  # one last paragraph (and perhaps a signature) closes the text


def _last_paragraph(lines: list[Line], idxs: list[int]) -> Line | None:
    return next((lines[i] for i in reversed(idxs) if paragraph_like(lines[i])), None)


def _printed_alike(a: Line | None, b: Line) -> bool:
    """Are the two paragraphs printed by one template: siblings, or in elements of one tag and
    one (named) class?"""
    if a is None or _siblings(a, b):
        return a is not None
    pa = a.owner.getparent() if a.owner is not None else None
    pb = b.owner.getparent() if b.owner is not None else None
    return pa is not None and pb is not None and a.owner.tag == b.owner.tag and pa.tag == pb.tag \
        and bool(pa.get("class")) and pa.get("class") == pb.get("class")


IN_TEXT_CHARS = 80


def release_named_prose(lines: list[Line], region: list[int]) -> None:
    """A paragraph of plain prose that only a class name calls chrome (a quote box styled like
    an ad, `class="box-ads"`), standing between paragraphs of the text, is the text's."""
    text_at = [i for i in region if paragraph_like(lines[i])]
    if len(text_at) < 2:
        return
    lo, hi = text_at[0], text_at[-1]
    for i in region:
        ln = lines[i]
        if lo < i < hi and _named_prose(ln):
            ln.chrome = False


SENTENCE_ENDS = (".", ":", "。", "：", "!", "?", "！", "？")  # (Chinese and Japanese stops too)
CAPTION_CHARS = 400
COOKIE_NOTICE_CHARS = 600


def is_noise(ln: Line, title: str | None, chrome_counts: bool = True, figures: bool = True) -> bool:
    """Lines inside the region that are not the article's text (chrome_counts=False: whatever
    the page's names and tags called chrome is judged on its text alone; figures=False: a short
    line in a block with an image is not taken for its caption on that ground alone)."""
    text = ln.text
    if not _HAS_LETTER.search(text) or ln.drawn:
        return True  # (a picture's alt text is no text the page prints)
    if ln.caption or (ln.chrome and chrome_counts):
        return True
    if ln.link_density > rules.NOISE_LINK and (len(text) < 200 or ln.link_density >= rules.MENU_LINE):
        return True  # (a long line that is a link from end to end: another article's teaser)
    if rules.BOILERPLATE_LINE.match(text) or rules.PHOTO_CREDIT.match(text):
        return True
    if len(text) < CAPTION_CHARS and rules.CAPTION_CREDIT_END.search(text):
        return True  # a photo's caption, its credit in brackets at the end
    if len(text) < COOKIE_NOTICE_CHARS and rules.COOKIE_NOTICE.search(text) and \
            rules.COOKIE_CONTEXT.search(text):
        return True  # the site's cookie notice, wherever the theme printed it
    if rules.END_MARKER.match(text) or rules.FILE_NAME_LINE.match(text):
        return True
    if len(text) < 300 and rules.SOURCE_OR_FOLLOW_LINE.match(text):
        return True
    tags = rules.TAG_LABEL.match(text)
    if tags and (not text[tags.end():].strip() or
                 ln.link_chars >= rules.TAG_LINKS * max(1, len(text) - tags.end() - 1)):
        return True  # "Từ khóa: khai giảng, hội nghị" with each keyword a link (or on lines below)
    if title and text.casefold() == title.casefold():
        return True
    if len(text) < FIGURE_CREDIT_CHARS and not text.endswith(SENTENCE_ENDS) and _in_picture_figure(ln):
        return True  # a photo's credit or label printed in its <figure> beside the caption
    # A short line in an image's block, or right below an image, set like a caption: italics,
    # a trailing `|`, or no closing full stop. Two sentences or more are a paragraph (a lead in
    # italics beside the picture, the text's first paragraph under it), whatever it ends with.
    if (ln.image_block and figures or ln.after_image) and len(text) < 250 and not _sentences(text):
        return text.endswith("|") or ln.italic or (ln.after_image and not text.endswith(SENTENCE_ENDS))
    if ln.after_player and len(text) < 250 and not _sentences(text):
        return ln.italic or bool(rules.VIDEO_CAPTION.match(text))  # (a subheading under a video is none)
    return False


# A full stop (or ! ?) after a word in lower case or a number, another sentence opening after it
# (a capital, a quote or a digit): not an abbreviation's dot ("TS.", "ThS.", "Dr."). A caption is
# one sentence, its credit aside ("… phát biểu. Ảnh minh họa", "… Ảnh: Minh Anh").
_SENTENCE_BREAK = re.compile(r"([^\W_]{2,})[.!?]\s+[\"“„«(]?(\w)", re.UNICODE)


def _sentences(text: str) -> bool:
    """Does the line hold two sentences or more, a photo credit not counted as one?"""
    for found in _SENTENCE_BREAK.finditer(text):
        word, opening = found.group(1), found.group(2)
        if (word.islower() or word.isdigit()) and (opening.isupper() or opening.isdigit()) and \
                found.start() >= FIRST_SENTENCE_CHARS:
            rest = text[found.start(2):]
            return len(rest) >= SECOND_SENTENCE_CHARS and not rules.PHOTO_CREDIT.match(rest)
    return False


FIRST_SENTENCE_CHARS = 20
SECOND_SENTENCE_CHARS = 40  # shorter, what follows a caption's sentence is its credit


DATE_LINE_CHARS = 60
DATE_LINE_WORDS = 3  # words besides the date on a time stamp's line: a label, a counter


def is_time_stamp(ln: Line) -> bool:
    """A line that is a date or a time and little else ("Cập nhật: 12/03/2024 09:00", "2 giờ
    trước", a related item's date): no sentence of the text. (Read after the page-shape signals,
    which count such lines: many of them make a list.)"""
    text = ln.text
    return len(text) < DATE_LINE_CHARS and bool(rules.RELATIVE_TIME.match(text) or _stamp(text))


def _stamp(text: str) -> bool:
    """A date with nothing but its weekday, its time and a publication label around it. A
    label of the text's own (`Thời gian: 7h30 ngày 20/3`, `Termin: 28.02.2020`) or a name
    (an embedded post's signature) keeps the line."""
    found = find_date(text)
    if found is None:
        return False
    rest = text[:found.start] + " " + text[found.end:]
    if rules.DATE_LABEL_PUBLISHED.search(rest) or rules.DATE_LABEL_UPDATED.search(rest):
        rest = rules.DATE_LABEL_PUBLISHED.sub(" ", rules.DATE_LABEL_UPDATED.sub(" ", rest))
    words = _NOT_WORD_OR_DIGITS.sub(" ", rest).split()
    return len(words) <= DATE_LINE_WORDS and all(_DATE_WORD.fullmatch(w) for w in words)


_NOT_WORD_OR_DIGITS = re.compile(r"[\W\d_]+", re.UNICODE)
# The words a date line prints around its date: the weekday, the time of day, a time zone.
_DATE_WORD = re.compile(r"thứ|hai|ba|tư|năm|sáu|bảy|chủ|nhật|cn|t\d|ngày|lúc|sáng|trưa|chiều|tối|giờ|h|"
                        r"sa|ch|am|pm|gmt|utc|ict|uhr|at|on|[a-z]{3}|monday|tuesday|wednesday|"
                        r"thursday|friday|saturday|sunday", re.I)


FIGURE_CREDIT_CHARS = 150
FIGURE_DEPTH = 3  # a credit's block sits this close under its <figure>


def _in_picture_figure(ln: Line) -> bool:
    """Is the line inside a <figure> that holds a picture (not a table's, a quote's or an
    embed's figure)?"""
    figure = enclosing(ln, ("figure",), FIGURE_DEPTH)
    return figure is not None and next(figure.iter("img", "picture"), None) is not None


ORPHAN_HEADING_CHARS = 100


REPEATED_LINE = 3  # a short line printed this often in the text is a repeated widget's


def without_repeated_furniture(lines: list[Line], kept: list[int]) -> list[int]:
    """The kept lines less the short ones that recur three times or more (a widget printed after
    every few paragraphs: its label, its items' sections and writers). Running text never
    repeats itself like that; a short label of the text's own may, and is a few words lost."""
    counts: dict[str, int] = {}
    for i in kept:
        if not paragraph_like(lines[i]) and not lines[i].row:  # (a table's header row may recur)
            counts[lines[i].text] = counts.get(lines[i].text, 0) + 1
    if not counts or max(counts.values()) < REPEATED_LINE:
        return kept
    return [i for i in kept if counts.get(lines[i].text, 0) < REPEATED_LINE]


def without_orphan_headings(lines: list[Line], kept: list[int]) -> list[int]:
    """A heading introduces text: one with no text of the article after it (the last line, right
    before another heading, or over nothing but links before the text goes on) titled a box whose
    links and teasers are already gone ("Lesen Sie auch", "Bài viết khác", "Related"), in
    whatever language."""
    out: list[int] = []
    for i in reversed(kept):
        ln = lines[i]
        orphan = not out or (lines[out[-1]].heading and lines[out[-1]].heading <= ln.heading) \
            or _over_links(lines, i, out[-1])
        if ln.heading and len(ln.text) < ORPHAN_HEADING_CHARS and orphan:
            continue
        out.append(i)
    return out[::-1]


BOX_LINKS = 3


def _over_links(lines: list[Line], heading: int, nxt: int) -> bool:
    """Does the heading stand over links alone, which left the text, before the text resumes at
    line `nxt` (a "Lesen Sie auch" box of links between two paragraphs)?"""
    between = lines[heading + 1:nxt]
    return bool(between) and all(ln.link_density > rules.TEXT_LINE or ln.caption or len(ln.text) < 20
                                 for ln in between) \
        and sum(ln.link_density > rules.TEXT_LINE for ln in between) >= BOX_LINKS  # (not an embed's two)


PHOTO_STORY_OWN_CHARS = 400  # a text this long carries itself: its captions stay captions
NARRATIVE_CAPTION_CHARS = 60


def with_story_captions(lines: list[Line], start: int, kept: list[int], used: set[int]) -> list[int]:
    """A photo story's text is its captions: with little text of its own (a lead), two or more
    captions that are sentences join it, each once, in reading order. They are looked for from
    the text's start up to the page chrome that follows it (captions are not running text, so
    the text's container may hold the lead alone, or nothing: a slideshow of captions)."""
    if sum(len(lines[i].text) for i in kept) >= PHOTO_STORY_OWN_CHARS:
        return kept
    own = {lines[i].text for i in kept}
    story, seen = [], set()
    for i in range(start, len(lines)):
        ln = lines[i]
        last = max(kept[-1] if kept else -1, story[-1] if story else -1)
        if last >= 0 and i > last and (ln.chrome or rules.END_OF_ARTICLE.match(ln.text)):
            break
        if i in used or i in kept or ln.text in seen or ln.text in own or ln.chrome:
            continue
        if not (ln.caption or ln.image_block or ln.after_image):
            continue
        text = ln.text
        core = rules.CAPTION_CREDIT_END.sub("", text).rstrip()  # ("… ở Hà Nội. (Ảnh: TTXVN)")
        sentence = core.endswith((".", "!", "?", ".)")) or len(text) >= 2 * NARRATIVE_CAPTION_CHARS
        if len(text) >= NARRATIVE_CAPTION_CHARS and ln.link_chars == 0 and sentence \
                and not rules.PHOTO_CREDIT.match(text):
            story.append(i)
            seen.add(text)
    return sorted(kept + story) if len(story) >= 2 else kept


def assemble(lines: list[Line], idxs: list[int]) -> str:
    paras = []
    for i in idxs:
        t = lines[i].text
        if t.endswith(" ./."):
            t = t[:-4].rstrip()
        elif t.endswith("./."):  # the end marker glued to the last sentence: its full stop stays
            t = t[:-2]
        paras.append(t)
    return "\n\n".join(p for p in paras if p)
