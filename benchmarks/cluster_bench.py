"""Scale-out on Scrapyd: the same schools crawled by `tct cluster crawl` on 1, 2 and 3 nodes, and by
one local `tct crawl` process, at a polite per-site delay.

    python benchmarks/cluster_bench.py [--delay 0.25] [--slots 2] [--nodes 1 2 3]

Nine mock school sites of seven layouts, each on its own loopback address (its own host). Every
node is a real Scrapyd on 127.0.0.1 (max_proc = --slots); all run on this one machine, so they
share its CPUs: the figures show what running more schools at once buys when each school's crawl
is bound by its politeness delay (the normal case), not what more CPUs would add.
"""
from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tct.demo.server import SiteServer  # noqa: E402
from tests.sites import cms, kept_out, portals, songhong, tayling  # noqa: E402
from tests.support import deploy, start_scrapyd, stop_server  # noqa: E402

BUILDERS = [*(lambda s=s: cms.build_site(s) for s in sorted(cms.STYLES)), portals.build_portal,
            portals.build_legacy, tayling.build, songhong.build, kept_out.build]


def _counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        pages = conn.execute("SELECT coalesce(sum(pages_fetched), 0) FROM runs WHERE status = 'finished'"
                             ).fetchone()[0]
    return articles, pages


def _local(urls: list[str], tmp: Path, settings: list[str]) -> tuple[float, int, int]:
    """One `tct crawl` process over all the schools (a registry file naming them)."""
    reg = tmp / "sites.toml"
    reg.write_text("".join(
        f'[[school]]\nkey = "s{i}"\nname = "s{i}"\nstart_urls = ["{u}"]\n'
        f'hosts = ["{u.split("/")[2].split(":")[0]}"]\nactive = true\n\n' for i, u in enumerate(urls)))
    db = tmp / "local.db"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tct", "crawl", "--db", str(db), "--registry", str(reg),
                    "--quiet", *settings], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start, *_counts(db)


def _cluster(nodes: list[str], urls: list[str], db: Path, slots: int,
             settings: list[str]) -> tuple[float, int, int]:
    args = [sys.executable, "-m", "tct", "cluster", "crawl", "--db", str(db), "--slots", str(slots),
            "--poll", "0.2", *settings]
    for n in nodes:
        args += ["--node", n]
    for u in urls:
        args += ["--url", u]
    start = time.perf_counter()
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"tct cluster crawl failed:\n{out.stderr[-2000:]}")
    return time.perf_counter() - start, *_counts(db)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delay", type=float, default=0.25, help="DOWNLOAD_DELAY of every crawl (s)")
    ap.add_argument("--slots", type=int, default=2, help="jobs per node (its max_proc)")
    ap.add_argument("--nodes", type=int, nargs="+", default=[1, 2, 3])
    opts = ap.parse_args()
    settings = ["-s", f"DOWNLOAD_DELAY={opts.delay}", "-s", "AUTOTHROTTLE_ENABLED=False"]
    servers = [SiteServer(build()[0], host=f"127.0.0.{i + 2}").start() for i, build in enumerate(BUILDERS)]
    urls = [s.url + "/" for s in servers]
    procs = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            nodes = []
            for i in range(max(opts.nodes)):
                url, proc = start_scrapyd(tmp / f"node{i}", max_proc=opts.slots)
                nodes.append(url)
                procs.append(proc)
            deploy(tmp / "project", nodes)
            print(f"{len(urls)} schools, DOWNLOAD_DELAY={opts.delay} s, {opts.slots} slots per node")
            print(f"{'crawl':<22}{'seconds':>9}{'articles':>10}{'pages':>7}{'pages/s':>9}{'speed-up':>10}")
            seconds, articles, pages = _local(urls, tmp, settings)
            print(f"{'one tct crawl process':<22}{seconds:>9.1f}{articles:>10}{pages:>7}"
                  f"{pages / seconds:>9.1f}")
            base = None
            for n in opts.nodes:
                seconds, articles, pages = _cluster(nodes[:n], urls, tmp / f"cluster{n}.db", opts.slots,
                                                    settings)
                base = base or seconds  # the speed-up is against the first line (1 node)
                print(f"{f'cluster, {n} node(s)':<22}{seconds:>9.1f}{articles:>10}{pages:>7}"
                      f"{pages / seconds:>9.1f}{base / seconds:>9.2f}x")
    finally:
        for proc in procs:
            stop_server(proc)
        for s in servers:
            s.stop()


if __name__ == "__main__":
    main()
