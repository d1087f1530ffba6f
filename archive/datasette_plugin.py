"""The Datasette plugin of tct archives (entry point `tct` of the `datasette` group): `tct serve`
and a plain `datasette archive.db` get it alike, whatever the archive file is called.

- The articles table's search box searches like `tct search`: typed without marks it finds text
  with them (`truong chinh tri` finds *Trường Chính trị*); typed with them it stays exact (`thể`
  does not find `thế`). The box searches the folded index (articles_fold); on tct archives this
  plugin's escape_fts folds the query for it, and a query with marks is also held to the exact
  index (articles_fts).
- Facets by school, year and degree; table views show the start of each body (cells cut at
  SHORT_CELL characters), the row page the whole text.
- The archive's internal tables (raw pages, the crawl queue, host history, schema version, the
  cluster's jobs) are hidden.
- The instance has a title and a description; the articles table opens on title, school, date
  and author (then the rest), and canned queries give a researcher's first questions: articles per
  school per year, the most frequent authors with their degrees, a topic over time.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import escape_fts

from archive.records import ARTICLE_FIELDS
from archive.textfold import fold, has_diacritics

HIDDEN = ("pages", "crawl_urls", "tct_meta", "school_hosts", "aliases", "cluster_crawls", "cluster_jobs")
FACETS = ["school", "year", "author_degree"]
SHORT_CELL = 300  # characters of a long cell (the body) a table view shows
DATASETTE_DEFAULT_TRUNCATE = 2048
_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"
TITLE = "Trường Chính trị news archive"
DESCRIPTION = ("Articles of the news sites of Vietnam's provincial political schools (Trường Chính trị), "
               "crawled by tct-archive: title, author with degree and role, publication date and text. "
               "The search box ignores diacritics when the query has none (truong chinh tri finds "
               "Trường Chính trị).")
# title, school, date, then the author's fields, then where the article is: what a reader scans first
FIRST_COLUMNS = ("title", "school", *(f for f in ARTICLE_FIELDS if f.startswith(("published", "author"))),
                 "url", "site")
# Canned queries (Datasette's "queries"): what a researcher asks first. A topic is matched as the
# search box and `tct search` match it: folded, and held to the exact words when typed with marks.
QUERIES = {
    "articles_per_school_per_year": {
        "title": "Articles per school per year",
        "description": "How many articles each school published each year (by publication date).",
        "sql": "SELECT coalesce(school, site) AS school, substr(published_at, 1, 4) AS year, "
               "count(*) AS articles FROM articles WHERE published_at IS NOT NULL "
               "GROUP BY 1, 2 ORDER BY 1, 2",
    },
    "top_authors": {
        "title": "Top authors with their degrees",
        "description": "Who writes most, with the degree and role printed with their name.",
        "sql": "SELECT author, author_degree AS degree, max(author_role) AS role, count(*) AS articles, "
               "count(DISTINCT site) AS schools, min(substr(published_at, 1, 10)) AS first, "
               "max(substr(published_at, 1, 10)) AS last FROM articles WHERE author IS NOT NULL "
               "GROUP BY author, author_degree ORDER BY articles DESC, author LIMIT 200",
    },
    "topic_over_time": {
        "title": "A topic over time",
        "description": "Articles matching a topic per month (type it with or without diacritics).",
        "sql": "SELECT substr(published_at, 1, 7) AS month, count(*) AS articles FROM articles "
               "WHERE published_at IS NOT NULL "
               "AND id IN (SELECT rowid FROM articles_fold WHERE articles_fold MATCH escape_fts(:topic)) "
               "AND (NOT tct_has_marks(:topic) OR id IN "
               "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH tct_exact_fts(:topic))) "
               "GROUP BY 1 ORDER BY 1",
    },
}


def _is_archive(tables: set[str]) -> bool:
    return {"articles", "articles_fts", "articles_fold"} <= tables


@hookimpl(trylast=True)  # after Datasette's own escape_fts, which this one replaces on tct archives
def prepare_connection(conn, database, datasette):
    if _is_archive({r[0] for r in conn.execute(_TABLES)}):
        conn.create_function("escape_fts", 1, lambda q: escape_fts(fold(q or "")))
        conn.create_function("tct_exact_fts", 1, lambda q: escape_fts(q or ""))
        conn.create_function("tct_has_marks", 1, lambda q: int(has_diacritics(q or "")))


def _archives(datasette) -> list[str]:
    """The attached databases that are tct archives (by their tables, not their file names);
    looked at once per database, with a connection closed right after."""
    known: dict[str, bool] = datasette.__dict__.setdefault("_tct_archives", {})
    for name, db in datasette.databases.items():
        if name in known:
            continue
        known[name] = False
        if name.startswith("_") or db.is_memory:
            continue
        try:
            conn = db.connect()
            try:
                known[name] = _is_archive({r[0] for r in conn.execute(_TABLES)})
            finally:
                conn.close()
        except Exception:  # noqa: BLE001 - a database we cannot read is no tct archive
            pass
    return [name for name, is_archive in known.items() if is_archive]


@hookimpl
def startup(datasette):
    # Table views cut long cells (the body) short; the row page always shows the whole text.
    settings = getattr(datasette, "_settings", None)
    if isinstance(settings, dict) and settings.get("truncate_cells_html") == DATASETTE_DEFAULT_TRUNCATE:
        settings["truncate_cells_html"] = SHORT_CELL


@hookimpl
def get_metadata(datasette, key, database, table):
    tables: dict[str, Any] = {
        "articles": {"fts_table": "articles_fold", "fts_pk": "id", "facets": FACETS,
                     "sort_desc": "published_at", "label_column": "title"},
        **{name: {"hidden": True} for name in HIDDEN},
    }
    archives = _archives(datasette)
    out: dict[str, Any] = {"databases": {name: {"tables": tables} for name in archives}}
    if archives:  # (a user's own metadata file still takes precedence)
        out.update(title=TITLE, description=DESCRIPTION)
    return out


@hookimpl
def canned_queries(datasette, database, actor):
    return QUERIES if database in _archives(datasette) else None


@hookimpl
def asgi_wrapper(datasette):
    """The articles table opens on title, school, date and author: a request for it that picks
    no columns (`_col`/`_nocol`) is given them in that order (Datasette keeps `_col`'s order)."""
    def wrap(app):
        async def ordered(scope, receive, send):
            if scope.get("type") == "http" and scope.get("method") in ("GET", "HEAD"):
                scope = await _with_column_order(datasette, scope)
            await app(scope, receive, send)
        return ordered
    return wrap


async def _with_column_order(datasette, scope: dict) -> dict:
    query = scope.get("query_string", b"").decode("latin-1")
    if "_col=" in query or "_nocol=" in query:
        return scope
    path = scope.get("path", "")
    for name in _archives(datasette):
        base = datasette.urls.table(name, "articles")
        if path in (base, base + ".json", base + ".csv"):
            columns = await _article_columns(datasette, name)
            pairs = parse_qsl(query, keep_blank_values=True) + [("_col", c) for c in columns]
            return {**scope, "query_string": urlencode(pairs).encode("latin-1")}
    return scope


async def _article_columns(datasette, name: str) -> list[str]:
    """The articles table's columns, FIRST_COLUMNS first (the id, its key, is shown anyway)."""
    cache: dict[str, list[str]] = datasette.__dict__.setdefault("_tct_columns", {})
    if name not in cache:
        cols = await datasette.databases[name].table_columns("articles")
        cache[name] = [c for c in FIRST_COLUMNS if c in cols] + \
            [c for c in cols if c not in FIRST_COLUMNS and c != "id"]
    return cache[name]


@hookimpl
def filters_from_request(request, database, table, datasette):
    """A query typed with marks stays exact: its matches must be in the exact index too."""
    search = request.args.get("_search")
    if table != "articles" or not search or not has_diacritics(search):
        return None
    if database not in _archives(datasette):
        return None
    return FilterArguments(["id in (select rowid from articles_fts where articles_fts match :tct_exact)"],
                           {"tct_exact": escape_fts(search)})
