"""Health of each school's crawl, read from the run records and the archive: what a monitor (cron's
mail, a dashboard) needs to notice a site that broke before a researcher finds the hole.

Monitors, per school (site key): runs that failed in a row (a crawl that stopped, or fetched
nothing and counted errors), the age of the last successful run, days since a crawl last found a
new article (by when it was found, not by its publication date), drift (new articles losing their
dates or authors against the school's own history), and a jump in errors against the school's
usual count. A school crawled once, successfully, is well.

Spidermon's monitors run inside one crawl on that run's stats; these read the history of many
runs across crawls, which is a few SQL queries over tables the archive already keeps.
"""
from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archive.store import Archive


@dataclass(frozen=True)
class Limits:
    failed_runs: int = 2  # this many failed runs in a row need attention
    success_days: float = 7.0  # no successful run for this long
    new_article_days: float = 60.0  # no new article found for this long (schools post monthly at least)
    drift_recent: int = 10  # the newest articles compared with the school's history
    drift_share: float = 0.3  # …and how much larger their share without date/author may grow
    error_jump: float = 3.0  # the last run's errors over this times the usual count…
    error_floor: int = 10  # …and at least this many


@dataclass
class SchoolHealth:
    school: str
    last_run: str | None = None
    last_success: str | None = None
    failed_in_a_row: int = 0
    days_since_new_article: float | None = None
    findings: list[str] = field(default_factory=list)

    @property
    def well(self) -> bool:
        return not self.findings


def _failed(run: dict[str, Any]) -> bool:
    """A run that stopped (not finished), or finished having fetched nothing but errors."""
    return run["status"] != "finished" or (run["pages_fetched"] == 0 and (run["error_count"] or 0) > 0)


def _days(since: str | None, now: datetime) -> float | None:
    if not since:
        return None
    return (now - datetime.fromisoformat(since)).total_seconds() / 86400


def _runs(archive: Archive) -> dict[str, list[dict[str, Any]]]:
    by_site: dict[str, list[dict[str, Any]]] = {}
    for run in archive.db.query("SELECT * FROM runs WHERE status != 'running' ORDER BY id"):
        by_site.setdefault(run["site"], []).append(run)
    return by_site


def _run_findings(h: SchoolHealth, runs: list[dict[str, Any]], now: datetime, lim: Limits) -> None:
    h.last_run = runs[-1]["started_at"]
    for run in reversed(runs):
        if not _failed(run):
            break
        h.failed_in_a_row += 1
    ok = [r for r in runs if not _failed(r)]
    h.last_success = ok[-1]["started_at"] if ok else None
    if h.failed_in_a_row >= lim.failed_runs:
        h.findings.append(f"{h.failed_in_a_row} failed runs in a row (last: {runs[-1]['status']}, "
                          f"{runs[-1]['pages_fetched']} pages, {runs[-1]['error_count']} errors)")
    age = _days(h.last_success, now)
    if age is None:
        h.findings.append("no successful run yet")
    elif age > lim.success_days:
        h.findings.append(f"no successful run for {age:.0f} days")
    if len(runs) >= 3:
        usual = statistics.median(r["error_count"] or 0 for r in runs[:-1])
        last = runs[-1]["error_count"] or 0
        if last >= lim.error_floor and last > lim.error_jump * max(usual, 1):
            h.findings.append(f"errors jumped to {last} in the last run (usually {usual:g})")


def _article_findings(archive: Archive, h: SchoolHealth, now: datetime, lim: Limits) -> None:
    newest = archive.db.execute("SELECT max(first_seen) FROM articles WHERE site = ?",
                                [h.school]).fetchone()[0]
    h.days_since_new_article = _days(newest, now)
    if h.days_since_new_article is not None and h.days_since_new_article > lim.new_article_days and \
            h.last_run is not None and (_days(h.last_run, now) or 0) < h.days_since_new_article:
        h.findings.append(f"no new article found for {h.days_since_new_article:.0f} days")
    # The newest articles (by when they were found), and the school's history as sums.
    newest_first = ("SELECT published_at IS NULL AS no_date, author IS NULL AS no_author FROM articles "
                    "WHERE site = ? ORDER BY first_seen DESC, id DESC LIMIT ? OFFSET ?")
    recent = archive.db.execute(newest_first, [h.school, lim.drift_recent, 0]).fetchall()
    n_before, *missing_before = archive.db.execute(
        f"SELECT count(*), sum(no_date), sum(no_author) FROM ({newest_first})",
        [h.school, -1, lim.drift_recent]).fetchone()
    if len(recent) < lim.drift_recent or n_before < lim.drift_recent:
        return  # too few articles to tell drift from chance
    for k, name in ((0, "dates"), (1, "authors")):
        now_share = sum(r[k] for r in recent) / len(recent)
        before = missing_before[k] / n_before
        if now_share - before > lim.drift_share:
            h.findings.append(f"{name} missing on {now_share:.0%} of the {len(recent)} newest articles "
                              f"(before: {before:.0%}): has the site's layout changed?")


def check(archive: Archive, now: datetime, limits: Limits | None = None) -> list[SchoolHealth]:
    """The health of every school that has crawl runs, worst first."""
    lim = limits or Limits()
    out = []
    for site, runs in _runs(archive).items():
        h = SchoolHealth(site)
        _run_findings(h, runs, now, lim)
        _article_findings(archive, h, now, lim)
        out.append(h)
    return sorted(out, key=lambda h: (h.well, h.school))


def as_dict(h: SchoolHealth) -> dict[str, Any]:
    return {**asdict(h), "well": h.well}
