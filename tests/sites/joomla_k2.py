"""A mock school site (Hàm Rồng), written to be kept out of the tuning loop, measured by
benchmarks/crawl_accuracy.py, then mended by a general rule and tuned (its figures are noted
there).

A Joomla 3 site whose news runs on the K2 component: items at `/index.php/tin-tuc/item/<n>-<slug>`
with a print view (`?tmpl=component&print=1`), the item's header printing `Được đăng ngày Thứ
Hai, 14 Tháng 3 2023 08:30` and `Viết bởi admin`, a hit counter, the writer in K2's extra fields
(`Tác giả` / `Chức vụ` in a list of label and value), the text, then "Các bài viết mới hơn" and
"Các bài viết cũ hơn" lists of titles with their dates; category listings paged with
`?start=N`, tag pages under `itemlist/tag/`, a module of the latest items in the side column.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 5
SCHOOL = "Trường Chính trị tỉnh Hàm Rồng"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def article_path(a: DemoArticle) -> str:
    return f"/index.php/tin-tuc/item/{a.id}-{a.slug}"


def _listing_path(start: int) -> str:
    return "/index.php/tin-tuc" + ("" if start == 0 else f"?start={start}")


def _posted(a: DemoArticle) -> str:
    return f"{WEEKDAYS[a.published.weekday()]}, {a.published.day:02d} Tháng {a.published.month} {a.published:%Y %H:%M}"


def _frame(title: str, main: str, latest: list[DemoArticle]) -> bytes:
    mod = "".join(f'<li><a class="moduleItemTitle" href="{article_path(a)}">{escape(a.title)}</a></li>'
                  for a in latest[:5])
    return f"""<!DOCTYPE html><html lang="vi-vn"><head><meta charset="utf-8"><title>{escape(title)}</title>
</head><body class="site com_k2 view-item"><div class="container"><header class="header"><a class="brand"
href="/">{SCHOOL}</a><div class="header-search"><form action="/index.php/tim-kiem"><input name="searchword">
</form></div></header><nav class="navigation"><ul class="nav menu"><li><a href="/">Trang chủ</a></li>
<li><a href="/index.php/gioi-thieu">Giới thiệu</a></li><li><a href="{_listing_path(0)}">Tin tức</a></li>
<li><a href="/index.php/lien-he">Liên hệ</a></li></ul></nav><div class="row-fluid"><main id="content"
class="span9">{main}</main><div id="aside" class="span3"><div class="moduletable"><h3>Tin mới nhất</h3>
<ul class="k2ItemsBlock">{mod}</ul></div></div></div><footer class="footer"><p>&copy; 2024 {SCHOOL}</p>
</footer></div></body></html>""".encode()


def _item(a: DemoArticle, newer: list[DemoArticle], older: list[DemoArticle], latest) -> bytes:
    deg, name, role = a.person if a.person else (None, None, None)
    text = a.text_html()
    extra = ""
    if name:
        extra = ('<div class="itemExtraFields"><ul><li class="typeTextfield"><span class="itemExtraFieldsLabel">'
                 f'Tác giả:</span><span class="itemExtraFieldsValue">{escape(f"{deg} {name}" if deg else name)}'
                 '</span></li>' + (f'<li class="typeTextfield"><span class="itemExtraFieldsLabel">Chức vụ:</span>'
                                   f'<span class="itemExtraFieldsValue">{escape(role)}</span></li>' if role else "")
                 + "</ul></div>")

    def others(label: str, items: list[DemoArticle]) -> str:
        if not items:
            return ""
        return (f'<div class="itemRelated"><h3>{label}</h3><ul>' + "".join(
            f'<li><a href="{article_path(x)}">{escape(x.title)}</a> <span>({x.published:%d/%m/%Y})</span></li>'
            for x in items) + "</ul></div>")

    main = (f'<div id="k2Container" class="itemView"><div class="itemHeader"><span class="itemDateCreated">'
            f'Được đăng ngày {_posted(a)}</span><h2 class="itemTitle">{escape(a.title)}</h2>'
            '<span class="itemAuthor">Viết bởi <a rel="author" href="/index.php/tin-tuc/itemlist/user/42-admin">'
            f'admin</a></span></div><div class="itemToolbar"><ul><li><a href="{article_path(a)}?tmpl=component'
            f'&amp;print=1" rel="nofollow">In</a></li><li><span class="itemHits">Lượt xem {a.id % 900 + 40}'
            f'</span></li></ul></div><div class="itemBody"><div class="itemFullText">{text}</div>{extra}</div>'
            f'{others("Các bài viết mới hơn", newer)}{others("Các bài viết cũ hơn", older)}</div>')
    return _frame(a.title, main, latest)


def _items(items: list[DemoArticle]) -> str:
    return "".join(f'<div class="catItemView"><h3 class="catItemTitle"><a href="{article_path(a)}">'
                   f'{escape(a.title)}</a></h3><span class="catItemDateCreated">{_posted(a)}</span>'
                   f'<div class="catItemIntroText"><p>{escape(a.paragraphs[0])}</p></div><a class="k2ReadMore" '
                   f'href="{article_path(a)}">Xem tiếp...</a></div>' for a in items)


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=733)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        page = _item(a, newest[max(0, k - 3):k], newest[k + 1:k + 4], newest)
        routes[article_path(a)] = Route(page)
        routes[article_path(a) + "?tmpl=component&print=1"] = Route(page)
    for start in range(0, len(newest), PER_PAGE):
        nav = " ".join(f'<a href="{_listing_path(s)}">{s // PER_PAGE + 1}</a>'
                       for s in range(0, len(newest), PER_PAGE) if s != start)
        routes[_listing_path(start)] = Route(_frame("Tin tức", '<div id="k2Container" class="itemListView">'
                                                    f'{_items(newest[start:start + PER_PAGE])}</div><div '
                                                    f'class="k2Pagination">{nav}</div>', newest))
    routes["/"] = Route(_frame(SCHOOL, _items(newest[:4]), newest))
    for a in newest[:6]:
        tag = a.slug.split("-")[0]
        routes[f"/index.php/tin-tuc/itemlist/tag/{tag}"] = Route(_frame(
            f"Hiển thị các mục theo thẻ: {tag}", f"<h1>Hiển thị các mục theo thẻ: {tag}</h1>"
            + _items([x for x in newest if x.slug.startswith(tag)][:PER_PAGE]), newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return a.truth()
