"""Near-copies found in a large archive: recall on planted copies, links nobody planted, time.

    python benchmarks/nearcopy_bench.py [--articles 1000000] [--planted 0.01] [--db PATH]

Builds an archive of --articles articles of varied text (a vocabulary of Vietnamese syllables,
figures: dates, class numbers, counts) over 40 schools, with a share of them planted as near-copies
of an earlier article on another school's site, the three ways they occur: a republished story
with a first line of its own, the same article with other photo captions, a corrected re-post.
Beside them, reports of different events in the same set phrases (other figures) that must not
be linked. Then it links the whole archive once (`tct near-copies`) and prints the time, the
recall on the planted copies, the links nobody planted, the lowest similarity of any link, and
the time per article of an incremental pass over a crawl's worth of new articles.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import nearcopies  # noqa: E402
from archive.store import Archive  # noqa: E402
from benchmarks.archive_bench import empty_archive  # noqa: E402

_VOCABULARY = """
cán bộ đảng viên học viên giảng viên lớp khóa đào tạo bồi dưỡng lý luận chính trị trường
tỉnh huyện xã phường hội nghị tổng kết triển khai nhiệm vụ năm học chi bộ sinh hoạt
chuyên đề nghiên cứu thực tế kinh tế xã hội văn hóa giáo dục y tế quốc phòng an ninh
chuyển đổi số cải cách hành chính phát triển bền vững nông thôn mới đô thị công nghiệp
dịch vụ du lịch thanh niên phụ nữ cựu chiến binh nông dân công đoàn mặt trận tổ quốc dân
vận tuyên giáo kiểm tra giám sát kỷ luật tổ chức nhân sự quy hoạch luân chuyển đánh giá
xếp loại thi đua khen thưởng phong trào hoạt động tích cực hiệu quả chất lượng đổi mới
phương pháp nội dung chương trình tài liệu giáo trình thư viện số hóa ứng dụng công nghệ
thông tin mạng lưới cơ sở dữ liệu báo cáo tham luận ý kiến thảo luận kết luận chỉ đạo
điều hành phối hợp thống nhất
"""
SYLLABLES = _VOCABULARY.split()
SITES = 40
EVENT_PHRASE = ("Sáng ngày {d}/{m}/{y}, nhà trường tổ chức lễ khai giảng lớp bồi dưỡng khóa {k} cho {n} "
                "học viên là cán bộ, công chức cơ sở của tỉnh.")


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(SYLLABLES, k=n))


def article_text(rng: random.Random) -> str:
    figures = (f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2015, 2025)}, "
               f"có {rng.randint(20, 400)} đại biểu và {rng.randint(2, 60)} tham luận.")
    paras = [figures] + [words(rng, rng.randint(35, 70)) + "." for _ in range(rng.randint(3, 6))]
    return "\n\n".join(paras)


def plant(rng: random.Random, body: str, way: int) -> str:
    paras = body.split("\n\n")
    if way == 0:  # republished: a first line of its own (and a dateline), the lead moved down
        return "\n\n".join(["(BTT) - " + words(rng, 25) + ".", *paras[1:], paras[0]])
    if way == 1:  # the same article with other photo captions
        return "\n\n".join([*paras[:2], "Ảnh: " + words(rng, 12) + ".", *paras[2:], "Ảnh: " + words(rng, 10)])
    ws = body.split(" ")  # a corrected re-post: a few words changed
    for i in rng.sample(range(20, len(ws)), 3):
        ws[i] = rng.choice(SYLLABLES)
    return " ".join(ws)


def day(rng: random.Random) -> str:
    return f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T08:00:00+07:00"


def record(n: int, body: str, published: str) -> dict:
    return {"url": f"https://tct{n % SITES}.example.vn/tin/{n}.html", "title": f"Tin số {n}",
            "published_at": published, "author": None, "author_degree": None, "author_role": None,
            "body": body}


def build(arc: Archive, n: int, share: float, rng: random.Random, start: int = 0) -> tuple[dict, list]:
    """n articles from id `start`; returns {copy url: original url} and the look-alike pairs."""
    planted: dict[str, str] = {}
    lookalikes: list[tuple[str, str]] = []
    recent: list[tuple[str, str, str]] = []  # (url, body, published) of some earlier articles
    batch: list[dict] = []
    site_of = {}
    for i in range(start, start + n):
        roll = rng.random()
        if recent and roll < share:
            url, body, published = rng.choice(recent)
            rec = record(i, plant(rng, body, rng.randrange(3)), day(rng))
            planted[rec["url"]] = url
        elif recent and roll < share * 1.5:  # another event in the same set phrases
            first = EVENT_PHRASE.format(d=rng.randint(1, 28), m=rng.randint(1, 12), y=rng.randint(2015, 2025),
                                        k=rng.randint(10, 99), n=rng.randint(20, 150))
            url, body, published = rng.choice(recent)
            rec = record(i, "\n\n".join([first, *body.split("\n\n")[1:]]), day(rng))
            lookalikes.append((rec["url"], url))
        else:
            rec = record(i, article_text(rng), day(rng))
            if rng.random() < 0.05:
                recent.append((rec["url"], rec["body"], rec["published_at"]))
                recent = recent[-500:]
        site_of[rec["url"]] = f"s{i % SITES}"
        batch.append(rec)
        if len(batch) == 1000:
            _save(arc, batch)
            batch = []
    if batch:
        _save(arc, batch)
    return planted, lookalikes


def _save(arc: Archive, batch: list[dict]) -> None:
    by_site: dict[str, list[dict]] = {}
    for rec in batch:
        by_site.setdefault(rec["url"].split("/")[2], []).append(rec)
    with arc.transaction():
        for host, recs in by_site.items():
            arc.save_many(recs, site=host.split(".")[0])


def score(arc: Archive, planted: dict, lookalikes: list) -> tuple[float, int, float, int]:
    """Recall on planted pairs, links nobody planted, the lowest link similarity, look-alikes linked."""
    ids = dict(arc.db.execute("SELECT url, id FROM articles"))
    links = {a: b for a, b in arc.db.execute(
        "SELECT id, near_duplicate_of FROM articles WHERE near_duplicate_of IS NOT NULL")}

    def together(x: int, y: int) -> bool:
        return links.get(x, x) == links.get(y, y) or links.get(x) == y or links.get(y) == x

    found = sum(together(ids[c], ids[o]) for c, o in planted.items())
    expected = set()
    for c, o in planted.items():
        expected |= {ids[c], ids[o]}
    unplanted = sum(1 for a in links if a not in expected)
    wrong = sum(together(ids[a], ids[b]) for a, b in lookalikes)
    low = arc.db.execute("SELECT min(near_similarity) FROM articles").fetchone()[0]
    return found / max(1, len(planted)), unplanted, low or 0.0, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--planted", type=float, default=0.01, help="share of articles planted as copies")
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    arc, _db, _tmp = empty_archive(args.db, "near.db")
    rng = random.Random(11)
    t = time.perf_counter()
    planted, lookalikes = build(arc, args.articles, args.planted, rng)
    print(f"built {args.articles} articles ({len(planted)} planted copies, {len(lookalikes)} look-alikes of "
          f"another event) in {time.perf_counter() - t:.0f} s")
    t = time.perf_counter()
    out = nearcopies.link_pending(arc)
    took = time.perf_counter() - t
    recall, unplanted, low, wrong = score(arc, planted, lookalikes)
    print(f"full pass        {took:8.1f} s  ({out.checked / took:,.0f} articles/s)   recall {recall:.1%}   "
          f"links nobody planted {unplanted}   look-alikes linked {wrong}   lowest similarity {low:.3f}")
    more = 2000
    new_planted, new_look = build(arc, more, args.planted * 5, rng, start=args.articles)
    t = time.perf_counter()
    out = nearcopies.link_pending(arc)
    took = time.perf_counter() - t
    recall, unplanted, low, wrong = score(arc, {**planted, **new_planted}, lookalikes + new_look)
    print(f"incremental      {out.checked} new articles in {took:.2f} s = {1000 * took / out.checked:.2f} ms "
          f"an article   recall now {recall:.1%}   look-alikes linked {wrong}")
    print(f"threshold: shingle Jaccard >= {nearcopies.THRESHOLD}, figures {nearcopies.FIGURES_MIN:.0%} "
          f"inside; near_bands rows: {arc.db.execute('SELECT count(*) FROM near_bands').fetchone()[0]:,}")
    arc.close()


if __name__ == "__main__":
    main()
