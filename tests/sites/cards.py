"""A mock school site written to be kept out of the tuning loop (Tây Đô), measured once by
benchmarks/crawl_accuracy.py before any rule looked at it (18/18 archived, 1 extra, 2/18 with
every field right), then mended by general rules: now one of the tuned layouts.

A card-based theme of the kind utility-CSS frameworks build: every listed item is a card whose
link is an empty `<a>` stretched over it (the headline itself is no link), the listing pages as
`?trang=N`, the home page opens with a hero card and a grid, articles carry a breadcrumb, the
writer linked to their page above the text and again with the role in a box under it, a photo
with its caption and credit in a `<figure>`, a related card between two paragraphs, keyword
links, a "Đọc nhiều" sidebar of cards, and "Tin cùng chuyên mục" cards after the text; tag and
writer pages list cards too.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 6
SCHOOL = "Trường Chính trị tỉnh Tây Đô"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def article_path(a: DemoArticle) -> str:
    return f"/tin-tuc/{a.slug}-{a.id}.html"


def _listing_path(page: int) -> str:
    return "/tin-tuc" + ("" if page == 1 else f"?trang={page}")


def _writer_path(a: DemoArticle) -> str:
    return "/tac-gia/" + "-".join(a.person[1].lower().split()) if a.person else "/tac-gia/ban-bien-tap"


def _stamp(a: DemoArticle) -> str:
    return f"{WEEKDAYS[a.published.weekday()]}, {a.published:%d/%m/%Y - %H:%M} (GMT+7)"


def _card(a: DemoArticle, teaser: bool = True) -> str:
    text = f'<p class="text-sm line-clamp-2">{escape(a.paragraphs[0][:140])}…</p>' if teaser else ""
    return (f'<article class="relative group"><a href="{article_path(a)}" class="absolute inset-0 z-10">'
            f'<span class="sr-only">{escape(a.title)}</span></a><div class="p-3"><span class="text-xs">'
            f'{a.published:%d/%m/%Y}</span><h3 class="font-bold">{escape(a.title)}</h3>{text}</div></article>')


def _frame(title: str, main: str, popular: list[DemoArticle]) -> bytes:
    side = "".join(_card(a, teaser=False) for a in popular[:4])
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{escape(title)} | {SCHOOL}</title><meta property="og:site_name" content="{SCHOOL}"></head>
<body class="bg-white"><div class="container mx-auto"><div class="flex items-center py-4">
<a href="/" class="text-2xl font-bold">{SCHOOL}</a></div>
<div class="flex gap-4 border-b"><a href="/">Trang chủ</a><a href="/gioi-thieu">Giới thiệu</a>
<a href="{_listing_path(1)}">Tin tức</a><a href="/van-ban">Văn bản</a><a href="/lien-he">Liên hệ</a></div>
<div class="grid grid-cols-12 gap-6"><div class="col-span-8">{main}</div>
<div class="col-span-4"><div class="font-bold uppercase">Đọc nhiều</div>{side}</div></div>
<div class="mt-8 border-t text-sm"><p>{SCHOOL}</p><p>Địa chỉ: Số 12 đường Trần Phú, phường 5, thành phố
Tây Đô. Điện thoại: 0292.3820.123</p><p>© Bản quyền thuộc {SCHOOL}</p></div></div></body></html>""".encode()


def _article(a: DemoArticle, same: list[DemoArticle], popular: list[DemoArticle]) -> bytes:
    deg, name, role = a.person if a.person else (None, None, None)
    writer = f"{deg} {name}" if deg else (name or "")
    top = (f'<a href="{_writer_path(a)}" class="font-semibold">{escape(writer)}</a> - ' if name else "")
    related = next((r for r in same if r.id != a.id), None)
    rows = a.table_rows_html()
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    figure = (f'<figure class="my-4"><img src="/anh/{a.id}.jpg" alt=""><figcaption class="text-sm">'
              f'Quang cảnh buổi lễ</figcaption><span class="text-xs">Ảnh: Phòng Đào tạo</span></figure>')
    card = (f'<div class="border-l-4 my-4">{_card(related)}</div>' if related else "")
    box = (f'<div class="mt-6 flex"><div><a href="{_writer_path(a)}" class="font-bold">{escape(writer)}</a>'
           + (f'<div class="text-sm">{escape(role)}</div>' if role else "") + "</div></div>") if name else ""
    body = (paras[0] + figure + "".join(paras[1:2]) + (f"<table>{rows}</table>" if rows else "") + card
            + "".join(paras[2:]))
    tag = a.slug.split("-")[0]
    main = (f'<div class="text-sm"><a href="/">Trang chủ</a> / <a href="{_listing_path(1)}">Tin tức</a></div>'
            f'<h1 class="text-3xl font-bold">{escape(a.title)}</h1><div class="text-sm text-gray-500">{top}'
            f'<span>{_stamp(a)}</span></div><div class="prose">{body}</div>{box}'
            f'<div class="mt-4">Từ khóa: <a href="/tag/{tag}">{escape(tag)}</a></div>'
            '<div class="mt-8 font-bold uppercase">Tin cùng chuyên mục</div>'
            + "".join(_card(r) for r in same if r.id != a.id)[:4000])
    return _frame(a.title, main, popular)


def build(count: int = 18) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=307)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    popular = sorted(arts, key=lambda a: a.id % 7)
    routes: RouteTable = {}
    for a in arts:
        same = [r for r in newest if r.category == a.category][:4]
        routes[article_path(a)] = Route(_article(a, same, popular))
    pages = -(-len(newest) // PER_PAGE)
    for p in range(1, pages + 1):
        nav = "".join(f'<a href="{_listing_path(q)}" class="px-2">{q}</a>' for q in range(1, pages + 1))
        items = "".join(_card(a) for a in newest[(p - 1) * PER_PAGE:p * PER_PAGE])
        routes[_listing_path(p)] = Route(_frame("Tin tức", f'<h1 class="text-2xl">Tin tức</h1>{items}'
                                                f'<div class="flex">{nav}</div>', popular))
    hero = newest[0]
    home = (f'<div class="relative"><a href="{article_path(hero)}" class="absolute inset-0"></a>'
            f'<img src="/anh/{hero.id}.jpg" alt=""><h2 class="text-3xl">{escape(hero.title)}</h2>'
            f'<p>{escape(hero.paragraphs[0])}</p></div><div class="grid grid-cols-3">'
            + "".join(_card(a) for a in newest[1:7]) + f'</div><a href="{_listing_path(1)}">Xem thêm</a>')
    routes["/"] = Route(_frame("Trang chủ", home, popular))
    by_tag: dict[str, list[DemoArticle]] = {}
    by_writer: dict[str, list[DemoArticle]] = {}
    for a in newest:
        by_tag.setdefault(a.slug.split("-")[0], []).append(a)
        by_writer.setdefault(_writer_path(a), []).append(a)
    for tag, items in by_tag.items():
        routes[f"/tag/{tag}"] = Route(_frame(tag, f'<h1 class="text-2xl">Từ khóa: {escape(tag)}</h1>'
                                             + "".join(_card(a) for a in items[:PER_PAGE]), popular))
    for path, items in by_writer.items():
        who = items[0].person[1] if items[0].person else "Ban biên tập"
        routes[path] = Route(_frame(who, f'<h1 class="text-2xl">{escape(who)}</h1><p>Các bài viết của tác giả'
                                    f'</p>' + "".join(_card(a) for a in items[:PER_PAGE]), popular))
    intro = (f"{SCHOOL} là cơ sở đào tạo, bồi dưỡng cán bộ, công chức của hệ thống chính trị ở địa phương, "
             "được thành lập năm 1992 trên cơ sở hợp nhất các trường của tỉnh. ")
    routes["/gioi-thieu"] = Route(_frame("Giới thiệu", f'<h1 class="text-3xl">Giới thiệu</h1><p>{intro * 2}</p>'
                                         f"<p>{intro}</p>", popular))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    """The writer with degree and role (the box under the text); the date to the minute."""
    return a.truth()
