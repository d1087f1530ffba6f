"""`tct report`: one self-contained HTML page of charts a researcher would rather look at than read.

Charts: articles per month per school, field completeness per school (date, author, degree, role),
crawl runs over time. Drawn with matplotlib as SVG, written into the page itself: it opens offline,
with no script and nothing fetched, and stays small. (matplotlib: the long-kept standard for static
charts in Python; Plotly or Vega would embed a megabytes-large JavaScript runtime to be offline.)
"""
from __future__ import annotations

import html
import io
from collections import defaultdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archive.store import Archive

FIELDS = ("date", "author", "degree", "role")
STYLE = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto}table{border-collapse:collapse}"
         "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child{text-align:left}"
         "svg{max-width:100%;height:auto}")
TOP_SCHOOLS = 8  # schools drawn one by one in the monthly chart; the rest are summed as "others"
MONTHS = 36


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]  # the XML prolog and DOCTYPE do not belong inside HTML


def _monthly(archive: Archive) -> str:
    import matplotlib.pyplot as plt

    rows = archive.db.execute(
        "SELECT coalesce(school, site), substr(published_at, 1, 7), count(*) FROM articles "
        "WHERE published_at IS NOT NULL GROUP BY 1, 2").fetchall()
    months = sorted({m for _, m, _ in rows})[-MONTHS:]
    totals: dict[str, int] = defaultdict(int)
    for school, _, n in rows:
        totals[school] += n
    top = sorted(totals, key=lambda s: -totals[s])[:TOP_SCHOOLS]
    series: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for school, month, n in rows:
        series[school if school in top else "others"][month] += n
    fig, ax = plt.subplots(figsize=(10, 4))
    for name in [*top, "others"] if len(totals) > len(top) else top:
        ax.plot(months, [series[name][m] for m in months], marker="o", markersize=3, label=name)
    ax.set_title("Articles per month (by publication date)")
    ax.set_ylabel("articles")
    ax.tick_params(axis="x", rotation=90, labelsize=7)
    ax.legend(fontsize=7, ncols=3)
    return _svg(fig)


def _completeness(archive: Archive) -> tuple[str, list[dict[str, Any]]]:
    import matplotlib.pyplot as plt

    query = ("SELECT coalesce(school, site), count(*), avg(published_at IS NOT NULL), "
             "avg(author IS NOT NULL), avg(author_degree IS NOT NULL), avg(author_role IS NOT NULL) "
             "FROM articles GROUP BY 1 ORDER BY 1")
    keys = ("school", "articles", *FIELDS)
    rows = [dict(zip(keys, r, strict=True)) for r in archive.db.execute(query)]
    fig, ax = plt.subplots(figsize=(10, max(2.5, 0.35 * len(rows) + 1)))
    height = 0.2
    for k, field in enumerate(FIELDS):
        shares = [100 * r[field] for r in rows]
        ax.barh([i + k * height for i in range(len(rows))], shares, height, label=field)
    ax.set_yticks([i + 1.5 * height for i in range(len(rows))], [r["school"] for r in rows], fontsize=7)
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the school's articles with the field")
    ax.set_title("Field completeness per school")
    ax.legend(fontsize=7)
    return _svg(fig), rows


def _runs(archive: Archive) -> str:
    import matplotlib.pyplot as plt

    rows = archive.db.execute("SELECT substr(started_at, 1, 10), status, articles_new, error_count "
                              "FROM runs WHERE status != 'running' ORDER BY started_at").fetchall()
    fig, ax = plt.subplots(figsize=(10, 3.5))
    ok = [(d, n) for d, status, n, _ in rows if status == "finished"]
    bad = [(d, n) for d, status, n, _ in rows if status != "finished"]
    ax.scatter([d for d, _ in ok], [n or 0 for _, n in ok], s=12, label="finished")
    ax.scatter([d for d, _ in bad], [n or 0 for _, n in bad], s=24, marker="x", label="failed or stopped")
    ax.set_title("Crawl runs: new articles found by each run")
    ax.set_ylabel("new articles")
    ax.tick_params(axis="x", rotation=90, labelsize=7)
    ax.legend(fontsize=7)
    return _svg(fig)


def render(archive: Archive, now: datetime) -> str:
    """The report as one HTML document (charts inline as SVG)."""
    import matplotlib

    matplotlib.use("svg")  # no display, no GUI toolkit
    total = archive.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    if not total:
        body = "<p>The archive holds no articles yet.</p>"
    else:
        completeness_svg, rows = _completeness(archive)
        cells = "".join(f"<th>{f}</th>" for f in FIELDS)
        table = "".join(f"<tr><td>{html.escape(r['school'])}</td><td>{r['articles']}</td>"
                        + "".join(f"<td>{100 * r[f]:.0f} %</td>" for f in FIELDS) + "</tr>" for r in rows)
        body = (f"<h2>Articles per month</h2>{_monthly(archive)}"
                f"<h2>Field completeness</h2>{completeness_svg}"
                f"<table><tr><th>school</th><th>articles</th>{cells}</tr>{table}</table>"
                f"<h2>Crawl runs</h2>{_runs(archive)}")
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>tct archive report"
            f"</title><style>{STYLE}</style></head><body><h1>tct archive report</h1>"
            f"<p>{total} articles; made {now:%Y-%m-%d %H:%M}.</p>{body}</body></html>\n")
