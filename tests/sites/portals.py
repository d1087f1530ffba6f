"""Mock school sites with the pages that are hard to tell from articles, for crawl tests.

Two layouts the parser was not written against: a modern portal whose home page leads with a
featured article (headline, date and its whole first paragraph), whose category listings show
whole first paragraphs (no "…") and have later pages, with tag pages listing one or two items
and an introduction page that prints an update date; and a FrontPage-era table site whose
article pages carry a marquee of headlines and a sidebar of dated links. Only the article pages
should be archived.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 4
INTRO_TEXT = (
    "Trường Chính trị tỉnh Mẫu Sơn được thành lập năm 1962, tiền thân là Trường Đảng tỉnh. Trải qua "
    "hơn sáu mươi năm xây dựng và phát triển, nhà trường đã đào tạo, bồi dưỡng hàng chục nghìn lượt "
    "cán bộ, đảng viên cho hệ thống chính trị các cấp của tỉnh.",
    "Nhà trường có chức năng tham mưu cho Tỉnh ủy về công tác đào tạo, bồi dưỡng lý luận chính trị, "
    "nghiệp vụ công tác Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội; "
    "đồng thời nghiên cứu khoa học, tổng kết thực tiễn ở địa phương.",
    "Đội ngũ cán bộ, giảng viên hiện có 48 người, trong đó 2 tiến sĩ và 31 thạc sĩ, được tổ chức "
    "thành bốn khoa chuyên môn và ba phòng chức năng.",
)


def _tags(a: DemoArticle) -> list[tuple[str, str]]:
    """Two tags per article; the first is shared by many articles, the second by few."""
    common = [("dao-tao", "đào tạo"), ("hoi-nghi", "hội nghị"), ("nghien-cuu", "nghiên cứu")]
    rare = ("chuyen-de-" + str(a.id % 7), "chuyên đề " + str(a.id % 7))
    return [common[a.id % 3], rare]


# -- the modern portal -----------------------------------------------------------------------
def _portal_path(a: DemoArticle) -> str:
    return f"/tin-tuc/{a.slug}-p{a.id}.html"


def _portal_listing_path(page: int) -> str:
    return "/tin-tuc/" if page == 1 else f"/tin-tuc/?page={page}"


def _portal_frame(title: str, main: str, latest: list[DemoArticle]) -> bytes:
    hot = "".join(f'<li><a href="{_portal_path(a)}">{escape(a.title)}</a> '
                  f'<span class="date">{a.published:%d/%m/%Y}</span></li>' for a in latest[:5])
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{escape(title)} | Trường Chính trị tỉnh Mẫu Sơn</title></head><body>
<div class="topbar"><span>Thứ Hai, 24/11/2025</span> <a href="https://zalo.me/tct">Zalo</a></div>
<div class="brand"><a href="/"><img src="/logo.png" alt="logo"></a>
<span class="brand-name">TRƯỜNG CHÍNH TRỊ TỈNH MẪU SƠN</span></div>
<ul class="mainmenu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu/gioi-thieu-chung.html">Giới
thiệu</a></li><li><a href="{_portal_listing_path(1)}">Tin tức - Sự kiện</a></li>
<li><a href="/tag/nghien-cuu">Nghiên cứu</a></li><li><a href="/lien-he.html">Liên hệ</a></li></ul>
<div class="wrap"><div class="content">{main}</div>
<div class="sidebar"><div class="widget"><h3>Tin mới cập nhật</h3><ul>{hot}</ul></div>
<div class="widget"><h3>Thống kê</h3><p>Đang truy cập: 7</p><p>Tổng lượt truy cập: 301.442</p></div>
</div></div>
<div class="foot">Trường Chính trị tỉnh Mẫu Sơn. Địa chỉ: 8 Nguyễn Du, thành phố Mẫu Sơn.</div>
</body></html>""".encode()


def _portal_article(a: DemoArticle, latest: list[DemoArticle]) -> bytes:
    tags = " ".join(f'<a href="/tag/{s}">{escape(t)}</a>' for s, t in _tags(a))
    deg, name, role = a.person if a.person else (None, None, None)
    credit = ""
    if name:
        who = f"{deg} {name}" if deg else name
        credit = f'<p style="text-align:right"><strong>{escape(who)}</strong></p>'
        if role:
            credit += f'<p style="text-align:right"><em>{escape(role)}</em></p>'
    rows = a.table_rows_html()
    body = (f"<p>{escape(a.paragraphs[0])}</p><p>{escape(a.paragraphs[1])}</p>"
            + (f"<table border=1>{rows}</table>" if rows else "")
            + "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs[2:]) + credit)
    others = [o for o in latest if o.id != a.id][:3]
    related = "".join(f'<li><a href="{_portal_path(o)}">{escape(o.title)}</a> ({o.published:%d/%m/%Y})</li>'
                      for o in others)
    main = (f'<div class="crumbs"><a href="/">Trang chủ</a> / <a href="{_portal_listing_path(1)}">Tin tức'
            f' - Sự kiện</a></div><h1 class="post-title">{escape(a.title)}</h1>'
            f'<div class="post-meta">{a.published:%d/%m/%Y %H:%M}</div>'
            f'<div class="post-body">{body}</div><div class="post-tags">Từ khóa: {tags}</div>'
            f'<div class="post-related"><h4>Bài viết liên quan</h4><ul>{related}</ul></div>')
    return _portal_frame(a.title, main, latest)


def _portal_item(a: DemoArticle, heading: str = "h3") -> str:
    # The whole first paragraph, not a teaser cut with "…".
    return (f'<div class="item"><{heading}><a href="{_portal_path(a)}">{escape(a.title)}</a></{heading}>'
            f'<div class="item-date">{a.published:%d/%m/%Y %H:%M}</div>'
            f"<p>{escape(a.paragraphs[0])}</p></div>")


def build_portal(count: int = 14) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=31)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for a in arts:
        routes[_portal_path(a)] = Route(_portal_article(a, newest))
    top = newest[0]
    home = (f'<div class="featured"><h2><a href="{_portal_path(top)}">{escape(top.title)}</a></h2>'
            f'<div class="item-date">{top.published:%d/%m/%Y %H:%M}</div>'
            f"<p>{escape(top.paragraphs[0])} {escape(top.paragraphs[1])}</p>"
            f'<a href="{_portal_path(top)}">Xem tiếp</a></div>'
            + "".join(_portal_item(a) for a in newest[1:4]))
    routes["/"] = Route(_portal_frame("Trang chủ", home, newest))
    pages = -(-len(newest) // PER_PAGE)
    for p in range(1, pages + 1):
        items = "".join(_portal_item(a) for a in newest[(p - 1) * PER_PAGE:p * PER_PAGE])
        pager = " ".join(f'<a href="{_portal_listing_path(q)}">{q}</a>'
                         for q in range(1, pages + 1) if q != p)
        routes[_portal_listing_path(p)] = Route(_portal_frame(
            "Tin tức - Sự kiện", f'<h2 class="cat-title">Tin tức - Sự kiện</h2>{items}'
                                 f'<div class="pager">{pager}</div>', newest))
    by_tag: dict[tuple[str, str], list[DemoArticle]] = {}
    for a in newest:
        for tag in _tags(a):
            by_tag.setdefault(tag, []).append(a)
    for (slug, name), items in by_tag.items():
        routes[f"/tag/{slug}"] = Route(_portal_frame(
            name, f'<h2 class="cat-title">Từ khóa: {escape(name)}</h2>'
                  + "".join(_portal_item(a) for a in items[:PER_PAGE]), newest))
    intro = "".join(f"<p>{escape(p)}</p>" for p in INTRO_TEXT)
    routes["/gioi-thieu/gioi-thieu-chung.html"] = Route(_portal_frame(
        "Giới thiệu chung", '<h1 class="post-title">Giới thiệu chung về Trường Chính trị tỉnh Mẫu Sơn</h1>'
                            f'<div class="post-meta">Cập nhật: 15/03/2021 09:00</div><div class="post-body">'
                            f"{intro}</div>", newest))
    routes["/lien-he.html"] = Route(_portal_frame(
        "Liên hệ", "<h1>Liên hệ</h1><p>Địa chỉ: 8 Nguyễn Du, thành phố Mẫu Sơn. "
                   "Điện thoại: 0200.3812.345</p>",
        newest))
    return routes, arts


def portal_article_paths(arts: list[DemoArticle]) -> list[str]:
    return [_portal_path(a) for a in arts]


# -- the FrontPage-era table site ------------------------------------------------------------
def _legacy_path(a: DemoArticle) -> str:
    return f"/tintuc/tin{a.id}.htm"


def _legacy_frame(main: str, latest: list[DemoArticle]) -> bytes:
    marquee = " &nbsp; ".join(f'<a href="{_legacy_path(a)}">{escape(a.title)} ({a.published:%d/%m/%Y})</a>'
                              for a in latest[:4])
    side = "".join(f'<tr><td><font face="Arial" size="2"><a href="{_legacy_path(a)}">{escape(a.title)}</a> '
                   f"({a.published:%d/%m/%Y})</font></td></tr>" for a in latest[:6])
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="GENERATOR" content="Microsoft FrontPage 6.0"><title>Truong Chinh tri tinh Mau Son</title></head>
<body><table width="980" align="center" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2" bgcolor="#990000" align="center"><font size="6" color="#FFFF00"><b>TRƯỜNG CHÍNH TRỊ TỈNH
MẪU SƠN</b></font></td></tr>
<tr><td colspan="2"><marquee>{marquee}</marquee></td></tr>
<tr><td colspan="2"><font face="Arial" size="2"><a href="/index.htm">Trang chủ</a> |
<a href="/gioithieu.htm">Giới thiệu</a> | <a href="/tintuc/tintuc.htm">Tin tức</a></font></td></tr>
<tr><td width="220" valign="top"><table width="100%" cellpadding="3">
<tr><td bgcolor="#990000"><font color="#FFFFFF"><b>TIN ĐÃ ĐĂNG</b></font></td></tr>{side}</table></td>
<td valign="top">{main}</td></tr>
<tr><td colspan="2" align="center"><font size="2">Trường Chính trị tỉnh Mẫu Sơn - ĐT: 0200.3812.345</font>
</td></tr>
</table></body></html>""".encode()


def _legacy_article(a: DemoArticle, latest: list[DemoArticle]) -> bytes:
    rows = a.table_rows_html()
    paras = "".join(f'<p align="justify">{escape(p)}</p>' for p in a.paragraphs[:2]) + (
        f"<table border=1>{rows}</table>" if rows else "") + "".join(
        f'<p align="justify">{escape(p)}</p>' for p in a.paragraphs[2:])
    deg, name, role = a.person if a.person else (None, None, None)
    credit = ""
    if name:
        who = f"{deg} {name}" if deg else name
        credit = (f'<p align="right"><b>{escape(who)}</b>' + (f"<br><i>{escape(role)}</i>" if role else "")
                  + "</p>")
    main = (f'<table width="100%" cellpadding="6"><tr><td><font face="Arial" size="3" color="#000080"><b>'
            f'{escape(a.title)}</b></font> <font size="2" color="#808080">({a.published:%d/%m/%Y})</font>'
            "</td></tr>"
            f'<tr><td><font face="Arial" size="2">{paras}{credit}</font></td></tr></table>')
    return _legacy_frame(main, latest)


def build_legacy(count: int = 12) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=57)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for a in arts:
        routes[_legacy_path(a)] = Route(_legacy_article(a, newest))
    rows = "".join(f'<tr><td><a href="{_legacy_path(a)}">{escape(a.title)}</a></td>'
                   f"<td>{a.published:%d/%m/%Y}</td></tr>" for a in newest)
    listing = _legacy_frame(f'<table width="100%" border="1">{rows}</table>', newest)
    routes["/"] = routes["/index.htm"] = routes["/tintuc/tintuc.htm"] = Route(listing)
    routes["/gioithieu.htm"] = Route(_legacy_frame(
        "<font size=3><b>GIỚI THIỆU</b></font>" + "".join(f"<p>{escape(p)}</p>" for p in INTRO_TEXT), newest))
    return routes, arts


def legacy_article_paths(arts: list[DemoArticle]) -> list[str]:
    return [_legacy_path(a) for a in arts]


def legacy_truth(a: DemoArticle) -> dict:
    """The legacy layout prints the day only: midnight is the contract's time for it."""
    t = a.truth()
    t["published_at"] = a.published.strftime("%Y-%m-%dT00:00:00+07:00")
    return t
