"""A topic over time (`tct trend`): the search's matches counted per period, zero-filled."""
from __future__ import annotations

import csv
import io
import json

import pytest

from archive.errors import QueryError
from archive.filters import ArticleFilter
from archive.search import search
from archive.store import Archive
from archive.trends import period_of, trend
from tests.support import tct

# (site, published_at, title, body)
DOCS = [
    ("hn", "2023-01-05T08:00:00+07:00", "Chuyển đổi số trong đào tạo", "Nhà trường đẩy mạnh chuyển đổi số."),
    ("hn", "2023-01-20T08:00:00+07:00", "Hội nghị cán bộ", "Bàn về chuyển đổi số và cải cách hành chính."),
    ("hn", "2023-04-02T08:00:00+07:00", "Kinh tế tư nhân", "Vai trò của kinh tế tư nhân."),
    ("dn", "2023-02-10T08:00:00+07:00", "Hội thảo khoa học", "Chuyen doi so o co so (bai cu khong dau)."),
    ("dn", "2024-01-03T00:30:00+07:00", "Tọa đàm", "Chuyển đổi số và kinh tế tư nhân."),
    ("dn", None, "Thông báo", "Về chuyển đổi số (trang không ghi ngày)."),
]


@pytest.fixture
def arc(db_path):
    with Archive(db_path) as a:
        for n, (site, when, title, body) in enumerate(DOCS):
            a.save_article({"url": f"https://{site}.example.vn/bai-{n}.html", "title": title,
                            "published_at": when, "author": None, "author_degree": None,
                            "author_role": None, "body": body}, site=site)
        yield a


def test_counts_per_month_are_the_searchs_matches_zero_filled(arc):
    t = trend(arc, ["chuyen doi so"])
    assert t.periods == [f"2023-{m:02d}" for m in range(1, 13)] + ["2024-01"]
    assert t.series[("chuyen doi so", None)] == [2, 1] + [0] * 10 + [1]
    assert t.undated == {"chuyen doi so": 1}
    # the same articles `tct search` finds (the undated one included there)
    assert sum(t.series[("chuyen doi so", None)]) + 1 == len(search(arc, "chuyen doi so", limit=100))


def test_a_query_with_marks_stays_exact_as_in_search(arc):
    t = trend(arc, ["chuyển đổi số"], by="year")
    assert t.periods == ["2023", "2024"] and t.series[("chuyển đổi số", None)] == [2, 1]


def test_quarters_years_schools_and_filters(arc):
    t = trend(arc, ["chuyen doi so", "kinh te tu nhan"], by="quarter")
    assert t.periods == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"]
    assert t.series[("chuyen doi so", None)] == [3, 0, 0, 0, 1]
    assert t.series[("kinh te tu nhan", None)] == [0, 1, 0, 0, 1]
    t = trend(arc, ["chuyen doi so", "kinh te tu nhan"], by="quarter", by_school=True)
    assert t.series[("chuyen doi so", "hn")] == [2, 0, 0, 0, 0]
    assert t.series[("chuyen doi so", "dn")] == [1, 0, 0, 0, 1]
    assert t.series[("kinh te tu nhan", "hn")] == [0, 1, 0, 0, 0]
    assert ("chuyen doi so", None) not in t.series
    filt = ArticleFilter(sites=("dn",), since="2022-11-01", until="2023-03-31")
    t = trend(arc, ["chuyen doi so"], filt=filt)
    assert t.periods == ["2022-11", "2022-12", "2023-01", "2023-02", "2023-03"]
    assert t.series[("chuyen doi so", None)] == [0, 0, 0, 1, 0]


def test_periods_are_named_as_a_spreadsheet_sorts_them():
    assert [period_of("2024-05", by) for by in ("month", "quarter", "year")] == ["2024-05", "2024-Q2", "2024"]
    assert period_of("2024-12", "quarter") == "2024-Q4"


def test_bad_input_is_a_clear_error(arc):
    with pytest.raises(QueryError):
        trend(arc, ['"unclosed'])
    with pytest.raises(QueryError):
        trend(arc, ["x"], by="week")
    assert trend(arc, ["khong co trong kho"]).periods == []


@pytest.mark.slow
def test_the_command_prints_table_csv_and_json(arc, db_path):
    arc.close()
    table = tct("trend", "chuyen doi so", "kinh te tu nhan", "--db", str(db_path), "--by", "year").stdout
    assert table.splitlines()[1].split() == ["2023", "3", "1"]
    assert "1 articles matching 'chuyen doi so' have no publication date" in table
    out = tct("trend", "chuyen doi so", "--db", str(db_path), "--by-school", "--by", "year",
              "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["period"], r["school"], r["query"], r["count"]) for r in rows} == {
        ("2023", "dn", "chuyen doi so", "1"), ("2024", "dn", "chuyen doi so", "1"),
        ("2023", "hn", "chuyen doi so", "2"), ("2024", "hn", "chuyen doi so", "0")}
    data = json.loads(tct("trend", "chuyen doi so", "--db", str(db_path), "--format", "json").stdout)
    assert data[:2] == [{"period": "2023-01", "query": "chuyen doi so", "count": 2},
                        {"period": "2023-02", "query": "chuyen doi so", "count": 1}]
    assert len(data) == 13
    bad = tct("trend", '"unclosed', "--db", str(db_path), check=False)
    assert bad.returncode == 2 and bad.stderr.startswith("tct trend: ")
