"""A mock school site (Vĩnh Hưng), written to be kept out of the tuning loop and measured once by
benchmarks/crawl_accuracy.py (its first figures are noted there).

A Next.js front end over a headless CMS, as new provincial sites are built: every class a CSS
module's (`ArticleDetail_content__fL0aB`) or a CSS-in-JS hash (`css-1n3k0bv`), the page's column
of text and its sidebar wrapped in one `Layout_withSidebar__…` element, the day printed the way
`Intl.DateTimeFormat("vi-VN")` prints it (`Thứ Hai, 5 tháng 8, 2024`) in a span beside the hour's,
the text in CKEditor 5's markup (`<figure class="image">` with its caption, `<figure
class="table">`), the writer typed at its top or its end, `next/image` pictures with a `<noscript>`
copy, JSON-LD naming the editorial board and the time in UTC, the page's data again in
`__NEXT_DATA__`; posts at `/<category>/<slug>-<id>` without a suffix. One category is paged by
`?page=N` links, the other only by a "Xem thêm" button that a script serves: its older posts are
found in the sitemap index that `robots.txt` names (next-sitemap's `/sitemap.xml` over
`/sitemap-0.xml`, on the production domain).
"""
from __future__ import annotations

import json
from datetime import UTC
from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

SCHOOL = "Trường Chính trị tỉnh Vĩnh Hưng"
DOMAIN = "https://truongchinhtri.vinhhung.gov.vn"
PER_PAGE = 6
CATS = {"tin-tuc": "Tin tức", "nghien-cuu": "Nghiên cứu"}
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
XML = "application/xml; charset=utf-8"


def _cat(a: DemoArticle) -> str:
    return "tin-tuc" if a.id % 3 else "nghien-cuu"


def article_path(a: DemoArticle) -> str:
    return f"/{_cat(a)}/{a.slug}-{a.id}"


def _day(a: DemoArticle) -> str:
    p = a.published
    return f"{WEEKDAYS[p.weekday()]}, {p.day} tháng {p.month}, {p.year}"


def _picture(src: str, alt: str = "") -> str:
    return (f'<span style="box-sizing:border-box;display:block;overflow:hidden;position:relative"><img alt="{alt}" '
            'src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" decoding="async" '
            f'data-nimg="responsive" style="position:absolute;inset:0"><noscript><img alt="{alt}" src="/_next/image?'
            f'url={src}&amp;w=1200&amp;q=75" decoding="async" data-nimg="responsive" loading="lazy"></noscript></span>')


def _text(a: DemoArticle) -> str:
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    rows = a.table_rows_html()
    if rows:
        paras.insert(2, f'<figure class="table"><table><tbody>{rows}</tbody></table></figure>')
    if a.id % 2:
        paras.insert(1, f'<figure class="image"><img src="/uploads/anh_{a.id}.jpg" alt="anh_{a.id}"><figcaption>'
                        'Các đại biểu dự buổi lễ chụp ảnh lưu niệm cùng học viên</figcaption></figure>')
    text = "".join(paras)
    if a.person:
        deg, name, role = a.person
        who = escape(f"{deg} {name}" if deg else name)
        if a.id % 4 in (0, 1):
            text += (f'<p style="text-align:right;"><strong>{who}</strong></p>'
                     + (f'<p style="text-align:right;"><i>{escape(role)}</i></p>' if role else ""))
        else:
            text = f"<p><strong><i>{who}" + (f" - {escape(role)}" if role else "") + "</i></strong></p>" + text
    return text


def _card(a: DemoArticle, teaser: bool = True) -> str:
    return (f'<div class="NewsCard_card__Wq3xT"><a class="NewsCard_thumb__b71Pz" href="{article_path(a)}">'
            f'{_picture(f"/uploads/thumb_{a.id}.jpg", escape(a.title))}</a><div class="NewsCard_body__2kLmN"><h3 '
            f'class="NewsCard_title__mC0e1"><a href="{article_path(a)}">{escape(a.title)}</a></h3><p class="NewsCard_'
            f'date__Hs8Qa">{a.published:%d/%m/%Y}</p>'
            + (f'<p class="NewsCard_desc__0pQwe">{escape(a.paragraphs[0][:160])}...</p>' if teaser else "")
            + "</div></div>")


def _sidebar(newest: list[DemoArticle]) -> str:
    items = "".join(f'<li class="css-9k2l1m"><a href="{article_path(a)}">{escape(a.title)}</a><span class="css-'
                    f'1n3k0bv">{a.published:%d/%m/%Y}</span></li>' for a in newest[:5])
    return (f'<aside class="Sidebar_sidebar__3b9Zp"><div class="Sidebar_box__Pq7Rt"><h2 class="Sidebar_heading__'
            f'Lk2Jd">Tin mới nhất</h2><ul class="css-4x1d8a">{items}</ul></div><div class="Sidebar_box__Pq7Rt"><h2 '
            f'class="Sidebar_heading__Lk2Jd">Liên kết</h2><a href="https://dangcongsan.vn">'
            f'{_picture("/uploads/banner-dcs.png", "Báo Điện tử Đảng Cộng sản Việt Nam")}</a></div></aside>')


def _frame(title: str, main: str, newest: list[DemoArticle], data: dict, head: str = "") -> bytes:
    menu = "".join(f'<li class="Header_item__0aZ1k"><a class="Header_link__Yy6Tn" href="{h}">{t}</a></li>' for h, t in
                   (("/", "Trang chủ"), ("/gioi-thieu", "Giới thiệu"), *((f"/{c}", n) for c, n in CATS.items())))
    next_data = json.dumps({"props": {"pageProps": data}, "page": "/[category]/[slug]", "buildId": "x8Kq2mZ",
                            "isFallback": False, "gssp": True}, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"><meta name="viewport"
content="width=device-width"><title>{escape(title)} | {SCHOOL}</title>{head}<link rel="preload"
href="/_next/static/css/4b2e1c9d.css" as="style"><link rel="stylesheet" href="/_next/static/css/4b2e1c9d.css"
data-n-g=""></head><body><div id="__next"><div class="Layout_wrapper__Zx81K"><header class="Header_header__p2WqL"><div
class="Header_top__kq0Pz"><a class="Header_logo__R1c7d" href="/">{_picture("/logo.png", SCHOOL)}<span
class="Header_name__s8Bv3">{SCHOOL}</span></a></div><nav class="Header_nav__x9Lwe"><ul class="css-7yb2ro">{menu}</ul>
<button class="Header_burger__Vb2n0" aria-label="Mở menu"><span></span></button></nav></header><main
class="Layout_withSidebar__k2D8s"><div class="Layout_content__1Qw3e">{main}</div>{_sidebar(newest)}</main><footer
class="Footer_footer__Jd8sQ"><div class="css-0"><p class="Footer_name__l0Ojb">{SCHOOL}</p><p>Địa chỉ: số 45 đường
Trần Phú, thành phố Vĩnh Hưng</p><p>Điện thoại: 0270 3823 789 - Email: tct@vinhhung.gov.vn</p><p>Chịu trách nhiệm
nội dung: Hiệu trưởng nhà trường</p></div></footer></div></div><script id="__NEXT_DATA__"
type="application/json">{next_data}</script></body></html>""".encode()


def _utc(a: DemoArticle) -> str:
    return a.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _post(a: DemoArticle, newest: list[DemoArticle]) -> bytes:
    related = "".join(_card(x, teaser=False) for x in [y for y in newest if y is not a and _cat(y) == _cat(a)][:4])
    main = f"""<nav aria-label="breadcrumb" class="Breadcrumb_wrap__r4Tn1"><ol class="css-k008qs"><li><a
href="/">Trang chủ</a></li><li><a href="/{_cat(a)}">{CATS[_cat(a)]}</a></li></ol></nav><article
class="ArticleDetail_article__Hk2s9"><h1 class="ArticleDetail_title__Qd3kL">{escape(a.title)}</h1><div
class="ArticleDetail_meta__7cXwP"><span class="css-1n3k0bv"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>
{_day(a)}</span><span class="css-1n3k0bv"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>{a.published:%H:%M}
</span><span class="css-8a7xyz">{(a.id * 53) % 900 + 40} lượt xem</span></div><div class="ArticleDetail_content__fL0aB
ck-content">{_text(a)}</div><div class="ArticleDetail_tags__c2Wm9"><span class="css-1q0e8xk">Từ khóa:</span><a
class="Tag_tag__u7Yh2" href="/tag/{a.slug.split("-")[0]}">{a.slug.split("-")[0]}</a><a class="Tag_tag__u7Yh2"
href="/tag/truong-chinh-tri">trường chính trị</a></div><div class="ShareBar_share__E1bVc"><span>Chia sẻ:</span><button
aria-label="Chia sẻ lên Facebook" class="css-2b097c"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg></button>
<button aria-label="Chia sẻ lên Zalo" class="css-2b097c"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>
</button><button aria-label="Sao chép liên kết" class="css-2b097c">Sao chép liên kết</button></div></article><section
class="RelatedNews_related__Tz5aK"><h2 class="RelatedNews_heading__m8OqS">Tin liên quan</h2><div
class="RelatedNews_grid__Ud4Ee">{related}</div></section>"""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
                     "datePublished": _utc(a), "dateModified": _utc(a),
                     "author": {"@type": "Organization", "name": "Ban biên tập"},
                     "publisher": {"@type": "Organization", "name": SCHOOL}}, ensure_ascii=False)
    data = {"article": {"id": a.id, "title": a.title, "slug": a.slug, "publishedAt": _utc(a),
                        "content": _text(a), "category": {"slug": _cat(a), "name": CATS[_cat(a)]}}}
    return _frame(a.title, main, newest, data, f'<script type="application/ld+json">{ld}</script>')


def _listing(title: str, cards: str, more: str, newest: list[DemoArticle]) -> bytes:
    main = (f'<h1 class="CategoryPage_title__o2Hk8">{escape(title)}</h1><div class="CategoryPage_grid__Jq1Vb">{cards}'
            f'</div>{more}')
    return _frame(title, main, newest, {"title": title})


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=7731)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for a in newest:
        routes[article_path(a)] = Route(_post(a, newest))
    routes["/"] = Route(_listing("Tin mới", "".join(_card(a) for a in newest[:PER_PAGE]),
                                 '<div class="css-1x0a9vh"><a href="/tin-tuc">Xem tất cả</a></div>', newest))
    news = [a for a in newest if _cat(a) == "tin-tuc"]
    pages = -(-len(news) // PER_PAGE)
    for n in range(1, pages + 1):
        nav = "".join(f'<li><a class="Pagination_page__Tq1Wd" href="/tin-tuc?page={m}">{m}</a></li>' if m != n else
                      f'<li><span class="Pagination_current__a0Ldx">{m}</span></li>' for m in range(1, pages + 1))
        routes["/tin-tuc" if n == 1 else f"/tin-tuc?page={n}"] = Route(_listing(
            "Tin tức", "".join(_card(a) for a in news[(n - 1) * PER_PAGE:n * PER_PAGE]),
            f'<nav class="Pagination_wrap__eD0Qy"><ul class="css-h5b8a0">{nav}</ul></nav>', newest))
    research = [a for a in newest if _cat(a) == "nghien-cuu"]
    routes["/nghien-cuu"] = Route(_listing("Nghiên cứu", "".join(_card(a) for a in research[:3]),
                                           '<button class="LoadMore_button__Fa0xq" type="button">Xem thêm</button>',
                                           newest))
    for tag in sorted({a.slug.split("-")[0] for a in newest}) + ["truong-chinh-tri"]:
        items = [a for a in newest if tag == "truong-chinh-tri" or a.slug.split("-")[0] == tag]
        routes[f"/tag/{tag}"] = Route(_listing(f"Từ khóa: {tag}", "".join(_card(a) for a in items[:PER_PAGE]), "",
                                               newest))
    intro = "".join(f"<p>{escape(p)}</p>" for p in newest[-1].paragraphs[:3])
    routes["/gioi-thieu"] = Route(_frame("Giới thiệu", f'<article class="StaticPage_page__Vn0eQ"><h1 class="StaticPage_'
                                                       f'title__d9Slk">Giới thiệu</h1><div class="ck-content">{intro}'
                                                       '</div></article>', newest, {}))
    routes["/robots.txt"] = Route(f"User-agent: *\nAllow: /\n\nHost: {DOMAIN}\nSitemap: {DOMAIN}/sitemap.xml\n"
                                  .encode(), content_type="text/plain; charset=utf-8")
    routes["/sitemap.xml"] = Route(
        f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<sitemap><loc>{DOMAIN}/sitemap-0.xml</loc></sitemap></sitemapindex>'.encode(), content_type=XML)
    urls = "".join(f"<url><loc>{DOMAIN}{article_path(a)}</loc><lastmod>{_utc(a)}</lastmod><changefreq>daily"
                   "</changefreq><priority>0.7</priority></url>" for a in newest)
    routes["/sitemap-0.xml"] = Route(
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<url><loc>{DOMAIN}</loc></url>{urls}</urlset>'.encode(), content_type=XML)
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return {**a.truth(), "url": article_path(a)}
