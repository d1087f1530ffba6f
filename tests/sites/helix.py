"""A mock school site kept out of the tuning loop (Bình Lục): measured by
benchmarks/crawl_accuracy.py, never asserted by a test, never looked at to change a rule.

Joomla 4 with the Helix Ultimate template, as small offices run it: articles at
`/tin-tuc/<n>-<slug>`, the header printing `Viết bởi: Super User`, the category, a `<time
itemprop="datePublished">` and a hit counter in `article-info`, the text in
`itemprop="articleBody"`, the writer typed by the editor at its end (italic, bold, right-aligned,
name and unit on one line with a dash), a share bar, the previous and next articles' pager
("Trước", "Tiếp"), "Bài viết liên quan" as a grid of cards (picture, linked headline, date); blog
listings paged with `?start=N` whose items close with "Đọc thêm: <headline>", a "Mới nhất" module,
a search form in the header, Joomla's RSS feed.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

SCHOOL = "Trường Chính trị tỉnh Bình Lục"
PER_PAGE = 6


def article_path(a: DemoArticle) -> str:
    return f"/tin-tuc/{a.id}-{a.slug}"


def _listing(start: int) -> str:
    return "/tin-tuc" + ("" if start == 0 else f"?start={start}")


def _when(a: DemoArticle) -> str:
    return (f'<time datetime="{a.published.isoformat()}" itemprop="datePublished">{a.published.day} Tháng '
            f'{a.published.month} {a.published.year}</time>')


def _frame(title: str, main: str, newest: list[DemoArticle]) -> bytes:
    latest = "".join(f'<li><a href="{article_path(a)}">{escape(a.title)}</a></li>' for a in newest[:5])
    return f"""<!DOCTYPE html><html lang="vi-vn" dir="ltr"><head><meta charset="utf-8"><title>{escape(title)}</title>
<link href="{_listing(0)}?format=feed&amp;type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0">
</head><body class="site helix-ultimate com-content view-article layout-default"><div class="body-wrapper"><div
class="body-innerwrapper"><header id="sp-header"><div class="container"><div class="logo"><a href="/"><img
class="logo-image" src="/images/logo.png" alt="{SCHOOL}"></a></div><nav class="sp-megamenu-wrapper"><ul
class="sp-megamenu-parent menu-animation-fade-up"><li class="sp-menu-item"><a href="/">Trang chủ</a></li><li
class="sp-menu-item"><a href="/gioi-thieu">Giới thiệu</a></li><li class="sp-menu-item current-item active"><a
href="{_listing(0)}">Tin tức</a></li><li class="sp-menu-item"><a href="/lien-he">Liên hệ</a></li></ul></nav><div
class="sp-module"><form action="/tim-kiem" method="post"><input name="searchword" type="search" placeholder="Tìm
kiếm..."></form></div></div></header><section id="sp-main-body"><div class="container"><div class="row"><main
id="sp-component" class="col-lg-9"><div class="sp-column"><div id="system-message-container"></div>{main}</div>
</main><aside id="sp-right" class="col-lg-3"><div class="sp-module"><h3 class="sp-module-title">Mới nhất</h3><div
class="sp-module-content"><ul class="latestnews">{latest}</ul></div></div></aside></div></div></section><footer
id="sp-footer"><div class="container"><span class="sp-copyright">© 2024 {SCHOOL}. Địa chỉ: số 3 đường Trần Hưng
Đạo, thị xã Bình Lục.</span></div></footer></div></div></body></html>""".encode()


def _signature(a: DemoArticle) -> str:
    if not a.person:
        return ""
    deg, name, role = a.person
    who = escape(f"{deg} {name}" if deg else name)
    return f'<p style="text-align: right;"><em><strong>{who}</strong>' + (f" - {escape(role)}" if role else "") + \
        "</em></p>"


def _article(a: DemoArticle, k: int, newest: list[DemoArticle]) -> bytes:
    related = [x for x in newest if x is not a][k % 3:k % 3 + 3]
    cards = "".join(f'<div class="col-md-4"><div class="article"><a href="{article_path(x)}" class="article-intro-'
                    f'image"><img src="/images/tin/{x.id}.jpg" alt="{escape(x.title)}"></a><div class="article-body">'
                    f'<div class="article-header"><h2><a href="{article_path(x)}">{escape(x.title)}</a></h2></div>'
                    f'<div class="article-info"><span class="published">{_when(x)}</span></div></div></div></div>'
                    for x in related)
    prev_a = newest[k + 1] if k + 1 < len(newest) else None
    next_a = newest[k - 1] if k else None
    pager = "".join(f'<li class="{cls}"><a class="hasTooltip" title="{escape(x.title)}" href="{article_path(x)}" '
                    f'rel="{rel}">{label}</a></li>' for cls, rel, label, x in
                    (("previous", "prev", "‹ Trước", prev_a), ("next", "next", "Tiếp ›", next_a)) if x)
    main = (f'<div class="article-details " itemscope itemtype="https://schema.org/Article"><meta itemprop='
            f'"inLanguage" content="vi-VN"><div class="article-header"><h1 itemprop="headline">{escape(a.title)}</h1>'
            '</div><div class="article-info"><span class="createdby" itemprop="author" itemscope itemtype="https:'
            '//schema.org/Person" title="Viết bởi: Super User"><span itemprop="name">Super User</span></span><span '
            f'class="category-name" title="Danh mục: Tin tức"><a href="{_listing(0)}">Tin tức</a></span><span '
            f'class="published" title="Ngày đăng: {a.published:%d/%m/%Y}">{_when(a)}</span><span class="hits"><meta '
            f'itemprop="interactionCount" content="UserPageVisits:{a.id % 500 + 17}">Lượt xem: {a.id % 500 + 17}'
            f'</span></div><div itemprop="articleBody">{a.text_html()}{_signature(a)}</div><div class="article-'
            'ratings-social-share"><div class="social-share-icon"><ul><li><a title="Facebook" href="https://www.'
            'facebook.com/sharer.php?u=x"><span class="fab fa-facebook" aria-hidden="true"></span></a></li><li><a '
            'title="Zalo" href="https://zalo.me/share"><span class="fab fa-zalo"></span></a></li></ul></div></div>'
            f'<nav class="pagenavigation"><ul class="pagination ms-0">{pager}</ul></nav><div class="related-article-'
            'list-container"><h3 class="related-article-title">Bài viết liên quan</h3><div class="article-list '
            f'related-article-list"><div class="row">{cards}</div></div></div></div>')
    return _frame(a.title, main, newest)


def _blog(items: list[DemoArticle]) -> str:
    return "".join(f'<div class="article"><div class="article-intro-image"><a href="{article_path(a)}"><img src="/'
                   f'images/tin/{a.id}.jpg" alt=""></a></div><div class="article-body"><div class="article-header">'
                   f'<h2><a href="{article_path(a)}">{escape(a.title)}</a></h2></div><div class="article-info"><span '
                   f'class="published">{_when(a)}</span></div><div class="article-introtext"><p>'
                   f'{escape(a.paragraphs[0])}</p></div><div class="readmore"><a class="btn btn-primary" href="'
                   f'{article_path(a)}" itemprop="url">Đọc thêm: {escape(a.title)}</a></div></div></div>' for a in items)


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=2207)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_article(a, k, newest))
    for start in range(0, len(newest), PER_PAGE):
        pages = "".join(f'<li class="page-item"><a class="page-link" href="{_listing(s)}">{s // PER_PAGE + 1}</a></li>'
                        for s in range(0, len(newest), PER_PAGE) if s != start)
        routes[_listing(start)] = Route(_frame("Tin tức", '<div class="blog"><div class="article-list">'
                                               f'{_blog(newest[start:start + PER_PAGE])}</div><nav class="pagination-'
                                               f'wrapper"><ul class="pagination">{pages}</ul></nav></div>', newest))
    intro = "".join(f"<p>{escape(p)}</p>" for p in newest[-2].paragraphs[:3])
    routes["/gioi-thieu"] = Route(_frame("Giới thiệu", '<div class="article-details"><div class="article-header"><h1>'
                                         f'Giới thiệu chung</h1></div><div itemprop="articleBody">{intro}</div></div>',
                                         newest))
    routes["/lien-he"] = Route(_frame("Liên hệ", f"<h1>Liên hệ</h1><p>{SCHOOL}</p><p>Điện thoại: 0226 3851 234</p>",
                                      newest))
    routes["/"] = Route(_frame(SCHOOL, '<div class="blog-featured"><div class="article-list">'
                                       f'{_blog(newest[:4])}</div></div>', newest))
    items = "".join(f"<item><title>{escape(a.title)}</title><link>{article_path(a)}</link><pubDate>"
                    f"{a.published:%a, %d %b %Y %H:%M:%S %z}</pubDate></item>" for a in newest[:10])
    routes[_listing(0) + "?format=feed&type=rss"] = Route(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
                                                          f'<channel><title>Tin tức</title>{items}</channel></rss>'
                                                          .encode(), content_type="application/rss+xml")
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return a.truth()
