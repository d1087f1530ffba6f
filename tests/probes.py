"""A Scrapy extension for tests: how many requests wait in Scrapy's scheduler at most.

Counted from public signals (scheduled, dropped, reached the downloader) and written as JSON to
the file named by the TCT_PROBE_FILE setting when the spider closes.
"""
from __future__ import annotations

import json

from scrapy import signals


class SchedulerProbe:
    def __init__(self, path: str):
        self.path = path
        self.waiting = 0
        self.peak = 0

    @classmethod
    def from_crawler(cls, crawler):
        probe = cls(crawler.settings.get("TCT_PROBE_FILE"))
        crawler.signals.connect(probe.scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(probe.left, signal=signals.request_dropped)
        crawler.signals.connect(probe.left, signal=signals.request_reached_downloader)
        crawler.signals.connect(probe.closed, signal=signals.spider_closed)
        return probe

    def scheduled(self, request, spider) -> None:
        self.waiting += 1
        self.peak = max(self.peak, self.waiting)

    def left(self, request, spider) -> None:
        self.waiting -= 1

    def closed(self, spider) -> None:
        with open(self.path, "w", encoding="utf-8") as fh:
            json.dump({"peak_waiting": self.peak}, fh)
