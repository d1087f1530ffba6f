"""`tct cluster crawl` on real Scrapyd nodes (127.0.0.1, own folders and ports) over mock school
sites on other loopback addresses (other hosts): a node SIGKILLed mid-crawl and the coordinator
SIGKILLed and restarted, and the archive ends exactly as a one-machine crawl leaves it."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tct.demo.server import SiteServer
from tests.sites import kept_out, tayling
from tests.sites.cms import build_site
from tests.support import ROOT, crawl, deploy, free_port, get_json, get_text, start_scrapyd, stop_server, tct

pytestmark = pytest.mark.slow  # real Scrapyd nodes, real crawls
ARTICLE_COLUMNS = ("url", "site", "school", "host", "title", "published_at", "author", "author_degree",
                   "author_role", "body", "content_hash", "flags", "duplicate_of")


@pytest.fixture
def sites():
    """Three schools' sites on three hosts, of three layouts."""
    built = [build_site("wordpress"), kept_out.build(), tayling.build()]
    servers = [SiteServer(routes, host=f"127.0.0.{i + 2}").start() for i, (routes, _) in enumerate(built)]
    yield servers, [arts for _, arts in built]
    for s in servers:
        s.stop()


def _coordinator(db: Path, nodes: list[str], urls: list[str], port: int, delay: str = "0.1",
                 node_timeout: str = "2") -> subprocess.Popen:
    """`tct cluster crawl`, each site's crawl slowed down by `delay` so a test can act mid-job."""
    args = [sys.executable, "-m", "tct", "cluster", "crawl", "--db", str(db), "--slots", "2",
            "--node-timeout", node_timeout, "--poll", "0.2", "--listen", f"127.0.0.1:{port}",
            "-s", f"DOWNLOAD_DELAY={delay}", "-s", "AUTOTHROTTLE_ENABLED=False"]
    for n in nodes:
        args += ["--node", n]
    for u in urls:
        args += ["--url", u]
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(db: Path, sql: str, what: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    if conn.execute(sql).fetchone()[0]:
                        return
            except sqlite3.OperationalError:  # tables not there yet
                pass
        if proc.poll() is not None:
            pytest.fail(f"the coordinator ended before {what}: {proc.communicate()}")
        time.sleep(0.1)
    pytest.fail(f"no {what} in {seconds} s")


def _wait_for_delivery(db: Path, node: str, proc: subprocess.Popen) -> None:
    """Until the coordinator has applied a line a job on `node` delivered."""
    _wait_for(db, f"SELECT count(*) FROM cluster_jobs WHERE node = '{node}' AND feed_offset > 0",
              f"article read from {node}", proc)


def _restart(folder: Path, url: str) -> tuple[str, subprocess.Popen]:
    return start_scrapyd(folder, port=int(url.rsplit(":", 1)[1]))


def _contents(db: Path) -> tuple[list, dict, list]:
    with sqlite3.connect(db) as conn:
        articles = sorted(conn.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles"))
        pages = {url: zlib.decompress(blob) for url, blob in conn.execute(
            "SELECT a.url, p.html_zlib FROM pages p JOIN articles a ON a.id = p.article_id")}
        aliases = sorted(conn.execute(
            "SELECT l.url, a.url FROM aliases l JOIN articles a ON a.id = l.article_id"))
    return articles, pages, aliases


def test_a_cluster_crawl_survives_a_dead_node_and_a_restarted_coordinator(sites, tmp_path):
    servers, articles = sites
    urls = [s.url + "/" for s in servers]
    reference = tmp_path / "one-machine.db"
    for u in urls:
        crawl(u, reference)
    ref = _contents(reference)
    assert len(ref[0]) == sum(len(a) for a in articles)

    # node2 asks for credentials (Scrapyd's basic authentication): given in its URL, kept out of
    # what the coordinator prints and stores.
    (n1, p1) = start_scrapyd(tmp_path / "node1")
    (n2, p2) = start_scrapyd(tmp_path / "node2", auth="tct:s3cret")
    n2_name = n2.replace("tct:s3cret@", "")
    try:
        deploy(tmp_path / "project", [n1, n2])
        for s in servers:
            s.log.clear()
        db, port = tmp_path / "cluster.db", free_port()
        coord = _coordinator(db, [n1, n2], urls, port)
        # node1 dies (SIGKILL, its crawls with it) once the coordinator has taken articles from it.
        _wait_for_delivery(db, n1, coord)
        stop_server(p1)
        # The coordinator dies too, once the schools have gone to node2 and one delivered there.
        _wait_for(db, f"SELECT count(*) FROM cluster_jobs WHERE node = '{n2_name}' AND attempt = 2 "
                  "AND feed_offset > 0", "rerun on node2", coord)
        os.kill(coord.pid, signal.SIGKILL)
        coord.wait()
        again = _coordinator(db, [n1, n2], urls, port)
        out, err = again.communicate(timeout=300)
        assert again.returncode == 0, err
        assert "resuming cluster crawl" in err and "unreachable" in err and "s3cret" not in err

        got = _contents(db)
        assert got[0] == ref[0]  # the same articles, fields and hashes: nothing lost, nothing twice
        assert got[1] == ref[1]  # raw pages travelled too, for `tct reparse`
        assert got[2] == ref[2]
        with sqlite3.connect(db) as conn:
            states = conn.execute("SELECT node, state FROM cluster_jobs ORDER BY id").fetchall()
            lost = conn.execute("SELECT count(*) FROM runs WHERE status = 'lost'").fetchone()[0]
        assert (n1, "failed") in states and states.count((n2_name, "done")) == 3
        assert lost >= 1
        shown = json.loads(tct("cluster", "status", "--node", n2, "--db", str(db), "--json").stdout)
        assert [(j["node"], j["state"]) for j in shown["archive"]["jobs"]] == states
        assert shown["archive"]["crawl"]["finished_at"] and "s3cret" not in json.dumps(shown)

        # The next night, node1 back: each school's job fetches what a one-machine crawl's next
        # run fetches, and no archived article.
        stop_server(p1)
        n1, p1 = _restart(tmp_path / "node1", n1)
        requested = []
        for run in (lambda: [crawl(u, reference) for u in urls],
                    lambda: _coordinator(db, [n1, n2], urls, port).communicate(timeout=300)):
            for s in servers:
                s.log.clear()
            run()
            requested.append([sorted(s.log) for s in servers])
        assert requested[1] == requested[0]
        archived = {url.split("/", 3)[3] for url, *_ in ref[0]}
        assert not {p.lstrip("/") for paths in requested[1] for p in paths} & archived
        assert _contents(db) == ref
    finally:
        stop_server(p1)
        stop_server(p2)
    with sqlite3.connect(db) as conn:
        last = conn.execute("SELECT site, status, articles_new FROM runs ORDER BY id DESC LIMIT 3").fetchall()
    assert sorted(last) == [(f"127.0.0.{i}", "finished", 0) for i in (2, 3, 4)]


@dataclass
class OneSchool:
    """One school on its own host, its one-machine crawl (`reference`) and two deployed nodes."""
    url: str
    reference: Path
    db: Path
    folder: Path
    nodes: list[str]
    procs: list[subprocess.Popen]

    def restart(self, i: int) -> None:
        """Node i's Scrapyd killed and started again on its port and folders."""
        stop_server(self.procs[i])
        self.nodes[i], self.procs[i] = _restart(self.folder / f"node{i + 1}", self.nodes[i])


@pytest.fixture
def one_school(tmp_path):
    routes, _ = tayling.build()
    with SiteServer(routes, host="127.0.0.5") as site:
        reference = tmp_path / "one-machine.db"
        crawl(site.url + "/", reference)
        started = [start_scrapyd(tmp_path / f"node{i}") for i in (1, 2)]
        school = OneSchool(site.url + "/", reference, tmp_path / "cluster.db", tmp_path,
                           [url for url, _ in started], [proc for _, proc in started])
        try:
            deploy(tmp_path / "project", school.nodes)
            yield school
        finally:
            for proc in school.procs:
                stop_server(proc)


def test_a_job_given_up_while_its_node_was_away_is_cancelled_when_the_node_returns(one_school):
    """A partition, not a death: node1's Scrapyd stops answering (SIGSTOP) while its crawl goes on.
    The school runs again on node2; when node1 answers again, its old job is cancelled, so the
    school never crawls from two places for longer than the partition."""
    s = one_school
    (n1, n2), db = s.nodes, s.db
    # (Slow enough that node1's crawl outlasts the partition on a loaded machine: a job that
    # finished meanwhile has nothing left to cancel.)
    coord = _coordinator(db, s.nodes, [s.url], free_port(), delay="0.6")
    _wait_for_delivery(db, n1, coord)
    os.kill(s.procs[0].pid, signal.SIGSTOP)
    _wait_for(db, f"SELECT count(*) FROM cluster_jobs WHERE node = '{n2}'", "rerun on node2", coord)
    os.kill(s.procs[0].pid, signal.SIGCONT)
    out, err = coord.communicate(timeout=300)
    assert coord.returncode == 0, err
    with sqlite3.connect(db) as conn:
        first = conn.execute("SELECT job FROM cluster_jobs WHERE node = ?", [n1]).fetchone()[0]
    assert f"cancelled job {first}" in err
    for _ in range(100):  # its crawl stopped on SIGTERM: its last line is a run that shut down
        if get_json(f"{n1}/listjobs.json?project=tct")["finished"]:
            break
        time.sleep(0.1)
    last = get_text(f"{n1}/items/tct/schools/{first}.jl").splitlines()[-1]
    assert json.loads(last)["status"] == "shutdown"
    assert _contents(db) == _contents(s.reference)


def test_a_job_gone_from_a_restarted_scrapyd_runs_again_elsewhere(one_school):
    """Scrapyd restarted under a job (the machine rebooted fast): the node answers again before
    the node timeout, its job list no longer has the job, and the school runs again on node2."""
    s = one_school
    coord = _coordinator(s.db, s.nodes, [s.url], free_port(), delay="0.2", node_timeout="60")
    _wait_for_delivery(s.db, s.nodes[0], coord)
    s.restart(0)
    out, err = coord.communicate(timeout=300)
    assert coord.returncode == 0, err
    assert "is gone from" in err
    with sqlite3.connect(s.db) as conn:
        assert conn.execute("SELECT node, state FROM cluster_jobs ORDER BY id").fetchall() == [
            (s.nodes[0], "failed"), (s.nodes[1], "done")]
    assert _contents(s.db) == _contents(s.reference)
