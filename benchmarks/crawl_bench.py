"""Crawl throughput: `tct crawl` against a bare fetch-only Scrapy spider, same site, same run.

    python benchmarks/crawl_bench.py [--articles 5000] [--small 1000]

Serves a generated school site (the demo site's generator) from a separate process on
127.0.0.1, crawls it with a bare spider that only fetches the same pages, then with `tct crawl`
into a fresh archive; prints pages per second of both, their ratio, and each one's peak memory.
A second, smaller site shows whether tct's memory grows with the site. Wall time includes each
process's start-up, for both.
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_SPIDER = Path(__file__).resolve().parent / "bare_spider.py"
SETTINGS = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "ROBOTSTXT_OBEY=False",
            "-s", "LOG_LEVEL=ERROR", "-s", "DEPTH_LIMIT=0"]
SERVER = """
import sys, time
sys.path.insert(0, {root!r})
from archive.demo.server import SiteServer
from archive.demo.site import build_routes
s = SiteServer({{}}, port={port}).start()
routes, arts = build_routes(count={n}, base_url=s.url)
s.set_routes(routes)
print("ready", flush=True)
time.sleep(3600)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{cmd[:4]} failed with status {status}")
    return time.perf_counter() - start, usage.ru_maxrss


def bench(n: int) -> dict:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER.format(root=str(ROOT), port=port, n=n)],
                              stdout=subprocess.PIPE, text=True)
    try:
        server.stdout.readline()
        url = f"http://127.0.0.1:{port}/"
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "archive.db"
            tct_s, tct_rss = run([sys.executable, "-m", "archive", "crawl", "--url", url, "--db", str(db),
                                  "--quiet", *SETTINGS])
            import sqlite3

            with sqlite3.connect(db) as conn:
                fetched = [u for (u,) in conn.execute(
                    "SELECT url FROM crawl_urls WHERE state = 'done' AND status = 200")]
                arts = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            # The bare spider fetches exactly the pages tct fetched, and does nothing with them.
            urls_file = Path(tmp) / "urls.txt"
            urls_file.write_text("\n".join(fetched), encoding="utf-8")
            # Run from outside the project, so the bare spider gets Scrapy's defaults, not tct's settings.
            bare_s, bare_rss = run([sys.executable, "-m", "scrapy", "runspider", str(BARE_SPIDER),
                                    "-a", f"urls_file={urls_file}", *SETTINGS], cwd=Path(tmp))
            pages = len(fetched)
    finally:
        server.kill()
    return {"n": n, "pages": pages, "articles": arts, "bare_s": bare_s, "tct_s": tct_s,
            "bare_rss": bare_rss, "tct_rss": tct_rss}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--small", type=int, default=1000)
    args = ap.parse_args()
    for n in (args.small, args.articles):
        r = bench(n)
        bare_rate, tct_rate = r["pages"] / r["bare_s"], r["pages"] / r["tct_s"]
        print(f"site of {n} articles: {r['pages']} pages, {r['articles']} archived")
        print(f"  bare spider  {bare_rate:7.1f} pages/s   peak RSS {r['bare_rss'] / 1024:6.1f} MiB")
        print(f"  tct crawl    {tct_rate:7.1f} pages/s   peak RSS {r['tct_rss'] / 1024:6.1f} MiB")
        print(f"  ratio tct/bare {tct_rate / bare_rate:5.2f}")


if __name__ == "__main__":
    main()
