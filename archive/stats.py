"""Counts that tell a researcher what the archive holds and where extraction is failing."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archive.store import Archive


def archive_stats(archive: Archive, top: int = 10) -> dict[str, Any]:
    q = archive.db.execute
    total = q("SELECT count(*) FROM articles").fetchone()[0]
    per_site = q(
        "SELECT site, count(*), min(published_at), max(published_at), "
        "sum(published_at IS NULL), sum(author IS NULL), sum(title IS NULL) "
        "FROM articles GROUP BY site ORDER BY count(*) DESC"
    ).fetchall()
    per_school = q(
        "SELECT coalesce(school, '(undated, merged host)'), count(*) FROM articles "
        "GROUP BY 1 ORDER BY count(*) DESC"
    ).fetchall()
    per_year = q(
        "SELECT coalesce(substr(published_at, 1, 4), 'no date'), count(*) FROM articles "
        "GROUP BY 1 ORDER BY 1"
    ).fetchall()
    per_month = q(
        "SELECT substr(published_at, 1, 7), count(*) FROM articles WHERE published_at IS NOT NULL "
        "GROUP BY 1 ORDER BY 1 DESC LIMIT 24"
    ).fetchall()
    authors = q(
        "SELECT author, count(*) FROM articles WHERE author IS NOT NULL GROUP BY author "
        "ORDER BY count(*) DESC, author LIMIT ?", [top]
    ).fetchall()
    runs = q("SELECT count(*), max(started_at) FROM runs").fetchone()
    return {
        "articles": total,
        "sites": [
            {"site": s, "articles": n, "first": lo, "last": hi, "missing_date": nd,
             "missing_author": na, "missing_title": nt}
            for s, n, lo, hi, nd, na, nt in per_site
        ],
        "schools": [{"school": sc, "articles": n} for sc, n in per_school],
        "years": [{"year": y, "articles": n} for y, n in per_year],
        "months": [{"month": m, "articles": n} for m, n in per_month],
        "top_authors": [{"author": a, "articles": n} for a, n in authors],
        "runs": {"count": runs[0], "last_started": runs[1]},
    }
