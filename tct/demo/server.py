"""A small threaded HTTP server for a site held in memory: the demo's, and the tests' mock sites.

Routes map a request path (with its query) to a `Route`. A route may be a callable that builds the
response when asked, which is how tests add slow answers or count requests.
"""
from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


RouteTable = dict[str, "Route | Callable[[], Route]"]
NOT_FOUND = Route(b"<html><body><h1>404 Not Found</h1></body></html>", status=404)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt: str, *args: object) -> None:  # quiet: the log list records requests
        pass

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in two writes; without TCP_NODELAY, Nagle's algorithm and the
        # client's delayed ACK stall every keep-alive response by ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _answer(self, send_body: bool) -> None:
        parts = urlsplit(self.path)
        key = parts.path + ("?" + parts.query if parts.query else "")
        self.server.log.append(key)
        route = self.server.routes.get(key, NOT_FOUND)
        if callable(route):
            route = route()
        etag = route.headers.get("ETag")
        if etag and self.headers.get("If-None-Match") == etag:
            route = Route(b"", status=304, headers={"ETag": etag})
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        self.send_header("Content-Length", str(len(route.body)))
        for k, v in route.headers.items():
            self.send_header(k, v)
        self.end_headers()
        if send_body:
            try:
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(False)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: RouteTable
    log: list[str]


class SiteServer:
    """Serve `routes` on a loopback address (127.0.0.1, or 127.0.0.2 and up for another host) in a
    background thread; use as a context manager."""

    def __init__(self, routes: RouteTable, port: int = 0, host: str = "127.0.0.1"):
        self.host = host
        self.httpd = _Server((host, port), _Handler)
        self.httpd.routes = routes
        self.httpd.log = []
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.httpd.server_address[1]}"

    @property
    def log(self) -> list[str]:
        return self.httpd.log

    def set_routes(self, routes: RouteTable) -> None:
        self.httpd.routes = routes

    def start(self) -> SiteServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
