"""A school's slice of the archive, as it travels between `tct cluster crawl` and a crawl node.

Out to the node: the school's *state* (`school_state`): what the archive knows of the school's
URLs (the frontier rows) and a stub of each archived article (address, hashes, validators), so
the node's crawl is incremental exactly as a local one. The node loads it into a private archive
(`load_state`) and crawls against that.

Back from the node: *wire lines*, one JSON object per line of the job's item feed (`article`,
`touch`, `urls`, `run`, built by the `*_line` functions), applied to the archive by `apply_line`.
Applying a line twice changes nothing (articles are upserted by URL and content hash, frontier
rows by URL), so delivery may be at-least-once. Raw pages travel zlib-compressed, base64-encoded.
"""
from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterator, Mapping
from typing import Any

from archive.store import Archive, SaveResult

WIRE_VERSION = 1
_ARTICLE_STUB = ("id", "url", "content_hash", "body_hash", "fetched_at", "etag", "last_modified")
_URL_COLUMNS = ("url", "site", "state", "kind", "depth", "status", "queued_at", "fetched_at",
                "fetch_url", "run_id", "anchor", "reason")
_RUN_COLUMNS = ("finished_at", "status", "pages_fetched", "articles_new", "articles_changed",
                "articles_unchanged", "articles_duplicate", "errors", "not_articles")
URLS_PER_LINE = 500


class WireError(ValueError):
    """A line of a node's feed that is not a wire line this version understands."""


# -- out: the state a node starts from ----------------------------------------------------------
def school_state(db: Any, site: str, run_id: int) -> dict[str, Any]:
    """What a node needs to crawl `site` incrementally as run `run_id` (`db`: a connection to the
    archive, read-only will do)."""
    cols = ", ".join(_ARTICLE_STUB)
    articles = [list(r) for r in db.execute(f"SELECT {cols} FROM articles WHERE site = ?", [site])]
    aliases = [list(r) for r in db.execute(
        "SELECT l.url, l.article_id FROM aliases l JOIN articles a ON a.id = l.article_id "
        "WHERE a.site = ?", [site])]
    urls = [list(r) for r in db.execute(
        f"SELECT {', '.join(_URL_COLUMNS)} FROM crawl_urls WHERE site = ?", [site])]
    return {"v": WIRE_VERSION, "site": site, "run_id": run_id, "articles": articles,
            "aliases": aliases, "urls": urls}


def load_state(arc: Archive, state: Mapping[str, Any]) -> None:
    """Fill a node's private, empty archive with a school's state (article stubs keep their ids,
    so aliases point right; their text stays with the coordinator)."""
    if state.get("v") != WIRE_VERSION:
        raise WireError(f"state of wire version {state.get('v')!r}; this tct reads {WIRE_VERSION}")
    site = state["site"]
    with arc.transaction():
        arc.db.conn.executemany(
            f"INSERT INTO articles (site, {', '.join(_ARTICLE_STUB)}) VALUES (?, {_marks(_ARTICLE_STUB)})",
            ([site, *row] for row in state["articles"]))
        arc.db.conn.executemany("INSERT INTO aliases (url, article_id) VALUES (?, ?)", state["aliases"])
        _upsert_urls(arc, state["urls"])


# -- back: the lines of a node's feed -----------------------------------------------------------
def article_line(record: Mapping[str, Any], site: str, status: str, html: bytes | None,
                 **page: Any) -> dict[str, Any]:
    """An article as the node stored it (`status`: new, changed… in the node's view), with its
    page; `page` holds save_article's keywords (encoding, fetched_at, etag, …)."""
    packed = base64.b64encode(zlib.compress(html, 6)).decode("ascii") if html is not None else None
    return {"t": "article", "site": site, "status": status, "record": dict(record),
            "page": {**page, "html": packed}}


def touch_line(url: str, at: str) -> dict[str, Any]:
    """An archived article the server said, at `at`, had not changed (HTTP 304)."""
    return {"t": "touch", "url": url, "at": at}


def url_lines(arc: Archive, run_id: int) -> Iterator[dict[str, Any]]:
    """The frontier rows a run queued or fetched, URLS_PER_LINE to a line."""
    rows = arc.db.execute(f"SELECT {', '.join(_URL_COLUMNS)} FROM crawl_urls WHERE run_id = ? "
                          "ORDER BY rowid", [run_id])
    while chunk := rows.fetchmany(URLS_PER_LINE):
        yield {"t": "urls", "rows": [list(r) for r in chunk]}


def run_line(run: Mapping[str, Any]) -> dict[str, Any]:
    """The run's record, last line of a job's feed: the job is complete once it is read."""
    return {"t": "run", "id": run["id"], "site": run["site"], **{k: run[k] for k in _RUN_COLUMNS}}


def apply_line(arc: Archive, line: Mapping[str, Any], run_id: int) -> SaveResult | None:
    """Apply one wire line of run `run_id`'s feed to the archive (the caller holds the transaction)."""
    kind = line.get("t")
    if kind == "article":
        page = dict(line["page"])
        packed = page.pop("html", None)
        html = zlib.decompress(base64.b64decode(packed)) if packed else None
        return arc.save_article(line["record"], site=line["site"], html=html, **page)
    if kind == "touch":
        arc.touch_article(line["url"], line["at"])
    elif kind == "urls":
        _upsert_urls(arc, line["rows"])
    elif kind == "run":
        if line["id"] != run_id:
            raise WireError(f"the run line names run {line['id']}, the job is run {run_id}")
        sets = ", ".join(f"{c} = ?" for c in _RUN_COLUMNS)
        with arc.transaction():
            arc.db.execute(f"UPDATE runs SET {sets}, error_count = ? WHERE id = ?",
                           [*(line[c] for c in _RUN_COLUMNS), _error_count(line["errors"]), run_id])
    else:
        raise WireError(f"unknown wire line {kind!r}")
    return None


def _upsert_urls(arc: Archive, rows: list[list[Any]]) -> None:
    cols = ", ".join(_URL_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _URL_COLUMNS[1:])
    with arc.transaction():
        arc.db.conn.executemany(
            f"INSERT INTO crawl_urls ({cols}) VALUES ({_marks(_URL_COLUMNS)}) "
            f"ON CONFLICT(url) DO UPDATE SET {updates}", rows)


def _error_count(errors_json: str | None) -> int:
    return sum(json.loads(errors_json or "{}").values())


def _marks(cols: tuple[str, ...]) -> str:
    return ", ".join("?" * len(cols))
