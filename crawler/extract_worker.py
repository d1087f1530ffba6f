"""Extraction in a worker process, so that a crawl uses a second core.

Scrapy's engine runs on one core; parsing a page costs about as much again. The spider hands
each page's bytes to a process pool (TCT_EXTRACT_WORKERS, default 1) and goes on with other
responses meanwhile. Each worker keeps its own host templates, learned from the pages it sees.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import asdict
from typing import Any

from crawler.parser import Article, HostTemplate, SiteProfile, extract

_templates: dict[str, HostTemplate] = {}


def extract_page(body: bytes, url: str, http_charset: str | None, profile: SiteProfile | None,
                 host: str) -> dict[str, Any]:
    """`extract()` with the host's template, as a plain dict that crosses process boundaries."""
    template = _templates.setdefault(host, HostTemplate())
    return asdict(extract(body, url, http_charset=http_charset, profile=profile, template=template,
                          learn=True))


def to_article(data: dict[str, Any]) -> Article:
    return Article(**data)


def _watch_parent(parent: int) -> None:
    """End this worker when the crawl that started it is gone (even killed with SIGKILL)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def make_pool(workers: int) -> Executor | None:
    """A pool of `workers` processes, or None to extract in the crawling process itself."""
    if workers <= 0:
        return None
    # spawn, not fork: forking a process that runs an event loop and SQLite connections is unsafe.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_watch_parent, initargs=(os.getpid(),))
