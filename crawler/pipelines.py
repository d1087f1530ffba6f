"""Item pipelines: normalise → validate → dedupe → store, one short class per job."""
from __future__ import annotations

import logging
import re
import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING

from archive.paths import resolve_db_path
from archive.store import Archive
from crawler.exceptions import DuplicateArticle, InvalidArticle
from crawler.items import ArticleItem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
_WS = re.compile(r"[ \t\u00a0\u200b]+")
_ONE_LINE_FIELDS = ("title", "author", "author_degree", "author_role")


class NormalizePipeline:
    """NFC everywhere, single spaces, paragraphs separated by exactly one blank line."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        for name in _ONE_LINE_FIELDS:
            value = getattr(item, name)
            if value is not None:
                value = " ".join(unicodedata.normalize("NFC", value).split())
                setattr(item, name, value or None)
        if item.body is not None:
            paras = [_WS.sub(" ", unicodedata.normalize("NFC", p)).strip() for p in item.body.split("\n\n")]
            item.body = "\n\n".join(p for p in paras if p) or None
        return item


class ValidatePipeline:
    """Every archived article has a URL, a title and a body; its date is ISO 8601 if present."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not item.url or not item.title or not item.body:
            raise InvalidArticle(f"missing url, title or body: {item.url}")
        if item.published_at is not None:
            try:
                datetime.fromisoformat(item.published_at)
            except ValueError:
                raise InvalidArticle(f"bad published_at {item.published_at!r}: {item.url}") from None
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
        """The spider's archive when it has one (its frontier marks and our articles then commit
        together), else our own."""
        if self.archive is None:
            spider = self.crawler.spider if self.crawler is not None else None
            shared = getattr(spider, "archive", None)
            self.archive = shared if shared is not None else Archive(self.db_path)
            self.own_archive = shared is None
        return self.archive

    def close_spider(self) -> None:
        if self.archive is not None and self.own_archive:
            self.archive.close()
        self.archive = None

    def process_item(self, item: ArticleItem) -> ArticleItem:
        res = self._open().save_article(
            {"url": item.url, "title": item.title, "published_at": item.published_at,
             "author": item.author, "author_degree": item.author_degree,
             "author_role": item.author_role, "body": item.body, "host": item.host,
             "flags": item.flags},
            site=item.site, html=item.html, encoding=item.encoding, fetched_at=item.fetched_at,
            etag=item.etag, last_modified=item.last_modified, school_name=item.school_name,
        )
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"tct/{item.site}/articles_{res.status}")
            self.crawler.stats.inc_value(f"tct/articles_{res.status}")
        item.html = None  # the page is stored; don't keep it alive in later components
        return item
