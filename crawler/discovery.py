"""Where a school's article addresses are listed besides its pages: sitemaps and feeds.

The spider asks each site for /sitemap.xml and /robots.txt, reads every sitemap robots.txt names
(sitemap indexes and gzipped sitemaps included, two levels deep at most) and the RSS/Atom feeds
its start page announces; the article addresses found go on the school's queue like links.
"""
from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from crawler.feeds import SITEMAP_URL, feed_urls, rehost_feed_urls, robots_sitemaps
from crawler.links import wanted
from crawler.registry import School
from crawler.urls import canonicalize

logger = logging.getLogger(__name__)
MAX_SITEMAP_NESTING = 2


class Discovery:
    """The spider's sitemap and feed requests (a mixin of crawler.spiders.schools)."""

    def discovery_requests(self, school: School, only: str | None = None) -> list[scrapy.Request]:
        """/sitemap.xml of each start host (or of `only`'s), and its robots.txt unless Scrapy
        fetches that anyway (ROBOTSTXT_OBEY: then `robots_received` reads Scrapy's copy; one
        request, not two)."""
        out = []
        obeys = self.crawler.settings.getbool("ROBOTSTXT_OBEY")
        for root in sorted({"/".join(u.split("/", 3)[:3]) for u in (only,) if u} or
                           {"/".join(u.split("/", 3)[:3]) for u in school.start_urls}):
            out.append(self._feed_request(f"{root}/sitemap.xml", school))
            if not obeys:
                out.append(self._feed_request(f"{root}/robots.txt", school, callback=self.parse_robots))
        return out

    def robots_received(self, response: Response, request: scrapy.Request, spider: Any) -> None:
        """Scrapy's robots.txt middleware fetched a site's robots.txt: its sitemaps are read too
        (the response_received signal; the middleware's requests never reach a callback)."""
        if not request.meta.get("dont_obey_robotstxt") or urlsplit(response.url).path != "/robots.txt":
            return
        school = next((s for s in self.schools if s.owns(response.url)), None)
        if school is None or response.status != 200:
            return
        for url in robots_sitemaps(response, school):
            self.crawler.engine.crawl(self._feed_request(url, school))

    def parse_feed(self, response: Response, school: School, nested: int = 0) -> Any:
        """Article links from sitemap.xml and RSS/Atom feeds, parsed without entity expansion.

        A sitemap index points at more sitemaps: those are read too, two levels deep at most.
        """
        found = rehost_feed_urls(feed_urls(response.body), response.url, school)
        if nested < MAX_SITEMAP_NESTING:
            yield from (self._feed_request(sub, school, nested + 1) for sub in found
                        if SITEMAP_URL.search(sub) and school.owns(sub))
        self.frontier.feed(school.key, [u for u in map(canonicalize, found) if wanted(u, school)])
        yield from self._refill(school)

    def parse_robots(self, response: Response, school: School, nested: int = 0) -> Any:
        """Every sitemap robots.txt names (/wp-sitemap.xml, a gzipped file elsewhere)."""
        yield from (self._feed_request(url, school) for url in robots_sitemaps(response, school))

    def _feed_request(self, url: str, school: School, nested: int = 0, callback=None) -> scrapy.Request:
        return scrapy.Request(url, callback=callback or self.parse_feed, errback=self.on_feed_error,
                              priority=-10, cb_kwargs={"school": school, "nested": nested},
                              meta={"tct_feed": True})

    def on_feed_error(self, failure) -> None:
        logger.debug("no feed at %s: %s", failure.request.url, failure.value)

