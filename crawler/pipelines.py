"""Item pipelines: normalise → validate → dedupe → store, one short class per job."""
from __future__ import annotations

import logging
import re
import sqlite3
import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem

from archive.paths import resolve_db_path
from archive.records import LINE_FIELDS
from archive.store import Archive
from crawler.exceptions import DuplicateArticle, InvalidArticle
from crawler.items import ArticleItem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
_WS = re.compile(r"[ \t\u00a0\u200b]+")


class NormalizePipeline:
    """NFC everywhere, single spaces, paragraphs separated by exactly one blank line."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        rec = item.record
        for name in LINE_FIELDS:
            if rec.get(name) is not None:
                rec[name] = " ".join(unicodedata.normalize("NFC", rec[name]).split()) or None
        if rec.get("body") is not None:
            paras = [_WS.sub(" ", unicodedata.normalize("NFC", p)).strip() for p in rec["body"].split("\n\n")]
            rec["body"] = "\n\n".join(p for p in paras if p) or None
        return item


class ValidatePipeline:
    """Every archived article has a URL, a title and a body; its date is ISO 8601 if present."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        rec = item.record
        if not rec.get("url") or not rec.get("title") or not rec.get("body"):
            raise InvalidArticle(f"missing url, title or body: {rec.get('url')}")
        if rec.get("published_at") is not None:
            try:
                datetime.fromisoformat(rec["published_at"])
            except ValueError:
                raise InvalidArticle(f"bad published_at {rec['published_at']!r}: {rec['url']}") from None
        return item


class DedupePipeline:
    """One item per canonical URL in a run (aliases of one article reach the store only once).

    Copies of one article (its address, a redirect, its rel=canonical) arrive close together, so
    the most recent RECENT URLs are enough; memory stays flat on a site of any size. A later copy
    still cannot make a second record: the store upserts by URL (it counts as unchanged).
    """

    RECENT = 4096

    def __init__(self) -> None:
        self.seen: dict[str, None] = {}  # insertion-ordered: the oldest go first

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if item.url in self.seen:
            raise DuplicateArticle(f"already handled in this run: {item.url}")
        self.seen[item.url] = None
        if len(self.seen) > self.RECENT:
            del self.seen[next(iter(self.seen))]
        return item


class StorePipeline:
    """Upsert into the archive; counts new/changed/unchanged/duplicate per site in the stats."""

    def __init__(self, db_path: str, crawler: Crawler | None = None):
        self.db_path = db_path
        self.crawler = crawler
        self.archive: Archive | None = None
        self.own_archive = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(str(resolve_db_path(crawler.settings.get("TCT_DB"))), crawler)

    def _open(self) -> Archive:
        """The crawl session's archive when there is one (the frontier's marks and our articles
        then commit together), else our own."""
        if self.archive is None:
            session = getattr(self.crawler, "tct_session", None)
            shared = session.archive if session is not None else None
            self.archive = shared if shared is not None else Archive(self.db_path)
            self.own_archive = shared is None
        return self.archive

    def close_spider(self) -> None:
        if self.archive is not None and self.own_archive:
            self.archive.close()
        self.archive = None

    def process_item(self, item: ArticleItem) -> ArticleItem:
        session = getattr(self.crawler, "tct_session", None)
        if session is not None and session.failed:
            raise DropItem(f"not stored, the archive takes no more writes: {item.url}", log_level="DEBUG")
        try:
            res = self._save(item)
        except (sqlite3.Error, OSError) as exc:  # disk full, I/O error: the crawl stops
            if session is None:
                raise
            session.fail(exc)
            raise DropItem(f"not stored: {exc}", log_level="DEBUG") from None
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"tct/{item.site}/articles_{res.status}")
            self.crawler.stats.inc_value(f"tct/articles_{res.status}")
        item.html = None  # the page is stored; don't keep it alive in later components
        return item

    def _save(self, item: ArticleItem) -> Any:
        record, page = item.stored()
        node = getattr(getattr(self.crawler, "tct_session", None), "node", None)
        if node is not None:  # a cluster job: the page travels to the coordinator, kept nowhere else
            page["html"] = None
        res = self._open().save_article(record, site=item.site, **page)
        if node is not None:
            node.article(item, res.status)
        return res
