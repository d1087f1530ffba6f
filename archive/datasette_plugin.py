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
"""
from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import escape_fts

from archive.textfold import fold, has_diacritics

HIDDEN = ("pages", "crawl_urls", "tct_meta", "school_hosts", "aliases", "cluster_crawls", "cluster_jobs")
FACETS = ["school", "year", "author_degree"]
SHORT_CELL = 300  # characters of a long cell (the body) a table view shows
DATASETTE_DEFAULT_TRUNCATE = 2048
_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"


def _is_archive(tables: set[str]) -> bool:
    return {"articles", "articles_fts", "articles_fold"} <= tables


@hookimpl(trylast=True)  # after Datasette's own escape_fts, which this one replaces on tct archives
def prepare_connection(conn, database, datasette):
    if _is_archive({r[0] for r in conn.execute(_TABLES)}):
        conn.create_function("escape_fts", 1, lambda q: escape_fts(fold(q or "")))


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
    return {"databases": {name: {"tables": tables} for name in _archives(datasette)}}


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
