"""A mock school site written to be kept out of the tuning loop (Bến Hải), measured once by
benchmarks/crawl_accuracy.py before any rule looked at it (17/17 archived, 0 extra, 6/17 with
every field right), then mended by a general rule: now one of the tuned layouts.

A Drupal 7 site: every post is served at its alias (`/tin-tuc/<slug>`) and at `/node/<n>`, the
alias named canonical; the sidebar's "Bài mới" block links to `/node/<n>`; the fields print
with their labels in blocks of their own (`Ngày đăng:` over the date, `Tác giả:` over the
writer, `Đơn vị:` over the role), the text in the body field, attachments and keywords in
fields after it; listings are views of teasers with a "Xem tiếp" link, paged from zero
(`?page=1`); keyword pages live at `/taxonomy/term/<n>`, and every post ends with a comment form.
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 5
SCHOOL = "Trường Chính trị tỉnh Bến Hải"


def article_path(a: DemoArticle) -> str:
    return f"/tin-tuc/{a.slug}-{a.id}"  # (pathauto keeps aliases apart)


def _node(a: DemoArticle) -> str:
    return f"/node/{a.id}"


def _listing_path(page: int) -> str:
    return "/tin-tuc" + ("" if page == 0 else f"?page={page}")


def _term(a: DemoArticle) -> int:
    return 3 + a.id % 3


def _field(name: str, label: str | None, value: str) -> str:
    head = f'<div class="field-label">{escape(label)}:&nbsp;</div>' if label else ""
    return (f'<div class="field field-name-{name} field-type-text field-label-above">{head}'
            f'<div class="field-items"><div class="field-item even">{value}</div></div></div>')


def _frame(title: str, main: str, recent: list[DemoArticle], canonical: str | None = None) -> bytes:
    links = "".join(f'<li><a href="{_node(a)}">{escape(a.title)}</a></li>' for a in recent[:5])
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">{head}
<title>{escape(title)} | {SCHOOL}</title></head><body class="html not-front">
<div id="page-wrapper"><div id="header"><div id="logo-title"><a href="/" rel="home">{SCHOOL}</a></div>
<div id="main-menu"><ul class="links"><li><a href="/">Trang chủ</a></li><li><a href="{_listing_path(0)}">
Tin tức</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></div></div>
<div id="main"><div id="content" class="column"><div class="breadcrumb"><a href="/">Trang chủ</a> » <a
href="{_listing_path(0)}">Tin tức</a></div><h1 class="title" id="page-title">{escape(title)}</h1>
<div class="region region-content">{main}</div></div>
<div id="sidebar-second" class="column sidebar"><div class="block block-node"><h2>Bài mới</h2><ul>{links}</ul>
</div></div></div><div id="footer">{SCHOOL} · Số 5 đường Lê Duẩn, thành phố Đông Hà</div></div></body></html>""".encode()


def _article(a: DemoArticle, recent: list[DemoArticle]) -> bytes:
    deg, name, role = a.person if a.person else (None, None, None)
    text = a.text_html()
    fields = _field("field-ngay-dang", "Ngày đăng", f'<span class="date-display-single">'
                    f'{a.published:%d/%m/%Y - %H:%M}</span>')
    if name:
        fields += _field("field-tac-gia", "Tác giả", escape(f"{deg} {name}" if deg else name))
        if role:
            fields += _field("field-don-vi", "Đơn vị", escape(role))
    fields += _field("body", None, text)
    fields += _field("field-tep", "Tệp đính kèm", f'<a href="/sites/default/files/{a.slug}.pdf">{a.slug}.pdf</a>')
    fields += _field("field-tags", "Từ khóa", f'<a href="/taxonomy/term/{_term(a)}">Tin hoạt động</a>')
    main = (f'<div id="node-{a.id}" class="node node-article node-full">{fields}</div>'
            '<div id="comments"><h2 class="title comment-form">Gửi bình luận</h2><form class="comment-form">'
            '<label>Họ tên</label><input type="text" name="name"><textarea name="comment_body"></textarea>'
            '<input type="submit" value="Lưu"></form></div>')
    return _frame(a.title, main, recent, canonical=article_path(a))


def _views(items: list[DemoArticle]) -> str:
    return "".join(f'<div class="views-row"><div class="views-field-title"><a href="{article_path(a)}">'
                   f'{escape(a.title)}</a></div><div class="views-field-created">{a.published:%d/%m/%Y}</div>'
                   f'<div class="views-field-body"><p>{escape(a.paragraphs[0][:150])}…</p></div>'
                   f'<div class="views-field-view-node"><a href="{article_path(a)}">Xem tiếp</a></div></div>'
                   for a in items)


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=523)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for a in arts:
        page = Route(_article(a, newest))
        routes[article_path(a)] = page
        routes[_node(a)] = page
    pages = -(-len(newest) // PER_PAGE)
    for p in range(pages):
        pager = "".join(f'<li><a href="{_listing_path(q)}">{q + 1}</a></li>' for q in range(pages) if q != p)
        routes[_listing_path(p)] = Route(_frame("Tin tức", f'<div class="view">{_views(newest[p * PER_PAGE:(p + 1) * PER_PAGE])}'
                                                f'</div><ul class="pager">{pager}</ul>', newest))
    for term in (3, 4, 5):
        items = [a for a in newest if _term(a) == term][:PER_PAGE]
        routes[f"/taxonomy/term/{term}"] = Route(_frame("Tin hoạt động", _views(items), newest))
    routes["/"] = Route(_frame(SCHOOL, _views(newest[:PER_PAGE]), newest))
    about = (f"{SCHOOL} là cơ sở đào tạo, bồi dưỡng lý luận chính trị cho cán bộ, đảng viên của tỉnh, "
             "chịu sự lãnh đạo trực tiếp của Ban Thường vụ Tỉnh ủy. ")
    routes["/gioi-thieu"] = Route(_frame("Giới thiệu", _field("body", None, f"<p>{about * 3}</p><p>{about}</p>"),
                                         newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return a.truth()
