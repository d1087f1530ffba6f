"""A mock school site (Xuân Lộc), written to be kept out of the tuning loop and measured once by
benchmarks/crawl_accuracy.py (its first figures are noted there).

WordPress with the GeneratePress theme, its post meta switched off, as a site does that wants
no dates shown: no date, no writer's account, no `article:published_time` (no SEO plugin) — the
posts are undated for a reader and for machines alike. Posts at `/%postname%/` (no number in
the address, a slug made unique with `-2` by WordPress), the writer typed by the editor at the
end of some texts. Static pages ("Lịch sử hình thành và phát triển", "Chức năng, nhiệm vụ của nhà
trường") linked from the menu and from a sidebar box by their full titles, with text as long as
a post's. Archives print the headline link, the excerpt and a "Xem thêm" button, paged at
`/page/N/`; the home page is the blog; a widget lists the latest posts by headline.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable
from tests.sites.paging import page_numbers, pages_of, wp_page

SCHOOL = "Trường Chính trị tỉnh Xuân Lộc"
PER_PAGE = 6
CATS = {"tin-tuc-su-kien": "Tin tức - Sự kiện", "nghien-cuu-trao-doi": "Nghiên cứu - Trao đổi"}
PAGES = {
    "lich-su-hinh-thanh-va-phat-trien": "Lịch sử hình thành và phát triển của nhà trường",
    "chuc-nang-nhiem-vu-cua-nha-truong": "Chức năng, nhiệm vụ của Trường Chính trị tỉnh Xuân Lộc",
}
PAGE_TEXT = (
    "Trường Chính trị tỉnh Xuân Lộc được thành lập trên cơ sở hợp nhất Trường Đảng tỉnh và Trường Hành chính "
    "tỉnh, là cơ sở đào tạo, bồi dưỡng cán bộ, công chức, viên chức của hệ thống chính trị ở địa phương.",
    "Trải qua các giai đoạn phát triển, nhà trường luôn hoàn thành tốt nhiệm vụ được giao, đào tạo hàng chục "
    "nghìn cán bộ có trình độ trung cấp lý luận chính trị - hành chính cho các cấp ủy, chính quyền, Mặt trận "
    "Tổ quốc và các đoàn thể chính trị - xã hội trong tỉnh.",
    "Nhà trường chịu sự lãnh đạo trực tiếp, toàn diện của Ban Thường vụ Tỉnh ủy, sự quản lý nhà nước của Ủy ban "
    "nhân dân tỉnh và sự hướng dẫn về chương trình, nội dung đào tạo của Học viện Chính trị quốc gia Hồ Chí Minh.",
)

_SLUGS: dict[int, str] = {}


def _cat(a: DemoArticle) -> str:
    return "tin-tuc-su-kien" if a.id % 4 else "nghien-cuu-trao-doi"


def article_path(a: DemoArticle) -> str:
    return f"/{_SLUGS.get(a.id, a.slug)}/"


def _frame(title: str, body_class: str, main: str, newest: list[DemoArticle]) -> bytes:
    menu = "".join(f'<li class="menu-item"><a href="{h}">{t}</a></li>' for h, t in (
        ("/", "Trang chủ"), *((f"/{p}/", t) for p, t in PAGES.items()),
        *((f"/category/{c}/", n) for c, n in CATS.items())))
    latest = "".join(f'<li><a href="{article_path(a)}">{escape(a.title)}</a></li>' for a in newest[:5])
    about = "".join(f'<li><a href="/{p}/">{escape(t)}</a></li>' for p, t in PAGES.items())
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><meta name="viewport"
content="width=device-width, initial-scale=1"><title>{escape(title)} &#8211; {SCHOOL}</title><link rel="alternate"
type="application/rss+xml" title="{SCHOOL} &raquo; Dòng thông tin" href="/feed/"></head><body class="{body_class}
wp-embed-responsive right-sidebar nav-float-right separate-containers header-aligned-left dropdown-hover"
itemtype="https://schema.org/Blog" itemscope><a class="screen-reader-text skip-link" href="#content" title="Chuyển
đến nội dung">Chuyển đến nội dung</a><header class="site-header" id="masthead" aria-label="Trang web"><div
class="inside-header grid-container"><div class="site-branding"><p class="main-title" itemprop="headline"><a
href="/" rel="home">{SCHOOL}</a></p></div><nav class="main-navigation sub-menu-right" id="site-navigation"
aria-label="Chính"><div class="inside-navigation grid-container"><button class="menu-toggle"
aria-controls="primary-menu" aria-expanded="false"><span class="mobile-menu">Menu</span></button><div
id="primary-menu" class="main-nav"><ul class="menu sf-menu">{menu}</ul></div></div></nav></div></header><div
class="site grid-container container hfeed" id="page"><div class="site-content" id="content"><div
class="content-area" id="primary"><main class="site-main" id="main">{main}</main></div><div class="widget-area
sidebar is-right-sidebar" id="right-sidebar"><div class="inside-right-sidebar"><aside id="recent-posts-3"
class="widget inner-padding widget_recent_entries"><h2 class="widget-title">Tin mới đăng</h2><ul>{latest}</ul>
</aside><aside id="nav_menu-2" class="widget inner-padding widget_nav_menu"><h2 class="widget-title">Giới thiệu
</h2><div class="menu-gioi-thieu-container"><ul class="menu">{about}</ul></div></aside></div></div></div></div>
<div class="site-footer"><footer class="site-info" aria-label="Trang web" itemtype="https://schema.org/WPFooter"
itemscope><div class="inside-site-info grid-container"><div class="copyright-bar"><span class="copyright">&copy;
2024 {SCHOOL}</span> &bull; Được xây dựng với <a href="https://generatepress.com" itemprop="url">GeneratePress</a>
</div></div></footer></div></body></html>""".encode()


def _text(a: DemoArticle) -> str:
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    rows = a.table_rows_html()
    if rows:
        paras.insert(2, f'<figure class="wp-block-table"><table><tbody>{rows}</tbody></table></figure>')
    if a.person:
        deg, name, role = a.person
        who = escape(f"{deg} {name}" if deg else name)
        paras.append(f'<p style="text-align: right;"><strong>{who}</strong>'
                     + (f'<br><em>{escape(role)}</em>' if role else "") + "</p>")
    return "".join(paras)


def _single(cls: str, title: str, text: str, extra: str = "") -> str:
    return (f'<article id="{cls}" class="{cls} type-{cls.split("-")[0]} status-publish" itemtype='
            '"https://schema.org/CreativeWork" itemscope><div class="inside-article"><header class="entry-header">'
            f'<h1 class="entry-title" itemprop="headline">{escape(title)}</h1></header><div class="entry-content" '
            f'itemprop="text">{text}</div>{extra}</div></article>')


def _post(a: DemoArticle, k: int, newest: list[DemoArticle]) -> bytes:
    nav = ""
    if k + 1 < len(newest):
        nav += (f'<div class="nav-previous"><span class="prev"><a href="{article_path(newest[k + 1])}" rel="prev">'
                f"{escape(newest[k + 1].title)}</a></span></div>")
    if k:
        nav += (f'<div class="nav-next"><span class="next"><a href="{article_path(newest[k - 1])}" rel="next">'
                f"{escape(newest[k - 1].title)}</a></span></div>")
    footer = (f'<footer class="entry-meta" aria-label="Meta bài viết"><span class="cat-links"><span '
              f'class="screen-reader-text">Danh mục </span><a href="/category/{_cat(a)}/" rel="category tag">'
              f'{CATS[_cat(a)]}</a></span><nav id="nav-below" class="post-navigation" aria-label="Bài viết">'
              f"{nav}</nav></footer>")
    main = _single(f"post-{a.id}", a.title, _text(a), footer)
    return _frame(a.title, f"post-template-default single single-post postid-{a.id} single-format-standard", main,
                  newest)


def _item(a: DemoArticle) -> str:
    return (f'<article id="post-{a.id}" class="post-{a.id} post type-post status-publish format-standard" '
            'itemtype="https://schema.org/CreativeWork" itemscope><div class="inside-article"><header '
            f'class="entry-header"><h2 class="entry-title" itemprop="headline"><a href="{article_path(a)}" '
            f'rel="bookmark">{escape(a.title)}</a></h2></header><div class="entry-summary" itemprop="text"><p>'
            f'{escape(a.paragraphs[0][:180])} &#8230; </p><p class="read-more-container"><a title="{escape(a.title)}" '
            f'class="read-more button" href="{article_path(a)}" aria-label="Xem thêm {escape(a.title)}">Xem thêm</a>'
            "</p></div></div></article>")


def _archive(routes: RouteTable, base: str, title: str | None, items: list[DemoArticle],
             newest: list[DemoArticle]) -> None:
    for n, pages, listed in pages_of(items, PER_PAGE):
        links = page_numbers(n, pages, '<a class="page-numbers" href="{href}">{m}</a>',
                             '<span aria-current="page" class="page-numbers current">{m}</span>', base=base)
        if n < pages:
            links += f'<a class="next page-numbers" href="{base}page/{n + 1}/">Tiếp &rarr;</a>'
        header = (f'<header class="page-header" aria-label="Trang"><h1 class="page-title">{escape(title)}</h1>'
                  "</header>") if title else ""
        main = (header + "".join(_item(a) for a in listed)
                + f'<nav id="nav-below" class="paging-navigation" aria-label="Lưu trữ trang"><div class="nav-links">'
                  f"{links}</div></nav>")
        routes[wp_page(base, n)] = Route(_frame(title or SCHOOL, "blog" if base == "/" else "archive category", main, newest))


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=6121)
    seen: dict[str, int] = {}
    for a in arts:  # WordPress makes a repeated slug unique: the second post gets "-2"
        n = seen[a.slug] = seen.get(a.slug, 0) + 1
        _SLUGS[a.id] = a.slug if n == 1 else f"{a.slug}-{n}"
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_post(a, k, newest))
    _archive(routes, "/", None, newest, newest)
    for c, n in CATS.items():
        _archive(routes, f"/category/{c}/", n, [a for a in newest if _cat(a) == c], newest)
    text = "".join(f"<p>{escape(p)}</p>" for p in PAGE_TEXT)
    for i, (p, t) in enumerate(PAGES.items(), 2):
        routes[f"/{p}/"] = Route(_frame(t, f"page-template-default page page-id-{i}", _single(f"page-{i}", t, text),
                                        newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return {**a.truth(), "url": article_path(a), "published_at": None}  # (the site shows no date anywhere)
