"""A mock school site (Sông Hồng), kept out of the tuning loop until its first measurement (0 of 20
articles archived), now tuned; measured by benchmarks/crawl_accuracy.py.

A query-string portal: every page is `/?page=…`. The home page shows featured headlines over
their photos and a box of notices with dates; category listings page with "Trang 2" and ">>"
links; articles print their date as "Cập nhật lúc 08:30 ngày 15/03/2024" and their credit right-
aligned in bold at the end, some with a unit on the next line, some signed by a unit alone (no
author); a weekly schedule table, a photo album of captions, a documents list and a contact page.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle
from tct.demo.content import build_articles as _build
from tct.demo.server import Route, RouteTable

PER_PAGE = 6


def article_path(a: DemoArticle) -> str:
    return f"/?page=news_detail&id={a.id}&cat={a.category}"


def _listing_path(cat: str, page: int) -> str:
    return f"/?page=news_list&cat={cat}" + ("" if page == 1 else f"&p={page}")


def _frame(main: str, notices: list[DemoArticle]) -> bytes:
    box = "".join(f'<li><a href="{article_path(a)}">{escape(a.title)}</a> '
                  f"<i>[{a.published:%d/%m/%Y}]</i></li>" for a in notices[:4])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>TRƯỜNG CHÍNH TRỊ TỈNH SÔNG HỒNG</title>
</head><body><table class="layout" width="100%"><tr><td colspan="3" class="top">
<img src="/images/logo.png" alt=""> <b>TRƯỜNG CHÍNH TRỊ TỈNH SÔNG HỒNG</b></td></tr>
<tr><td colspan="3" class="menu"><a href="/">Trang chủ</a> · <a href="/?page=about">Giới thiệu</a> ·
<a href="{_listing_path('tin-hoat-dong', 1)}">Tin hoạt động</a> ·
<a href="{_listing_path('nghien-cuu-trao-doi', 1)}">Nghiên cứu trao đổi</a> ·
<a href="{_listing_path('dao-tao-boi-duong', 1)}">Đào tạo bồi dưỡng</a> ·
<a href="/?page=schedule">Lịch công tác</a> · <a href="/?page=album">Thư viện ảnh</a> ·
<a href="/?page=docs">Văn bản</a> · <a href="/?page=contact">Liên hệ</a></td></tr>
<tr><td class="col-left" width="70%">{main}</td>
<td class="col-right"><div class="box"><div class="box-title">THÔNG BÁO</div><ul>{box}</ul></div>
<div class="box"><div class="box-title">THỐNG KÊ TRUY CẬP</div>Trực tuyến: 5<br>Tổng: 88.123</div></td></tr>
<tr><td colspan="3" class="bottom">Trường Chính trị tỉnh Sông Hồng. ĐT: 0226.385.1234</td></tr></table>
</body></html>""".encode()


def _credit(a: DemoArticle) -> str:
    deg, name, role = a.person if a.person else (None, None, None)
    if not name:
        return '<p style="text-align: right;"><b>Phòng Quản lý đào tạo</b></p>'  # a unit: no author
    who = f"{deg} {name}" if deg else name
    line = f'<p style="text-align: right;"><b>{escape(who)}</b></p>'
    return line + (f'<p style="text-align: right;">{escape(role)}</p>' if role else "")


def _article(a: DemoArticle, newest: list[DemoArticle]) -> bytes:
    body = a.text_html('<table border="1">')
    same = [o for o in newest if o.category == a.category and o.id != a.id][:4]
    related = "".join(f'<li><a href="{article_path(o)}">{escape(o.title)}</a> ({o.published:%d/%m/%Y})</li>'
                      for o in same)
    main = (f'<div class="news-detail"><div class="news-detail-title">{escape(a.title)}</div>'
            f'<div class="news-detail-date">Cập nhật lúc {a.published:%H:%M} '
            f"ngày {a.published:%d/%m/%Y}</div>"
            f'<div class="news-detail-content">{body}{_credit(a)}</div>'
            f'<div class="tools"><a href="{article_path(a)}&print=1">In bài viết</a></div></div>'
            f'<div class="same-cat"><b>Tin cùng chuyên mục</b><ul>{related}</ul></div>')
    return _frame(main, newest)


def _listing(items: list[DemoArticle], cat: str, page: int, pages: int, newest: list[DemoArticle]) -> bytes:
    rows = "".join(f'<div class="news-item"><a href="{article_path(a)}"><img src="/t/{a.id}.jpg" '
                   f'alt="{escape(a.title)}"></a><a class="news-item-title" href="{article_path(a)}">'
                   f'{escape(a.title)}</a><div class="news-item-date">{a.published:%d/%m/%Y}</div>'
                   f"<div>{escape(a.paragraphs[0][:140])}...</div></div>" for a in items)
    pager = " ".join(f'<a href="{_listing_path(cat, p)}">Trang {p}</a>'
                     for p in range(1, pages + 1) if p != page)
    if page < pages:
        pager += f' <a href="{_listing_path(cat, page + 1)}">&gt;&gt;</a>'
    return _frame(rows + f'<div class="paging">{pager}</div>', newest)


def build(count: int = 20) -> tuple[RouteTable, list[DemoArticle]]:
    arts = _build(count, seed=131)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for a in arts:
        routes[article_path(a)] = Route(_article(a, newest))
        routes[article_path(a) + "&print=1"] = routes[article_path(a)]
    for cat in sorted({a.category for a in arts}):
        items = [a for a in newest if a.category == cat]
        pages = -(-len(items) // PER_PAGE)
        for p in range(1, pages + 1):
            routes[_listing_path(cat, p)] = Route(_listing(items[(p - 1) * PER_PAGE:p * PER_PAGE], cat, p,
                                                           pages, newest))
    featured = "".join(f'<div class="featured"><a href="{article_path(a)}"><img src="/f/{a.id}.jpg" '
                       f'alt=""></a><h3><a href="{article_path(a)}">{escape(a.title)}</a></h3></div>'
                       for a in newest[:5])
    routes["/"] = Route(_frame(f'<div class="home">{featured}</div>', newest))
    about = ("Trường Chính trị tỉnh Sông Hồng là cơ quan trực thuộc Tỉnh ủy, có chức năng đào tạo, bồi "
             "dưỡng lý luận chính trị cho cán bộ, đảng viên của hệ thống chính trị ở cơ sở. ") * 3
    routes["/?page=about"] = Route(_frame(f'<div class="news-detail-title">Giới thiệu chung</div>'
                                          f"<p>{about}</p><p>{about}</p>", newest))
    week = "".join(f"<tr><td>Thứ {d}</td><td>0{d}/06/2024</td><td>Lên lớp Trung cấp lý luận chính trị khóa "
                   f"{40 + d} tại hội trường A, giảng viên Khoa Xây dựng Đảng</td></tr>" for d in range(2, 7))
    routes["/?page=schedule"] = Route(_frame(f'<div class="news-detail-title">Lịch công tác tuần 23 năm 2024'
                                             f'</div><table border="1">{week}</table>', newest))
    shots = "".join(f'<div class="photo"><img src="/album/{i}.jpg" alt=""><div class="caption">Ảnh {i}: '
                    f"Quang cảnh lễ khai giảng lớp bồi dưỡng cán bộ khóa {30 + i}</div></div>"
                    for i in range(8))
    album = f'<div class="news-detail-title">Thư viện ảnh</div>{shots}'
    routes["/?page=album"] = Route(_frame(album, newest))
    docs = "".join(f"<tr><td>{i}/QĐ-TCT</td><td>Quyết định số {i} về công tác đào tạo</td>"
                   f'<td>1{i}/01/2024</td><td><a href="/files/qd-{i}.pdf">Tải về</a></td></tr>'
                   for i in range(1, 8))
    routes["/?page=docs"] = Route(_frame(f'<table border="1">{docs}</table>', newest))
    routes["/?page=contact"] = Route(_frame("<p>Địa chỉ: số 9 đường Trần Hưng Đạo, thành phố Sông Hồng. "
                                            "Điện thoại: 0226.385.1234</p>", newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    """A credit that names only a unit gives no author (the contract's convention)."""
    return a.truth()
