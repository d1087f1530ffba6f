"""Crawl throughput: `tct crawl` against a bare fetch-only Scrapy spider, same site, same run.

    python benchmarks/crawl_bench.py [--articles 5000] [--small 1000] [--large 20000] [--repeat 2]

Serves a generated school site (the demo site's generator) from a separate process on
127.0.0.1, crawls it with `tct crawl` into a fresh archive, then with a bare spider that only
fetches the pages tct fetched; prints pages per second of both, their ratio, CPU seconds and
each one's peak memory. Sites of several sizes show whether tct's memory grows with the site.

The bare spider runs from outside the project, so it gets Scrapy's defaults, not tct's
settings. For reference it runs a second time with CONCURRENT_ITEMS=1, the one Scrapy setting
tct tunes for speed (the ratio is against the bare spider with Scrapy's defaults). Wall time
includes each process's start-up, for both. CPU and peak RSS include the processes each one
starts (tct's extraction worker). Each crawl runs --repeat times (alternating) and the fastest
run counts: shared machines are noisy, and noise only ever slows a run down.
"""
from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_SPIDER = Path(__file__).resolve().parent / "bare_spider.py"
SETTINGS = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "ROBOTSTXT_OBEY=False",
            "-s", "LOG_LEVEL=ERROR", "-s", "DEPTH_LIMIT=0"]
SERVER = """
import sys, time
sys.path.insert(0, {root!r})
from tct.demo.server import SiteServer
from tct.demo.site import build_routes
routes, arts = build_routes(count={n}, base_url="http://127.0.0.1:{port}")
s = SiteServer(routes, port={port}).start()
print("ready", flush=True)
time.sleep(3600)
"""


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds, with the processes it started
    rss: int  # peak resident set, KiB


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: list[str], cwd: Path = ROOT) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{cmd[:4]} failed with status {status}")
    return Run(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.wall)


def bench(n: int, repeat: int) -> dict:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER.format(root=str(ROOT), port=port, n=n)],
                              stdout=subprocess.PIPE, text=True)
    try:
        server.stdout.readline()
        url = f"http://127.0.0.1:{port}/"
        with tempfile.TemporaryDirectory() as tmp:
            tct_runs, bare_runs, tuned_runs = [], [], []
            for i in range(repeat):
                db = Path(tmp) / f"archive-{i}.db"  # a fresh archive each time: a first crawl
                tct_runs.append(run([sys.executable, "-m", "tct", "crawl", "--url", url,
                                     "--db", str(db), "--quiet", "--max-pages", str(3 * n), *SETTINGS]))
                with sqlite3.connect(db) as conn:
                    fetched = [u for (u,) in conn.execute(
                        "SELECT url FROM crawl_urls WHERE state = 'done' AND status = 200")]
                    arts = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                # The bare spider fetches exactly the pages tct fetched, and does nothing with them.
                urls_file = Path(tmp) / "urls.txt"
                urls_file.write_text("\n".join(fetched), encoding="utf-8")
                bare_cmd = [sys.executable, "-m", "scrapy", "runspider", str(BARE_SPIDER),
                            "-a", f"urls_file={urls_file}", *SETTINGS]
                bare_runs.append(run(bare_cmd, cwd=Path(tmp)))
                tuned_runs.append(run([*bare_cmd, "-s", "CONCURRENT_ITEMS=1"], cwd=Path(tmp)))
    finally:
        server.kill()
    return {"pages": len(fetched), "articles": arts, "tct": best(tct_runs), "bare": best(bare_runs),
            "tuned": best(tuned_runs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=0, help="a third, larger site (e.g. 20000)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each crawl; the fastest counts")
    args = ap.parse_args()
    for n in [x for x in (args.small, args.articles, args.large) if x]:
        r = bench(n, max(1, args.repeat))
        pages = r["pages"]
        print(f"site of {n} articles: {pages} pages fetched, {r['articles']} archived")
        for name, key in (("bare spider", "bare"), ("tct crawl", "tct"),
                          ("(bare spider, CONCURRENT_ITEMS=1)", "tuned")):
            x: Run = r[key]
            print(f"  {name:<34} {pages / x.wall:7.1f} pages/s   CPU {x.cpu * 1000 / pages:5.2f} ms/page"
                  f"   peak RSS {x.rss / 1024:6.1f} MiB")
        print(f"  ratio tct/bare {r['bare'].wall / r['tct'].wall:5.2f}"
              f"   (against the tuned bare spider {r['tuned'].wall / r['tct'].wall:5.2f})", flush=True)


if __name__ == "__main__":
    main()
