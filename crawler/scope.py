"""Crawl scope, checked on every request before it leaves: a school's crawl requests only the
school's own pages (host, port, path prefix), whatever a link, a redirect or a meta refresh says.

Scrapy's redirect and meta-refresh middlewares turn a response into a new request; that request
passes through this middleware like any other, so an off-site target is never requested. Hosts
given as IP addresses in the loopback, private, link-local or reserved ranges are never
requested unless the school's own start address is one of them (a local test site).
"""
from __future__ import annotations

import ipaddress
import logging
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

logger = logging.getLogger(__name__)


class OffSite(IgnoreRequest):
    """The request would leave the school's site."""


def internal_address(host: str | None) -> bool:
    """A host that names this machine or a private network: loopback, private, link-local…"""
    if not host:
        return False
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_unspecified \
        or ip.is_multicast


class ScopeMiddleware:
    """Downloader middleware: refuses a request for a page that is not its school's."""

    def process_request(self, request: Any, spider: Any = None) -> None:
        school = request.cb_kwargs.get("school")
        if school is None:
            return None  # robots.txt and other requests of Scrapy's own
        host = urlsplit(request.url).hostname
        # A sitemap or feed may sit above a portal-hosted school's path prefix: host and port only.
        owned = school.owns_host(request.url) if request.meta.get("tct_feed") else school.owns(request.url)
        if not owned:
            logger.warning("[%s] %s: not requested, outside the site (%s)", school.key, request.url,
                           "redirected there" if request.meta.get("redirect_urls") else "linked")
            raise OffSite(f"outside the site of {school.key}: {request.url}")
        if internal_address(host) and not any(internal_address(urlsplit(u).hostname)
                                              for u in school.start_urls):
            raise OffSite(f"internal address: {request.url}")
        return None
