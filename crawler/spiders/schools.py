"""The `schools` spider: discovers and fetches the articles of registered school sites.

It only discovers: which links to follow, which pages are articles, when to stop. Extraction is
the parser's job and storage the pipelines'. Options are spider arguments, so Scrapyd runs it
unchanged: `-a site=bacgiang,kontum`, `-a url=https://…`, `-a max_pages=500`.

Incremental rule: an article already archived is never fetched again; a known listing page is
fetched again only from the start page or from a page that showed something new, so a nightly
run walks the listings down only as far as they hold new links.

The queue is on disk (archive.crawlstate): a discovered link is written there, and Scrapy is
handed at most TCT_IN_FLIGHT requests of a site at a time, refilled as responses come back. Memory
therefore stays flat however large the site, and a killed crawl loses nothing.
"""
from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timedelta
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import task
from twisted.internet.error import (
    ConnectError,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from archive.crawlstate import CrawlState, Queued, UrlState
from archive.lock import ArchiveLock
from archive.paths import resolve_db_path
from archive.store import VN_TZ, Archive, now_iso
from crawler.classify import Verdict, classify
from crawler.exceptions import DuplicateArticle
from crawler.extract_worker import Targets, extract_for_pool, extract_page, make_pool, to_article
from crawler.feeds import SITEMAP_URL, feed_urls, rehost_feed_urls
from crawler.items import ArticleItem
from crawler.links import feed_links, is_pagination_of, wanted
from crawler.parser import Article, HostTemplate
from crawler.registry import School, load_registry
from crawler.urls import canonicalize, host_key, is_print_view

logger = logging.getLogger(__name__)
MAX_SITEMAP_NESTING = 2


class SchoolsSpider(scrapy.Spider):
    name = "schools"

    def __init__(self, site: str | None = None, url: str | None = None,
                 max_pages: str | int | None = None, registry: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if url:
            self.schools = [School.for_url(url, key=site or None)]
            self.known_schools = list(self.schools)
        else:
            reg = load_registry(registry)
            self.known_schools = list(reg.values())  # all of them: mergers point across schools
            keys = [k.strip() for k in (site or "").split(",") if k.strip()]
            unknown = [k for k in keys if k not in reg]
            if unknown:
                raise ValueError(f"unknown site key(s): {', '.join(unknown)}; see crawler/sites.toml")
            self.schools = [reg[k] for k in keys] if keys else [s for s in reg.values() if s.active]
        self.by_key = {s.key: s for s in self.schools}
        # Start pages and listing hints are the site's sections, never articles.
        self.start_pages = {s.key: {canonicalize(u) for u in (*s.start_urls, *s.listing_urls)}
                            for s in self.schools}
        self._max_pages_arg = int(max_pages) if max_pages else None
        self.templates: dict[str, HostTemplate] = defaultdict(HostTemplate)
        self.accepted: dict[str, int] = defaultdict(int)  # URLs put on a site's queue this run
        self.requested: dict[str, int] = defaultdict(int)  # requests handed to Scrapy this run
        self.handed: dict[str, set[str]] = defaultdict(set)  # handed, not yet answered (bounded)
        self.in_flight = 64
        self.run_ids: dict[str, int] = {}
        self.archive: Archive | None = None  # one connection for the frontier and the articles
        self.state: CrawlState | None = None
        self.committer: task.LoopingCall | None = None
        self.depth_limit = 0
        self.pool = None  # worker processes for extraction (crawler.extract_worker)
        self.revisit_after: str | None = None  # fetched_at before this: worth a conditional request
        self.lock: ArchiveLock | None = None

    @classmethod
    def update_settings(cls, settings) -> None:
        super().update_settings(settings)
        # A local test site asked for no delay should not wait on AutoThrottle's start delay.
        start_delay_is_default = (settings.getpriority("AUTOTHROTTLE_START_DELAY") or 0) <= 20
        if settings.getfloat("DOWNLOAD_DELAY") == 0 and start_delay_is_default:
            settings.set("AUTOTHROTTLE_START_DELAY", 0.0, priority="spider")

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any) -> SchoolsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.db_path = str(resolve_db_path(crawler.settings.get("TCT_DB")))
        spider.max_pages = spider._max_pages_arg or crawler.settings.getint("TCT_MAX_PAGES")
        spider.depth_limit = crawler.settings.getint("DEPTH_LIMIT")
        spider.in_flight = max(2, crawler.settings.getint("TCT_IN_FLIGHT"))
        spider.pool = make_pool(crawler.settings.getint("TCT_EXTRACT_WORKERS"))
        days = crawler.settings.getfloat("TCT_REVISIT_DAYS")
        spider.revisit_after = (
            (datetime.now(VN_TZ) - timedelta(days=days)).replace(microsecond=0).isoformat()
            if days > 0 else None)
        crawler.signals.connect(spider.on_opened, signal=signals.spider_opened)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.on_item_stored, signal=signals.item_scraped)
        crawler.signals.connect(spider.on_item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(spider.on_item_error, signal=signals.item_error)
        spider.commit_seconds = crawler.settings.getfloat("TCT_COMMIT_SECONDS")
        return spider

    # -- life cycle ------------------------------------------------------------------------
    def on_opened(self, spider) -> None:
        self.lock = ArchiveLock(self.db_path).acquire()
        self.archive = arc = Archive(self.db_path)
        arc.close_interrupted_runs()
        arc.sync_schools(s.as_row() for s in self.known_schools)
        for s in self.schools:
            self.run_ids[s.key] = arc.start_run(s.key)
        # From here on, writes (frontier and articles, through the store pipeline, which shares
        # this archive) are committed together once every TCT_COMMIT_SECONDS. A page is marked
        # done only after its article is written, so whatever a kill leaves committed is whole.
        self.state = CrawlState(arc)
        arc.batching = True
        self.committer = task.LoopingCall(arc.commit)
        self.committer.start(max(0.05, self.commit_seconds), now=False)

    def closed(self, reason: str) -> None:
        stats = self.crawler.stats
        if self.committer is not None and self.committer.running:
            self.committer.stop()
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        if self.archive is not None:  # None: the crawl never opened (its runs never started)
            for s in self.schools:
                if s.key not in self.run_ids:
                    continue
                prefix = f"tct/{s.key}/"
                counts = {k: stats.get_value(f"{prefix}articles_{k}", 0)
                          for k in ("new", "changed", "unchanged", "duplicate")}
                errors = _counts(stats, prefix + "errors/")
                self.archive.finish_run(
                    self.run_ids[s.key], status="finished" if reason == "finished" else reason,
                    pages_fetched=stats.get_value(f"{prefix}pages", 0), counts=counts, errors=errors,
                    not_articles=_counts(stats, prefix + "not_article/"))
            self.archive.close()  # commits the last batch with the runs
        if self.lock is not None:
            self.lock.release()

    # -- requests --------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for school in self.schools:
            starts = [(canonicalize(u), 0) for u in school.start_urls]
            starts += [(canonicalize(u), 1) for u in school.listing_urls]
            self.state.queue(school.key, [(u, d, u, None) for u, d in starts], self.run_ids[school.key])
            for req in self._refill(school):
                yield req
            for url in school.start_urls:
                root = url.split("/", 3)
                yield scrapy.Request(f"{root[0]}//{root[2]}/sitemap.xml", callback=self.parse_feed,
                                     errback=self.on_feed_error, cb_kwargs={"school": school},
                                     priority=-10)

    def _accept(self, school: School, url: str, depth: int) -> bool:
        """Whether a discovered URL may join this run's queue (depth and page limits)."""
        if self.depth_limit and depth > self.depth_limit:
            # Beyond the depth limit (calendar traps, endless pagination): not queued on disk
            # either, so the next run does not pick the trap up again.
            self.crawler.stats.inc_value(f"tct/{school.key}/skipped/depth")
            return False
        if self.accepted[school.key] >= self.max_pages:
            self.crawler.stats.inc_value(f"tct/{school.key}/skipped/max_pages")
            return False
        self.accepted[school.key] += 1
        self.crawler.stats.inc_value("tct/queued")
        return True

    def _refill(self, school: School) -> list[scrapy.Request]:
        """Requests for the next queued URLs of a site, once fewer than half its share are out."""
        handed = self.handed[school.key]
        if len(handed) > self.in_flight // 2:
            return []
        room = min(self.in_flight - len(handed), self.max_pages - self.requested[school.key])
        batch = self.state.next_batch(school.key, room, skip=handed)
        self.requested[school.key] += len(batch)
        handed.update(q.url for q in batch)
        return [self._request(school, q) for q in batch]

    def _request(self, school: School, q: Queued) -> scrapy.Request:
        """The request for a queued URL, sent to the address as linked. Duplicates are kept out
        by the queue on disk, so Scrapy's own (in-memory) filter is not asked."""
        req = scrapy.Request(q.fetch_url, callback=self.parse, errback=self.on_error,
                             dont_filter=True, priority=-q.depth,
                             cb_kwargs={"school": school, "depth": q.depth},
                             meta={"tct_url": q.url, "tct_anchor": q.anchor})
        if q.kind == "article":  # a revisit: ask only for a changed page
            meta = self.archive.find_url(q.url)
            if meta and meta["etag"]:
                req.headers["If-None-Match"] = meta["etag"]
            if meta and meta["last_modified"]:
                req.headers["If-Modified-Since"] = meta["last_modified"]
            req.meta["handle_httpstatus_list"] = [304]
        return req

    def on_idle(self) -> None:
        """Nothing left in Scrapy: hand over what the queue on disk still holds, if anything."""
        scheduled = False
        for school in self.schools:
            lost = self.handed[school.key]
            if lost:  # requests Scrapy dropped without an answer: counted, not retried forever
                self.crawler.stats.inc_value(f"tct/{school.key}/errors/dropped", len(lost))
                self.state.done(school.key, list(lost), "error", None, run_id=self._run(school))
                lost.clear()
            for req in self._refill(school):
                self.crawler.engine.crawl(req)
                scheduled = True
        if scheduled:
            raise DontCloseSpider

    # -- responses -------------------------------------------------------------------------
    async def _extract(self, response: Response, school: School, host: str) -> tuple[Article, Targets]:
        if self.pool is not None:
            loop = asyncio.get_running_loop()
            try:
                data, targets = await loop.run_in_executor(
                    self.pool, extract_for_pool, response.body, response.url, response.encoding,
                    school, host)
                return to_article(data), targets
            except BrokenProcessPool:
                # The worker died (killed, out of memory): carry on parsing in this process.
                logger.warning("[%s] extraction worker lost; parsing in the crawl process", school.key)
                self.pool = None
        return extract_page(response.body, response.url, response.encoding, school, host,
                            self.templates[host])

    async def parse(self, response: Response, school: School, depth: int) -> Any:
        url = response.meta.get("tct_url") or canonicalize(response.request.url)
        try:
            out = await self._handle(response, school, depth, url)
        except Exception:
            # Never leave the URL queued: it would be handed out again and fail again.
            self._done(school, url, [url], "error", response.status, depth)
            raise
        for obj in out:
            yield obj
        for req in self._refill(school):
            yield req

    async def _handle(self, response: Response, school: School, depth: int, url: str) -> list[Any]:
        """The item (if the page is an article) and feed requests of one response; its links go
        on the queue. A page is marked done here, an article once the archive holds it."""
        stats = self.crawler.stats
        stats.inc_value(f"tct/{school.key}/pages")
        if response.status == 304:  # a revisited article the server says has not changed
            self.state.touch_article(url)
            stats.inc_value(f"tct/{school.key}/articles_unchanged")
            stats.inc_value("tct/articles_unchanged")
            self._done(school, url, [url], "article", 304, depth)
            return []
        if not isinstance(response, TextResponse) or b"html" not in (
                response.headers.get("Content-Type") or b"text/html").lower():
            stats.inc_value(f"tct/{school.key}/errors/not_html")
            self._done(school, url, [url], "other", response.status, depth)
            return []
        fetched_at = now_iso()
        host = host_key(response.url)
        try:
            art, targets = await self._extract(response, school, host)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop a site's crawl
            logger.warning("[%s] %s: extraction failed: %r", school.key, response.url, exc)
            stats.inc_value(f"tct/{school.key}/errors/extract")
            self._done(school, url, [url], "error", response.status, depth)
            return []
        final_url = canonicalize(response.url)
        if art.canonical_url:
            canon = canonicalize(response.urljoin(art.canonical_url))
            if school.owns(canon) and not is_print_view(canon):
                final_url = canon
        verdict = classify(art, final_url, school, anchor=response.meta.get("tct_anchor"),
                           start_page=url in self.start_pages[school.key])
        if verdict and is_print_view(final_url):
            verdict = Verdict(False, "print view", "print")
        article = verdict.article
        if not article:
            stats.inc_value(f"tct/{school.key}/not_article/{verdict.kind}")
            if art.title and art.published_at:  # it looked like one: say why it is not
                logger.debug("[%s] %s: not an article: %s", school.key, url, verdict.reason)
        # Every address that led here: the one requested, redirects, the canonical.
        addresses = list({url: None, final_url: None,
                          **{canonicalize(r): None for r in response.meta.get("redirect_urls", [])}})
        out: list[Any] = []
        if article:
            out.append(ArticleItem(
                url=final_url, title=art.title, published_at=art.published_at, author=art.author,
                author_degree=art.author_degree, author_role=art.author_role, body=art.body,
                site=school.key, host=host, fetched_at=fetched_at, html=response.body,
                encoding=art.encoding, etag=_header(response, "ETag"),
                last_modified=_header(response, "Last-Modified"), flags=art.flags,
                school_name=art.school_name,
                frontier={"url": url, "addresses": addresses, "depth": depth,
                          "status": response.status},
            ))
        # Written to disk before this page counts as done: a kill now loses no link.
        self._follow(school, url, targets, depth, from_article=article)
        if depth == 0:
            for feed in feed_links(response.xpath('//link[@rel="alternate"]/@href').getall(),
                                   response.url, school):
                out.append(scrapy.Request(feed, callback=self.parse_feed, errback=self.on_feed_error,
                                          cb_kwargs={"school": school}, priority=-10))
        if not article:
            self._done(school, url, addresses, "page", response.status, depth, verdict.reason)
        return out

    def _run(self, school: School) -> int | None:
        return self.run_ids.get(school.key)

    def _done(self, school: School, url: str, addresses: list[str], kind: str, status: int | None,
              depth: int, reason: str | None = None) -> None:
        """The response to the request for `url` is handled: its addresses leave the queue."""
        self.state.done(school.key, addresses, kind, status, depth, self._run(school), reason)
        self.handed[school.key].discard(url)

    # An article page is done once the pipelines have settled its item, whichever way.
    def on_item_stored(self, item: Any, response: Any, spider: Any) -> None:
        self._item_settled(item, "article")

    def on_item_dropped(self, item: Any, response: Any, exception: BaseException, spider: Any) -> None:
        # A second copy of an article handled in this run is that article; anything else that
        # fails validation is no article.
        self._item_settled(item, "article" if isinstance(exception, DuplicateArticle) else "page")

    def on_item_error(self, item: Any, response: Any, spider: Any, failure: Any) -> None:
        logger.warning("[%s] %s: storing failed: %s", getattr(item, "site", "?"),
                       getattr(item, "url", "?"), failure.value)
        self._item_settled(item, "error")

    def _item_settled(self, item: Any, kind: str) -> None:
        fr = getattr(item, "frontier", None)
        school = self.by_key.get(getattr(item, "site", None))
        if fr is None or school is None:
            return
        self._done(school, fr["url"], fr["addresses"], kind, fr["status"], fr["depth"])
        for req in self._refill(school):  # its share is free again: keep Scrapy fed
            self.crawler.engine.crawl(req)

    def _follow(self, school: School, url: str, targets: dict[str, str], depth: int,
                from_article: bool) -> None:
        """Queue the links of a page worth a request, under the incremental rule of the module doc."""
        links = list(targets)
        known = self.state.states(links)
        run = self._run(school)
        follow = [u for u in links if known[u] is None]
        if follow and not from_article:
            logger.debug("[%s] %s shows %d new link(s), e.g. %s", school.key, url, len(follow), follow[0])
            # A listing that showed something new: walk on into the listings it links to, even
            # those fetched in an earlier run (their next pages may hold the rest of the news).
            follow += [u for u in links if _earlier(known[u], run) and known[u].kind == "page"]
        # The next pages of a listing that showed new content stay at this depth: a long news
        # archive is walked to its end, while a trap (pages that show nothing new) still gets
        # deeper with every step and meets DEPTH_LIMIT.
        pages = {u for u in follow if not from_article and is_pagination_of(u, url)}
        fresh = any(known[u] is None for u in links if u not in pages)
        rows = []
        for u in follow:
            d = depth if (u in pages and fresh) else depth + 1
            if self._accept(school, u, d):
                rows.append((u, d, *targets[u]))
        self.state.queue(school.key, rows, run)
        if self.revisit_after is not None and not from_article:
            revisits = [(u, depth + 1, *targets[u]) for u in links
                        if _earlier(known[u], run) and known[u].kind == "article"
                        and self._due(u) and self._accept(school, u, depth + 1)]
            if revisits:
                self.crawler.stats.inc_value(f"tct/{school.key}/revisits", len(revisits))
                self.state.queue(school.key, revisits, run, kind="article")

    def _due(self, url: str) -> bool:
        """Is the archived article at `url` old enough for a conditional revisit?"""
        meta = self.archive.find_url(url)
        return meta is not None and (meta["fetched_at"] or "") <= self.revisit_after

    def parse_feed(self, response: Response, school: School, nested: int = 0) -> Any:
        """Article links from sitemap.xml and RSS/Atom feeds, parsed without entity expansion.

        A sitemap index points at more sitemaps: those are read too, two levels deep at most.
        """
        found = rehost_feed_urls(feed_urls(response.body), response.url, school)
        if nested < MAX_SITEMAP_NESTING:
            for sub in found:
                if SITEMAP_URL.search(sub) and school.owns(sub):
                    yield scrapy.Request(sub, callback=self.parse_feed, errback=self.on_feed_error,
                                         cb_kwargs={"school": school, "nested": nested + 1},
                                         priority=-10)
        urls = [canonicalize(u) for u in found]
        urls = [u for u in urls if wanted(u, school)]
        known = self.state.states(urls)
        rows = [(u, 1, u, None) for u in known if known[u] is None and self._accept(school, u, 1)]
        self.state.queue(school.key, rows, self._run(school))
        yield from self._refill(school)

    def on_feed_error(self, failure) -> None:
        logger.debug("no feed at %s: %s", failure.request.url, failure.value)

    def on_error(self, failure) -> list[scrapy.Request] | None:
        req = failure.request
        school: School = req.cb_kwargs["school"]
        if failure.check(HttpError):
            status = failure.value.response.status
            kind = f"http_{status}"
        else:
            status, kind = None, _error_kind(failure)
        self.crawler.stats.inc_value(f"tct/{school.key}/errors/{kind}")
        self.crawler.stats.inc_value("tct/errors")
        logger.warning("[%s] %s failed: %s", school.key, req.url, kind)
        if self.state is not None:
            url = req.meta.get("tct_url") or canonicalize(req.url)
            self._done(school, url, [url], "error", status, req.cb_kwargs.get("depth", 0))
            return self._refill(school)
        return None


def _counts(stats: Any, prefix: str) -> dict[str, int]:
    """The run's counters under one prefix (`tct/<site>/errors/`), by their last part."""
    return {key[len(prefix):]: v for key, v in stats.get_stats().items() if key.startswith(prefix)}


def _earlier(known: UrlState | None, run: int | None) -> bool:
    """Fetched, but not by this run."""
    return known is not None and known.state == "done" and (run is None or known.run_id != run)


def _error_kind(failure) -> str:
    """A short, stable name for a download failure (Twisted's and Scrapy's classes both vary)."""
    if failure.check(DNSLookupError):
        return "dns"
    name = type(failure.value).__name__
    if failure.check(TimeoutError, TCPTimedOutError) or "Timeout" in name:
        return "timeout"
    if failure.check(ConnectionRefusedError, ConnectError) or "Connect" in name:
        return "connection"
    if "DNS" in name or "Lookup" in name:
        return "dns"
    return name


def _header(response: Response, name: str) -> str | None:
    v = response.headers.get(name)
    return v.decode("latin-1") if v else None
