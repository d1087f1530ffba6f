"""The frontier's rules in plain Python, on a real archive file: no Scrapy, no server."""
from __future__ import annotations

from archive.crawlstate import CrawlState
from archive.store import Archive
from crawler.frontier import Frontier, Limits, conditional_headers

SITE = "s"
BASE = "http://x.vn"


def frontier(db_path, **limits) -> tuple[Frontier, Archive, list]:
    arc = Archive(db_path)
    counted: list = []
    lim = Limits(**{"max_pages": 100, "depth_limit": 3, "in_flight": 4, "revisit_after": None, **limits})
    runs = {SITE: arc.start_run(SITE)}
    return Frontier(CrawlState(arc), lim, runs, count=lambda k, n: counted.append((k, n))), arc, counted


def targets(*paths: str) -> dict:
    return {BASE + p: (BASE + p, f"Bài viết số {p}") for p in paths}


def test_hands_out_a_bounded_share_shallowest_first(db_path):
    f, arc, _ = frontier(db_path)
    f.seed(SITE, [(BASE + "/", 0)])
    assert [q.url for q in f.next_batch(SITE)] == [BASE + "/"]
    f.follow(SITE, BASE + "/", targets(*(f"/a{i}.html" for i in range(10))), 0, from_article=False)
    batch = f.next_batch(SITE)  # 1 of 4 out: room for 3 more
    assert len(batch) == 3 and all(q.depth == 1 for q in batch)
    assert batch[0].anchor == "Bài viết số /a0.html"
    assert f.next_batch(SITE) == []  # all 4 out
    f.done(SITE, BASE + "/", [BASE + "/"], "page", 200, 0)
    assert f.next_batch(SITE) == []  # 3 out: more than half its share
    for q in batch[:2]:
        f.done(SITE, q.url, [q.url], "article", 200, 1)
    assert len(f.next_batch(SITE)) == 3  # 1 out: refilled to 4
    arc.close()


def test_depth_and_page_limits_are_counted(db_path):
    f, arc, counted = frontier(db_path, max_pages=3, depth_limit=1)
    f.follow(SITE, BASE + "/", targets("/a.html", "/b.html"), 1, from_article=False)
    assert ("s/skipped/depth", 1) in counted  # depth 2 > 1: not queued
    f.follow(SITE, BASE + "/", targets("/c.html", "/d.html", "/e.html", "/f.html"), 0, from_article=False)
    assert counted.count(("s/skipped/max_pages", 1)) == 1
    arc.close()


def test_known_links_are_not_queued_again_and_pages_of_a_listing_keep_their_depth(db_path):
    f, arc, _ = frontier(db_path)
    f.follow(SITE, BASE + "/tin", targets("/tin?page=2", "/a.html"), 2, from_article=False)
    queued = {q.url: q.depth for q in f.state.next_batch(SITE, 10)}
    assert queued == {BASE + "/tin?page=2": 2, BASE + "/a.html": 3}
    f.follow(SITE, BASE + "/tin?page=2", targets("/a.html"), 2, from_article=False)
    assert len(f.state.next_batch(SITE, 10)) == 2  # nothing new
    arc.close()


def test_conditional_headers_only_for_what_the_archive_knows():
    assert conditional_headers(None) == {}
    assert conditional_headers({"etag": '"x"', "last_modified": None}) == {"If-None-Match": '"x"'}
