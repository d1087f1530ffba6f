"""Where the writer's credit sits: under the date, in the date line, or after the text.

`top_author()` reads the block between the headline and the first paragraph; `tail_author()`
the credit zone after the last sentence (names, their roles, organisation credits, initials).
Both return the person found (if any) and the lines to keep out of the body.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from crawler.parser import authors, body, jsonld, published, rules
from crawler.parser.lines import Line, clean_ws

TOP_BLOCK_LINES = 8
PEN_NAME_LINE_CHARS = 40  # a signature line; longer bold lines are subheadings or sentences


def top_author(lines: list[Line], tidx: int | None, didx: int | None, region: list[int],
               boxed: frozenset[int] | set[int] = frozenset()) -> tuple[authors.Person | None, set[int]]:
    """Credit lines between the headline and the first paragraph (the date line included);
    `boxed`: lines of boxes of other news taken out of the text, passed over."""
    used: set[int] = set()
    if tidx is None:
        return None, used
    first_para = next((i for i in region if body.paragraph_like(lines[i]) and i > tidx
                       and i != didx and len(lines[i].text) > 100
                       and not authors.credit_label(lines[i].text)), None)
    stop, bare_reach = _top_block_end(lines, tidx, first_para, boxed)
    found: authors.Person | None = None
    i = tidx + 1
    while i < stop:
        ln = lines[i]
        if i in boxed:
            i += 1
            continue
        text = ln.text
        writer = writer_link(ln)
        if ln.link_density > rules.LINK_LINE and not rules.AUTHOR_LABEL.match(text) \
                and not writer:
            i += 1
            continue
        # The date line, or a meta line that opens with the writer's label (`Tác giả: X | Lượt
        # xem: 418`): the writer's piece of it.
        meta_line = i == didx or (" | " in text and bool(rules.AUTHOR_LABEL.match(text)))
        linked_name = False
        if meta_line:
            text, linked_name = _byline_in_date_line(text, ln.link_chars, _bold_pieces(ln))
            if not text:
                i += 1
                continue
        # A short bold line alone under the headline is a signature: pen names count there.
        bare = i < bare_reach
        pen = (ln.bold or writer) and len(text) <= PEN_NAME_LINE_CHARS and found is None and bare
        blk = authors.read_block(lines, i, bare_ok=bare, stop=stop, pen_ok=pen) if not meta_line else None
        person = authors.parse_person(text, bare_ok=bare, pen_ok=linked_name) if meta_line \
            else (blk.person if blk else None)
        if person is not None:
            used.update(blk.lines if blk else [i])
            if person.name and (found is None or found.name is None):
                found = person  # (a writer named after an account's credit, `bởi admin`: the writer)
            elif found is None and person.labelled:
                found = person  # an account or organisation credit: remember there is no author
            i = (max(blk.lines) + 1) if blk else i + 1
            continue
        if found is not None and (authors.is_role_line(text) or _names(text, found)):
            used.add(i)  # the role line of a second, stacked author; the writer's name again
        i += 1
    if found is None and first_para is not None:
        found = _credit_after_sapo(lines, first_para, used, boxed)
    return found, used


def _top_block_end(lines: list[Line], tidx: int, first_para: int | None,
                   boxed: frozenset[int] | set[int]) -> tuple[int, int]:
    """Where the top block ends, and where bare names stop counting in it. A box of other news
    between the headline and the text takes no room in it; nor does furniture (share buttons,
    counters: chrome or links), but past that only a credit that says so is read (a name with a
    degree, a label or a role), not a bare name: a dateline's place."""
    stop = first_para if first_para is not None else min(len(lines), tidx + TOP_BLOCK_LINES)
    reach = tidx + TOP_BLOCK_LINES + 1
    end = first_para if first_para is not None else min(reach, len(lines))
    reach += sum(1 for j in boxed if tidx < j < end)
    bare_reach = reach
    reach += sum(1 for j in range(tidx + 1, end) if j not in boxed and (
        lines[j].chrome or lines[j].link_density > rules.LINK_LINE))
    return min(stop, reach), bare_reach


# The address of a writer's page ("/tac-gia/le-van-an.html", "/author/le-van-an").
WRITER_HREF = re.compile(r"(?:^|/|[?&]\w*=)(?:tac-?gia|author|authors|tacgia|nguoi-?viet|writer|user|"
                         r"profile|butdanh)(?:[/=._-]|$)", re.I)


def writer_link(ln: Line) -> bool:
    """A name linked to its writer's page, or a linked name that carries a degree."""
    if len(ln.text) > PEN_NAME_LINE_CHARS * 2:
        return False
    if any(WRITER_HREF.search(h) for h in ln.anchors):
        return True
    p = authors.parse_person(ln.text, bare_ok=False)
    return p is not None and p.name is not None and p.degree is not None


def _credit_after_sapo(lines: list[Line], sapo: int, used: set[int], boxed: frozenset[int] | set[int]
                       ) -> authors.Person | None:
    """A byline typed at the top of the body, under a sapo the CMS prints apart (NukeViet's
    hometext): set apart (bold, right-aligned) or carrying a degree or a label, with the text
    going on below it (a box of other news or page furniture printed between the two is passed
    over)."""
    i = sapo + 1
    while i < len(lines) and (i in boxed or lines[i].chrome):
        i += 1
    if i >= len(lines):
        return None
    ln = lines[i]
    if len(ln.text) > PEN_NAME_LINE_CHARS * 3 or ln.link_density > rules.LINK_LINE:
        return None
    apart = ln.bold or ln.right or ln.author_class
    blk = authors.read_block(lines, i, bare_ok=apart, stop=min(len(lines), i + 3),
                             pen_ok=apart and len(ln.text) <= PEN_NAME_LINE_CHARS)
    if blk is None or not blk.person.name or not (apart or blk.person.degree or blk.person.labelled):
        return None
    after = max(blk.lines) + 1
    if after >= len(lines) or not body.paragraph_like(lines[after]):
        return None
    used.update(blk.lines)
    return blk.person


CLASS_WINDOW_BEFORE = 6  # lines above the headline where a writer's element may sit
CLASS_WINDOW_AFTER = 12  # lines after the text


def class_author(lines: list[Line], tidx: int | None, region: list[int],
                 ) -> tuple[authors.Person | None, set[int]]:
    """A line in an element the page marks as the writer's (class or id `author`, `tacgia`…),
    between just above the headline and just after the text: pen names count there."""
    if tidx is None:
        return None, set()
    end = (region[-1] if region else tidx) + CLASS_WINDOW_AFTER
    for i in range(max(0, tidx - CLASS_WINDOW_BEFORE), min(len(lines), end + 1)):
        ln = lines[i]
        if not ln.author_class or len(ln.text) > 80:
            continue
        text = _without_dates(ln.text)
        person = authors.parse_person(text, pen_ok=True) if text else None
        if person is not None and person.name:
            taken = {i}
            role = authors.role_below(lines[i + 1].text, bool(person.degree)) \
                if person.role is None and i + 1 < len(lines) and len(lines[i + 1].text) <= 160 else None
            if role is not None:
                person = replace(person, role=role)
                taken.add(i + 1)
            return person, taken
    return None, set()


def _without_dates(text: str) -> str:
    """`Nguyên Minh - 07/03/2026 08:47` → `Nguyên Minh`."""
    for _ in range(3):
        found = published.find_date(text)
        if found is None:
            break
        text = (text[:found.start] + " " + text[found.end:]).strip()
    text = _CLOCK.sub(" ", text)
    return re.sub(r"(?:\s*[|–—•·-]\s*)+$", "", re.sub(r"^(?:\s*[|–—•·-]\s*)+", "", text)).strip()


_CLOCK = re.compile(r"\b\d{1,2}\s?[:h]\s?\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM))?\b|\(?\bGMT\s*\+?\s*7\)?",
                    re.I)


def after_region(lines: list[Line], region: list[int], most: int = 3) -> list[int]:
    """Short plain lines right after the text block: where a credit box often sits."""
    if not region:
        return []
    out = []
    for i in range(region[-1] + 1, min(len(lines), region[-1] + 1 + most)):
        ln = lines[i]
        if (ln.chrome and not _labelled_credit(ln)) or \
                (ln.link_density > rules.LINK_LINE and not writer_link(ln)) or len(ln.text) > 160 \
                or rules.END_OF_ARTICLE.match(ln.text) or rules.ABOUT_THE_WRITER.match(ln.text):
            break  # (a name linked to the writer's page is the credit box's; a writer's bio box is not)
        out.append(i)
    return out


def _labelled_credit(ln: Line) -> bool:
    """`Tác giả: …` right after the text, in a block only its name calls furniture (a theme's
    `post-tools`): the label says what the line is, whatever the block's name."""
    return ln.named_only and bool(rules.AUTHOR_LABEL.match(ln.text))


_CLOSING_QUOTES = ("”", "\"", "»", "”.", "\".", "”)")
QUOTE_DEPTH = 4  # a quotation's element sits this close above its lines


def _quoted(ln: Line) -> bool:
    """Is the line part of a quotation (`<blockquote>`, `<q>`)? The name under a quotation is
    the person quoted, not the writer."""
    return body.enclosing(ln, ("blockquote", "q"), QUOTE_DEPTH) is not None


def _names(text: str, person: authors.Person) -> bool:
    return bool(person.name) and authors.name_case(text.strip()) == person.name


def _bold_pieces(ln: Line) -> frozenset[str]:
    """The texts set in bold inside the line's element (`<b>Thu Hằng</b> • 07/03/2026`)."""
    if ln.owner is None or len(ln.text) > BYLINE_CHARS:
        return frozenset()
    return frozenset(clean_ws("".join(el.itertext())) for el in ln.owner.iter("b", "strong"))


def _byline_in_date_line(text: str, link_chars: int = 0, bold: frozenset[str] = frozenset(),
                         ) -> tuple[str, bool]:
    """`Tác giả: X | 12/03/2023 08:00` → `Tác giả: X`; a bare date line gives ''. With it, whether
    the piece is set apart: the line's link text, all of it (`<a class="author">Nguyên Minh</a> -
    07/03/2026`: a pen name linked to the writer's page), or a piece in bold (`<b>Thu Hằng</b> •
    07/03/2026`); a pen name needs no family name there."""
    pieces = [p.strip() for p in _PIECES.split(text) if p.strip()]
    for p in pieces:
        if rules.AUTHOR_LABEL.match(p) or rules.ACCOUNT_LABEL.match(p):
            return p, False
        if authors.POSTED_BY.match(p):  # (up to what WordPress and Drupal print next: "trong Tin tức")
            return _AFTER_BY_NAME.split(p, maxsplit=1)[0], False
    for p in pieces:  # "12/03/2023 08:00 | Nguyễn Văn An": an unlabelled name beside the date
        if published.find_date(p) is None:
            linked = abs(link_chars - len(p)) <= LINK_SLACK_CHARS or p in bold
            # ("TS. Trần Văn Quyết - 29/01/2022": the degree is the credit's, not the name's)
            if authors.looks_like_name(authors.without_degree(p), need_surname=not linked):
                return p, linked
    return "", False


LINK_SLACK_CHARS = 2  # (spaces around a link's text)
# The date line's pieces: apart by a bar or a dash, before "bởi", or before a clock ("Hồng Vân 08:47").
_PIECES = re.compile(r"\s+[|–—•·-]\s+|\s{2,}|\s(?=bởi\s)|\s(?=\d{1,2}:\d{2}\b)")
_AFTER_BY_NAME = re.compile(r"\s+(?:trong|vào|lúc|ngày)\s", re.I)  # "bởi X trong Tin tức", "bởi X vào T3, …"


def _is_sentence(text: str) -> bool:
    return len(text) >= 100 or (len(text) >= 40 and text.rstrip().endswith((".", "!", "?", "…", ".”", ".\"")))


TEXT_AFTER_CREDIT_CHARS = 300  # a credit closes the text; tool bars and footers after it are short


def _credit_candidates(lines: list[Line], region: list[int], title_text: str | None) -> list[int]:
    """The region's lines that may be the text or its credits. A name linked to its writer's
    page is a link line, not noise, here; and a block holding an image may hold the whole text,
    the byline and its italic role line included (an editor that breaks paragraphs with <br>):
    its lines are no captions for that alone."""
    return [i for i in region
            if not body.is_noise(lines[i], title_text, figures=False) or writer_link(lines[i])]


def tail_author(lines: list[Line], region: list[int], title_text: str | None,
                ) -> tuple[authors.Person | None, set[int]]:
    """The credit zone after the last sentence of the text: names, roles, org credits, initials.

    Returns the first person listed and the lines to keep out of the body: the zone and
    whatever follows it (tool bars, footers caught in the same container).
    """
    tail = _credit_candidates(lines, region, title_text)
    last_sentence = _last_text_line(lines, tail)
    if _signature(lines, tail[last_sentence + 1:last_sentence + 9]):
        return None, set()  # an announcement's signature block: the body's, and nobody's byline
    zone: list[int] = []
    people: list[tuple[int, authors.Person]] = []
    prev_person = prev_credited = False
    for k in range(last_sentence + 1, min(len(tail), last_sentence + 9)):
        i = tail[k]
        text = lines[i].text
        ln = lines[i]
        # Set apart like a signature (bold, right-aligned, in capitals, the writer's element or a
        # link to the writer's page): pen names too.
        pen = (ln.bold or ln.right or _capitals(text) or ln.author_class or writer_link(ln)) and \
            len(_ROLE_AFTER.split(text, maxsplit=1)[0]) <= PEN_NAME_LINE_CHARS
        quoted = _quoted(ln) or (k > 0 and lines[tail[k - 1]].text.rstrip().endswith(_CLOSING_QUOTES))
        p = authors.parse_person(text, bare_ok=True, pen_ok=pen) if len(text) <= 160 and not quoted \
            else None
        if p is not None:
            zone.append(i)
            people.append((i, p))
            prev_person = p.name is not None and p.role is None
            prev_credited = prev_person and authors.credited(p)
            continue
        if prev_person and authors.role_below(text, prev_credited) is not None:
            zone.append(i)
            prev_person = False
            continue
        if authors.is_org_credit(text) or _is_initials(text):
            zone.append(i)
            prev_person = False
            continue
        if zone:
            break  # the credit zone is over
        if len(text) > 160:
            break
    if not zone:
        return None, set()
    after = {i for i in region if i > zone[-1]}
    if sum(len(lines[i].text) for i in after if not body.is_noise(lines[i], title_text)) \
            > TEXT_AFTER_CREDIT_CHARS:
        return None, set()  # the text goes on: a short line inside it (a list's heading), no credit
    if not people:
        return None, set(zone) | after
    first_i, first = people[0]
    if first.name and first.role is None:
        nxt = next((j for j in zone if j > first_i), None)
        role = authors.role_below(lines[nxt].text, authors.credited(first)) \
            if nxt is not None and nxt not in dict(people) else None
        if role is not None:
            first = replace(first, role=role)
    return first, set(zone) | after


LISTED_PEOPLE = 3


def _listed_people(lines: list[Line], tail: list[int]) -> set[int]:
    """Names as the items of one list (<li>) or numbered one by one (`1. Nguyễn Văn An`), three
    or more: the people an announcement lists (prize winners, a class's graduates), the text's,
    not its writers."""
    by_list: dict[etree._Element | str, list[int]] = {}  # (list elements held: a proxy's id is reused)
    for i in tail:
        owner, text = lines[i].owner, lines[i].text
        numbered = rules.NUMBERED_ITEM.match(text)
        if (numbered or owner is not None and owner.tag == "li") and len(text) <= 160 and \
                authors.parse_person(text[numbered.end():] if numbered else text, bare_ok=True) is not None:
            by_list.setdefault("numbered" if numbered else owner.getparent(), []).append(i)
    return {i for items in by_list.values() if len(items) >= LISTED_PEOPLE for i in items}


def _last_text_line(lines: list[Line], tail: list[int]) -> int:
    """Where in `tail` the text ends: its last sentence, verse or listed person (a line set
    apart among the last two is the credit however it reads), or -1."""
    verse = _poem(lines, tail[0]) if tail else set()
    listed = _listed_people(lines, tail)
    return max((k for k, i in enumerate(tail)
                if i in listed or ((_is_sentence(lines[i].text) or i in verse)
                                   and not (k >= len(tail) - 2 and _set_apart_credit(lines[i])))),
               default=-1)


def _poem(lines: list[Line], start: int) -> set[int]:
    """A poem's verses (body.verse_runs) from `start` on: its text, as sentences are. A run of
    short lines with a name among them or right above them is a credit block (the writer over
    her post, her school, the source)."""
    return {i for run in body.verse_runs(lines, start)
            if not any(authors.parse_person(lines[j].text, bare_ok=True) for j in (run[0] - 1, *run)
                       if j >= 0)
            for i in run}


# The signature block of an official document: "TL. HIỆU TRƯỞNG", "KT. GIÁM ĐỐC", "T/M BAN
# GIÁM HIỆU", "(đã ký)", "Nơi nhận:".
SIGNATURE_LINE = re.compile(r"^\s*(?:(?:TL|KT|TM|T/M|TUQ|Q|UQ)\s*[.:/]\s*\w|\(?\s*đã\s+ký\s*\)?\s*$|"
                            r"nơi\s+nhận\s*:)", re.I)


SIGNER_CHARS = 40
_ROLE_AFTER = re.compile(r"\s+[-–]\s+")  # "Minh Châu - Trung tâm Bồi dưỡng…": a name, then its role


def _signature(lines: list[Line], after: list[int]) -> bool:
    """Do the lines after the text open a document's signature block? A signature's line
    ("KT. HIỆU TRƯỞNG", "(Đã ký)", "Nơi nhận:") among them, or the signer's post in capitals
    first ("PHÓ HIỆU TRƯỞNG" over the name: a writer's role comes under the name, not over it)."""
    if any(SIGNATURE_LINE.match(lines[i].text) for i in after):
        return True
    first = lines[after[0]].text if after else ""
    return len(first) <= SIGNER_CHARS and first.isupper() and bool(rules.OFFICIAL_TITLE.match(first))


def _set_apart_credit(ln: Line) -> bool:
    """A last line that reads like a sentence but is a credit set apart from the text: labelled
    ("Bài viết của ThS …"), or bold/right-aligned with a degree ("TS.Vũ Ngọc Hoàng- Ủy viên …")."""
    if len(ln.text) > 160:
        return False
    labelled = authors.credit_label(ln.text)
    if not (labelled or ln.bold or ln.right or ln.author_class):
        return False
    p = authors.parse_person(ln.text, bare_ok=False)
    return p is not None and p.name is not None and bool(p.degree or p.labelled)


def _capitals(text: str) -> bool:
    """A line of two words or more, all in capitals, each a Vietnamese syllable ("THU HẰNG"):
    set apart as bold would. ("FRAGEN AN DEN AUTOR" is a heading of another language.)"""
    return text.isupper() and len(text.split()) >= 2 and authors.vietnamese_words(text)


def _is_initials(text: str) -> bool:
    t = re.sub(r"\s", "", text)
    return bool(re.fullmatch(r"(?:[^\W\d_]{1,2}\.){1,5}[^\W\d_]{0,2}\.?", t))


_META_AUTHOR_XPATHS = ('//meta[@name="author"]/@content', '//meta[@property="article:author"]/@content',
                       '//meta[@name="dc.creator" or @name="DC.creator"]/@content')


def metadata_author(root, ld: list[dict], lines: list[Line]) -> authors.Person | None:
    """The writer the page names for machines (schema.org JSON-LD `author` of type Person,
    `<meta name="author">`), taken only when the page also prints that name where a reader sees
    it: a byline we could not read. A name printed nowhere is a CMS account or a default, and an
    organisation is no writer. (`ld`: the page's JSON-LD objects, `jsonld.objects`.)"""
    names: list[str] = []
    for node in ld:
        # (The article's author; a photo's, or a reviewed claim's, is someone else.)
        if any(k.endswith(jsonld.ARTICLE_TYPES) for k in jsonld.types(node)):
            who = node.get("author")
            for a in who if isinstance(who, list) else [who]:
                if isinstance(a, str):
                    names.append(a)
                elif isinstance(a, dict) and a.get("@type", "Person") == "Person" and \
                        isinstance(a.get("name"), str):
                    names.append(a["name"])
    for xp in _META_AUTHOR_XPATHS:
        names += [str(v) for v in _xpath(root, xp) if "://" not in str(v)]
    if not names:
        return None
    # (A name printed only as whoever posted the page, "Đăng bởi: …", is an account's.)
    shown = "\n".join(ln.text for ln in lines
                      if len(ln.text) < 300 and not rules.ACCOUNT_LABEL.match(ln.text))
    for name in names:
        name = " ".join(name.split())
        if not name or len(name) > 60 or name not in shown:
            continue
        person = authors.parse_person(name, bare_ok=True, pen_ok=True)
        if person is not None and person.name and not person.labelled:
            return person
        if person is None and _plain_name(name):
            return authors.Person(name=name)  # (a name of another language, printed and declared)
    return None


# A person's name in a Latin script of another language ("Lars Brunckhorst", "María R.
# Sahuquillo", "Anne-Kathrin Neuberg-Vural"): two to four capitalised words, initials allowed.
_NAME_WORD = re.compile(r"(?:[^\W\d_][.]|[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*)")


def _plain_name(name: str) -> bool:
    """Does a name the page declares for machines (and prints) read as a person's, in a Latin
    script our Vietnamese reading does not know? No account, no outlet or agency, no digits."""
    words = name.split()
    if not 2 <= len(words) <= 4 or name.casefold() in rules.SITE_ACCOUNTS or rules.ORG_START.match(name):
        return False  # (an outlet, an office: "Báo Mẫu", "Trường Chính trị tỉnh")
    return all(_NAME_WORD.fullmatch(w) and w[0].isupper() and w.casefold() not in rules.NOT_NAME_WORDS
               and not w.casefold().endswith(rules.ORG_NAME_ENDINGS) for w in words)


BYLINE_CHARS = 80


def byline_lines(lines: list[Line], region: list[int], name: str) -> set[int]:
    """The short line printing the writer's name above the text's first paragraph, or ending
    the text: the byline that was not read as one."""
    first = next((i for i in region if body.paragraph_like(lines[i]) and len(lines[i].text) > 100), None)
    for i in region:
        text = lines[i].text
        if len(text) <= BYLINE_CHARS and name in text and (first is None or i < first or i == region[-1]):
            return {i}
    return set()


def _xpath(root, xp: str) -> list:
    try:
        return root.xpath(xp)
    except Exception:  # noqa: BLE001 - malformed trees raise assorted lxml errors
        return []
