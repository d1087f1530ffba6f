"""`tct health`: each finding one line naming the school; exit 1 when a school needs attention."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from click.testing import CliRunner

from archive.health import check
from archive.store import VN_TZ, Archive
from tct.cli import main

NOW = datetime.now(VN_TZ)


def ago(days: float) -> str:
    return (NOW - timedelta(days=days)).replace(microsecond=0).isoformat()


def run(arc: Archive, site: str, days: float, status: str = "finished", pages: int = 40, errors: int = 0):
    rid = arc.start_run(site)
    arc.finish_run(rid, status=status, pages_fetched=pages, counts={},
                   errors={"http_500": errors} if errors else {})
    arc.db.execute("UPDATE runs SET started_at = ? WHERE id = ?", [ago(days), rid])


def articles(arc: Archive, site: str, n: int, days: float, dated: bool = True, start: int = 0):
    for i in range(start, start + n):
        arc.save_article({"url": f"https://{site}.vn/tin/{i}.html", "title": f"Tin số {i} của trường",
                          "published_at": ago(days) if dated else None, "author": "Lê Văn An",
                          "author_degree": None, "author_role": None,
                          "body": f"Nội dung bài viết số {i} về hoạt động của nhà trường."}, site=site)
        arc.db.execute("UPDATE articles SET first_seen = ? WHERE url = ?",
                       [ago(days - i / 1000), f"https://{site}.vn/tin/{i}.html"])


def test_a_school_crawled_once_successfully_is_well(db_path):
    with Archive(db_path) as arc:
        run(arc, "a", 0.1)
        articles(arc, "a", 3, 0.1)
    res = CliRunner().invoke(main, ["health", "--db", str(db_path)])
    assert res.exit_code == 0 and "all 1 schools well" in res.output


def test_each_finding_names_the_school_and_the_reason(db_path):
    with Archive(db_path) as arc:
        for d in (10, 9, 8):  # well, then a site that went dead, failing twice
            run(arc, "dead", d)
        run(arc, "dead", 2, pages=0, errors=40)
        run(arc, "dead", 1, status="storage_error")
        run(arc, "quiet", 1)  # crawled every night, nothing new for 90 days
        articles(arc, "quiet", 3, 90)
        run(arc, "drift", 1)  # the layout changed: new articles lost their dates
        articles(arc, "drift", 12, 40)
        articles(arc, "drift", 10, 1, dated=False, start=100)
        run(arc, "fine", 1)
        articles(arc, "fine", 5, 2)
        found = {h.school: h.findings for h in check(arc, NOW)}
    assert any("2 failed runs in a row" in f for f in found["dead"])
    assert any("no new article found for 90 days" in f for f in found["quiet"])
    assert any(f.startswith("dates missing on 100%") for f in found["drift"])
    assert found["fine"] == []
    res = CliRunner().invoke(main, ["health", "--db", str(db_path)])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert all(line.split(":")[0] in {"dead", "quiet", "drift"} for line in lines) and len(lines) >= 3
    data = json.loads(CliRunner().invoke(main, ["health", "--db", str(db_path), "--json"]).output)
    assert data["well"] is False
    assert {s["school"] for s in data["schools"]} == {"dead", "quiet", "drift", "fine"}


def test_a_jump_in_errors_needs_attention(db_path):
    with Archive(db_path) as arc:
        for d, e in ((5, 1), (4, 2), (3, 1), (1, 60)):
            run(arc, "noisy", d, errors=e)
        articles(arc, "noisy", 3, 1)
        found = {h.school: h.findings for h in check(arc, NOW)}
    assert any("errors jumped to 60" in f for f in found["noisy"])
