"""A crawl killed with SIGKILL loses nothing it stored and finishes when started again."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tct.demo.server import SiteServer
from tct.demo.site import build_routes
from tests.support import ROOT

pytestmark = pytest.mark.slow  # real crawls over HTTP: run with -m "not slow" to skip


def _slow(route, delay=0.05):
    def answer():
        time.sleep(delay)
        return route
    return answer


def _count(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_mid_crawl_then_resume(db_path):
    server = SiteServer({}).start()
    try:
        routes, articles = build_routes(base_url=server.url)
        server.set_routes({k: _slow(v) for k, v in routes.items()})
        cmd = [sys.executable, "-m", "tct", "crawl", "--url", server.url + "/", "--db", str(db_path),
               "-s", "DOWNLOAD_DELAY=0", "--quiet"]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while _count(db_path) < 8 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert proc.poll() is None, "the crawl ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        stored = _count(db_path)
        assert 8 <= stored < len(articles)
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            queued = conn.execute("SELECT count(*) FROM crawl_urls WHERE state = 'queued'").fetchone()[0]
        assert queued > 0  # the frontier survived on disk

        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, timeout=300)
        with sqlite3.connect(db_path) as conn:
            urls = [u for (u,) in conn.execute("SELECT url FROM articles")]
            statuses = [s for (s,) in conn.execute("SELECT status FROM runs ORDER BY id")]
        assert len(urls) == len(set(urls)) == len(articles)
        assert statuses == ["interrupted", "finished"]
    finally:
        server.stop()


def test_a_full_disk_stops_the_crawl_loudly_and_a_rerun_loses_nothing(demo_site, db_path):
    """TCT_DB_MAX_MB caps the archive as a full disk would: writes fail mid-crawl."""
    from tests.support import tct

    first = tct("crawl", "--url", demo_site.url + "/", "--db", str(db_path), "-s", "DOWNLOAD_DELAY=0",
                "--quiet", "-s", "TCT_DB_MAX_MB=0.35", "-s", "TCT_COMMIT_SECONDS=0.05", check=False)
    assert first.returncode == 1, first.stderr[-2000:]
    assert "cannot write to the archive" in first.stderr and "Traceback" not in first.stderr
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        status = conn.execute("SELECT status FROM runs ORDER BY id DESC").fetchone()[0]
    assert stored < len(demo_site.articles) and status in ("storage_error", "running")
    assert not ArchiveLockHeld(db_path)
    tct("crawl", "--url", demo_site.url + "/", "--db", str(db_path), "-s", "DOWNLOAD_DELAY=0", "--quiet")
    with sqlite3.connect(db_path) as conn:
        urls = [u for (u,) in conn.execute("SELECT url FROM articles")]
    assert len(urls) == len(set(urls)) == len(demo_site.articles)


def ArchiveLockHeld(db_path) -> bool:  # noqa: N802 - reads as a condition
    from archive.errors import ArchiveLocked
    from archive.lock import ArchiveLock

    try:
        ArchiveLock(db_path).acquire().release()
    except ArchiveLocked:
        return True
    return False
