"""Archived articles are revisited with conditional requests; a changed page becomes a revision."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from tct.demo.server import Route, SiteServer
from tct.demo.site import build_routes
from tests.support import crawl

pytestmark = pytest.mark.slow  # real crawls over HTTP: run with -m "not slow" to skip


def with_etags(routes):
    out = {}
    for path, route in routes.items():
        tag = '"' + hashlib.md5(route.body).hexdigest() + '"'
        out[path] = Route(route.body, route.content_type, route.status, {"ETag": tag})
    return out


def test_changed_article_is_revised_and_unchanged_ones_cost_a_304(db_path):
    server = SiteServer({}).start()
    try:
        routes, articles = build_routes(base_url=server.url)
        server.set_routes(with_etags(routes))
        crawl(server.url + "/", db_path)

        newest = max(articles, key=lambda a: a.published)
        old_title = newest.title
        page = routes[newest.path].body.replace(old_title.encode(), (old_title + " (cập nhật)").encode())
        routes[newest.path] = Route(page)
        server.set_routes(with_etags(routes))
        server.log.clear()
        crawl(server.url + "/", db_path, "-s", "TCT_REVISIT_DAYS=0.0000001")
    finally:
        server.stop()
    with sqlite3.connect(db_path) as conn:
        run = conn.execute("SELECT articles_new, articles_changed, articles_unchanged FROM runs "
                           "ORDER BY id DESC LIMIT 1").fetchone()
        revision = conn.execute("SELECT title FROM revisions").fetchall()
        current = conn.execute("SELECT title FROM articles WHERE url LIKE ?", ["%" + newest.path]).fetchone()
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert run[0] == 0 and run[1] == 1 and run[2] >= 1
    assert revision == [(old_title,)]
    assert current == (old_title + " (cập nhật)",)
    assert count == len(articles)
