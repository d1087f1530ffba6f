"""The article extractor: page bytes + URL (+ optional site profile) in, an article record out.

One entry point, `extract()`, serves the spider, `tct extract` and `tct reparse`. Fields are
chosen together on the page's text lines: the headline, the date next to it, the author block
under the date or at the end of the text, and the paragraphs in between.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from crawler.parser import authors, body, published, title
from crawler.parser.dates import VN_TZ, find_date, iso
from crawler.parser.decode import decode_html, legacy_font
from crawler.parser.lines import Line, clean_ws, linearize
from crawler.parser.profile import SiteProfile, apply_profile
from crawler.parser.template import HostTemplate

__all__ = ["Article", "extract", "SiteProfile", "HostTemplate"]

CONTRACT_KEYS = ("url", "title", "published_at", "author", "author_degree", "author_role", "body")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
TOP_BLOCK_LINES = 8
MAX_PAGE_BYTES = 5 * 1024 * 1024


@dataclass
class Article:
    url: str | None = None
    title: str | None = None
    published_at: str | None = None
    author: str | None = None
    author_degree: str | None = None
    author_role: str | None = None
    body: str | None = None
    encoding: str | None = None
    canonical_url: str | None = None
    flags: list[str] = field(default_factory=list)
    signals: dict[str, int] = field(default_factory=dict)  # page-shape figures for the classifier
    links: list[str] = field(default_factory=list, repr=False)  # every <a href> of the page
    school_name: str | None = None  # the school's name as the page prints it (banner, footer)

    def to_contract(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: d[k] for k in CONTRACT_KEYS}


def parse_tree(text: str) -> etree._Element | None:
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text, parser=_HTML_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None
    return root


_HREFS = etree.XPath("//a/@href | //area/@href")
# Plain lxml elements, not lxml.html's: the per-element class lookup of lxml.html costs ~10 % of
# the extraction time and we use none of its methods.
_HTML_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, recover=True)


def canonical_link(root: etree._Element) -> str | None:
    for href in root.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'):
        href = str(href).strip()
        if href:
            return href
    return None


def extract(data: bytes | str, url: str | None = None, *, http_charset: str | None = None,
            profile: SiteProfile | None = None, template: HostTemplate | None = None,
            learn: bool = False, now: datetime | None = None) -> Article:
    """Extract one article. Never raises on bad input: unreadable pages give empty fields.

    template: the host's template learned from its other pages; with learn=True this page is
    added to it first (a crawl learns as it goes).
    """
    now = now or datetime.now(VN_TZ)
    truncated = len(data) > MAX_PAGE_BYTES
    if truncated:  # no news article is this long; parse its first part, in bounded time
        data = data[:MAX_PAGE_BYTES]
    if isinstance(data, bytes):
        text, encoding = decode_html(data, http_charset)
    else:
        text, encoding = data, "unicode"
    art = Article(url=url, encoding=encoding)
    if truncated:
        art.flags.append("truncated")
    root = parse_tree(text)
    if root is None:
        art.flags.append("empty_or_unparseable")
        return art
    art.canonical_url = canonical_link(root)
    art.links = [str(h) for h in _HREFS(root)]  # the spider follows these; one parse serves both
    lines = linearize(root)
    if template is not None:
        if learn:
            template.learn(lines)
        lines = template.drop_boilerplate(lines)
        for i, ln in enumerate(lines):
            ln.idx = i
    art.school_name = printed_school_name(lines)
    _fill(art, root, lines, url, now)
    legacy = legacy_font(art.body or "")
    if legacy:
        art.flags.append(f"legacy_font_{legacy}")  # not converted: see decode.legacy_font
    if profile is not None:
        apply_profile(art, root, profile, now)
    return art


def _fill(art: Article, root, lines: list[Line], url: str | None, now: datetime) -> None:
    metas = title.meta_titles(root)
    tchoice = title.choose_title(lines, metas)
    art.title = tchoice.text
    tidx = tchoice.idx
    if tidx is None and tchoice.anchor is not None:
        art.flags.append("title_from_metadata")
    anchor = tidx if tidx is not None else tchoice.anchor
    dchoice = published.choose_date(lines, anchor, root, url, now, art.title)
    if dchoice.when is not None:
        art.published_at = iso(dchoice.when)
        if dchoice.source != "visible":
            art.flags.append(f"date_from_{dchoice.source}")
        if dchoice.updated_label:
            art.flags.append("date_from_update_label")
    start = (anchor + 1) if anchor is not None else 0
    if dchoice.idx is not None and anchor is not None and dchoice.idx > anchor:
        start = max(start, dchoice.idx + 1) if dchoice.idx - anchor <= 2 else start
    region = body.region(lines, start)
    used: set[int] = set()
    if tidx is not None:
        used.add(tidx)
        # The rest of a headline broken by <br> inside its heading element.
        used.update(j for j in range(tidx + 1, min(len(lines), tidx + 3))
                    if lines[tidx].heading and lines[j].owner is lines[tidx].owner)
    if dchoice.idx is not None:
        used.add(dchoice.idx)

    person, consumed = _top_author(lines, tidx, dchoice.idx, region)
    used |= consumed
    tail_person, tail_used = _tail_author(
        lines, [i for i in region if i not in used] + _after_region(lines, region), art.title)
    used |= tail_used
    if person is None or person.name is None:
        person = tail_person if tail_person is not None else person
    if person is not None and person.name:
        art.author, art.author_degree, art.author_role = person.name, person.degree, person.role

    kept = [i for i in region if i not in used and not body.is_noise(lines[i], art.title)]
    text = body.assemble(lines, kept)
    art.body = text or None
    art.signals["list_items"] = _interleaved_items(lines, region, set(kept))
    page_url = url or art.canonical_url
    art.signals["title_links_away"] = int(tidx is not None and _links_away(lines[tidx], page_url))
    art.signals["dated_lines"] = sum(
        1 for i in kept if len(lines[i].text) < 120 and not lines[i].row
        and find_date(lines[i].text) is not None)


def _top_author(lines: list[Line], tidx: int | None, didx: int | None, region: list[int],
                ) -> tuple[authors.Person | None, set[int]]:
    """Credit lines between the headline and the first paragraph (the date line included)."""
    used: set[int] = set()
    if tidx is None:
        return None, used
    first_para = next((i for i in region if body.paragraph_like(lines[i]) and i > tidx
                       and i != didx and len(lines[i].text) > 100), None)
    stop = first_para if first_para is not None else min(len(lines), tidx + TOP_BLOCK_LINES)
    stop = min(stop, tidx + TOP_BLOCK_LINES + 1)
    found: authors.Person | None = None
    i = tidx + 1
    while i < stop:
        ln = lines[i]
        text = ln.text
        if ln.link_density > 0.5 and not authors.rules.AUTHOR_LABEL.match(text):
            i += 1
            continue
        if i == didx:
            text = _byline_in_date_line(text)
            if not text:
                i += 1
                continue
        blk = authors.read_block(lines, i, bare_ok=True, stop=stop) if i != didx else None
        person = authors.parse_person(text, bare_ok=True) if i == didx else (blk.person if blk else None)
        if person is not None:
            used.update(blk.lines if blk else [i])
            if found is None and person.name:
                found = person
            elif found is None and person.labelled:
                found = person  # an account or organisation credit: remember there is no author
            i = (max(blk.lines) + 1) if blk else i + 1
            continue
        if found is not None and authors.is_role_line(text):
            used.add(i)  # the role line of a second, stacked author
        i += 1
    return found, used


_SCHOOL_NAME = re.compile(
    r"^(?:(?:cổng|trang) thông tin điện tử\s+)?(trường\s+(?:chính\s+trị|đào\s+tạo\s+cán\s+bộ)"
    r"[^|:;.\n]{2,60}?)(?:\s*[-–|:,]\s*(?:địa chỉ|đ/c|điện thoại|tel|số).*)?$", re.I)


def printed_school_name(lines: list[Line]) -> str | None:
    """The school name the page prints in its banner or footer, normal-cased if in capitals."""
    for ln in lines:
        if len(ln.text) > 90 or ln.link_density > 0.5:
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


def _interleaved_items(lines: list[Line], region: list[int], kept: set[int]) -> int:
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


def _links_away(line: Line, page_url: str | None) -> bool:
    """A headline that is a link to another page: an item of a listing, not this page's title."""
    if line.link_density <= 0.5 or not line.anchors or not page_url:
        return False
    from crawler.urls import canonicalize

    here = canonicalize(page_url)
    for href in line.anchors:
        try:
            target = canonicalize(urljoin(page_url, href))
        except ValueError:
            continue
        if target != here and not href.startswith("#"):
            return True
    return False


def _after_region(lines: list[Line], region: list[int], most: int = 3) -> list[int]:
    """Short plain lines right after the text block: where a credit box often sits."""
    if not region:
        return []
    out = []
    for i in range(region[-1] + 1, min(len(lines), region[-1] + 1 + most)):
        ln = lines[i]
        if ln.chrome or ln.link_density > 0.5 or len(ln.text) > 160 or \
                authors.rules.END_OF_ARTICLE.match(ln.text):
            break
        out.append(i)
    return out


def _byline_in_date_line(text: str) -> str:
    """`Tác giả: X | 12/03/2023 08:00` → `Tác giả: X`; a bare date line gives ''."""
    pieces = [p.strip() for p in re.split(r"\s+[|–—-]\s+|\s{2,}", text) if p.strip()]
    for p in pieces:
        if authors.rules.AUTHOR_LABEL.match(p) or authors.rules.ACCOUNT_LABEL.match(p):
            return p
    for p in pieces:  # "12/03/2023 08:00 | Nguyễn Văn An": an unlabelled name beside the date
        if published.find_date(p) is None and authors.looks_like_name(p, need_surname=True):
            return p
    return ""


def _is_sentence(text: str) -> bool:
    return len(text) >= 100 or (len(text) >= 40 and text.rstrip().endswith((".", "!", "?", "…", ".”", ".\"")))


def _tail_author(lines: list[Line], region: list[int], title_text: str | None,
                 ) -> tuple[authors.Person | None, set[int]]:
    """The credit zone after the last sentence of the text: names, roles, org credits, initials.

    Returns the first person listed and the lines to keep out of the body: the zone and
    whatever follows it (tool bars, footers caught in the same container).
    """
    tail = [i for i in region if not body.is_noise(lines[i], title_text)]
    last_sentence = max((k for k, i in enumerate(tail) if _is_sentence(lines[i].text)), default=-1)
    zone: list[int] = []
    people: list[tuple[int, authors.Person]] = []
    prev_person = False
    for k in range(last_sentence + 1, min(len(tail), last_sentence + 9)):
        i = tail[k]
        text = lines[i].text
        p = authors.parse_person(text, bare_ok=True) if len(text) <= 160 else None
        if p is not None:
            zone.append(i)
            people.append((i, p))
            prev_person = p.name is not None and p.role is None
            continue
        if prev_person and authors.is_role_line(text):
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
    if not people:
        return None, set(zone) | after
    first_i, first = people[0]
    if first.name and first.role is None:
        nxt = next((j for j in zone if j > first_i), None)
        if nxt is not None and nxt not in dict(people) and authors.is_role_line(lines[nxt].text):
            role = authors._strip_role(clean_ws(lines[nxt].text).lstrip("(").rstrip(" |;").rstrip(")"))
            first = authors.Person(first.name, first.degree, role, first.labelled)
    return first, set(zone) | after


def _is_initials(text: str) -> bool:
    t = re.sub(r"\s", "", text)
    return bool(re.fullmatch(r"(?:[^\W\d_]{1,2}\.){1,5}[^\W\d_]{0,2}\.?", t))
