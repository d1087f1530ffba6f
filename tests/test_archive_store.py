"""Upserts, revisions, aliases and crawl runs over a real SQLite file."""
import sqlite3
from collections import Counter

import pytest

from archive.errors import ArchiveLocked
from archive.lock import ArchiveLock
from archive.schema import SCHEMA_VERSION
from archive.store import Archive

BODY = ("Sáng ngày 15/9/2023, Trường Chính trị tỉnh tổ chức lễ khai giảng lớp Trung cấp lý luận "
        "chính trị hệ không tập trung cho cán bộ, công chức cấp xã. ") * 3


def rec(url="https://a.gov.vn/tin/1.html", **kw):
    base = {"url": url, "title": "Khai giảng lớp Trung cấp", "published_at": "2023-09-18T08:15:00+07:00",
            "author": "Nguyễn Thị Hương", "author_degree": "ThS.", "author_role": None, "body": BODY}
    base.update(kw)
    return base


def test_new_unchanged_changed_with_revision(db_path):
    with Archive(db_path) as arc:
        assert arc.save_article(rec(), site="a", html=b"<html>1</html>").status == "new"
        assert arc.save_article(rec(), site="a").status == "unchanged"
        changed = arc.save_article(rec(title="Khai giảng lớp Trung cấp khóa 45"), site="a",
                                   html=b"<html>2</html>")
        assert changed.status == "changed"
        rows = arc.db.execute("SELECT title FROM articles").fetchall()
        assert rows == [("Khai giảng lớp Trung cấp khóa 45",)]
        revs = arc.db.execute("SELECT title FROM revisions").fetchall()
        assert revs == [("Khai giảng lớp Trung cấp",)]
        pages = list(arc.raw_pages())
        assert pages[0][3] == b"<html>2</html>"


def test_same_article_at_a_second_address_is_an_alias(db_path):
    with Archive(db_path) as arc:
        first = arc.save_article(rec(), site="a")
        again = arc.save_article(rec(url="http://www.a.gov.vn/tin/1.html"), site="a")
        assert again.status == "duplicate" and again.article_id == first.article_id
        assert arc.is_known("http://www.a.gov.vn/tin/1.html")
        assert arc.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_republished_copy_on_another_site_points_to_the_first(db_path):
    with Archive(db_path) as arc:
        first = arc.save_article(rec(), site="a")
        copy = arc.save_article(rec(url="https://b.gov.vn/x/9"), site="b")
        assert copy.status == "new"
        dup = arc.db.execute("SELECT duplicate_of FROM articles WHERE id = ?", [copy.article_id]).fetchone()
        assert dup == (first.article_id,)


def test_archive_survives_reopen_and_passes_integrity_check(db_path):
    with Archive(db_path) as arc:
        arc.save_article(rec(), site="a")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_runs_are_recorded(db_path):
    with Archive(db_path) as arc:
        rid = arc.start_run("a")
        arc.finish_run(rid, status="finished", pages_fetched=10, counts={"new": 3},
                       errors={"http_500": 2})
        run = arc.runs()[0]
        assert (run["articles_new"], run["error_count"], run["status"]) == (3, 2, "finished")


def test_second_crawl_on_one_archive_is_refused(db_path):
    with ArchiveLock(db_path), pytest.raises(ArchiveLocked):
        ArchiveLock(db_path).acquire()
    ArchiveLock(db_path).acquire().release()  # released: free again


def test_articles_are_attributed_by_publication_date_across_a_merger(db_path):
    with Archive(db_path) as arc:
        arc.sync_schools([
            {"key": "bacgiang", "name": "Trường Chính trị tỉnh Bắc Giang", "hosts": ["tct-bg.vn"],
             "merged_into": "bacninh", "merged_on": "2025-07-01"},
            {"key": "bacninh", "name": "Trường Chính trị Nguyễn Văn Cừ", "hosts": ["nvc-bn.vn"]},
        ])
        before = arc.save_article(rec(url="https://tct-bg.vn/a/1", published_at="2025-06-30T10:00:00+07:00",
                                      host="tct-bg.vn"), site="bacgiang")
        after = arc.save_article(rec(url="https://tct-bg.vn/a/2", published_at="2025-11-06T09:00:00+07:00",
                                     host="tct-bg.vn", body=BODY + " Tin mới."), site="bacgiang")
        undated = arc.save_article(rec(url="https://tct-bg.vn/a/3", published_at=None, host="tct-bg.vn",
                                       body=BODY + " Không ngày."), site="bacgiang")
        # An undated page a web archive captured: the capture's day says whose it was.
        captured = arc.save_article(rec(url="https://tct-bg.vn/a/4", published_at=None, host="tct-bg.vn",
                                        body=BODY + " Lưu trữ."), site="bacgiang",
                                    captured="2019-04-02T10:00:00+07:00")
        school = {aid: s for aid, s in arc.db.execute("SELECT id, school FROM articles")}
    assert school[before.article_id] == "bacgiang"
    assert school[after.article_id] == "bacninh"
    assert school[undated.article_id] is None
    assert school[captured.article_id] == "bacgiang"


def test_printed_school_name_is_found_and_normal_cased():
    from crawler.parser import extract

    page = ("<html><body><div class='banner'>TRƯỜNG CHÍNH TRỊ TỈNH YÊN BÁI</div><h1>Hội nghị viên chức "
            "năm 2024 của nhà trường</h1><p>12/01/2024</p><p>" + "Nội dung hội nghị. " * 20 +
            "</p></body></html>").encode()
    assert extract(page, "http://x.vn/a").school_name == "Trường Chính trị tỉnh Yên Bái"


def test_an_early_version_1_archive_is_upgraded(db_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE tct_meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO tct_meta VALUES ('schema_version', '1')")
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, url TEXT NOT NULL, site TEXT, "
                     "title TEXT)")
        conn.execute("INSERT INTO articles (url, site, title) VALUES ('https://a/1', 'a', 'Cũ')")
    with Archive(db_path) as arc:
        cols = arc.db["articles"].columns_dict
        assert {"school", "body_hash", "flags"} <= set(cols)
        assert arc.db.execute("SELECT value FROM tct_meta").fetchone() == (str(SCHEMA_VERSION),)
        assert {"fetch_url", "run_id", "anchor", "reason"} <= set(arc.db["crawl_urls"].columns_dict)
        assert arc.db.execute("SELECT title FROM articles").fetchone() == ("Cũ",)


def test_batched_writes_commit_together_and_a_failure_undoes_only_its_own(db_path):
    arc = Archive(db_path)
    arc.batching = True
    arc.save_article(rec(), site="a")
    with pytest.raises(RuntimeError), arc.transaction():
        arc.save_article(rec(url="https://a.gov.vn/tin/2.html", body=BODY + " Hai."), site="a")
        raise RuntimeError("a failing write")
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT count(*) FROM articles").fetchone() == (0,)  # not committed yet
    arc.commit()
    assert [u for (u,) in other.execute("SELECT url FROM articles")] == ["https://a.gov.vn/tin/1.html"]
    arc.save_article(rec(url="https://a.gov.vn/tin/3.html", body=BODY + " Ba."), site="a")
    arc.close()  # a batching archive commits what it holds when closed
    assert other.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    other.close()


def test_a_large_import_holds_a_bounded_index_backlog(db_path, monkeypatch):
    import archive.store

    monkeypatch.setattr(archive.store, "FTS_PENDING_MAX", 8)
    seen = []
    with Archive(db_path) as arc:
        real = arc._write_index

        def spy():
            seen.append(len(arc._fts_ops))
            real()
        arc._write_index = spy
        arc.save_many([rec(url=f"https://a.gov.vn/tin/{i}.html", body=f"{BODY} Bài {i}.") for i in range(10)],
                      site="a")
        assert max(seen) <= 8
        hits = arc.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'khai'").fetchone()
        assert hits == (10,)


def test_csv_reads_back_as_the_json_lines_export(db_path):
    """CSV lines are built inside SQLite: quotes, commas, line breaks, empty and numeric cells
    must read back exactly as the JSON Lines export gives them."""
    import csv
    import io
    import json

    from archive.export import export

    with Archive(db_path) as arc:
        arc.save_article(rec(title='Hội nghị "Dân vận khéo", năm 2024', author=None,
                             body="Dòng một, có dấu phẩy.\n\nDòng hai \"trích dẫn\"."), site="a")
        out_csv, out_jsonl = io.StringIO(), io.StringIO()
        export(arc, out_csv, "csv")
        export(arc, out_jsonl, "jsonl")
    rows = list(csv.DictReader(io.StringIO(out_csv.getvalue())))
    want = json.loads(out_jsonl.getvalue().splitlines()[0])
    assert len(rows) == 1
    for key, value in want.items():
        assert rows[0][key] == ("" if value is None else str(value)), key


def test_csv_quotes_urls_with_commas(db_path):
    import csv
    import io

    from archive.export import export

    with Archive(db_path) as arc:
        arc.save_article(rec(url='https://a.gov.vn/tin?ids=1,2&t="x"'), site="a")
        out = io.StringIO()
        export(arc, out, "csv", excel=True)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert rows[0]["url"] == 'https://a.gov.vn/tin?ids=1,2&t="x"'


def test_a_bulk_batch_is_stored_as_one_article_at_a_time_would_be(tmp_path):
    """save_many folds and hashes in worker processes and looks a chunk's addresses and texts up
    at once: every stored column, the folded index, the words for prefix search and each
    outcome are what `save_article` one by one makes of the same records."""
    import unicodedata

    before = [rec(url="https://a.gov.vn/tin/old.html", body=BODY + " Bản cũ."),
              rec(url="https://a.gov.vn/tin/same.html", body=BODY + " Không đổi."),
              rec(url="https://b.gov.vn/tin/b.html", body=BODY + " Đăng lại.")]
    records = [rec(url="https://a.gov.vn/tin/0.html", body="BGĐT - " + BODY),  # a dateline tag
               rec(url="https://a.gov.vn/tin/1.html", title=unicodedata.normalize("NFD", "Đổi mới"),
                   body=unicodedata.normalize("NFD", BODY) + " Đảng ủy – “Khối” 2024."),
               rec(url="https://a.gov.vn/tin/2.html", author=None, body=BODY),  # 0 without its tag
               rec(url="https://a.gov.vn/tin/old.html", body=BODY + " Bản mới."),  # changed
               rec(url="https://a.gov.vn/tin/same.html", body=BODY + " Không đổi."),  # unchanged
               rec(url="https://a.gov.vn/tin/copy.html", body=BODY + " Đăng lại."),  # b's text
               rec(url="https://a.gov.vn/tin/1.html", title="Đổi mới", body=BODY + " Sửa."),  # again
               *(rec(url=f"https://a.gov.vn/tin/{i}.html", body=f"{BODY} Kỳ {i} đạt {i * 7}%.")
                 for i in range(3, 250))]
    tables = {}
    for how in ("one by one", 0, 1):
        with Archive(tmp_path / f"{how}.db") as arc:
            for r in before:
                arc.save_article(r, site=r["url"][8])
            if how == "one by one":
                counts = Counter(arc.save_article(r, site="a").status for r in records)
            else:
                counts = arc.save_many(records, site="a", workers=how)
                assert (arc._derivers is not None) == (how == 1)  # the pool stays up for the next batch
            tables[how] = (
                counts,
                arc.db.execute("SELECT id, url, site, title, word_count, content_hash, body_hash, "
                               "duplicate_of FROM articles ORDER BY id").fetchall(),
                arc.db.execute("SELECT url, article_id FROM aliases ORDER BY url").fetchall(),
                arc.db.execute("SELECT article_id, title FROM revisions ORDER BY id").fetchall(),
                arc.db.execute("SELECT term FROM fold_terms ORDER BY term").fetchall(),
                arc.db.execute("SELECT rowid FROM articles_fold WHERE articles_fold MATCH 'doi moi' "
                               "ORDER BY rowid").fetchall(),
            )
        assert arc._derivers is None  # close() stopped it
    assert tables[0] == tables["one by one"] == tables[1]
    counts, rows, aliases, revisions, terms, found = tables[1]
    assert counts == {"new": 250, "duplicate": 1, "changed": 2, "unchanged": 1}
    assert [r[7] for r in rows if r[1].endswith("copy.html")] == [3]  # b's copy points to it
    assert ("dang",) in terms and ("khoi",) in terms and found == [(5,)]
