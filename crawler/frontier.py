"""The crawl frontier's rules, in plain Python: what joins a site's queue, what is handed out next,
what a page's links add. The queue itself is on disk (archive.crawlstate); nothing here needs
Scrapy, so the rules are tested in milliseconds.

Incremental rule: an article already archived is never fetched again; a known listing page is
fetched again only from the start page or from a page that showed something new, so a nightly
run walks the listings down only as far as they hold new links. An archived article older than
the revisit age is asked for again, conditionally (its ETag / Last-Modified).

Flow control: at most `in_flight` requests of a site are out at a time; the rest wait on disk,
so memory stays flat however large the site.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from archive.crawlstate import CrawlState, Queued, UrlState
from crawler.links import is_pagination_of

Target = tuple[str, str]  # (address to request, the text of the link to it)


@dataclass
class Limits:
    max_pages: int  # URLs a site may queue per run
    depth_limit: int  # 0: none
    in_flight: int  # requests of a site out at a time
    revisit_after: str | None  # fetched_at before this: worth a conditional request; None: never

    @classmethod
    def from_settings(cls, settings: Any, max_pages: int | None, now: datetime) -> Limits:
        """From the crawl's settings (TCT_MAX_PAGES unless `max_pages`, DEPTH_LIMIT,
        TCT_IN_FLIGHT, TCT_REVISIT_DAYS)."""
        days = settings.getfloat("TCT_REVISIT_DAYS")
        revisit_after = (now - timedelta(days=days)).replace(microsecond=0).isoformat() if days > 0 else None
        return cls(max_pages=max_pages or settings.getint("TCT_MAX_PAGES"),
                   depth_limit=settings.getint("DEPTH_LIMIT"),
                   in_flight=max(2, settings.getint("TCT_IN_FLIGHT")), revisit_after=revisit_after)


class Frontier:
    """One run's view of the queue on disk, per site: accepts, hands out, marks done."""

    def __init__(self, state: CrawlState, limits: Limits, run_ids: dict[str, int],
                 count: Callable[[str, int], None] | None = None,
                 fetched_at: Callable[[str], str | None] | None = None):
        self.state = state
        self.limits = limits
        self.run_ids = run_ids
        self.count = count or (lambda key, n: None)  # stats: count("<site>/skipped/depth", 1)
        # When the archive last fetched the article at a URL ("" if unknown; None: not archived).
        self.fetched_at = fetched_at or (lambda url: None)
        self.accepted: dict[str, int] = defaultdict(int)  # URLs put on a site's queue this run
        self.requested: dict[str, int] = defaultdict(int)  # handed out this run
        self.handed: dict[str, set[str]] = defaultdict(set)  # handed, not yet answered

    def seed(self, site: str, urls: list[tuple[str, int]]) -> None:
        """The site's start pages (depth 0) and listing hints (depth 1)."""
        self.state.queue(site, [(u, d, u, None) for u, d in urls], self.run_ids.get(site))

    def accept(self, site: str, depth: int) -> bool:
        """Whether a discovered URL may join this run's queue (depth and page limits)."""
        if self.limits.depth_limit and depth > self.limits.depth_limit:
            # Beyond the depth limit (calendar traps, endless pagination): not queued on disk
            # either, so the next run does not pick the trap up again.
            self.count(f"{site}/skipped/depth", 1)
            return False
        if self.accepted[site] >= self.limits.max_pages:
            self.count(f"{site}/skipped/max_pages", 1)
            return False
        self.accepted[site] += 1
        self.count("queued", 1)
        return True

    def next_batch(self, site: str) -> list[Queued]:
        """The next queued URLs of a site, once fewer than half its share are out."""
        handed = self.handed[site]
        if len(handed) > self.limits.in_flight // 2:
            return []
        room = min(self.limits.in_flight - len(handed), self.limits.max_pages - self.requested[site])
        batch = self.state.next_batch(site, room, skip=handed)
        self.requested[site] += len(batch)
        handed.update(q.url for q in batch)
        return batch

    def done(self, site: str, url: str, addresses: list[str], kind: str, status: int | None,
             depth: int, reason: str | None = None) -> None:
        """The response to the request for `url` is handled: its addresses leave the queue."""
        self.state.done(site, addresses, kind, status, depth, self.run_ids.get(site), reason)
        self.handed[site].discard(url)

    def lost(self, site: str) -> int:
        """Requests handed out that will never be answered (the engine is idle): marked failed."""
        lost = self.handed[site]
        n = len(lost)
        if lost:
            self.state.done(site, list(lost), "error", None, run_id=self.run_ids.get(site))
            lost.clear()
        return n

    def follow(self, site: str, url: str, targets: dict[str, Target], depth: int,
               from_article: bool) -> None:
        """Queue the links of a page worth a request, under the incremental rule."""
        links = list(targets)
        known = self.state.states(links)
        run = self.run_ids.get(site)
        follow = [u for u in links if known[u] is None]
        if follow and not from_article:
            # A listing that showed something new: walk on into the listings it links to, even
            # those fetched in an earlier run (their next pages may hold the rest of the news).
            follow += [u for u in links if _earlier(known[u], run) and known[u].kind == "page"]
        # The next pages of a listing that showed new content stay at this depth: a long news
        # archive is walked to its end, while a trap (pages that show nothing new) still gets
        # deeper with every step and meets the depth limit.
        pages = {u for u in follow if not from_article and is_pagination_of(u, url)}
        fresh = any(known[u] is None for u in links if u not in pages)
        rows = []
        for u in follow:
            d = depth if (u in pages and fresh) else depth + 1
            if self.accept(site, d):
                rows.append((u, d, *targets[u]))
        self.state.queue(site, rows, run)
        if self.limits.revisit_after is not None and not from_article:
            revisits = [(u, depth + 1, *targets[u]) for u in links
                        if _earlier(known[u], run) and known[u].kind == "article"
                        and self._due(u) and self.accept(site, depth + 1)]
            if revisits:
                self.count(f"{site}/revisits", len(revisits))
                self.state.queue(site, revisits, run, kind="article")

    def feed(self, site: str, urls: list[str]) -> None:
        """Article links from a sitemap or a feed: new ones join the queue at depth 1."""
        known = self.state.states(urls)
        rows = [(u, 1, u, None) for u in known if known[u] is None and self.accept(site, 1)]
        self.state.queue(site, rows, self.run_ids.get(site))

    def _due(self, url: str) -> bool:
        """Is the archived article at `url` old enough for a conditional revisit?"""
        fetched = self.fetched_at(url)
        return fetched is not None and fetched <= (self.limits.revisit_after or "")


def _earlier(known: UrlState | None, run: int | None) -> bool:
    """Fetched, but not by this run."""
    return known is not None and known.state == "done" and (run is None or known.run_id != run)


def conditional_headers(archived: dict[str, Any] | None) -> dict[str, str]:
    """The validators of an archived article, for a request that asks only for a changed page."""
    if not archived:
        return {}
    headers = {"If-None-Match": archived.get("etag"), "If-Modified-Since": archived.get("last_modified")}
    return {k: v for k, v in headers.items() if v}
