"""Fuzz the extractor with mutated pages: no exception may escape `extract()`, no page may take
over a second.

    python benchmarks/fuzz_extract.py [--cases 10000] [--seed 1] [--budget 1.0]

Mutations of the project's own pages (tests/pages, tests/pages-kept-out): truncation at a random
byte, deep nesting inserted, random byte flips, a huge attribute, a random declared charset,
hostile lines (menus ending in separators, long runs of digits and spaces, control characters),
pages joined together, and one block (a box heading between paragraphs, a news card, a listed
item) repeated thousands of times. Prints the number of cases, exceptions, the slowest cases, and exits
1 when a rule is broken.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.classify import classify  # noqa: E402
from crawler.parser import extract  # noqa: E402

CHARSETS = ("utf-8", "windows-1258", "iso-8859-1", "utf-16", "shift_jis", "koi8-r", "x-unknown", "")
HOSTILE = ("Trang chủ | " * 40 + "|", "1/" * 2000, " " * 5000, "\x1b[31m\x07" * 50, "(" * 3000,
           "<div>" * 2500, "</p>" * 3000, "&#" * 2000, "Ngày đăng: " * 300, "ThS. " * 500, "\ufffd" * 2000)


# Blocks repeated thousands of times: each rule that looks ahead or up from a line must not read
# the whole page again for every copy (a box heading between paragraphs, a news card, an item).
REPEATED = (
    "<p>Đoạn văn: nhà trường đổi mới nội dung, chương trình đào tạo theo hướng thiết thực.</p>"
    "<p>Đoạn tiếp: các khoa rà soát, điều chỉnh nội dung bài giảng cho phù hợp.</p><h3>Tin liên quan</h3>",
    "<p>Đoạn văn: nhà trường đổi mới nội dung, chương trình đào tạo theo hướng thiết thực.</p><div><a "
    "href='/tin/1.html'>Đoàn công tác của nhà trường thăm và làm việc tại huyện</a></div><p>Sáng 5/3, "
    "đoàn công tác của nhà trường đã đến thăm và làm việc tại huyện miền núi.</p>",
    "<li><a href='/tin/2.html'>Hội nghị sơ kết công tác đào tạo quý 1 năm 2023 tại cơ sở</a><p>Sáng "
    "ngày 01/5, nhà trường tổ chức hội nghị sơ kết công tác...</p></li>",
    "<p>© Bản quyền thuộc Trường Chính trị tỉnh</p><p>Đoạn văn: nhà trường đổi mới nội dung, chương "
    "trình đào tạo theo hướng thiết thực.</p>",
    "<div class='stretched'><a href='/tin/3.html' class='absolute inset-0'></a><h3>Hội nghị sơ kết "
    "công tác đào tạo</h3></div><figure><img src='/a.jpg'><span>Ảnh: Phòng Đào tạo</span></figure>",
)


def mutations(rng: random.Random, page: bytes, others: list[bytes]) -> bytes:
    kind = rng.randrange(9)
    if kind == 0:  # truncated
        return page[:rng.randrange(len(page) + 1)]
    if kind == 1:  # deep nesting inserted
        at = rng.randrange(len(page) + 1)
        depth = rng.choice((300, 2100, 5000))
        return page[:at] + b"<div>" * depth + page[at:] + b"</div>" * rng.randrange(depth)
    if kind == 2:  # byte flips
        data = bytearray(page)
        for _ in range(rng.randrange(1, 200)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == 3:  # a huge attribute
        at = page.find(b"<body")
        return page[:at + 5] + b' class="' + b"x " * rng.randrange(10_000, 200_000) + b'"' + page[at + 5:]
    if kind == 4:  # a random declared charset
        return b'<meta charset="' + rng.choice(CHARSETS).encode() + b'">' + page
    if kind == 5:  # hostile lines in random places
        data = page
        for _ in range(rng.randrange(1, 4)):
            at = rng.randrange(len(data) + 1)
            data = data[:at] + b"<p>" + rng.choice(HOSTILE).encode() + b"</p>" + data[at:]
        return data
    if kind == 6:  # two pages joined
        return page + rng.choice(others)
    if kind == 7:  # one block repeated thousands of times
        at = rng.randrange(len(page) + 1)
        return page[:at] + rng.choice(REPEATED).encode() * rng.randrange(1000, 4000) + page[at:]
    return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 4000)))  # noise


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=float, default=1.0, help="seconds a page may take")
    args = ap.parse_args()
    folders = [ROOT / "tests" / "pages", ROOT / "tests" / "pages-kept-out"]
    pages = [p.read_bytes() for d in folders for p in sorted(d.glob("*.html"))]
    rng = random.Random(args.seed)
    errors: list[str] = []
    slowest: list[tuple[float, int]] = []
    started = time.perf_counter()
    for case in range(args.cases):
        data = mutations(rng, rng.choice(pages), pages)
        t = time.perf_counter()
        try:
            art = extract(data, f"http://fuzz.example.vn/{case}.html")
            classify(art, f"http://fuzz.example.vn/{case}.html")
        except Exception as exc:  # noqa: BLE001 - counting what escapes is the point
            errors.append(f"case {case}: {exc!r}")
        slowest = sorted([*slowest, (time.perf_counter() - t, case)], reverse=True)[:5]
        if case and case % 1000 == 0:
            print(f"  {case} cases, {len(errors)} exceptions, slowest {slowest[0][0]:.3f} s", file=sys.stderr)
    took = time.perf_counter() - started
    print(f"cases: {args.cases} in {took:.1f} s ({args.cases / took:.0f}/s); exceptions: {len(errors)}")
    print("slowest: " + ", ".join(f"case {c} {s:.3f} s" for s, c in slowest))
    for e in errors[:10]:
        print("  " + e)
    over = [c for s, c in slowest if s > args.budget]
    if errors or over:
        print(f"FAILED: {len(errors)} exceptions, {len(over)} of the slowest over {args.budget} s")
        sys.exit(1)
    print(f"ok: no exception, no page over {args.budget} s")


if __name__ == "__main__":
    main()
