"""A second opinion on the body from trafilatura, asked only where our own reading is unsure.

Our extractor knows the school sites' layouts (sapo, in-body subheadings, bylines, boilerplate of
Vietnamese CMSs); trafilatura has been tuned on a very large number of other real pages. Neither
is right everywhere, so the two are fused line by line: trafilatura votes for lines of the page,
our line cues (chrome, link density, captions, the noise rules) keep their veto, and the text is
always assembled from our own lines in reading order, so the sapo, subheadings and the byline
handling stay ours. The decision rule and the figures it rests on: docs/body-extraction.md.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from crawler.parser import body, rules
from crawler.parser.lines import Line, running_chars

# When is our reading unsure? Measured on real pages of other outlets and on school layouts.
MIN_CONFIDENT_CHARS = 300  # a body shorter than this on a page with more prose than it
MIN_PROSE_SHARE = 0.5  # the body holds less than this share of the page's running text
MIN_PAGE_PROSE = 300  # pages with less running text than this have nothing to recover
ABOVE_OUTWEIGHS = 1.0  # text above the headline joins when it weighs this much of ours
ABOVE_HEAD_CHARS = 300  # running text above the headline: the headline may be a subheading
LEFT_OUT_SHARE = 0.2  # running text in the article's element outside our text, beside ours
MAX_TRAF_CHARS = 200_000  # a text this long from trafilatura is a page dump, not an article
# A page of more lines than this is a dump as well (the measuring pages print at most 2,239):
# trafilatura's fallback (jusText) compares each paragraph with its neighbours in a way that
# grows with the square of their number: 5 s on 5,000 short paragraphs.
MAX_TRAF_LINES = 3_000
END_HEADING_CHARS = 80  # a comments heading is a short line

_KEY = re.compile(r"[\W_]+", re.UNICODE)


def _key(text: str) -> str:
    return _KEY.sub(" ", text.casefold()).strip()


def unsure(lines: list[Line], kept: list[int], listing: bool, head: int | None = None) -> str:
    """Why our body may be wrong ('' when it is not): empty or short beside the page's prose,
    holding a small share of it, or starting under a headline (line `head`) with running text
    above it. A page that reads as a listing is not asked about."""
    if listing:
        return ""
    if head is not None and head >= len(lines):
        head = None  # (a headline found under our text, past where the article ends: no guide)
    ours = sum(len(lines[i].text) for i in kept)
    if ours == 0:
        # Nothing at all: whatever our cues called the page's prose (an unclosed <nav> around
        # the page, a builder's names on every block), a reader may see an article.
        seen = sum(len(ln.text) for ln in lines if _prose(ln))
        return "empty" if seen >= MIN_PAGE_PROSE else ""
    page = sum(running_chars(ln) for ln in lines if not ln.caption)
    if page < MIN_PAGE_PROSE:
        return ""
    if ours < MIN_CONFIDENT_CHARS and page > ours:
        return "short"
    if ours < MIN_PROSE_SHARE * page:
        return "small share"
    if head is not None and kept and prose_above(lines, head, kept[0]) >= ABOVE_HEAD_CHARS:
        return "text above headline"
    if head is not None and kept and prose_left_out(lines, head, kept, max(
            MIN_PAGE_PROSE, LEFT_OUT_SHARE * ours)):
        return "text left out"
    return ""


def prose_left_out(lines: list[Line], head: int, kept: list[int], at_least: float) -> int:
    """Running text inside the element that holds the headline and our text that our text does
    not hold (a block of the article that our cues dropped: a lead set apart, a part of the text
    printed between widgets), when it amounts to `at_least` characters; else 0. A paragraph
    right under another item's linked headline is its teaser, not text left out. (The element is
    looked for only when the page holds that much outside our text: most pages do not.)"""
    own = set(kept)
    left = [(ln, chars) for ln in lines if ln.idx not in own and not ln.caption
            and (chars := running_chars(ln)) and not (ln.idx and body.linked_heading(lines[ln.idx - 1]))]
    if sum(chars for _, chars in left) < at_least:
        return 0
    article = article_element(lines, head, kept[0])
    total = sum(chars for ln, chars in left if inside(article, ln)) if article is not None else 0
    return total if total >= at_least else 0


def prose_above(lines: list[Line], head: int, first: int) -> int:
    """Running text above the headline inside the element that holds both the headline and our
    text's first line: the article went on above what we took for its headline (a subheading).
    A blurb in a column before the article's is outside that element."""
    above = [ln for ln in lines[:head] if not ln.caption and running_chars(ln)]
    if sum(len(ln.text) for ln in above) < ABOVE_HEAD_CHARS:
        return 0
    article = article_element(lines, head, first)
    return sum(len(ln.text) for ln in above if inside(article, ln)) if article is not None else 0


def article_element(lines: list[Line], head: int, first: int) -> etree._Element | None:
    """The smallest element holding the headline (line `head`) and our text's first line, or
    None when only the page's root holds both."""
    return body.common_ancestor(lines[head].owner, lines[first].owner)


MENU_LINKS = 5  # links on link lines between a line and the headline: the site's navigation


def menu_above(lines: list[Line], head: int) -> int:
    """The last line above the headline with MENU_LINKS links or more on link lines between it
    and the headline (menus, a link list: the site's furniture stands between), or -1."""
    links = 0
    for i in range(head - 1, -1, -1):
        if lines[i].link_density > rules.TEXT_LINE:
            links += max(1, len(lines[i].anchors))
            if links >= MENU_LINKS:
                return i
    return -1


def inside(el: etree._Element, ln: Line) -> bool:
    return ln.owner is not None and any(a is el for a in ln.owner.iterancestors())


def text_end(lines: list[Line], kept: list[int]) -> int:
    """Where the page's article ends for the second opinion: at the first heading after our
    text that opens readers' comments (`Ý kiến bạn đọc`, `Bình luận`), else at the page's end.
    (Not a related-news heading: our text may have stopped at a box inside the article.) With
    no text of our own there is no "after"."""
    if not kept:
        return len(lines)
    for ln in lines[kept[-1] + 1:]:
        if len(ln.text) < END_HEADING_CHARS and rules.COMMENTS_HEADING.match(ln.text):
            return ln.idx
    return len(lines)


def _prose(ln: Line) -> bool:
    """A line of sentences, whatever the page's names and tags say about it."""
    return len(ln.text) >= 40 and not ln.caption and ln.link_density < rules.TEXT_LINE \
        and not ln.text.endswith(rules.TEASER_ENDS)


def warm_up() -> None:
    """Import trafilatura ahead of the first page that needs it (a tenth of a second)."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:  # pragma: no cover
        pass


def trafilatura_text(html: str, url: str | None) -> str | None:
    """trafilatura's main text of the page, or None when it is not installed or fails."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency; a broken install degrades
        return None
    try:
        text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                                   include_images=False, deduplicate=False, favor_precision=False)
    except Exception:  # noqa: BLE001 - a second opinion that fails is no opinion
        return None
    if not text or len(text) > MAX_TRAF_CHARS:
        return None
    return text


def fuse(lines: list[Line], kept: list[int], other: str, allowed: Callable[[int], bool],
         head: int | None = None) -> tuple[list[int], str]:
    """Our kept lines, with the lines of the page that trafilatura also took added where our
    cues allow them (not chrome, not captions, not noise, not mostly links). Returns the line
    indexes in reading order and the outcome ("kept", "fused", "replaced"). allowed(i): may
    line i be body at all (not the headline, the date or a byline, not noise)."""
    other_key = " " + " ".join(_key(p) for p in other.splitlines() if p.strip()) + " "
    confirmed = []
    for ln in lines:
        # With nothing of our own, our chrome cue has already failed this page: it vetoes nothing.
        if len(ln.text) < 20 or (ln.chrome and kept) or ln.caption or ln.link_density > rules.TEXT_LINE:
            continue
        k = _key(ln.text)
        if k and (" " + k + " ") in other_key:
            confirmed.append(ln.idx)
    if not confirmed:
        return kept, "kept"
    own = set(kept)
    lo, hi = confirmed[0], confirmed[-1]
    # Between the first and the last line both opinions agree on, our lines stay; lines that
    # trafilatura took and our cues allow join them.
    added = [i for i in confirmed if i not in own and allowed(i)]
    if head is not None and kept:
        # Above the site's links over the headline (its menu), and outside the element that holds
        # the headline and our text, lines join only when they outweigh our text: the article
        # began above what we took for its headline. A short blurb printed before the menu and
        # the content column (the school's introduction) does not; a lead beside the headline does.
        article = article_element(lines, head, kept[0])
        menu = menu_above(lines, head)
        apart = [i for i in added if i < menu and (article is None or not inside(article, lines[i]))]
        if sum(len(lines[i].text) for i in apart) < ABOVE_OUTWEIGHS * sum(len(lines[i].text) for i in kept):
            added = [i for i in added if i not in apart]
    # Our lines outside trafilatura's span are dropped only when trafilatura holds the article:
    # most of our text is inside its span.
    span_own = [i for i in kept if lo <= i <= hi]
    ours_chars = sum(len(lines[i].text) for i in kept) or 1
    if sum(len(lines[i].text) for i in span_own) >= 0.8 * ours_chars:
        # (Our lead above its span stays: a general extractor often drops an article's sapo.)
        base = span_own + [i for i in kept if not (lo <= i <= hi) and (
            _short_credit(lines[i]) or (i < lo and _lead_paragraph(lines[i])))]
    else:
        base = kept
    out = sorted(set(base) | set(added))
    if not added and out == kept:
        return kept, "kept"
    return out, ("replaced" if not kept else "fused")


def _lead_paragraph(ln: Line) -> bool:
    return len(ln.text) >= body.SAPO_CHARS and body.paragraph_like(ln)


def _short_credit(ln: Line) -> bool:
    """A closing line of the text (a source, a signature) that a general extractor drops."""
    return len(ln.text) < 120
