"""The archive in a real Datasette, over HTTP: the plugin makes the articles table's search box
search like `tct search`, facets by school, year and degree, cuts long cells in table views only,
and hides the internal tables, whatever the archive file is called."""
from __future__ import annotations

import json
import sys
import urllib.parse
import urllib.request

import pytest

from archive.store import Archive
from tests.support import free_port, get_text, start_server, stop_server

pytestmark = pytest.mark.slow  # a real Datasette server
BODY = "Trường Chính trị tỉnh tổ chức lễ khai giảng lớp bồi dưỡng cán bộ cơ sở. " * 12




@pytest.fixture
def served(tmp_path):
    db = tmp_path / "luu-tru-2026.db"  # any name: the plugin finds the archive by its tables
    with Archive(db) as arc:
        for n, (title, extra) in enumerate([("Khai giảng lớp bồi dưỡng", "thể chế"),
                                            ("Hội nghị tổng kết", "thế giới")]):
            arc.save_article({"url": f"https://x.gov.vn/{n}.html", "title": title,
                              "published_at": f"202{n + 3}-03-12T08:00:00+07:00", "author": "Lê Văn An",
                              "author_degree": "ThS.", "author_role": None, "body": f"{BODY} {extra}."},
                             site="x")
    port = free_port()
    base = f"http://127.0.0.1:{port}/{db.stem}"
    proc = start_server([sys.executable, "-m", "datasette", "serve", str(db), "--port", str(port)],
                        base + ".json")
    yield base
    stop_server(proc)


def _search(base: str, q: str) -> list[str]:
    data = json.loads(get_text(f"{base}/articles.json?_shape=objects&_search={urllib.parse.quote(q)}"))
    return sorted(r["title"] for r in data["rows"])


def test_search_box_finds_text_without_diacritics_and_stays_exact_with_them(served):
    both = ["Hội nghị tổng kết", "Khai giảng lớp bồi dưỡng"]
    assert _search(served, "truong chinh tri") == both
    assert _search(served, "Trường Chính trị") == both
    assert _search(served, "the") == both  # folded: thể and thế
    assert _search(served, "thể") == ["Khai giảng lớp bồi dưỡng"]  # with marks: exact
    assert _search(served, "dao tao") == [] and _search(served, "khai giang") == both
    page = get_text(f"{served}/articles")
    assert 'name="_search"' in page  # the search box is shown


def test_facets_short_cells_and_hidden_tables(served):
    data = json.loads(get_text(f"{served}/articles.json"))
    assert {"school", "year", "author_degree"} <= set(data["facet_results"])
    assert sorted(v["value"] for v in data["facet_results"]["year"]["results"]) == ["2023", "2024"]
    table_page = get_text(f"{served}/articles")
    row_page = get_text(f"{served}/articles/1")
    assert BODY.strip() not in table_page and BODY.strip() in row_page
    tables = {t["name"]: t["hidden"] for t in json.loads(get_text(f"{served}.json"))["tables"]}
    assert tables["articles"] is False and all(tables[t] for t in ("pages", "crawl_urls", "tct_meta"))


def test_a_titled_instance_that_opens_on_title_school_date_and_author(served):
    home = get_text(served.rsplit("/", 1)[0] + "/")
    assert "Trường Chính trị news archive" in home and "ignores diacritics" in home
    data = json.loads(get_text(f"{served}/articles.json"))
    assert data["columns"][:5] == ["id", "title", "school", "published_at", "author"]
    assert {"body", "url", "site", "host", "flags"} <= set(data["columns"])  # nothing left out
    page = get_text(f"{served}/articles")
    assert page.index(">title<") < page.index(">school<") < page.index(">published_at<") < page.index(">url<")
    # a user's own choice of columns is kept
    picked = json.loads(get_text(f"{served}/articles.json?_col=url"))
    assert picked["columns"] == ["id", "url"]


def test_canned_queries_a_researcher_starts_from(served):
    def rows(query: str, **params) -> list[dict]:
        qs = urllib.parse.urlencode({"_shape": "objects", **params})
        return json.loads(get_text(f"{served}/{query}.json?{qs}"))["rows"]

    assert rows("articles_per_school_per_year") == [
        {"school": "x", "year": "2023", "articles": 1}, {"school": "x", "year": "2024", "articles": 1}]
    [top] = rows("top_authors")
    assert (top["author"], top["degree"], top["articles"]) == ("Lê Văn An", "ThS.", 2)
    assert rows("topic_over_time", topic="the") == [
        {"month": "2023-03", "articles": 1}, {"month": "2024-03", "articles": 1}]
    assert rows("topic_over_time", topic="thể") == [{"month": "2023-03", "articles": 1}]
    home = get_text(served)
    assert "A topic over time" in home and "Top authors with their degrees" in home


def test_a_near_copy_links_to_the_article_it_copies(tmp_path):
    from archive.nearcopies import link_pending

    db = tmp_path / "archive.db"
    body = "Nhà trường tổ chức hội nghị tổng kết công tác đào tạo, bồi dưỡng năm 2024 với nhiều kết quả. " * 8
    with Archive(db) as arc:
        for n, (extra, site) in enumerate([("", "x"), (" Ảnh: hội trường.", "y")]):
            arc.save_article({"url": f"https://{site}.gov.vn/{n}.html", "title": f"Hội nghị tổng kết {n}",
                              "published_at": f"2024-03-1{n + 2}T08:00:00+07:00", "author": None,
                              "author_degree": None, "author_role": None, "body": body + extra}, site=site)
        link_pending(arc)
    port = free_port()
    base = f"http://127.0.0.1:{port}/{db.stem}"
    proc = start_server([sys.executable, "-m", "datasette", "serve", str(db), "--port", str(port)],
                        base + ".json")
    try:
        row = json.loads(get_text(f"{base}/articles.json?id=2&_labels=on&_shape=objects"))["rows"][0]
        page = get_text(f"{base}/articles?id=2")
    finally:
        stop_server(proc)
    assert row["near_duplicate_of"] == {"value": 1, "label": "Hội nghị tổng kết 0"}
    assert row["near_similarity"] >= 0.6
    assert f'href="/{db.stem}/articles/1"' in page
