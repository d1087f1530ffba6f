"""Web archives in and out: `tct import` records per second and `tct export --format warc` MB/s.

    python benchmarks/warc_bench.py [--pages 2000]

Builds a WARC of the sample site's article pages (as many as asked, each a response record with
its request, as a crawler writes them), imports it into a fresh archive, exports that archive as
WARC, and prints both rates in one run (targets: import 300 HTML records/s, export 20 MB/s).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import zlib
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.store import Archive  # noqa: E402
from archive.warc import export_warc  # noqa: E402
from crawler.registry import load_registry  # noqa: E402
from crawler.warc_import import Importer  # noqa: E402
from tct.demo.site import build_routes  # noqa: E402

HOST = "http://truongchinhtri.example.gov.vn"


def write_warc(path: Path, pages: int, page_kb: int = 40) -> int:
    """A WARC of `pages` article pages (the sample site's, under distinct addresses), each
    brought to about `page_kb` KiB with the scripts and menus real pages carry (school sites'
    article pages weigh 30-80 KiB)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    routes, articles = build_routes(count=36, base_url=HOST)
    bodies = [routes[a.path].body for a in articles]
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(pages):
            a = articles[i % len(articles)]
            url = f"{HOST}{a.path[:-5]}-{i}.html"
            body = bodies[i % len(bodies)].replace(a.title.encode(), f"{a.title} {i}".encode())
            body = body.replace(b"</p>", f" (Tin số {i}.)</p>".encode())  # a text of its own
            body = body.replace(a.path.encode(), url[len(HOST):].encode())  # and its own address
            pad = max(0, page_kb * 1024 - len(body))
            script = (f"<script>var tct_{i} = " + "{'menu': ['Trang chủ', 'Giới thiệu', 'Tin tức']} ;"
                      * (pad // 60 + 1))[:pad] + "</script>"
            body = body.replace(b"</head>", script.encode() + b"</head>", 1)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body),
                                                          length=len(body), http_headers=http))
    return pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--page-kb", type=int, default=40, help="size each page is brought to")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "in.warc.gz"
        write_warc(warc, args.pages, args.page_kb)
        arc = Archive(Path(tmp) / "a.db")
        start = time.perf_counter()
        for workers in (0, os.cpu_count() or 1):  # one process; a worker per core beside it
            if workers:
                arc.close()
                (Path(tmp) / "a.db").unlink()
                arc = Archive(Path(tmp) / "a.db")
            start = time.perf_counter()
            report = Importer(arc, list(load_registry().values()), workers=workers).run([warc])
            took = time.perf_counter() - start
            print(f"import ({workers} workers): {report.pages} HTML records in {took:.1f} s = "
                  f"{report.pages / took:.0f} records/s ({sum(report.outcomes.values())} articles stored; "
                  "target 300/s)")
        out = Path(tmp) / "out.warc.gz"
        start = time.perf_counter()
        with open(out, "wb") as fh:
            n = export_warc(arc, fh)
        took = time.perf_counter() - start
        size = out.stat().st_size / 1e6
        pages = sum(len(zlib.decompress(r[0])) for r in arc.db.execute("SELECT html_zlib FROM pages")) / 1e6
        print(f"export: {n} articles, {pages:.0f} MB of pages in {took:.2f} s = {pages / took:.0f} MB/s of "
              f"pages archived (target 20 MB/s); the gzipped WARC is {size:.1f} MB, {size / took:.1f} MB/s "
              "written")
        arc.close()


if __name__ == "__main__":
    main()
