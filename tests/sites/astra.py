"""A mock school site (Hà Tiên), written to be kept out of the tuning loop and measured once by
benchmarks/crawl_accuracy.py (its first figures are noted there).

WordPress with the Astra theme and Yoast SEO, as many offices set up a site in an afternoon:
posts at `/<slug>-<n>/`, schema.org microdata on every block (`itemprop="headline"`, an author
span around the account), the post's meta left in English by the theme (`By admin / Tháng Ba 12,
2024`) with the day of the last edit printed right after the day of publication and hidden by the
theme's stylesheet, the hour only in Yoast's `article:published_time`, the writer typed by the
editor at the end of the text or under the headline, the previous and next posts, the comment
form under "Trả lời", a sidebar of search, recent posts, monthly archives and categories, and a
footer crediting "Được hỗ trợ bởi Astra WordPress Theme". Archives print a headline link, the same
meta, an excerpt and "Đọc thêm »", paged at `/page/N/`.
"""
from __future__ import annotations

from datetime import timedelta
from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable
from tests.sites.paging import page_numbers, pages_of, wp_page

SCHOOL = "Trường Chính trị tỉnh Hà Tiên"
PER_PAGE = 5
CATS = {"hoat-dong": "Hoạt động", "nghien-cuu": "Nghiên cứu"}
MONTHS = ("Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai")


def _cat(a: DemoArticle) -> str:
    return "hoat-dong" if a.id % 3 else "nghien-cuu"


def article_path(a: DemoArticle) -> str:
    return f"/{a.slug}-{a.id % 100}/"  # (WordPress makes a slug unique with a number)


def _day(when) -> str:
    return f"Tháng {MONTHS[when.month - 1]} {when.day}, {when.year}"


def _meta(a: DemoArticle) -> str:
    edited = a.published + timedelta(days=2, hours=3)
    return ('<div class="entry-meta">By <span class="posted-by vcard author" itemtype="https://schema.org/Person" '
            'itemscope="itemscope" itemprop="author"><a title="View all posts by admin" href="/author/admin/" '
            'rel="author" class="url fn n" itemprop="url"><span class="author-name" itemprop="name">admin</span></a>'
            f'</span> / <span class="posted-on"><span class="published" itemprop="datePublished">{_day(a.published)}'
            f'</span><span class="updated" itemprop="dateModified">{_day(edited)}</span></span></div>')


def _frame(title: str, body_class: str, main: str, newest: list[DemoArticle], head: str = "") -> bytes:
    menu = "".join(f'<li class="menu-item"><a href="{h}" class="menu-link">{t}</a></li>' for h, t in
                   (("/", "Trang chủ"), ("/gioi-thieu/", "Giới thiệu"),
                    *((f"/category/{c}/", n) for c, n in CATS.items())))
    recent = "".join(f'<li><a href="{article_path(a)}">{escape(a.title)}</a></li>' for a in newest[:5])
    months = sorted({(a.published.year, a.published.month) for a in newest}, reverse=True)[:6]
    archives = "".join(f'<li><a href="/{y}/{m:02d}/">Tháng {MONTHS[m - 1]} {y}</a></li>' for y, m in months)
    cats = "".join(f'<li class="cat-item"><a href="/category/{c}/">{n}</a></li>' for c, n in CATS.items())
    search = ('<form role="search" method="get" class="search-form" action="/"><label><span class="screen-reader-'
              'text">Tìm kiếm cho:</span><input type="search" class="search-field" placeholder="Tìm kiếm …" value="" '
              'name="s"></label><input type="submit" class="search-submit" value="Tìm kiếm"></form>')
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>{escape(title)} - {SCHOOL}</title>
{head}</head><body itemtype="https://schema.org/Blog" itemscope="itemscope" class="{body_class} ast-desktop
ast-separate-container ast-right-sidebar astra-4.6.4"><a class="skip-link screen-reader-text" href="#content">Chuyển
đến nội dung</a><div class="hfeed site" id="page"><header class="site-header header-main-layout-1" id="masthead"
itemtype="https://schema.org/WPHeader" itemscope="itemscope"><div class="main-header-bar-wrap"><div
class="main-header-bar"><div class="ast-container"><div class="site-branding"><span class="site-title"
itemprop="name"><a href="/" rel="home" itemprop="url">{SCHOOL}</a></span><p class="site-description"
itemprop="description">Đào tạo, bồi dưỡng lý luận chính trị</p></div><nav class="site-navigation"
aria-label="Site Navigation" itemtype="https://schema.org/SiteNavigationElement" itemscope="itemscope"><ul
id="primary-menu" class="main-header-menu ast-menu-shadow ast-nav-menu">{menu}</ul></nav></div></div></div></header>
<div id="content" class="site-content"><div class="ast-container"><div id="primary" class="content-area
primary"><main id="main" class="site-main">{main}</main></div><div class="widget-area secondary" id="secondary"
itemtype="https://schema.org/WPSideBar" itemscope="itemscope"><div class="sidebar-main"><aside id="search-2"
class="widget widget_search">{search}</aside><aside id="recent-posts-2" class="widget widget_recent_entries"><h2
class="widget-title">Bài viết mới</h2><nav aria-label="Bài viết mới"><ul>{recent}</ul></nav></aside><aside
id="archives-2" class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2><nav aria-label="Lưu trữ"><ul>
{archives}</ul></nav></aside><aside id="categories-2" class="widget widget_categories"><h2 class="widget-title">Chuyên
mục</h2><nav aria-label="Chuyên mục"><ul>{cats}</ul></nav></aside></div></div></div></div><footer
class="site-footer" id="colophon" itemtype="https://schema.org/WPFooter" itemscope="itemscope"><div
class="ast-small-footer footer-sml-layout-1"><div class="ast-footer-overlay"><div class="ast-container"><div
class="ast-small-footer-wrap"><div class="ast-small-footer-section ast-small-footer-section-1">Bản quyền &copy; 2024
{SCHOOL} | Được hỗ trợ bởi <a href="https://wpastra.com/">Astra WordPress Theme</a></div></div></div></div></div>
</footer></div></body></html>""".encode()


def _text(a: DemoArticle) -> str:
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    rows = a.table_rows_html()
    if rows:
        paras.insert(2, f'<figure class="wp-block-table"><table><tbody>{rows}</tbody></table></figure>')
    text = "".join(paras)
    if a.person:
        deg, name, role = a.person
        who = escape(f"{deg} {name}" if deg else name)
        if a.id % 2:
            text += (f'<p class="has-text-align-right"><strong>{who}</strong>'
                     + (f'<br>{escape(role)}' if role else "") + "</p>")
        else:
            text = (f'<p><strong>{who}</strong>' + (f' ({escape(role)})' if role else "") + "</p>") + text
    return text


def _post(a: DemoArticle, k: int, newest: list[DemoArticle]) -> bytes:
    prev_a = newest[k + 1] if k + 1 < len(newest) else None
    next_a = newest[k - 1] if k else None
    nav = ""
    if prev_a:
        nav += (f'<div class="nav-previous"><a title="{escape(prev_a.title)}" href="{article_path(prev_a)}" rel="prev">'
                '<span class="ast-left-arrow">←</span> Bài viết trước</a></div>')
    if next_a:
        nav += (f'<div class="nav-next"><a title="{escape(next_a.title)}" href="{article_path(next_a)}" rel="next">'
                'Bài viết tiếp theo <span class="ast-right-arrow">→</span></a></div>')
    main = f"""<article class="post-{a.id} post type-post status-publish format-standard hentry category-{_cat(a)}
ast-article-single" id="post-{a.id}" itemtype="https://schema.org/CreativeWork" itemscope="itemscope"><div
class="ast-post-format- ast-no-thumb single-layout-1"><header class="entry-header ast-no-thumbnail"><h1
class="entry-title" itemprop="headline">{escape(a.title)}</h1>{_meta(a)}</header><div class="entry-content
clear" itemprop="text">{_text(a)}</div></div></article><nav class="navigation post-navigation" aria-label="Bài
viết"><div class="nav-links">{nav}</div></nav><div id="comments" class="comments-area comment-form-position-below">
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Trả lời <small><a
rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Hủy</a></small></h3><form
action="/wp-comments-post.php" method="post" id="ast-commentform" class="comment-form"><p class="comment-notes">
<span id="email-notes">Email của bạn sẽ không được hiển thị công khai.</span> Các trường bắt buộc được đánh dấu *
</p><div class="ast-row comment-textarea"><fieldset class="comment-form-comment"><legend class="comment-form-legend">
</legend><div class="comment-form-textarea ast-grid-common-col"><label for="comment"
class="screen-reader-text">Nhập bình luận của bạn tại đây…</label><textarea id="comment" name="comment"
placeholder="Nhập bình luận của bạn tại đây…" cols="45" rows="8" aria-required="true"></textarea></div></fieldset>
</div><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Gửi bình luận »">
</p></form></div></div>"""
    head = (f'<meta property="og:type" content="article"><meta property="article:published_time" '
            f'content="{a.published.isoformat()}"><meta property="article:modified_time" '
            f'content="{(a.published + timedelta(days=2, hours=3)).isoformat()}">')
    return _frame(a.title, f"post-template-default single single-post postid-{a.id}", main, newest, head)


def _item(a: DemoArticle) -> str:
    return (f'<article class="post-{a.id} post type-post ast-col-sm-12 ast-article-post" id="post-{a.id}" itemtype="'
            'https://schema.org/CreativeWork" itemscope="itemscope"><div class="ast-post-format- blog-layout-1 ast-no-'
            'date-box"><div class="post-content ast-col-md-12"><header class="entry-header"><h2 class="entry-title" '
            f'itemprop="headline"><a href="{article_path(a)}" rel="bookmark">{escape(a.title)}</a></h2>{_meta(a)}'
            f'</header><div class="ast-excerpt-container ast-blog-single-element"><p>{escape(a.paragraphs[0][:170])}'
            f'…</p></div><p class="read-more"><a class="" href="{article_path(a)}"><span class="screen-reader-text">'
            f'{escape(a.title)}</span> Đọc thêm »</a></p></div></div></article>')


def _archive(routes: RouteTable, base: str, title: str | None, items: list[DemoArticle],
             newest: list[DemoArticle]) -> None:
    for n, pages, listed in pages_of(items, PER_PAGE):
        nav = page_numbers(n, pages, '<a class="page-numbers" href="{href}">{m}</a>',
                           '<span aria-current="page" class="page-numbers current">{m}</span>', base=base)
        header = (f'<section class="ast-archive-description"><h1 class="page-title ast-archive-title">{escape(title)}'
                  '</h1></section>') if title else ""
        main = (f'{header}<div class="ast-row">{"".join(_item(a) for a in listed)}'
                f'</div><nav class="ast-pagination"><div class="nav-links">{nav}</div></nav>')
        routes[wp_page(base, n)] = Route(_frame(title or SCHOOL, "archive blog", main, newest))


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=8209)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_post(a, k, newest))
    _archive(routes, "/", None, newest, newest)
    for c, n in CATS.items():
        _archive(routes, f"/category/{c}/", f"Chuyên mục: {n}", [a for a in newest if _cat(a) == c], newest)
    _archive(routes, "/author/admin/", "Tác giả: admin", newest, newest)
    for y, m in sorted({(a.published.year, a.published.month) for a in newest}):
        _archive(routes, f"/{y}/{m:02d}/", f"Tháng: Tháng {MONTHS[m - 1]} {y}",
                 [a for a in newest if (a.published.year, a.published.month) == (y, m)], newest)
    intro = "".join(f"<p>{escape(p)}</p>" for p in newest[-1].paragraphs[:3])
    routes["/gioi-thieu/"] = Route(_frame("Giới thiệu", "page-template-default page", '<article class="page type-page'
                                          '"><header class="entry-header"><h1 class="entry-title" itemprop="headline">'
                                          f'Giới thiệu</h1></header><div class="entry-content">{intro}</div></article>',
                                          newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return {**a.truth(), "url": article_path(a)}
