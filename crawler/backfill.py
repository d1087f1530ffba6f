"""`tct backfill`: a school's past recovered from a Wayback Machine, never from the live site.

A CDX server (the Internet Archive's, or a pywb collection's) lists the captures of the school's
hosts; of the HTML captures with status 200 in the date range, the newest of each address is
fetched raw from the replay server (`PREFIX<timestamp>id_/<url>`), politely (a delay between
requests, retries with back-off on 429 and 5xx), and read as `tct import` reads a web archive:
the captures' links stand in for the crawl's anchors, each page is extracted, classified and, if
an article the archive does not hold, stored with `archived_from` = the capture's address.

Every capture is a row of `backfill_captures` (schema 9): queued, fetched (its bytes kept until it
is read), stored, or failed. A backfill killed half-way resumes where it stopped with the same
command; a second backfill of the same range fetches nothing it fetched before.
"""
from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from archive.store import Archive, local_iso
from crawler.registry import School
from crawler.urls import canonicalize
from crawler.warc_import import Capture, Importer, ImportReport

logger = logging.getLogger(__name__)

IA_CDX = "https://web.archive.org/cdx/search/cdx"
IA_REPLAY = "https://web.archive.org/web/"
USER_AGENT = "tct-archive backfill (+https://github.com/tct-archive; research archive of school news)"
DEFAULT_DELAY = 1.5  # seconds between requests: the Internet Archive asks callers to go slowly
RETRIES = 3
TIMEOUT = 60


class BackfillError(RuntimeError):
    """The CDX server could not be asked (unreachable, refused, not a CDX answer)."""


@dataclass(frozen=True)
class CdxCapture:
    timestamp: str  # 14 digits, UTC
    url: str


class _NoRedirectAway(urllib.request.HTTPRedirectHandler):
    """Follow a replay server's redirects (to a nearby capture) only on its own host."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 - urllib's API
        if urllib.parse.urlsplit(newurl).netloc != urllib.parse.urlsplit(req.full_url).netloc:
            raise urllib.error.HTTPError(newurl, code, f"redirect away from the replay server: {newurl}",
                                         headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_NoRedirectAway)


def _get(url: str, delay: float) -> tuple[int, dict[str, str], bytes]:
    """GET with retries on 429/5xx and connection errors (waiting longer each time)."""
    wait = max(delay, 1.0)
    for attempt in range(RETRIES + 1):
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with _OPENER.open(req, timeout=TIMEOUT) as resp:
                return resp.status, {k: v for k, v in resp.headers.items()}, resp.read()
        except urllib.error.HTTPError as exc:
            if exc.code not in (429, 500, 502, 503, 504) or attempt == RETRIES:
                return exc.code, {}, b""
        except (urllib.error.URLError, OSError) as exc:
            if attempt == RETRIES:
                raise BackfillError(f"{url}: {getattr(exc, 'reason', exc)}") from None
        time.sleep(wait)
        wait *= 2
    return 0, {}, b""


CDX_PAGE = 10_000  # captures asked for at a time; the Internet Archive pages with a resume key
MAX_CDX_PAGES = 1_000  # (a server that hands back the same key forever stops here)


def cdx_captures(cdx: str, host: str, since: date | None, until: date | None,
                 delay: float) -> list[CdxCapture]:
    """HTML captures with status 200 of one host, in the range, as the CDX server lists them
    (the Internet Archive's JSON table or plain lines, or pywb's JSON lines). A host with more
    captures than a page holds is read page after page with the resume key the Internet
    Archive appends (`showResumeKey`); a server that gives none gave them all at once."""
    params = {"url": host, "matchType": "host", "output": "json", "limit": str(CDX_PAGE),
              "showResumeKey": "true"}
    if since:
        params["from"] = since.strftime("%Y%m%d")
    if until:
        params["to"] = until.strftime("%Y%m%d") + "235959"
    out: list[CdxCapture] = []
    seen_keys: set[str] = set()
    for _ in range(MAX_CDX_PAGES):
        status, _, body = _get(f"{cdx}?{urllib.parse.urlencode(params)}", delay)
        if status == 404 or not body.strip():
            break  # nothing (more) captured
        if status != 200:
            raise BackfillError(f"the CDX server answered {status} for {host}")
        rows, resume = _cdx_page(body.decode("utf-8", "replace"))
        if not resume and len(rows) >= CDX_PAGE and "limit" in params:
            # A full page and no key: a server that does not page this way (pywb). Ask it once
            # more for everything.
            del params["limit"], params["showResumeKey"]
            params.pop("resumeKey", None)
            out.clear()
            continue
        for row in rows:
            mime = row.get("mime") or row.get("mimetype") or ""
            code = str(row.get("status") or row.get("statuscode") or "")
            stamp, url = str(row.get("timestamp") or ""), row.get("url") or row.get("original") or ""
            if "html" in mime and code == "200" and len(stamp) >= 8 and url.startswith(("http://", "https://")):
                out.append(CdxCapture(stamp.ljust(14, "0")[:14], url))
        if not resume or resume in seen_keys:
            break
        seen_keys.add(resume)
        params["resumeKey"] = resume
    return out


def _cdx_page(text: str) -> tuple[list[dict[str, Any]], str | None]:
    """A CDX answer's rows, and the resume key that follows them when there are more: in the
    Internet Archive's JSON table an empty row then a row of the key alone; in its plain lines a
    blank line then the key."""
    text = text.strip()
    resume = None
    if text.startswith("["):
        table = json.loads(text)
        if len(table) >= 2 and table[-2] == [] and len(table[-1]) == 1:
            resume, table = str(table[-1][0]), table[:-2]
        return list(_cdx_rows_of(table)), resume
    head, blank, tail = text.rpartition("\n\n")
    if blank and tail.strip() and " " not in tail.strip() and not tail.lstrip().startswith("{"):
        resume, text = tail.strip(), head
    return list(_cdx_rows(text)), resume


def _cdx_rows_of(table: list[list[Any]]) -> Iterator[dict[str, Any]]:
    """The Internet Archive's output=json: a header row, then rows."""
    if table:
        head = table[0]
        for values in table[1:]:
            yield dict(zip(head, values, strict=False))


def _cdx_rows(text: str) -> Iterator[dict[str, Any]]:
    text = text.strip()
    if text.startswith("["):
        yield from _cdx_rows_of(json.loads(text))
        return
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            yield json.loads(line)
        elif line:
            parts = line.split(" ", 2)
            if len(parts) == 3 and parts[2].startswith("{"):  # CDXJ: key, timestamp, JSON
                yield {"timestamp": parts[1], **json.loads(parts[2])}
            elif len(parts) == 3:  # the classic space-separated CDX line
                fields = line.split()
                if len(fields) >= 5:
                    yield {"timestamp": fields[1], "original": fields[2], "mimetype": fields[3],
                           "statuscode": fields[4]}


def _hosts(school: School) -> list[str]:
    """The hosts to ask the CDX server about: the start URLs' (with their ports) and the others."""
    found = [urllib.parse.urlsplit(u).netloc.lower() for u in school.start_urls]
    for h in sorted(school.hosts):
        found += [h, f"www.{h}"]
    return list(dict.fromkeys(found))


@dataclass
class BackfillReport:
    listed: int = 0  # captures the CDX server listed (HTML, 200, in range)
    queued: int = 0  # new captures to fetch (the newest of each address not archived yet)
    fetched: int = 0
    failed: int = 0
    imported: ImportReport | None = None


class Backfill:
    def __init__(self, archive: Archive, schools: list[School], *, cdx: str = IA_CDX,
                 replay: str = IA_REPLAY, delay: float = DEFAULT_DELAY):
        self.archive = archive
        self.schools = schools
        self.cdx, self.replay = cdx, replay if replay.endswith("/") else replay + "/"
        self.delay = delay

    def run(self, since: date | None = None, until: date | None = None,
            progress: Callable[[int], None] | None = None) -> BackfillReport:
        """Queue, fetch (progress(1) after each capture), read."""
        report = self.queue(since, until)
        self.fetch(report, progress)
        report.imported = self.read()
        return report

    def queue(self, since: date | None = None, until: date | None = None) -> BackfillReport:
        """Ask the CDX server; queue the captures worth fetching (kept across runs)."""
        report = BackfillReport()
        for school in self.schools:
            self._queue(school, since, until, report)
        return report

    def pending(self) -> int:
        """Captures queued and not fetched yet (by this run or one that was killed)."""
        return self.archive.db.execute("SELECT count(*) FROM backfill_captures WHERE replay = ? AND "
                                       "state = 'queued'", [self.replay]).fetchone()[0]

    def _queue(self, school: School, since: date | None, until: date | None, report: BackfillReport) -> None:
        newest: dict[str, CdxCapture] = {}
        for host in _hosts(school):
            for cap in cdx_captures(self.cdx, host, since, until, self.delay):
                if not school.owns(cap.url):
                    continue
                report.listed += 1
                key = canonicalize(cap.url)
                if key not in newest or cap.timestamp > newest[key].timestamp:
                    newest[key] = cap
        db = self.archive.db
        with self.archive.transaction():
            for key, cap in newest.items():
                if self.archive.is_known(key):
                    continue  # archived already: nothing to recover
                if db.execute("SELECT 1 FROM backfill_captures WHERE replay = ? AND canonical = ?",
                              [self.replay, key]).fetchone():
                    continue  # fetched (or tried) by an earlier backfill
                db.execute("INSERT INTO backfill_captures (replay, canonical, url, timestamp, site, state) "
                           "VALUES (?, ?, ?, ?, ?, 'queued')", [self.replay, key, cap.url, cap.timestamp,
                                                                 school.key])
                report.queued += 1

    def fetch(self, report: BackfillReport, progress: Callable[[int], None] | None = None) -> None:
        """Fetch the queued captures one at a time, politely, each kept as it comes."""
        db = self.archive.db
        rows = db.execute("SELECT id, url, timestamp FROM backfill_captures WHERE replay = ? AND "
                          "state = 'queued' ORDER BY id", [self.replay]).fetchall()
        for n, (rid, url, stamp) in enumerate(rows, 1):
            if n > 1 and self.delay:
                time.sleep(self.delay)
            address = f"{self.replay}{stamp}id_/{url}"
            try:
                status, headers, body = _get(address, self.delay)
            except BackfillError as exc:
                status, headers, body = 0, {}, b""
                logger.warning("backfill: %s", exc)
            ok = status == 200 and body
            with self.archive.transaction():  # each capture kept as it comes: a kill loses one
                db.execute(
                    "UPDATE backfill_captures SET state = ?, html_zlib = ?, headers = ?, reason = ? "
                    "WHERE id = ?",
                    ["fetched" if ok else "failed", zlib.compress(body, 3) if ok else None,
                     json.dumps(list(headers.items())) if ok else None,
                     None if ok else f"replay answered {status}", rid])
            report.fetched += bool(ok)
            report.failed += not ok
            if progress is not None:
                progress(1)

    def read(self) -> ImportReport:
        """The fetched captures read as an import: links first, then the pages."""
        db = self.archive.db

        def fetched(_report: ImportReport) -> Iterator[Capture]:
            for rid, url, stamp, blob, heads in db.execute(
                    "SELECT id, url, timestamp, html_zlib, headers FROM backfill_captures "
                    "WHERE replay = ? AND state = 'fetched' ORDER BY id", [self.replay]).fetchall():
                headers = json.loads(heads or "[]")
                ctype = next((v for k, v in headers if k.lower() == "content-type"), "")
                charset = ctype.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype else None
                yield Capture(None, 0, url, _when(stamp), zlib.decompress(blob), charset,
                              {"fetch_url": url, "status": 200, "protocol": "HTTP/1.1",
                               "response_headers": headers},
                              source=f"{self.replay}{stamp}/{url}", ref=rid)

        def stored(cap: Capture) -> None:
            db.execute("UPDATE backfill_captures SET state = 'stored', html_zlib = NULL WHERE id = ?",
                       [cap.ref])

        return Importer(self.archive, self.schools).run_captures(fetched, fetched, stored)


def _when(stamp: str) -> str:
    """A CDX timestamp (14 digits, UTC) as the archive writes times."""
    return local_iso(datetime.strptime(stamp[:14], "%Y%m%d%H%M%S").replace(tzinfo=UTC))
