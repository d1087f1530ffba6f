"""Hostile pages: no regex that reads page text may backtrack its way into minutes, and no page
may hang a crawl."""
from __future__ import annotations

import subprocess
import sys

from tests.support import ROOT

PATTERN_SECONDS = 0.5  # a linear pattern takes microseconds on these inputs; a runaway one, hours


def test_no_regex_backtracks_on_hostile_text():
    try:
        out = subprocess.run([sys.executable, str(ROOT / "tests" / "hostile_regex_probe.py")], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired as exc:
        last = (exc.stdout or b"").decode().strip().splitlines()[-1:]
        raise AssertionError(f"a pattern never finished: {last}") from None
    assert out.returncode == 0, out.stderr[-2000:]
    slowest = out.stdout.strip().splitlines()[-1]
    took = float(slowest.split()[1])
    assert took < PATTERN_SECONDS, slowest


MENU = " | ".join(["Trang chủ", "Giới thiệu", "Tin tức", "Đào tạo", "Nghiên cứu", "Văn bản", "Thư viện",
                   "Liên hệ", "Hỏi đáp", "Lịch công tác", "Tuyển sinh", "Công đoàn", "Đoàn thanh niên",
                   "Hội thảo", "Sơ đồ", "Video", "Ảnh", "Tài liệu", "Góp ý", "Đăng nhập"]) + " |"


def test_a_menu_line_ending_in_a_separator_extracts_at_once():
    """20 menu items and a trailing `|` took hours through the old breadcrumb pattern."""
    code = ("from crawler.parser import extract\n"
            f"page = '<html><body><p>{MENU}</p><h1>Hội nghị tổng kết năm học</h1><p>12/05/2024</p>"
            "<p>' + 'Nội dung hội nghị. ' * 40 + '</p></body></html>'\n"
            "print(extract(page.encode(), 'http://x.vn/a.html').title)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "Hội nghị tổng kết năm học", out.stderr[-1000:]


def test_a_very_long_headline_is_read_in_bounded_time():
    from crawler.parser import extract

    headline = "Hội nghị " * 5000 + "(27/12/2016"
    page = f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1></body></html>"
    art = extract(page.encode())
    assert art.title is None or len(art.title) <= 2000


TEXT = "Trường Chính trị tỉnh tổ chức lễ khai giảng lớp đào tạo cán bộ quản lý năm 2024 tại hội trường. "


def test_text_nested_3000_deep_is_kept():
    from crawler.parser import extract

    page = ("<html><body><h1>Hội nghị tổng kết công tác năm 2024</h1><p>12/03/2024</p>" + "<div>" * 3000
            + f"<p>{TEXT * 3}</p>" + "</div>" * 3000 + "</body></html>")
    assert TEXT.strip() in (extract(page.encode(), "http://x.vn/a.html").body or "")


def test_text_nested_3000_deep_in_mixed_tags_is_kept_by_tct_extract(tmp_path):
    """Not one tag repeated but several, as generated markup nests them: the command line too."""
    import json
    import random

    tags = random.Random(3).choices(["div", "section", "span", "b", "font"], k=3000)
    page = ("<html><body><h1>Hội nghị tổng kết công tác năm 2024</h1><p>12/03/2024</p>"
            + "".join(f"<{t} class='lop-{i % 7}'>" for i, t in enumerate(tags)) + f"<p>{TEXT * 3}</p>"
            + "".join(f"</{t}>" for t in reversed(tags)) + "</body></html>")
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tct", "extract", str(path), "--url", "http://x.vn/a.html"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert TEXT.strip() in (json.loads(out.stdout)["body"] or "")


def test_a_title_is_a_headline_never_kilobytes():
    """40 KB of date-like junk after a <br> inside the headline, and in the metadata."""
    from crawler.parser import extract
    from crawler.parser.title import MAX_HEADLINE_CHARS

    body = f"<p>12/03/2024</p><p>{TEXT * 3}</p><p>{TEXT * 2}</p>"
    for junk in ("12/03/2024" * 4000, "-".join(["14.03.2022"] * 4000), "Tin " * 10000):
        for head in (f"<h1>Hội nghị tổng kết công tác năm 2024<br>{junk}</h1>",
                     f"<div>{junk}</div>"):
            page = (f"<html><head><title>x</title><meta property='og:title' content='Hội nghị {junk}'>"
                    f"</head><body>{head}{body}</body></html>")
            art = extract(page.encode(), "http://x.vn/a.html")
            assert art.title and len(art.title) <= MAX_HEADLINE_CHARS
            if head.startswith("<h1>"):
                assert art.title == "Hội nghị tổng kết công tác năm 2024"


def test_random_bytes_are_no_page():
    import random

    from crawler.classify import is_article
    from crawler.parser import extract

    data = random.Random(7).randbytes(30000)
    art = extract(data, "http://x.vn/r.html")
    assert art.body is None and "not_text" in art.flags and not is_article(art, "http://x.vn/r.html")


def test_control_characters_never_reach_a_field():
    from crawler.parser import extract

    page = (f"<html><head><title>Tin \x1b[31mđỏ\x07</title></head><body><h1>Hội nghị \x1b]0;x\x07 tổng kết "
            f"năm học</h1><p>12/03/2024</p><p>{TEXT * 2}\x1b[2J</p><p>ThS. Lê Văn\x07 An</p></body></html>")
    rec = extract(page.encode(), "http://x.vn/c.html").to_contract()
    for value in rec.values():
        assert value is None or not any(ord(c) < 32 and c not in "\n" or 127 <= ord(c) < 160 for c in value)


def test_a_gzipped_sitemap_is_read_and_a_zip_bomb_is_not():
    import gzip

    from crawler.feeds import MAX_BYTES, feed_urls

    sitemap = b"<urlset><url><loc>http://x.vn/tin/1.html</loc></url></urlset>"
    assert feed_urls(gzip.compress(sitemap)) == ["http://x.vn/tin/1.html"]
    bomb = gzip.compress(b"<urlset>" + b" " * (MAX_BYTES + 10))
    assert feed_urls(bomb) == []


def test_a_megabyte_of_markup_signs_given_to_machines_is_read_in_linear_time(tmp_path):
    """A page gives machines an `articleBody` of a million "<": reading its tags must not try every
    "<" against every later one (hours), and the command answers."""
    import json

    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": "<p" * 500_000})
    page = (f"<html><head><script type='application/ld+json'>{ld}</script></head><body><h1>Hội nghị tổng kết "
            f"công tác năm 2024</h1><p>12/03/2024</p><p>{TEXT}</p></body></html>")
    path = tmp_path / "ld.html"
    path.write_text(page, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tct", "extract", str(path), "--url", "http://x.vn/a.html"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout)["title"] == "Hội nghị tổng kết công tác năm 2024"
