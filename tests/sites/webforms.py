"""A mock school site (Quỳnh Lưu), written to be kept out of the tuning loop and measured once by
benchmarks/crawl_accuracy.py (its first figures are noted there).

An ASP.NET WebForms portal of a provincial vendor: every page inside one posted-back
`<form id="aspnetForm">` with its `__VIEWSTATE`, addresses that are all query
(`/Default.aspx?tabid=120&ItemID=1234`), fields printed in labels named by their control
(`ctl00_cphMain_ucDetail_lblTitle`), the day as `Cập nhật: 14/03/2024 09:15`, the writer in a
right-aligned block after the text, "Gửi email" and "In bài" tools, and listings paged only by
postbacks (`javascript:__doPostBack(…)`): past the first page, an older article is reached only
through the "Các tin khác" list of the articles after it.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

SCHOOL = "Trường Chính trị tỉnh Quỳnh Lưu"
PER_PAGE = 5
OTHERS = 8  # the older articles an article lists under "Các tin khác"
_VIEWSTATE = "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBAIBD2QWAmYPZBYCZg8WAh4EVGV4dAUHMTIuMDQuMjRkZA=="


def article_path(a: DemoArticle) -> str:
    return f"/Default.aspx?tabid=120&ItemID={a.id}"


def _pager(pages: int, current: int) -> str:
    return "".join(f'<span class="current">{n}</span>' if n == current else
                   f'<a href="javascript:__doPostBack(\'ctl00$cphMain$ucList$rptPager$ctl0{n}$lbtPage\',\'\')">{n}'
                   '</a>' for n in range(1, pages + 1))


def _frame(title: str, action: str, main: str, newest: list[DemoArticle]) -> bytes:
    side = "".join(f'<li><a id="ctl00_ucNew_rptNew_ctl0{k}_hlTitle" href="{article_path(a)}">{escape(a.title)}</a>'
                   "</li>" for k, a in enumerate(newest[:5]))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><meta
http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{escape(title)}</title></head><body><form
name="aspnetForm" method="post" action="{escape(action)}" id="aspnetForm"><div><input type="hidden"
name="__EVENTTARGET" id="__EVENTTARGET" value=""><input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT"
value=""><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{_VIEWSTATE}"></div><table width="1000"
border="0" cellpadding="0" cellspacing="0" align="center"><tr><td colspan="2" id="ctl00_tdBanner"><img
src="/Portals/0/banner.jpg" alt="{SCHOOL}" width="1000" height="150"></td></tr><tr><td colspan="2"
class="menu"><a href="/">TRANG CHỦ</a> | <a href="/Default.aspx?tabid=101">GIỚI THIỆU</a> | <a
href="/Default.aspx?tabid=120">TIN TỨC - SỰ KIỆN</a> | <a href="/Default.aspx?tabid=130">VĂN BẢN</a></td></tr><tr><td
width="740" valign="top" id="ctl00_tdContent">{main}</td><td width="260" valign="top" id="ctl00_tdRight"><div
class="boxright"><div class="boxtitle">TIN MỚI</div><ul>{side}</ul></div><div class="boxright"><div
class="boxtitle">THỐNG KÊ TRUY CẬP</div><span id="ctl00_ucCounter_lblOnline">Đang online: 12</span><br><span
id="ctl00_ucCounter_lblTotal">Tổng lượt truy cập: 1.254.367</span></div></td></tr><tr><td colspan="2"
class="footer">{SCHOOL}<br>Địa chỉ: số 5 đường Lê Hồng Phong, thị xã Quỳnh Lưu. Điện thoại: 0238 3864 123<br>Ghi
rõ nguồn "{SCHOOL}" khi phát hành lại thông tin từ website này.</td></tr></table><div><input type="hidden"
name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEWAgKM54rGBgKM54rGBg=="></div></form></body></html>""".encode()


def _text(a: DemoArticle) -> str:
    paras = [f'<p style="text-align: justify;">{escape(p)}</p>' for p in a.paragraphs]
    rows = a.table_rows_html()
    if rows:
        paras.insert(2, f'<table border="1" cellpadding="3" cellspacing="0">{rows}</table>')
    return "".join(paras)


def _author(a: DemoArticle) -> str:
    if not a.person:
        return ""
    deg, name, role = a.person
    who = escape(f"{deg} {name}" if deg else name)
    return (f'<div id="ctl00_cphMain_ucDetail_divAuthor" class="author" style="text-align: right;"><b>{who}</b>'
            + (f"<br><i>{escape(role)}</i>" if role else "") + "</div>")


def _post(a: DemoArticle, k: int, newest: list[DemoArticle]) -> bytes:
    others = "".join(f'<li><a id="ctl00_cphMain_ucDetail_rptOther_ctl0{j}_hlTitle" href="{article_path(x)}">'
                     f'{escape(x.title)}</a> <span class="date">({x.published:%d/%m/%Y})</span></li>'
                     for j, x in enumerate(newest[k + 1:k + 1 + OTHERS]))
    main = f"""<div class="detail"><span id="ctl00_cphMain_ucDetail_lblTitle" class="title">{escape(a.title)}</span><br><span
id="ctl00_cphMain_ucDetail_lblDate" class="date">Cập nhật: {a.published:%d/%m/%Y %H:%M}</span><div
id="ctl00_cphMain_ucDetail_divContent" class="content">{_text(a)}</div>{_author(a)}<div class="tools"><a
href="/Default.aspx?tabid=120&amp;ItemID={a.id}&amp;print=true" target="_blank">In bài</a> | <a
href="/Default.aspx?tabid=140&amp;ItemID={a.id}">Gửi email</a> | <a href="javascript:history.back()">Quay lại</a>
</div><div class="other"><div class="othertitle">Các tin khác</div><ul>{others}</ul></div></div>"""
    return _frame(f"{a.title}", f"./Default.aspx?tabid=120&ItemID={a.id}", main, newest)


def _listing(title: str, action: str, items: list[DemoArticle], pages: int, newest: list[DemoArticle]) -> bytes:
    rows = "".join(f'<div class="item"><a id="ctl00_cphMain_ucList_rptList_ctl0{j}_hlImage" href="{article_path(a)}">'
                   f'<img src="/Portals/0/News/{a.id}.jpg" width="120" alt=""></a><a id="ctl00_cphMain_ucList_rptList_'
                   f'ctl0{j}_hlTitle" class="itemtitle" href="{article_path(a)}">{escape(a.title)}</a> <span class="'
                   f'date">({a.published:%d/%m/%Y})</span><p>{escape(a.paragraphs[0][:200])}...</p></div>'
                   for j, a in enumerate(items))
    main = (f'<div class="list"><div class="listtitle">{escape(title)}</div>{rows}<div class="pager">Trang: '
            f'{_pager(pages, 1)}</div></div>')
    return _frame(title, action, main, newest)


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=4417)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    pages = -(-len(newest) // PER_PAGE)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_post(a, k, newest))
    routes["/"] = Route(_listing("TIN TỨC - SỰ KIỆN", "./Default.aspx", newest[:PER_PAGE], pages, newest))
    routes["/Default.aspx?tabid=120"] = Route(_listing("TIN TỨC - SỰ KIỆN", "./Default.aspx?tabid=120",
                                                       newest[:PER_PAGE], pages, newest))
    intro = "".join(f"<p>{escape(p)}</p>" for p in newest[-1].paragraphs[:3])
    routes["/Default.aspx?tabid=101"] = Route(_frame("Giới thiệu", "./Default.aspx?tabid=101", '<div class="detail">'
                                                     f'<span class="title">Giới thiệu</span>{intro}</div>', newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return {**a.truth(), "url": article_path(a)}
