"""The coordinator's HTTP endpoint from which a cluster job fetches its school's state.

`GET /state/<token>` answers the gzipped state (archive.replica.school_state) of the one job the
token was issued to, read at that moment from the archive through a read-only connection; any
other path or token is a 404. Tokens are random and per job: a node learns only its own school.
"""
from __future__ import annotations

import gzip
import json
import sqlite3
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from archive.replica import school_state

Lookup = Callable[[str], "tuple[str, int] | None"]  # token -> (site, run id) of an active job


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, fmt: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        prefix = "/state/"
        job = self.server.lookup(self.path[len(prefix):]) if self.path.startswith(prefix) else None
        if job is None:
            self.send_error(404)
            return
        site, run_id = job
        read_only = Path(self.server.db_path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(read_only, uri=True, timeout=30)
        try:
            body = gzip.compress(json.dumps(school_state(conn, site, run_id)).encode(), 6)
        finally:
            conn.close()
        self.send_response(200)
        self.send_header("Content-Type", "application/gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    db_path: str
    lookup: Lookup


class StateServer:
    """Serves states on `host:port` (port 0: any free one) in a background thread."""

    def __init__(self, db_path: str, lookup: Lookup, host: str = "127.0.0.1", port: int = 0):
        self.httpd = _Server((host, port), _Handler)
        self.httpd.db_path = db_path
        self.httpd.lookup = lookup
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="tct-state", daemon=True)

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    def start(self) -> StateServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
