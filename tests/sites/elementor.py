"""A mock school site (Đông Triều), written to be kept out of the tuning loop, measured once by
benchmarks/crawl_accuracy.py, then mended by a general rule and tuned (its first figures are
noted there).

WordPress built with Elementor's theme builder, as many small offices' sites are: every block a
widget nested five deep (`elementor-section` > `elementor-container` > `elementor-column` >
`elementor-widget-wrap` > `elementor-widget`), posts at `/<year>/<month>/<day>/<slug>/`, the post's
info as an inline list of icons and texts (the day linked to its day archive, the account linked
to its author page, the time as WordPress's Vietnamese `8:30 sáng`), the text in the post-content
widget, the writer typed at the top or the end of the text, share buttons, the previous and next
posts, a posts widget of related posts (title, date, excerpt, "Đọc thêm »"), a sidebar column of
recent posts and categories; archives paged at `/page/N/`.
"""
from __future__ import annotations

import zlib
from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable
from tests.sites.paging import page_numbers, pages_of, wp_page

SCHOOL = "Trường Chính trị tỉnh Đông Triều"
PER_PAGE = 6
CATS = {"tin-tuc": "Tin tức", "nghien-cuu": "Nghiên cứu"}


def article_path(a: DemoArticle) -> str:
    return f"/{a.published:%Y/%m/%d}/{a.slug}/"


def _cat(a: DemoArticle) -> str:
    return "tin-tuc" if a.id % 3 else "nghien-cuu"


def _clock(a: DemoArticle) -> str:
    h = a.published.hour
    return f"{h % 12 or 12}:{a.published.minute:02d} {'sáng' if h < 12 else 'chiều'}"


def _widget(kind: str, inner: str) -> str:
    return (f'<div class="elementor-element elementor-element-{zlib.crc32(kind.encode()) % 99999:x} elementor-widget '
            f'elementor-widget-{kind}" data-element_type="widget" data-widget_type="{kind}.default"><div '
            f'class="elementor-widget-container">{inner}</div></div>')


def _section(main: str, side: str) -> str:
    return ('<section class="elementor-section elementor-top-section elementor-element elementor-section-boxed" '
            'data-element_type="section"><div class="elementor-container elementor-column-gap-default"><div class="'
            'elementor-column elementor-col-66 elementor-top-column elementor-element" data-element_type="column">'
            f'<div class="elementor-widget-wrap elementor-element-populated">{main}</div></div><div class="elementor-'
            'column elementor-col-33 elementor-top-column elementor-element" data-element_type="column"><div class='
            f'"elementor-widget-wrap elementor-element-populated">{side}</div></div></div></section>')


def _side(newest: list[DemoArticle]) -> str:
    recent = "".join(f'<li><a href="{article_path(a)}">{escape(a.title)}</a></li>' for a in newest[:5])
    cats = "".join(f'<li class="cat-item"><a href="/category/{c}/">{n}</a></li>' for c, n in CATS.items())
    return (_widget("heading", '<h2 class="elementor-heading-title elementor-size-default">Bài viết mới</h2>')
            + _widget("wp-widget-recent-posts", f"<ul>{recent}</ul>")
            + _widget("heading", '<h2 class="elementor-heading-title elementor-size-default">Chuyên mục</h2>')
            + _widget("wp-widget-categories", f"<ul>{cats}</ul>"))


def _frame(title: str, body: str, kind: str) -> bytes:
    menu = "".join(f'<li class="menu-item"><a href="{h}" class="elementor-item">{t}</a></li>' for h, t in
                   (("/", "Trang chủ"), ("/gioi-thieu/", "Giới thiệu"), *((f"/category/{c}/", n) for c, n in
                                                                          CATS.items())))
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>{escape(title)} &#8211; {SCHOOL}</title>
</head><body class="{kind} elementor-default elementor-kit-5"><div data-elementor-type="header" class="elementor
elementor-location-header"><section class="elementor-section elementor-top-section"><div class="elementor-container">
{_widget("theme-site-logo", f'<a href="/"><img src="/wp-content/uploads/logo.png" alt="{SCHOOL}"></a>')}
{_widget("nav-menu", f'<nav class="elementor-nav-menu--main"><ul class="elementor-nav-menu">{menu}</ul></nav>')}
</div></section></div>{body}<div data-elementor-type="footer" class="elementor elementor-location-footer"><section
class="elementor-section"><div class="elementor-container">{_widget("text-editor", _FOOTER)}{_widget(
"text-editor", "<p>Thiết kế bởi Công ty Web Việt</p>")}</div></section></div></body></html>""".encode()


_FOOTER = f"<p>{SCHOOL} &#8211; Tổ 5, phường Đông Triều. Điện thoại: 0203 3870 111</p>"


def _info(a: DemoArticle, author: bool = True) -> str:
    items = [f'<li class="elementor-icon-list-item elementor-inline-item" itemprop="datePublished"><a href="/'
             f'{a.published:%Y/%m/%d}/"><span class="elementor-icon-list-icon"><i class="fas fa-calendar"></i></span>'
             f'<span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-date">'
             f'{a.published:%d/%m/%Y}</span></a></li>',
             '<li class="elementor-icon-list-item elementor-inline-item"><span class="elementor-icon-list-icon"><i '
             'class="far fa-clock"></i></span><span class="elementor-icon-list-text elementor-post-info__item '
             f'elementor-post-info__item--type-time">{_clock(a)}</span></li>']
    if author:
        items.insert(1, '<li class="elementor-icon-list-item elementor-inline-item" itemprop="author"><a href="/'
                        'author/admin/"><span class="elementor-icon-list-icon"><i class="fas fa-user"></i></span><span '
                        'class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-'
                        'author">admin</span></a></li>')
    return f'<ul class="elementor-inline-items elementor-icon-list-items elementor-post-info">{"".join(items)}</ul>'


def _text(a: DemoArticle) -> str:
    text = a.text_html()
    if not a.person:
        return text
    deg, name, role = a.person
    who = escape(f"{deg} {name}" if deg else name)
    if a.id % 2:
        return text + (f'<p style="text-align: right;"><strong>{who}</strong></p>'
                       + (f'<p style="text-align: right;"><em>{escape(role)}</em></p>' if role else ""))
    return f"<p><strong>Tác giả: {who}</strong>" + (f" - {escape(role)}" if role else "") + "</p>" + text


def _posts(arts: list[DemoArticle]) -> str:
    return "".join(f'<article class="elementor-post elementor-grid-item post-{a.id} post type-post category-{_cat(a)}">'
                   f'<a class="elementor-post__thumbnail__link" href="{article_path(a)}"><div class="elementor-post__'
                   f'thumbnail"><img src="/wp-content/uploads/{a.id}.jpg" alt=""></div></a><div class="elementor-post__'
                   f'text"><h3 class="elementor-post__title"><a href="{article_path(a)}">{escape(a.title)}</a></h3><div '
                   f'class="elementor-post__meta-data"><span class="elementor-post-date">{a.published:%d/%m/%Y}</span>'
                   f'</div><div class="elementor-post__excerpt"><p>{escape(a.paragraphs[0][:140])}…</p></div><a class="'
                   f'elementor-post__read-more" href="{article_path(a)}">Đọc thêm »</a></div></article>' for a in arts)


def _post(a: DemoArticle, k: int, newest: list[DemoArticle]) -> bytes:
    related = [x for x in newest if x is not a and _cat(x) == _cat(a)][:3]
    prev_a = newest[k + 1] if k + 1 < len(newest) else None
    next_a = newest[k - 1] if k else None
    nav = "".join(f'<div class="elementor-post-navigation__{side} elementor-post-navigation__link"><a href="'
                  f'{article_path(x)}" rel="{side}"><span class="post-navigation__{side}--label">{label}</span><span '
                  f'class="post-navigation__{side}--title">{escape(x.title)}</span></a></div>'
                  for side, label, x in (("prev", "Bài trước", prev_a), ("next", "Bài sau", next_a)) if x)
    main = (_widget("theme-post-title", f'<h1 class="elementor-heading-title elementor-size-default">{escape(a.title)}'
                                        '</h1>')
            + _widget("post-info", _info(a))
            + _widget("theme-post-content", _text(a))
            + _widget("share-buttons", '<div class="elementor-grid"><div class="elementor-grid-item"><div class="'
                                       'elementor-share-btn elementor-share-btn_facebook" role="button"><span class="'
                                       'elementor-share-btn__title">Chia sẻ</span></div></div></div>')
            + _widget("post-navigation", f'<div class="elementor-post-navigation">{nav}</div>')
            + _widget("heading", '<h2 class="elementor-heading-title elementor-size-default">Bài viết liên quan</h2>')
            + _widget("posts", f'<div class="elementor-posts-container elementor-posts elementor-grid">'
                               f'{_posts(related)}</div>'))
    body = (f'<div data-elementor-type="single-post" class="elementor elementor-location-single post-{a.id} post '
            f'type-post status-publish format-standard hentry category-{_cat(a)}">{_section(main, _side(newest))}</div>')
    return _frame(a.title, body, f"post-template-default single single-post postid-{a.id}")


def _archive(routes: RouteTable, base: str, title: str, items: list[DemoArticle], newest: list[DemoArticle]) -> None:
    for n, pages, listed in pages_of(items, PER_PAGE):
        nav = page_numbers(n, pages, '<a class="page-numbers" href="{href}">{m}</a>', base=base)
        main = (_widget("heading", f'<h1 class="elementor-heading-title elementor-size-default">{escape(title)}</h1>')
                + _widget("archive-posts", f'<div class="elementor-posts-container elementor-posts elementor-grid">'
                                           f'{_posts(listed)}</div><nav class="'
                                           f'elementor-pagination">{nav}</nav>'))
        routes[wp_page(base, n)] = Route(_frame(title, f'<div data-elementor-type="archive" class="elementor elementor-location-'
                                           f'archive">{_section(main, _side(newest))}</div>', "archive"))


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=9143)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_post(a, k, newest))
    _archive(routes, "/", SCHOOL, newest, newest)
    for c, n in CATS.items():
        _archive(routes, f"/category/{c}/", n, [a for a in newest if _cat(a) == c], newest)
    _archive(routes, "/author/admin/", "admin", newest, newest)
    for a in newest:
        day = f"/{a.published:%Y/%m/%d}/"
        _archive(routes, day, f"Ngày: {a.published:%d/%m/%Y}", [x for x in newest if article_path(x).startswith(day)],
                 newest)
    intro = "".join(f"<p>{escape(p)}</p>" for p in newest[-1].paragraphs[:3])
    main = (_widget("heading", '<h1 class="elementor-heading-title elementor-size-default">Giới thiệu</h1>')
            + _widget("text-editor", intro))
    routes["/gioi-thieu/"] = Route(_frame("Giới thiệu", f'<div data-elementor-type="wp-page" class="elementor">'
                                                        f'{_section(main, _side(newest))}</div>', "page"))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return a.truth()
