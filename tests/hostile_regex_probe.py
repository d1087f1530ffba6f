"""Run by tests/test_hostile_input.py in a child process: every regex of the code that reads page
text, against inputs built to make a backtracking engine work hard. Prints each pattern's name
before it runs (the last line names a pattern that hangs) and the slowest call.

The parser's patterns read text lines, which the linearizer has cleaned (single spaces, NFC:
lines.clean_ws); they get the hostile inputs cleaned the same way. The archive's read what users
type and get them raw."""
from __future__ import annotations

import importlib
import re
import sys
import time

MODULES = ("crawler.parser.rules", "crawler.parser.lines", "crawler.parser.title", "crawler.parser.dates",
           "crawler.parser.published", "crawler.parser.authors", "crawler.parser.credits",
           "crawler.parser.body", "crawler.parser.signals", "crawler.parser.decode", "crawler.parser.tcvn3",
           "crawler.parser.jsonld", "crawler.parser.hrefs", "crawler.parser.second_opinion",
           "crawler.classify", "crawler.links", "crawler.urls", "crawler.feeds", "archive.search",
           "archive.store", "archive.textfold", "archive.filters")
SEPARATORS = "|>»›/-–:"
HOSTILE = (
    *(f" {sep} ".join(["Trang chủ"] * 40) + f" {sep}" for sep in SEPARATORS),
    "Hội nghị tổng kết " * 400 + "(27/12/2016",
    "Hội nghị " * 600 + "- 12/12/20",
    "1/" * 3000, "12:" * 2000, "1.2." * 1500, "1-1-" * 1500, "[1" * 2000, "(" * 3000 + "x",
    " " * 6000 + "x", "\u00a0" * 4000 + "x", "a" * 6000, "Aa " * 2500, "NGUYỄN " * 1000 + ".",
    "Tin tức - " * 600, "ThS. " * 1000, "Tác giả: " * 600, "Theo " * 1000, "./." * 2000,
    "Ngày đăng: " * 500 + "99", "tháng " * 1000 + "2024", "Thứ hai, " * 800, "http://x/" * 800,
    "&#" * 3000, "<" * 5000, "\u0301" * 3000, "đ" * 5000,
)


def main() -> None:
    from crawler.parser.lines import clean_ws

    worst = (0.0, "")
    for name in MODULES:
        mod = importlib.import_module(name)
        inputs = [clean_ws(h) for h in HOSTILE] if name.startswith("crawler.") else HOSTILE
        for attr, value in sorted(vars(mod).items()):
            if not isinstance(value, re.Pattern) or value.pattern.__class__ is not str:
                continue
            label = f"{name}.{attr}"
            print(label, flush=True)
            for text in inputs:
                for op in (value.search, value.match):
                    t = time.perf_counter()
                    op(text)
                    took = time.perf_counter() - t
                    if took > worst[0]:
                        worst = (took, label)
    print(f"slowest {worst[0]:.3f} s {worst[1]}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
