"""The `schools` spider: requests the pages of registered school sites, parses them, yields articles.

Options are spider arguments, so Scrapyd runs it unchanged: `-a site=bacgiang,kontum`,
`-a url=https://…`, `-a max_pages=500`. The queue is the frontier's (crawler.frontier), the archive
the crawl session's (crawler.session); the spider turns responses into items and links.
"""
from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import HtmlResponse, Response, TextResponse

from archive.crawlstate import Queued
from archive.store import VN_TZ, now_iso
from crawler.classify import Verdict, classify
from crawler.discovery import Discovery
from crawler.exceptions import DuplicateArticle
from crawler.extract_worker import ExtractionTimeout, Extractor
from crawler.faults import fault_kind
from crawler.feeds import FEED_LINKS
from crawler.frontier import Frontier, Limits, conditional_headers
from crawler.items import addresses_of, item_for
from crawler.links import feed_links
from crawler.parser import Article
from crawler.registry import School, select_schools
from crawler.scope import SiteMoves
from crawler.settings import spider_settings
from crawler.urls import canonicalize, host_key, is_print_view

logger = logging.getLogger(__name__)
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


class SchoolsSpider(Discovery, SiteMoves, scrapy.Spider):
    name = "schools"

    def __init__(self, site: str | None = None, url: str | None = None,
                 max_pages: str | int | None = None, registry: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.schools, self.known_schools = select_schools(site, url, registry)
        self.by_key = {s.key: s for s in self.schools}
        # Start pages and listing hints are the site's sections, never articles.
        self.start_pages = {s.key: {canonicalize(u) for u in (*s.start_urls, *s.listing_urls)}
                            for s in self.schools}
        self._max_pages_arg = int(max_pages) if max_pages else None
        self.extractor: Extractor | None = None  # parses pages, in worker processes when asked
        self.frontier: Frontier | None = None

    @classmethod
    def update_settings(cls, settings) -> None:
        super().update_settings(settings)
        spider_settings(settings)

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any) -> SchoolsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.extractor = Extractor(crawler.settings.getint("TCT_EXTRACT_WORKERS"),
                                     crawler.settings.getfloat("TCT_EXTRACT_SECONDS"))
        crawler.signals.connect(spider.on_opened, signal=signals.spider_opened)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.on_item_stored, signal=signals.item_scraped)
        crawler.signals.connect(spider.on_item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(spider.on_item_error, signal=signals.item_error)
        crawler.signals.connect(spider.robots_received, signal=signals.response_received)
        return spider

    # -- life cycle ------------------------------------------------------------------------
    def on_opened(self, spider) -> None:
        session = self.crawler.tct_session  # crawler.session.CrawlSession, an enabled extension
        session.open(self.schools, self.known_schools)
        limits = Limits.from_settings(self.crawler.settings, self._max_pages_arg, datetime.now(VN_TZ))
        self.frontier = Frontier(session.state, limits, session.run_ids, count=self._count,
                                 fetched_at=self._fetched_at)

    def closed(self, reason: str) -> None:
        self.extractor.close()

    def _count(self, key: str, n: int) -> None:
        self.crawler.stats.inc_value(f"tct/{key}", n)

    def _fetched_at(self, url: str) -> str | None:
        meta = self.crawler.tct_session.archive.find_url(url)
        return None if meta is None else (meta["fetched_at"] or "")

    # -- requests --------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for school in self.schools:
            self.frontier.seed(school.key, [(canonicalize(u), 0) for u in school.start_urls]
                               + [(canonicalize(u), 1) for u in school.listing_urls])
            for req in self._refill(school):
                yield req
            for req in self.discovery_requests(school):
                yield req

    def _refill(self, school: School) -> list[scrapy.Request]:
        return [self._request(school, q) for q in self.frontier.next_batch(school.key)]

    def _request(self, school: School, q: Queued) -> scrapy.Request:
        """The request for a queued URL, sent to the address as linked. Duplicates are kept out
        by the queue on disk, so Scrapy's own (in-memory) filter is not asked."""
        req = scrapy.Request(q.fetch_url, callback=self.parse, errback=self.on_error,
                             dont_filter=True, priority=-q.depth,
                             cb_kwargs={"school": school, "depth": q.depth},
                             meta={"tct_url": q.url, "tct_anchor": q.anchor})
        if q.kind == "article":  # a revisit: ask only for a changed page
            req.headers.update(conditional_headers(self.crawler.tct_session.archive.find_url(q.url)))
            req.meta["handle_httpstatus_list"] = [304]
        return req

    def on_idle(self) -> None:
        """Nothing left in Scrapy: hand over what the queue on disk still holds, if anything."""
        scheduled = False
        for school in self.schools:
            lost = self.frontier.lost(school.key)
            if lost:  # requests Scrapy dropped without an answer: counted, not retried forever
                self._count(f"{school.key}/errors/dropped", lost)
            for req in self._refill(school):
                self.crawler.engine.crawl(req)
                scheduled = True
        if scheduled:
            raise DontCloseSpider

    # -- responses -------------------------------------------------------------------------
    async def parse(self, response: Response, school: School, depth: int) -> Any:
        school = self.by_key.get(school.key, school)  # (its site may have moved meanwhile)
        url = response.meta.get("tct_url") or canonicalize(response.request.url)
        try:
            out = await self._handle(response, school, depth, url)
        except Exception:
            # Never leave the URL queued: it would be handed out again and fail again.
            self.frontier.done(school.key, url, [url], "error", response.status, depth)
            raise
        for obj in out:
            yield obj
        for req in self._refill(school):
            yield req

    async def _handle(self, response: Response, school: School, depth: int, url: str) -> list[Any]:
        """The item (if the page is an article) and feed requests of one response; its links go
        on the queue. A page is marked done here, an article once the archive holds it."""
        self._count(f"{school.key}/pages", 1)
        if not isinstance(response, TextResponse) and _HTML_START.search(response.body[:1024]):
            response = response.replace(cls=HtmlResponse)  # HTML sent as application/octet-stream
        if self._unparsed(response, school, url, depth):
            return []
        host = host_key(response.url)
        try:
            art, targets = await self.extractor.extract(response.body, response.url, response.encoding,
                                                        school, host)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop a site's crawl
            kind = "extract_timeout" if isinstance(exc, ExtractionTimeout) else "extract"
            logger.warning("[%s] %s: extraction failed: %s", school.key, response.url, exc)
            self._count(f"{school.key}/errors/{kind}", 1)
            self.frontier.done(school.key, url, [url], "error", response.status, depth, f"{kind}: {exc}")
            return []
        final_url, addresses = addresses_of(response, url, art, school)
        verdict = self._verdict(response, school, url, final_url, art)
        out: list[Any] = []
        if verdict.article:
            settles = {"url": url, "addresses": addresses, "depth": depth, "status": response.status}
            out.append(item_for(response, school.key, host, art, final_url, now_iso(), settles))
        # Written to disk before this page counts as done: a kill now loses no link.
        self.frontier.follow(school.key, url, targets, depth, from_article=verdict.article)
        if depth == 0:
            out += [self._feed_request(feed, school) for feed in feed_links(
                response.xpath('//link[@rel="alternate"]/@href').getall(), response.url, school,
                typed=response.xpath(FEED_LINKS).getall())]
        if not verdict.article:
            self.frontier.done(school.key, url, addresses, "page", response.status, depth, verdict.reason)
        return out

    def _unparsed(self, response: Response, school: School, url: str, depth: int) -> bool:
        """Settle a response with nothing to parse: an unchanged article (304), not HTML."""
        if response.status == 304:  # a revisited article the server says has not changed
            self.crawler.tct_session.touch_article(url)
            self._count(f"{school.key}/articles_unchanged", 1)
            self._count("articles_unchanged", 1)
            self.frontier.done(school.key, url, [url], "article", 304, depth)
            return True
        if b"html" not in (response.headers.get("Content-Type") or b"text/html").lower() and \
                not _HTML_START.search(response.body[:1024]):  # (sent as text/plain or octet-stream)
            self._count(f"{school.key}/errors/not_html", 1)
            self.frontier.done(school.key, url, [url], "other", response.status, depth)
            return True
        return False

    def _verdict(self, response: Response, school: School, url: str, final_url: str, art: Article) -> Verdict:
        """Article or not (crawler.classify), counted by reason and logged when it looked like one."""
        verdict = classify(art, final_url, school, anchor=response.meta.get("tct_anchor"),
                           start_page=url in self.start_pages[school.key])
        if verdict and is_print_view(final_url):
            verdict = Verdict(False, "print view", "print")
        if not verdict:
            self._count(f"{school.key}/not_article/{verdict.kind}", 1)
            if art.title and art.published_at:
                logger.debug("[%s] %s: not an article: %s", school.key, url, verdict.reason)
        return verdict

    # An article page is done once the pipelines have settled its item, whichever way: stored;
    # dropped as a second copy of an article handled in this run (that article) or as invalid
    # (no article); or failed to store (an error, logged).
    def on_item_stored(self, item: Any, response: Any, spider: Any) -> None:
        self._item_settled(item, "article")

    def on_item_dropped(self, item: Any, response: Any, exception: BaseException, spider: Any) -> None:
        self._item_settled(item, "article" if isinstance(exception, DuplicateArticle) else "page")

    def on_item_error(self, item: Any, response: Any, spider: Any, failure: Any) -> None:
        logger.warning("[%s] %s: storing failed: %s", item.site, item.url, failure.value)
        self._item_settled(item, "error")

    def _item_settled(self, item: Any, kind: str) -> None:
        fr = getattr(item, "frontier", None)
        school = self.by_key.get(getattr(item, "site", None))
        if fr is None or school is None:
            return
        self.frontier.done(school.key, fr["url"], fr["addresses"], kind, fr["status"], fr["depth"])
        for req in self._refill(school):  # its share is free again: keep Scrapy fed
            self.crawler.engine.crawl(req)

    def on_error(self, failure) -> list[scrapy.Request] | None:
        req, (kind, status) = failure.request, fault_kind(failure)
        school: School = req.cb_kwargs["school"]
        self._count(f"{school.key}/errors/{kind}", 1)
        self._count("errors", 1)
        logger.warning("[%s] %s failed: %s", school.key, req.url, kind)
        if self.frontier is None:
            return None
        url = req.meta.get("tct_url") or canonicalize(req.url)
        self.frontier.done(school.key, url, [url], "error", status, req.cb_kwargs.get("depth", 0))
        return self._refill(school)
