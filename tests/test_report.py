"""`tct report`: one page that opens offline, counts drawn as bars on whole-number axes from
zero, readable with 60 schools, topics over time from --query."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from click.testing import CliRunner

from archive.store import VN_TZ, Archive
from tct.cli import main

NOW = datetime(2026, 12, 6, 21, 0, tzinfo=VN_TZ)
DEGREES = ("ThS.", "TS.", None, "PGS.TS.")


def fill(db_path, schools: int, months: int = 30) -> None:
    """`schools` schools, a few articles a month each, one run per school (every fifth failed)."""
    with Archive(db_path) as arc:
        for s in range(schools):
            site = f"tinh-{s:02d}"
            batch = []
            for m in range(months):
                day = NOW - timedelta(days=30 * m + s % 7)
                for k in range((s + m) % 4):
                    n = len(batch)
                    batch.append({"url": f"https://{site}.example.vn/tin/{m}-{k}.html",
                                  "title": f"Hội nghị số {n} của trường {s}", "published_at": day.isoformat(),
                                  "author": f"Nguyễn Văn {chr(65 + (s + k) % 20)}",
                                  "author_degree": DEGREES[(s + k) % 4], "author_role": "Giảng viên",
                                  "body": ("Chuyển đổi số trong công tác đào tạo. " if k == 0 else
                                           "Kinh tế tư nhân và phát triển địa phương. ") * 5})
            arc.save_many(batch, site=site)
            rid = arc.start_run(site)
            arc.finish_run(rid, status="finished" if s % 5 else "storage_error", pages_fetched=40,
                           counts={"new": len(batch)}, errors={})


def render(db_path, tmp_path, *args: str) -> str:
    out = tmp_path / "report.html"
    res = CliRunner().invoke(main, ["report", "--db", str(db_path), "-o", str(out), *args])
    assert res.exit_code == 0, res.output
    return out.read_text(encoding="utf-8")


def tick_labels(page: str) -> list[str]:
    """Every number drawn as an axis label (matplotlib keeps SVG text as text here)."""
    return re.findall(r">\s*(-?\d+(?:\.\d+)?)\s*</text>", page)


def test_the_report_opens_offline_and_draws_counts_on_whole_numbers_from_zero(db_path, tmp_path):
    fill(db_path, 3)
    page = render(db_path, tmp_path)
    assert "<script" not in page and 'src="http' not in page and "<link" not in page  # nothing to fetch
    for title in ("Articles per month", "Who writes", "Crawl health", "Field completeness"):
        assert f">{title}</h2>" in page
    assert "Topics over time" not in page  # no --query asked
    numbers = tick_labels(page)
    assert numbers and all(re.fullmatch(r"\d+", n) for n in numbers), numbers[:20]
    assert re.search(r"Made \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+07:00\)", page)
    assert "ThS." in page and "PGS.TS." in page and "(no degree printed)" in page


def test_sixty_schools_each_get_a_chart_and_a_health_row(db_path, tmp_path):
    fill(db_path, 60, months=12)
    page = render(db_path, tmp_path)
    for s in range(60):
        assert page.count(f"tinh-{s:02d}") >= 3, s  # its small chart, its health row, its completeness
    assert "48 of 60 schools well." in page
    assert page.count("needs attention") == 12
    assert len(page) < 3_000_000


def test_topics_over_time_from_queries(db_path, tmp_path):
    fill(db_path, 2)
    page = render(db_path, tmp_path, "--query", "chuyen doi so", "--query", "kinh tế tư nhân",
                  "--query", "khong ai viet")
    assert ">Topics over time</h2>" in page
    assert "“chuyen doi so”:" in page and "“kinh tế tư nhân”:" in page
    assert "No dated article matches <b>khong ai viet</b>" in page
    bad = CliRunner().invoke(main, ["report", "--db", str(db_path), "-o", str(tmp_path / "x.html"),
                                    "--query", '"open'])
    assert bad.exit_code == 2 and not (tmp_path / "x.html").exists()


def test_an_empty_or_missing_archive(db_path, tmp_path):
    Archive(db_path).close()
    page = render(db_path, tmp_path)
    assert "The archive holds no articles yet." in page
    one = CliRunner().invoke(main, ["report", "--db", str(tmp_path / "none.db"),
                                    "-o", str(tmp_path / "r.html")])
    assert one.exit_code == 2 and not (tmp_path / "none.db").exists()
