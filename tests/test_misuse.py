"""Misuse of the command line: one line on stderr, exit 2 (3 for a held lock), nothing created and
nothing destroyed. Each case here failed before with a traceback, a silent empty archive, a
partial file or a destroyed archive."""
from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from archive.lock import ArchiveLock
from archive.store import Archive
from tct.cli import main


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def archive_file(db_path):
    with Archive(db_path) as arc:
        arc.save_article({"url": "https://x.gov.vn/a.html", "title": "Hội nghị =HYPERLINK(\"x\")",
                          "published_at": "2024-03-12T08:00:00+07:00", "author": "Lê Thị Mai",
                          "author_degree": None, "author_role": None,
                          "body": "Hội nghị hội đồng trường năm 2024 của nhà trường."}, site="x")
    return db_path


def one_line_error(res, status=2):
    assert res.exit_code == status, res.output
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr, res.stderr


@pytest.mark.parametrize("command", [["search", "hội nghị"], ["export", "--format", "jsonl", "-o", "-"],
                                     ["stats"], ["runs"], ["reparse"]])
def test_read_commands_never_create_an_archive(runner, tmp_path, command):
    missing = tmp_path / "typo.db"
    res = runner.invoke(main, [*command, "--db", str(missing)])
    one_line_error(res)
    assert "no archive" in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_a_folder_a_missing_folder_and_the_archive_itself(runner, archive_file, tmp_path):
    before = archive_file.read_bytes()
    for target in (tmp_path, tmp_path / "nope" / "out.json", archive_file, tmp_path / "archive.db-wal"):
        res = runner.invoke(main, ["export", "--db", str(archive_file), "--format", "json",
                                   "-o", str(target)])
        one_line_error(res)
    assert archive_file.read_bytes() == before
    assert not list(tmp_path.glob("*.part")) and not (tmp_path / "nope").exists()


def test_a_malformed_query_leaves_no_partial_file(runner, archive_file, tmp_path):
    out = tmp_path / "out.jsonl"
    res = runner.invoke(main, ["export", "--db", str(archive_file), "--format", "jsonl", "-o", str(out),
                               "--query", '"unbalanced'])
    one_line_error(res)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_a_far_future_until_is_no_upper_bound(runner, archive_file):
    res = runner.invoke(main, ["search", "hội nghị", "--db", str(archive_file), "--until", "9999-12-31",
                               "--format", "jsonl"])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 1


def test_a_query_of_thousands_of_terms_is_refused_briefly(runner, archive_file):
    res = runner.invoke(main, ["search", " ".join(["hội"] * 5000), "--db", str(archive_file)])
    one_line_error(res)
    assert len(res.stderr) < 300


def test_repeated_query_words_bracket_once(runner, archive_file):
    res = runner.invoke(main, ["search", "ho* hoi hoi", "--db", str(archive_file), "--format", "jsonl"])
    assert "[[" not in res.stdout and "]]" not in res.stdout and "[Hội]" in res.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
def test_a_read_only_archive_is_read(runner, archive_file):
    os.chmod(archive_file, stat.S_IRUSR)
    try:
        res = runner.invoke(main, ["search", "hội nghị", "--db", str(archive_file), "--format", "jsonl"])
        assert res.exit_code == 0 and len(res.stdout.splitlines()) == 1, res.output
    finally:
        os.chmod(archive_file, stat.S_IRUSR | stat.S_IWUSR)


def test_reparse_waits_for_no_crawl(runner, archive_file):
    with ArchiveLock(archive_file):
        one_line_error(runner.invoke(main, ["reparse", "--db", str(archive_file)]), status=3)


def test_excel_csv_cells_cannot_start_a_formula(runner, archive_file):
    import csv
    import io

    res = runner.invoke(main, ["export", "--db", str(archive_file), "--format", "csv", "--excel", "-o", "-"])
    rows = list(csv.reader(io.StringIO(res.stdout.lstrip("\ufeff"))))
    title = rows[1][rows[0].index("title")]
    assert title == "Hội nghị =HYPERLINK(\"x\")"  # inside the text: harmless
    with Archive(archive_file) as arc:
        arc.db.execute("UPDATE articles SET title = '=HYPERLINK(\"http://evil\")', author = '@SUM(1)'")
    res = runner.invoke(main, ["export", "--db", str(archive_file), "--format", "csv", "--excel", "-o", "-"])
    rows = list(csv.reader(io.StringIO(res.stdout.lstrip("\ufeff"))))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["title"] == "'=HYPERLINK(\"http://evil\")" and cells["author"] == "'@SUM(1)"
    plain = runner.invoke(main, ["export", "--db", str(archive_file), "--format", "csv", "-o", "-"]).stdout
    assert '"=HYPERLINK(""http://evil"")"' in plain  # without --excel: the data as archived


@pytest.mark.slow
def test_scrapy_crawl_behind_a_held_lock_ends_non_zero_in_one_line(tmp_path):
    import subprocess
    import sys

    from tests.support import ROOT

    db = tmp_path / "archive.db"
    with ArchiveLock(db):
        out = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "schools", "-a", "url=http://127.0.0.1:9/",
                              "-s", f"TCT_DB={db}", "-s", "LOG_LEVEL=ERROR"], cwd=ROOT, capture_output=True,
                             text=True, timeout=120)
    assert out.returncode == 3, out.stderr[-2000:]
    assert "another crawl" in out.stderr
    assert "Traceback" not in out.stderr and "AttributeError" not in out.stderr


def test_the_systemd_unit_is_sandboxed_and_time_limited():
    from tests.support import ROOT

    unit = (ROOT / "deploy" / "tct-crawl.service").read_text(encoding="utf-8")
    for directive in ("User=", "NoNewPrivileges=true", "ProtectSystem=strict", "ReadWritePaths=",
                      "PrivateTmp=true", "ProtectHome=true", "MemoryMax=", "TimeoutStartSec="):
        assert directive in unit, directive
    assert "SuccessExitStatus=3" not in unit


@pytest.mark.parametrize("args, says", [
    (["--site", "nosuch"], "unknown site key"),
    (["--url", "http://a.vn/", "--url", "http://a.vn/tin/"], "named twice"),
    (["--url", "ftp://a.vn/"], "http(s) address"),
    (["--url", "http://a.vn/", "-s", "DOWNLOAD_DELAY"], "NAME=VALUE"),
    (["--url", "http://a.vn/", "--listen", "8765"], "HOST:PORT"),
    (["--url", "http://a.vn/", "--listen", "0.0.0.0:8765"], "--public-url"),
])
def test_cluster_crawl_refuses_bad_input_before_touching_a_node_or_an_archive(runner, tmp_path, args, says):
    db = tmp_path / "a.db"
    res = runner.invoke(main, ["cluster", "crawl", "--node", "http://127.0.0.1:9", "--db", str(db), *args])
    assert res.exit_code == 2 and says in res.output
    assert not db.exists()


def test_cluster_crawl_with_no_node_answering_gives_up_after_the_node_timeout(runner, db_path):
    res = runner.invoke(main, ["cluster", "crawl", "--node", "http://127.0.0.1:9", "--url", "http://a.vn/",
                               "--db", str(db_path), "--node-timeout", "0.5", "--poll", "0.1"])
    assert res.exit_code == 1
    assert "node unreachable: http://127.0.0.1:9" in res.output
    assert "[a.vn] given up: no node answered for 0.5 s" in res.output


def test_cluster_crawl_behind_a_held_lock_exits_3(runner, db_path):
    with ArchiveLock(db_path):
        res = runner.invoke(main, ["cluster", "crawl", "--node", "http://127.0.0.1:9", "--url", "http://a.vn/",
                                   "--db", str(db_path)])
    assert res.exit_code == 3 and "another crawl" in res.output
