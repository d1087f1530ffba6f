"""Scale-out starts with Scrapyd: the project deploys to a real Scrapyd (started here on 127.0.0.1
with its own folders and port), and a scheduled `schools` job crawls a mock site into an archive."""
from __future__ import annotations

import json
import sqlite3
import time
import urllib.parse
import urllib.request

import pytest

from tct.demo.server import SiteServer
from tct.demo.site import build_routes
from tests.support import deploy, free_port, get_json, start_scrapyd, stop_server, tct

pytestmark = pytest.mark.slow  # a real Scrapyd and a real crawl


def _post(url: str, fields: list[tuple[str, str]]) -> dict:
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(url, data=data, timeout=30) as resp:
        return json.load(resp)


@pytest.fixture
def scrapyd(tmp_path):
    url, proc = start_scrapyd(tmp_path / "node", items=False)  # as installed: no item feeds
    yield url
    stop_server(proc)


def test_deploy_and_schedule_a_crawl_on_a_real_scrapyd(scrapyd, tmp_path):
    deploy(tmp_path / "project", [scrapyd])
    assert "schools" in get_json(scrapyd + "/listspiders.json?project=tct")["spiders"]

    db = tmp_path / "archive.db"
    server = SiteServer({}).start()
    try:
        routes, articles = build_routes(base_url=server.url)
        server.set_routes(routes)
        job = _post(scrapyd + "/schedule.json", [
            ("project", "tct"), ("spider", "schools"), ("url", server.url + "/"),
            ("setting", f"TCT_DB={db}"), ("setting", "DOWNLOAD_DELAY=0")])
        assert job["status"] == "ok", job
        for _ in range(600):
            finished = get_json(scrapyd + "/listjobs.json?project=tct")["finished"]
            if any(j["id"] == job["jobid"] for j in finished):
                break
            time.sleep(0.2)
        else:
            pytest.fail("the Scrapyd job did not finish")
    finally:
        server.stop()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(articles)
        assert conn.execute("SELECT status FROM runs").fetchone()[0] == "finished"

    # tct cluster status: the node, its slots and the finished job; a dead node is named.
    shown = json.loads(tct("cluster", "status", "--node", scrapyd, "--json").stdout)
    (node,) = shown["nodes"]
    assert node["deployed"] and [(j["state"], j["spider"], j["id"]) for j in node["jobs"]] == [
        ("finished", "schools", job["jobid"])]
    nowhere = f"http://127.0.0.1:{free_port()}"
    dead = tct("cluster", "status", "--node", scrapyd, "--node", nowhere, check=False)
    assert dead.returncode == 1 and "node unreachable" in dead.stderr and "schools" in dead.stdout

    # tct cluster crawl on a node that keeps no item feeds: the job cannot deliver, and the
    # coordinator says so and why, gives the school up after its attempts, and exits 1.
    with SiteServer(routes) as site:
        out = tct("cluster", "crawl", "--node", scrapyd, "--url", site.url + "/", "--db",
                  str(tmp_path / "cluster.db"), "--attempts", "2", "--poll", "0.2", "-s",
                  "DOWNLOAD_DELAY=0", check=False)
    assert out.returncode == 1, out.stderr
    assert out.stderr.count("failed: the job wrote no item feed (is items_dir set in the node's") == 2
    assert "given up" in out.stderr and "/logs/tct/schools/" in out.stderr
