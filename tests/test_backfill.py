"""`tct backfill`: a site that is gone recovered from a real pywb (`wb-manager`, `wayback`) holding
the WARC `wget --mirror` wrote of it while it was up; its address is watched for any request."""
from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tct.demo.server import Route, SiteServer
from tests.sites.cms import build_site
from tests.support import BIN, ROOT, crawl, free_port, start_server, stop_server, tct

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not shutil.which("wget"), reason="needs wget")]


def _urls(db: Path) -> set[str]:
    out = tct("export", "--db", str(db), "--format", "jsonl", "-o", "-").stdout
    return {json.loads(line)["url"] for line in out.splitlines()}


@pytest.fixture(scope="module")
def gone(tmp_path_factory):
    """A school site crawled and mirrored by wget while up, then stopped; its mirror served by pywb;
    a server listening on its old address records any request that reaches it."""
    folder = tmp_path_factory.mktemp("backfill")
    routes, _ = build_site("trang", count=10)
    site = SiteServer(routes).start()
    start = site.url + "/"
    crawl(start, folder / "crawl.db")
    subprocess.run(["wget", "--mirror", "--no-verbose", "-e", "robots=off", "--tries=1",
                    f"--warc-file={folder / 'mirror'}", "-P", str(folder / "files"), start],
                   capture_output=True, timeout=120)
    port = int(site.url.rsplit(":", 1)[1])
    site.stop()
    for argv in (["init", "tct"], ["add", "tct", str(folder / "mirror.warc.gz")]):
        subprocess.run([str(BIN / "wb-manager"), *argv], cwd=folder, check=True, capture_output=True)
    wport = free_port()
    wayback = start_server([str(BIN / "wayback"), "-p", str(wport), "-b", "127.0.0.1"],
                           f"http://127.0.0.1:{wport}/", cwd=folder)
    watch = SiteServer({}, port=port).start()
    pywb = f"http://127.0.0.1:{wport}/tct/"
    args = ["--cdx", pywb + "cdx", "--replay", pywb, "--url", start, "--delay", "0"]
    try:
        yield folder, args, watch
    finally:
        watch.stop()
        stop_server(wayback)


def test_a_gone_site_is_recovered_from_the_wayback_and_twice_adds_nothing(gone):
    folder, args, watch = gone
    db = folder / "backfill.db"
    first = json.loads(tct("backfill", *args, "--db", str(db), "--json").stdout)
    assert first["failed"] == 0 and first["fetched"] == first["queued"] > 0
    assert _urls(db) == _urls(folder / "crawl.db")  # every article a crawl had archived, nothing else
    with sqlite3.connect(db) as conn:
        sources = [r[0] for r in conn.execute("SELECT archived_from FROM articles")]
    assert sources and all(s.startswith(args[3]) and "id_/" not in s for s in sources)
    second = json.loads(tct("backfill", *args, "--db", str(db), "--json").stdout)
    assert (second["queued"], second["fetched"], second["articles"]) == (0, 0, {})
    assert watch.log == []  # the live site's address was never asked


def test_a_killed_backfill_resumes_without_fetching_a_capture_twice(gone):
    folder, args, watch = gone
    db = folder / "resumed.db"
    cmd = [sys.executable, "-m", "tct", "backfill", *args[:-1], "0.2", "--db", str(db), "--json"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    fetched = 0
    for _ in range(300):  # until a few captures are in, then kill it as a machine would die
        time.sleep(0.1)
        try:
            with sqlite3.connect(db) as conn:
                fetched = conn.execute("SELECT count(*) FROM backfill_captures WHERE state = 'fetched'"
                                       ).fetchone()[0]
        except sqlite3.Error:
            continue
        if fetched >= 3:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert fetched >= 3
    with sqlite3.connect(db) as conn:
        total = conn.execute("SELECT count(*) FROM backfill_captures").fetchone()[0]
        done = conn.execute("SELECT count(*) FROM backfill_captures WHERE state != 'queued'").fetchone()[0]
    assert done < total
    resumed = json.loads(tct("backfill", *args, "--db", str(db), "--json").stdout)
    assert resumed["queued"] == 0 and resumed["fetched"] == total - done  # the rest, and only the rest
    assert _urls(db) == _urls(folder / "crawl.db")
    assert watch.log == []


def test_backfill_refuses_to_run_without_a_school(tmp_path):
    res = tct("backfill", "--db", str(tmp_path / "a.db"), check=False)
    assert res.returncode == 2 and "--site KEY or --url" in res.stderr
    res = tct("backfill", "--site", "no-such-school", "--db", str(tmp_path / "a.db"), check=False)
    assert res.returncode == 2 and "unknown site key" in res.stderr


def test_cdx_answers_are_read_page_after_page(gone, monkeypatch):
    """The Internet Archive pages a host's captures with a resume key after an empty row: every
    page is read, each capture once. pywb (real, here) gives no key: a full page makes it asked
    once more for everything. (The Internet Archive cannot run here: a local server answers in
    its format.)"""
    from urllib.parse import urlencode, urlsplit

    from crawler import backfill

    _, args, _ = gone
    pywb, start = args[1], args[args.index("--url") + 1]
    host = urlsplit(start).netloc
    everything = backfill.cdx_captures(pywb, host, None, None, 0)
    monkeypatch.setattr(backfill, "CDX_PAGE", 3)
    assert len(everything) > 3 and backfill.cdx_captures(pywb, host, None, None, 0) == everything

    head = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    rows = [[f"vn,tct)/tin/{i}", f"2021010{i}000000", f"http://tct.vn/tin/{i}.html", "text/html", "200",
             "X", "1"] for i in range(1, 8)]
    base = {"url": "tct.vn", "matchType": "host", "output": "json", "limit": "3", "showResumeKey": "true"}
    routes = {}
    for page, key in enumerate([None, "k1", "k2"]):
        query = dict(base, **({"resumeKey": key} if key else {}))
        answer = [head, *rows[3 * page:3 * page + 3]] + ([[], [f"k{page + 1}"]] if page < 2 else [])
        routes["/cdx?" + urlencode(query)] = Route(json.dumps(answer).encode(), content_type="text/plain")
    with SiteServer(routes) as ia:
        got = backfill.cdx_captures(ia.url + "/cdx", "tct.vn", None, None, 0)
    assert [c.url for c in got] == [f"http://tct.vn/tin/{i}.html" for i in range(1, 8)]
