"""A one-line progress display on stderr while `tct crawl` runs (TCT_PROGRESS=True)."""
from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

INTERVAL = 1.0


class ProgressDisplay:
    def __init__(self, crawler: Crawler, stream=sys.stderr):
        self.crawler = crawler
        self.stream = stream
        self.loop: task.LoopingCall | None = None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressDisplay:
        if not crawler.settings.getbool("TCT_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.show)
        self.loop.start(INTERVAL, now=False)

    def line(self) -> str:
        st = self.crawler.stats
        get = st.get_value if st is not None else (lambda k, d=0: d)
        pages = get("response_received_count", 0)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return (f"\r[tct] {elapsed:6.0f}s  pages {pages:>6}  ({pages / elapsed:5.1f}/s)  "
                f"articles new {get('tct/articles_new', 0):>5}  changed {get('tct/articles_changed', 0):>4}"
                f"  errors {get('tct/errors', 0):>4}  queued {get('tct/queued', 0):>6}")

    def show(self) -> None:
        self.stream.write(self.line())
        self.stream.flush()

    def closed(self, spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.stream.write(self.line() + "\n")
        self.stream.flush()
