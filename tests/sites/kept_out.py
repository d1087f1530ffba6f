"""A mock school site kept out of the tuning loop (Cửu Long): measured by
benchmarks/crawl_accuracy.py, never asserted by a test, never looked at to change a rule.

A WordPress theme with Vietnamese month names: dates print as "15 Tháng Ba, 2024", the credit
reads "Tin: X - Ảnh: Y" at the end of the text, posts carry categories and tags, the home page
leads with a slider and a box of notices, listings page as `/page/2/`, and there are tag pages,
an author's archive, an introduction page and a comment form under every post.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 5
MONTHS = ("Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai")


def article_path(a: DemoArticle) -> str:
    return f"/{a.published:%Y/%m}/{a.slug}/"


def _listing_path(page: int) -> str:
    return "/chuyen-muc/tin-tuc/" + ("" if page == 1 else f"page/{page}/")


def _day(a: DemoArticle) -> str:
    return f"{a.published.day} Tháng {MONTHS[a.published.month - 1]}, {a.published.year}"


def _frame(title: str, main: str, newest: list[DemoArticle]) -> bytes:
    notices = "".join(f'<li><a href="{article_path(a)}">{escape(a.title)}</a><span class="d">{_day(a)}</span>'
                      "</li>" for a in newest[:4])
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8">
<title>{escape(title)} &#8211; Trường Chính trị tỉnh Cửu Long</title></head>
<body class="wp-theme"><div id="page"><header id="masthead"><div class="site-branding">
<p class="site-title"><a href="/">Trường Chính trị tỉnh Cửu Long</a></p></div>
<nav class="main-navigation"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu/">Giới thiệu</a></li>
<li><a href="{_listing_path(1)}">Tin tức</a></li><li><a href="/tac-gia/bientap/">Bài của Ban biên tập</a></li></ul>
</nav></header><div id="content"><main id="main">{main}</main>
<aside class="widget-area"><section class="widget"><h2 class="widget-title">Thông báo</h2><ul>{notices}</ul>
</section></aside></div><footer class="site-footer">© 2024 Trường Chính trị tỉnh Cửu Long</footer></div>
</body></html>""".encode()


def _article(a: DemoArticle, newest: list[DemoArticle]) -> bytes:
    deg, name, role = a.person if a.person else (None, None, None)
    credit = f"<p><strong>Tin: {escape(name)} - Ảnh: Trần Hà</strong></p>" if name else ""
    body = a.text_html() + credit
    tag = a.slug.split("-")[0]
    main = (f'<article class="post"><header class="entry-header"><h1 class="entry-title">{escape(a.title)}</h1>'
            f'<div class="entry-meta"><span class="posted-on"><time class="entry-date published">{_day(a)}'
            f'</time></span> <span class="byline">bởi <a href="/tac-gia/bientap/">bientap</a></span></div>'
            f'</header><div class="entry-content">{body}</div><footer class="entry-footer">'
            f'<span class="cat-links">Chuyên mục: <a href="{_listing_path(1)}">Tin tức</a></span> '
            f'<span class="tags-links">Thẻ: <a href="/the/{tag}/">{escape(tag)}</a></span></footer></article>'
            '<div id="comments"><h3 class="comment-reply-title">Để lại một bình luận</h3>'
            '<form class="comment-form"><p>Email của bạn sẽ không được hiển thị công khai.</p>'
            '<textarea name="comment"></textarea><input type="submit" value="Gửi bình luận"></form></div>')
    return _frame(a.title, main, newest)


def _items(items: list[DemoArticle]) -> str:
    return "".join(f'<article class="post"><h2 class="entry-title"><a href="{article_path(a)}">{escape(a.title)}'
                   f'</a></h2><div class="entry-meta">{_day(a)}</div><div class="entry-summary"><p>'
                   f"{escape(a.paragraphs[0])} [&hellip;]</p></div></article>" for a in items)


def build(count: int = 18) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=211)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {article_path(a): Route(_article(a, newest)) for a in arts}
    pages = -(-len(newest) // PER_PAGE)
    for p in range(1, pages + 1):
        nav = " ".join(f'<a class="page-numbers" href="{_listing_path(q)}">{q}</a>' for q in range(1, pages + 1)
                       if q != p)
        routes[_listing_path(p)] = Route(_frame("Tin tức", '<h1 class="page-title">Chuyên mục: Tin tức</h1>'
                                                + _items(newest[(p - 1) * PER_PAGE:p * PER_PAGE])
                                                + f'<nav class="pagination">{nav}</nav>', newest))
    slider = "".join(f'<div class="slide"><a href="{article_path(a)}"><img src="/s{a.id}.jpg" alt=""></a>'
                     f'<h2><a href="{article_path(a)}">{escape(a.title)}</a></h2><p>{escape(a.paragraphs[0])}</p>'
                     "</div>" for a in newest[:3])
    routes["/"] = Route(_frame("Trang chủ", f'<div class="slider">{slider}</div>' + _items(newest[3:8]), newest))
    by_tag: dict[str, list[DemoArticle]] = {}
    for a in newest:
        by_tag.setdefault(a.slug.split("-")[0], []).append(a)
    for tag, items in by_tag.items():
        routes[f"/the/{tag}/"] = Route(_frame(tag, f'<h1 class="page-title">Thẻ: {escape(tag)}</h1>'
                                              + _items(items[:PER_PAGE]), newest))
    routes["/tac-gia/bientap/"] = Route(_frame("bientap", '<h1 class="page-title">Tác giả: bientap</h1>'
                                               + _items(newest[:PER_PAGE]), newest))
    intro = ("Trường Chính trị tỉnh Cửu Long được thành lập năm 1976 trên cơ sở hợp nhất Trường Đảng và "
             "Trường Hành chính của tỉnh; nhà trường đào tạo, bồi dưỡng lý luận chính trị cho cán bộ cơ sở. ")
    routes["/gioi-thieu/"] = Route(_frame("Giới thiệu", '<article class="page"><h1 class="entry-title">Giới thiệu '
                                          'về Trường Chính trị tỉnh Cửu Long</h1><div class="entry-meta">'
                                          '<time class="entry-date">2 Tháng Chín, 2020</time></div>'
                                          f'<div class="entry-content"><p>{intro * 2}</p><p>{intro}</p></div>'
                                          "</article>", newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    """The credit at the end names the writer only ("Tin: X"): no degree, no role; a date alone."""
    t = a.truth()
    deg, name, _ = a.person if a.person else (None, None, None)
    t.update(author=name, author_degree=None, author_role=None,
             published_at=a.published.strftime("%Y-%m-%dT00:00:00+07:00"))
    return t
