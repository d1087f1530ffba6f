"""A mock school site (Phước Long), written to be kept out of the tuning loop and measured once by
benchmarks/crawl_accuracy.py (its first figures are noted there).

WordPress with the Flatsome theme and its UX Builder, which Vietnamese web agencies sell to small
offices: posts at `/<slug>-<n>/`, the post's header (its category in a small heading, the headline, a
divider, `Đăng vào 12/03/2024 15/03/2024 bởi admin` with the day of the last edit printed beside
the day of publication and the hour only in the `<time>`s), a featured image with a date badge of
day and month (`12` over `Th3`, no year), the text, share icons, the theme's closing sentence
("Bài viết này được đăng trong Tin tức. Đánh dấu đường dẫn tĩnh."), the account's author box, the
previous and next posts, the comment form, a sidebar of recent posts with date badges and of
categories, a mobile menu repeating the menu and the search form at the end of the page. Archives
print each post as one link over the whole card (headline, day, excerpt ending "[...]"), paged
at `/page/N/`.
"""
from __future__ import annotations

from datetime import timedelta
from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable
from tests.sites.paging import page_numbers, pages_of, wp_page

SCHOOL = "Trường Chính trị tỉnh Phước Long"
PER_PAGE = 5
CATS = {"tin-tuc": "Tin tức", "nghien-cuu-trao-doi": "Nghiên cứu - Trao đổi"}


def _cat(a: DemoArticle) -> str:
    return "tin-tuc" if a.id % 3 else "nghien-cuu-trao-doi"


def article_path(a: DemoArticle) -> str:
    return f"/{a.slug}-{a.id % 100}/"  # (WordPress makes a slug unique with a number)


def _badge(a: DemoArticle, size: str = "is-small") -> str:
    return (f'<div class="badge absolute top post-date badge-outline"><div class="badge-inner"><span class="post-date-'
            f'day">{a.published.day:02d}</span><br><span class="post-date-month {size}">Th{a.published.month}</span>'
            '</div></div>')


def _search() -> str:
    return ('<form method="get" class="searchform" action="/" role="search"><div class="flex-row relative"><div '
            'class="flex-col flex-grow"><input type="search" class="search-field mb-0" name="s" value="" '
            'placeholder="Tìm kiếm&hellip;"></div><div class="flex-col"><button type="submit" class="ux-search-submit '
            'submit-button secondary button icon mb-0" aria-label="Submit"><i class="icon-search"></i></button></div>'
            '</div><div class="live-search-results text-left z-top"></div></form>')


def _menu() -> str:
    return "".join(f'<li class="menu-item menu-item-type-custom"><a href="{h}" class="nav-top-link">{t}</a></li>'
                   for h, t in (("/", "Trang chủ"), ("/gioi-thieu/", "Giới thiệu"),
                                *((f"/category/{c}/", n) for c, n in CATS.items()), ("/lien-he/", "Liên hệ")))


def _sidebar(newest: list[DemoArticle]) -> str:
    recent = "".join(f'<li class="recent-blog-posts-li"><div class="flex-row recent-blog-posts align-top pt-half pb-'
                     f'half"><div class="flex-col mr-half"><div class="badge post-date badge-small badge-outline"><div '
                     f'class="badge-inner bg-fill"><span class="post-date-day">{a.published.day:02d}</span><br><span '
                     f'class="post-date-month is-xsmall">Th{a.published.month}</span></div></div></div><div class="flex-'
                     f'col flex-grow"><a href="{article_path(a)}" title="{escape(a.title)}">{escape(a.title)}</a><span '
                     f'class="post_comments op-7 block is-xsmall"><a href="{article_path(a)}#respond"></a></span></div>'
                     '</div></li>' for a in newest[:5])
    cats = "".join(f'<li class="cat-item"><a href="/category/{c}/">{n}</a></li>' for c, n in CATS.items())
    return (f'<div class="post-sidebar large-3 col"><div id="secondary" class="widget-area" role="complementary"><aside '
            f'id="search-2" class="widget widget_search">{_search()}</aside><aside id="flatsome_recent_posts-2" class="'
            f'widget flatsome_recent_posts"><span class="widget-title"><span>Bài viết mới</span></span><div class="is-'
            f'divider small"></div><ul>{recent}</ul></aside><aside id="categories-2" class="widget widget_categories">'
            f'<span class="widget-title"><span>Chuyên mục</span></span><div class="is-divider small"></div><ul>{cats}'
            '</ul></aside></div></div>')


def _frame(title: str, body_class: str, main: str) -> bytes:
    return f"""<!DOCTYPE html><html lang="vi" class="loading-site no-js"><head><meta charset="UTF-8"><title>{escape(title)}
&#8211; {SCHOOL}</title><meta name="viewport" content="width=device-width, initial-scale=1"></head><body
class="{body_class} lightbox nav-dropdown-has-arrow nav-dropdown-has-shadow"><a class="skip-link screen-reader-text"
href="#main">Skip to content</a><div id="wrapper"><header id="header" class="header has-sticky sticky-jump"><div
class="header-wrapper"><div id="masthead" class="header-main"><div class="header-inner flex-row container logo-left
medium-logo-center" role="navigation"><div id="logo" class="flex-col logo"><a href="/" title="{SCHOOL}" rel="home"><img
width="400" height="90" src="/wp-content/uploads/logo.png" class="header_logo header-logo" alt="{SCHOOL}"></a></div><div
class="flex-col hide-for-medium flex-left flex-grow"><ul class="header-nav header-nav-main nav nav-left
nav-uppercase">{_menu()}<li class="header-search header-search-dropdown has-icon has-dropdown menu-item-has-children">
<a href="#" aria-label="Tìm kiếm" class="is-small"><i class="icon-search"></i></a><ul class="nav-dropdown
nav-dropdown-default"><li class="header-search-form search-form html relative has-icon"><div
class="header-search-form-wrapper"><div class="searchform-wrapper ux-search-box relative is-normal">{_search()}</div>
</div></li></ul></li></ul></div></div></div></div></header><main id="main" class="">{main}</main><footer id="footer"
class="footer-wrapper"><section class="section dark"><div class="row"><div class="col medium-6"><div class="col-inner">
<h3>{SCHOOL}</h3><p>Địa chỉ: số 20 đường Nguyễn Huệ, thành phố Phước Long</p><p>Điện thoại: 0271 3879 456</p></div>
</div></div></section><div class="absolute-footer dark medium-text-center small-text-center"><div class="container
clearfix"><div class="footer-primary pull-left"><div class="copyright-footer">Copyright 2024 &copy; <strong>{SCHOOL}
</strong></div></div></div></div><a href="#top" class="back-to-top button icon invert plain fixed bottom z-1 is-outline
hide-for-medium circle" id="top-link" aria-label="Go to top"><i class="icon-angle-up"></i></a></footer></div><div
id="main-menu" class="mobile-sidebar no-scrollbar mfp-hide"><div class="sidebar-menu no-scrollbar"><ul class="nav
nav-sidebar nav-vertical nav-uppercase" data-tab="1"><li class="header-search-form search-form html relative
has-icon">{_search()}</li>{_menu()}</ul></div></div></body></html>""".encode()


def _text(a: DemoArticle) -> str:
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    rows = a.table_rows_html()
    if rows:
        paras.insert(2, f'<figure class="wp-block-table"><table>{rows}</table></figure>')
    text = "".join(paras)
    if a.person:
        deg, name, role = a.person
        who = escape(f"{deg} {name}" if deg else name)
        if a.id % 2:
            text += f'<p style="text-align: right;"><strong>{who}</strong></p>' + (
                f'<p style="text-align: right;"><em>{escape(role)}</em></p>' if role else "")
        else:
            text = f"<p><strong>{who}</strong>" + (f" ({escape(role)})" if role else "") + "</p>" + text
    share = "".join(f'<a href="https://{n}.com/share?u={article_path(a)}" class="icon button circle is-outline tooltip '
                    f'{n}" title="Chia sẻ trên {n.title()}" aria-label="Chia sẻ trên {n.title()}"><i class="icon-{n}">'
                    '</i></a>' for n in ("facebook", "twitter", "pinterest", "linkedin"))
    return (f'<div class="entry-content single-page">{text}<div class="blog-share text-center"><div class="is-divider '
            f'medium"></div><div class="social-icons share-icons share-row relative">{share}</div></div></div>')


def _post(a: DemoArticle, k: int, newest: list[DemoArticle]) -> bytes:
    prev_a = newest[k + 1] if k + 1 < len(newest) else None
    next_a = newest[k - 1] if k else None
    edited = a.published + timedelta(days=3, hours=2)
    nav = ""
    if prev_a:
        nav += (f'<div class="flex-col flex-grow nav-prev text-left"><div class="nav-previous"><a href="'
                f'{article_path(prev_a)}" rel="prev"><span class="hide-for-small"><i class="icon-angle-left"></i></span>'
                f' {escape(prev_a.title)}</a></div></div>')
    if next_a:
        nav += (f'<div class="flex-col flex-grow nav-next text-right"><div class="nav-next"><a href="'
                f'{article_path(next_a)}" rel="next">{escape(next_a.title)} <span class="hide-for-small"><i class="icon-'
                'angle-right"></i></span></a></div></div>')
    main = f"""<div id="content" class="blog-wrapper blog-single page-wrapper"><div class="row row-large row-divided">
<div class="large-9 col"><article id="post-{a.id}" class="post-{a.id} post type-post status-publish format-standard
has-post-thumbnail hentry category-{_cat(a)}"><div class="article-inner"><header class="entry-header"><div
class="entry-header-text entry-header-text-top text-left"><h6 class="entry-category is-xsmall"><a
href="/category/{_cat(a)}/" rel="category tag">{CATS[_cat(a)]}</a></h6><h1 class="entry-title">{escape(a.title)}</h1>
<div class="entry-divider is-divider small"></div><div class="entry-meta uppercase is-xsmall"><span
class="posted-on">Đăng vào <a href="{article_path(a)}" rel="bookmark"><time class="entry-date published"
datetime="{a.published.isoformat()}">{a.published:%d/%m/%Y}</time><time class="updated"
datetime="{edited.isoformat()}">{edited:%d/%m/%Y}</time></a></span><span class="byline"> bởi <span class="meta-author
vcard"><a class="url fn n" href="/author/admin/">admin</a></span></span></div></div><div class="entry-image
relative"><a href="{article_path(a)}"><img width="1020" height="680" src="/wp-content/uploads/anh-{a.id}.jpg"
class="attachment-large size-large wp-post-image" alt=""></a>{_badge(a)}</div></header>{_text(a)}<footer
class="entry-meta text-left">Bài viết này được đăng trong <a href="/category/{_cat(a)}/" rel="category
tag">{CATS[_cat(a)]}</a>. Đánh dấu <a href="{article_path(a)}" title="Permalink to {escape(a.title)}"
rel="bookmark">đường dẫn tĩnh</a>.</footer><div class="entry-author author-box"><div class="flex-row align-top"><div
class="flex-col mr circle"><div class="blog-author-image"><img alt="" src="/avatar.png" class="avatar avatar-90 photo"
height="90" width="90"></div></div><div class="flex-col flex-grow"><h5 class="author-name uppercase pt-half">admin</h5>
<p class="author-desc small"></p></div></div></div><nav role="navigation" id="nav-below" class="navigation-post"><div
class="flex-row next-prev-nav bt bb">{nav}</div></nav></div></article><div id="comments" class="comments-area"><div
id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Trả lời <small><a rel="nofollow"
id="cancel-comment-reply-link" href="#respond" style="display:none;">Hủy</a></small></h3><form action="/wp-comments-
post.php" method="post" id="commentform" class="comment-form" novalidate><p class="comment-notes"><span
id="email-notes">Email của bạn sẽ không được hiển thị công khai.</span> <span class="required-field-message">Các trường
bắt buộc được đánh dấu <span class="required">*</span></span></p><p class="comment-form-comment"><label
for="comment">Bình luận <span class="required">*</span></label><textarea id="comment" name="comment" cols="45"
rows="8" maxlength="65525" required></textarea></p><p class="comment-form-author"><label for="author">Tên <span
class="required">*</span></label><input id="author" name="author" type="text" value="" size="30" maxlength="245"
required></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Phản hồi"></p>
</form></div></div></div>{_sidebar(newest)}</div></div>"""
    return _frame(a.title, f"post-template-default single single-post postid-{a.id} single-format-standard", main)


def _card(a: DemoArticle) -> str:
    return (f'<div class="col post-item"><div class="col-inner"><a href="{article_path(a)}" class="plain"><div class="box '
            'box-vertical box-text-bottom box-blog-post has-hover"><div class="box-image" style="width:40%;"><div '
            f'class="image-cover" style="padding-top:56%;"><img src="/wp-content/uploads/anh-{a.id}-300x200.jpg" alt="">'
            '</div></div><div class="box-text text-left"><div class="box-text-inner blog-post-inner"><h5 class="post-'
            f'title is-large">{escape(a.title)}</h5><div class="post-meta is-small op-8">{a.published:%d/%m/%Y}</div>'
            f'<div class="is-divider"></div><p class="from_the_blog_excerpt">{escape(a.paragraphs[0][:180])} [...]</p>'
            f'</div></div>{_badge(a, "is-xsmall")}</div></a></div></div>')


def _archive(routes: RouteTable, base: str, title: str, items: list[DemoArticle], newest: list[DemoArticle]) -> None:
    for n, pages, listed in pages_of(items, PER_PAGE):
        nav = page_numbers(n, pages, '<li><a class="page-number" href="{href}">{m}</a></li>',
                           '<li><span aria-current="page" class="page-number current">{m}</span></li>', base=base)
        cards = "".join(_card(a) for a in listed)
        main = (f'<div id="content" class="blog-wrapper blog-archive page-wrapper"><header class="archive-page-header">'
                f'<div class="row"><div class="large-12 text-center col"><h1 class="page-title is-large uppercase">'
                f'<span>{escape(title)}</span></h1></div></div></header><div class="row row-large row-divided"><div '
                f'class="large-9 col"><div class="row large-columns-1 medium-columns- small-columns-1">{cards}</div><ul '
                f'class="page-numbers nav-pagination links text-center">{nav}</ul></div>{_sidebar(newest)}</div></div>')
        routes[wp_page(base, n)] = Route(_frame(title, "archive category", main))


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=6113)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_post(a, k, newest))
    _archive(routes, "/", SCHOOL, newest, newest)
    for c, n in CATS.items():
        _archive(routes, f"/category/{c}/", f"Chuyên mục: {n}", [a for a in newest if _cat(a) == c], newest)
    _archive(routes, "/author/admin/", "Tác giả: admin", newest, newest)
    for slug, title, words in (("gioi-thieu", "Giới thiệu", newest[-1].paragraphs[:3]),
                               ("lien-he", "Liên hệ", ["Địa chỉ: số 20 đường Nguyễn Huệ, thành phố Phước Long.",
                                                       "Điện thoại: 0271 3879 456."])):
        main = (f'<div id="content" class="content-area page-wrapper" role="main"><div class="row row-main"><div '
                f'class="large-12 col"><div class="col-inner"><header class="entry-header"><h1 class="entry-title mb '
                f'uppercase">{title}</h1></header><div class="entry-content">'
                + "".join(f"<p>{escape(p)}</p>" for p in words) + "</div></div></div></div></div>")
        routes[f"/{slug}/"] = Route(_frame(title, "page-template-default page", main))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return {**a.truth(), "url": article_path(a)}
