"""End to end: a real Scrapy crawl over HTTP into SQLite, then search and every export format."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from tct.demo.site import build_routes
from tests.support import crawl, tct

pytestmark = pytest.mark.slow  # real crawls over HTTP: run with -m "not slow" to skip

FIELDS = ("title", "published_at", "author", "author_degree", "author_role", "body")


def _by_path(records, base):
    return {r["url"][len(base):]: r for r in records}


def test_crawl_search_and_export_match_the_site(demo_site, db_path):
    out = crawl(demo_site.url + "/", db_path)
    assert "36" in out.stdout  # the summary counts the new articles
    truth = {a.path: a.truth() for a in demo_site.articles}

    jsonl = tct("export", "--db", str(db_path), "--format", "jsonl", "-o", "-").stdout
    records = [json.loads(line) for line in jsonl.splitlines()]
    got = _by_path(records, demo_site.url)
    assert set(got) == set(truth), "archived URLs differ from the site's articles"
    for path, t in truth.items():
        for field in FIELDS:
            assert got[path][field] == t[field], f"{path}: {field}"
        assert got[path]["site"] == "127.0.0.1"
        assert got[path]["fetched_at"]

    as_json = json.loads(tct("export", "--db", str(db_path), "--format", "json", "-o", "-").stdout)
    assert [r["url"] for r in as_json] == [r["url"] for r in records]
    assert as_json == records

    csv_path = db_path.parent / "out.csv"
    tct("export", "--db", str(db_path), "--format", "csv", "--excel", "-o", str(csv_path))
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(records)
    for row, rec in zip(rows, records, strict=True):
        for field in FIELDS:
            assert row[field] == (rec[field] or ""), field

    hits = [json.loads(x) for x in tct("search", "khai giang", "--db", str(db_path), "--format", "jsonl",
                                       "--limit", "50").stdout.splitlines()]
    expected = {p for p, t in truth.items() if "khai giảng" in (t["title"] + t["body"]).lower()}
    assert {h["url"][len(demo_site.url):] for h in hits} == expected
    assert all("snippet" in h and "rank" in h and h["site"] for h in hits)


def test_second_crawl_is_incremental_and_archives_new_articles_only(demo_site, db_path):
    crawl(demo_site.url + "/", db_path)
    first_requests = len(demo_site.log)
    demo_site.log.clear()
    crawl(demo_site.url + "/", db_path)
    assert len(demo_site.log) <= 0.1 * first_requests, demo_site.log
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 36

    routes, articles = build_routes(count=41, base_url=demo_site.url)  # five new articles appear
    demo_site.set_routes(routes)
    crawl(demo_site.url + "/", db_path)
    with sqlite3.connect(db_path) as conn:
        urls = {u for (u,) in conn.execute("SELECT url FROM articles")}
        assert len(urls) == 41
        runs = conn.execute("SELECT articles_new FROM runs ORDER BY id").fetchall()
    assert [n for (n,) in runs] == [36, 0, 5]
    assert {demo_site.url + a.path for a in articles} == urls


def test_a_research_groups_own_registry_is_crawled(demo_site, db_path, tmp_path):
    own = tmp_path / "nhom.toml"
    own.write_text(f'[[school]]\nkey = "mau"\nname = "Trường Chính trị tỉnh Mẫu"\nprovince = "Mẫu"\n'
                   f'start_urls = ["{demo_site.url}/"]\n', encoding="utf-8")
    tct("crawl", "--registry", str(own), "--db", str(db_path), "-s", "DOWNLOAD_DELAY=0", "--quiet")
    out = tct("schools", "--registry", str(own), "--db", str(db_path), "--json").stdout
    rows = json.loads(out)
    assert [(r["key"], r["articles"]) for r in rows] == [("mau", len(demo_site.articles))]
    assert rows[0]["last_run"]
