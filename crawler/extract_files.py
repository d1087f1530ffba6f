"""`tct extract`: saved HTML files to article records, learning each host's template from its files."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from crawler.parser import Article, HostTemplate, Page, extract, learn_template

MAX_FILE_BYTES = 50 * 1024 * 1024  # larger files are not web pages; refuse them with an error
MIN_HOST_FILES = 3  # distinct pages of one host needed before its template is worth learning
# Pages read while learning are kept for their extraction when the batch is at most this big;
# a larger batch reads each page twice rather than hold every parsed page in memory.
KEEP_READ_BYTES = 64 * 1024 * 1024


@dataclass
class FileResult:
    path: Path
    article: Article | None
    error: str | None = None


def _read(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"file is {size} bytes, more than the {MAX_FILE_BYTES} a page may have")
    return path.read_bytes()


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def extract_files(paths: list[Path], urls: list[str | None]) -> Iterator[FileResult]:
    """One result per path, in order. Pages of one host (by URL) teach each other the template."""
    datas: list[bytes | None] = []
    errors: list[str | None] = []
    for p in paths:
        try:
            datas.append(_read(p))
            errors.append(None)
        except (OSError, ValueError) as exc:
            datas.append(None)
            errors.append(f"{p}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}")
    templates: dict[str, HostTemplate] = defaultdict(HostTemplate)
    read: dict[int, Page] = {}  # pages read while learning, each reused by its one extraction
    by_host = defaultdict(list)
    for i, url in enumerate(urls):
        if datas[i] is not None and _host(url):
            by_host[_host(url)].append(i)
    keep = sum(len(datas[i] or b"") for idxs in by_host.values() for i in idxs) <= KEEP_READ_BYTES
    for host, idxs in by_host.items():
        seen: set[bytes] = set()
        for i in idxs:
            digest = hashlib.blake2b(datas[i], digest_size=16).digest()
            if digest in seen:
                continue  # the same page given twice teaches the template nothing new
            seen.add(digest)
            page = learn_template(templates[host], datas[i])
            if page is not None and keep:
                read[i] = page
        if len(seen) < MIN_HOST_FILES:
            del templates[host]  # too few pages of this host to tell its template from its text
    for i, p in enumerate(paths):
        if datas[i] is None:
            yield FileResult(p, None, errors[i])
            continue
        url = urls[i] or p.resolve().as_uri()
        host = _host(urls[i])
        tmpl = templates.get(host) if host else None
        try:
            art = extract(read.pop(i, None) or datas[i], url, template=tmpl, links=False)
        except Exception as exc:  # noqa: BLE001 - one page the parser chokes on must not stop the rest
            yield FileResult(p, None, f"{p}: extraction failed: {exc!r}")
            continue
        if urls[i] is None and art.canonical_url:
            art.url = art.canonical_url
        yield FileResult(p, art)
