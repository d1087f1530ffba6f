"""Article URLs from sitemaps and RSS/Atom feeds, read safely.

Hostile XML is expected: entities are never expanded (no XXE, no billion laughs), the network is
never touched, and only the first MAX_URLS locations are read.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawler.urls import rehost

if TYPE_CHECKING:
    from crawler.registry import School

MAX_URLS = 50000
# Feeds a page announces by type, whatever their address looks like (`?format=feed&type=rss`).
FEED_LINKS = ('//link[@rel="alternate"][contains(@type, "rss") or contains(@type, "atom")]/@href')
MAX_ROBOTS_SITEMAPS = 20
SITEMAP_URL = re.compile(r"(?:sitemap[^/]*\.xml(?:\.gz)?|\.xml)(?:\?.*)?$", re.I)
MAX_BYTES = 20 * 1024 * 1024


def _gunzip(data: bytes) -> bytes:
    """A gzipped sitemap (`sitemap.xml.gz`, application/x-gzip), inflated up to MAX_BYTES: a
    small file that inflates to gigabytes (a zip bomb) is cut there, and is then not XML."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        return inflater.decompress(data, MAX_BYTES + 1)
    except zlib.error:
        return b""


def robots_sitemaps(response, school: School) -> list[str]:
    """The `Sitemap:` lines of a robots.txt response that point into the school's site."""
    from protego import Protego  # Scrapy's own robots.txt parser

    try:
        text = response.body[:MAX_BYTES].decode("utf-8", "replace")
        found = list(Protego.parse(text).sitemaps)
    except Exception:  # noqa: BLE001 - a robots.txt that is not one names no sitemap
        return []
    out = []
    for url in found[:MAX_ROBOTS_SITEMAPS]:
        url = urljoin(response.url, url.strip())
        if url.startswith(("http://", "https://")) and school.owns(url) and url not in out:
            out.append(url)
    return out


def feed_urls(data: bytes) -> list[str]:
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    if not data or len(data) > MAX_BYTES:
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    out: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = etree.QName(el).localname.lower()
        if tag in ("loc", "link", "guid"):
            text = (el.text or "").strip() or (el.get("href") or "").strip()
            if text.startswith(("http://", "https://")):
                out.append(text)
        if len(out) >= MAX_URLS:
            break
    return out


def rehost_feed_urls(urls: list[str], feed_url: str, school: School) -> list[str]:
    """URLs of a feed that name the site by another host (its production domain, while the site
    is served from an alias or a mirror) are mapped to the host the feed came from.

    Only when one foreign host makes up most of the feed: a feed that links elsewhere in
    passing keeps those links foreign (and they are then not followed).
    """
    foreign = Counter(urlsplit(u).netloc for u in urls if not school.owns(u))
    if not foreign or not urls:
        return urls
    host, count = foreign.most_common(1)[0]
    if count < 0.8 * len(urls):
        return urls
    return [rehost(u, {host.lower()}, feed_url) for u in urls]
