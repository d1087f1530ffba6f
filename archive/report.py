"""`tct report`: one self-contained HTML page a researcher would rather look at than read.

Sections: articles per month (stacked by school, then one small chart per school), who writes
(top authors, degrees), topics over time (one chart per --query, the count of `tct trend`), crawl
health per school at a glance (with the runs per day) and field completeness. Charts are SVG
written into the page (archive/charts.py): it opens offline, with no script and nothing fetched.
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from archive import charts
from archive.health import check
from archive.trends import trend

if TYPE_CHECKING:
    from archive.store import Archive

FIELDS = ("date", "author", "degree", "role")
STYLE = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
         "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:2px 8px;"
         "text-align:right;font-size:13px}td.l,th.l{text-align:left}svg{max-width:100%;height:auto}"
         ".ok{color:#2ca02c}.bad{color:#d62728}nav a{margin-right:1em}h2{margin-top:2em}"
         ".note{color:#666;font-size:13px}")
TOP_SCHOOLS = 8  # schools stacked one by one in the monthly chart; the rest are summed as "others"
MONTHS = 36  # the monthly charts show the last three years of the archive
TOP_AUTHORS = 20
RUN_DAYS = 60  # the runs chart shows the last two months with runs
TREND_MONTHS = 60  # a topic spanning more months than this is counted by quarter


def _e(text: Any) -> str:
    return html.escape(str(text))


def _month_window(archive: Archive, now: datetime) -> list[str]:
    """Up to MONTHS months, to the newest month with a dated article (never the future), from
    the oldest when the archive is younger."""
    oldest, newest = archive.db.execute(
        "SELECT min(substr(published_at, 1, 7)), max(substr(published_at, 1, 7)) FROM articles "
        "WHERE published_at IS NOT NULL AND published_at <= ?", [now.isoformat()]).fetchone()
    if newest is None:
        return []
    y, m = int(newest[:4]), int(newest[5:7])
    out = []
    while len(out) < MONTHS and f"{y:04d}-{m:02d}" >= oldest:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def _per_school_month(archive: Archive, months: list[str]) -> dict[str, list[int]]:
    index = {m: i for i, m in enumerate(months)}
    out: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    if not months:
        return out
    rows = archive.db.execute(
        "SELECT coalesce(school, site), substr(published_at, 1, 7), count(*) FROM articles "
        "WHERE published_at >= ? AND published_at < ? GROUP BY 1, 2",
        [months[0], _next_month(months[-1])]).fetchall()
    for school, month, n in rows:
        if month in index:
            out[school][index[month]] += n
    return dict(sorted(out.items(), key=lambda kv: (-sum(kv[1]), kv[0])))


def _next_month(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y + 1:04d}-01" if m == 12 else f"{y:04d}-{m + 1:02d}"


def _monthly_section(archive: Archive, now: datetime) -> str:
    months = _month_window(archive, now)
    per_school = _per_school_month(archive, months)
    if not per_school:
        return "<p>No article has a publication date yet.</p>"
    names = list(per_school)
    stacked = {n: per_school[n] for n in names[:TOP_SCHOOLS]}
    if len(names) > TOP_SCHOOLS:
        stacked["others"] = [sum(c) for c in zip(*(per_school[n] for n in names[TOP_SCHOOLS:]), strict=True)]
    out = charts.stacked_bars(months, stacked, f"Articles per month, {months[0]} to {months[-1]} "
                              "(by publication date)", "articles")
    if len(names) > 1:
        out += ("<p class=note>Each school on its own scale (its articles in these months in "
                "brackets):</p>" + charts.small_multiples(months, per_school))
    return out


def _authors_section(archive: Archive) -> str:
    rows = archive.db.execute(
        "SELECT author, author_degree, author_role, coalesce(school, site), count(*) FROM articles "
        "WHERE author IS NOT NULL GROUP BY 1, 2, 3, 4").fetchall()
    per: dict[str, Counter] = defaultdict(Counter)
    facts: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for author, degree, role, school, n in rows:
        per[author]["n"] += n
        for key, value in (("degree", degree), ("role", role), ("school", school)):
            if value:
                facts[author][key][value] += n
    top = sorted(per, key=lambda a: (-per[a]["n"], a))[:TOP_AUTHORS]
    if not top:
        return "<p>No article names its author yet.</p>"

    def most(author: str, key: str) -> str:
        c = facts[author][key]
        return c.most_common(1)[0][0] if c else ""

    labels = [f"{most(a, 'degree')} {a}".strip() for a in top]
    out = charts.horizontal_bars(labels, [per[a]["n"] for a in top], f"Who writes: the {len(top)} most "
                                 "frequent authors", "articles")
    degrees = archive.db.execute(
        "SELECT CASE WHEN author IS NULL THEN '(no author named)' "
        "WHEN author_degree IS NULL THEN '(no degree printed)' ELSE author_degree END, count(*) "
        "FROM articles GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
    out += charts.horizontal_bars([d for d, _ in degrees], [n for _, n in degrees],
                                  "Academic degree printed with the author (ThS., TS., …)", "articles")
    table = "".join(f"<tr><td class=l>{_e(a)}</td><td class=l>{_e(most(a, 'degree'))}</td>"
                    f"<td class=l>{_e(most(a, 'role'))}</td><td class=l>{_e(most(a, 'school'))}</td>"
                    f"<td>{per[a]['n']}</td></tr>" for a in top)
    return out + ("<table><tr><th class=l>author</th><th class=l>degree</th><th class=l>role</th>"
                  f"<th class=l>school</th><th>articles</th></tr>{table}</table>")


def _topics_section(archive: Archive, queries: list[str]) -> str:
    out = []
    for q in queries:
        t = trend(archive, [q], by="month")
        if len(t.periods) > TREND_MONTHS:
            t = trend(archive, [q], by="quarter")
        counts = t.series.get((q, None), [])
        if not t.periods:
            out.append(f"<p>No dated article matches <b>{_e(q)}</b>.</p>")
            continue
        out.append(charts.stacked_bars(t.periods, {q: counts}, f"“{q}”: {sum(counts)} matching articles "
                                       f"per {t.by}", "articles"))
        if t.undated[q]:
            out.append(f"<p class=note>{t.undated[q]} more match but have no publication date.</p>")
    return "".join(out)


def _health_section(archive: Archive, now: datetime) -> str:
    health = sorted(check(archive, now), key=lambda h: h.school)
    if not health:
        return "<p>No crawl has run yet.</p>"
    counts = dict(archive.db.execute("SELECT site, count(*) FROM articles GROUP BY 1").fetchall())
    rows = []
    for h in health:
        mark = "<span class=ok>●</span> well" if h.well else "<span class=bad>●</span> needs attention"
        days = "" if h.days_since_new_article is None else f"{h.days_since_new_article:.0f}"
        rows.append(f"<tr><td class=l>{_e(h.school)}</td><td class=l>{mark}</td>"
                    f"<td>{counts.get(h.school, 0)}</td><td class=l>{_e((h.last_success or '')[:16])}</td>"
                    f"<td>{h.failed_in_a_row}</td><td>{days}</td>"
                    f"<td class=l>{_e('; '.join(h.findings))}</td></tr>")
    well = sum(h.well for h in health)
    table = (f"<p>{well} of {len(health)} schools well.</p><table><tr><th class=l>school</th>"
             "<th class=l>status</th><th>articles</th><th class=l>last successful run</th>"
             "<th>failed runs in a row</th><th>days since a new article</th><th class=l>findings</th></tr>"
             + "".join(rows) + "</table>")
    return table + _runs_chart(archive)


def _runs_chart(archive: Archive) -> str:
    rows = archive.db.execute("SELECT substr(started_at, 1, 10), status = 'finished', count(*), "
                              "sum(coalesce(articles_new, 0)) FROM runs WHERE status != 'running' "
                              "GROUP BY 1, 2").fetchall()
    if not rows:
        return ""
    last = date.fromisoformat(max(r[0] for r in rows))
    days = [(last - timedelta(days=k)).isoformat() for k in range(RUN_DAYS - 1, -1, -1)]
    first = min(r[0] for r in rows)
    days = [d for d in days if d >= first]
    index = {d: i for i, d in enumerate(days)}
    finished, failed, new = ([0] * len(days) for _ in range(3))
    for day, ok, n, found in rows:
        if day in index:
            (finished if ok else failed)[index[day]] += n
            new[index[day]] += found
    return (charts.stacked_bars(days, {"finished": finished, "failed or stopped": failed},
                                "Crawl runs per day", "runs")
            + charts.stacked_bars(days, {"new articles": new}, "New articles found per day of crawling",
                                  "articles"))


def _completeness_section(archive: Archive) -> str:
    query = ("SELECT coalesce(school, site), count(*), avg(published_at IS NOT NULL), "
             "avg(author IS NOT NULL), avg(author_degree IS NOT NULL), avg(author_role IS NOT NULL) "
             "FROM articles GROUP BY 1 ORDER BY 1")
    rows = archive.db.execute(query).fetchall()
    chart = charts.grouped_shares([r[0] for r in rows], list(FIELDS), [list(r[2:]) for r in rows],
                                  "Field completeness per school")
    cells = "".join(f"<th>{f}</th>" for f in FIELDS)
    table = "".join(f"<tr><td class=l>{_e(r[0])}</td><td>{r[1]}</td>"
                    + "".join(f"<td>{100 * v:.0f} %</td>" for v in r[2:]) + "</tr>" for r in rows)
    return f"{chart}<table><tr><th class=l>school</th><th>articles</th>{cells}</tr>{table}</table>"


def _made_at(now: datetime) -> str:
    offset = now.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "local time"
    return f"{now:%Y-%m-%d %H:%M} ({zone})"


def render(archive: Archive, now: datetime, queries: list[str] = ()) -> str:
    """The report as one HTML document (charts inline as SVG)."""
    total, schools, first, last = archive.db.execute(
        "SELECT count(*), count(DISTINCT site), min(substr(published_at, 1, 10)), "
        "max(substr(published_at, 1, 10)) FROM articles").fetchone()
    sections: list[tuple[str, str, str]] = []
    if total:
        sections.append(("months", "Articles per month", _monthly_section(archive, now)))
        sections.append(("authors", "Who writes", _authors_section(archive)))
        if queries:
            sections.append(("topics", "Topics over time", _topics_section(archive, list(queries))))
    sections.append(("health", "Crawl health", _health_section(archive, now)))
    if total:
        sections.append(("fields", "Field completeness", _completeness_section(archive)))
    span = f", published {first} to {last}" if first else ""
    summary = (f"{total} articles from {schools} school{'s' if schools != 1 else ''}{span}." if total
               else "The archive holds no articles yet.")
    nav = "".join(f'<a href="#{key}">{_e(title)}</a>' for key, title, _ in sections)
    body = "".join(f'<h2 id="{key}">{_e(title)}</h2>{content}' for key, title, content in sections)
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>tct archive report"
            f"</title><style>{STYLE}</style></head><body><h1>tct archive report</h1>"
            f"<p>{_e(summary)} Made {_made_at(now)}.</p><nav>{nav}</nav>{body}</body></html>\n")
