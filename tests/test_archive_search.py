"""Diacritic-insensitive full-text search, filters and errors."""
import pytest

from archive.errors import QueryError
from archive.filters import ArticleFilter
from archive.search import search
from archive.store import Archive
from archive.textfold import fold

DOCS = [
    ("https://a/1", "Trường Chính trị tỉnh khai giảng lớp đào tạo", "2023-01-05T08:00:00+07:00",
     "Nguyễn Thị Hương", "ThS.", "Lễ khai giảng lớp đào tạo tại Đồng Nai được tổ chức trang trọng."),
    ("https://a/2", "Hội thảo về thể chế", "2024-03-01T08:00:00+07:00", "Trần Văn Thế", "TS.",
     "Hội thảo bàn về thể chế và thế hệ trẻ trong công tác cán bộ."),
    ("https://a/3", "Tin ngắn", "2022-06-01T08:00:00+07:00", None, None,
     "Bản tin về truong chinh tri viết không dấu trong hệ thống cũ."),
]


@pytest.fixture
def arc(db_path):
    with Archive(db_path) as a:
        for url, title, when, author, deg, body in DOCS:
            a.save_article({"url": url, "title": title, "published_at": when, "author": author,
                            "author_degree": deg, "author_role": None, "body": body}, site="a")
        yield a


def urls(hits):
    return [h["url"] for h in hits]


def test_fold():
    assert fold("Trường Chính trị ĐỒNG NAI đào tạo") == "truong chinh tri dong nai dao tao"


def test_query_without_marks_finds_text_with_them(arc):
    assert "https://a/1" in urls(search(arc, "truong chinh tri"))
    assert urls(search(arc, "dao tao")) == ["https://a/1"]
    assert urls(search(arc, "Dong Nai")) == ["https://a/1"]


def test_exact_matches_rank_above_folded_ones(arc):
    assert urls(search(arc, "truong chinh tri"))[0] == "https://a/3"


def test_query_with_marks_stays_exact(arc):
    assert urls(search(arc, "thể")) == ["https://a/2"]
    assert search(arc, "thửa") == []
    assert urls(search(arc, "thế hệ")) == ["https://a/2"]


def test_phrases_prefixes_and_operators(arc):
    assert urls(search(arc, '"khai giang lop"')) == ["https://a/1"]
    assert urls(search(arc, "hoi*")) == ["https://a/2"]
    assert urls(search(arc, "hoi NOT the")) == []
    assert set(urls(search(arc, "dao OR che"))) == {"https://a/1", "https://a/2"}
    assert urls(search(arc, "author:huong")) == ["https://a/1"]


def test_filters(arc):
    assert urls(search(arc, "hoi OR dao", ArticleFilter(since="2024-01-01"))) == ["https://a/2"]
    assert urls(search(arc, "hoi OR dao", ArticleFilter(until="2023-12-31"))) == ["https://a/1"]
    assert urls(search(arc, "hoi OR dao", ArticleFilter(author="nguyen thi"))) == ["https://a/1"]
    assert urls(search(arc, "hoi OR dao", ArticleFilter(degree="TS"))) == ["https://a/2"]
    assert search(arc, "hoi OR dao", ArticleFilter(sites=("zzz",))) == []


def test_snippet_marks_the_match(arc):
    hit = search(arc, "dong nai")[0]
    assert "[Đồng] [Nai]" in hit["snippet"]


@pytest.mark.parametrize("query", ['"unclosed', "AND", "", "title:", "(dao"])
def test_malformed_queries_raise_a_clear_error(arc, query):
    with pytest.raises(QueryError):
        search(arc, query)


def test_sql_in_a_query_is_only_text(arc):
    assert search(arc, "'; DROP TABLE articles; --") == []
    assert arc.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    with pytest.raises(QueryError):
        search(arc, "dao", ArticleFilter(since="2023-01-01'; DROP TABLE articles; --x"))


def test_large_result_sets_rank_title_matches_first(arc, monkeypatch):
    import archive.search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", 1)  # take the large-result path on 3 articles
    hits = urls(search(arc, "khai giang OR hoi thao"))
    assert set(hits) == {"https://a/1", "https://a/2"}
    assert urls(search(arc, "the che", ArticleFilter(since="2024-01-01"))) == ["https://a/2"]


def test_an_article_changed_twice_in_one_batch_is_found_by_its_last_text_only(db_path):
    # The full-text index is written at commit: its deletes and inserts must keep their order.
    arc = Archive(db_path)
    arc.batching = True
    doc = {"url": "https://b/1", "title": "Hội nghị lần một", "published_at": None, "author": None,
           "author_degree": None, "author_role": None, "body": "Nội dung bản đầu tiên về hội nghị."}
    arc.save_article(doc, site="b")
    arc.save_article({**doc, "title": "Hội nghị lần hai", "body": "Nội dung bản thứ hai."}, site="b")
    arc.save_article({**doc, "title": "Hội nghị lần ba", "body": "Nội dung bản cuối cùng."}, site="b")
    arc.commit()
    assert urls(search(arc, "cuoi cung")) == ["https://b/1"]
    assert urls(search(arc, "cuối cùng")) == ["https://b/1"]
    assert search(arc, "dau tien") == [] and search(arc, "thứ hai") == []
    # FTS5 raises if the index disagrees with the articles table.
    arc.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    arc.close()


def test_newest_first_orders_by_publication_date(arc):
    assert urls(search(arc, "truong chinh tri", order="newest")) == ["https://a/1", "https://a/3"]
    assert urls(search(arc, "hoi OR khai OR tin", order="newest")) == ["https://a/2", "https://a/1", "https://a/3"]
    assert urls(search(arc, "thể", order="newest")) == ["https://a/2"]  # with marks: exact, as ever
    with pytest.raises(QueryError):
        search(arc, "x", order="oldest")


def test_newest_first_over_many_matches_walks_the_date_index(arc, monkeypatch):
    import archive.search as s

    monkeypatch.setattr(s, "CANDIDATES", 1)  # as if the query matched more than it may rank
    none = {"author": None, "author_degree": None, "author_role": None}
    for n in range(5):
        arc.save_article({"url": f"https://b/{n}", "title": f"Bài {n}", **none,
                          "published_at": f"201{n}-01-01T08:00:00+07:00",
                          "body": "Tin hội thảo của trường chính trị."}, site="b")
    arc.save_article({"url": "https://b/x", "title": "Không ngày", "published_at": None, **none,
                      "body": "Hội thảo không ghi ngày."}, site="b")
    got = urls(search(arc, "hoi thao", order="newest", limit=10))
    assert got == ["https://a/2", "https://b/4", "https://b/3", "https://b/2", "https://b/1", "https://b/0",
                   "https://b/x"]
    assert urls(search(arc, "hoi thao", ArticleFilter(sites=("b",)), order="newest", limit=2)) == [
        "https://b/4", "https://b/3"]


def test_a_prefix_is_asked_as_its_words_with_the_same_matches(arc):
    from archive.search import expand_prefixes, to_fts

    arc.save_article({"url": "https://a/4", "title": "Tin", "published_at": None, "author": None,
                      "author_degree": None, "author_role": None, "body": "Các đảng viên và đảng viên mới."},
                     site="a")
    fts = to_fts("dang vien*", folded=True)
    assert expand_prefixes(arc, fts) == '"dang" AND ("vien")'
    sql = "SELECT rowid FROM articles_fold WHERE articles_fold MATCH ?"
    native = [r for (r,) in arc.db.execute(sql, [fts])]
    assert urls(search(arc, "dang vien*")) == ["https://a/4"] and native == [arc.find_url("https://a/4")["id"]]
    assert expand_prefixes(arc, to_fts("zzz*", folded=True)) == '"zzz"*'  # no such word: as typed
    assert urls(search(arc, "(hoi OR khai) tao")) == ["https://a/1"]  # a group beside a word: AND


def test_an_archive_from_before_the_word_list_gets_it(db_path):
    import sqlite3

    with Archive(db_path) as a:
        a.save_article({"url": "https://a/1", "title": "Khai giảng", "published_at": None, "author": None,
                        "author_degree": None, "author_role": None, "body": "Lễ khai giảng lớp học."},
                       site="a")
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM fold_terms")
        conn.execute("UPDATE tct_meta SET value = '11' WHERE key = 'schema_version'")
    with Archive(db_path) as a:
        words = {t for (t,) in a.db.execute("SELECT term FROM fold_terms")}
        assert {"khai", "giang", "le", "lop", "hoc"} <= words
        assert urls(search(a, "gia*")) == ["https://a/1"]
