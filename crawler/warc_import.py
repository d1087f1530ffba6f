"""`tct import`: web archives (WARC or ARC, gzipped or not, whoever wrote them) read as a crawl.

Every HTML page captured with status 200 is extracted and classified as the spider would do it
(crawler.parser, crawler.classify), attributed to its school by host (and, where a host served
two schools, by date), and stored with its page, its HTTP exchange and `archived_from` (the file
and the record's offset). The link graph of the files stands in for the crawl's anchors: a first
pass reads every page's links (the text of the first link to each address is its evidence, as
in the crawl's queue) and learns each host's template; the second extracts and stores. Importing
the same file twice changes nothing (articles are upserted by URL and content). A record that
cannot be read (truncated, corrupt) is reported with its offset and skipped; reading resumes at
the next record the file holds.
"""
from __future__ import annotations

import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin, urlsplit

from archive.nearcopies import link_pending
from archive.store import Archive, local_iso, now_iso
from crawler.classify import classify, link_evidence
from crawler.links import page_targets
from crawler.parser import Article, HostTemplate, extract, parse_tree, read_page
from crawler.parser.decode import decode_html
from crawler.registry import School
from crawler.urls import canonicalize, host_key, is_print_view

logger = logging.getLogger(__name__)

RESUME_WINDOW = 1 << 20  # how far past a broken record the next record is looked for, per step
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_START = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n|https?://\S+ \d{1,3}(?:\.\d{1,3}){3} \d{14} )")


@dataclass
class Capture:
    """One HTML page of a web archive: where it was, what was fetched, when."""
    file: Path | None
    offset: int
    url: str
    when: str  # ISO 8601 in Vietnam time, as the archive keeps times
    html: bytes
    charset: str | None
    http: dict[str, Any]
    source: str | None = None  # where it came from when not a file (a Wayback capture's address)
    ref: int | None = None  # its row in backfill_captures, for a backfill's capture

    @property
    def archived_from(self) -> str:
        return self.source or f"{self.file.name}#{self.offset}"


@dataclass
class SiteCounts:
    run_id: int
    pages: int = 0  # HTML captures with status 200
    outcomes: Counter = field(default_factory=Counter)  # new, changed, unchanged, duplicate
    not_articles: Counter = field(default_factory=Counter)  # by reason kind


@dataclass
class ImportReport:
    records: int = 0  # records read
    sites: dict[str, SiteCounts] = field(default_factory=dict)  # a run record each
    errors: list[str] = field(default_factory=list)  # unreadable records, with file and offset
    near_copies: int = 0  # articles linked to an earlier near-copy once the import was stored

    @property
    def pages(self) -> int:
        return sum(s.pages for s in self.sites.values())

    @property
    def outcomes(self) -> Counter:
        return sum((s.outcomes for s in self.sites.values()), Counter())

    @property
    def not_articles(self) -> Counter:
        return sum((s.not_articles for s in self.sites.values()), Counter())


def captures(path: Path, errors: list[str], counted: Callable[[int], None] | None = None,
             seen: Counter | None = None) -> Iterator[Capture]:
    """The HTML pages (status 200) a WARC or ARC file holds, in file order; unreadable records
    are reported in `errors` and skipped. counted(n): the file's bytes read so far grew by n."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as fh:
        if not fh.read(16).startswith(_ARCHIVE_STARTS):
            errors.append(f"{path.name}: not a WARC or ARC file (gzipped or not)")
            return
        start = done = 0  # done: the bytes reported to `counted` so far
        while start is not None:
            fh.seek(start)
            records = ArchiveIterator(fh, arc2warc=True)
            offset = start
            try:
                for rec in _quietly(records, path, errors):
                    cap = _capture(path, rec)  # (its body first: asking the offset reads past it)
                    while rec.raw_stream.read(1 << 16):  # the rest of the block, to see it whole
                        pass
                    if getattr(rec.raw_stream, "limit", 0) > 0:  # the file ended inside the record
                        errors.append(f"{path.name}: truncated record at offset "
                                      f"{records.get_record_offset()}: {rec.raw_stream.limit} bytes missing")
                        cap = None
                    if seen is not None:
                        seen["records"] += 1
                    offset = records.get_record_offset()  # (from the file's start)
                    if counted is not None:
                        counted(offset - done)
                        done = offset
                    if cap is not None:
                        cap.offset = offset
                        yield cap
                start = None
            except (ArchiveLoadFailed, OSError, EOFError, ValueError, IndexError) as exc:
                broken = max(offset, getattr(records, "offset", offset))  # where the next record began
                errors.append(f"{path.name}: unreadable record at offset {broken}: {str(exc)[:160]}")
                start = _next_record(fh, broken + 1)
        if counted is not None:  # the last record's bytes, and whatever follows it
            counted(fh.seek(0, 2) - done)


_ARCHIVE_STARTS = (b"\x1f\x8b", b"WARC/", b"filedesc://")


def _quietly(records: Any, path: Path, errors: list[str]) -> Iterator[Any]:
    """The records, with the warnings warcio prints about a malformed one (a wrong length, a
    missing blank line) kept as errors of this import instead of lines on the terminal."""
    import contextlib
    import io

    it = iter(records)
    while True:
        buf = io.StringIO()
        with contextlib.redirect_stderr(buf):
            rec = next(it, None)
        if buf.getvalue().strip():
            first = buf.getvalue().strip().splitlines()
            errors.append(f"{path.name}: malformed record near offset {records.offset}: "
                          f"{' '.join(x.strip() for x in first[:2])[:160]}")
        if rec is None:
            return
        yield rec


def _next_record(fh: BinaryIO, pos: int) -> int | None:
    """The offset of the next record after a broken one: a gzip member's start, or a WARC/ARC
    header line in an uncompressed file."""
    fh.seek(0)
    gzipped = fh.read(2) == _GZIP_MEMBER[:2]
    fh.seek(pos)
    while chunk := fh.read(RESUME_WINDOW):
        if gzipped:
            found = chunk.find(_GZIP_MEMBER)
        else:
            m = _WARC_START.search(chunk)
            found = -1 if m is None else m.start(1)
        if found >= 0:
            return pos + found
        pos += len(chunk) - 64  # a marker may straddle two chunks
        fh.seek(pos)
        if len(chunk) < RESUME_WINDOW:
            return None
    return None


def _capture(path: Path, rec: Any) -> Capture | None:
    kind = rec.rec_type
    if kind not in ("response", "resource"):
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI") or ""
    if not url.startswith(("http://", "https://")):
        return None
    http: dict[str, Any] = {"fetch_url": url}
    if kind == "response":
        if rec.http_headers is None or rec.http_headers.get_statuscode() != "200":
            return None
        ctype = rec.http_headers.get_header("Content-Type") or ""
        http.update(status=200, protocol=rec.http_headers.protocol or "HTTP/1.1",
                    response_headers=[list(h) for h in rec.http_headers.headers])
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    body = rec.content_stream().read()
    charset = re.search(r"charset=([\w.:-]+)", ctype, re.I)
    return Capture(path, 0, url, _when(rec.rec_headers.get_header("WARC-Date")), body,
                   charset.group(1) if charset else None, http)


def _when(warc_date: str | None) -> str:
    return local_iso(datetime.fromisoformat(warc_date.replace("Z", "+00:00"))) if warc_date else now_iso()


class Importer:
    """Reads web archives into the archive, as crawls of the schools they hold."""

    def __init__(self, archive: Archive, schools: list[School], *,
                 progress: Callable[[int], None] | None = None, workers: int = 0):
        self.archive = archive
        self.schools = schools
        self.progress = progress
        self.workers = workers  # extraction processes beside this one (0: extract here)
        self._school_of: dict[str, School] = {}
        self.templates: dict[str, HostTemplate] = defaultdict(HostTemplate)
        self.anchors: dict[str, list[str]] = defaultdict(list)  # canonical URL -> its links' texts

    def school(self, url: str) -> School:
        """The registered school whose site this is, else the host as a site of its own."""
        host = host_key(url)
        if host not in self._school_of:
            parts = urlsplit(url)
            self._school_of[host] = next((s for s in self.schools if s.owns_host(url)), None) \
                or School.for_url(f"{parts.scheme}://{parts.netloc}/")  # its root is its start page
        return self._school_of[host]

    def run(self, paths: list[Path]) -> ImportReport:
        """Import these files: two passes over each (links and templates, then the pages)."""
        def learn_pass(report: ImportReport) -> Iterator[Capture]:
            for path in paths:
                yield from captures(path, [], self.progress)

        def store_pass(report: ImportReport) -> Iterator[Capture]:
            for path in paths:
                seen: Counter = Counter()
                yield from captures(path, report.errors, self.progress, seen)
                report.records += seen["records"]

        return self.run_captures(learn_pass, store_pass)

    def run_captures(self, learn_pass: Callable[[ImportReport], Iterable[Capture]],
                     store_pass: Callable[[ImportReport], Iterable[Capture]],
                     on_stored: Callable[[Capture], None] | None = None) -> ImportReport:
        """Captures from anywhere (files, a Wayback server): the first pass learns links and
        templates, the second extracts, classifies and stores; on_stored(cap) after each."""
        report = ImportReport()
        for cap in learn_pass(report):
            self._learn(cap)
        self.archive.batching = True
        try:
            for cap, art in self._extracted(store_pass(report)):
                self._store(cap, art, report)
                if on_stored is not None:
                    on_stored(cap)
        finally:  # what was imported is kept, even when interrupted; every run says how it ended
            self.archive.commit()
            self.archive.batching = False
            errors = {"unreadable_record": len(report.errors)} if report.errors else {}
            for counts in report.sites.values():
                self.archive.finish_run(counts.run_id, status="finished", pages_fetched=counts.pages,
                                        counts=counts.outcomes, errors=errors,
                                        not_articles=counts.not_articles)
        report.near_copies = link_pending(self.archive).linked
        return report

    def _learn(self, cap: Capture) -> None:
        school = self.school(cap.url)
        template = self.templates[host_key(cap.url)]
        if not template.settled:  # one parse serves the template and the links
            page = read_page(cap.html, cap.charset)
            if page.root is not None:
                template.learn(page.lines)
            root = page.root
        else:
            root = parse_tree(decode_html(cap.html, cap.charset)[0])
        if root is None:
            return
        hrefs, texts = [], []
        for el in root.iter("a", "area"):
            href = el.get("href")
            if href:
                hrefs.append(href)
                texts.append(" ".join("".join(el.itertext()).split())[:300])
        here = canonicalize(cap.url)
        for target, (_, anchor) in page_targets(hrefs, texts, cap.url, school).items():
            if target == here:
                continue  # a page's link to itself (a permalink, a language switch) says nothing
            seen = self.anchors[target]
            if anchor and anchor not in seen and len(seen) < MAX_ANCHORS:
                seen.append(anchor)

    def _extracted(self, caps: Iterable[Capture]) -> Iterator[tuple[Capture, Article]]:
        """Each capture with its article, in order; with workers, BATCH captures at a time are
        extracted in other processes (the hosts' templates, learned by now, sent once each)."""
        if self.workers <= 0:
            for cap in caps:
                yield cap, _extract_one(cap, self.school(cap.url).profile, self.templates[host_key(cap.url)])
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("spawn")  # as the crawl's workers: no fork of open SQLite
        with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_set_templates,
                                 initargs=(dict(self.templates),)) as pool:
            # One batch is extracted in the workers while the one before is stored here.
            batch: list[Capture] = []
            running: tuple[list[Capture], Iterator[Article]] | None = None
            for cap in caps:
                batch.append(cap)
                if len(batch) >= BATCH:
                    started = (batch, self._submit(pool, batch))
                    if running is not None:
                        yield from zip(running[0], running[1], strict=True)
                    running, batch = started, []
            if batch:
                started = (batch, self._submit(pool, batch))
                if running is not None:
                    yield from zip(running[0], running[1], strict=True)
                running = started
            if running is not None:
                yield from zip(running[0], running[1], strict=True)

    def _submit(self, pool: Any, batch: list[Capture]) -> Iterator[Article]:
        """The batch's extraction, started now (Executor.map submits at once, yields in order)."""
        jobs = [(c.html, c.url, c.charset, self.school(c.url).profile) for c in batch]
        return pool.map(_extract_in_worker, jobs, chunksize=8)

    def _store(self, cap: Capture, art: Article, report: ImportReport) -> None:
        school = self.school(cap.url)
        if school.key not in report.sites:
            report.sites[school.key] = SiteCounts(self.archive.start_run(school.key))
        counts = report.sites[school.key]
        counts.pages += 1
        url = canonicalize(cap.url)
        final = url
        if art.canonical_url:
            canon = canonicalize(urljoin(cap.url, art.canonical_url))
            if school.owns(canon) and not is_print_view(canon):
                final = canon
        anchor = best_anchor(self.anchors.get(url, []) + self.anchors.get(final, []), art.title)
        verdict = classify(art, final, school, anchor=anchor,
                           start_page=url in {canonicalize(u) for u in school.start_urls})
        if verdict and is_print_view(final):
            return
        if not verdict:
            counts.not_articles[verdict.kind] += 1
            return
        record = {**art.to_contract(), "url": final, "host": host_key(cap.url), "flags": art.flags}
        res = self.archive.save_article(
            record, site=school.key, html=cap.html, encoding=art.encoding, fetched_at=cap.when,
            school_name=art.school_name, http=cap.http, archived_from=cap.archived_from, captured=cap.when)
        counts.outcomes[res.status] += 1


BATCH = 256  # captures handed to the extraction workers at a time (their pages are in memory)
_worker_templates: dict[str, HostTemplate] = {}


def _extract_one(cap: Capture, profile: Any, template: HostTemplate) -> Article:
    return extract(cap.html, cap.url, http_charset=cap.charset, profile=profile, template=template,
                   links=False)


def _set_templates(templates: dict[str, HostTemplate]) -> None:
    _worker_templates.update(templates)


def _extract_in_worker(job: tuple[bytes, str, str | None, Any]) -> Article:
    html, url, charset, profile = job
    template = _worker_templates.setdefault(host_key(url), HostTemplate())
    return extract(html, url, http_charset=charset, profile=profile, template=template, links=False)


MAX_ANCHORS = 8  # link texts kept per address
_EVIDENCE_RANK = {"headline": 0, None: 1, "pager": 2, "section": 3}


def best_anchor(texts: list[str], title: str | None) -> str | None:
    """Of the links to a page the file holds, the one that says most for it: its headline, else
    none that says anything, else a pager's, else a section's. (A crawl follows the first link it
    meets; a web archive's order says nothing of how its pages were reached.)"""
    if not texts:
        return None
    return min(texts, key=lambda t: _EVIDENCE_RANK[link_evidence(t, title)])


def summary(report: ImportReport) -> str:
    """A few lines for the terminal: what was read, what was stored, what was left out and why."""
    lines = [f"read {report.records} records, {report.pages} HTML pages",
             "articles: " + (", ".join(f"{n} {k}" for k, n in sorted(report.outcomes.items())) or "none")]
    if report.not_articles:
        lines.append("not articles: " + ", ".join(f"{n} {k}" for k, n in report.not_articles.most_common()))
    if report.near_copies:
        lines.append(f"near-copies linked to an earlier article: {report.near_copies}")
    lines += [f"error: {e}" for e in report.errors]
    return "\n".join(lines)


def report_json(report: ImportReport) -> str:
    return json.dumps({"records": report.records, "pages": report.pages, "articles": dict(report.outcomes),
                       "not_articles": dict(report.not_articles), "errors": report.errors,
                       "near_copies": report.near_copies,
                       "runs": {site: c.run_id for site, c in report.sites.items()}}, ensure_ascii=False)
