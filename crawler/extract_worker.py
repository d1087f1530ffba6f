"""Extraction in a worker process, so that a crawl uses a second core.

Scrapy's engine runs on one core; parsing a page costs about as much again. The spider hands
each page's bytes to a process pool (TCT_EXTRACT_WORKERS, default 1) and goes on with other
responses meanwhile. The worker also resolves the page's links to the canonical URLs worth
following, the other CPU-heavy step of a page. Each worker keeps its own host templates, learned
from the pages it sees.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections import defaultdict
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict
from typing import Any

from crawler.links import page_targets
from crawler.parser import Article, HostTemplate, extract
from crawler.registry import School

MAX_LINKS_PER_PAGE = 5000  # a page with 100,000 links is a trap; its first links are enough
# canonical URL -> (the address to request, the link's text), in page order
Targets = dict[str, tuple[str, str]]

_templates: dict[str, HostTemplate] = {}


def extract_page(body: bytes, url: str, http_charset: str | None, school: School,
                 host: str, template: HostTemplate | None = None) -> tuple[Article, Targets]:
    """The page's article fields (with the host's template) and the links worth following."""
    if template is None:
        template = _templates.setdefault(host, HostTemplate())
    art = extract(body, url, http_charset=http_charset, profile=school.profile, template=template,
                  learn=True)
    targets = page_targets(art.links[:MAX_LINKS_PER_PAGE], art.link_texts, url, school)
    art.links, art.link_texts = [], []  # resolved into targets; not sent back
    return art, targets


def extract_for_pool(body: bytes, url: str, http_charset: str | None, school: School,
                     host: str) -> tuple[dict[str, Any], Targets]:
    """`extract_page` in a worker: the article as a plain dict that crosses process boundaries."""
    art, targets = extract_page(body, url, http_charset, school, host)
    return asdict(art), targets


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


logger = logging.getLogger(__name__)


class Extractor:
    """Extraction for the crawl: in the worker pool when there is one, else (or once a worker is
    lost: killed, out of memory) in this process, with this process's own host templates."""

    def __init__(self, workers: int):
        self.pool = make_pool(workers)
        self.templates: dict[str, HostTemplate] = defaultdict(HostTemplate)

    async def extract(self, body: bytes, url: str, http_charset: str | None, school: School,
                      host: str) -> tuple[Article, Targets]:
        if self.pool is not None:
            loop = asyncio.get_running_loop()
            try:
                data, targets = await loop.run_in_executor(
                    self.pool, extract_for_pool, body, url, http_charset, school, host)
                return to_article(data), targets
            except BrokenProcessPool:
                logger.warning("[%s] extraction worker lost; parsing in the crawl process", school.key)
                self.pool = None
        return extract_page(body, url, http_charset, school, host, self.templates[host])

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
