"""A mock school site kept out of the tuning loop (Kim Sơn): measured by
benchmarks/crawl_accuracy.py, never asserted by a test, never looked at to change a rule.

Liferay 7 (the portal several provinces run), the school on a site of its own: articles are web
content shown by an Asset Publisher at `/web/tct/tin-tuc/-/asset_publisher/Xk2pQ/content/<slug>`,
every link to one carrying a `?redirect=` back to the listing it came from (one article, many
addresses; the page names its canonical one), the listing paged by the portlet's own parameters
(`?p_p_id=…&_…_cur=2&_…_delta=6`), each portlet boxed with its title bar, the article's date and
writer in metadata entries under the title, "Các tin khác" as another Asset Publisher, and the
portal's sign-in link and language menu in the banner.
"""
from __future__ import annotations

from html import escape
from urllib.parse import quote

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

SCHOOL = "Trường Chính trị tỉnh Kim Sơn"
SITE = "/web/tct"
PORTLET = "com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_Xk2pQ"
PER_PAGE = 6


def article_path(a: DemoArticle) -> str:
    return f"{SITE}/tin-tuc/-/asset_publisher/Xk2pQ/content/{a.slug}"


def _listing(n: int) -> str:
    if n == 1:
        return f"{SITE}/tin-tuc"
    return (f"{SITE}/tin-tuc?p_p_id={PORTLET}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&_{PORTLET}_cur={n}"
            f"&_{PORTLET}_delta={PER_PAGE}")


def _link(a: DemoArticle, back: str) -> str:
    return f"{article_path(a)}?redirect={quote(back, safe='')}"


def _portlet(title: str, inner: str) -> str:
    return (f'<section class="portlet" id="portlet_{PORTLET}"><header class="portlet-topper"><h2 class="portlet-'
            f'title-text">{escape(title)}</h2></header><div class="portlet-content"><div class="portlet-content-'
            f'container"><div class="portlet-body">{inner}</div></div></div></section>')


def _frame(title: str, main: str, canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="http://kimson.example{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html><html class="ltr" dir="ltr" lang="vi-VN"><head><meta charset="utf-8"><title>{escape(title)}
- {SCHOOL}</title>{link}</head><body class="controls-visible signed-out public-page site"><div id="wrapper"><header
id="banner" role="banner"><div id="heading"><a class="logo" href="{SITE}"><img alt="{SCHOOL}" src="/image/logo">
</a></div><nav id="navigation" class="sort-pages modify-pages" role="navigation"><ul aria-label="Trang web"
role="menubar"><li><a href="{SITE}/trang-chu" role="menuitem"><span>Trang chủ</span></a></li><li><a href="{SITE}/
gioi-thieu" role="menuitem"><span>Giới thiệu</span></a></li><li><a href="{SITE}/tin-tuc" role="menuitem"><span>Tin tức
</span></a></li></ul></nav><div class="sign-in"><a href="/c/portal/login?p_l_id=20" rel="nofollow">Đăng nhập</a></div>
<div class="language"><a href="/en{SITE}" lang="en">English</a></div></header><section id="content"><div
class="columns-2" id="main-content" role="main"><div class="portlet-layout row"><div class="col-md-8
portlet-column" id="column-1">{main}</div><div class="col-md-4 portlet-column" id="column-2">{_portlet(
"Liên kết", '<ul><li><a href="https://www.dangcongsan.vn">Báo điện tử Đảng Cộng sản Việt Nam</a></li></ul>')}</div>
</div></div></section><footer id="footer" role="contentinfo"><p>{SCHOOL} - Địa chỉ: số 2 đường Lý Thường Kiệt,
thị xã Kim Sơn</p><p>Powered By Liferay</p></footer></div></body></html>""".encode()


def _article(a: DemoArticle, others: list[DemoArticle]) -> bytes:
    deg, name, role = a.person if a.person else (None, None, None)
    meta = (f'<div class="metadata-entry metadata-publish-date">{a.published:%d/%m/%Y %H:%M}</div>'
            + (f'<div class="metadata-entry metadata-author">{escape(f"{deg} {name}" if deg else name)}'
               + (f" - {escape(role)}" if role else "") + "</div>" if name else ""))
    rows = "".join(f'<li class="title-list"><a href="{_link(x, article_path(a))}">{escape(x.title)}</a> <span '
                   f'class="metadata-publish-date">({x.published:%d/%m/%Y})</span></li>' for x in others)
    body = (f'<div class="asset-full-content clearfix show-asset-title"><h3 class="header-title"><span>{escape(a.title)}'
            f'</span></h3><div class="asset-metadata">{meta}</div><div class="asset-content"><div class="journal-'
            f'content-article">{a.text_html()}</div></div><div class="asset-links"><a href="{_listing(1)}">Quay lại'
            '</a></div></div>')
    return _frame(a.title, _portlet("Tin tức", body) + _portlet("Các tin khác", f'<ul class="title-list">{rows}</ul>'),
                  article_path(a))


def _items(arts: list[DemoArticle], back: str) -> str:
    return "".join(f'<div class="asset-abstract"><h3 class="asset-title"><a href="{_link(a, back)}">{escape(a.title)}'
                   f'</a></h3><div class="asset-metadata"><span class="metadata-entry metadata-publish-date">'
                   f'{a.published:%d/%m/%Y}</span></div><div class="asset-summary">{escape(a.paragraphs[0][:200])}…'
                   f'</div><div class="asset-more"><a href="{_link(a, back)}">Xem thêm »</a></div></div>' for a in arts)


def build(count: int = 16) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=6620)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    pages = -(-len(newest) // PER_PAGE)
    backs = [_listing(n) for n in range(1, pages + 1)] + [f"{SITE}/trang-chu"] + [article_path(a) for a in newest]
    for k, a in enumerate(newest):
        page = Route(_article(a, newest[k + 1:k + 6]))
        routes[article_path(a)] = page
        for back in backs:  # (the portal serves the article whatever `redirect` says)
            routes[_link(a, back)] = page
    for n in range(1, pages + 1):
        back = _listing(n)
        pager = "".join(f'<li><a href="{_listing(m)}">{m}</a></li>' for m in range(1, pages + 1) if m != n)
        routes[back] = Route(_frame("Tin tức", _portlet("Tin tức", _items(newest[(n - 1) * PER_PAGE:n * PER_PAGE], back)
                                                        + f'<ul class="pagination">{pager}</ul>')))
    intro = "".join(f"<p>{escape(p)}</p>" for p in newest[-1].paragraphs[:3])
    routes[f"{SITE}/gioi-thieu"] = Route(_frame("Giới thiệu", _portlet("Giới thiệu", f'<div class="journal-content-'
                                                                                     f'article">{intro}</div>')))
    home = _frame(SCHOOL, _portlet("Tin mới", _items(newest[:4], f"{SITE}/trang-chu")))
    routes[f"{SITE}/trang-chu"] = Route(home)
    routes[SITE] = Route(home)
    routes["/"] = Route(b"", status=302, headers={"Location": f"{SITE}/trang-chu"})
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return a.truth()
