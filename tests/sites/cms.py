"""Mock school sites in four CMS styles, with the noise real sites have, for crawl tests.

Each style has its own article URLs, listing pagination, print views, duplicate links, external
links, non-article pages and a trap (calendar or query permutations). Article texts come from the
sample site's generator, so expected fields are known exactly.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 5
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


@dataclass
class Style:
    name: str
    article_path: Callable[[DemoArticle], str]
    listing_path: Callable[[int], str]  # page number -> path (page 1 first)
    print_path: Callable[[DemoArticle], str]
    alias_path: Callable[[DemoArticle], str]  # another address of the same article
    date_line: Callable[[DemoArticle], str]
    trap: Callable[[int], str]  # n -> path of the n-th page of an endless trap


def _wp_path(a):
    return f"/{a.published:%Y/%m/%d}/{a.slug}/"


STYLES = {
    "wordpress": Style(
        "wordpress", _wp_path,
        lambda p: "/category/tin-tuc/" if p == 1 else f"/category/tin-tuc/page/{p}/",
        lambda a: _wp_path(a) + "?print=1", lambda a: f"/?p={a.id}",
        lambda a: f"{a.published.day} Tháng {a.published.month}, {a.published.year} lúc "
                  f"{a.published:%H:%M}",
        lambda n: f"/{2020 + n // 12}/{n % 12 + 1:02d}/"),
    "joomla": Style(
        "joomla", lambda a: f"/index.php/tin-tuc/{a.id}-{a.slug}",
        lambda p: "/index.php/tin-tuc" if p == 1 else f"/index.php/tin-tuc?start={(p - 1) * PER_PAGE}",
        lambda a: f"/index.php/tin-tuc/{a.id}-{a.slug}?tmpl=component&print=1",
        lambda a: f"/index.php?option=com_content&view=article&id={a.id}&utm_source=zalo",
        lambda a: f"Được đăng: {WEEKDAYS[a.published.weekday()]}, {a.published:%d} Tháng "
                  f"{a.published.month} {a.published:%Y %H:%M}",
        lambda n: f"/index.php/lich?month={n % 12 + 1}&year={2020 + n // 12}"),
    "aspnet": Style(
        "aspnet", lambda a: f"/Default.aspx?tin_id={a.id}&phan_tin_id=7",
        lambda p: "/Default.aspx?phan_tin_id=7" if p == 1 else
        f"/Default.aspx?phan_tin_id=7&PageIndex={p}",
        lambda a: f"/Default.aspx?tin_id={a.id}&phan_tin_id=7&Print=1",
        lambda a: f"/Default.aspx?phan_tin_id=7&tin_id={a.id}&fbclid=IwAR0x",
        lambda a: f"Ngày đăng: {a.published:%d/%m/%Y %H:%M}",
        lambda n: f"/Default.aspx?phan_tin_id=7&sort={n}&order=desc&view={n % 3}"),
    "trang": Style(
        "trang", lambda a: f"/tin-tuc/{a.slug}-{a.id}.html",
        lambda p: "/tin-tuc.html" if p == 1 else f"/tin-tuc/trang-{p}.html",
        lambda a: f"/tin-tuc/in-bai/{a.slug}-{a.id}.html",
        lambda a: f"/tin-tuc/{a.slug}-{a.id}.html#binh-luan",
        lambda a: f"{WEEKDAYS[a.published.weekday()]}, {a.published:%d/%m/%Y} | {a.published:%H:%M}",
        lambda n: f"/lich-cong-tac-tuan-{n}.html"),
}


def _frame(style: Style, title: str, main: str, latest: list[DemoArticle]) -> bytes:
    side = "".join(f'<li><a href="{style.article_path(a)}">{escape(a.title)}</a></li>'
                   for a in latest[:4])
    # Month archive links ("Tháng 1/2023") and a visit counter ("Hôm qua : 2410"): dates that
    # are not dates.
    archive = "".join(f'<li><a href="{style.listing_path(1)}">Tháng {m}/2023</a></li>' for m in (1, 2, 3))
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>
</head><body><div class="top"><span class="today">Hôm nay: Thứ Tư, 26/11/2025</span>
<a href="https://www.facebook.com/truongchinhtri">Facebook</a> <a href="https://hcma.vn">Học viện</a></div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="{style.listing_path(1)}">Tin tức</a></li>
<li><a href="/gioi-thieu.html">Giới thiệu</a></li><li><a href="/lien-he.html">Liên hệ</a></li>
<li><a href="/thu-vien-anh.html">Thư viện ảnh</a></li><li><a href="/van-ban.html">Văn bản</a></li>
<li><a href="/files/ke-hoach-2024.pdf">Kế hoạch 2024 (PDF)</a></li>
<li><a href="mailto:tct@example.vn">Email</a></li></ul>
<div class="main">{main}</div>
<div class="side"><h3>Tin mới</h3><ul>{side}</ul>
<div class="calendar"><a href="{style.trap(0)}">Lịch</a></div>
<p>Lượt truy cập: 123.456</p><p>Hôm qua : 2410</p>
<h3>Lưu trữ</h3><ul class="archive">{archive}</ul></div>
<div class="footer">Trường Chính trị tỉnh Mẫu - Địa chỉ: số 1 đường Lê Lợi</div></body></html>""".encode()


def _article(style: Style, a: DemoArticle, latest: list[DemoArticle]) -> bytes:
    deg, name, role = a.person if a.person else (None, None, None)
    who = f"{deg} {name}" if deg else (name or "")
    credit = ""
    if a.person:
        credit = f'<p align="right"><b>{escape(who)}</b></p>' + (f"<p align=right>{escape(role)}</p>"
                                                                   if role else "")
    rows = a.table_rows_html()
    table = f"<table border=1>{rows}</table>" if rows else ""
    body = (f"<p>{escape(a.paragraphs[0])}</p><p>{escape(a.paragraphs[1])}</p>{table}"
            + "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs[2:]) + credit)
    main = (f'<h1 class="title">{escape(a.title)}</h1><div class="date">{style.date_line(a)}</div>'
            f'<div class="tools"><a href="{style.print_path(a)}">In bài</a> '
            f'<a href="{style.alias_path(a)}">Đường dẫn</a>'
            + "".join(f'<a href="{escape(t)}">Công cụ</a>' for t in tool_links(a)) + "</div>"
            f'<div class="content">{body}</div>')
    return _frame(style, a.title, main, latest)


def tool_links(a: DemoArticle) -> list[str]:
    """The icons under an article, in the shapes CMSs print them (none is ever a page to read)."""
    return [f"/component/mailto/?tmpl=component&template=cassiopeia&link=dGN0LXtpZH0{a.id}",
            f"/index.php?option=com_mailto&tmpl=component&link=aHR0cA{a.id}",
            f"/news/sendmail/tin-tuc/{a.slug}-{a.id}.html", f"/?p={a.id}&share=facebook&nb=1",
            f"/tabid/57/ctl/Login/Default.aspx?returnurl=%2ftin-{a.id}", f"/seek/?q={a.slug[:12]}",
            f"/web/guest/tin?p_p_id=101_INSTANCE_x&p_p_state=pop_up&_101_viewMode=print&id={a.id}"]


def _listing(style: Style, items: list[DemoArticle], page: int, pages: int, latest,
             next_only: bool = False) -> bytes:
    lis = "".join(f'<div class="item"><h3><a href="{style.article_path(a)}">{escape(a.title)}</a></h3>'
                  f"<span>{a.published:%d/%m/%Y}</span><p>{escape(a.paragraphs[0][:120])}…</p></div>"
                  for a in items)
    nav = "" if next_only else " ".join(
        f'<a href="{style.listing_path(p)}">{p}</a>' for p in range(1, pages + 1) if p != page)
    if page < pages:
        nav += f' <a href="{style.listing_path(page + 1)}">Trang sau</a>'
    return _frame(style, "Tin tức", f'<h2>Tin tức</h2>{lis}<div class="pager">{nav}</div>', latest)


def build_site(style_name: str, count: int = 23, next_only: bool = False,
               ) -> tuple[RouteTable, list[DemoArticle]]:
    """The site as a route table; next_only: listings link only their next page (a long chain)."""
    style = STYLES[style_name]
    arts = build_articles(count, seed=7)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for a in arts:
        page = Route(_article(style, a, newest))
        routes[style.article_path(a)] = page
        routes[style.print_path(a)] = page
        routes[style.alias_path(a).split("#")[0]] = page
    pages = -(-len(newest) // PER_PAGE)
    for p in range(1, pages + 1):
        routes[style.listing_path(p)] = Route(_listing(style, newest[(p - 1) * PER_PAGE:p * PER_PAGE], p,
                                                       pages, newest, next_only))
    routes["/"] = Route(_listing(style, newest[:PER_PAGE], 1, 1, newest))
    static = "<h2>{0}</h2><p>Trang {0} của Trường Chính trị tỉnh Mẫu, nơi đào tạo, bồi dưỡng cán bộ.</p>"
    for path, name in (("/gioi-thieu.html", "Giới thiệu"), ("/lien-he.html", "Liên hệ"),
                       ("/thu-vien-anh.html", "Thư viện ảnh")):
        routes[path] = Route(_frame(style, name, static.format(name), newest))
    docs = "".join(f"<tr><td>{i}</td><td>Văn bản số {i}</td><td>0{i}/01/2024</td>"
                   f'<td><a href="/files/vb-{i}.pdf">Tải về</a></td></tr>' for i in range(1, 6))
    routes["/van-ban.html"] = Route(_frame(style, "Văn bản", f"<h2>Văn bản</h2><table>{docs}</table>",
                                           newest))
    routes["/files/ke-hoach-2024.pdf"] = Route(b"%PDF-1.4 not html", content_type="application/pdf")
    for n in range(60):  # an endless calendar / permutation trap (each page links the next)
        nxt = f'<h2>Lịch tháng</h2><a href="{style.trap(n + 1)}">Tháng sau</a>'
        routes[style.trap(n)] = Route(_frame(style, "Lịch", nxt, newest))
    return routes, arts
