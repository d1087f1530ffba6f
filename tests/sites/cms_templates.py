"""Mock school sites written from the CMSs' own templates, with the sample site's texts.

NukeViet 4.5's default theme (the CMS most schools run): the news module's detail page with its
hidden schema.org block, hometext sapo and the byline typed at the top of the body; category
listings headed by the category's name (as its menu entry says), tag pages headed "Tags: …",
later pages of listings. Joomla 4's Cassiopeia with the site's option to hide dates: category
blogs with intro texts and "Xem thêm: …" links, articles with no date printed anywhere, a
featured-articles home page, tag and author pages, a static page reached from the menu.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 5
SCHOOL = "Trường Chính trị tỉnh Lai Châu"


# -- NukeViet 4.5 ------------------------------------------------------------------------------
def nv_path(a: DemoArticle) -> str:
    return f"/news/{a.category}/{a.slug}-{a.id}.html"


def _nv_cat(cat: str, page: int = 1) -> str:
    return f"/news/{cat}/" + ("" if page == 1 else f"page-{page}/")


NV_CATS = {"tin-hoat-dong": "Tin hoạt động", "nghien-cuu-trao-doi": "Nghiên cứu trao đổi",
           "thong-bao": "Thông báo"}


def _nv_frame(title: str, main: str, newest: list[DemoArticle]) -> bytes:
    menu = "".join(f'<li><a href="{_nv_cat(c)}" title="{n}">{n}</a></li>' for c, n in NV_CATS.items())
    side = "".join(f'<li class="clearfix"><a href="{nv_path(a)}" title="{escape(a.title)}">{escape(a.title)}</a></li>'
                   for a in newest[:5])
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8">
<title>{escape(title)} - {SCHOOL}</title>
<link rel="alternate" href="/news/rss/" title="Tin tức" type="application/rss+xml"></head>
<body><div class="body-bg"><div class="wraper"><header><div class="container"><div id="header" class="row">
<div class="logo"><a title="{SCHOOL}" href="/"><img src="/uploads/logo.png" alt="{SCHOOL}"></a>
<span class="site_name">{SCHOOL}</span></div></div></div></header>
<nav class="second-nav" id="menusite"><ul class="nav navbar-nav"><li><a class="home" title="Trang chủ" href="/">
<em class="fa fa-lg fa-home">&nbsp;</em><span class="visible-xs-inline-block">&nbsp;Trang chủ</span></a></li>
<li><a href="/about/gioi-thieu-chung.html" title="Giới thiệu">Giới thiệu</a></li>{menu}</ul></nav>
<section><div class="container" id="body"><div class="row">
<div class="col-sm-16 col-md-18 col-sm-push-8 col-md-push-6">{main}</div>
<div class="col-sm-8 col-md-6 col-sm-pull-16 col-md-pull-18"><div class="panel panel-primary">
<div class="panel-heading">Tin mới</div><div class="panel-body"><ul class="block_tophits list-none list-items">{side}</ul>
</div></div></div></div></div></section></div>
<footer id="footer"><div class="panel-body"><ul class="company_info"><li class="company_name">{SCHOOL}</li>
<li>Địa chỉ: phường Tân Phong, thành phố Lai Châu</li><li>Điện thoại: 0213 3876 123</li></ul></div></footer>
</div></body></html>""".encode()


def _credit(a: DemoArticle, role_tag: str) -> str:
    """The writer right-aligned, name (with degree) in bold over the role (`role_tag` wraps it)."""
    deg, name, role = a.person if a.person else (None, None, None)
    if not name:
        return ""
    who = f"{deg} {name}" if deg else name
    credit = f'<p style="text-align: right;"><strong>{escape(who)}</strong></p>'
    if role:
        credit += f'<p style="text-align: right;">{role_tag.format(escape(role))}</p>'
    return credit


def _nv_article(a: DemoArticle, newest: list[DemoArticle], tags: list[str]) -> bytes:
    rows = a.table_rows_html()
    paras = [f'<p style="text-align: justify;">{escape(p)}</p>' for p in a.paragraphs[1:]]
    byline = _credit(a, "<em>{}</em>")
    name = a.person[1] if a.person else None
    body = byline + "".join(paras[:1]) + (f"<table><tbody>{rows}</tbody></table>" if rows else "") + "".join(paras[1:])
    keywords = ", ".join(f'<a title="{t}" href="/news/tag/{t.replace(" ", "-")}"><em>{t}</em></a>' for t in tags)
    others = [b for b in newest if b.id != a.id][:3]
    related = "".join(f'<li><h4><a href="{nv_path(b)}" title="{escape(b.title)}">{escape(b.title)}</a></h4>'
                      f"<em>({b.published:%d/%m/%Y})</em></li>" for b in others)
    when = a.published
    weekday = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")[when.weekday()]
    main = f"""<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope>
<div class="panel-body"><h1 class="title margin-bottom-lg" itemprop="headline">{escape(a.title)}</h1>
<div class="hidden hide d-none" itemprop="author" itemtype="http://schema.org/Person" itemscope>
<span itemprop="name">{escape(name or "Ban biên tập")}</span></div>
<span class="hidden hide d-none" itemprop="datePublished">{when.isoformat()}</span>
<span class="hidden hide d-none" itemprop="mainEntityOfPage">https://truongchinhtri.laichau.gov.vn{nv_path(a)}</span>
<div class="hidden hide d-none" itemprop="publisher" itemtype="http://schema.org/Organization" itemscope>
<span itemprop="name">{SCHOOL}</span><span itemprop="logo" itemtype="http://schema.org/ImageObject" itemscope>
<span itemprop="url">https://truongchinhtri.laichau.gov.vn/uploads/logo.png</span></span></div>
<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">{weekday} - {when:%d/%m/%Y %H:%M}</span></div>
<div class="col-md-12"><ul class="list-inline text-right"><li><a class="dimgray" title="In ra" href="javascript: void(0)">
<em class="fa fa-print fa-lg">&nbsp;</em></a></li></ul></div></div>
<div class="clearfix"><div class="hometext m-bottom" itemprop="description">{escape(a.paragraphs[0])}</div></div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{body}</div></div></div>
<div class="news_column panel panel-default"><div class="panel-body"><div class="h5"><em class="fa fa-tags">&nbsp;</em>
<strong>Từ khóa: </strong>{keywords}</div></div></div>
<div class="news_column panel panel-default"><div class="panel-body other-news"><p class="h3"><strong>Những tin cũ hơn</strong></p>
<ul class="detail-related related list-none list-items">{related}</ul></div></div>"""
    return _nv_frame(a.title, main, newest)


def _nv_listing(heading: str, items: list[DemoArticle], newest, pager: str = "") -> bytes:
    rows = "".join(
        f'<div class="panel panel-default"><div class="panel-body"><h3><a href="{nv_path(a)}" title="{escape(a.title)}">'
        f'{escape(a.title)}</a></h3><div class="text-muted"><ul class="list-unstyled list-inline">'
        f'<li><em class="fa fa-clock-o">&nbsp;</em> {a.published:%d/%m/%Y %H:%M}</li></ul></div>'
        f'<p>{escape(a.paragraphs[0])}</p></div></div>' for a in items)
    return _nv_frame(heading, f'<h1 class="hidden d-none">{escape(heading)}</h1><div class="page-header"><h2>'
                     f"{escape(heading)}</h2></div>{rows}{pager}", newest)


def build_nukeviet45(count: int = 16) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=11)
    cats = list(NV_CATS)
    for i, a in enumerate(arts):
        a.category = cats[i % len(cats)]
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    tag_names = ("chuyển đổi số", "bồi dưỡng", "đào tạo", "hội nghị")
    tags_of = {a.id: [tag_names[a.id % 4], tag_names[(a.id + 1) % 4]] for a in arts}
    routes: RouteTable = {}
    for a in arts:
        routes[nv_path(a)] = Route(_nv_article(a, newest, tags_of[a.id]))
    for cat, name in NV_CATS.items():
        items = [a for a in newest if a.category == cat]
        pages = -(-len(items) // PER_PAGE)
        for p in range(1, pages + 1):
            pager = "".join(f'<li><a href="{_nv_cat(cat, q)}">{q}</a></li>' for q in range(1, pages + 1) if q != p)
            routes[_nv_cat(cat, p)] = Route(_nv_listing(name, items[(p - 1) * PER_PAGE:p * PER_PAGE], newest,
                                                        f'<ul class="pagination">{pager}</ul>'))
    for t in tag_names:  # a tag page of one, two or many items
        items = [a for a in newest if t in tags_of[a.id]]
        routes[f"/news/tag/{t.replace(' ', '-')}"] = Route(_nv_listing(f"Tags: {t}", items, newest))
    routes["/"] = Route(_nv_listing("Tin tức", newest[:PER_PAGE], newest))
    routes["/news/"] = routes["/"]
    about = ("Trường Chính trị tỉnh Lai Châu là đơn vị sự nghiệp trực thuộc Tỉnh ủy, có chức năng đào tạo, "
             "bồi dưỡng cán bộ lãnh đạo, quản lý của hệ thống chính trị ở cơ sở và công chức, viên chức. ")
    routes["/about/gioi-thieu-chung.html"] = Route(_nv_frame("Giới thiệu chung", (
        f'<div class="page panel panel-default"><div class="panel-body"><h1 class="title margin-bottom-lg">'
        f"Giới thiệu chung</h1><div class=\"clearfix\"><p>{about * 3}</p><p>{about * 2}</p></div></div></div>"), newest))
    return routes, arts


# -- Joomla 4 Cassiopeia, dates hidden ---------------------------------------------------------------
def jm_path(a: DemoArticle) -> str:
    return f"/index.php/tin-tuc/{a.id}-{a.slug}"


def _jm_frame(title: str, main: str) -> bytes:
    return f"""<!DOCTYPE html><html lang="vi-vn" dir="ltr"><head><meta charset="utf-8">
<meta name="generator" content="Joomla! - Open Source Content Management"><title>{escape(title)}</title>
<link href="/index.php/tin-tuc?format=feed&amp;type=rss" rel="alternate" type="application/rss+xml" title="Tin tức"></head>
<body class="site com_content wrapper-static view-article layout-blog no-task itemid-101 has-sidebar-right">
<header class="header container-header full-width"><div class="grid-child"><div class="navbar-brand">
<a class="brand-logo" href="/"><span title="{SCHOOL}">{SCHOOL}</span></a></div></div>
<div class="grid-child container-nav"><nav class="navbar navbar-expand-md" aria-label="Menu chính">
<div class="collapse navbar-collapse" id="navbar1"><ul class="mod-menu mod-list nav ">
<li class="nav-item item-101 default"><a href="/index.php">Trang chủ</a></li>
<li class="nav-item item-102"><a href="/index.php/gioi-thieu">Giới thiệu</a></li>
<li class="nav-item item-103 current active"><a href="/index.php/tin-tuc" aria-current="page">Tin tức</a></li>
</ul></div></nav></div></header>
<div class="site-grid"><div class="grid-child container-component"><nav class="mod-breadcrumbs__wrapper" aria-label="Breadcrumbs">
<ol class="mod-breadcrumbs breadcrumb px-3 py-2"><li class="mod-breadcrumbs__item breadcrumb-item"><a href="/index.php">Trang chủ</a></li>
<li class="mod-breadcrumbs__item breadcrumb-item active"><span>Tin tức</span></li></ol></nav>
<div id="system-message-container" aria-live="polite"></div><main>{main}</main></div>
<div class="grid-child container-sidebar-right"><div class="sidebar-right card "><h3 class="card-header ">Đăng nhập</h3>
<div class="card-body"><form id="login-form-16" class="mod-login" action="/index.php" method="post">
<label for="modlgn-username-16">Tên đăng nhập</label><input id="modlgn-username-16" type="text" name="username">
</form></div></div></div></div>
<footer class="container-footer footer full-width"><div class="grid-child"><div class="mod-footer">
<div class="footer1">Bản quyền &#169; 2024 {SCHOOL}. Bảo lưu mọi quyền.</div></div></div></footer></body></html>""".encode()


def _jm_article(a: DemoArticle) -> bytes:
    credit = _credit(a, "{}")
    body = a.text_html() + credit
    main = f"""<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="vi-VN"><div class="page-header"><h1 itemprop="headline">{escape(a.title)}</h1></div>
<div itemprop="articleBody" class="com-content-article__body">{body}</div>
<ul class="tags list-inline"><li class="list-inline-item tag-3 tag-list0" itemprop="keywords">
<a href="/index.php/component/tags/tag/dao-tao" class="btn btn-sm btn-info">đào tạo</a></li></ul>
<nav class="pagenavigation" aria-label="Điều hướng trang"><span class="pagination ms-0">
<a class="btn btn-sm btn-secondary previous" href="/index.php/tin-tuc/1-truoc" rel="prev">
<span class="visually-hidden">Bài trước</span><span class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="true">Trước</span></a>
</span></nav></div>"""
    return _jm_frame(a.title, main)


def _jm_blog(heading: str, items: list[DemoArticle], page: int, pages: int, base: str) -> bytes:
    posts = "".join(
        f'<div class="com-content-category-blog__item blog-item" itemprop="blogPost" itemscope '
        f'itemtype="https://schema.org/BlogPosting"><div class="item-content"><div class="page-header">'
        f'<h2 itemprop="name"><a href="{jm_path(a)}" itemprop="url">{escape(a.title)}</a></h2></div>'
        f"<p>{escape(a.paragraphs[0])}</p>"
        f'<p class="readmore"><a class="btn btn-secondary" href="{jm_path(a)}" aria-label="Xem thêm: {escape(a.title)}">'
        f'<span class="icon-chevron-right" aria-hidden="true"></span> Xem thêm: {escape(a.title)}</a></p></div></div>'
        for a in items)
    links = "".join(f'<li class="page-item"><a class="page-link" href="{base}?start={(q - 1) * PER_PAGE}">{q}</a></li>'
                    for q in range(2, pages + 1) if q != page)
    nav = (f'<div class="com-content-category-blog__navigation w-100"><p class="counter float-md-end pt-3 pe-2">'
           f'Trang {page} của {pages}</p><nav class="pagination__wrapper" aria-label="Phân trang">'
           f'<ul class="pagination ms-0 mb-4">{links}</ul></nav></div>') if pages > 1 else ""
    main = (f'<div class="com-content-category-blog blog" itemscope itemtype="https://schema.org/Blog">'
            f'<h1>{escape(heading)}</h1><div class="category-desc clearfix"><p>Hoạt động đào tạo, bồi dưỡng, '
            f'nghiên cứu khoa học của nhà trường.</p></div><div class="com-content-category-blog__items blog-items">'
            f"{posts}</div>{nav}</div>")
    return _jm_frame(heading, main)


def build_cassiopeia(count: int = 12) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=13)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for a in arts:
        routes[jm_path(a)] = Route(_jm_article(a))
    pages = -(-len(newest) // PER_PAGE)
    for p in range(1, pages + 1):
        key = "/index.php/tin-tuc" + ("" if p == 1 else f"?start={(p - 1) * PER_PAGE}")
        routes[key] = Route(_jm_blog("Tin tức", newest[(p - 1) * PER_PAGE:p * PER_PAGE], p, pages,
                                     "/index.php/tin-tuc"))
    routes["/"] = Route(_jm_blog("Trang chủ", newest[:4], 1, 1, "/index.php"))
    routes["/index.php"] = routes["/"]
    routes["/index.php/component/tags/tag/dao-tao"] = Route(_jm_blog("Thẻ: đào tạo", newest[:3], 1, 1, "/x"))
    about = ("Trường Chính trị tỉnh Lai Châu có chức năng tham mưu cho Tỉnh ủy về đào tạo, bồi dưỡng cán bộ, "
             "công chức, viên chức và nghiên cứu khoa học phục vụ công tác lãnh đạo của Đảng bộ tỉnh. ")
    routes["/index.php/gioi-thieu"] = Route(_jm_frame("Giới thiệu", (
        '<div class="com-content-article item-page"><div class="page-header"><h1>Giới thiệu chung về nhà trường</h1>'
        f'</div><div itemprop="articleBody" class="com-content-article__body"><p>{about * 3}</p><p>{about * 2}</p>'
        "</div></div>")))
    return routes, arts


def truth_without_date(a: DemoArticle) -> dict:
    t = a.truth()
    t["published_at"] = None
    return t
