"""What travels between `tct cluster crawl` and a crawl node (archive.replica), without Scrapy or a
network: a school's state seeds a node's archive so its crawl is incremental; wire lines applied
to the archive once or twice leave the same archive."""
import json

import pytest

from archive.crawlstate import CrawlState
from archive.replica import (
    WireError,
    apply_line,
    article_line,
    load_state,
    run_line,
    school_state,
    touch_line,
    url_lines,
)
from archive.store import Archive

BODY = ("Sáng ngày 15/9/2023, Trường Chính trị tỉnh tổ chức lễ khai giảng lớp Trung cấp lý luận "
        "chính trị hệ không tập trung cho cán bộ, công chức cấp xã. ") * 3


def rec(url, **kw):
    return {"url": url, "title": "Khai giảng lớp Trung cấp", "published_at": "2023-09-18T08:15:00+07:00",
            "author": "Nguyễn Thị Hương", "author_degree": "ThS.", "author_role": None, "body": BODY, **kw}


def _travel(obj):
    """As over the wire: through JSON."""
    return json.loads(json.dumps(obj))


def test_a_node_seeded_with_the_state_knows_what_the_archive_holds(tmp_path):
    with Archive(tmp_path / "main.db") as main:
        main.save_article(rec("https://a.vn/1.html"), site="a", etag='"v1"')
        main.save_article(rec("https://a.vn/1b.html"), site="a")  # the same text: an alias
        main.save_article(rec("https://b.vn/9.html", body="Khác. " * 80), site="b")
        run = main.start_run("a")
        CrawlState(main).done("a", "https://a.vn/tin-tuc.html", "page", 200, run_id=run)
        state = _travel(school_state(main.db, "a", run + 1))
    assert [r[1] for r in state["articles"]] == ["https://a.vn/1.html"]  # school a's only

    with Archive(tmp_path / "node.db") as node:
        load_state(node, state)
        known = CrawlState(node).states(["https://a.vn/1.html", "https://a.vn/1b.html",
                                         "https://a.vn/tin-tuc.html", "https://a.vn/2.html"])
        assert [(k.kind if k else None) for k in known.values()] == ["article", "article", "page", None]
        assert node.find_url("https://a.vn/1.html")["etag"] == '"v1"'
        assert node.start_run("a", run_id=state["run_id"]) == state["run_id"]
        # The node tells new from unchanged and duplicate as the archive itself would.
        assert node.save_article(rec("https://a.vn/1.html"), site="a").status == "unchanged"
        assert node.save_article(rec("https://a.vn/1c.html"), site="a").status == "duplicate"
        assert node.save_article(rec("https://a.vn/2.html", body="Mới. " * 80), site="a").status == "new"


def test_wire_lines_applied_twice_change_nothing(tmp_path):
    with Archive(tmp_path / "node.db") as node:
        run = node.start_run("a", run_id=7)
        CrawlState(node).done("a", ["https://a.vn/1.html"], "article", 200, run_id=run)
        node.finish_run(run, status="finished", pages_fetched=3, counts={"new": 1},
                        errors={"http_404": 2})
        page = {"encoding": "utf-8", "fetched_at": "2026-11-29T01:00:00+07:00"}
        lines = [article_line({**rec("https://a.vn/1.html"), "host": "a.vn", "flags": []}, "a", "new",
                              b"<html>trang</html>", **page),
                 touch_line("https://a.vn/1.html", "2026-11-29T02:00:00+07:00"), *url_lines(node, run),
                 run_line(next(node.db.query("SELECT * FROM runs WHERE id = ?", [run])))]
    lines = _travel(lines)
    with Archive(tmp_path / "main.db") as main:
        assert main.start_run("a") == 1
        with pytest.raises(WireError):  # a run line of another run
            apply_line(main, lines[-1], 1)
        main.db.execute("DELETE FROM runs")
        assert main.start_run("a", run_id=7) == 7
        first = [apply_line(main, line, 7) for line in lines]
        snapshot = _tables(main)
        again = [apply_line(main, line, 7) for line in lines]
        assert _tables(main) == snapshot
        assert first[0].status == "new" and again[0].status == "unchanged"
        assert main.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert list(main.raw_pages())[0][3] == b"<html>trang</html>"
        assert main.db.execute("SELECT kind, run_id FROM crawl_urls").fetchall() == [("article", 7)]
        run_row = next(main.db.query("SELECT * FROM runs WHERE id = 7"))
        assert (run_row["status"], run_row["pages_fetched"], run_row["articles_new"],
                run_row["error_count"]) == ("finished", 3, 1, 2)


def _tables(arc):
    return [list(arc.db.execute(f"SELECT * FROM {t} ORDER BY 1"))
            for t in ("articles", "aliases", "pages", "crawl_urls", "runs")]


@pytest.mark.parametrize("line", [{"t": "surprise"}, {"record": {}}])
def test_a_line_this_version_does_not_know_is_refused(tmp_path, line):
    with Archive(tmp_path / "main.db") as main, pytest.raises(WireError):
        apply_line(main, line, 1)


def test_a_state_of_another_wire_version_is_refused(tmp_path):
    with Archive(tmp_path / "node.db") as node, pytest.raises(WireError):
        load_state(node, {"v": 99, "site": "a", "run_id": 1, "articles": [], "aliases": [], "urls": []})
