"""The crawl frontier on disk: which URLs a site's crawl has queued, fetched, and what they were.

A URL is written as `queued` when the spider accepts it and `done` when its response has been
handled, each in a short transaction. The queue itself lives here, not in memory: the spider
hands Scrapy a few dozen requests at a time (`next_batch`), so a site of any size crawls in the
same memory, and a crawl killed with SIGKILL restarts with its queue intact. `run_id` tells what
this run has already queued or fetched; a nightly run knows which pages are articles it holds.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import islice

from archive.store import Archive, now_iso

KINDS = ("article", "page", "other", "error")


@dataclass(frozen=True)
class UrlState:
    state: str  # "queued" | "done"
    kind: str | None  # one of KINDS once done
    depth: int
    run_id: int | None = None  # the run that queued or fetched it last


@dataclass(frozen=True)
class Queued:
    """A URL waiting in the frontier: what the spider needs to request it."""
    url: str
    fetch_url: str
    depth: int
    kind: str | None  # what it was when fetched before (a revisit), else None
    anchor: str | None = None  # the text of the link that led to it


class CrawlState:
    """The frontier of one archive, read and written through the archive's own connection, so a
    page's done mark and its article land in the same transaction (see Archive.batching).

    States of recently seen URLs are cached (menus repeat on every page), bounded by CACHE_SIZE
    and written through: this class makes every change to `crawl_urls` itself.
    """

    CACHE_SIZE = 4096

    def __init__(self, archive: Archive):
        self.archive = archive
        self.conn = archive.db.conn
        self._cache: dict[str, UrlState | None] = {}

    def _remember(self, url: str, state: UrlState | None) -> None:
        cache = self._cache
        cache.pop(url, None)  # re-inserted at the young end
        if len(cache) >= self.CACHE_SIZE:
            for old in list(islice(cache, self.CACHE_SIZE // 8)):  # the oldest eighth
                del cache[old]
        cache[url] = state

    def states(self, urls: Iterable[str]) -> dict[str, UrlState | None]:
        """What is known of each URL: from the cache, else in a few batched queries."""
        out: dict[str, UrlState | None] = {}
        missing = []
        for url in dict.fromkeys(urls):
            if url in self._cache:
                out[url] = self._cache[url]
            else:
                out[url] = None
                missing.append(url)
        for chunk in _chunks(missing, 400):
            marks = ",".join("?" * len(chunk))
            for url, state, kind, depth, run_id in self.conn.execute(
                    f"SELECT url, state, kind, depth, run_id FROM crawl_urls WHERE url IN ({marks})",
                    chunk):
                out[url] = UrlState(state, kind, depth or 0, run_id)
        unknown = [u for u in missing if out[u] is None]
        for chunk in _chunks(unknown, 400):
            marks = ",".join("?" * len(chunk))
            for (url,) in self.conn.execute(
                    f"SELECT url FROM articles WHERE url IN ({marks}) UNION "
                    f"SELECT url FROM aliases WHERE url IN ({marks})", chunk + chunk):
                out[url] = UrlState("done", "article", 0)
        for url in missing:
            self._remember(url, out[url])
        return out

    def queue(self, site: str, urls: Iterable[tuple[str, int, str | None, str | None]],
              run_id: int | None, kind: str | None = None) -> None:
        """Put (canonical URL, depth, address to request, link text) on the queue of `site` for
        run `run_id`.

        What is already known of a URL (its kind, the first link text seen) is kept; `kind` marks
        new rows (a revisit of an article the archive holds without a frontier row).
        """
        now = now_iso()
        rows = [(u, site, d, None if f == u else f, run_id, kind, now, a or None) for u, d, f, a in urls]
        if not rows or self.archive.unwritable:
            return
        with self.archive.transaction():
            self.conn.executemany(
                "INSERT INTO crawl_urls (url, site, state, depth, fetch_url, run_id, kind, queued_at, "
                "anchor) VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "state = 'queued', depth = excluded.depth, fetch_url = excluded.fetch_url, "
                "run_id = excluded.run_id, queued_at = excluded.queued_at, "
                "anchor = coalesce(anchor, excluded.anchor)",
                rows,
            )
        for url, _, depth, _, _, _, _, _ in rows:
            old = self._cache.get(url)
            self._remember(url, UrlState("queued", old.kind if old else kind, depth, run_id))

    def next_batch(self, site: str, limit: int, skip: Collection[str] = ()) -> list[Queued]:
        """Up to `limit` queued URLs of `site`, shallowest and oldest first, except those in `skip`
        (the ones already handed to Scrapy). Queued by any run: a killed run's queue is served too."""
        if limit <= 0:
            return []
        rows = self.conn.execute(
            "SELECT url, fetch_url, depth, kind, anchor FROM crawl_urls WHERE site = ? AND "
            "state = 'queued' ORDER BY depth, rowid LIMIT ?", [site, limit + len(skip)])
        out = [Queued(u, f or u, d or 0, k, a) for u, f, d, k, a in rows if u not in skip]
        return out[:limit]

    def done(self, site: str, urls: str | Iterable[str], kind: str, status: int | None,
             depth: int = 0, run_id: int | None = None, reason: str | None = None) -> None:
        """Mark one URL, or all the addresses of one response, as handled (one savepoint);
        `reason` says why a page is not an article."""
        if self.archive.unwritable:
            return
        now = now_iso()
        urls = [urls] if isinstance(urls, str) else list(urls)
        with self.archive.transaction():
            self.conn.executemany(
                "INSERT INTO crawl_urls (url, site, state, kind, depth, status, fetched_at, run_id, "
                "reason) VALUES (?, ?, 'done', ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "state = 'done', kind = excluded.kind, status = excluded.status, "
                "fetched_at = excluded.fetched_at, run_id = coalesce(excluded.run_id, run_id), "
                "reason = excluded.reason",
                [(u, site, kind, depth, status, now, run_id, reason) for u in urls],
            )
        for url in urls:
            old = self._cache.get(url)
            self._remember(url, UrlState("done", kind, old.depth if old else depth,
                                         run_id if run_id is not None else (old.run_id if old else None)))


def _chunks(items: list[str], size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
