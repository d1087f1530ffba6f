"""Which links of a page the crawl follows, and under which address."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from crawler.links import is_pagination_of, page_links
from crawler.registry import School
from crawler.urls import canonicalize, strip_noise

SCHOOL = School.for_url("https://truongchinhtri.example.vn/")
BASE = "https://truongchinhtri.example.vn/tin-tuc/hoat-dong/bai-1.html?id=5"
HREFS = [
    "/tin-tuc/bai-2.html", "bai-3.html", "./bai-4.html", "../gioi-thieu/", "/a/./b/../c.html",
    "//truongchinhtri.example.vn/bai-5.html", "https://TRUONGCHINHTRI.example.vn/bai-6.html#top",
    "?page=2", "#comments", "/tin-tuc/bai-2.html?utm_source=zalo&fbclid=x", "  /bai-7.html\n",
    "http://truongchinhtri.example.vn:80/bai-8.html", "/bài-viết/tin-9.html", "/bai-10.html?b=2&a=1",
    "https://other.example.com/x.html", "mailto:a@b.vn", "javascript:void(0)", "/files/a.pdf",
    "/tim-kiem?q=x", "/print/bai-1.html", "", "/",
]


def _reference(hrefs: list[str], base: str) -> list[tuple[str, str]]:
    """What page_links must give: urljoin, canonical form, noise stripped, first of each."""
    out, seen = [], set()
    for href in hrefs:
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        absolute = urljoin(base, href)
        url = canonicalize(absolute)
        if url in seen or not SCHOOL.owns(url):
            continue
        seen.add(url)
        out.append((url, strip_noise(absolute)))
    return out


def test_links_resolve_as_urljoin_would():
    got = list(page_links(HREFS, BASE, SCHOOL))
    wanted = [pair for pair in _reference(HREFS, BASE)
              if not pair[0].endswith((".pdf",)) and "tim-kiem" not in pair[0] and "/print/" not in pair[0]]
    assert got == wanted
    # dot segments are resolved, as urljoin does
    assert ("https://truongchinhtri.example.vn/a/c.html", "https://truongchinhtri.example.vn/a/c.html") in got


def test_the_request_keeps_the_address_as_linked_minus_noise():
    got = dict(page_links(["/tin-tuc/bai-2.html?utm_source=zalo&fbclid=x&id=3"], BASE, SCHOOL))
    assert got == {"https://truongchinhtri.example.vn/tin-tuc/bai-2.html?id=3":
                   "https://truongchinhtri.example.vn/tin-tuc/bai-2.html?id=3"}


@pytest.mark.parametrize(("link", "page"), [
    ("https://s.vn/tin-tuc?page=2", "https://s.vn/tin-tuc"),
    ("https://s.vn/tin-tuc/trang-3.html", "https://s.vn/tin-tuc/trang-2.html"),
    ("https://s.vn/tin-tuc/page/2/", "https://s.vn/tin-tuc/"),
    ("https://s.vn/list.aspx?cat=4&PageIndex=2", "https://s.vn/list.aspx?cat=4"),
    ("https://s.vn/tin?start=10", "https://s.vn/tin"),
])
def test_pagination_styles_are_recognised(link, page):
    assert is_pagination_of(link, page)


def test_another_category_is_not_pagination():
    assert not is_pagination_of("https://s.vn/list.aspx?cat=5&PageIndex=2", "https://s.vn/list.aspx?cat=4")
