"""The registry: the schools of all 63 provinces before the 2025 mergers, the merged ones pointing
to the school they joined; articles attributed by host and publication date."""
from __future__ import annotations

import json

from click.testing import CliRunner

from archive.store import Archive
from crawler.registry import load_registry
from tct.cli import main


def test_the_63_schools_and_the_29_mergers():
    reg = load_registry()
    schools = {k: s for k, s in reg.items() if not s.school}
    assert len(schools) == 63 and len({s.province for s in schools.values()}) == 63
    merged = {k: s for k, s in schools.items() if s.merged_into}
    assert len(merged) == 29
    survivors = {s.merged_into for s in merged.values()}
    assert all(k in schools and not schools[k].merged_into for k in survivors)
    assert len(set(schools) - set(merged)) == 34
    assert all(str(s.merged_on) == "2025-07-01" for s in merged.values())
    assert all(reg[s.school].school is None for s in reg.values() if s.school)  # second sites of schools
    assert all(s.start_urls for s in reg.values() if s.active)


def test_articles_are_attributed_by_host_and_date(db_path):
    reg = load_registry()
    base = {"title": "Hội nghị", "author": None, "author_degree": None, "author_role": None,
            "body": "Nội dung hội nghị của nhà trường năm nay."}
    with Archive(db_path) as arc:
        arc.sync_schools(s.as_row() for s in reg.values())
        cases = [("truongchinhtribg.gov.vn", "2025-06-30T09:00:00+07:00", "bacgiang"),
                 ("truongchinhtribg.gov.vn", "2025-07-01T09:00:00+07:00", "bacninh"),
                 ("truongchinhtribg.gov.vn", None, None),  # undated on a merged host: left open
                 ("daotao.truongchinhtrina.gov.vn", "2024-01-01T00:00:00+07:00", "nghean"),
                 ("truongchinhtri.haugiang.gov.vn", "2025-12-01T00:00:00+07:00", "cantho")]
        for n, (host, when, _) in enumerate(cases):
            arc.save_article({**base, "url": f"https://{host}/tin/{n}.html", "published_at": when,
                              "host": host, "body": base["body"] + f" ({n})"}, site="x")
        urls = [f"https://{h}/tin/{n}.html" for n, (h, _, _) in enumerate(cases)]
        got = [arc.db.execute("SELECT school FROM articles WHERE url = ?", [u]).fetchone()[0] for u in urls]
    assert got == [want for _, _, want in cases]


def test_tct_schools_lists_them_with_articles_and_last_run(db_path, tmp_path, monkeypatch):
    res = CliRunner().invoke(main, ["schools", "--db", str(tmp_path / "none.db"), "--json"])
    rows = json.loads(res.output)
    assert res.exit_code == 0 and len(rows) == 63 and not (tmp_path / "none.db").exists()
    nghean = next(r for r in rows if r["key"] == "nghean")
    assert nghean["hosts"] == ["daotao.truongchinhtrina.gov.vn", "truongchinhtrina.gov.vn"]
    own = tmp_path / "mine.toml"
    own.write_text('[[school]]\nkey = "thu"\nname = "Trường Chính trị thử"\nprovince = "Thử"\n'
                   'start_urls = ["https://thu.example.vn/"]\n', encoding="utf-8")
    with Archive(db_path) as arc:
        arc.save_article({"url": "https://thu.example.vn/a.html", "title": "Tin", "published_at": None,
                          "author": None, "author_degree": None, "author_role": None,
                          "body": "Nội dung."}, site="thu")
        arc.finish_run(arc.start_run("thu"), status="finished", pages_fetched=3, counts={}, errors={})
    monkeypatch.setenv("TCT_REGISTRY", str(own))
    rows = json.loads(CliRunner().invoke(main, ["schools", "--db", str(db_path), "--json"]).output)
    assert [(r["key"], r["articles"]) for r in rows] == [("thu", 1)] and rows[0]["last_run"]
    bad = CliRunner().invoke(main, ["schools", "--registry", str(tmp_path / "nope.toml")])
    assert bad.exit_code == 2 and "no registry file" in bad.stderr


def test_a_start_address_on_a_portals_subsite_scopes_the_crawl_to_it():
    """`tct crawl --url` on a provincial portal's subsite (Liferay `/web/<site>`, WebSphere Portal
    `/wps/portal/<site>`) crawls that subsite alone; on a host of the school's own, such a path
    is the whole site's and nothing is cut."""
    from crawler.registry import School

    tct = School.for_url("https://dongthap.gov.vn/web/tct/trang-chu")
    assert tct.path_prefix == "/web/tct/"
    assert tct.owns("https://dongthap.gov.vn/web/tct/chi-tiet/-/content/id/1")
    assert not tct.owns("https://dongthap.gov.vn/web/sotuphap/chi-tiet/-/content/id/2")
    assert School.for_url("http://cantho.gov.vn/wps/portal/truongchinhtri/!ut/p/b1/x").path_prefix == \
        "/wps/portal/truongchinhtri/"
    own = School.for_url("http://truongchinhtrithanhhoa.gov.vn/web/trang-chu/gioi-thieu")
    assert own.path_prefix is None and own.owns("http://truongchinhtrithanhhoa.gov.vn/web/guest/tin-tuc")
    assert School.for_url("https://tct.example.vn/").path_prefix is None

