"""Shared fixtures: the sample site served on 127.0.0.1, temporary archives, the `tct` command."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tct.demo.server import SiteServer
from tct.demo.site import build_routes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def demo_site():
    """The bundled sample school site (36 articles) on a free local port."""
    server = SiteServer({}).start()
    routes, articles = build_routes(base_url=server.url)
    server.set_routes(routes)
    server.articles = articles
    yield server
    server.stop()


def tct(*args: str, check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python -m tct ARGS` in a real subprocess, as a user or cron would."""
    env = dict(os.environ)
    env.pop("TCT_DB", None)
    proc = subprocess.run([sys.executable, "-m", "tct", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)
    if check and proc.returncode != 0:
        raise AssertionError(f"tct {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def crawl(url: str, db: Path, *extra: str) -> subprocess.CompletedProcess:
    return tct("crawl", "--url", url, "--db", str(db), "-s", "DOWNLOAD_DELAY=0", "--quiet", *extra)
