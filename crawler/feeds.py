"""Article URLs from sitemaps and RSS/Atom feeds, read safely.

Hostile XML is expected: entities are never expanded (no XXE, no billion laughs), the network is
never touched, and only the first MAX_URLS locations are read.
"""
from __future__ import annotations

import re

from lxml import etree

MAX_URLS = 50000
SITEMAP_URL = re.compile(r"(?:sitemap[^/]*\.xml(?:\.gz)?|\.xml)(?:\?.*)?$", re.I)
MAX_BYTES = 20 * 1024 * 1024


def feed_urls(data: bytes) -> list[str]:
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
