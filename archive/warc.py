"""The archive written out as a web archive (WARC 1.1, ISO 28500), for replay and for other archives.

One `warcinfo` record, then per article: the HTTP exchange of its page as it was fetched (a
`request` and a `response` record, headers in their order, the exact body bytes, `WARC-Date` the
fetch time, block and payload digests), a `revisit` record under the article's own address when
the page was fetched at another one (a redirect, a tracking parameter), and a `metadata` record
with its extracted fields as JSON that refers to the response (target `urn:tct-archive:fields:`
+ the article's URL, so that replay never serves it in place of the page). A page stored before the archive
kept headers (schema 7) becomes a `resource` record. Records are gzipped one by one, as replay
tools expect; rows stream from one cursor. Details: docs/web-archives.md.
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from http.client import responses
from io import BytesIO
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import urlsplit

from archive.export import COLUMNS, ORDER, selection
from archive.filters import ArticleFilter
from archive.records import RECORD_COLUMNS, row_to_record

if TYPE_CHECKING:
    from archive.store import Archive

FIELDS_URI = "urn:tct-archive:fields:"  # + the article's URL: the target of its metadata record
PAGE_COLUMNS = ("html_zlib", "encoding", "fetched_at", "fetch_url", "status", "protocol",
                "response_headers", "request_headers")
# The stored body is what Scrapy handed over: already inflated and de-chunked, so these headers
# would misdescribe it; Content-Length is set to the stored body's length.
_DROPPED_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


def warc_date(iso: str | None) -> str:
    """An archive timestamp as WARC-Date (UTC, seconds): 2024-03-12T01:00:00Z."""
    if not iso:
        return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _pages(archive: Archive, filt: ArticleFilter | None, query: str | None) -> Iterator[dict[str, Any]]:
    where, params = selection(archive, filt, query)
    page = ", ".join(f"p.{c}" for c in PAGE_COLUMNS)
    rows = archive.db.execute(
        f"SELECT {COLUMNS}, {page} FROM articles a LEFT JOIN pages p ON p.article_id = a.id "
        f"WHERE {where} {ORDER}", params)
    names = (*RECORD_COLUMNS, *PAGE_COLUMNS)
    for row in rows:
        yield dict(zip(names, row, strict=True))


def export_warc(archive: Archive, out: BinaryIO, filt: ArticleFilter | None = None,
                query: str | None = None, *, filename: str = "tct-archive.warc.gz") -> int:
    """Write the selected articles as a gzipped WARC to `out`; returns how many articles."""
    from importlib.metadata import PackageNotFoundError, version

    from warcio.warcwriter import WARCWriter  # the WARC library, loaded only for this format

    try:
        __version__ = version("tct-archive")
    except PackageNotFoundError:  # run from a checkout that was never installed
        __version__ = "dev"
    writer = _MemberWriter(WARCWriter, out)
    writer.write_record(writer.create_warcinfo_record(filename, {
        "software": f"tct-archive/{__version__} (warcio)",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
        "description": "Articles of Vietnam's provincial political schools' websites, as fetched, "
                       "with their extracted fields as metadata records",
    }))
    n = 0
    for row in _pages(archive, filt, query):
        _write_article(writer, row)
        n += 1
    return n


GZIP_LEVEL = 6  # warcio compresses at 9: three times the time for 1 % less on HTML


class _MemberWriter:
    """warcio's WARCWriter, each record gzipped as a member of its own at GZIP_LEVEL (the
    record-at-a-time layout replay tools index; warcio's own gzip runs at level 9)."""

    def __init__(self, writer_class: Any, out: BinaryIO):
        self._buf = BytesIO()
        self._writer = writer_class(self._buf, gzip=False, warc_version="1.1")
        self._out = out

    def __getattr__(self, name: str) -> Any:  # create_warc_record, create_revisit_record, …
        return getattr(self._writer, name)

    def write_record(self, record: Any) -> None:
        self._writer.write_record(record)
        packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        self._out.write(packer.compress(self._buf.getbuffer()) + packer.flush())
        self._buf.seek(0)
        self._buf.truncate()


def _write_article(writer: Any, row: dict[str, Any]) -> None:
    url = row["url"]
    date = warc_date(row["fetched_at"] or row.get("last_seen"))
    refers_to = None
    if row["html_zlib"] is not None:
        html = zlib.decompress(row["html_zlib"])
        if row["response_headers"]:
            refers_to = _write_exchange(writer, row, html, date)
        else:
            record = writer.create_warc_record(
                url, "resource", payload=BytesIO(html), length=len(html),
                warc_content_type=f"text/html; charset={_charset(row['encoding'])}",
                warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
            refers_to = record.rec_headers.get_header("WARC-Record-ID")
    fields = row_to_record({c: row[c] for c in RECORD_COLUMNS})
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
    extra = {"WARC-Date": date}
    if refers_to:
        extra["WARC-Refers-To"] = refers_to
    # Its own address scheme: replay tools index metadata records by their target, and one under
    # the page's address would be served in place of the page.
    writer.write_record(writer.create_warc_record(
        FIELDS_URI + url, "metadata", payload=BytesIO(payload), length=len(payload),
        warc_content_type="application/json", warc_headers_dict=extra))


def _write_exchange(writer: Any, row: dict[str, Any], html: bytes, date: str) -> str:
    """request + response records (and a revisit under the article's address when the page was
    fetched at another); returns the response's record id."""
    from warcio.statusandheaders import StatusAndHeaders

    fetch_url = row["fetch_url"] or row["url"]
    protocol = row["protocol"] or "HTTP/1.1"
    status = int(row["status"] or 200)
    headers = [(k, v) for k, v in json.loads(row["response_headers"]) if k.lower() not in _DROPPED_HEADERS]
    headers.append(("Content-Length", str(len(html))))
    http = StatusAndHeaders(f"{status} {responses.get(status, 'OK')}", headers, protocol=protocol)
    response = writer.create_warc_record(fetch_url, "response", payload=BytesIO(html), length=len(html),
                                         http_headers=http, warc_headers_dict={"WARC-Date": date})
    response_id = response.rec_headers.get_header("WARC-Record-ID")
    parts = urlsplit(fetch_url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    sent = json.loads(row["request_headers"] or "[]")
    if not any(k.lower() == "host" for k, _ in sent):
        sent.insert(0, ("Host", parts.netloc))
    request = writer.create_warc_record(
        fetch_url, "request", payload=BytesIO(b""), length=0,
        http_headers=StatusAndHeaders(f"GET {target} {protocol}", [tuple(h) for h in sent],
                                      is_http_request=True),
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response_id})
    writer.write_record(response)
    writer.write_record(request)
    if fetch_url != row["url"]:  # the article's own address replays the same capture
        revisit = writer.create_revisit_record(
            row["url"], digest=response.rec_headers.get_header("WARC-Payload-Digest"),
            refers_to_uri=fetch_url, refers_to_date=date, http_headers=http)
        revisit.rec_headers.replace_header("WARC-Date", date)
        writer.write_record(revisit)
    return response_id


def _charset(encoding: str | None) -> str:
    """The stored page's charset as a MIME label (our decoder's names: utf-8, windows-1258…)."""
    return (encoding or "utf-8").replace("unicode", "utf-8")
