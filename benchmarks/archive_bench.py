"""Archive performance on a generated archive of realistic articles.

    python benchmarks/archive_bench.py [--articles 200000] [--db PATH]

Prints the ingest rate, search latency p50/p95 over a fixed set of queries (with the same query
as a plain LIKE scan for comparison), export rows per second per format, and peak memory.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.export import FORMATS, export  # noqa: E402
from archive.filters import ArticleFilter  # noqa: E402
from archive.search import search  # noqa: E402
from archive.store import Archive  # noqa: E402
from tct.demo.content import CLASSES, DISTRICTS, PEOPLE, TOPICS  # noqa: E402

SENTENCES = [
    "Trường Chính trị tỉnh {p} tổ chức lễ khai giảng lớp {c} khóa {n} cho {m} học viên.",
    "Hội thảo khoa học về {t} thu hút {m} tham luận của cán bộ, giảng viên trong và ngoài trường.",
    "Đoàn cán bộ, giảng viên đi nghiên cứu thực tế tại {d} về phát triển kinh tế - xã hội.",
    "Chi bộ tổ chức sinh hoạt chuyên đề về {t}, chỉ rõ những hạn chế cần khắc phục.",
    "Đồng chí Hiệu trưởng đề nghị các khoa, phòng đổi mới phương pháp giảng dạy, gắn lý luận với thực tiễn.",
    "Học viên lớp {c} chấp hành nghiêm quy chế đào tạo, tích cực nghiên cứu tài liệu.",
    "Công tác đào tạo, bồi dưỡng cán bộ cơ sở năm {y} đạt {m}% kế hoạch đề ra.",
    "Nhà trường phối hợp với Trung tâm Chính trị {d} mở lớp bồi dưỡng đảng viên mới.",
]
PROVINCES = ["Bắc Ninh", "Gia Lai", "Trà Vinh", "Yên Bái", "Hải Phòng", "Vĩnh Long", "Đồng Tháp", "Kon Tum"]
QUERIES = ["truong chinh tri", "khai giang", '"nghien cuu thuc te"', "hội thảo", "đào tạo", "chi bo",
           "boi duong NOT khai", "giảng viên", "dang vien*", "hieu truong OR pho hieu truong"]


def article(rng: random.Random, n: int) -> dict:
    fill = {"p": rng.choice(PROVINCES), "c": rng.choice(CLASSES), "n": rng.randint(10, 99),
            "m": rng.randint(20, 150), "t": rng.choice(TOPICS), "d": rng.choice(DISTRICTS),
            "y": rng.randint(2015, 2025)}
    paras = [" ".join(rng.choice(SENTENCES).format(**fill) for _ in range(rng.randint(2, 5)))
             for _ in range(rng.randint(3, 7))]
    deg, name, role = rng.choice(PEOPLE)
    day = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"url": f"https://tct{n % 40}.example.vn/tin-tuc/bai-{n}.html",
            "title": f"{SENTENCES[n % len(SENTENCES)].format(**fill)[:90]} ({n})",
            "published_at": f"{day}T{rng.randint(6, 20):02d}:{rng.randint(0, 59):02d}:00+07:00",
            "author": name, "author_degree": deg, "author_role": role, "body": "\n\n".join(paras)}


BATCH = 10_000  # articles a bulk ingest writes per transaction (Archive.save_many)
WORKERS = max(1, (os.cpu_count() or 1) - 1)  # processes folding and hashing beside the writer


def fill(arc: Archive, n: int, rng: random.Random | None = None, workers: int = WORKERS) -> float:
    """n generated articles into the archive, BATCH at a time over up to 40 schools, their texts folded
    and hashed by `workers` processes; returns the seconds spent ingesting them (the time to
    generate them is not counted)."""
    rng = rng or random.Random(42)
    spent = 0.0
    for first in range(0, n, BATCH):
        batch = [article(rng, i) for i in range(first, min(n, first + BATCH))]
        start = time.perf_counter()
        arc.save_many(batch, site=f"s{first // BATCH % 40}", workers=workers)
        spent += time.perf_counter() - start
    return spent


def empty_archive(db: Path | None, name: str) -> tuple[Archive, Path, tempfile.TemporaryDirectory]:
    """The archive to build at `db` (a temporary one when None); it must hold no article yet.
    The temporary folder is returned to keep it alive as long as the archive is used."""
    tmp = tempfile.TemporaryDirectory()
    db = db or Path(tmp.name) / name
    arc = Archive(db)
    if arc.db.execute("SELECT count(*) FROM articles").fetchone()[0]:
        sys.exit(f"{db} already holds articles: give a new --db (the figures need an empty one)")
    return arc, db, tmp


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--workers", type=int, default=WORKERS,
                    help=f"processes folding and hashing texts beside the writer [{WORKERS}; 0: none]")
    args = ap.parse_args()
    arc, db, _tmp = empty_archive(args.db, "bench.db")
    ingest = fill(arc, args.articles, workers=args.workers)
    print(f"articles: {args.articles}   database: {db.stat().st_size / 2**20:.0f} MiB")
    print(f"ingest          {args.articles / ingest:10.0f} articles/s   (peak RSS {peak_mib():.0f} MiB;"
          f" {BATCH:,} a transaction, {args.workers} folding processes)")

    for order in ("relevance", "newest"):
        lat = []
        for q in QUERIES * 5:
            t = time.perf_counter()
            search(arc, q, ArticleFilter(), limit=20, order=order)
            lat.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        filt = ArticleFilter(since="2020-01-01", until="2022-12-31", author="nguyen")
        search(arc, "dao tao", filt, limit=20, order=order)
        filtered = (time.perf_counter() - t) * 1000
        lat.sort()
        p95 = lat[int(0.95 * len(lat)) - 1]
        print(f"search {order:<9} p50 {statistics.median(lat):6.1f} ms   p95 {p95:6.1f} ms"
              f"   (with date+author filters: {filtered:.1f} ms)")
    # The first page of the best-match order is today's: with prefix words asked as FTS5 prefixes
    # (archive.search.expand_prefixes switched off) the same 20 articles come back, in order.
    import archive.search as search_module

    expanded = {q: [h["url"] for h in search(arc, q, limit=20)] for q in QUERIES}
    real = search_module.expand_prefixes
    search_module.expand_prefixes = lambda _arc, fts: fts
    try:
        plain = {q: [h["url"] for h in search(arc, q, limit=20)] for q in QUERIES}
    finally:
        search_module.expand_prefixes = real
    same = sum(expanded[q] == plain[q] for q in QUERIES)
    print(f"first pages     {same} of {len(QUERIES)} queries give the same 20 articles as FTS5 prefixes do")
    t = time.perf_counter()
    arc.db.execute("SELECT id FROM articles WHERE body LIKE '%khai giảng%' LIMIT 20").fetchall()
    arc.db.execute("SELECT count(*) FROM articles WHERE body LIKE '%khai giảng%'").fetchone()
    like_ms = (time.perf_counter() - t) * 1000
    print(f"LIKE scan       {like_ms:6.1f} ms for the same words (exact, no folding)")

    with open(os.devnull, "w", encoding="utf-8") as sink:
        for fmt in FORMATS:
            t = time.perf_counter()
            n = export(arc, sink, fmt)
            rate = n / (time.perf_counter() - t)
            print(f"export {fmt:<6}   {rate:10.0f} rows/s   (peak RSS {peak_mib():.0f} MiB)")
    arc.close()  # which also stops the ingest's text-folding workers
    print(f"text-folding workers of the ingest: peak RSS {peak_mib(resource.RUSAGE_CHILDREN):.0f} MiB")


if __name__ == "__main__":
    main()
