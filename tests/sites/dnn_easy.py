"""A mock school site (Mỹ Sơn), written to be kept out of the tuning loop, measured once by
benchmarks/crawl_accuracy.py, then mended by a general rule and tuned (its first figures are
noted there).

DNN 9 (DotNetNuke) with the EasyDNNnews module, as provincial portals run it: the whole page inside
one ASP.NET `<form>` (hidden view state, a visible search box in the banner), the module's SEO
addresses (`/tin-tuc/ArtMID/512/ArticleID/<n>/<slug>`, listings paged at `/tin-tuc/PgrID/512/PageID/N`,
categories, tags, writers and month archives as `…/CategoryID/…`, `…/TagID/…`, `…/AuthorID/…`,
`…/ArchiveDate/…`), the article as EasyDNN's template prints it (`h1.edn_articleTitle`, the
writer's account and a `<time>` showing the day alone in .NET's Vietnamese month names in
`edn_metaDetails`, the summary apart in `edn_articleSummary`, then the text), a print button to a
bare copy of the article (`PrintArticle.aspx`), the tags, "Tin liên quan" with dates, DNN's own
copyright, terms and log-in links in the footer, an introduction page of the HTML module.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable
from tests.sites.paging import page_numbers, pages_of

SCHOOL = "Trường Chính trị tỉnh Mỹ Sơn"
MID = 512
PER_PAGE = 5
CATS = {3: ("Tin hoạt động", "Tin-hoat-dong"), 4: ("Nghiên cứu khoa học", "Nghien-cuu-khoa-hoc")}
MONTHS = ("Giêng", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai")


def article_path(a: DemoArticle) -> str:
    return f"/tin-tuc/ArtMID/{MID}/ArticleID/{a.id}/{a.slug}"


def _print_path(a: DemoArticle) -> str:
    return f"/DesktopModules/EasyDNNnews/PrintArticle.aspx?ArticleID={a.id}&tabid=55&moduleid={MID}"


def _cat(a: DemoArticle) -> int:
    return 3 if a.id % 4 else 4


def _listing(n: int, base: str = "/tin-tuc") -> str:
    return base if n == 1 else f"/tin-tuc/PgrID/{MID}/PageID/{n}" + ("" if base == "/tin-tuc" else
                                                                       base.split(f"ArtMID/{MID}", 1)[1])


def _day(a: DemoArticle) -> str:
    return f"{a.published.day:02d} Tháng {MONTHS[a.published.month - 1]} {a.published.year}"


def _frame(title: str, main: str, months: list[str]) -> bytes:
    menu = "".join(f'<li class="rmItem"><a class="rmLink" href="{h}"><span class="rmText">{t}</span></a></li>'
                   for h, t in (("/", "Trang chủ"), ("/gioi-thieu", "Giới thiệu"), ("/tin-tuc", "Tin tức"),
                                *((f"/tin-tuc/ArtMID/{MID}/CategoryID/{c}/{s}", n) for c, (n, s) in CATS.items())))
    archive = "".join(f'<li><a href="/tin-tuc/ArtMID/{MID}/ArchiveDate/{m}">Tháng {m[5:].lstrip("0")}/{m[:4]}</a>'
                      "</li>" for m in months)
    return f"""<!DOCTYPE html><html lang="vi-VN"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="GENERATOR" content="DotNetNuke"></head><body id="Body"><form method="post" action="/tin-tuc" id="Form"
enctype="multipart/form-data"><div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE"
value="/wEPDwUJMzE0NzI1OTA1ZGR"><input type="hidden" name="__EVENTVALIDATION" value="/wEdAAK4"></div>
<div id="dnn_HeaderPane" class="headerPane"><a id="dnn_dnnLOGO_hypLogo" href="/"><img src="/Portals/0/logo.png"
alt="{SCHOOL}"></a><div id="dnn_dnnSearch_ClassicSearch"><input name="dnn$dnnSearch$txtSearch" type="text"
id="dnn_dnnSearch_txtSearch"><a id="dnn_dnnSearch_cmdSearch" href="javascript:__doPostBack('dnn$dnnSearch$cmdSearch',
'')">Tìm kiếm</a></div></div><div id="dnn_dnnMENU_RadMenu1" class="RadMenu"><ul class="rmRootGroup">{menu}</ul>
</div><div id="dnn_dnnBREADCRUMB_lblBreadCrumb"><a href="/" class="breadcrumbLink">Trang chủ</a> › <a href="/tin-tuc"
class="breadcrumbLink">Tin tức</a></div><div class="row"><div id="dnn_ContentPane" class="col-md-9 contentPane">
{main}</div><div id="dnn_RightPane" class="col-md-3 rightPane"><div class="DnnModule DnnModule-EasyDNNnewsArchive">
<h2 class="title">Lưu trữ</h2><ul>{archive}</ul></div></div></div><div id="dnn_FooterPane" class="footerPane">
<p>{SCHOOL} - Số 5 đường Trần Phú, thành phố Mỹ Sơn</p><span id="dnn_dnnCOPYRIGHT_lblCopyright" class="SkinObject">
Copyright 2024 by {SCHOOL}</span> <a id="dnn_dnnTERMS_hypTerms" class="SkinObject" href="/Terms">Điều khoản sử dụng
</a> | <a id="dnn_dnnPRIVACY_hypPrivacy" class="SkinObject" href="/Privacy">Chính sách bảo mật</a> | <a
id="dnn_dnnLogin_loginLink" href="/Login?returnurl=%2f" rel="nofollow">Đăng nhập</a></div></form></body>
</html>""".encode()


def _module(inner: str) -> str:
    return (f'<div class="DnnModule DnnModule-EasyDNNnews DnnModule-{MID}"><a name="{MID}"></a><div class="eds_news_'
            f'module_{MID} news eds_subCollection_news eds_styling eds_template_List_Article_Default"><div id="dnn_'
            f'ctr{MID}_ContentPane">{inner}</div></div></div>')


def _text(a: DemoArticle) -> str:
    """The text after its summary (the first paragraph), with the writer the editor typed."""
    rows = a.table_rows_html()
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs[1:]]
    body = paras[0] + (f'<table border="1" cellpadding="3">{rows}</table>' if rows else "") + "".join(paras[1:])
    if a.person:
        deg, name, role = a.person
        who = escape(f"{deg} {name}" if deg else name)
        if a.id % 3 == 0:
            body += f"<p><strong>Tác giả:</strong> {who}" + (f" - {escape(role)}" if role else "") + "</p>"
        else:
            body += (f'<p style="text-align: right;"><strong>{who}</strong></p>'
                     + (f'<p style="text-align: right;"><em>{escape(role)}</em></p>' if role else ""))
    return body


def _article(a: DemoArticle, related: list[DemoArticle], months: list[str]) -> bytes:
    tag = a.slug.split("-")[0]
    rel = "".join(f'<li><a href="{article_path(x)}">{escape(x.title)}</a> <span class="edn_date">'
                  f'({x.published:%d/%m/%Y})</span></li>' for x in related)
    inner = (f'<article class="edn_article edn_articleDetails"><div class="edn_mediaContainer"><img src="/Portals/0/'
             f'EasyDNNnews/{a.id}/img-{a.slug[:20]}.jpg" alt="{escape(a.title)}"></div><h1 class="edn_articleTitle">'
             f'{escape(a.title)}</h1><div class="edn_metaDetails"><span class="edn_metaDetails">Người đăng: <a '
             f'class="eds_articleAuthorName" href="/tin-tuc/ArtMID/{MID}/AuthorID/2/Quan-tri">Quản trị</a></span> '
             f'<time>{_day(a)}</time> <span class="edn_numberOfViews">Lượt xem: {a.id % 700 + 35}</span></div>'
             f'<div class="edn_articleSummary"><p>{escape(a.paragraphs[0])}</p></div><div class="edn_articleContent">'
             f'{_text(a)}</div><div class="edn_socialPrintWrapper"><a class="edn_printButton" href="{_print_path(a)}"'
             ' target="_blank">In bài viết</a></div><div class="edn_articleTags"><span>Từ khóa:</span><ul><li><a '
             f'href="/tin-tuc/ArtMID/{MID}/TagID/{len(tag)}/{tag}">{tag}</a></li></ul></div></article>'
             f'<div class="edn_relatedArticles"><h3>Tin liên quan</h3><ul>{rel}</ul></div>')
    return _frame(a.title, _module(inner), months)


def _print(a: DemoArticle) -> bytes:
    return (f'<html><head><meta charset="utf-8"><title>{escape(a.title)}</title></head><body onload="window.print()">'
            f'<div class="edn_article"><h1 class="edn_articleTitle">{escape(a.title)}</h1><time>{_day(a)}</time>'
            f'<div class="edn_articleSummary"><p>{escape(a.paragraphs[0])}</p></div>{_text(a)}</div></body>'
            '</html>').encode()


def _items(arts: list[DemoArticle]) -> str:
    return "".join(f'<article class="edn_article edn_clearFix"><h2 class="edn_articleTitle"><a href="{article_path(a)}">'
                   f'{escape(a.title)}</a></h2><div class="edn_metaDetails"><time>{_day(a)}</time></div><div class="'
                   f'edn_articleSummary">{escape(a.paragraphs[0][:160])}…</div><a class="edn_readMore edn_readMoreButton" '
                   f'href="{article_path(a)}">Xem tiếp</a></article>' for a in arts)


def _pages(routes: RouteTable, arts: list[DemoArticle], base: str, title: str, months: list[str]) -> None:
    for n, pages, listed in pages_of(arts, PER_PAGE):
        pager = page_numbers(n, pages, '<a class="page" href="{href}">{m}</a>', path=lambda b, k: _listing(k, b),
                             base=base)
        routes[_listing(n, base)] = Route(_frame(title, _module(f'<h1 class="edn_categoryTitle">{escape(title)}</h1>'
                                                                f'{_items(listed)}'
                                                                f'<div class="article_pager">{pager}</div>'), months))


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=4419)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    months = sorted({f"{a.published:%Y-%m}" for a in arts}, reverse=True)[:6]
    routes: RouteTable = {}
    for a in newest:
        related = [x for x in newest if x is not a and _cat(x) == _cat(a)][:4]
        routes[article_path(a)] = Route(_article(a, related, months))
        routes[_print_path(a)] = Route(_print(a))
    _pages(routes, newest, "/tin-tuc", "Tin tức", months)
    for c, (name, slug) in CATS.items():
        _pages(routes, [a for a in newest if _cat(a) == c], f"/tin-tuc/ArtMID/{MID}/CategoryID/{c}/{slug}", name,
               months)
    for a in newest:
        tag = a.slug.split("-")[0]
        routes[f"/tin-tuc/ArtMID/{MID}/TagID/{len(tag)}/{tag}"] = Route(_frame(tag, _module(
            f'<h1 class="edn_categoryTitle">{tag}</h1>' + _items([x for x in newest if x.slug.startswith(tag)])),
            months))
    routes[f"/tin-tuc/ArtMID/{MID}/AuthorID/2/Quan-tri"] = Route(_frame("Quản trị", _module(_items(newest[:8])),
                                                                       months))
    for m in months:
        routes[f"/tin-tuc/ArtMID/{MID}/ArchiveDate/{m}"] = Route(_frame(f"Lưu trữ {m}", _module(_items(
            [a for a in newest if f"{a.published:%Y-%m}" == m])), months))
    intro = "".join(f"<p>{escape(p)}</p>" for p in newest[0].paragraphs[:3])
    routes["/gioi-thieu"] = Route(_frame("Giới thiệu", '<div class="DnnModule DnnModule-DNN_HTML"><div class='
                                         f'"Normal"><h2>Giới thiệu chung</h2>{intro}</div></div>', months))
    routes["/"] = Route(_frame(SCHOOL, _module("<h2>Tin mới</h2>" + _items(newest[:6])
                                               + f'<div class="article_pager"><a class="page" href="{_listing(2)}">'
                                               "Trang sau</a></div>"), months))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    t = a.truth()
    t["published_at"] = a.published.replace(hour=0, minute=0).isoformat()  # (the page shows the day alone)
    return t
