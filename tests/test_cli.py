"""The `tct` commands: contract behaviour, exit codes, help texts."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from archive.store import Archive
from tct.cli import main
from tests.support import ROOT, tct

PAGE = """<html><head><title>Hội nghị viên chức năm 2024 - Trường Chính trị tỉnh X</title></head><body>
<div class="menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div>
<h1>Hội nghị viên chức năm 2024</h1><div class="date">Thứ sáu, 12/01/2024 - 15:30</div>
<div class="content"><p>Chiều ngày 11/01/2024, Trường Chính trị tỉnh X tổ chức Hội nghị viên chức và người
lao động năm 2024 với sự tham dự của toàn thể cán bộ, giảng viên, nhân viên nhà trường.</p>
<p>Hội nghị đã thông qua báo cáo tổng kết năm 2023 và phương hướng nhiệm vụ năm 2024.</p>
<p><strong>ThS. Lê Thị Mai</strong></p><p>Trưởng phòng Tổ chức - Hành chính</p></div></body></html>"""


@pytest.fixture
def runner():
    return CliRunner()


def test_every_command_has_help(runner):
    for name, cmd in main.commands.items():
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0, name
        assert cmd.help and len(cmd.help) > 20, f"{name} has no real help text"


def test_extract_prints_contract_keys_and_names_unreadable_files(runner, tmp_path):
    page = tmp_path / "a.html"
    page.write_text(PAGE, encoding="utf-8")
    missing = tmp_path / "missing.html"
    res = runner.invoke(main, ["extract", str(page), str(missing), "--url", "https://x.gov.vn/a.html"])
    assert res.exit_code == 1
    assert "missing.html" in res.stderr
    rec = json.loads(res.stdout.splitlines()[0])
    assert rec == {
        "url": "https://x.gov.vn/a.html", "title": "Hội nghị viên chức năm 2024",
        "published_at": "2024-01-12T15:30:00+07:00", "author": "Lê Thị Mai", "author_degree": "ThS.",
        "author_role": "Trưởng phòng Tổ chức - Hành chính",
        "body": "Chiều ngày 11/01/2024, Trường Chính trị tỉnh X tổ chức Hội nghị viên chức và người lao "
                "động năm 2024 với sự tham dự của toàn thể cán bộ, giảng viên, nhân viên nhà trường.\n\n"
                "Hội nghị đã thông qua báo cáo tổng kết năm 2023 và phương hướng nhiệm vụ năm 2024.",
    }


def test_extract_without_url_uses_a_file_url(runner, tmp_path):
    page = tmp_path / "a.html"
    page.write_text(PAGE, encoding="utf-8")
    res = runner.invoke(main, ["extract", str(page)])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["url"].startswith("file:")


def test_malformed_query_exits_2_with_one_line(runner, db_path):
    Archive(db_path).close()
    res = runner.invoke(main, ["search", '"unclosed', "--db", str(db_path)])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1
    res = runner.invoke(main, ["search", "x", "--since", "yesterday", "--db", str(db_path)])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.stderr


def test_unknown_site_is_a_clear_error(runner, db_path):
    res = runner.invoke(main, ["crawl", "--site", "nosuchschool", "--db", str(db_path)])
    assert res.exit_code != 0 and "nosuchschool" in res.output


def test_stats_and_runs_on_an_empty_archive(runner, db_path):
    Archive(db_path).close()
    assert runner.invoke(main, ["stats", "--db", str(db_path)]).exit_code == 0
    assert "no crawl runs" in runner.invoke(main, ["runs", "--db", str(db_path)]).output


def test_python_dash_m_archive_is_tct():
    out = tct("--help").stdout
    for command in ("extract", "crawl", "search", "export", "stats"):
        assert command in out


def test_scrapy_list_shows_the_spider():
    proc = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.stdout.split() == ["schools"], proc.stderr[-2000:]


def test_reparse_updates_records_from_stored_pages(runner, db_path):
    with Archive(db_path) as arc:
        html = PAGE.encode("utf-8")
        arc.save_article({"url": "https://x.gov.vn/a.html", "title": "Tiêu đề cũ sai", "published_at": None,
                          "author": None, "author_degree": None, "author_role": None, "body": "cũ"},
                         site="x", html=html)
    res = runner.invoke(main, ["reparse", "--db", str(db_path)])
    assert res.exit_code == 0, res.output
    assert "changed: 1" in res.output
    with Archive(db_path) as arc:
        row = arc.db.execute("SELECT title, author, published_at FROM articles").fetchone()
        revs = arc.db.execute("SELECT title FROM revisions").fetchall()
    assert row == ("Hội nghị viên chức năm 2024", "Lê Thị Mai", "2024-01-12T15:30:00+07:00")
    assert revs == [("Tiêu đề cũ sai",)]


def test_parquet_export_reads_back(runner, db_path, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    with Archive(db_path) as arc:
        arc.save_article({"url": "https://x.gov.vn/a.html", "title": "Hội nghị viên chức",
                          "published_at": None, "author": "Lê Thị Mai", "author_degree": "ThS.",
                          "author_role": None, "body": "Nội dung."}, site="x")
    out = tmp_path / "a.parquet"
    res = runner.invoke(main, ["export", "--db", str(db_path), "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = pq.read_table(out).to_pylist()
    assert rows[0]["title"] == "Hội nghị viên chức" and rows[0]["author_degree"] == "ThS."


def test_one_author_on_every_page_of_a_host_is_not_template(runner, tmp_path):
    files, urls = [], []
    for i in range(7):
        page = PAGE.replace("Hội nghị viên chức năm 2024", f"Hội nghị chuyên đề số {i} năm 2024") \
                   .replace("Chiều ngày 11/01/2024", f"Chiều ngày {i + 10}/01/2024")
        f = tmp_path / f"p{i}.html"
        f.write_text(page, encoding="utf-8")
        files.append(str(f))
        urls += ["--url", f"https://x.gov.vn/tin/{i}.html"]
    res = runner.invoke(main, ["extract", *files, *urls])
    assert res.exit_code == 0
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["author"] for r in recs] == ["Lê Thị Mai"] * 7
    assert all(r["author_role"] == "Trưởng phòng Tổ chức - Hành chính" for r in recs)
    assert all(r["published_at"] for r in recs)
