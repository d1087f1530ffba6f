"""Scale-out starts with Scrapyd: the project deploys to a real Scrapyd (started here on 127.0.0.1
with its own folders and port), and a scheduled `schools` job crawls a mock site into an archive."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tct.demo.server import SiteServer
from tct.demo.site import build_routes
from tests.support import ROOT, free_port, get_json, start_server

pytestmark = pytest.mark.slow  # a real Scrapyd and a real crawl
BIN = Path(sys.executable).parent




def _post(url: str, fields: list[tuple[str, str]]) -> dict:
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(url, data=data, timeout=30) as resp:
        return json.load(resp)


@pytest.fixture
def scrapyd(tmp_path):
    port = free_port()
    conf = tmp_path / "scrapyd.conf"
    conf.write_text(f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {tmp_path}/eggs\n"
                    f"logs_dir = {tmp_path}/logs\nitems_dir =\ndbs_dir = {tmp_path}/dbs\nmax_proc = 2\n")
    url = f"http://127.0.0.1:{port}"
    proc = start_server([str(BIN / "scrapyd")], url + "/daemonstatus.json", cwd=tmp_path)
    yield url
    proc.kill()
    proc.wait()


def test_deploy_and_schedule_a_crawl_on_a_real_scrapyd(scrapyd, tmp_path):
    # scrapyd-deploy as a user runs it, on a copy of the project (it writes a setup.py beside it).
    project = tmp_path / "project"
    project.mkdir()
    for name in ("crawler", "archive", "tct", "pyproject.toml", "scrapy.cfg", "README.md"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
    (project / "scrapy.cfg").write_text((project / "scrapy.cfg").read_text().replace(
        "http://localhost:6800/", scrapyd + "/"))
    out = subprocess.run([str(BIN / "scrapyd-deploy")], cwd=project, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0 and '"status": "ok"' in out.stdout + out.stderr, out.stdout + out.stderr
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
    from tests.support import tct

    shown = json.loads(tct("cluster", "status", "--node", scrapyd, "--json").stdout)
    (node,) = shown["nodes"]
    assert node["deployed"] and [(j["state"], j["spider"], j["id"]) for j in node["jobs"]] == [
        ("finished", "schools", job["jobid"])]
    nowhere = f"http://127.0.0.1:{free_port()}"
    dead = tct("cluster", "status", "--node", scrapyd, "--node", nowhere, check=False)
    assert dead.returncode == 1 and "node unreachable" in dead.stderr and "schools" in dead.stdout
