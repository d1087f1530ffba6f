"""`tct import`: web archives read as a crawl would read the site, with real files from our own
export and from `wget --mirror --warc-file`."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.urls import canonicalize
from tct.demo.server import SiteServer
from tests.sites.cms import STYLES, build_site
from tests.support import BIN, crawl, tct

pytestmark = pytest.mark.slow  # real crawls, exports and wget

FIELDS = ("title", "published_at", "author", "author_degree", "author_role", "body")


def _articles(db: Path) -> dict[str, dict]:
    out = tct("export", "--db", str(db), "--format", "jsonl", "-o", "-").stdout
    return {r["url"]: r for r in map(json.loads, out.splitlines())}


@pytest.fixture(scope="module")
def site_crawl(tmp_path_factory):
    """A mock school site served on 127.0.0.1, its crawl, and a WARC that `wget --mirror` wrote."""
    folder = tmp_path_factory.mktemp("import")
    routes, articles = build_site("trang", count=10)
    with SiteServer(routes) as site:
        crawl(site.url + "/", folder / "crawl.db")
        if shutil.which("wget"):
            subprocess.run(["wget", "--mirror", "--no-verbose", "-e", "robots=off", "--tries=1",
                            f"--warc-file={folder / 'mirror'}", "-P", str(folder / "files"), site.url + "/"],
                           capture_output=True, timeout=120)
        base = site.url
    truth = {canonicalize(base + STYLES["trang"].article_path(a)) for a in articles}
    return folder, truth


def test_export_then_import_gives_the_same_articles_and_twice_changes_nothing(site_crawl):
    folder, truth = site_crawl
    warc = folder / "export.warc.gz"
    tct("export", "--db", str(folder / "crawl.db"), "--format", "warc", "-o", str(warc))
    db = folder / "round-trip.db"
    first = tct("import", str(warc), "--db", str(db), "--json")
    crawled, imported = _articles(folder / "crawl.db"), _articles(db)
    assert set(imported) == set(crawled) == truth
    for url, rec in crawled.items():
        assert all(imported[url][f] == rec[f] for f in FIELDS), url
        assert imported[url]["archived_from"].startswith("export.warc.gz#")
        assert imported[url]["fetched_at"] == rec["fetched_at"]  # the capture time, not the import's
    assert json.loads(first.stdout)["articles"] == {"new": len(truth)}
    again = json.loads(tct("import", str(warc), "--db", str(db), "--json").stdout)
    assert again["articles"] == {"unchanged": len(truth)} and _articles(db) == imported


@pytest.mark.skipif(not shutil.which("wget"), reason="needs wget")
def test_a_wget_mirror_imports_what_a_crawl_of_the_site_archives(site_crawl):
    folder, truth = site_crawl
    warc = folder / "mirror.warc.gz"
    assert warc.is_file()
    check = subprocess.run([str(BIN / "warcio"), "check", str(warc)], capture_output=True)
    assert check.returncode == 0
    db = folder / "mirror.db"
    tct("import", str(warc), "--db", str(db), "--workers", "2")  # extraction in worker processes
    imported, crawled = _articles(db), _articles(folder / "crawl.db")
    assert set(imported) == set(crawled) == truth
    for url, rec in crawled.items():
        assert all(imported[url][f] == rec[f] for f in FIELDS), url
        assert imported[url]["archived_from"].startswith("mirror.warc.gz#")


def _arc_from_warc(warc: Path, arc: Path, gzipped: bool) -> int:
    """Write the pages of a WARC as an ARC (version 1, as the Internet Archive's older crawls and
    Heritrix wrote them): a file header record, then one record per page, each gzipped on its own
    in an .arc.gz. Returns the number of pages written."""
    import gzip

    from warcio.archiveiterator import ArchiveIterator

    def member(data: bytes) -> bytes:
        return gzip.compress(data) if gzipped else data

    version = b"1 0 tct-test\nURL IP-address Archive-date Content-type Archive-length\n"
    out = [member(b"filedesc://%s 0.0.0.0 20240101000000 text/plain %d\n%s\n"
                  % (arc.name.encode(), len(version), version))]
    with open(warc, "rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response":
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            when = rec.rec_headers.get_header("WARC-Date")[:19].translate(str.maketrans("", "", "-:T"))
            block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                     + rec.content_stream().read())
            out.append(member(b"%s 127.0.0.1 %s text/html %d\n%s\n" % (url.encode(), when.encode(),
                                                                     len(block), block)))
    arc.write_bytes(b"".join(out))
    return len(out) - 1


@pytest.mark.parametrize("name", ["pages.arc", "pages.arc.gz"])
def test_an_arc_file_imports_like_the_warc_it_was_made_from(site_crawl, tmp_path, name):
    """ARC, the format of the Internet Archive's crawls before WARC, plain or gzipped record by
    record: its pages are archived as the crawl archived them, with their capture time."""
    folder, truth = site_crawl
    warc = tmp_path / "export.warc.gz"
    tct("export", "--db", str(folder / "crawl.db"), "--format", "warc", "-o", str(warc))
    arc = tmp_path / name
    assert _arc_from_warc(warc, arc, gzipped=name.endswith(".gz")) >= len(truth)
    db = tmp_path / "arc.db"
    report = json.loads(tct("import", str(arc), "--db", str(db), "--json").stdout)
    assert report["articles"] == {"new": len(truth)} and not report["errors"]
    imported, crawled = _articles(db), _articles(folder / "crawl.db")
    assert set(imported) == truth
    for url, rec in crawled.items():
        assert all(imported[url][f] == rec[f] for f in FIELDS), url
        assert imported[url]["archived_from"].startswith(f"{name}#")
        assert imported[url]["fetched_at"][:16] == rec["fetched_at"][:16]  # (ARC keeps seconds)


def test_a_corrupt_or_truncated_record_is_reported_and_the_rest_imported(site_crawl, tmp_path):
    folder, truth = site_crawl
    warc = tmp_path / "export.warc.gz"
    tct("export", "--db", str(folder / "crawl.db"), "--format", "warc", "-o", str(warc))
    data = bytearray(warc.read_bytes())
    # Where each record's gzip member starts, as a reader finds them (a scan for the gzip magic
    # bytes also finds them inside compressed data, now and then).
    with warc.open("rb") as fh:
        records = ArchiveIterator(fh)
        members = [records.get_record_offset() for _ in records]
    middle = members[len(members) // 2]
    data[middle + 40:middle + 200] = b"\x00" * 160  # a record's compressed bytes overwritten
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(bytes(data[:-300]))  # and the file cut short in its last record
    db = tmp_path / "broken.db"
    res = tct("import", str(broken), "--db", str(db), "--json", check=False)
    assert res.returncode == 1
    report = json.loads(res.stdout)
    assert len(report["errors"]) == 2
    assert report["errors"][0].startswith(f"broken.warc.gz: unreadable record at offset {middle}:")
    assert report["errors"][1].startswith("broken.warc.gz: truncated record at offset ")
    assert len(truth) - 1 <= len(_articles(db)) <= len(truth)  # at most the broken record's article
    runs = tct("runs", "--db", str(db)).stdout
    assert "unreadable_record" in runs


def test_import_refuses_a_missing_file_and_a_file_that_is_no_archive(tmp_path):
    res = tct("import", str(tmp_path / "none.warc.gz"), "--db", str(tmp_path / "a.db"), check=False)
    assert res.returncode == 2 and "no such file" in res.stderr
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a web archive\n" * 10)
    res = tct("import", str(junk), "--db", str(tmp_path / "a.db"), "--json", check=False)
    assert res.returncode == 1 and json.loads(res.stdout)["errors"]
