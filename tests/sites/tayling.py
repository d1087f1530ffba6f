"""A mock school site (Tây Lĩnh) first kept out of the tuning loop, now tuned: a slider of
featured articles on the home page, category listings with "Trang sau"/"»" pagers, keyword pages
of one item, a history page and an organisation chart reached from the menu, a documents table,
and articles whose credit stands above the text, with a sidebar of same-category news and a list
of other news with teasers below. Measured by benchmarks/crawl_accuracy.py."""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 5


def article_path(a: DemoArticle) -> str:
    return f"/{a.category}/{a.slug}-{a.id}.html"


def _listing_path(cat: str, page: int) -> str:
    return f"/chuyen-muc/{cat}.html" + ("" if page == 1 else f"?trang={page}")


def _frame(main: str, newest: list[DemoArticle]) -> bytes:
    same = "".join(f'<div class="n"><a href="{article_path(a)}">{escape(a.title)}</a>'
                   f'<em>{a.published:%d-%m-%Y}</em></div>' for a in newest[:5])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Trường Chính trị tỉnh Tây Lĩnh</title>
</head><body><div id="wrapper"><div id="header"><img src="/banner.jpg" alt="Trường Chính trị tỉnh Tây Lĩnh">
<p class="slogan">ĐOÀN KẾT - ĐỔI MỚI - CHẤT LƯỢNG</p></div>
<div id="nav"><a href="/">Trang chủ</a><a href="/lich-su.html">Lịch sử</a>
<a href="/co-cau-to-chuc.html">Cơ cấu tổ chức</a>
<a href="{_listing_path('tin-hoat-dong', 1)}">Tin hoạt động</a>
<a href="{_listing_path('nghien-cuu-trao-doi', 1)}">Nghiên cứu - Trao đổi</a>
<a href="{_listing_path('dao-tao-boi-duong', 1)}">Đào tạo - Bồi dưỡng</a>
<a href="/van-ban.html">Văn bản</a></div>
<div id="body"><div id="col-main">{main}</div><div id="col-side"><div class="blk">
<div class="blk-h">Tin mới</div>{same}</div><div class="blk"><div class="blk-h">Liên kết</div>
<a href="https://hcma.vn">Học viện Chính trị quốc gia Hồ Chí Minh</a></div></div></div>
<div id="footer">Bản quyền thuộc Trường Chính trị tỉnh Tây Lĩnh.
ĐT: 0211.3861.222 - Email: tct@example.vn</div>
</div></body></html>""".encode()


def _article(a: DemoArticle, newest: list[DemoArticle]) -> bytes:
    deg, name, role = a.person if a.person else (None, None, None)
    credit = ""
    if name:
        credit = f'<div class="tacgia">Tác giả: {escape((deg + " ") if deg else "")}{escape(name)}'
        credit += (f" - {escape(role)}" if role else "") + "</div>"
    body = a.text_html('<table class="tbl">')
    others = [o for o in newest if o.id != a.id][:3]
    word = a.title.split()[0].lower()
    more = "".join(f'<li><a href="{article_path(o)}">{escape(o.title)}</a>'
                   f"<p>{escape(o.paragraphs[0][:90])}...</p></li>" for o in others)
    main = (f'<div class="detail"><div class="detail-h">{escape(a.title)}</div>'
            f'<div class="detail-d">Đăng ngày {a.published:%d-%m-%Y %H:%M}</div>{credit}'
            f'<div class="detail-c">{body}</div></div><div class="kw">Từ khóa: '
            f'<a href="/tu-khoa/{word}.html">{escape(word)}</a></div>'
            f'<div class="other"><b>Các tin khác</b><ul>{more}</ul></div>')
    return _frame(main, newest)


def _items(items: list[DemoArticle]) -> str:
    return "".join(f'<div class="it"><a href="{article_path(a)}"><img src="/t/{a.id}.jpg" alt=""></a>'
                   f'<a class="it-t" href="{article_path(a)}">{escape(a.title)}</a>'
                   f'<span>{a.published:%d-%m-%Y}</span><div>{escape(a.paragraphs[0])}</div></div>'
                   for a in items)


def build(count: int = 16) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=83)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {article_path(a): Route(_article(a, newest)) for a in arts}
    slides = "".join(f'<div class="slide"><a href="{article_path(a)}"><img src="/s/{a.id}.jpg" '
                     f'alt="{escape(a.title)}"></a><h2><a href="{article_path(a)}">{escape(a.title)}</a></h2>'
                     f"<p>{escape(a.paragraphs[0])} {escape(a.paragraphs[1])}</p></div>" for a in newest[:3])
    routes["/"] = Route(_frame(f'<div class="slider">{slides}</div>', newest))
    for cat in sorted({a.category for a in arts}):
        items = [a for a in newest if a.category == cat]
        pages = -(-len(items) // PER_PAGE)
        for p in range(1, pages + 1):
            nav = ""
            if p > 1:
                nav += f'<a href="{_listing_path(cat, p - 1)}">«</a> '
            if p < pages:
                nav += (f'<a href="{_listing_path(cat, p + 1)}">Trang sau</a> '
                        f'<a href="{_listing_path(cat, pages)}">»</a>')
            routes[_listing_path(cat, p)] = Route(_frame(
                _items(items[(p - 1) * PER_PAGE:p * PER_PAGE]) + f'<div class="nav">{nav}</div>', newest))
    for a in newest:
        word = a.title.split()[0].lower()
        routes[f"/tu-khoa/{word}.html"] = Route(_frame(f"<h3>Từ khóa: {escape(word)}</h3>" + _items([a]),
                                                       newest))
    history = ("Trường được thành lập ngày 12 tháng 3 năm 1960 theo quyết định của Tỉnh ủy, tiền thân "
               "là Trường Đảng tỉnh. Qua nhiều lần chia tách, sáp nhập tỉnh, nhà trường luôn hoàn thành "
               "tốt nhiệm vụ đào tạo, bồi dưỡng cán bộ cho hệ thống chính trị cơ sở. Năm 2019, trường "
               "được công nhận đạt chuẩn mức 1 và vinh dự được nhận Huân chương Lao động hạng Nhất.")
    routes["/lich-su.html"] = Route(_frame(
        '<div class="detail"><div class="detail-h">Lịch sử hình thành và phát triển của nhà trường</div>'
        f'<div class="detail-d">Đăng ngày 05-06-2020 09:00</div><div class="detail-c"><p>{history}</p>'
        f"<p>{history}</p></div></div>", newest))
    people = "".join(f"<tr><td>{n}</td><td>Khoa {k}</td><td>Trưởng khoa</td></tr>"
                     for n, k in (("Nguyễn Văn An", "Xây dựng Đảng"), ("Lê Thị Bình", "Lý luận cơ sở")))
    routes["/co-cau-to-chuc.html"] = Route(_frame(f'<table class="tbl">{people}</table>', newest))
    docs = "".join(f'<tr><td>{i}/KH-TCT</td><td>Kế hoạch đào tạo số {i}</td><td>0{i}-02-2024</td></tr>'
                   for i in range(1, 7))
    routes["/van-ban.html"] = Route(_frame(f'<table class="tbl">{docs}</table>', newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return a.truth()
