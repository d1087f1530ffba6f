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
