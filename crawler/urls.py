"""Canonical URLs: one article, one address, whatever the link that led to it.

Fragments, tracking parameters, session ids, print views and parameter order never make one
article two. Query values are kept byte-exact otherwise (`cmid=%204` matters on some ASP.NET sites).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Collection
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

TRACKING_KEYS = frozenset({"fbclid", "gclid", "zarsrc", "_ga", "mc_cid", "mc_eid", "ref", "source",
                           "igshid", "yclid", "msclkid", "zalo_source"})
SESSION_KEYS = frozenset({"jsessionid", "phpsessid", "sessionid", "aspsessionid", "sid_session", "cfid",
                          "cftoken", "s"})
RETURN_KEYS = frozenset({"redirect", "inheritredirect", "backurl"})
PRINT_KEYS = frozenset({"print", "printable", "printer", "printview", "print_view", "prn", "pf", "inbai"})
PRINT_MODE_KEYS = frozenset({"view", "layout", "format", "mode", "type", "output", "tmpl", "op", "act"})
PRINT_VALUES = frozenset({"print", "printable", "printer", "component", "in", "inbai", "printpage"})
LANG_DEFAULT = re.compile(r"^vi(?:-vn)?$", re.I)
_PRINT_PATH = re.compile(r"/(?:print|in-bai-viet|inbai|in-bai|printpage|savefile|print-view)(?=/|$|\.)", re.I)
_SESSION_PATH = re.compile(r";jsessionid=[^/?#]*", re.I)


def is_print_view(url: str) -> bool:
    """A printer-friendly copy of a page (`?print=1`, `/print/`, NukeViet `savefile`, `op=print`)."""
    parts = urlsplit(url)
    if _PRINT_PATH.search(parts.path):
        return True
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        kl, vl = k.lower(), v.lower()
        if kl in PRINT_KEYS or (kl in PRINT_MODE_KEYS and vl in PRINT_VALUES):
            return True
    return False


def _keep_param(k: str, v: str) -> bool:
    kl = k.lower()
    if kl.startswith("utm_") or kl in TRACKING_KEYS or kl in SESSION_KEYS or kl in PRINT_KEYS:
        return False
    if kl in RETURN_KEYS or kl.endswith("_redirect"):
        return False  # where to go back to (Liferay prints it on every article link)
    if kl in PRINT_MODE_KEYS and v.lower() in PRINT_VALUES:
        return False
    return not (kl == "lang" and LANG_DEFAULT.match(v))


@functools.lru_cache(maxsize=4096)
def canonicalize(url: str) -> str:
    """scheme://host/path?sorted-query, lower-case scheme and host, no fragment, no noise params."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    path = _SESSION_PATH.sub("", parts.path) or "/"
    # Re-quote the path the same way whatever the link did: %E1%BA%A3 and ả are one address.
    path = quote(unquote(path), safe="/:@!$&'()*+,;=-._~%")
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if _keep_param(k, v)]
    pairs.sort()
    query = urlencode(pairs, quote_via=quote, safe="/:@!$'()*+,;-._~")
    return urlunsplit((scheme, netloc, path, query, ""))


def rehost(url: str, hosts: Collection[str], serving: str) -> str:
    """`url` on the host of `serving` when it names one of `hosts`: a site's production domain
    mapped to the host that serves the site (a mirror, an alias, a test copy)."""
    if not url.startswith(("http://", "https://", "//")):
        return url
    here = urlsplit(serving)
    parts = urlsplit(url if not url.startswith("//") else f"{here.scheme}:{url}")
    if parts.netloc.lower() not in hosts:
        return url
    return urlunsplit((here.scheme, here.netloc, parts.path, parts.query, parts.fragment))


def host_key(url: str) -> str:
    """Host without `www.`, for matching a URL to a school."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def strip_noise(url: str) -> str:
    """The URL as linked, minus its fragment and tracking/session parameters (order kept)."""
    parts = urlsplit(url.strip())
    if not parts.query:
        return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
    kept = [p for p in parts.query.split("&") if p and _keep_param(*_split_pair(p))]
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "&".join(kept), ""))


def _split_pair(pair: str) -> tuple[str, str]:
    k, _, v = pair.partition("=")
    return unquote(k), unquote(v)
