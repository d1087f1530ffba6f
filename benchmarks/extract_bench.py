"""Extraction speed and accuracy against trafilatura, on the same pages, in one run.

    python benchmarks/extract_bench.py [--pages DIR ...] [--repeat N]

Per family of pages (the shared devset and realdev where they sit beside this checkout, the
project's own corpus in its tuned and kept-out parts), or per DIR given: pages per second on one
core for tct and for trafilatura, their ratio, and per-field accuracy of both on the same pages;
beside tct's body F1, its body F1 with every class and id renamed to a random token ("names
stripped": what the page's shape alone gives), and how often its body asked trafilatura for a
second opinion (crawler/parser/second_opinion.py); then all pages together and tct's memory over
repeated passes. A DIR holds <case>.html + <case>.json pairs; a truth without some field (a set of
bodies only) leaves that column "n/a". A truth may give the body as sentences instead
({"with": [...], "without": [...]}, as trafilatura's evaluation does): the body column is then
the F of found, missed and wrongly found sentences over the set.
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
from tests.support import strip_names  # noqa: E402


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


def snippets(got: str | None, truth: dict) -> tuple[int, int, int]:
    """A truth given as sentences the text must hold ("with") and must not ("without"), as
    trafilatura's evaluation gives it: (found, missed, wrongly found)."""
    text = " ".join(unicodedata.normalize("NFC", got or "").split())
    def has(s: str) -> bool:
        return " ".join(unicodedata.normalize("NFC", s).split()) in text
    found = sum(has(w) for w in truth.get("with", []))
    return found, len(truth.get("with", [])) - found, sum(has(w) for w in truth.get("without", []))


def body_score(bodies: list[str | None], truths: list[dict]) -> float:
    """Mean body F1 over pages with a body truth; over pages given as sentences, the F of their
    found/missed/wrongly-found sentences pooled (trafilatura's own measure)."""
    full = [f1(b, t["body"]) for b, t in zip(bodies, truths, strict=True) if "body" in t]
    if full:
        return sum(full) / len(full)
    tp = fn = fp = 0
    for b, t in zip(bodies, truths, strict=True):
        a, m, w = snippets(b, t)
        tp, fn, fp = tp + a, fn + m, fp + w
    p, r = tp / ((tp + fp) or 1), tp / ((tp + fn) or 1)
    return 2 * p * r / ((p + r) or 1)


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
    right, scored = Counter(), Counter()
    bodies = []
    for data, t in pages:
        r = fn(data, t.get("url"))
        bodies.append(r.get("body"))
        if "title" in t:
            scored["title"] += 1
            right["title"] += norm(r.get("title")) == norm(t["title"])
        if "published_at" in t:
            scored["date"] += 1
            got_date = r.get("published_at")
            if date_has_time:
                right["date"] += minute(got_date) == minute(t["published_at"])
            else:  # trafilatura gives days only: score it on the day
                right["date"] += (got_date or "")[:10] == (t["published_at"] or "")[:10] if got_date or \
                    t["published_at"] else 1
        if "author" in t:
            scored["author"] += 1
            right["author"] += norm(r.get("author")) == norm(t["author"])
    out = {k: (right[k] / scored[k] if scored[k] else None) for k in ("title", "date", "author")}
    out["body_f1"] = body_score(bodies, [t for _, t in pages])
    return out


def tct_stripped(pages) -> tuple[float, float]:
    """Body F1 with names stripped, and the share of pages whose body asked for a second opinion."""
    bodies, asked = [], 0
    for data, t in pages:
        bodies.append(extract(strip_names(data), t.get("url")).body)
        asked += any(fl.startswith("second_opinion") for fl in extract(data, t.get("url")).flags)
    return body_score(bodies, [t for _, t in pages]), asked / len(pages)


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


FAMILIES = (  # name, folder; the shared sets are used where this checkout sits beside them
    ("devset", ROOT.parent / "shared" / "devset"),
    ("realdev", ROOT.parent / "shared" / "realdev"),
    ("corpus-tuned", ROOT / "tests" / "pages"),
    ("corpus-kept-out", ROOT / "tests" / "pages-kept-out"),
)


def _pct(v: float | None, width: int) -> str:
    return f"{'n/a':>{width}}" if v is None else f"{v:{width}.1%}"


def _row(name: str, n: int, rate: float | None, acc: dict | None, extra: str = "") -> str:
    if acc is None:
        return f"  {name:<12} {'':>6} {rate or 0:8.1f}   (not installed)"
    return (f"  {name:<12} {n:>6} {rate:8.1f}   {_pct(acc['title'], 6)} {_pct(acc['date'], 7)} "
            f"{_pct(acc['author'], 7)}  {acc['body_f1']:.3f}{extra}")


def report(name: str, pages, repeat: int, traf: bool) -> tuple[float, float | None]:
    """One family: speed and accuracy of tct and trafilatura on the same pages, in this run."""
    tct_rate = time_pass(tct_record, pages, repeat)
    traf_rate = time_pass(traf_record, pages, repeat) if traf else None
    ratio = f"   tct/trafilatura {tct_rate / traf_rate:.1f}x" if traf_rate else ""
    print(f"\n{name}: {len(pages)} pages{ratio}")
    print(f"  {'':<12} {'pages':>6} {'pages/s':>8}   {'title':>6} {'date':>7} {'author':>7}  body F1"
          f"  names stripped  2nd opinion asked")
    stripped, asked = tct_stripped(pages)
    print(_row("tct", len(pages), tct_rate, accuracy(tct_record, pages, True),
               f"  {stripped:14.3f}  {asked:17.1%}"))
    if traf_rate is not None:
        print(_row("trafilatura", len(pages), traf_rate, accuracy(traf_record, pages, False))
              + "   (date: day only)")
    return tct_rate, traf_rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", action="append", type=Path, help="a folder of pages (instead of the families)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    families = [(p.name, p) for p in args.pages] if args.pages else [f for f in FAMILIES if f[1].is_dir()]
    try:
        import trafilatura  # noqa: F401
        traf = True
    except ImportError:
        print("trafilatura not installed (pip install -e '.[bench]'): no comparison")
        traf = False
    find_date("01/01/2020")  # warm the regex caches for both sides alike
    everything = []
    for name, folder in families:
        pages = load([folder])
        if pages:
            report(name, pages, args.repeat, traf)
            everything += pages
    if not everything:
        sys.exit("no pages with expected fields found")
    tct_rate, traf_rate = (time_pass(tct_record, everything, args.repeat),
                           time_pass(traf_record, everything, args.repeat) if traf else None)
    versus = f", trafilatura {traf_rate:.1f} pages/s, ratio {tct_rate / traf_rate:.1f}x" if traf_rate else ""
    print(f"\nall {len(everything)} pages, one core: tct {tct_rate:.1f} pages/s{versus}")
    peaks = memory_growth(everything)
    print("tct memory after each pass (KiB): " + ", ".join(f"{p // 1024}" for p in peaks))


if __name__ == "__main__":
    main()
