"""The archive's tables, created and upgraded through numbered migrations.

Each migration is a function of a `sqlite_utils.Database`; `migrate()` runs those not yet applied
and records the version in `tct_meta`, so an old archive opens in a new release without loss.
"""
from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from archive.records import ARTICLE_FIELDS


def _v1_base(db: sqlite_utils.Database) -> None:
    _v1_articles(db)
    _v1_crawl_records(db)


def _v1_articles(db: sqlite_utils.Database) -> None:
    """Articles (the fields of archive.records, then the archive's own columns), their other
    addresses, stored pages, earlier versions and the two full-text indexes."""
    fields = {name: str for name in ARTICLE_FIELDS}
    db["articles"].create(
        {"id": int, "url": str, "site": str, "host": str, **fields, "category": str,
         "school": str, "school_name": str, "word_count": int, "content_hash": str, "body_hash": str,
         "duplicate_of": int,
         "first_seen": str, "last_seen": str, "fetched_at": str, "etag": str, "last_modified": str,
         "flags": str},
        pk="id", not_null={"url"}, foreign_keys=[("duplicate_of", "articles", "id")],
        if_not_exists=True,
    )
    db["articles"].create_index(["url"], unique=True, if_not_exists=True)
    for cols in (["site", "published_at"], ["published_at"], ["body_hash"], ["author"]):
        db["articles"].create_index(cols, if_not_exists=True)
    db["aliases"].create(
        {"url": str, "article_id": int, "first_seen": str},
        pk="url", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db["pages"].create(
        {"article_id": int, "html_zlib": bytes, "encoding": str, "fetched_at": str},
        pk="article_id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db["revisions"].create(
        {"id": int, "article_id": int, "replaced_at": str, "fetched_at": str, **fields,
         "content_hash": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db["revisions"].create_index(["article_id"], if_not_exists=True)
    # Two full-text indexes (docs/vietnamese-text.md): exact words, and words folded by textfold.fold().
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
        "title, body, author, content='articles', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fold USING fts5("
        "title, body, author, content='', tokenize='unicode61 remove_diacritics 0')"
    )


def _v1_crawl_records(db: sqlite_utils.Database) -> None:
    """Schools and their hosts, crawl runs, and the crawl frontier."""
    db["schools"].create(
        {"key": str, "name": str, "province": str, "hosts": str, "start_urls": str,
         "active": int, "merged_into": str},
        pk="key", if_not_exists=True,
    )
    # Which school a host published for, from when to when (the 2025 mergers): an article is
    # attributed by its publication date (docs/schools.md).
    db["school_hosts"].create(
        {"host": str, "school": str, "valid_from": str, "valid_to": str}, if_not_exists=True,
    )
    db["school_hosts"].create_index(["host"], if_not_exists=True)
    db["runs"].create(
        {"id": int, "site": str, "started_at": str, "finished_at": str, "status": str,
         "pages_fetched": int, "articles_new": int, "articles_changed": int,
         "articles_unchanged": int, "articles_duplicate": int, "error_count": int, "errors": str},
        pk="id", if_not_exists=True,
    )
    # The crawl frontier on disk: every URL a crawl has queued or fetched, so that a killed crawl
    # resumes where it stopped and a nightly run skips what it has already seen.
    db["crawl_urls"].create(
        {"url": str, "site": str, "state": str, "kind": str, "depth": int, "status": int,
         "queued_at": str, "fetched_at": str},
        pk="url", if_not_exists=True,
    )
    db["crawl_urls"].create_index(["site", "state"], if_not_exists=True)


def _v2_development_columns(db: sqlite_utils.Database) -> None:
    """Archives made by early builds of version 1 lack what later builds of it added."""
    columns = db["articles"].columns_dict
    for name in ("school", "body_hash", "flags"):
        if name not in columns:
            db.execute(f"ALTER TABLE articles ADD COLUMN [{name}] TEXT")
    db["articles"].create_index(["body_hash"], if_not_exists=True)
    db["school_hosts"].create(
        {"host": str, "school": str, "valid_from": str, "valid_to": str}, if_not_exists=True,
    )
    db["school_hosts"].create_index(["host"], if_not_exists=True)


def _v3_frontier_on_disk(db: sqlite_utils.Database) -> None:
    """The crawl hands Scrapy only a few requests at a time and keeps the rest of its queue here:
    the address to request (when it differs from the canonical URL), the run that queued or
    fetched a URL last, and an index in the order the queue is served (shallowest first)."""
    db["crawl_urls"].create(
        {"url": str, "site": str, "state": str, "kind": str, "depth": int, "status": int,
         "queued_at": str, "fetched_at": str}, pk="url", if_not_exists=True)
    columns = db["crawl_urls"].columns_dict
    if "fetch_url" not in columns:
        db.execute("ALTER TABLE crawl_urls ADD COLUMN fetch_url TEXT")
    if "run_id" not in columns:
        db.execute("ALTER TABLE crawl_urls ADD COLUMN run_id INTEGER")
    db["crawl_urls"].create_index(["site", "state", "depth"], if_not_exists=True)


def _v4_link_evidence(db: sqlite_utils.Database) -> None:
    """What the link that led to a URL said (`anchor`), and why a fetched page was not taken as
    an article (`reason`; per run, counts by reason in `runs.not_articles`), so a log line or
    `tct runs` can say why a page was not archived."""
    columns = db["crawl_urls"].columns_dict
    for name in ("anchor", "reason"):
        if name not in columns:
            db.execute(f"ALTER TABLE crawl_urls ADD COLUMN [{name}] TEXT")
    if "runs" in db.table_names() and "not_articles" not in db["runs"].columns_dict:
        db.execute("ALTER TABLE runs ADD COLUMN not_articles TEXT")  # JSON: reason kind -> pages


def _v5_year_column(db: sqlite_utils.Database) -> None:
    """The publication year as a column of its own (computed, not stored): a facet in Datasette."""
    columns = db["articles"].columns_dict
    if "year" not in columns and "published_at" in columns:
        db.execute("ALTER TABLE articles ADD COLUMN year TEXT GENERATED ALWAYS AS "
                   "(substr(published_at, 1, 4)) VIRTUAL")


def _v6_cluster_jobs(db: sqlite_utils.Database) -> None:
    """What `tct cluster crawl` has handed to Scrapyd nodes: one row per crawl (so a restarted
    coordinator resumes an unfinished one) and one per job, with how far its item feed has been
    read (`feed_offset`, committed with the lines it applied): a restart neither loses nor repeats one."""
    db["cluster_crawls"].create(
        {"id": int, "started_at": str, "finished_at": str, "sites": str}, pk="id", if_not_exists=True)
    db["cluster_jobs"].create(
        {"id": int, "crawl_id": int, "site": str, "start_url": str, "node": str, "job": str,
         "run_id": int, "token": str, "attempt": int, "state": str, "feed_offset": int,
         "scheduled_at": str, "finished_at": str, "reason": str},
        pk="id", if_not_exists=True)
    db["cluster_jobs"].create_index(["state"], if_not_exists=True)
    db["cluster_jobs"].create_index(["token"], unique=True, if_not_exists=True)


def _v7_http_exchange(db: sqlite_utils.Database) -> None:
    """Each stored page keeps the HTTP exchange it came from, so the archive can be written out
    as WARC (docs/web-archives.md): the address fetched, the status line, the response's and the
    request's headers (JSON lists of [name, value], in order). Pages stored before have none."""
    if "pages" not in db.table_names():  # an early archive made before pages were kept
        db["pages"].create({"article_id": int, "html_zlib": bytes, "encoding": str, "fetched_at": str},
                           pk="article_id", foreign_keys=[("article_id", "articles", "id")])
    columns = db["pages"].columns_dict
    for name, kind in (("fetch_url", "TEXT"), ("status", "INTEGER"), ("protocol", "TEXT"),
                       ("response_headers", "TEXT"), ("request_headers", "TEXT")):
        if name not in columns:
            db.execute(f"ALTER TABLE pages ADD COLUMN {name} {kind}")


def _v8_archived_from(db: sqlite_utils.Database) -> None:
    """Where an article read from a web archive came from (`tct import`: the file and record;
    a backfill: the capture's address); empty for pages fetched from the live site."""
    if "archived_from" not in db["articles"].columns_dict:
        db.execute("ALTER TABLE articles ADD COLUMN archived_from TEXT")


def _v9_backfill_captures(db: sqlite_utils.Database) -> None:
    """What `tct backfill` asked a Wayback Machine for: one row per capture (the newest of each
    address), queued, fetched (its bytes kept until read), stored or failed; a killed backfill
    resumes from here and a second one fetches nothing twice."""
    db["backfill_captures"].create(
        {"id": int, "replay": str, "canonical": str, "url": str, "timestamp": str, "site": str,
         "state": str, "html_zlib": bytes, "headers": str, "reason": str},
        pk="id", if_not_exists=True)
    db["backfill_captures"].create_index(["replay", "canonical"], unique=True, if_not_exists=True)
    db["backfill_captures"].create_index(["replay", "state"], if_not_exists=True)


def _v10_month_index(db: sqlite_utils.Database) -> None:
    """Articles by publication month and school, in an index: `tct trend` counts a topic's
    matches per month by scanning it in order, never reading an article's row (at a million
    articles, half the time of the (site, published_at) index and a sort; docs/architecture.md)."""
    if "published_at" in db["articles"].columns_dict:  # (an early archive may have none)
        db.execute("CREATE INDEX IF NOT EXISTS idx_articles_month_site "
                   "ON articles(substr(published_at, 1, 7), site)")


def _v11_near_copies(db: sqlite_utils.Database) -> None:
    """Near-copies (archive/nearcopies.py): each article's link to the earliest article whose text
    is mostly the same, with their similarity, and the bands of every article's MinHash signature
    (the locality-sensitive index that finds the candidates)."""
    columns = db["articles"].columns_dict
    if "near_duplicate_of" not in columns:
        db.execute("ALTER TABLE articles ADD COLUMN near_duplicate_of INTEGER REFERENCES articles(id)")
    if "near_similarity" not in columns:
        db.execute("ALTER TABLE articles ADD COLUMN near_similarity REAL")
    db.execute("CREATE TABLE IF NOT EXISTS near_bands (key INTEGER NOT NULL, article_id INTEGER NOT NULL, "
               "PRIMARY KEY (key, article_id)) WITHOUT ROWID")


def _v12_fold_terms(db: sqlite_utils.Database) -> None:
    """Every word of the folded index, so that a prefix query (`vien*`) is asked as the words it
    stands for (`vien OR viens …`, archive/search.py): FTS5 reads the whole of a prefix's postings
    before its first row, ~40 ms for a word found in most of a million articles."""
    db.execute("CREATE TABLE IF NOT EXISTS fold_terms (term TEXT PRIMARY KEY) WITHOUT ROWID")
    if "articles_fold" in db.table_names():
        db.execute("CREATE VIRTUAL TABLE temp.tct_fold_vocab USING fts5vocab(main, articles_fold, 'row')")
        db.execute("INSERT OR IGNORE INTO fold_terms SELECT term FROM temp.tct_fold_vocab")
        db.execute("DROP TABLE temp.tct_fold_vocab")


FTS_HASH_BYTES = 16 * 1024 * 1024
FTS_AUTOMERGE = 8


def _v13_index_writes(db: sqlite_utils.Database) -> None:
    """How the full-text indexes write (docs/architecture.md, "At a million articles"). Each
    gathers new words in memory up to 16 MB (FTS5's `hashsize`, 1 MB by default) before writing
    them as a segment, so a bulk ingest writes a few large segments rather than one per ~150
    articles; a crawl commits every second, far below it, and the memory is bounded. Segments
    are merged when 8 of one size have gathered (`automerge`, 4 by default): each word is
    rewritten fewer times as the index grows. Measured: the buffer +10 % at 40,000 articles,
    the merge setting 4,928 → 5,459 articles/s at 300,000; searches open a few more segments
    (newest-first p95 17.3-18.8 ms at a million, best match 4.9 ms)."""
    for table in {"articles_fts", "articles_fold"} & set(db.table_names()):
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {FTS_HASH_BYTES})")
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', {FTS_AUTOMERGE})")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_base, _v2_development_columns, _v3_frontier_on_disk, _v4_link_evidence, _v5_year_column,
    _v6_cluster_jobs, _v7_http_exchange, _v8_archived_from, _v9_backfill_captures, _v10_month_index,
    _v11_near_copies, _v12_fold_terms, _v13_index_writes]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(db: sqlite_utils.Database) -> int:
    if "tct_meta" not in db.table_names():
        return 0
    row = db.execute("SELECT value FROM tct_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the archive to SCHEMA_VERSION; returns the version it had before."""
    before = current_version(db)
    if before > SCHEMA_VERSION:
        raise RuntimeError(
            f"archive schema version {before} is newer than this tct ({SCHEMA_VERSION}): upgrade tct"
        )
    db["tct_meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    for version in range(before + 1, SCHEMA_VERSION + 1):
        with db.conn:
            MIGRATIONS[version - 1](db)
            db["tct_meta"].upsert({"key": "schema_version", "value": str(version)}, pk="key")
    return before
