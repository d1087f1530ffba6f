"""A mock school site written to be kept out of the tuning loop (Sông Lam), measured once by
benchmarks/crawl_accuracy.py before any rule looked at it (15/16 archived, 0 extra), then
mended by a general rule: now one of the tuned layouts.

A school that publishes on a hosted blog platform: every listing (the home page, a label's
page, a month of the archive, the older posts behind `?updated-max=…`) prints its posts whole,
text and all, under a date header in words above each headline (`Thứ Ba, 14 tháng 3, 2023`);
a post's own page prints its headline as a link to itself, the writer at the end of the text
(bold and right-aligned, the role under it), a footer naming the account that posted it and its
labels, a comment box, newer/older links, and a sidebar with the archive by year and month.
"""
from __future__ import annotations

from html import escape
from urllib.parse import quote, unquote

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable

PER_PAGE = 4
SCHOOL = "Trường Chính trị tỉnh Sông Lam"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def article_path(a: DemoArticle) -> str:
    return f"/{a.published:%Y/%m}/{a.slug}.html"


def _label(a: DemoArticle) -> str:
    return "Tin hoạt động" if a.id % 2 else "Nghiên cứu - Trao đổi"


def _label_path(label: str) -> str:
    return "/search/label/" + quote(label)


def _date_header(a: DemoArticle) -> str:
    return f"{WEEKDAYS[a.published.weekday()]}, {a.published.day} tháng {a.published.month}, {a.published.year}"


def _post(a: DemoArticle) -> str:
    deg, name, role = a.person if a.person else (None, None, None)
    writer = ""
    if name:
        writer = (f'<div style="text-align: right;"><b>{escape(f"{deg} {name}" if deg else name)}</b></div>'
                  + (f'<div style="text-align: right;"><i>{escape(role)}</i></div>' if role else ""))
    body = a.text_html() + writer
    return (f'<h2 class="date-header"><span>{_date_header(a)}</span></h2><div class="post hentry">'
            f'<h3 class="post-title entry-title"><a href="{article_path(a)}">{escape(a.title)}</a></h3>'
            f'<div class="post-body entry-content">{body}</div><div class="post-footer">Đăng bởi '
            f'<span class="fn">Ban Biên tập</span> | Nhãn: <a href="{_label_path(_label(a))}">'
            f"{escape(_label(a))}</a></div></div>")


def _frame(title: str, main: str, years: dict[int, dict[int, int]]) -> bytes:
    archive = "".join(
        f'<li><a href="/{y}/">{y}</a> ({sum(ms.values())})<ul>'
        + "".join(f'<li><a href="/{y}/{m:02d}/">tháng {m}</a> ({n})</li>' for m, n in sorted(ms.items()))
        + "</ul></li>" for y, ms in sorted(years.items(), reverse=True))
    labels = "".join(f'<li><a href="{_label_path(x)}">{x}</a></li>' for x in ("Tin hoạt động",
                                                                               "Nghiên cứu - Trao đổi"))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head>
<body><div class="header"><h1><a href="/">{SCHOOL}</a></h1><p class="description">Trang tin của nhà
trường</p></div><div class="main-inner"><div class="main">{main}</div>
<div class="sidebar"><h2>Lưu trữ Blog</h2><ul>{archive}</ul><h2>Nhãn</h2><ul>{labels}</ul></div></div>
<div class="footer">{SCHOOL} – Được tạo bởi Blogger.</div></body></html>""".encode()


def _listing(items: list[DemoArticle], older: str | None) -> str:
    pager = f'<div class="blog-pager"><a href="{older}">Bài đăng Cũ hơn</a></div>' if older else ""
    return "".join(_post(a) for a in items) + pager


def _spellings(path: str) -> set[str]:
    """The address as written and with its query's fields sorted and decoded, as a client may
    send it back."""
    if "?" not in path:
        return {path}
    base, query = path.split("?", 1)
    fields = sorted(query.split("&"))
    return {path, base + "?" + "&".join(fields), base + "?" + "&".join(unquote(f) for f in fields)}


def build(count: int = 16) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=419)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    years: dict[int, dict[int, int]] = {}
    for a in arts:
        months = years.setdefault(a.published.year, {})
        months[a.published.month] = months.get(a.published.month, 0) + 1
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        newer = newest[k - 1] if k > 0 else None
        older = newest[k + 1] if k + 1 < len(newest) else None
        pager = ('<div class="blog-pager">'
                 + (f'<a href="{article_path(newer)}">Bài đăng Mới hơn</a> ' if newer else "")
                 + '<a href="/">Trang chủ</a>'
                 + (f' <a href="{article_path(older)}">Bài đăng Cũ hơn</a>' if older else "") + "</div>")
        comments = ('<div class="comments"><h4>0 nhận xét:</h4><p><a href="#">Đăng nhận xét</a></p></div>')
        routes[article_path(a)] = Route(_frame(f"{SCHOOL}: {a.title}", _post(a) + comments + pager, years))
    for start in range(0, len(newest), PER_PAGE):
        page = newest[start:start + PER_PAGE]
        nxt = newest[start + PER_PAGE] if start + PER_PAGE < len(newest) else None
        older = (f"/search?updated-max={quote(page[-1].published.isoformat())}&max-results={PER_PAGE}"
                 if nxt else None)
        path = "/" if start == 0 else (f"/search?updated-max={quote(newest[start - 1].published.isoformat())}"
                                       f"&max-results={PER_PAGE}")
        route = Route(_frame(SCHOOL, _listing(page, older), years))
        for key in _spellings(path):  # (a real server reads the query's fields in any order)
            routes[key] = route
    for label in ("Tin hoạt động", "Nghiên cứu - Trao đổi"):
        items = [a for a in newest if _label(a) == label][:PER_PAGE]
        routes[_label_path(label)] = Route(_frame(f"{SCHOOL}: {label}", _listing(items, None), years))
    for y, months in years.items():
        routes[f"/{y}/"] = Route(_frame(f"{SCHOOL}: {y}", _listing(
            [a for a in newest if a.published.year == y][:PER_PAGE], None), years))
        for m in months:
            routes[f"/{y}/{m:02d}/"] = Route(_frame(f"{SCHOOL}: tháng {m} {y}", _listing(
                [a for a in newest if (a.published.year, a.published.month) == (y, m)], None), years))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    """The date header prints the day alone; the writer with degree and role at the end."""
    t = a.truth()
    t["published_at"] = a.published.strftime("%Y-%m-%dT00:00:00+07:00")
    return t
