"""Which links of a page to follow: same school, HTML pages, no print views, no traps.

Discovery needs no configuration: every page of the school's hosts is a candidate, and the spider
tells articles from listings by what it finds on them. What is filtered here never leads to an
article: files, print views, mail and share forms, search results, log-in pages, feeds (read
apart), calendar traps — the rule table is crawler/link_rules.py.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from urllib.parse import SplitResult, parse_qsl, urljoin, urlsplit, urlunsplit

from crawler.link_rules import skip_reason
from crawler.registry import School, bare_host
from crawler.urls import canonicalize, rehost, strip_noise

FEED_HINT = re.compile(r"(?:/feed/?$|/rss(?:/|\.|$)|\.rss$|[?&]feed=|/atom(?:/|$)|rss\.aspx)", re.I)
MAX_QUERY_PARAMS = 6  # more is a faceted-search permutation, not a page of news
MAX_URL_LENGTH = 600


def wanted(url: str, school: School) -> bool:
    """Follow this absolute URL (as linked: the rules read print and session parameters
    canonicalisation would drop)? Same school, not too long, no rule of crawler.link_rules."""
    return _wanted(url, school)


@functools.lru_cache(maxsize=4096)
def _wanted(url: str, school: School) -> bool:
    if len(url) > MAX_URL_LENGTH or not school.owns(url):
        return False
    if len(parse_qsl(urlsplit(url).query, keep_blank_values=True)) > MAX_QUERY_PARAMS:
        return False
    return skip_reason(url) is None


def page_links(hrefs: list[str], base_url: str, school: School) -> Iterator[tuple[str, str]]:
    """(canonical URL, URL to request) of the wanted links of a page, de-duplicated, in order.

    The canonical form identifies a page; the request goes to the address as linked (without its
    fragment and tracking parameters), since a server may care about what we would normalise.
    """
    for url, (fetch, _) in page_targets(hrefs, [], base_url, school).items():
        yield url, fetch


def production_host(page_url: str, canonical: str | None, school: School) -> str | None:
    """The host a page names itself by, when it is not the one serving it: its rel=canonical
    (or og:url) gives another host with the page's own path and query (a site served from an
    alias, a mirror or a test copy, that prints absolute links to its production domain)."""
    if not canonical:
        return None
    try:
        here, named = urlsplit(canonicalize(page_url)), urlsplit(canonicalize(urljoin(page_url, canonical)))
    except ValueError:
        return None
    return _foreign(named, here, school) if (named.path, named.query) == (here.path, here.query) else None


def base_host(page_url: str, base: str | None, school: School) -> str | None:
    """The host of a page's `<base href>` when it is not the host serving the page: every
    relative link of the page resolves there, so it is the site's own (production) name."""
    if not base:
        return None
    try:
        return _foreign(urlsplit(urljoin(page_url, base)), urlsplit(page_url), school)
    except ValueError:
        return None


def _foreign(named: SplitResult, here: SplitResult, school: School) -> str | None:
    """The host `named` gives, when it is a web address on another host than `here`'s, and not
    one of the school's."""
    if named.scheme not in ("http", "https") or not named.netloc or named.netloc == here.netloc or \
            school.owns(urlunsplit(named)):
        return None
    return named.netloc


def page_targets(hrefs: list[str], texts: list[str], base_url: str, school: School,
                 alias: str | None = None) -> dict[str, tuple[str, str]]:
    """canonical URL -> (URL to request, the longest text of the page's links to it).

    The link text is evidence for what the target is: a page linked by its headline is an
    article; one linked as "Giới thiệu", "Tin tức", "2" or a tag is a section (crawler.classify).
    alias: the site's production host (`production_host`), whose links lead to the host serving
    the page.
    """
    out: dict[str, tuple[str, str]] = {}
    if alias:
        bare = bare_host(alias)
        hrefs = [rehost(h, {bare, "www." + bare}, base_url) for h in hrefs]
    for i, url, fetch in _wanted_links(hrefs, base_url, school):
        text = texts[i] if i < len(texts) else ""
        old = out.get(url)
        if old is None:
            out[url] = (fetch, text)
        elif len(text) > len(old[1]):
            out[url] = (old[0], text)
    return out


def _wanted_links(hrefs: list[str], base_url: str, school: School) -> Iterator[tuple[int, str, str]]:
    """(index in hrefs, canonical URL, URL to request) of every wanted link, duplicates included."""
    base = urlsplit(base_url)
    origin = f"{base.scheme}://{base.netloc}" if base.scheme in ("http", "https") else ""
    for i, href in enumerate(hrefs):
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:", "data:", "ftp:")):
            continue
        if href.startswith(("http://", "https://")):
            absolute = href
        elif href[0] == "/" and href[1:2] != "/" and "/." not in href and origin:
            absolute = origin + href  # what urljoin gives for a root-relative link, faster
        else:
            try:
                absolute = urljoin(base_url, href)
            except ValueError:
                continue
            if not absolute.startswith(("http://", "https://")):
                continue
        if wanted(absolute, school):
            url, fetch = _resolve(absolute)
            yield i, url, fetch


@functools.lru_cache(maxsize=8192)
def _resolve(absolute: str) -> tuple[str, str]:
    """(canonical URL, address to request) of an absolute link; menus repeat on every page."""
    return canonicalize(absolute), strip_noise(absolute)


def feed_links(hrefs: list[str], base_url: str, school: School, typed: list[str] = ()) -> list[str]:
    """Feeds of the site among a page's <link rel=alternate>: by their address, or all of
    `typed` (announced as RSS or Atom)."""
    out = []
    typed_set = set(typed)
    for href in hrefs:
        absolute = urljoin(base_url, href.strip())
        if (href in typed_set or FEED_HINT.search(absolute)) and school.owns(absolute) \
                and absolute not in out:
            out.append(absolute)
    return out


PAGE_PARAMS = frozenset({"page", "p", "trang", "pageindex", "start", "offset", "paged", "pg", "pagenum",
                         "page_no", "pageno", "currentpage", "cp", "startrow", "limitstart", "pagenumber"})
_PAGE_PATH = re.compile(r"(?:/page/\d+|/trang-?\d+|[-_/]p(?:age)?-?\d+)(?:\.\w{2,5})?$", re.I)
_EXTENSION = re.compile(r"\.(?:html?|aspx?|php|jsp)$", re.I)


def _listing_key(url: str) -> tuple[str, str, tuple]:
    parts = urlsplit(url)
    path = _PAGE_PATH.sub("", parts.path.rstrip("/"))
    path = _EXTENSION.sub("", path).rstrip("/")
    query = tuple(sorted((k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                         if k.lower() not in PAGE_PARAMS))
    return parts.netloc, path, query


def is_pagination_of(link: str, page: str) -> bool:
    """Is `link` another page of the listing `page` (`?page=2`, `/trang-2.html`, `/page/2/`,
    `?start=10`, `&PageIndex=2`…)?"""
    return link != page and _listing_key(link) == _listing_key(page)
