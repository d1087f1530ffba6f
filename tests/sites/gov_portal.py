"""A mock school site kept out of the tuning loop (Thanh Sơn): measured by
benchmarks/crawl_accuracy.py, never asserted by a test, never looked at to change a rule.

A school's portal as the government web vendors build them, where news is one kind of dated page
among others: besides its articles (`/tin-tuc-su-kien/<slug>-<n>.html`, paged with `?page=N`) it
publishes documents (`/van-ban/<slug>-<n>.html`: a number, an issuing date, a signer and a
one-sentence summary in a table, a PDF to download), weekly work schedules
(`/lich-cong-tac/tuan-<w>-<year>.html`: a table of days, hours and meetings, chained by "Tuần
trước"/"Tuần sau"), each dated and headed like an article and reached from the home page's boxes.
None of those is an article. The home page runs a marquee of the latest headlines, a featured
article with its teaser, a "Văn bản mới" box and a links box; articles end with "Tin khác".
"""
from __future__ import annotations

from datetime import timedelta
from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

SCHOOL = "Trường Chính trị tỉnh Thanh Sơn"
PER_PAGE = 6
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
DOC_KINDS = (("Quyết định", "QĐ-TCT", "ban hành Quy chế chi tiêu nội bộ của Trường"),
             ("Kế hoạch", "KH-TCT", "tổ chức các lớp bồi dưỡng cán bộ, công chức trong năm học"),
             ("Thông báo", "TB-TCT", "tuyển sinh lớp Trung cấp lý luận chính trị - hành chính hệ không tập trung"),
             ("Quyết định", "QĐ-TCT", "thành lập Hội đồng thi đua, khen thưởng của Trường"),
             ("Công văn", "CV-TCT", "đề nghị cử cán bộ tham gia lớp bồi dưỡng kiến thức quốc phòng và an ninh"),
             ("Kế hoạch", "KH-TCT", "nghiên cứu khoa học và tổ chức hội thảo khoa học cấp trường"))


def article_path(a: DemoArticle) -> str:
    return f"/tin-tuc-su-kien/{a.slug}-{a.id}.html"


def _listing(n: int) -> str:
    return "/tin-tuc-su-kien.html" + ("" if n == 1 else f"?page={n}")


def _doc_path(k: int) -> str:
    return f"/van-ban/{DOC_KINDS[k][0].lower().replace(' ', '-').replace('đ', 'd')}-so-{k + 11}-{k}.html"


def _week_path(w: int) -> str:
    return f"/lich-cong-tac/tuan-{w}-2024.html"


def _posted(a: DemoArticle) -> str:
    return f"{WEEKDAYS[a.published.weekday()]}, {a.published:%d/%m/%Y - %H:%M}"


def _frame(title: str, main: str, newest: list[DemoArticle]) -> bytes:
    marquee = " | ".join(f'<a href="{article_path(a)}">{escape(a.title)}</a>' for a in newest[:5])
    docs = "".join(f'<li><a href="{_doc_path(k)}">Số {k + 11}/{d[1]}</a> <span>({(newest[0].published - timedelta(days=9 * k)):%d/%m/%Y})'
                   f'</span><p>{escape(d[0])} về việc {escape(d[2][:60])}…</p></li>' for k, d in enumerate(DOC_KINDS[:4]))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)} - {SCHOOL}</title></head>
<body><div id="wrapper"><div id="banner"><img src="/images/banner.jpg" alt="{SCHOOL}"></div><div id="menu"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu.html">Giới thiệu</a></li><li><a href="{_listing(1)}">Tin
tức - Sự kiện</a></li><li><a href="/van-ban.html">Văn bản</a></li><li><a href="{_week_path(11)}">Lịch công tác</a>
</li><li><a href="/lien-he.html">Liên hệ</a></li></ul></div><div id="marquee"><marquee scrollamount="3">{marquee}
</marquee></div><table id="layout" width="100%"><tr><td id="left" width="22%" valign="top"><div class="box"><div
class="box-title">Văn bản mới</div><ul class="docs">{docs}</ul><a href="/van-ban.html">Xem tất cả</a></div><div
class="box"><div class="box-title">Liên kết website</div><select onchange="window.open(this.value)"><option>--
Chọn liên kết --</option><option value="https://dangcongsan.vn">Báo điện tử Đảng Cộng sản Việt Nam</option>
</select></div></td><td id="main" valign="top">{main}</td></tr></table><div id="footer"><p>Bản quyền thuộc về
{SCHOOL}</p><p>Địa chỉ: số 8 đường Hùng Vương, thành phố Thanh Sơn - Điện thoại: 0210 3845 678</p><p>Chịu trách
nhiệm nội dung: Ban Giám hiệu</p></div></div></body></html>""".encode()


def _article(a: DemoArticle, others: list[DemoArticle], newest: list[DemoArticle]) -> bytes:
    deg, name, role = a.person if a.person else (None, None, None)
    sign = ""
    if name:
        sign = (f'<p style="text-align:right"><b>{escape(f"{deg} {name}" if deg else name)}</b></p>'
                + (f'<p style="text-align:right">{escape(role)}</p>' if role else ""))
    more = "".join(f'<li><a href="{article_path(x)}">{escape(x.title)}</a> <i>({x.published:%d/%m/%Y})</i></li>'
                   for x in others)
    main = (f'<div class="news-detail"><h1 class="title">{escape(a.title)}</h1><div class="date">{_posted(a)}</div>'
            f'<div class="content">{a.text_html("<table border=1>")}{sign}</div></div><div class="other-news">'
            f'<div class="box-title">Tin khác</div><ul>{more}</ul></div>')
    return _frame(a.title, main, newest)


def _doc(k: int, newest: list[DemoArticle]) -> bytes:
    kind, code, about = DOC_KINDS[k]
    when = newest[0].published - timedelta(days=9 * k)
    rows = (("Số ký hiệu", f"{k + 11}/{code}"), ("Ngày ban hành", f"{when:%d/%m/%Y}"),
            ("Ngày hiệu lực", f"{when + timedelta(days=3):%d/%m/%Y}"), ("Loại văn bản", kind),
            ("Người ký", "Nguyễn Văn Thành"),
            ("Trích yếu", f"{kind} về việc {about} theo quy định của Đảng, Nhà nước và hướng dẫn của cấp trên."),
            ("Tệp đính kèm", f'<a href="/uploads/van-ban/{k + 11}-{code}.pdf">{k + 11}-{code}.pdf</a>'))
    table = "".join(f"<tr><th>{h}</th><td>{v}</td></tr>" for h, v in rows)
    main = (f'<div class="doc-detail"><h1 class="title">{kind} số {k + 11}/{code} về việc {escape(about)}</h1>'
            f'<div class="date">Ngày đăng: {when:%d/%m/%Y %H:%M}</div><table class="doc-info">{table}</table></div>')
    return _frame(f"{kind} số {k + 11}/{code}", main, newest)


def _week(w: int, newest: list[DemoArticle]) -> bytes:
    monday = newest[0].published.replace(hour=0, minute=0) - timedelta(days=newest[0].published.weekday() + 7 * (11 - w))
    rows = "".join(f"<tr><td>{WEEKDAYS[d]}<br>{monday + timedelta(days=d):%d/%m}</td><td>7h30: Giao ban Ban Giám "
                   f"hiệu tại phòng họp số {d + 1}<br>14h00: Làm việc với các khoa về kế hoạch giảng dạy tuần {w}</td>"
                   f"<td>Ban Giám hiệu, trưởng các khoa, phòng</td></tr>" for d in range(5))
    nav = "".join(f'<a href="{_week_path(x)}">{label}</a> ' for x, label in ((w - 1, "« Tuần trước"),
                                                                         (w + 1, "Tuần sau »")) if 4 <= x <= 11)
    main = (f'<div class="schedule"><h1 class="title">Lịch công tác tuần {w} năm 2024 (từ ngày {monday:%d/%m} '
            f'đến ngày {monday + timedelta(days=6):%d/%m/%Y})</h1><div class="date">Cập nhật: {monday - timedelta(days=2):%d/%m/%Y}'
            f' 16:00</div><table border="1"><tr><th>Thứ, ngày</th><th>Nội dung công việc</th><th>Thành phần</th></tr>'
            f'{rows}</table><div class="nav">{nav}</div></div>')
    return _frame(f"Lịch công tác tuần {w}", main, newest)


def _items(arts: list[DemoArticle]) -> str:
    return "".join(f'<div class="news-item"><img src="/uploads/tin/{a.id}.jpg" alt=""><a class="title" href="'
                   f'{article_path(a)}">{escape(a.title)}</a><span class="date">({a.published:%d/%m/%Y})</span><p>'
                   f'{escape(a.paragraphs[0][:180])}…</p></div>' for a in arts)


def build(count: int = 16) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=5531)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_article(a, newest[k + 1:k + 6], newest))
    pages = -(-len(newest) // PER_PAGE)
    for n in range(1, pages + 1):
        pager = " ".join(f'<a href="{_listing(m)}">{m}</a>' for m in range(1, pages + 1) if m != n)
        routes[_listing(n)] = Route(_frame("Tin tức - Sự kiện", '<h1 class="cat-title">Tin tức - Sự kiện</h1>'
                                           f'{_items(newest[(n - 1) * PER_PAGE:n * PER_PAGE])}<div class="pager">'
                                           f'{pager}</div>', newest))
    for k in range(len(DOC_KINDS)):
        routes[_doc_path(k)] = Route(_doc(k, newest))
    doc_rows = "".join(f'<tr><td>{k + 1}</td><td><a href="{_doc_path(k)}">{k + 11}/{d[1]}</a></td><td>'
                       f'{(newest[0].published - timedelta(days=9 * k)):%d/%m/%Y}</td><td>{escape(d[0])} về việc '
                       f'{escape(d[2])}</td></tr>' for k, d in enumerate(DOC_KINDS))
    routes["/van-ban.html"] = Route(_frame("Văn bản", '<h1 class="cat-title">Văn bản</h1><table class="docs" border='
                                           '"1"><tr><th>STT</th><th>Số hiệu</th><th>Ngày ban hành</th><th>Trích yếu'
                                           f'</th></tr>{doc_rows}</table>', newest))
    for w in range(4, 12):
        routes[_week_path(w)] = Route(_week(w, newest))
    intro = "".join(f"<p>{escape(p)}</p>" for p in newest[-1].paragraphs[:3])
    routes["/gioi-thieu.html"] = Route(_frame("Giới thiệu", f'<h1 class="title">Giới thiệu</h1>{intro}', newest))
    routes["/lien-he.html"] = Route(_frame("Liên hệ", f"<h1>Liên hệ</h1><p>{SCHOOL}</p><p>Điện thoại: 0210 3845 678"
                                           "</p>", newest))
    top = newest[0]
    routes["/"] = Route(_frame(SCHOOL, f'<div class="featured"><img src="/uploads/tin/{top.id}.jpg" alt=""><h2><a href'
                                       f'="{article_path(top)}">{escape(top.title)}</a></h2><p>'
                                       f'{escape(top.paragraphs[0])}</p></div><div class="box-title">Tin tức - Sự kiện'
                                       f'</div>{_items(newest[1:7])}<a href="{_listing(2)}">Xem thêm</a>', newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return a.truth()
