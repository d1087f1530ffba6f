"""What the cluster's one writer and its state endpoint cost: how fast the coordinator applies wire
lines, and how large a school's state is and how fast a node loads it.

    python benchmarks/replica_bench.py [--articles 20000] [--html-kib 40]

Article lines carry a generated record and a page of --html-kib KiB (school pages are 30–80 KiB),
as a node writes them; they are applied to a fresh archive as the coordinator does (one
transaction per batch of lines, with the feed offset). The state is then taken for the school
(all its articles and frontier rows), gzipped as served, and loaded into an empty node archive.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.crawlstate import CrawlState  # noqa: E402
from archive.replica import apply_line, article_line, load_state, school_state  # noqa: E402
from archive.store import Archive  # noqa: E402
from benchmarks.archive_bench import SENTENCES, article  # noqa: E402

BATCH = 64  # lines per transaction: what one read of a busy feed brings


def _lines(n: int, html_kib: int) -> list[bytes]:
    rng = random.Random(13)
    words = " ".join(SENTENCES).split()
    out = []
    for i in range(n):
        rec = article(rng, i)
        html = f"<html><body><h1>{rec['title']}</h1><p>{rec['body']}</p>".encode()
        while len(html) < html_kib * 1024:  # menus and teasers: text that compresses as a page's does
            teaser = " ".join(rng.sample(words, 9))
            html += f"<li><a href='/tin/{rng.randint(1, 9999)}.html'>{teaser}</a></li>".encode()
        line = article_line({**rec, "host": "s.gov.vn", "flags": []}, "s", "new", html,
                            encoding="utf-8", fetched_at="2026-11-29T01:00:00+07:00")
        out.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--html-kib", type=int, default=40)
    opts = ap.parse_args()
    lines = _lines(opts.articles, opts.html_kib)
    size = sum(len(x) + 1 for x in lines)
    with tempfile.TemporaryDirectory() as tmp:
        with Archive(Path(tmp) / "main.db") as arc:
            run = arc.start_run("s")
            start = time.perf_counter()
            for i in range(0, len(lines), BATCH):
                with arc.transaction():
                    for raw in lines[i:i + BATCH]:
                        apply_line(arc, json.loads(raw), run)
            applied = time.perf_counter() - start
            state = CrawlState(arc)
            state.done("s", [json.loads(x)["record"]["url"] for x in lines], "article", 200, run_id=run)
            start = time.perf_counter()
            body = gzip.compress(json.dumps(school_state(arc.db, "s", run + 1)).encode(), 6)
            served = time.perf_counter() - start
        with Archive(Path(tmp) / "node.db") as node:
            start = time.perf_counter()
            load_state(node, json.loads(gzip.decompress(body)))
            loaded = time.perf_counter() - start
    print(f"{opts.articles} article lines, {size / 2**20:.0f} MiB of feed "
          f"({size / len(lines) / 1024:.0f} KiB a line, pages of {opts.html_kib} KiB)")
    print(f"applied by the coordinator: {len(lines) / applied:,.0f} articles/s "
          f"({size / 2**20 / applied:.1f} MiB/s of feed)")
    print(f"school state: {len(body) / 2**20:.2f} MiB gzipped, built and compressed in {served:.2f} s, "
          f"loaded by a node in {loaded:.2f} s")


if __name__ == "__main__":
    main()
