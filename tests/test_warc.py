"""The archive as a web archive: `tct export --format warc`, checked by warcio and replayed by a
real pywb (`wb-manager`, `wayback`) started here."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import zlib
from pathlib import Path

import pytest

from crawler.urls import canonicalize
from tct.demo.server import SiteServer
from tests.sites.cms import STYLES, build_site
from tests.support import BIN, crawl, free_port, start_server, stop_server, tct

pytestmark = pytest.mark.slow  # real crawls, warcio and pywb


def _records(path: Path) -> list:
    from warcio.archiveiterator import ArchiveIterator

    out = []
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            body = rec.content_stream().read()
            out.append((rec.rec_type, rec.rec_headers, rec.http_headers, body))
    return out


def _stored_pages(db: Path) -> dict[str, bytes]:
    with sqlite3.connect(db) as conn:
        return {url: zlib.decompress(blob) for url, blob in conn.execute(
            "SELECT a.url, p.html_zlib FROM pages p JOIN articles a ON a.id = p.article_id")}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """A crawl of a mock school site; in a copy of its archive every page was fetched at another
    address than the article's (a tracking parameter, a redirect's first hop)."""
    folder = tmp_path_factory.mktemp("warc")
    db = folder / "archive.db"
    routes, articles = build_site("trang", count=6)
    with SiteServer(routes) as site:
        crawl(site.url + "/", db)
        base = site.url
    moved = folder / "moved.db"
    moved.write_bytes(db.read_bytes())
    with sqlite3.connect(moved) as conn:
        conn.execute("UPDATE pages SET fetch_url = fetch_url || '?utm_source=zalo'")
    return db, moved, [canonicalize(base + STYLES["trang"].article_path(a)) for a in articles]


@pytest.mark.parametrize("moved", [False, True])
def test_the_export_passes_warcio_check_and_holds_each_exchange(crawled, tmp_path, moved):
    db, other, urls = crawled
    db = other if moved else db
    out = tmp_path / "tct.warc.gz"
    tct("export", "--db", str(db), "--format", "warc", "-o", str(out))
    check = subprocess.run([str(BIN / "warcio"), "check", "-v", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    records = _records(out)
    assert records[0][0] == "warcinfo"
    pages = _stored_pages(db)
    responses = {r[1].get_header("WARC-Target-URI"): r for r in records if r[0] == "response"}
    requests = [r for r in records if r[0] == "request"]
    metadata = {json.loads(r[3])["url"]: r for r in records if r[0] == "metadata"}
    assert set(metadata) == set(urls) == set(pages)
    assert len(responses) == len(requests) == len(urls)
    exported = {r["url"]: r for r in map(json.loads, tct(
        "export", "--db", str(db), "--format", "jsonl", "-o", "-").stdout.splitlines())}
    for url in urls:
        kind, head, _, fields = metadata[url]
        assert json.loads(fields) == exported[url]
        response = responses[url + ("?utm_source=zalo" if moved else "")]
        assert head.get_header("WARC-Refers-To") == response[1].get_header("WARC-Record-ID")
        assert response[2].get_statuscode() == "200" and response[3] == pages[url]
        assert response[1].get_header("WARC-Payload-Digest") and response[1].get_header("WARC-Block-Digest")
    revisits = {r[1].get_header("WARC-Target-URI") for r in records if r[0] == "revisit"}
    assert revisits == (set(urls) if moved else set())  # the article's own address: its capture


def test_pages_stored_before_headers_were_kept_become_resource_records(crawled, tmp_path):
    db, _, urls = crawled
    old = tmp_path / "old.db"
    old.write_bytes(db.read_bytes())
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE pages SET response_headers = NULL, request_headers = NULL, status = NULL")
    out = tmp_path / "old.warc.gz"
    tct("export", "--db", str(old), "--format", "warc", "-o", str(out))
    records = _records(out)
    assert sorted(r[1].get_header("WARC-Target-URI") for r in records if r[0] == "resource") == sorted(urls)
    assert not [r for r in records if r[0] in ("response", "request")]
    assert subprocess.run([str(BIN / "warcio"), "check", str(out)]).returncode == 0


def test_the_export_goes_to_standard_output_and_follows_the_filters(crawled, tmp_path):
    db, _, urls = crawled
    whole = subprocess.run([str(BIN / "tct"), "export", "--db", str(db), "--format", "warc", "-o", "-",
                            "--since", "2100-01-01"], capture_output=True, check=True).stdout
    (tmp_path / "none.warc.gz").write_bytes(whole)
    assert [r[0] for r in _records(tmp_path / "none.warc.gz")] == ["warcinfo"]


def test_pywb_replays_every_article_from_the_export(crawled, tmp_path):
    _, db, urls = crawled  # fetched at other addresses: the article's own replays through a revisit
    warc = tmp_path / "tct.warc.gz"
    tct("export", "--db", str(db), "--format", "warc", "-o", str(warc))
    for argv in (["init", "tct"], ["add", "tct", str(warc)]):
        subprocess.run([str(BIN / "wb-manager"), *argv], cwd=tmp_path, check=True, capture_output=True)
    port = free_port()
    proc = start_server([str(BIN / "wayback"), "-p", str(port), "-b", "127.0.0.1"],
                        f"http://127.0.0.1:{port}/", cwd=tmp_path)
    try:
        import urllib.request

        pages = _stored_pages(db)
        for url in urls:
            for address in (url, url + "?utm_source=zalo"):
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/tct/id_/{address}", timeout=20) as resp:
                    assert resp.status == 200 and resp.read() == pages[url], address
    finally:
        stop_server(proc)
