"""Shared fixtures: the sample site served on 127.0.0.1, temporary archives (helpers: tests/support.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tct.demo.server import SiteServer
from tct.demo.site import build_routes


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
