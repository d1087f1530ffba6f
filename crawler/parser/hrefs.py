"""Where a page leads: the addresses its links, frames and scripts go to, with the words a reader
clicks. The spider follows them; one parse serves the extraction and the crawl.

Besides `<a href>` and `<area href>`, a frameset's frames and a page's iframes are pages of the
site, and some themes page their listings or open their cards by script: a button's
`onclick="location.href='/tin-tuc/trang-2'"`, a card's `data-href`, a page selector's
`<option value>` under `<select onchange="window.location=this.value">`. A splash page with
(nearly) no links of its own sends the reader on by script (`window.location.href = '/portal/'`
in a `<script>` or `<body onload>`): that address is its link. The address is written out in
the markup; no script is run.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from crawler.parser.lines import clean_ws

MAX_ANCHOR_CHARS = 300

# (A path for each attribute, no union: an XPath union sorts its nodes at a cost that grows with
# the square of their number, 100 s on 100,000 links.)
_DATA_ATTRS = ("data-href", "data-url", "data-link")
_SCRIPTED = {name: etree.XPath(f"//*[@{name}]") for name in ("onclick", *_DATA_ATTRS)}
_SELECTED = etree.XPath("//select[contains(@onchange, 'location') or contains(@onchange, 'href')]"
                        "/option[@value]")
SPLASH_LINKS = 3  # a page with fewer links than this may send its reader on by script
_GOES_TO = re.compile(r"""(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\s*\()\s*['"]([^'"]+)['"]""")


def page_links(root: etree._Element, html: str | None = None) -> tuple[list[str], list[str]]:
    """The page's link addresses (as written, relative ones resolved against the page's `<base
    href>` when it has one) and, for each, the words that lead there. `html`, the page's markup,
    spares looking for scripted addresses where none is written."""
    anchors = [el for el in root.iter("a", "area") if el.get("href") is not None]
    hrefs = [el.get("href") or "" for el in anchors]
    texts = [anchor_text(el) for el in anchors]
    for el in root.iter("frame", "iframe"):
        src = (el.get("src") or "").strip()
        if src:
            hrefs.append(src)
            texts.append("")
    for href, text in _scripted(root, html):
        hrefs.append(href)
        texts.append(text)
    if len(anchors) < SPLASH_LINKS and (html is None or "location" in html):
        for href in _sent_on(root):
            hrefs.append(href)
            texts.append("")
    base = base_href(root, html)
    if base:
        hrefs = [_against(base, h) for h in hrefs]
    return hrefs, texts


def _sent_on(root: etree._Element) -> list[str]:
    """Where a splash page's scripts send the reader (a page with links of its own is not read
    so: its scripts' addresses are a mobile copy's, a login's)."""
    sources = [el.text or "" for el in root.iter("script") if not el.get("src")]
    sources += [el.get("onload") or "" for el in root.iter("body")]
    return [m.group(1).strip() for text in sources for m in _GOES_TO.finditer(text)
            if not m.group(1).startswith(("#", "javascript"))]


_BASE = etree.XPath("//base[@href][1]/@href")
_WRITTEN_OUT = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")


def base_href(root: etree._Element, html: str | None = None) -> str | None:
    """The page's `<base href>`: what its relative links are relative to (old Joomla templates
    and hand-made sites print one), or None."""
    if html is not None and "<base" not in html and "<BASE" not in html:
        return None
    found = _BASE(root)
    return (str(found[0]).strip() or None) if found else None


def _against(base: str, href: str) -> str:
    href = href.strip()
    if not href or _WRITTEN_OUT.match(href):
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def anchor_text(el: etree._Element) -> str:
    """What a link says: its text, else its title or alt (an image link)."""
    text = clean_ws("".join(el.itertext()))[:MAX_ANCHOR_CHARS]
    return text or clean_ws(el.get("title") or el.get("alt") or "")[:MAX_ANCHOR_CHARS]


def _scripted(root: etree._Element, html: str | None = None) -> list[tuple[str, str]]:
    """Addresses a script goes to, written out in the markup, with the element's words."""
    out = []
    found_in = [path for name, path in _SCRIPTED.items() if html is None or name in html]
    try:
        for el in (el for path in found_in for el in path(root)):
            if el.tag == "a" and el.get("href") and not el.get("href", "").startswith(("#", "javascript")):
                continue  # (a link's own address says it already)
            found = _GOES_TO.search(el.get("onclick") or "")
            href = found.group(1) if found else next((v for a in _DATA_ATTRS if (v := el.get(a))), None)
            if href and not href.startswith(("#", "javascript")):
                out.append((href.strip(), anchor_text(el)))
        if html is None or "onchange" in html:
            out += [(value, anchor_text(opt)) for opt in _SELECTED(root)
                    if (value := (opt.get("value") or "").strip()) and value.startswith(("/", "http", "?"))]
    except ValueError:  # (a tree lxml cannot search)
        return []
    return out
