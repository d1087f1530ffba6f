"""What a person sees while `tct crawl` runs: in a terminal (a real pty) the log lines go above a
progress line that stays at the bottom; in a file or a pipe there are no control codes."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
import time

from tct.demo.server import NOT_FOUND, Route, SiteServer
from tests.support import ROOT

CLEAR = "\r\x1b[2K"
ARTICLE = ("<html><head><meta charset='utf-8'><title>Bài {n}</title></head><body><h1>Hội nghị "
           "tổng kết công tác đào tạo năm học số {n}</h1><p>12/03/2024 09:00</p>"
           + "<p>Nhà trường tổ chức hội nghị tổng kết công tác đào tạo, bồi dưỡng cán bộ năm học vừa qua "
             "và triển khai nhiệm vụ năm học mới với nhiều giải pháp thiết thực.</p>" * 4
           + "</body></html>")


def slow_missing() -> Route:
    time.sleep(1.3)  # past the first redraw: the warning lands on a drawn progress line
    return NOT_FOUND


def site() -> SiteServer:
    links = "".join(f"<li><a href='/tin-tuc/bai-{n}.html'>Hội nghị tổng kết công tác đào tạo năm học "
                    f"số {n}</a></li>" for n in range(3))
    links += "".join(f"<li><a href='/tin-tuc/mat-{n}.html'>Bài đã gỡ xuống số {n}</a></li>" for n in range(3))
    routes = {"/": Route(f"<html><body><ul>{links}</ul></body></html>".encode())}
    routes.update({f"/tin-tuc/bai-{n}.html": Route(ARTICLE.format(n=n).encode()) for n in range(3)})
    routes.update({f"/tin-tuc/mat-{n}.html": slow_missing for n in range(3)})
    return SiteServer(routes).start()


def run_in_pty(argv: list[str]) -> str:
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="200")
    env.pop("TCT_DB", None)
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed (Linux says EIO)
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0, out.decode(errors="replace")[-2000:]
    return out.decode("utf-8", errors="replace").replace("\r\n", "\n")


def crawl_argv(server: SiteServer, db) -> list[str]:
    return [sys.executable, "-m", "tct", "crawl", "--url", server.url + "/", "--db", str(db),
            "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_ENABLED=False"]


def test_in_a_terminal_logs_go_above_the_progress_line(tmp_path):
    server = site()
    try:
        raw = run_in_pty(crawl_argv(server, tmp_path / "a.db"))
    finally:
        server.stop()
    # What the screen shows: on each line, what was written after its last erase.
    shown = [line.split(CLEAR)[-1] for line in raw.split("\n")]
    warnings = [i for i, line in enumerate(shown) if "WARNING" in line]
    assert len(warnings) == 3, raw
    assert not any("[tct]" in line and "WARNING" in line for line in shown)
    # Every log line that came while the progress line was up is followed by it, drawn again.
    chunks = raw.split("\n")
    redrawn = [i for i in warnings if chunks[i + 1].startswith(CLEAR + "[tct]")]
    assert redrawn == warnings
    assert shown[-1] == ""
    assert shown[-4].startswith("[tct]")  # the last progress line, then the summary table
    assert shown[-3].startswith("site ") and "http_404=3" in shown[-2]


def test_in_a_file_there_are_no_control_codes(tmp_path):
    server = site()
    try:
        env = dict(os.environ)
        env.pop("TCT_DB", None)
        proc = subprocess.run(crawl_argv(server, tmp_path / "b.db"), capture_output=True, text=True,
                              cwd=ROOT, env=env, timeout=120)
    finally:
        server.stop()
    assert proc.returncode == 0, proc.stderr
    assert "\r" not in proc.stderr and "\x1b" not in proc.stderr
    assert proc.stderr.count("WARNING") == 3
    assert "[tct]" in proc.stderr  # the final progress line, as a plain line
