"""The `tct` command line: thin commands over the archive and crawler libraries.

Exit status: 0 done; 1 some input could not be read; 2 bad usage or a malformed query.
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import NoReturn

import click

from archive.errors import ArchiveError, ArchiveLocked, QueryError
from archive.paths import resolve_db_path
from tct.cluster import cluster
from tct.options import db_option, parse_settings, registry_option, settings_option


def filter_options(fn):
    """The filters shared by `search`, `export` and `trend`."""
    @click.option("--site", "sites", multiple=True, help="Only this school (registry key); repeatable.")
    @click.option("--since", help="Published on or after this day (YYYY-MM-DD).")
    @click.option("--until", help="Published on or before this day (YYYY-MM-DD).")
    @click.option("--author", help="Author name; diacritics optional ('Nguyen Thi' finds 'Nguyễn Thị').")
    @click.option("--degree", help="Author degree, e.g. ThS. or TS.")
    @click.option("--distinct", is_flag=True,
                  help="One article of each set of copies and near-copies: the earliest.")
    @functools.wraps(fn)
    def wrapper(*args, sites, since, until, author, degree, distinct, **kwargs):
        from archive.filters import ArticleFilter  # read commands only; `tct extract` starts faster

        filt = ArticleFilter(tuple(sites), since, until, author, degree, distinct)
        return fn(*args, filt=filt, **kwargs)
    return wrapper


def fail(message: str, status: int = 2) -> NoReturn:
    """One line on stderr naming the command, then exit: bad input and misuse are refused clearly."""
    name = click.get_current_context().info_name
    click.echo(f"tct {name}: {message}", err=True)
    sys.exit(status)


SMALL_IMPORT_BYTES = 2_000_000  # a smaller import is over before extraction workers have started


@contextlib.contextmanager
def _writing(db: str | None):
    """The archive (created if missing) for a command that writes to it, held as crawls hold it:
    one writer at a time (exit 3 while another holds it)."""
    from archive.lock import ArchiveLock
    from archive.store import open_archive

    try:
        arc = open_archive(db)
    except (OSError, RuntimeError, ArchiveError) as exc:
        fail(f"cannot open archive {resolve_db_path(db)}: {exc}")
    with arc:
        try:
            lock = ArchiveLock(arc.path).acquire()
        except ArchiveLocked as exc:
            fail(str(exc), status=3)
        try:
            yield arc
        finally:
            lock.release()


def _open(db: str | None):
    """An existing archive for a command that reads it (never creates one)."""
    from archive.store import open_archive

    try:
        return open_archive(db, create=False)
    except (OSError, RuntimeError, ArchiveError) as exc:
        fail(f"cannot open archive {resolve_db_path(db)}: {exc}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tct-archive")
def main() -> None:
    """tct: crawl the news of Vietnam's provincial political schools into a searchable archive."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", "urls", multiple=True, help="Address the i-th FILE was fetched from; repeatable.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for a large batch (default: one per CPU core).")
@db_option
def extract(files: tuple[Path, ...], urls: tuple[str, ...], jobs: int | None, db: str | None) -> None:
    """Extract articles from saved HTML FILES, one JSON object per line.

    Example: tct extract page.html --url https://truongchinhtri.example.gov.vn/tin-tuc/a-1.html
    (--db is accepted like on every command; extraction does not touch the archive.) A file that
    cannot be read (missing, a folder, too big) is reported on stderr; the others are printed.
    """
    from crawler.extract_files import default_jobs, extract_files

    if len(urls) > len(files):
        raise click.UsageError(f"{len(urls)} --url given for {len(files)} file(s)")
    url_list = list(urls) + [None] * (len(files) - len(urls))
    failed = 0
    for res in extract_files(list(files), url_list, jobs=jobs or default_jobs()):
        if res.record is None:
            failed += 1
            click.echo(f"tct extract: cannot read {res.error}", err=True)
            continue
        click.echo(json.dumps(res.record, ensure_ascii=False))
    sys.exit(1 if failed else 0)


@main.command()
@db_option
@click.option("--site", "sites", multiple=True,
              help="Registry key of a school to crawl; repeatable. With --url: the key to file it under.")
@click.option("--url", "start_url", help="Crawl the site at this address (no registry entry needed).")
@click.option("--max-pages", type=click.IntRange(min=1), default=None,
              help="Stop a site after this many pages (default: the TCT_MAX_PAGES setting).")
@settings_option
@click.option("--quiet", is_flag=True, help="No progress display, only the summary.")
@registry_option
def crawl(db, sites, start_url, max_pages, overrides, quiet, registry) -> None:
    """Crawl registered schools (all active ones by default) or one site by --url.

    Example: tct crawl --site bacgiang --max-pages 200
    """
    from crawler.run import CrawlRequest, run_crawl

    req = CrawlRequest(db=str(resolve_db_path(db)), sites=list(sites), start_url=start_url,
                       max_pages=max_pages, settings=parse_settings(overrides), progress=not quiet,
                       registry=registry)
    try:
        summary = run_crawl(req)
    except ArchiveLocked as exc:
        click.echo(f"tct crawl: {exc}", err=True)
        sys.exit(3)
    except (ArchiveError, ValueError, KeyError) as exc:
        fail(str(exc), status=1)
    click.echo(summary.render())
    if summary.failure:
        fail(f"{summary.failure} (see the log above); rerun when it can be written", status=1)


@main.command()
@click.argument("query")
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True)
@click.option("--sort", "order", type=click.Choice(["relevance", "newest"]), default="relevance",
              show_default=True, help="Best match first, or the newest publication first.")
def search(query, db, filt, limit, fmt, order) -> None:
    """Full-text search; a query without diacritics also finds text with them.

    Supports "phrases", prefix*, AND/OR/NOT and title:/author: columns.
    Example: tct search "truong chinh tri" --since 2023-01-01 --sort newest --format jsonl
    """
    from archive.search import search as run_search

    with _open(db) as arc:
        try:
            hits = run_search(arc, query, filt, limit, order=order)
        except QueryError as exc:
            click.echo(f"tct search: {exc}", err=True)
            sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(hits, ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        for h in hits:
            click.echo(json.dumps(h, ensure_ascii=False))
    else:
        if not hits:
            click.echo("no matches")
        for h in hits:
            click.echo(f"{h['rank']:>3}. {(h['published_at'] or '')[:10]:<10}  {h['site']:<14} {h['title']}")
            click.echo(f"     {h['snippet']}")
            click.echo(f"     {h['url']}")


@main.command()
@click.argument("queries", nargs=-1, required=True)
@db_option
@filter_options
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="month", show_default=True,
              help="The period articles are counted in.")
@click.option("--by-school", is_flag=True, help="A series per school besides the total.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="csv and json: one row per period, query (and school), with its count.")
def trend(queries, db, filt, by, by_school, fmt) -> None:
    """Articles matching each QUERY per period: a topic over time.

    The same search as `tct search` (no diacritics: folded too); periods with no match count 0.
    Example: tct trend "chuyển đổi số" "kinh te tu nhan" --by quarter --since 2020-01-01
    """
    import csv

    from archive.trends import trend as run_trend

    with _open(db) as arc:
        try:
            result = run_trend(arc, list(queries), by=by, by_school=by_school, filt=filt)
        except QueryError as exc:
            fail(str(exc))
    rows = result.rows()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        out = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["period", "query", "count"],
                             lineterminator="\n")
        out.writeheader()
        out.writerows(rows)
        return
    if not result.periods:
        click.echo("no dated article matches")
    else:
        _trend_table(result)
    for q, n in result.undated.items():
        if n:
            click.echo(f"({n} articles matching {q!r} have no publication date)")


def _trend_table(result) -> None:
    """Periods down, queries across (a row per school and period with --by-school)."""
    schools = sorted({s for _, s in result.series}, key=lambda s: s or "")
    width = max(8, *(len(q) for q in result.queries))
    head = f"{'period':<8}" + (f"  {'school':<16}" if result.by_school else "")
    click.echo(head + "".join(f"  {q[:width]:>{width}}" for q in result.queries))
    for i, period in enumerate(result.periods):
        for school in schools:
            cells = "".join(f"  {result.series.get((q, school), [0] * len(result.periods))[i]:>{width}}"
                            for q in result.queries)
            click.echo(f"{period:<8}" + (f"  {(school or '')[:16]:<16}" if result.by_school else "") + cells)


def _check_output(out: Path, archive: Path) -> None:
    """Refuse an export target that is a folder, in a missing folder, or the archive itself."""
    if out.is_dir():
        fail(f"-o {out} is a folder: name a file")
    if not out.parent.is_dir():
        fail(f"-o {out}: folder {out.parent} does not exist")
    db = archive.resolve()
    own = {db} | {db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", ".lock")}
    if out.resolve() in own:
        fail(f"-o {out} would overwrite the archive")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "parquet", "warc"]),
              required=True, help="parquet needs pyarrow and a file (not -); warc writes the pages "
              "as fetched, gzipped (FILE.warc.gz), with the fields as metadata records.")
@click.option("-o", "--output", "out", required=True, help="Output file, or - for standard output.")
@click.option("--query", help="Only articles matching this full-text query.")
@click.option("--excel", is_flag=True, help="CSV: write a UTF-8 BOM so Excel shows Vietnamese right.")
@click.option("--sort", "order", type=click.Choice(["archived", "published"]), default="archived",
              show_default=True, help="Rows in the order archived (fastest), or by publication date.")
@filter_options
def export(db, fmt, out, query, excel, filt, order) -> None:
    """Export archived articles as JSON, JSON Lines, CSV (RFC 4180, UTF-8), Parquet or WARC.

    Example: tct export --format csv --excel -o articles.csv --site bacgiang
    """
    from archive.export import export as run_export
    from archive.export import export_parquet
    from archive.warc import export_warc

    if fmt == "parquet" and out == "-":
        fail("Parquet goes to a file: give -o FILE.parquet")
    with _open(db) as arc:
        if out != "-":
            _check_output(Path(out), arc.path)
        tmp = Path(out + ".part")
        try:
            if fmt == "parquet":
                n = export_parquet(arc, str(tmp), filt, query, order)
                tmp.replace(out)
            elif fmt == "warc" and out == "-":
                n = export_warc(arc, sys.stdout.buffer, filt, query)
                sys.stdout.buffer.flush()
            elif fmt == "warc":
                with open(tmp, "wb") as fh:
                    n = export_warc(arc, fh, filt, query, filename=Path(out).name)
                tmp.replace(out)
            elif out == "-":
                n = run_export(arc, sys.stdout.buffer, fmt, filt, query, excel, order)
                sys.stdout.buffer.flush()
            else:
                with open(tmp, "wb") as fh:
                    n = run_export(arc, fh, fmt, filt, query, excel, order)
                tmp.replace(out)
        except (ArchiveError, OSError) as exc:
            if out != "-":
                tmp.unlink(missing_ok=True)  # no partial file left behind
            fail(str(exc))
    if out != "-":
        click.echo(f"wrote {n} articles to {out}", err=True)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(db, as_json) -> None:
    """Counts of the archive: articles per school, per year and month, top authors, gaps."""
    from archive.stats import archive_stats

    with _open(db) as arc:
        s = archive_stats(arc)
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=1))
        return
    click.echo(f"articles: {s['articles']}   crawl runs: {s['runs']['count']}")
    click.echo("\nper site                   articles  first       last        no date  no author")
    for r in s["sites"]:
        click.echo(f"  {r['site']:<24} {r['articles']:>8}  {(r['first'] or '-')[:10]:<10}  "
                   f"{(r['last'] or '-')[:10]:<10}  {r['missing_date']:>7}  {r['missing_author']:>9}")
    if {r["school"] for r in s["schools"]} != {r["site"] for r in s["sites"]}:  # a merger applies
        click.echo("\nper school (attributed by host and publication date, 2025 mergers applied)")
        for r in s["schools"]:
            click.echo(f"  {r['school']:<30} {r['articles']:>8}")
    click.echo("\nper year")
    for r in s["years"]:
        click.echo(f"  {r['year']:<8} {r['articles']:>8}")
    if s["months"]:
        click.echo("\nper month (last 24)")
        for r in s["months"]:
            click.echo(f"  {r['month']:<8} {r['articles']:>8}")
    if s["top_authors"]:
        click.echo("\ntop authors")
        for r in s["top_authors"]:
            click.echo(f"  {r['author']:<30} {r['articles']:>5}")


@main.command()
@db_option
@registry_option
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def schools(db, registry, as_json) -> None:
    """The schools of all 63 provinces as they were before the 2025 mergers, those merged pointing
    to the school they joined, with their hosts, articles archived and last crawl run."""
    from crawler.registry import RegistryError, load_registry

    try:
        reg = load_registry(registry)
    except RegistryError as exc:
        fail(str(exc))
    path = resolve_db_path(db)
    counts: tuple[dict, dict] = ({}, {})
    if path.is_file():  # without an archive: the registry alone (a read command creates none)
        with _open(db) as arc:
            counts = arc.school_counts()
    rows = _school_rows(reg, *counts)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    click.echo(f"{'key':<14} {'province':<18} {'articles':>8}  {'last run':<10}  school (hosts)")
    for r in rows:
        merged = f" → {r['merged_into']} from {r['merged_on']}" if r["merged_into"] else ""
        hosts = ", ".join(r["hosts"]) or "no known site"
        last = (r["last_run"] or "-")[:10]
        click.echo(f"{r['key']:<14} {r['province'] or '':<18} {r['articles']:>8}  {last:<10}"
                   f"  {r['name']}{merged} ({hosts})")


def _school_rows(reg: dict, articles: dict[str, int], last_runs: dict[str, str]) -> list[dict]:
    """One row per school; a school's second sites add their hosts and runs to it."""
    rows = []
    for s in reg.values():
        if s.school:
            continue
        sites = [s, *(o for o in reg.values() if o.school == s.key)]
        runs = [last_runs[x.key] for x in sites if x.key in last_runs]
        rows.append({"key": s.key, "name": s.name, "province": s.province,
                     "hosts": sorted(h for x in sites for h in x.hosts), "crawled": s.active,
                     "merged_into": s.merged_into,
                     "merged_on": s.merged_on.isoformat() if s.merged_on else None,
                     "articles": articles.get(s.key, 0), "last_run": max(runs) if runs else None})
    return rows


@main.command()
@db_option
@click.option("-o", "--output", "out", required=True, help="The HTML file to write.")
@click.option("--query", "queries", multiple=True,
              help="A topic to chart over time (as tct trend counts it); repeatable.")
def report(db, out, queries) -> None:
    """One self-contained HTML page of charts (opens offline): articles per month per school, who
    writes (authors, degrees), topics over time (--query), crawl health per school and field
    completeness. Needs matplotlib (the 'report' extra).

    Example: tct report -o report.html --query "chuyển đổi số" --query "kinh te tu nhan"
    """
    import importlib.util

    from archive.store import VN_TZ

    if importlib.util.find_spec("matplotlib") is None:
        fail("matplotlib is not installed: pip install 'tct-archive[report]'")
    with _open(db) as arc:
        target = Path(out)
        _check_output(target, arc.path)
        from archive.report import render

        try:
            page = render(arc, datetime.now(VN_TZ), list(queries))
        except QueryError as exc:
            fail(str(exc))
    tmp = Path(out + ".part")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(target)
    click.echo(f"wrote {out} ({len(page) // 1024} KiB)", err=True)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print every school's health as JSON.")
def health(db, as_json) -> None:
    """Is every school's crawl healthy? One line per finding, naming the school and the reason.

    Watches failed runs in a row, the last successful run, days since a crawl found a new
    article, dates or authors vanishing from new articles, jumps in errors. Exit status 0 when
    all is well, 1 when a school needs attention (for cron's mail or any monitor).
    """
    from archive.health import as_dict, check
    from archive.store import VN_TZ

    with _open(db) as arc:
        schools = check(arc, datetime.now(VN_TZ))
    sick = [h for h in schools if not h.well]
    if as_json:
        click.echo(json.dumps({"well": not sick, "schools": [as_dict(h) for h in schools]},
                              ensure_ascii=False, indent=1))
    else:
        for h in sick:
            for finding in h.findings:
                click.echo(f"{h.school}: {finding}")
        if not sick:
            click.echo(f"all {len(schools)} schools well" if schools else "no crawl runs yet")
    sys.exit(1 if sick else 0)


@main.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--explain", type=int, metavar="RUN", help="List the pages run RUN left out, with the reason.")
def runs(db, limit, explain) -> None:
    """The record of recent crawl runs: what changed, what broke, and which fetched pages were not
    taken as articles, by reason (`--explain RUN` lists those pages, each with its reason)."""
    with _open(db) as arc:
        if explain is not None:
            left = arc.pages_left_out(explain)
            for url, reason in left:
                click.echo(f"{url}\t{reason or 'not an article'}")
            if not left:
                click.echo(f"run #{explain} left no fetched page out (or there is no such run)")
            return
        rows = arc.runs(limit)
    if not rows:
        click.echo("no crawl runs yet")
    for r in rows:
        errs = json.loads(r["errors"] or "{}")
        err_txt = ", ".join(f"{k}={v}" for k, v in errs.items()) or "none"
        skipped = json.loads(r.get("not_articles") or "{}")
        skip_txt = ", ".join(f"{k}={v}" for k, v in sorted(skipped.items())) or "none"
        click.echo(f"#{r['id']} {r['site']:<20} {r['started_at']} → {r['finished_at'] or '…'} "
                   f"[{r['status']}] pages={r['pages_fetched']} new={r['articles_new']} "
                   f"changed={r['articles_changed']} unchanged={r['articles_unchanged']} "
                   f"dup={r['articles_duplicate']} errors: {err_txt}; not articles: {skip_txt}")


@main.command(name="near-copies")
@db_option
@click.option("--rebuild", is_flag=True, help="Forget every link and check the whole archive again.")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
def near_copies(db, rebuild, as_json) -> None:
    """Link articles whose text is mostly the same to the earliest one (near_duplicate_of).

    Crawls, imports and backfills link their new articles when they end; this checks whatever
    is left (an archive from an older tct), or everything again with --rebuild. Search and
    export show one of each set with --distinct.
    """
    from archive.nearcopies import THRESHOLD, WATERMARK, link_pending
    from archive.nearcopies import rebuild as relink

    with _writing(db) as arc:
        done = 0 if rebuild else int(arc.get_meta(WATERMARK) or 0)
        total = arc.db.execute("SELECT count(*) FROM articles WHERE id > ?", [done]).fetchone()[0]
        with click.progressbar(length=total, label="near-copies", file=sys.stderr) as bar:
            outcome = (relink if rebuild else link_pending)(arc, progress=bar.update)
        linked = arc.db.execute("SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL"
                                ).fetchone()[0]
    if as_json:
        click.echo(json.dumps({"checked": outcome.checked, "linked_now": outcome.linked,
                               "near_copies": linked, "threshold": THRESHOLD}))
    else:
        click.echo(f"checked {outcome.checked} articles, {outcome.linked} linked now; "
                   f"{linked} articles in the archive are near-copies of an earlier one "
                   f"(similarity >= {THRESHOLD})")


@main.command()
@db_option
@click.option("--site", "sites", multiple=True, help="Only this school's pages; repeatable.")
def reparse(db, sites) -> None:
    """Extract every stored page again with the current parser (no network).

    Records that come out different are updated; their earlier versions are kept as revisions.
    Example: tct reparse --site bacgiang
    """
    from archive.lock import ArchiveLock
    from crawler.reparse import reparse as run_reparse

    with _open(db) as arc:
        try:
            lock = ArchiveLock(arc.path).acquire()  # a crawl is writing to it: not now
        except ArchiveLocked as exc:
            fail(str(exc), status=3)
        try:
            total = arc.db.execute("SELECT count(*) FROM pages").fetchone()[0]
            with click.progressbar(length=total, label="reparse", file=sys.stderr) as bar:
                counts = run_reparse(arc, tuple(sites), progress=lambda n: bar.update(1))
        finally:
            lock.release()
    click.echo(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no stored pages")


@main.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@registry_option
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@click.option("--workers", type=int, default=None,
              help="Extraction processes beside this one [one per core; none for small files].")
def import_(files, db, registry, as_json, workers) -> None:
    """Read web archives (WARC or ARC, gzipped or not) into the archive as a crawl would.

    Example: tct import bacgiang-2019.warc.gz --db archive.db
    """
    from crawler.registry import RegistryError, load_registry
    from crawler.warc_import import Importer, report_json, summary

    for f in files:
        if not f.is_file():
            fail(f"no such file: {f}")
    try:
        schools = list(load_registry(registry).values())
    except RegistryError as exc:
        fail(str(exc))
    with _writing(db) as arc:
        total = sum(f.stat().st_size for f in files)
        with click.progressbar(length=2 * total, label="import", file=sys.stderr) as bar:
            if workers is None:
                workers = (os.cpu_count() or 1) if total > SMALL_IMPORT_BYTES else 0
            report = Importer(arc, schools, progress=bar.update, workers=workers).run(list(files))
    click.echo(report_json(report) if as_json else summary(report))
    if report.errors:
        sys.exit(1)


@main.command()
@click.option("--cdx", default=None, help="CDX server to ask for captures [the Internet Archive's].")
@click.option("--replay", default=None, help="Replay prefix captures are fetched from, as "
              "PREFIX<timestamp>id_/<url> [the Internet Archive's].")
@click.option("--site", "sites", multiple=True, help="A registered school; repeatable.")
@click.option("--url", "urls", multiple=True, help="A site no registry entry describes; repeatable.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Captures from this day on.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Captures up to this day.")
@click.option("--delay", type=float, default=None, help="Seconds between requests [1.5].")
@db_option
@registry_option
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
def backfill(cdx, replay, sites, urls, since, until, delay, db, registry, as_json) -> None:
    """Recover a school's past articles from a Wayback Machine (never the live site).

    Example: tct backfill --site bacgiang --since 2018-01-01 --until 2021-12-31
    """
    from crawler.backfill import DEFAULT_DELAY, IA_CDX, IA_REPLAY, Backfill, BackfillError
    from crawler.registry import RegistryError, School, load_registry
    from crawler.warc_import import summary

    if not sites and not urls:
        fail("name the schools: --site KEY or --url START_URL")
    try:
        reg = load_registry(registry)
        unknown = [k for k in sites if k not in reg]
        if unknown:
            fail(f"unknown site key(s): {', '.join(unknown)}")
        schools = [reg[k] for k in sites] + [School.for_url(u) for u in urls]
    except (RegistryError, ValueError) as exc:
        fail(str(exc))
    with _writing(db) as arc:
        job = Backfill(arc, schools, cdx=cdx or IA_CDX, replay=replay or IA_REPLAY,
                       delay=DEFAULT_DELAY if delay is None else delay)
        try:
            report = job.queue(since.date() if since else None, until.date() if until else None)
            with click.progressbar(length=job.pending(), label="backfill", file=sys.stderr) as bar:
                job.fetch(report, progress=bar.update)
            report.imported = job.read()
        except BackfillError as exc:
            fail(str(exc), status=1)
    head = (f"{report.listed} captures listed, {report.queued} new to fetch, {report.fetched} fetched, "
            f"{report.failed} failed")
    if as_json:
        click.echo(json.dumps({"listed": report.listed, "queued": report.queued, "fetched": report.fetched,
                               "failed": report.failed,
                               "articles": dict(report.imported.outcomes) if report.imported else {}}))
    else:
        click.echo(head + ("\n" + summary(report.imported) if report.imported else ""))
    if report.failed:
        sys.exit(1)


@main.command()
@db_option
@click.option("--port", type=int, default=8001, show_default=True)
def serve(db, port) -> None:
    """Browse and search the archive in Datasette (pip install 'tct-archive[serve]').

    Example: tct serve --db archive.db --port 8001
    """
    import importlib.util

    if importlib.util.find_spec("datasette") is None:
        fail("Datasette is not installed: pip install 'tct-archive[serve]'")
    path = resolve_db_path(db)
    if not path.is_file():
        fail(f"no archive at {path}")
    # Datasette replaces this process (no child left running when `tct serve` is stopped); the
    # archive's plugin (archive/datasette_plugin.py) configures it, whatever the file is called.
    os.execv(sys.executable, [sys.executable, "-m", "datasette", "serve", str(path), "--port", str(port)])


@main.command()
@db_option
@click.option("--port", type=int, default=0, help="Port for the sample site (default: any free one).")
def demo(db, port) -> None:
    """Offline demo: serve the bundled sample school site, crawl it, summarise, search."""
    from tct.demo.run import run_demo

    run_demo(str(resolve_db_path(db)), port)


main.add_command(cluster)  # tct.cluster: the Scrapyd side, in a module of its own

if __name__ == "__main__":
    main()
