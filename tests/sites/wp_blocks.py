"""A mock school site (Ngọc Lĩnh), written to be kept out of the tuning loop, measured once by
benchmarks/crawl_accuracy.py, then mended by general rules and tuned (its first figures are
noted there).

WordPress 6 with a block theme (Twenty Twenty-Four's templates), in Vietnamese: posts at the
site's root (`/<slug>/`, the "post name" permalinks), the post's header printing `Th3 14, 2024 —
bởi Quản trị viên trong Tin tức` (the date "M j, Y" in WordPress's Vietnamese, in a `<time>`
whose `datetime` holds the hour, linked to the post), the text in `wp-block-post-content` with
image and table blocks, the writer typed by the editor into the text (right-aligned by a block
class, at its end or its start), then the post's tags, its neighbours, a "Bài viết liên quan"
query of three dated titles and the comment form. The home page and the category, tag and author
archives are query loops paged at `/page/N/`; two static pages (Giới thiệu, Liên hệ) have no date;
`robots.txt` names WordPress's own `/wp-sitemap.xml` index, whose sitemaps (and the `/feed/`) give
the production domain, not the host the site is served from.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable
from tests.sites.paging import page_numbers, pages_of, wp_page

SCHOOL = "Trường Chính trị tỉnh Ngọc Lĩnh"
DOMAIN = "https://truongchinhtringoclinh.edu.vn"
PER_PAGE = 6
CATS = {"tin-tuc": "Tin tức", "nghien-cuu-trao-doi": "Nghiên cứu - Trao đổi"}
XML = "application/xml; charset=utf-8"


def article_path(a: DemoArticle) -> str:
    return f"/{a.slug}-{a.id % 100}/"  # (WordPress makes a slug unique with a number)


def _cat(a: DemoArticle) -> str:
    return "tin-tuc" if a.id % 3 else "nghien-cuu-trao-doi"


def _tag(a: DemoArticle) -> str:
    return a.slug.split("-")[0]


def _date(a: DemoArticle) -> str:
    return (f'<div class="wp-block-post-date"><time datetime="{a.published.isoformat()}"><a href="'
            f'{article_path(a)}">Th{a.published.month} {a.published.day}, {a.published.year}</a></time></div>')


def _frame(title: str, body_class: str, main: str) -> bytes:
    menu = "".join(f'<li class="wp-block-navigation-item"><a class="wp-block-navigation-item__content" '
                   f'href="{href}"><span class="wp-block-navigation-item__label">{label}</span></a></li>'
                   for href, label in (("/", "Trang chủ"), ("/gioi-thieu/", "Giới thiệu"),
                                       *((f"/category/{c}/", n) for c, n in CATS.items()),
                                       ("/lien-he/", "Liên hệ")))
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>{escape(title)} &#8211; {SCHOOL}
</title><link rel="alternate" type="application/rss+xml" title="{SCHOOL} &raquo; Dòng thông tin" href="/feed/">
</head><body class="{body_class} wp-embed-responsive"><div class="wp-site-blocks"><header
class="wp-block-template-part"><div class="wp-block-group alignwide is-layout-flex"><p class="wp-block-site-title">
<a href="/" rel="home">{SCHOOL}</a></p><nav class="is-responsive wp-block-navigation" aria-label="Điều hướng">
<ul class="wp-block-navigation__container">{menu}</ul></nav></div></header><main class="wp-block-group
is-layout-flow">{main}</main><footer class="wp-block-template-part"><div class="wp-block-group has-global-padding">
<p>{SCHOOL}</p><p>Địa chỉ: số 12 đường Lê Lợi, thành phố Ngọc Lĩnh. Điện thoại: 0203 3812 345</p><p>Được
tài trợ bởi <a href="https://wordpress.org">WordPress</a></p></div></footer></div></body></html>""".encode()


def _byline(a: DemoArticle, k: int) -> tuple[str, str]:
    """The writer as the editor typed it into the text: (before the text, after it)."""
    if not a.person:
        return "", ""
    deg, name, role = a.person
    who = f"{deg} {name}" if deg else name
    if k % 3 == 1:
        return f"<p><strong>{escape(who)}</strong></p>" + (f"<p><em>{escape(role)}</em></p>" if role else ""), ""
    if k % 3 == 2 and role:
        return "", f'<p class="has-text-align-right"><strong>{escape(who)}</strong> ({escape(role)})</p>'
    return "", (f'<p class="has-text-align-right"><strong>{escape(who)}</strong>'
                + (f"<br>{escape(role)}" if role else "") + "</p>")


def _content(a: DemoArticle, k: int) -> str:
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    if a.table:
        paras.insert(2, f'<figure class="wp-block-table"><table class="has-fixed-layout"><tbody>'
                        f'{a.table_rows_html()}</tbody></table></figure>')
    if k % 2 == 0:
        paras.insert(1, f'<figure class="wp-block-image size-large"><img src="/wp-content/uploads/{a.id}.jpg" '
                        f'alt=""><figcaption class="wp-element-caption">Quang cảnh buổi lễ tại hội trường '
                        f'nhà trường</figcaption></figure>')
    before, after = _byline(a, k)
    return before + "".join(paras) + after


def _post(a: DemoArticle, k: int, newest: list[DemoArticle]) -> bytes:
    cat = _cat(a)
    related = [x for x in newest if x is not a and _cat(x) == cat][:3]
    rel = "".join(f'<li class="wp-block-post post-{x.id} post type-post status-publish format-standard hentry '
                  f'category-{cat}"><h3 class="wp-block-post-title"><a href="{article_path(x)}">{escape(x.title)}'
                  f'</a></h3>{_date(x)}</li>' for x in related)
    prev_a = newest[k + 1] if k + 1 < len(newest) else None
    next_a = newest[k - 1] if k > 0 else None
    nav = "".join(f'<div class="post-navigation-link-{side} wp-block-post-navigation-link"><a href="'
                  f'{article_path(x)}" rel="{rel_}">{escape(x.title)}</a></div>'
                  for side, rel_, x in (("previous", "prev", prev_a), ("next", "next", next_a)) if x)
    main = (f'<div class="wp-block-group has-global-padding is-layout-constrained"><h1 class="wp-block-post-title '
            f'has-x-large-font-size">{escape(a.title)}</h1><div class="wp-block-group is-layout-flex">{_date(a)}'
            '<p class="has-contrast-2-color has-text-color">—</p><p class="has-small-font-size">bởi</p>'
            '<div class="wp-block-post-author-name"><a href="/author/quantri/" target="_self" '
            'class="wp-block-post-author-name__link">Quản trị viên</a></div><div class="taxonomy-category '
            f'wp-block-post-terms"><span class="wp-block-post-terms__prefix">trong </span><a href="/category/{cat}/" '
            f'rel="tag">{CATS[cat]}</a></div></div></div><figure class="wp-block-post-featured-image"><img '
            f'src="/wp-content/uploads/{a.id}-feature.jpg" alt="" class="wp-post-image"></figure>'
            '<div class="entry-content alignfull wp-block-post-content has-global-padding is-layout-constrained '
            f'wp-block-post-content-is-layout-constrained">{_content(a, k)}</div>'
            '<div class="wp-block-group has-global-padding is-layout-constrained"><div class="taxonomy-post_tag '
            f'wp-block-post-terms"><a href="/tag/{_tag(a)}/" rel="tag">{_tag(a)}</a></div>'
            f'<nav class="wp-block-group is-layout-flex" aria-label="Bài viết">{nav}</nav></div>'
            '<div class="wp-block-query"><h2 class="wp-block-heading">Bài viết liên quan</h2><ul '
            f'class="wp-block-post-template is-layout-flow">{rel}</ul></div>'
            '<div class="wp-block-comments"><div id="respond" class="comment-respond wp-block-post-comments-form">'
            '<h3 id="reply-title" class="comment-reply-title">Để lại một bình luận</h3><form action="/wp-comments-'
            'post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">Email của bạn '
            'sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *</p><p class="comment-form-'
            'comment"><label for="comment">Bình luận *</label><textarea id="comment" name="comment"></textarea>'
            '</p><p class="form-submit wp-block-button"><input name="submit" type="submit" value="Phản hồi">'
            '</p></form></div></div>')
    return _frame(a.title, f"post-template-default single single-post postid-{a.id} single-format-standard", main)


def _loop(items: list[DemoArticle], base: str, page: int, pages: int, heading: str = "") -> str:
    posts = "".join(
        f'<li class="wp-block-post post-{a.id} post type-post status-publish format-standard has-post-thumbnail '
        f'hentry category-{_cat(a)} tag-{_tag(a)}"><figure class="wp-block-post-featured-image"><a href="'
        f'{article_path(a)}"><img src="/wp-content/uploads/{a.id}-feature.jpg" alt="{escape(a.title)}"></a>'
        f'</figure><h2 class="wp-block-post-title has-large-font-size"><a href="{article_path(a)}">'
        f'{escape(a.title)}</a></h2><div class="wp-block-post-excerpt"><p class="wp-block-post-excerpt__excerpt">'
        f'{escape(a.paragraphs[0][:150])} </p><p class="wp-block-post-excerpt__more-text"><a class="wp-block-post-'
        f'excerpt__more-link" href="{article_path(a)}">Đọc thêm</a></p></div>{_date(a)}</li>' for a in items)
    numbers = page_numbers(page, pages, '<a class="page-numbers" href="{href}">{m}</a>',
                           '<span aria-current="page" class="page-numbers current">{m}</span>', base=base)
    more = f'<a href="{wp_page(base, page + 1)}" class="wp-block-query-pagination-next">Trang tiếp</a>' \
        if page < pages else ""
    return (f'<div class="wp-block-group has-global-padding">{heading}<div class="wp-block-query alignwide">'
            f'<ul class="wp-block-post-template is-layout-grid columns-3">{posts}</ul><nav class="wp-block-query-'
            f'pagination" aria-label="Phân trang"><div class="wp-block-query-pagination-numbers">{numbers}</div>'
            f'{more}</nav></div></div>')


def _archive(routes: RouteTable, base: str, title: str, heading: str, items: list[DemoArticle], cls: str) -> None:
    h = f'<h1 class="wp-block-query-title">{heading}</h1>' if heading else ""
    for n, pages, listed in pages_of(items, PER_PAGE):
        routes[wp_page(base, n)] = Route(_frame(title, cls, _loop(listed, base, n, pages, h)))


def _xml(urls: list[str], tag: str = "urlset", item: str = "url") -> Route:
    inner = "".join(f"<{item}><loc>{DOMAIN}{u}</loc></{item}>" for u in urls)
    return Route(f'<?xml version="1.0" encoding="UTF-8"?><{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/'
                 f'0.9">{inner}</{tag}>'.encode(), content_type=XML)


def build(count: int = 18) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=1186)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_post(a, k, newest))
    _archive(routes, "/", SCHOOL, "", newest, "home blog")
    for c, name in CATS.items():
        _archive(routes, f"/category/{c}/", name, f"Chuyên mục: <span>{name}</span>",
                 [a for a in newest if _cat(a) == c], f"archive category category-{c}")
    for tag in {_tag(a) for a in newest}:
        _archive(routes, f"/tag/{tag}/", tag, f"Thẻ: <span>{tag}</span>", [a for a in newest if _tag(a) == tag],
                 f"archive tag tag-{tag}")
    _archive(routes, "/author/quantri/", "Quản trị viên", "Tác giả: <span>Quản trị viên</span>", newest,
             "archive author author-quantri")
    history = [a.paragraphs[i % len(a.paragraphs)] for i, a in enumerate(newest[:4])]
    pages = {"/gioi-thieu/": ("Giới thiệu", "".join(f"<p>{escape(p)}</p>" for p in history)),
             "/lien-he/": ("Liên hệ", f"<p>{SCHOOL}</p><p>Địa chỉ: số 12 đường Lê Lợi, thành phố Ngọc Lĩnh</p>"
                                      "<p>Điện thoại: 0203 3812 345. Thư điện tử: tct@ngoclinh.gov.vn</p>")}
    for path, (title, text) in pages.items():
        routes[path] = Route(_frame(title, "page-template-default page", '<div class="wp-block-group has-global-'
                                    f'padding"><h1 class="wp-block-post-title">{title}</h1><div class="entry-content '
                                    f'wp-block-post-content">{text}</div></div>'))
    routes["/robots.txt"] = Route(f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
                                  f"Sitemap: {DOMAIN}/wp-sitemap.xml\n".encode(), content_type="text/plain")
    routes["/wp-sitemap.xml"] = _xml(["/wp-sitemap-posts-post-1.xml", "/wp-sitemap-posts-page-1.xml",
                                      "/wp-sitemap-taxonomies-category-1.xml"], "sitemapindex", "sitemap")
    routes["/wp-sitemap-posts-post-1.xml"] = _xml([article_path(a) for a in newest])
    routes["/wp-sitemap-posts-page-1.xml"] = _xml(list(pages))
    routes["/wp-sitemap-taxonomies-category-1.xml"] = _xml([f"/category/{c}/" for c in CATS])
    items = "".join(f"<item><title>{escape(a.title)}</title><link>{DOMAIN}{article_path(a)}</link><pubDate>"
                    f"{a.published:%a, %d %b %Y %H:%M:%S %z}</pubDate><dc:creator><![CDATA[Quản trị viên]]>"
                    f"</dc:creator><description><![CDATA[{a.paragraphs[0][:150]} [&#8230;]]]></description></item>"
                    for a in newest[:10])
    routes["/feed/"] = Route(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/'
                             f'dc/elements/1.1/"><channel><title>{SCHOOL}</title><link>{DOMAIN}</link>{items}'
                             f'</channel></rss>'.encode(), content_type="application/rss+xml; charset=UTF-8")
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return a.truth()
