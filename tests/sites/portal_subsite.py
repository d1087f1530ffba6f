"""A mock school site written to be kept out of the tuning loop (Bình Sơn), measured once by
benchmarks/crawl_accuracy.py before any rule looked at it (16/16 archived, 6 extra: the portal's
other office's articles), then mended: now one of the tuned layouts.

A school hosted as a subsite of its province's portal (a Liferay-style portal): its pages live
under `/web/truongchinhtri`, the crawl starts there, and every page also carries the portal's
banner and menu, a box of the province's news and a footer, which link to the portal's other
subsites (a department's articles, printed in the same template). Articles are asset-publisher
URLs; each has a print view (`?p_p_state=pop_up`) and a link back to its listing; listings page
with `?cur=N`; the writer is credited at the end as `Tác giả: X`, with the source after it.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 5
SCHOOL = "Trường Chính trị tỉnh Bình Sơn"
BASE = "/web/truongchinhtri"
START = BASE


def article_path(a: DemoArticle) -> str:
    return f"{BASE}/-/asset_publisher/tin-tuc/content/{a.slug}-{a.id}"


def _other_path(a: DemoArticle) -> str:
    return f"/web/sotuphap/-/asset_publisher/tin-tuc/content/{a.slug}-{a.id}"


def _listing_path(page: int) -> str:
    return f"{BASE}/tin-tuc" + ("" if page == 1 else f"?cur={page}")


def _frame(title: str, main: str, province: list[DemoArticle]) -> bytes:
    news = "".join(f'<li><a href="{_other_path(a)}">{escape(a.title)}</a></li>' for a in province[:3])
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)} - Cổng thông
tin điện tử tỉnh Bình Sơn</title></head><body><div class="portal-banner"><a href="/">Cổng thông tin điện tử
tỉnh Bình Sơn</a></div><ul class="portal-menu"><li><a href="/">Trang chủ</a></li><li><a href="/web/sotuphap">
Sở Tư pháp</a></li><li><a href="{BASE}">{SCHOOL}</a></li></ul><div class="columns"><div class="col-main">
<div class="subsite-name"><a href="{BASE}">{SCHOOL}</a></div><div class="subsite-menu"><a href="{BASE}">
Trang chủ</a> <a href="{_listing_path(1)}">Tin tức - Sự kiện</a></div>{main}</div><div class="col-side">
<div class="portlet-title">Tin của tỉnh</div><ul>{news}</ul></div></div><div class="portal-footer">Cơ quan chủ
quản: UBND tỉnh Bình Sơn. Địa chỉ: 01 Hùng Vương, thành phố Bình Sơn</div></body></html>""".encode()


def _article_main(a: DemoArticle, listing: str) -> str:
    deg, name, role = a.person if a.person else (None, None, None)
    credit = ""
    if name:
        who = f"{deg} {name}" if deg else name
        credit = (f'<p style="text-align: right;"><strong>Tác giả: {escape(who)}</strong></p>'
                  + (f'<p style="text-align: right;"><em>{escape(role)}</em></p>' if role else ""))
    body = a.text_html() + credit
    return (f'<div class="asset-full-content"><h3 class="header-title">{escape(a.title)}</h3>'
            f'<div class="asset-metadata">{a.published:%d/%m/%Y %H:%M}</div><div class="journal-content-article">'
            f'{body}</div><div class="print-action"><a href="{article_path(a)}?p_p_state=pop_up">In bài</a> '
            f'<a href="{listing}">Quay lại</a></div></div>')


def _items(items: list[DemoArticle], path) -> str:
    return "".join(f'<div class="asset-abstract"><h3 class="asset-title"><a href="{path(a)}">{escape(a.title)}'
                   f'</a></h3><span class="date">{a.published:%d/%m/%Y}</span><div class="asset-summary">'
                   f"{escape(a.paragraphs[0][:160])}…</div></div>" for a in items)


def build(count: int = 16) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=631)
    others = build_articles(6, seed=977)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for a in arts:
        routes[article_path(a)] = Route(_frame(a.title, _article_main(a, _listing_path(1)), others))
        routes[article_path(a) + "?p_p_state=pop_up"] = Route(
            f"<html><head><meta charset='utf-8'><title>{escape(a.title)}</title></head><body>"
            f"{_article_main(a, _listing_path(1))}</body></html>".encode())
    for a in others:  # the department's articles, in the portal's template
        main = _article_main(a, "/web/sotuphap").replace(SCHOOL, "Sở Tư pháp tỉnh Bình Sơn")
        routes[_other_path(a)] = Route(_frame(a.title, main, others))
    pages = -(-len(newest) // PER_PAGE)
    for p in range(1, pages + 1):
        nav = " ".join(f'<a href="{_listing_path(q)}">{q}</a>' for q in range(1, pages + 1) if q != p)
        routes[_listing_path(p)] = Route(_frame("Tin tức - Sự kiện", _items(
            newest[(p - 1) * PER_PAGE:p * PER_PAGE], article_path) + f'<div class="paging">{nav}</div>', others))
    routes[BASE] = Route(_frame(SCHOOL, _items(newest[:PER_PAGE], article_path)
                                + f'<a href="{_listing_path(1)}">Xem tất cả</a>', others))
    routes["/"] = Route(_frame("Trang chủ", _items(others, _other_path), others))
    routes["/web/sotuphap"] = Route(_frame("Sở Tư pháp", _items(others, _other_path), others))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return a.truth()
