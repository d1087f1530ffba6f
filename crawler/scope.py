"""Crawl scope, checked on every request before it leaves: a school's crawl requests only the
school's own pages (host, port, path prefix), whatever a link, a redirect or a meta refresh says.

Scrapy's redirect and meta-refresh middlewares turn a response into a new request; that request
passes through this middleware like any other, so an off-site target is never requested. One
exception: a start page that redirects to another host says the site has moved (a new domain, a
portal's subsite after a merger). The crawl follows it there, the new host counted as the
school's for the run, unless another school of the registry owns it. Hosts
given as IP addresses in the loopback, private, link-local or reserved ranges are never
requested unless the school's own start address is one of them (a local test site).
"""
from __future__ import annotations

import ipaddress
import logging
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

from crawler.registry import School, bare_host, portal_subsite
from crawler.urls import canonicalize

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

    def __init__(self, crawler: Any = None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ScopeMiddleware:
        return cls(crawler)

    def process_request(self, request: Any, spider: Any = None) -> None:
        school = request.cb_kwargs.get("school")
        if school is None:
            return None  # robots.txt and other requests of Scrapy's own
        host = urlsplit(request.url).hostname
        # A sitemap or feed may sit above a portal-hosted school's path prefix: host and port only.
        owned = school.owns_host(request.url) if request.meta.get("tct_feed") else school.owns(request.url)
        spider = spider or getattr(self.crawler, "spider", None)
        if not owned and request.meta.get("redirect_urls") and hasattr(spider, "site_moved"):
            school = spider.site_moved(school, request.url, request.meta["redirect_urls"]) or school
            request.cb_kwargs["school"] = school
            owned = school.owns(request.url)
        if not owned:
            logger.warning("[%s] %s: not requested, outside the site (%s)", school.key, request.url,
                           "redirected there" if request.meta.get("redirect_urls") else "linked")
            raise OffSite(f"outside the site of {school.key}: {request.url}")
        if internal_address(host) and not any(internal_address(urlsplit(u).hostname)
                                              for u in school.start_urls):
            raise OffSite(f"internal address: {request.url}")
        return None


def moved_site(school: School, url: str, redirect_urls: list[str], others: list[School]) -> School | None:
    """The school with its site moved to `url`, when a redirect chain that began at one of its
    start pages ends there on another host no other school owns; else None."""
    starts = {canonicalize(u) for u in school.start_urls}
    parts = urlsplit(url)
    if not redirect_urls or canonicalize(redirect_urls[0]) not in starts or \
            parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = bare_host(parts.hostname)
    owner = next((s for s in others if s.key != school.key and host in s.hosts), None)
    if owner is not None:
        logger.warning("[%s] start page %s redirects to %s, a site of %s (merged?): not followed",
                       school.key, redirect_urls[0], url, owner.key)
        return None
    return replace(school, hosts=school.hosts | {host}, start_urls=(*school.start_urls, url),
                   path_prefix=portal_subsite(host, parts.path))


class SiteMoves:
    """The spider's side of a moved site (a mixin of crawler.spiders.schools): from the move on,
    the school is crawled with the new host, whose sitemaps are asked for too."""

    def site_moved(self, school: School, url: str, redirect_urls: list[str]) -> School | None:
        """The school, moved to `url`'s host when its start page redirected there; else None."""
        school = self.by_key.get(school.key, school)
        if school.owns(url):
            return school  # (moved already, by another of its start pages)
        moved = moved_site(school, url, redirect_urls, self.known_schools)
        if moved is None:
            return None
        logger.warning("[%s] site moved: start page %s redirects to %s; crawled there for this run "
                       "(add the new address to the site list)", school.key, redirect_urls[0], url)
        self._count(f"{school.key}/errors/site_moved", 1)  # (the site list wants the new address)
        self.by_key[school.key] = moved
        self.schools = [moved if s.key == school.key else s for s in self.schools]
        for req in self.discovery_requests(moved, only=url):
            self.crawler.engine.crawl(req)
        return moved
