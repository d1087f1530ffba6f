"""The progress display on stderr while `tct crawl` runs (TCT_PROGRESS=True).

In a terminal it is one line kept at the bottom: log lines (a warning for every page that
failed) are written above it, and it is drawn again under them. Written to a file or a pipe
(cron, systemd) it is an ordinary line now and then, with no control codes.
"""
from __future__ import annotations

import logging
import shutil
import sys
import time
from typing import TYPE_CHECKING, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

INTERVAL = 1.0  # seconds between redraws in a terminal
PLAIN_INTERVAL = 60.0  # seconds between progress lines in a log file
CLEAR_LINE = "\r\x1b[2K"  # back to the line's start, erase it


class ProgressDisplay:
    def __init__(self, crawler: Crawler, stream: TextIO | None = None):
        self.crawler = crawler
        self.stream = stream = stream or sys.stderr
        self.live = _is_terminal(stream)
        self.loop: task.LoopingCall | None = None
        self.started = self.last_plain = time.monotonic()
        self.drawn = False  # is the progress line on screen (the cursor at its end)?
        self._rerouted: list[tuple[logging.StreamHandler, TextIO]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressDisplay:
        if not crawler.settings.getbool("TCT_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider) -> None:
        self.started = self.last_plain = time.monotonic()
        if self.live:
            self._reroute_logs()
        self.loop = task.LoopingCall(self.show)
        self.loop.start(INTERVAL, now=False)

    def line(self) -> str:
        st = self.crawler.stats
        get = st.get_value if st is not None else (lambda k, d=0: d)
        pages = get("response_received_count", 0)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return (f"[tct] {elapsed:6.0f}s  pages {pages:>6}  ({pages / elapsed:5.1f}/s)  "
                f"articles new {get('tct/articles_new', 0):>5}  changed {get('tct/articles_changed', 0):>4}"
                f"  errors {get('tct/errors', 0):>4}  queued {get('tct/queued', 0):>6}")

    def show(self) -> None:
        if self.live:
            self.draw()
        elif time.monotonic() - self.last_plain >= PLAIN_INTERVAL:
            self.last_plain = time.monotonic()
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def draw(self) -> None:
        """(Re)draw the progress line, cut to the terminal's width: a line that wrapped could not
        be erased by a carriage return."""
        width = shutil.get_terminal_size((100, 24)).columns
        self.stream.write(CLEAR_LINE + self.line()[:max(width - 1, 10)])
        self.stream.flush()
        self.drawn = True

    def erase(self) -> None:
        if self.drawn:
            self.stream.write(CLEAR_LINE)
            self.drawn = False

    def closed(self, spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.erase()
        self._restore_logs()
        self.stream.write(self.line() + "\n")
        self.stream.flush()

    def _reroute_logs(self) -> None:
        """Log handlers writing to our terminal write through `_AboveProgress` until the end."""
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.StreamHandler) and _same_stream(handler.stream, self.stream):
                self._rerouted.append((handler, handler.stream))
                handler.setStream(_AboveProgress(self, handler.stream))

    def _restore_logs(self) -> None:
        for handler, stream in self._rerouted:
            handler.setStream(stream)
        self._rerouted.clear()


class _AboveProgress:
    """A log handler's stream that writes above the progress line: erase it, write the record,
    draw it again below."""

    def __init__(self, display: ProgressDisplay, stream: TextIO):
        self.display = display
        self.stream = stream

    def write(self, text: str) -> int:
        self.display.erase()
        n = self.stream.write(text)
        if text.endswith("\n"):
            self.display.draw()
        return n

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _same_stream(a: TextIO, b: TextIO) -> bool:
    if a is b:
        return True
    try:
        return a.fileno() == b.fileno()
    except (AttributeError, ValueError, OSError):
        return False
