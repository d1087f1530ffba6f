"""Page-shape signals beside the fields: is this page a listing, which school does it name.

The classifier (`crawler/classify.py`) reads them from `Article.signals`.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

from crawler.parser import authors, body, published, rules
from crawler.parser.dates import find_date
from crawler.parser.lines import Line

_SCHOOL_NAME = re.compile(
    r"^(?:(?:cổng|trang) thông tin điện tử\s+)?(trường\s+(?:chính\s+trị|đào\s+tạo\s+cán\s+bộ)"
    r"[^|:;.\n]{2,60}?)(?:\s*[-–|:,]\s*(?:địa chỉ|đ/c|điện thoại|tel|số).*)?$", re.I)


_AFTER_NAME = re.compile(r"\s*(?:[-–|:,]\s*)?(?:địa chỉ|đ/c|điện thoại|tel|số|đt)\b", re.I)


def is_school_name_line(ln: Line, name: str | None) -> bool:
    """The school's printed name in capitals, or followed by its address or phone (a banner, a
    footer): never the article's text."""
    if not name or len(ln.text) > 160:
        return False
    text, name = ln.text.casefold(), name.casefold()
    if not text.startswith(name):
        return False
    rest = text[len(name):]
    if _AFTER_NAME.match(rest):
        return True
    # Alone, only as a banner prints it (capitals): "Trường Chính trị tỉnh tổ chức …" may be a sentence.
    return not rest.strip(" .-–|") and ln.text.isupper()


def printed_school_name(lines: list[Line]) -> str | None:
    """The school name the page prints in its banner or footer, normal-cased if in capitals."""
    for ln in lines:
        if len(ln.text) > 90 or ln.link_density > rules.LINK_LINE:
            continue
        m = _SCHOOL_NAME.match(ln.text)
        if m and len(m.group(1).split()) <= 12 and not published.find_date(ln.text):
            name = m.group(1).strip()
            if name.isupper():  # "TRƯỜNG CHÍNH TRỊ TỈNH YÊN BÁI" → "Trường Chính trị tỉnh Yên Bái"
                name = authors.name_case(name)
                for word, lower in _NAME_WORDS:
                    name = name.replace(word, lower)
            return name
    return None


_NAME_WORDS = (("Chính Trị", "Chính trị"), (" Tỉnh ", " tỉnh "), (" Thành Phố ", " thành phố "),
               ("Đào Tạo Cán Bộ", "Đào tạo cán bộ"))


def interleaved_items(lines: list[Line], region: list[int], kept: set[int]) -> int:
    """How often a headline link is followed by running text: the rhythm of a news listing.

    A listing opens with a headline link; an article opens with its own text, and teasers of
    related news after that text are not a listing.
    """
    count = 0
    after_link = False
    for i in region:
        ln = lines[i]
        if published.is_headline_link(ln):
            after_link = True
        elif i in kept and body.paragraph_like(ln):
            if not after_link and count == 0 and len(ln.text) > 100:
                return 0  # running text before any headline link: an article
            if after_link:
                count += 1
                after_link = False
    return count


def cut_short_lines(lines: list[Line], region: list[int]) -> int:
    """Lines cut short with '…' as a listing prints them: a link ("Xem tiếp", the next item's
    headline) or nothing of the region after each (the item's date between aside). Vietnamese
    writes '…' for "and so on" too, inside an article's sapo and lists, with the text going on
    below."""
    count = 0
    for n, i in enumerate(region):
        if not lines[i].text.endswith(rules.TEASER_ENDS):
            continue
        k = n + 1
        while k < len(region) and k <= n + 2 and body.is_time_stamp(lines[region[k]]):
            k += 1  # (an item's date printed under its teaser, before its "Đọc tiếp" link)
        nxt = region[k] if k < len(region) else None
        between = lines[i + 1:nxt] if nxt is not None else lines[i + 1:i + 2]
        if nxt is None or any(ln.link_density > rules.LINK_LINE for ln in between) or \
                lines[nxt].link_density > rules.LINK_LINE:
            count += 1
    return count


TEASER_REACH = 3  # lines from a headline link down to its teaser (a date or a thumbnail between)


def teaser_share(lines: list[Line], kept: list[int], own: set[int]) -> float:
    """How much of the text is teasers: paragraphs each printed a few lines under a headline
    link. A listing's text is all teasers, whatever region was taken for its "article"; an
    article's paragraphs follow one another under one headline (`own`: the page's headline,
    date and byline lines, which a theme may link to the article itself)."""
    total = teased = items = 0
    for i in kept:
        size = len(lines[i].text)
        total += size
        for j in range(i - 1, max(-1, i - 1 - TEASER_REACH), -1):
            if j not in own and published.is_headline_link(lines[j]) and not find_date(lines[j].text):
                teased += size
                items += 1
                break
            if body.paragraph_like(lines[j]):
                break  # running text above: this paragraph continues it
    return teased / total if total and items >= 2 else 0.0  # (one item is no list)


NO_HEADING = 7  # (a line set in bold or named as a title ranks below every heading level)


def unlink_self_links(lines: list[Line], page_urls: list[str], base: str | None = None) -> None:
    """A headline that is a link to the page itself (a theme that links the post's headline to
    the post) is no link for reading the page: no item of a list, and it may head the page.
    Only a line set like a headline (a heading, a title's class, bold), and not when a heading of
    a higher level with no link prints the same words (an <h1> over the page's own <h3> entry in a
    list of the site's latest news): such an entry stays a listed link."""
    urls = [u for u in page_urls if u]
    tails = {u.rstrip("/").rsplit("/", 1)[-1] for u in urls} - {""}
    if not tails:
        return
    from crawler.urls import canonicalize

    here: set[str] | None = None
    printed: dict[str, int] | None = None
    for ln in lines:
        if ln.link_density <= rules.LINK_LINE or not ln.anchors or \
                not (ln.heading or ln.title_class or ln.bold) or \
                not all(any(t in href for t in tails) for href in ln.anchors):
            continue  # (most links are not to this page: told by the address's last part alone)
        try:
            if here is None:
                here = {canonicalize(u) for u in urls}
            against = urljoin(urls[0], base) if base else urls[0]
            own = all(canonicalize(urljoin(against, href)) in here for href in ln.anchors)
        except ValueError:  # an address that cannot be read is no link to this page
            continue
        if not own:
            continue
        printed = _headings_printed(lines) if printed is None else printed
        if printed.get(ln.text.casefold(), NO_HEADING) < (ln.heading or NO_HEADING):
            ln.own_entry = True  # the headline is printed as a higher heading: this is its entry in a
            continue  # list (and no menu's entry either: its words are the headline's)
        ln.link_chars, ln.link_density = 0, 0.0


def _headings_printed(lines: list[Line]) -> dict[str, int]:
    """The words of the page's headings that are no links, with the highest level each has."""
    printed: dict[str, int] = {}
    for h in lines:
        if h.heading and h.link_density <= rules.LINK_LINE:
            key = h.text.casefold()
            printed[key] = min(h.heading, printed.get(key, h.heading))
    return printed


def links_away(line: Line, page_url: str | None, base: str | None = None) -> bool:
    """A headline that is a link to another page: an item of a listing, not this page's title.
    (`base`: the page's `<base href>`, which its relative links are relative to.)"""
    if line.link_density <= rules.LINK_LINE or not line.anchors or not page_url:
        return False
    from crawler.urls import canonicalize

    try:
        here = canonicalize(page_url)
    except ValueError:  # an address that cannot be read (`http://[bad`): nothing to compare with
        return False
    for href in line.anchors:
        try:
            target = canonicalize(urljoin(urljoin(page_url, base) if base else page_url, href))
        except ValueError:
            continue
        if target != here and not href.startswith("#"):
            return True
    return False


# The class a CMS gives the <body> of one post's own page (not a static page's, not a listing's):
# WordPress's `single-post`, Drupal's `page-node-type-article` (`node-type-article` before 8).
_SINGLE_POST = frozenset({"single-post", "page-node-type-article", "node-type-article"})


def single_post_view(root) -> int:
    """1 when the page's <body> is classed as one post's page by its CMS: evidence that a page
    whose theme hides the date is an article and not a static page (those share its shape)."""
    el = root.find("body") if root is not None and root.tag == "html" else None
    return int(el is not None and not _SINGLE_POST.isdisjoint((el.get("class") or "").split()))


# A field of a record on a line of its own: a short label, a colon, its value ("Số ký hiệu:
# 125/TB-TCT", "Ngày ban hành: 12/03/2024", "Người ký: …").
_FIELD = re.compile(r"^[^\W\d][^:.!?]{1,30}:\s*\S")
FIELD_LINE_CHARS = 160
FIELD_LABEL_WORDS = 5


def field_line(ln: Line) -> bool:
    """A line that is one field of a record (a document's number, date issued, signer, summary,
    file), printed as a label and its value rather than as a table's row."""
    text = ln.text
    if len(text) > FIELD_LINE_CHARS or not _FIELD.match(text):
        return False
    return len(text.split(":", 1)[0].split()) <= FIELD_LABEL_WORDS
