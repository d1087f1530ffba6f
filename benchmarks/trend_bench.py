"""`tct trend` latency on a large archive: broad topics counted per month, quarter and year.

    python benchmarks/trend_bench.py [--articles 1000000] [--db PATH]

With --db naming an archive that already holds articles (one archive_bench.py left, say), that
archive is measured as it is; otherwise one of --articles generated articles is built first
(archive_bench's generator: 40 schools, 2015-2025). Prints p50/p95 over the queries of
archive_bench.py (broad ones match most of the archive) and how many articles each matched.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.search import iter_matching_ids  # noqa: E402
from archive.store import Archive  # noqa: E402
from archive.trends import trend  # noqa: E402
from benchmarks.archive_bench import QUERIES, fill  # noqa: E402

REPEAT = 3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "trend.db"
    arc = Archive(db)
    total = arc.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    if not total:
        t = time.perf_counter()
        fill(arc, args.articles)
        total = args.articles
        print(f"built {total} articles in {time.perf_counter() - t:.0f} s")
    print(f"archive: {total} articles, {db.stat().st_size / 2**20:.0f} MiB")
    for q in QUERIES:  # one pass to warm the page cache, as a server that answers all day would be
        trend(arc, [q])
    for by, by_school in (("month", False), ("quarter", False), ("year", False), ("month", True)):
        lat = []
        for _ in range(REPEAT):
            for q in QUERIES:
                t = time.perf_counter()
                trend(arc, [q], by=by, by_school=by_school)
                lat.append((time.perf_counter() - t) * 1000)
        lat.sort()
        p95 = lat[max(0, int(0.95 * len(lat)) - 1)]
        label = f"by {by}" + (" and school" if by_school else "")
        print(f"trend {label:<22} p50 {statistics.median(lat):7.1f} ms   p95 {p95:7.1f} ms"
              f"   max {lat[-1]:7.1f} ms")
    print("matches per query:", ", ".join(f"{q!r} {sum(1 for _ in iter_matching_ids(arc, q))}"
                                          for q in QUERIES))
    arc.close()


if __name__ == "__main__":
    main()
