"""Page-shape signals beside the fields: is this page a listing, which school does it name.

The classifier (`crawler/classify.py`) reads them from `Article.signals`.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

from crawler.parser import authors, body, published, rules
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


def links_away(line: Line, page_url: str | None) -> bool:
    """A headline that is a link to another page: an item of a listing, not this page's title."""
    if line.link_density <= rules.LINK_LINE or not line.anchors or not page_url:
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


