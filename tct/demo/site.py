"""Render the sample school site (NukeViet-style URLs and markup) into a route table."""
from __future__ import annotations

from datetime import datetime
from html import escape

from tct.demo.content import CATEGORIES, SCHOOL, DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 8
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
CAT_NAMES = dict(CATEGORIES)


def _stamp(when: datetime) -> str:
    return f"{WEEKDAYS[when.weekday()]} - {when:%d/%m/%Y %H:%M}"


def _page(title: str, main: str, latest: list[DemoArticle], extra_head: str = "") -> bytes:
    menu = "".join(f'<li><a href="/vi/news/{k}/">{escape(v)}</a></li>' for k, v in CATEGORIES)
    side = "".join(f'<li><a href="{a.path}">{escape(a.title)}</a></li>' for a in latest[:5])
    html = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="generator" content="NukeViet v4.4">{extra_head}
<link rel="alternate" type="application/rss+xml" title="Tin tức" href="/vi/news/rss/">
</head><body>
<div id="header"><div class="banner"><img src="/themes/default/images/banner.jpg" alt="banner">
<p class="slogan">NHIỆT LIỆT CHÀO MỪNG KỶ NIỆM 95 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM</p></div>
<div class="today">Hôm nay: Thứ năm, 26/11/2026</div>
<ul class="nav menu"><li><a href="/">Trang chủ</a></li>
<li><a href="/vi/about/gioi-thieu.html">Giới thiệu</a></li>{menu}
<li><a href="/vi/contact/">Liên hệ</a></li><li><a href="/vi/search/?q=">Tìm kiếm</a></li></ul></div>
<div class="wrap"><div class="col-main">{main}</div>
<div class="col-side"><div class="block"><h3 class="block-title">Tin mới</h3><ul>{side}</ul></div>
<div class="block"><h3 class="block-title">Thống kê truy cập</h3><p>Đang online: 12</p>
<p>Hôm nay: 345</p><p>Tổng lượt truy cập: 1.204.556</p></div></div></div>
<div id="footer"><p><strong>{SCHOOL.upper()}</strong></p>
<p>Địa chỉ: Số 5, đường Trần Phú, thành phố Hòa An. Điện thoại: 0200.3812.xxx</p>
<p>Giấy phép thiết lập trang thông tin điện tử số 12/GP-STTTT</p></div>
</body></html>"""
    return html.encode("utf-8")


def _article_main(a: DemoArticle, others: list[DemoArticle], base: str) -> str:
    deg, name, role = a.person if a.person else (None, None, None)
    who = f"{deg} {name}" if deg else (name or "")
    top = ""
    end = ""
    if a.person and not a.credit_at_end:
        top = f'<div class="author"><p><strong>{escape(who)}</strong></p>' + (
            f"<p><em>{escape(role)}</em></p>" if role else "") + "</div>"
    elif a.person:
        credit = f"Tin, ảnh: {who}" + (f" - {role}" if role else "")
        end = f'<p style="text-align:right"><strong>{escape(credit)}</strong></p>'
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    table = ""
    if a.table:
        rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in a.table)
        table = f'<table class="table" border="1"><tbody>{rows}</tbody></table>'
    figure = ('<figure class="image"><img src="/uploads/news/anh-hoat-dong.jpg" alt="anh-hoat-dong">'
              "<figcaption>Quang cảnh buổi lễ</figcaption></figure>")
    body = paras[0] + paras[1] + figure + table + "".join(paras[2:]) + end
    other = "".join(f'<li><a href="{o.path}">{escape(o.title)}</a> <span>({o.published:%d/%m/%Y})</span></li>'
                    for o in others)
    return f"""<ul class="breadcrumbs"><li><a href="/">Trang chủ</a></li>
<li><a href="/vi/news/{a.category}/">{escape(CAT_NAMES[a.category])}</a></li></ul>
<div class="news-detail"><h1 class="title">{escape(a.title)}</h1>
<div class="meta"><span class="time">{_stamp(a.published)}</span>
<a href="/vi/news/savefile/{a.category}/{a.slug}-{a.id}.html">In ra</a> | Lượt xem: 215</div>
{top}<div id="news-bodyhtml" class="bodytext">{body}</div>
<div class="share">Chia sẻ: <a href="https://facebook.com/sharer">Facebook</a> | <a href="https://zalo.me">Zalo</a></div>
<div class="other-news"><h3>Các tin khác</h3><ul>{other}</ul></div></div>"""


PAGER_WINDOW = 3


def _listing_main(heading: str, items: list[DemoArticle], page: int, pages: int, base_path: str) -> str:
    lis = "".join(
        f'<div class="item"><h3><a href="{a.path}">{escape(a.title)}</a></h3>'
        f'<span class="time">{a.published:%d/%m/%Y}</span>'
        f"<p>{escape(a.paragraphs[0][:150])}…</p></div>" for a in items)
    # Like NukeViet's pager: the first and last pages and a window around this one, not all.
    shown = sorted({1, pages, *range(max(1, page - PAGER_WINDOW), min(pages, page + PAGER_WINDOW) + 1)})
    nav = []
    for i, p in enumerate(shown):
        if i and p > shown[i - 1] + 1:
            nav.append("<span>…</span>")
        href = base_path if p == 1 else f"{base_path}page-{p}.html"
        nav.append(f"<strong>{p}</strong>" if p == page else f'<a href="{href}">{p}</a>')
    if page < pages:
        nav.append(f'<a href="{base_path}page-{page + 1}.html">Sau »</a>')
    return f'<h2 class="page-title">{escape(heading)}</h2>{lis}<div class="pagination">{" ".join(nav)}</div>'


def build_routes(count: int = 36, base_url: str = "") -> tuple[RouteTable, list[DemoArticle]]:
    """The whole site as a route table, newest article first in every listing."""
    arts = build_articles(count)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for a in arts:
        same = [o for o in newest if o.category == a.category and o.id != a.id][:3]
        head = (f'<meta property="og:title" content="{escape(a.title)}">'
                f'<link rel="canonical" href="{base_url}{a.path}">')
        main = _article_main(a, same, base_url)
        page = _page(f"{a.title} - {SCHOOL}", main, newest, head)
        routes[a.path] = Route(page)
        routes[f"/vi/news/savefile/{a.category}/{a.slug}-{a.id}.html"] = Route(page)
    for key, name in CATEGORIES:
        items = [a for a in newest if a.category == key]
        pages = max(1, -(-len(items) // PER_PAGE))
        base = f"/vi/news/{key}/"
        for p in range(1, pages + 1):
            chunk = items[(p - 1) * PER_PAGE:p * PER_PAGE]
            path = base if p == 1 else f"{base}page-{p}.html"
            main = _listing_main(name, chunk, p, pages, base)
            routes[path] = Route(_page(f"{name} - {SCHOOL}", main, newest))
    routes["/"] = Route(_page(SCHOOL, _listing_main("Tin mới nhất", newest[:8], 1, 1, "/"), newest))
    routes["/vi/about/gioi-thieu.html"] = Route(_page(
        f"Giới thiệu - {SCHOOL}",
        "<h2>Giới thiệu</h2><p>" + escape(SCHOOL) + " là cơ sở đào tạo, bồi dưỡng cán bộ lãnh đạo, quản "
        "lý của hệ thống chính trị ở cơ sở, trực thuộc Tỉnh ủy, chịu sự chỉ đạo về chuyên môn của Học "
        "viện Chính trị quốc gia Hồ Chí Minh.</p><p>Nhà trường có bốn khoa chuyên môn và ba phòng chức "
        "năng, với đội ngũ giảng viên có trình độ thạc sĩ trở lên.</p>", newest))
    routes["/vi/contact/"] = Route(_page(f"Liên hệ - {SCHOOL}", "<h2>Liên hệ</h2><p>Điện thoại: "
                                         "0200.3812.xxx</p>", newest))
    items = "".join(f"<item><title>{escape(a.title)}</title><link>{base_url}{a.path}</link></item>"
                    for a in newest[:10])
    routes["/vi/news/rss/"] = Route(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{SCHOOL}</title>'
        f"{items}</channel></rss>".encode(), content_type="application/rss+xml; charset=utf-8")
    routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /admin/\n", content_type="text/plain")
    routes["/themes/default/images/banner.jpg"] = Route(b"\xff\xd8\xff\xe0", content_type="image/jpeg")
    return routes, arts
