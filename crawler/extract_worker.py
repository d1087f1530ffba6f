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

from crawler.links import base_host, page_targets, production_host
from crawler.parser import Article, HostTemplate, extract
from crawler.registry import School

logger = logging.getLogger(__name__)
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
    alias = production_host(url, art.canonical_url, school) or base_host(url, art.base_href, school)
    targets = page_targets(art.links[:MAX_LINKS_PER_PAGE], art.link_texts, url, school, alias)
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


_WARM_PAGE = ("<html><head><meta charset='utf-8'><title>Khai giảng lớp bồi dưỡng</title></head><body>"
              "<h1>Khai giảng lớp bồi dưỡng cán bộ cơ sở năm 2024</h1><p>Thứ Hai, 12/03/2024 09:00</p>"
              "<p>Sáng nay, nhà trường tổ chức lễ khai giảng lớp bồi dưỡng cán bộ cơ sở năm 2024.</p>"
              "<p><b>ThS. Nguyễn Văn An</b></p></body></html>").encode()


def warm_up() -> None:
    """Do once what a first page would do (load the parser's date and name data, compile its
    patterns, import the second opinion's library), so that no page's time budget pays for
    starting a worker."""
    from crawler.parser import extract, second_opinion

    second_opinion.warm_up()
    extract(_WARM_PAGE, "http://warm.up/tin/1.html", second_opinion=False)


WARM_UP_SECONDS = 120  # a worker that cannot even start in this time is a broken machine


class ExtractionTimeout(Exception):
    """A page's extraction ran over its time budget; the worker doing it was replaced."""


MAX_LOST_WORKERS = 3  # workers dying on their own (not replaced by us): then parse in-process


class Extractor:
    """Extraction for the crawl, in a pool of worker processes, each page within a time budget
    (TCT_EXTRACT_SECONDS): a page that runs over is recorded as failed and the pool is replaced,
    so no page, however hostile, can hang a crawl. Pages that were in the replaced pool are tried
    once more in the new one. If workers keep dying on their own (killed, out of memory), pages
    are parsed in this process, with this process's own host templates; so they are when the
    crawl asks for no workers (TCT_EXTRACT_WORKERS=0), and then without a time budget."""

    def __init__(self, workers: int, budget: float = 0.0):
        self.workers = workers
        self.budget = budget if budget > 0 else None
        self.pool = make_pool(workers)
        self.warming = self._warm(self.pool)
        self.generation = 0  # bumped at each replacement of the pool
        self.lost = 0
        self.templates: dict[str, HostTemplate] = defaultdict(HostTemplate)

    async def extract(self, body: bytes, url: str, http_charset: str | None, school: School,
                      host: str) -> tuple[Article, Targets]:
        for _ in range(2):
            if self.pool is None:
                break
            # A new pool's workers start outside any page's budget: every page waits for them
            # (one queued behind the start-up would have its clock running).
            while self.warming:
                warming, generation = self.warming, self.generation
                await asyncio.wait([asyncio.wrap_future(f) for f in warming], timeout=WARM_UP_SECONDS)
                if generation == self.generation:
                    self.warming = []
            if self.pool is None:
                break
            pool, generation = self.pool, self.generation
            loop = asyncio.get_running_loop()
            task = loop.run_in_executor(pool, extract_for_pool, body, url, http_charset, school, host)
            try:
                data, targets = await asyncio.wait_for(task, self.budget)
                return to_article(data), targets
            except TimeoutError:
                if generation != self.generation:
                    # Its pool was replaced while it waited (another page ran over its budget):
                    # the time was not its own; tried again in the new pool.
                    continue
                self._replace(generation)
                raise ExtractionTimeout(f"extraction ran over {self.budget:g} s; its worker was replaced"
                                        ) from None
            except asyncio.CancelledError:
                # Queued in a pool that was replaced meanwhile (another page ran over its budget):
                # cancelled with it, unstarted; tried again in the new pool. A crawl that is
                # stopping cancels this coroutine itself: that goes on up.
                current = asyncio.current_task()
                if task.cancelled() and generation != self.generation and \
                        not (current is not None and current.cancelling()):
                    continue
                raise
            except BrokenProcessPool:
                if self._replace(generation):  # not ours: the worker died on its own
                    self.lost += 1
                    logger.warning("[%s] extraction worker lost (%d)", school.key, self.lost)
                    if self.lost >= MAX_LOST_WORKERS:
                        logger.warning("[%s] workers keep dying; parsing in the crawl process", school.key)
                        self._stop(self.pool)
                        self.pool = None
        return extract_page(body, url, http_charset, school, host, self.templates[host])

    def _replace(self, generation: int) -> bool:
        """A new pool for the one of `generation`, its processes killed; False if done already."""
        if generation != self.generation or self.pool is None:
            return False
        self._stop(self.pool)
        self.pool = make_pool(self.workers)
        self.warming = self._warm(self.pool)
        self.generation += 1
        return True

    def _warm(self, pool: Executor | None) -> list:
        return [] if pool is None else [pool.submit(warm_up) for _ in range(self.workers)]

    @staticmethod
    def _stop(pool: Any) -> None:
        processes = list(getattr(pool, "_processes", {}).values())  # the executor has no kill()
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            proc.kill()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
