"""A mock school site (Lam Hà), written to be kept out of the tuning loop, measured once by
benchmarks/crawl_accuracy.py, then mended by general rules and tuned (its first figures are
noted there).

A static site built by Hugo from Markdown, as a school's young IT officer would set one up: posts
at `/tin-tuc/<year>/<month>/<slug>/`, the post's header with its `<time datetime>` ("14/03/2024")
and the writer from the front matter ("Tác giả: ThS. X" over a role line), a table of contents
(`nav#TableOfContents`, links to the text's subheadings) above the text, subheadings carrying a
`#` anchor link to themselves, the post's tags and categories, the previous and next posts by
title; listings at `/tin-tuc/` paged at `/tin-tuc/page/N/` with summaries and "Đọc tiếp →", tag
and category pages at `/tags/<t>/` and `/categories/<c>/`, an `/index.xml` feed and a
`/sitemap.xml` that lists every page the build made (tags and categories too).
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable
from tests.sites.paging import pages_of, wp_page

SCHOOL = "Trường Chính trị tỉnh Lam Hà"
PER_PAGE = 5
SECTIONS = (("Kết quả đạt được", "Một số kinh nghiệm"), ("Những điểm mới", "Phương hướng thời gian tới"),
            ("Nội dung chính", "Ý kiến của học viên"), ("Quá trình triển khai", "Bài học rút ra"))


def _sections(a: DemoArticle) -> tuple[str, str]:
    return SECTIONS[a.id % len(SECTIONS)]


def article_path(a: DemoArticle) -> str:
    return f"/tin-tuc/{a.published:%Y/%m}/{a.slug}/"


def _listing(n: int) -> str:
    return "/tin-tuc/" if n == 1 else f"/tin-tuc/page/{n}/"


def _tag(a: DemoArticle) -> str:
    return a.slug.split("-")[0]


def _cat(a: DemoArticle) -> str:
    return a.category


def _anchor(text: str) -> str:
    return "-".join(text.lower().split())


def _frame(title: str, main: str) -> bytes:
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="generator" content="Hugo 0.124.1">
<title>{escape(title)} | {SCHOOL}</title><link rel="alternate" type="application/rss+xml" href="/index.xml"
title="{SCHOOL}"></head><body><header class="site-header"><a class="site-title" href="/">{SCHOOL}</a><nav
class="site-nav"><a href="/">Trang chủ</a> <a href="/gioi-thieu/">Giới thiệu</a> <a href="/tin-tuc/">Tin tức</a>
<a href="/categories/">Chuyên mục</a> <a href="/tags/">Thẻ</a></nav></header><main class="main">{main}</main>
<footer class="site-footer"><p>&copy; 2024 {SCHOOL}. Xây dựng bằng <a href="https://gohugo.io">Hugo</a>.</p>
</footer></body></html>""".encode()


def _post(a: DemoArticle, prev_a: DemoArticle | None, next_a: DemoArticle | None) -> bytes:
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    rows = a.table_rows_html()
    heads = [f'<h2 id="{_anchor(h)}">{h} <a class="anchor" href="#{_anchor(h)}">#</a></h2>' for h in _sections(a)]
    # (The truth's text has no subheadings: they are printed here between paragraphs, as a
    # Markdown post's "## …" would be, and a reader reads them; the truth adds them below.)
    body = paras[0] + heads[0] + paras[1] + (f"<table>{rows}</table>" if rows else "") + heads[1] + "".join(paras[2:])
    toc = "".join(f'<li><a href="#{_anchor(h)}">{h}</a></li>' for h in _sections(a))
    writer = ""
    if a.person:
        deg, name, role = a.person
        writer = (f'<span class="post-author">Tác giả: {escape(f"{deg} {name}" if deg else name)}</span>'
                  + (f'<div class="post-author-role">{escape(role)}</div>' if role else ""))
    nav = "".join(f'<a class="{cls}" href="{article_path(x)}">{arrow} {escape(x.title)}</a>'
                  for cls, arrow, x in (("prev", "←", prev_a), ("next", "→", next_a)) if x)
    main = (f'<article class="post-single"><header class="post-header"><h1 class="post-title">{escape(a.title)}'
            f'</h1><div class="post-meta"><time datetime="{a.published.isoformat()}">{a.published:%d/%m/%Y}</time>'
            f' · 3 phút đọc</div>{writer}</header><details class="toc"><summary>Mục lục</summary><nav id='
            f'"TableOfContents"><ul>{toc}</ul></nav></details><div class="post-content">{body}</div><footer '
            f'class="post-footer"><ul class="post-tags"><li><a href="/tags/{_tag(a)}/">{_tag(a)}</a></li><li><a '
            f'href="/categories/{_cat(a)}/">{_cat(a)}</a></li></ul><nav class="paginav">{nav}</nav></footer>'
            '</article>')
    return _frame(a.title, main)


def _summaries(arts: list[DemoArticle]) -> str:
    return "".join(f'<article class="post-entry"><header class="entry-header"><h2>{escape(a.title)}</h2></header>'
                   f'<div class="entry-content"><p>{escape(a.paragraphs[0][:170])}…</p></div><footer class="entry-'
                   f'footer"><time datetime="{a.published.isoformat()}">{a.published:%d/%m/%Y}</time></footer><a '
                   f'class="entry-link" aria-label="bài viết {escape(a.title)}" href="{article_path(a)}"></a>'
                   f'<a href="{article_path(a)}">Đọc tiếp →</a></article>' for a in arts)


def _pages(routes: RouteTable, arts: list[DemoArticle], base: str, title: str) -> None:
    for n, pages, listed in pages_of(arts, PER_PAGE):
        nav = (f'<a class="prev" href="{wp_page(base, n - 1)}">« Trang trước</a>' if n > 1 else "") + \
            (f'<a class="next" href="{wp_page(base, n + 1)}">Trang sau »</a>' if n < pages else "")
        routes[wp_page(base, n)] = Route(_frame(title, f'<header class="page-header"><h1>{escape(title)}</h1></header>'
                                           f'{_summaries(listed)}<footer class='
                                           f'"page-footer"><nav class="pagination">{nav}</nav></footer>'))


def build(count: int = 16) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=8862)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_post(a, newest[k + 1] if k + 1 < len(newest) else None,
                                              newest[k - 1] if k else None))
    _pages(routes, newest, "/tin-tuc/", "Tin tức")
    _pages(routes, newest, "/", SCHOOL)
    tags = sorted({_tag(a) for a in newest})
    cats = sorted({_cat(a) for a in newest})
    for t in tags:
        _pages(routes, [a for a in newest if _tag(a) == t], f"/tags/{t}/", t)
    for c in cats:
        _pages(routes, [a for a in newest if _cat(a) == c], f"/categories/{c}/", c)
    routes["/tags/"] = Route(_frame("Thẻ", "<h1>Thẻ</h1><ul>" + "".join(
        f'<li><a href="/tags/{t}/">{t}</a></li>' for t in tags) + "</ul>"))
    routes["/categories/"] = Route(_frame("Chuyên mục", "<h1>Chuyên mục</h1><ul>" + "".join(
        f'<li><a href="/categories/{c}/">{c}</a></li>' for c in cats) + "</ul>"))
    intro = "".join(f"<p>{escape(p)}</p>" for p in newest[-1].paragraphs[:3])
    routes["/gioi-thieu/"] = Route(_frame("Giới thiệu", f'<article class="post-single"><h1 class="post-title">'
                                                        f'Giới thiệu</h1><div class="post-content">{intro}</div></article>'))
    urls = ["/", "/tin-tuc/", "/gioi-thieu/", *(article_path(a) for a in newest), *(f"/tags/{t}/" for t in tags),
            *(f"/categories/{c}/" for c in cats)]
    routes["/sitemap.xml"] = Route(('<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/'
                                    'schemas/sitemap/0.9">' + "".join(f"<url><loc>http://lamha.example{u}</loc></url>"
                                                                      for u in urls) + "</urlset>").encode(),
                                   content_type="application/xml")
    items = "".join(f"<item><title>{escape(a.title)}</title><link>http://lamha.example{article_path(a)}</link>"
                    f"<pubDate>{a.published:%a, %d %b %Y %H:%M:%S %z}</pubDate></item>" for a in newest[:10])
    routes["/index.xml"] = Route(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{SCHOOL}'
                                 f'</title>{items}</channel></rss>'.encode(), content_type="application/rss+xml")
    return routes, arts


def truth(a: DemoArticle) -> dict:
    t = a.truth()
    paras = t["body"].split("\n\n")
    # The subheadings are the text's: after the first paragraph, and before the text's third.
    table_rows = len(a.table)
    first, second = _sections(a)
    t["body"] = "\n\n".join([paras[0], first, paras[1], *paras[2:2 + table_rows], second,
                             *paras[2 + table_rows:]])
    return t
