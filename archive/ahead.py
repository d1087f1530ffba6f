"""Work on batches in worker processes while this process writes the results of earlier ones.

SQLite takes one writer; what can run beside it (folding and hashing texts, MinHash sketches) is
pure Python that holds the GIL, so it goes to other processes, a few batches ahead of the writer
(memory stays flat). Workers are spawned, never forked: the writer may run threads (a crawl's
reactor) and holds an open SQLite connection.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

AHEAD = 4  # batches in the workers' hands at once


def worker_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def mapped_ahead(func: Callable[[T], R], batches: Iterable[T],
                 pool: Executor | None) -> Iterator[tuple[T, R]]:
    """(batch, func(batch)) for each batch, in order; func runs in `pool`, up to AHEAD batches
    ahead of the caller, when one is given."""
    if pool is None:
        for batch in batches:
            yield batch, func(batch)
        return
    queue: deque = deque()
    for batch in batches:
        queue.append((batch, pool.submit(func, batch)))
        if len(queue) >= AHEAD:
            batch, future = queue.popleft()
            yield batch, future.result()
    while queue:
        batch, future = queue.popleft()
        yield batch, future.result()
