"""A crawl session: the Scrapy extension that owns the archive for the length of a crawl.

It takes the archive's lock, opens the archive (one connection for the frontier and the articles),
records a run per site, commits the crawl's writes together every TCT_COMMIT_SECONDS, and at the
end records how each run went and lets go. The spider and the store pipeline find the open
archive here (`Crawler.tct_session`); neither opens one of its own during a crawl.
"""
from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from archive.crawlstate import CrawlState
from archive.errors import ArchiveError, ArchiveLocked
from archive.lock import ArchiveLock
from archive.nearcopies import link_pending
from archive.paths import resolve_db_path
from archive.store import Archive, now_iso
from crawler.node import NodeLink, NodeSetupError

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
RUN_COUNTS = ("new", "changed", "unchanged", "duplicate")
LOCKED_EXIT_STATUS = 3  # as `tct crawl`: another crawl holds the archive
STORAGE_EXIT_STATUS = 1  # the archive cannot be written (read-only, not an archive, disk full)
STORAGE_ERROR = "storage_error"  # a run's status when the archive stopped taking writes


class CrawlSession:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.db_path = str(resolve_db_path(crawler.settings.get("TCT_DB")))
        self.commit_seconds = crawler.settings.getfloat("TCT_COMMIT_SECONDS")
        self.lock: ArchiveLock | None = None
        self.archive: Archive | None = None
        self.state: CrawlState | None = None
        self.run_ids: dict[str, int] = {}
        self.committer: task.LoopingCall | None = None
        self.failed: str | None = None  # why the archive stopped taking writes
        self.node: NodeLink | None = None  # a cluster job's link to its coordinator (crawler.node)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSession:
        """The session takes the archive's lock as the crawl is set up: when another crawl holds it,
        the crawl never starts, and `scrapy crawl` (Scrapyd too) ends with a non-zero status and
        one line that says why (crawler.run turns the same error into `tct crawl`'s exit 3)."""
        session = cls(crawler)
        try:
            session.node = NodeLink.from_settings(crawler.settings)
            if session.node is not None:  # a cluster job: a private archive, seeded from the state
                session.node.start()
                session.db_path = session.node.db_path
        except NodeSetupError as exc:
            logger.error("%s", exc)
            raise SystemExit(STORAGE_EXIT_STATUS) from None
        try:
            session.lock = ArchiveLock(session.db_path).acquire()
        except ArchiveLocked as exc:
            logger.error("%s", exc)
            raise SystemExit(LOCKED_EXIT_STATUS) from None  # no traceback: the line above says it all
        try:
            session.archive = Archive(session.db_path)
            session.archive.cap_size(crawler.settings.getfloat("TCT_DB_MAX_MB"))
            if session.node is not None:
                session.node.seed(session.archive)
        except (ArchiveError, NodeSetupError, sqlite3.Error, OSError) as exc:
            logger.error("cannot write to the archive %s: %s", session.db_path, exc)
            session.lock.release()
            if session.node is not None:
                session.node.close()
            raise SystemExit(STORAGE_EXIT_STATUS) from None
        crawler.tct_session = session
        crawler.signals.connect(session.close, signal=signals.spider_closed)
        return session

    def open(self, schools: list[Any], known_schools: list[Any]) -> None:
        """Start a run per school, start committing in batches."""
        arc = self.archive
        arc.close_interrupted_runs()
        arc.sync_schools(s.as_row() for s in known_schools)
        node = self.node
        for s in schools:  # a cluster job's run has the number the coordinator gave it
            number = node.run_id if node is not None and node.site == s.key else None
            self.run_ids[s.key] = arc.start_run(s.key, run_id=number)
        # From here on, writes (frontier and articles, through the store pipeline, which shares
        # this archive) are committed together once every TCT_COMMIT_SECONDS. A page is marked
        # done only after its article is written, so whatever a kill leaves committed is whole.
        self.state = CrawlState(arc)
        arc.batching = True
        self.committer = task.LoopingCall(self.commit)
        self.committer.start(max(0.05, self.commit_seconds), now=False)

    def commit(self) -> None:
        try:
            self.archive.commit()
        except (sqlite3.Error, OSError) as exc:
            self.fail(exc)

    def touch_article(self, url: str) -> None:
        """An archived article answered 304 (unchanged)."""
        at = now_iso()
        self.archive.touch_article(url, at)
        if self.node is not None:
            self.node.touch(url, at)

    def fail(self, exc: BaseException) -> None:
        """A write to the archive failed (disk full, I/O error): undo the open batch, stop the
        crawl now, and record the runs as failed where the archive still takes it."""
        if self.failed is not None:
            return
        self.failed = f"cannot write to the archive {self.db_path}: {exc}"
        logger.error("%s; the crawl stops (what it had not committed will be fetched again)", self.failed)
        self.archive.abandon()
        if self.committer is not None and self.committer.running:
            self.committer.stop()
        engine = self.crawler.engine
        if engine is not None and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason=STORAGE_ERROR))

    def _finish_runs(self, status: str) -> None:
        stats = self.crawler.stats
        for site, run_id in self.run_ids.items():
            prefix = f"tct/{site}/"
            self.archive.finish_run(
                run_id, status=status,
                pages_fetched=stats.get_value(f"{prefix}pages", 0),
                counts={k: stats.get_value(f"{prefix}articles_{k}", 0) for k in RUN_COUNTS},
                errors=counts(stats, prefix + "errors/"),
                not_articles=counts(stats, prefix + "not_article/"))

    def _link_near_copies(self) -> None:
        """The run's new articles checked against the archive for near-copies (they were stored
        as fast as they came; this is milliseconds an article)."""
        self.archive.commit()
        found = link_pending(self.archive).linked
        if found:
            logger.info("%d new articles linked to an earlier near-copy", found)

    def close(self, spider: Any, reason: str) -> None:
        """Record each run (pages, articles, errors, pages left out by reason), close, unlock."""
        if self.committer is not None and self.committer.running:
            self.committer.stop()
        if self.archive is not None:
            try:
                self._finish_runs(STORAGE_ERROR if self.failed else reason)
                if self.node is not None and not self.failed:
                    self.node.finish(self.archive)
                if not self.failed:
                    self._link_near_copies()
                self.archive.close()  # commits the last batch with the runs
            except (sqlite3.Error, OSError) as exc:  # the disk is (still) full
                if self.failed is None:
                    self.failed = f"cannot write to the archive {self.db_path}: {exc}"
                logger.error("%s; the last batch is undone and the runs stay open (the next crawl marks "
                             "them interrupted and fetches again what was not stored)", self.failed)
                self.archive.abandon()
                self.archive.db.conn.close()
            self.archive = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self.node is not None:
            self.node.close()


def counts(stats: Any, prefix: str) -> dict[str, int]:
    """The run's counters under one prefix (`tct/<site>/errors/`), by their last part."""
    return {key[len(prefix):]: v for key, v in stats.get_stats().items() if key.startswith(prefix)}
