"""The crawl frontier on disk: which URLs a site's crawl has queued, fetched, and what they were.

A URL is written as `queued` when the spider schedules it and `done` when its response has been
handled, each in its own short transaction. A crawl killed with SIGKILL therefore restarts with
its queue intact; a nightly run knows which pages are articles it already holds.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from archive.store import Archive, now_iso

KINDS = ("article", "page", "other", "error")


@dataclass(frozen=True)
class UrlState:
    state: str  # "queued" | "done"
    kind: str | None  # one of KINDS once done
    depth: int


class CrawlState:
    def __init__(self, db_path: str | Path):
        # Opening through Archive creates or upgrades the schema before the crawl touches it.
        Archive(db_path).close()
        self.conn = sqlite3.connect(str(db_path), timeout=60, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")

    def close(self) -> None:
        self.conn.close()

    def get(self, url: str) -> UrlState | None:
        row = self.conn.execute("SELECT state, kind, depth FROM crawl_urls WHERE url = ?", [url]).fetchone()
        if row is None:
            alias = self.conn.execute(
                "SELECT 1 FROM articles WHERE url = ? UNION ALL SELECT 1 FROM aliases WHERE url = ?",
                [url, url],
            ).fetchone()
            return UrlState("done", "article", 0) if alias else None
        return UrlState(row[0], row[1], row[2] or 0)

    def article_meta(self, url: str) -> dict[str, str | None] | None:
        """fetched_at, etag and last_modified of the archived article at this URL (or alias)."""
        row = self.conn.execute(
            "SELECT fetched_at, etag, last_modified FROM articles WHERE url = ? UNION ALL "
            "SELECT a.fetched_at, a.etag, a.last_modified FROM aliases l JOIN articles a "
            "ON a.id = l.article_id WHERE l.url = ? LIMIT 1", [url, url]).fetchone()
        return None if row is None else {"fetched_at": row[0], "etag": row[1], "last_modified": row[2]}

    def touch_article(self, url: str) -> None:
        """The server answered 304: the article is still there, unchanged."""
        now = now_iso()
        with self.conn:
            self.conn.execute("UPDATE articles SET last_seen = ?, fetched_at = ? WHERE url = ?",
                              [now, now, url])

    def states(self, urls: Iterable[str]) -> dict[str, UrlState | None]:
        """What is known of each URL, in a few batched queries (a page may have hundreds)."""
        urls = list(dict.fromkeys(urls))
        out: dict[str, UrlState | None] = dict.fromkeys(urls)
        for chunk in _chunks(urls, 400):
            marks = ",".join("?" * len(chunk))
            for url, state, kind, depth in self.conn.execute(
                    f"SELECT url, state, kind, depth FROM crawl_urls WHERE url IN ({marks})", chunk):
                out[url] = UrlState(state, kind, depth or 0)
        missing = [u for u, st in out.items() if st is None]
        for chunk in _chunks(missing, 400):
            marks = ",".join("?" * len(chunk))
            for (url,) in self.conn.execute(
                    f"SELECT url FROM articles WHERE url IN ({marks}) UNION "
                    f"SELECT url FROM aliases WHERE url IN ({marks})", chunk + chunk):
                out[url] = UrlState("done", "article", 0)
        return out

    def queue(self, site: str, urls: Iterable[tuple[str, int]]) -> None:
        """Mark URLs as queued (keeping what is already known of them)."""
        now = now_iso()
        rows = [(u, site, d, now) for u, d in urls]
        if not rows:
            return
        with self.conn:
            self.conn.execute("BEGIN")
            self.conn.executemany(
                "INSERT INTO crawl_urls (url, site, state, depth, queued_at) VALUES (?, ?, 'queued', ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET state = 'queued', queued_at = excluded.queued_at",
                rows,
            )

    def done(self, site: str, urls: str | Iterable[str], kind: str, status: int | None,
             depth: int = 0) -> None:
        """Mark one URL, or all the addresses of one response, as handled (one transaction)."""
        now = now_iso()
        urls = [urls] if isinstance(urls, str) else list(urls)
        with self.conn:
            self.conn.execute("BEGIN")
            self.conn.executemany(
                "INSERT INTO crawl_urls (url, site, state, kind, depth, status, fetched_at) "
                "VALUES (?, ?, 'done', ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET state = 'done', "
                "kind = excluded.kind, status = excluded.status, fetched_at = excluded.fetched_at",
                [(u, site, kind, depth, status, now) for u in urls],
            )

    def pending(self, site: str) -> list[tuple[str, int]]:
        """URLs queued by an earlier run of this site that never got handled (a killed crawl)."""
        return [(u, d or 1) for u, d in self.conn.execute(
            "SELECT url, depth FROM crawl_urls WHERE site = ? AND state = 'queued' ORDER BY queued_at",
            [site],
        )]


def _chunks(items: list[str], size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
