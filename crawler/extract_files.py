"""`tct extract`: saved HTML files to article records, learning each host's template from its files.

Pages of one host teach each other the host's template (see parser.template) before any of them
is extracted. A large batch is spread over worker processes, one shard of files each, in two
rounds: each worker reads its pages and reports the lines they show; the template of each host is
put together here from those reports, in file order, exactly as one process would learn it; then
each worker extracts its own pages, already read, with the templates. The records come out in
file order either way.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.parser import HostTemplate, Page, extract, read_page

MAX_FILE_BYTES = 50 * 1024 * 1024  # larger files are not web pages; refuse them with an error
MIN_HOST_FILES = 3  # distinct pages of one host needed before its template is worth learning
# Pages read while learning are kept for their extraction when the batch is at most this big;
# a larger batch reads each page twice rather than hold every parsed page in memory.
KEEP_READ_BYTES = 64 * 1024 * 1024
PARALLEL_MIN_FILES = 16  # fewer files finish before worker processes would pay for themselves


@dataclass
class FileResult:
    path: Path
    record: dict[str, Any] | None  # the contract's keys; None when the file could not be read
    error: str | None = None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _read(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"file is {size} bytes, more than the {MAX_FILE_BYTES} a page may have")
    return path.read_bytes()


def _read_or_error(path: Path) -> tuple[bytes | None, str | None]:
    try:
        return _read(path), None
    except (OSError, ValueError) as exc:
        return None, f"{path}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}"


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _record(page: Page | bytes, path: Path, url: str | None, template: HostTemplate | None,
            ) -> tuple[dict[str, Any] | None, str | None]:
    try:
        art = extract(page, url or path.resolve().as_uri(), template=template, links=False)
    except Exception as exc:  # noqa: BLE001 - one page the parser chokes on must not stop the rest
        return None, f"{path}: extraction failed: {exc!r}"
    if url is None and art.canonical_url:
        art.url = art.canonical_url
    return art.to_contract(), None


class _Learning:
    """Templates being learned from pages in file order; the same page given twice counts once."""

    def __init__(self) -> None:
        self.templates: dict[str, HostTemplate] = defaultdict(HostTemplate)
        self.seen: dict[str, set[int]] = defaultdict(set)

    def wants(self, host: str, digest: int) -> bool:
        if digest in self.seen[host] or self.templates[host].settled:
            return False
        self.seen[host].add(digest)
        return True

    def result(self) -> dict[str, HostTemplate]:
        """Templates of hosts with enough distinct pages to tell their template from their text."""
        return {h: t for h, t in self.templates.items() if len(self.seen[h]) >= MIN_HOST_FILES}


def extract_files(paths: list[Path], urls: list[str | None], jobs: int = 1) -> Iterator[FileResult]:
    """One result per path, in order."""
    if jobs > 1 and len(paths) >= PARALLEL_MIN_FILES and "fork" in multiprocessing.get_all_start_methods():
        yield from _parallel(paths, urls, min(jobs, len(paths) // (PARALLEL_MIN_FILES // 2)))
        return
    read = [_read_or_error(p) for p in paths]
    learning = _Learning()
    pages: dict[int, Page] = {}  # pages read while learning, each reused by its one extraction
    keep = sum(len(d or b"") for d, _ in read) <= KEEP_READ_BYTES
    for i, (data, _) in enumerate(read):
        host = _host(urls[i])
        if data is not None and host and learning.wants(host, hash(data)):
            page = read_page(data)
            learning.templates[host].learn(page.lines)
            if keep:
                pages[i] = page
    templates = learning.result()
    for i, path in enumerate(paths):
        data, error = read[i]
        if data is None:
            yield FileResult(path, None, error)
            continue
        template = templates.get(_host(urls[i]) or "")
        record, error = _record(pages.pop(i, None) or data, path, urls[i], template)
        yield FileResult(path, record, error)


# -- in worker processes ----------------------------------------------------------------------
def _worker(conn: Any, shard: list[tuple[int, Path, str | None]], keep: bool) -> None:
    """Round 1: read the shard's pages, report each one's template keys. Round 2: extract them."""
    pages: dict[int, Page] = {}
    reports = {}
    for i, path, url in shard:
        data, error = _read_or_error(path)
        if data is None:
            reports[i] = (None, None, error)
            continue
        page = read_page(data)
        keys = HostTemplate.keys(page.lines) if _host(url) else None
        reports[i] = (hash(data), keys, None)
        if keep:
            pages[i] = page
    conn.send(reports)
    templates: dict[str, HostTemplate] = conn.recv()
    for i, path, url in shard:
        if reports[i][2] is not None:
            continue
        page = pages.pop(i, None)
        if page is None:
            data, error = _read_or_error(path)
            if data is None:
                conn.send((i, None, error))
                continue
            page = read_page(data)
        host = _host(url)
        conn.send((i, *_record(page, path, url, templates.get(host) if host else None)))
    conn.send(None)
    conn.close()


def _parallel(paths: list[Path], urls: list[str | None], jobs: int) -> Iterator[FileResult]:
    ctx = multiprocessing.get_context("fork")  # workers inherit the loaded parser: no start-up cost
    shards: list[list[tuple[int, Path, str | None]]] = [[] for _ in range(jobs)]
    for i, (p, u) in enumerate(zip(paths, urls, strict=True)):
        shards[i % jobs].append((i, p, u))
    keep = sum(_size(p) for p in paths) <= KEEP_READ_BYTES
    conns, procs = [], []
    for shard in shards:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(child, shard, keep), daemon=True)
        proc.start()
        child.close()
        conns.append(parent)
        procs.append(proc)
    try:
        reports: dict[int, tuple[int | None, frozenset[int] | None, str | None]] = {}
        for conn in conns:
            reports.update(conn.recv())
        learning = _Learning()
        for i in range(len(paths)):  # in file order, as one process learns
            digest, keys, _ = reports[i]
            host = _host(urls[i])
            if keys is not None and host and learning.wants(host, digest):
                learning.templates[host].learn_keys(keys)
        templates = learning.result()
        for conn in conns:
            conn.send(templates)
        yield from _in_order(paths, reports, conns)
    finally:
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()


def _in_order(paths: list[Path], reports: dict, conns: list) -> Iterator[FileResult]:
    """The workers' records, yielded in file order as they arrive."""
    done: dict[int, FileResult] = {i: FileResult(paths[i], None, r[2]) for i, r in reports.items()
                                   if r[2] is not None}
    for i in range(len(paths)):
        while i not in done:
            msg = conns[i % len(conns)].recv()  # file i is in shard i % jobs (_parallel)
            if msg is None:
                raise RuntimeError("an extraction worker ended before its pages were done")
            j, record, error = msg
            done[j] = FileResult(paths[j], record, error)
        yield done.pop(i)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
