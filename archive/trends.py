"""How often a topic comes up over time: articles matching a query per month, quarter or year,
per school if asked (`tct trend`, and the topic chart of `tct report`).

The match is `tct search`'s (exact words, and folded words for a query typed without
diacritics); the counting happens inside SQLite over the matches' ids and the (site,
published_at) index, so no article row is read. Periods with no match are zeros, from the first
period with a match (or --since) to the last (or --until): a series a chart or a spreadsheet
takes as it is.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from archive.errors import QueryError
from archive.filters import ArticleFilter
from archive.search import match_plans

if TYPE_CHECKING:
    from archive.store import Archive

PERIODS = ("month", "quarter", "year")


@dataclass
class Trend:
    by: str
    queries: list[str]
    by_school: bool = False
    periods: list[str] = field(default_factory=list)
    # (query, school key, or None when not counted by school) -> articles per period, in order
    series: dict[tuple[str, str | None], list[int]] = field(default_factory=dict)
    undated: dict[str, int] = field(default_factory=dict)  # matches without a publication date

    def rows(self) -> list[dict]:
        """One object per period, query (and school): the long form a spreadsheet pivots."""
        out = []
        for i, period in enumerate(self.periods):
            for (query, school), counts in self.series.items():
                row = {"period": period, "query": query}
                if self.by_school:
                    row["school"] = school
                row["count"] = counts[i]
                out.append(row)
        return out


def period_of(month: str, by: str) -> str:
    """'2024-05' as its month, quarter ('2024-Q2') or year ('2024')."""
    if by == "month":
        return month
    if by == "quarter":
        return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
    return month[:4]


def _months(first: str, last: str):
    y, m = int(first[:4]), int(first[5:7])
    while f"{y:04d}-{m:02d}" <= last:
        yield f"{y:04d}-{m:02d}"
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _counts(archive: Archive, query: str, filt: ArticleFilter) -> tuple[dict[tuple[str, str], int], int]:
    """{(month, site): matching articles}, and how many matches have no date."""
    # Search runs the exact index, then (typed without marks) the folded one, to rank exact hits
    # first; a count needs only the folded one then: what matches a query without marks exactly
    # (its words, unmarked in the text) matches it folded too.
    table, fts_query = match_plans(query, archive)[-1]
    matches = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
    where, params = filt.where("a")
    # `+a.id`: test each row of the covering index against the matches, rather than look every
    # match up in the table (whose rows hold the bodies).
    sql = (f"SELECT substr(a.published_at, 1, 7), a.site, count(*) FROM articles a "
           f"WHERE +a.id IN ({matches}) AND {where} GROUP BY 1, 2")
    try:
        rows = archive.db.execute(sql, [fts_query, *params]).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f"cannot count {query!r}: {exc}") from None
    out: dict[tuple[str, str], int] = {}
    undated = 0
    for month, site, n in rows:
        if month is None or len(month) != 7:
            undated += n
        else:
            out[(month, site)] = n
    return out, undated


def trend(archive: Archive, queries: list[str], by: str = "month", by_school: bool = False,
          filt: ArticleFilter | None = None) -> Trend:
    """Articles matching each query per period (and per school), zero-filled."""
    if by not in PERIODS:
        raise QueryError(f"--by takes one of {', '.join(PERIODS)}, not {by!r}")
    if not queries:
        raise QueryError("give at least one query")
    filt = filt or ArticleFilter()
    found = {q: _counts(archive, q, filt) for q in dict.fromkeys(queries)}
    months = sorted({m for counts, _ in found.values() for m, _ in counts})
    first = _bound(filt.since) or (months[0] if months else None)
    last = _bound(filt.until) or (months[-1] if months else None)
    if first is not None and last is not None:  # (--until 9999-12-31 means no bound at all)
        first, last = max(first, EARLIEST), min(last, max(months[-1] if months else first, _this_month()))
    result = Trend(by, list(found), by_school, undated={q: u for q, (_, u) in found.items()})
    if first is None or last is None or first > last:
        return result
    periods = list(dict.fromkeys(period_of(m, by) for m in _months(first, last)))
    index = {p: i for i, p in enumerate(periods)}
    result.periods = periods
    for query, (counts, _) in found.items():
        per: dict[str | None, list[int]] = defaultdict(lambda: [0] * len(periods))
        for school in filt.sites if by_school else [None]:
            per[school]  # noqa: B018 - a series for each school asked for, even with no match
        for (month, site), n in counts.items():
            if first <= month <= last:
                per[site if by_school else None][index[period_of(month, by)]] += n
        for school in sorted(per, key=lambda s: s or ""):
            result.series[(query, school)] = per[school]
    return result


EARLIEST = "1945-01"  # before any school's news: a --since earlier than this zero-fills no further


def _this_month() -> str:
    return date.today().strftime("%Y-%m")


def _bound(day: str | None) -> str | None:
    """The month of a --since/--until day (validated as the filters validate it)."""
    if not day:
        return None
    try:
        return date.fromisoformat(day.strip()).strftime("%Y-%m")
    except ValueError:
        raise QueryError(f"a date is YYYY-MM-DD, not {day!r}") from None
