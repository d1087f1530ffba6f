"""Extraction speed and accuracy against trafilatura, on the same pages, in one run.

    python benchmarks/extract_bench.py [--pages DIR ...] [--repeat N]

DIR holds <case>.html + <case>.json pairs (default: tests/pages). Prints pages per second on one
core for tct and for trafilatura (a benchmark-only extra: pip install -e '.[bench]'), the ratio,
peak memory growth over repeated passes, and per-field accuracy of both on the same pages.
"""
from __future__ import annotations

import argparse
import gc
import json
import re
import sys
import time
import tracemalloc
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.parser import extract  # noqa: E402
from crawler.parser.dates import find_date  # noqa: E402


def load(dirs: list[Path]) -> list[tuple[bytes, dict]]:
    pages = []
    for d in dirs:
        for html in sorted(d.glob("*.html")):
            truth = html.with_suffix(".json")
            if truth.exists():
                pages.append((html.read_bytes(), json.loads(truth.read_text(encoding="utf-8"))))
    return pages


def norm(v):
    return " ".join(unicodedata.normalize("NFC", v).split()).casefold() if v else None


def f1(got, want):
    tok = lambda s: Counter(re.findall(r"\w+", unicodedata.normalize("NFC", s or "").lower()))  # noqa: E731
    g, w = tok(got), tok(want)
    ov = sum((g & w).values())
    if not ov:
        return 1.0 if not g and not w else 0.0
    p, r = ov / sum(g.values()), ov / sum(w.values())
    return 2 * p * r / (p + r)


def minute(v):
    return v[:16] if v else None


def tct_record(data: bytes, url: str) -> dict:
    return extract(data, url).to_contract()


def traf_record(data: bytes, url: str) -> dict:
    import trafilatura

    doc = trafilatura.bare_extraction(data.decode("utf-8", "replace"), url=url, with_metadata=True)
    if doc is None:
        return {}
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    date = d.get("date")
    return {"title": d.get("title"), "published_at": date, "author": d.get("author"), "body": d.get("text")}


def time_pass(fn, pages, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for data, truth in pages:
            fn(data, truth.get("url"))
    return repeat * len(pages) / (time.perf_counter() - start)


def accuracy(fn, pages, date_has_time: bool) -> dict:
    right = Counter()
    body = 0.0
    for data, t in pages:
        r = fn(data, t.get("url"))
        right["title"] += norm(r.get("title")) == norm(t["title"])
        got_date = r.get("published_at")
        if date_has_time:
            right["date"] += minute(got_date) == minute(t["published_at"])
        else:  # trafilatura gives days only: score it on the day
            right["date"] += (got_date or "")[:10] == (t["published_at"] or "")[:10] if got_date or \
                t["published_at"] else 1
        right["author"] += norm(r.get("author")) == norm(t["author"])
        body += f1(r.get("body"), t["body"])
    n = len(pages)
    return {"title": right["title"] / n, "date": right["date"] / n, "author": right["author"] / n,
            "body_f1": body / n}


def memory_growth(pages, passes: int = 5) -> list[int]:
    """Peak traced memory after each pass over the pages: flat when nothing accumulates."""
    tracemalloc.start()
    peaks = []
    for _ in range(passes):
        for data, truth in pages:
            extract(data, truth.get("url"))
        gc.collect()
        peaks.append(tracemalloc.get_traced_memory()[0])
    tracemalloc.stop()
    return peaks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", action="append", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    pages = load(args.pages or [ROOT / "tests" / "pages"])
    if not pages:
        sys.exit("no pages with expected fields found")
    find_date("01/01/2020")  # warm the regex caches for both sides alike
    tct_rate = time_pass(tct_record, pages, args.repeat)
    print(f"pages: {len(pages)}  repeat: {args.repeat}")
    print(f"tct extract      {tct_rate:8.1f} pages/s")
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura not installed (pip install -e '.[bench]'): no comparison")
        traf_rate = None
    else:
        traf_rate = time_pass(traf_record, pages, args.repeat)
        print(f"trafilatura      {traf_rate:8.1f} pages/s")
        print(f"ratio tct/traf   {tct_rate / traf_rate:8.1f}x")
    peaks = memory_growth(pages)
    print("memory after each pass (KiB): " + ", ".join(f"{p // 1024}" for p in peaks))
    print("\naccuracy         title    date  author  body F1")
    acc = accuracy(tct_record, pages, True)
    print(f"tct extract      {acc['title']:5.1%}  {acc['date']:6.1%}  {acc['author']:6.1%}  "
          f"{acc['body_f1']:.3f}")
    if traf_rate is not None:
        acc = accuracy(traf_record, pages, False)
        print(f"trafilatura      {acc['title']:5.1%}  {acc['date']:6.1%}  {acc['author']:6.1%}  "
              f"{acc['body_f1']:.3f}   (date compared on the day only)")


if __name__ == "__main__":
    main()
