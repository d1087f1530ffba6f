"""Storage of articles: upsert by canonical URL, revisions on change, raw pages, crawl runs.

All writes go through `Archive`; a crawl, `tct reparse` and the tests use the same methods.
"""
from __future__ import annotations

import itertools
import json
import os
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from archive.ahead import mapped_ahead, worker_pool
from archive.derive import Derived, derive, derive_batch, from_batch
from archive.errors import ArchiveError, ArchiveMissing
from archive.paths import resolve_db_path
from archive.records import ARTICLE_FIELDS
from archive.schema import SCHEMA_VERSION, current_version, migrate
from archive.textfold import fold

VN_TZ = timezone(timedelta(hours=7))


def now_iso() -> str:
    return local_iso(datetime.now(VN_TZ))


def local_iso(when: datetime) -> str:
    """A moment as the archive writes times: ISO 8601 in Vietnam time, to the second."""
    return when.astimezone(VN_TZ).replace(microsecond=0).isoformat()


def _flags(record: Mapping[str, Any]) -> str | None:
    """The extractor's notes on the page (date from an update label, legacy font…), as JSON."""
    flags = record.get("flags")
    return json.dumps(list(flags)) if flags else None


SAME_SITE_CHARS = 200  # a text at least this long, found again on the same site, is one article
OTHER_SITE_CHARS = 400  # ... found on another school's site, a republished copy
FTS_PENDING_MAX = 800  # index writes held back before they are written (2 per new article)
DERIVE_CHUNK = 100  # records a worker derives at a time
KNOWN_TERMS_MAX = 100_000  # folded words remembered as already in fold_terms (_note_terms)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


@dataclass
class SaveResult:
    status: str  # "new" | "changed" | "unchanged" | "duplicate"
    article_id: int


class Archive:
    """One SQLite archive file, schema at the current version, WAL mode."""

    def __init__(self, path: str | Path, *, create: bool = True):
        """create=False: the archive must exist (read commands never create one); one the user
        may not write is opened read-only, and must then be at the current schema version."""
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            raise FileNotFoundError(f"folder of the archive does not exist: {self.path.parent}")
        if not create and not self.path.is_file():
            raise ArchiveMissing(f"no archive at {self.path}")
        self.read_only = not create and not os.access(self.path, os.W_OK)
        if self.read_only:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30,
                                   isolation_level=None)
        else:
            conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        conn.create_function("tct_fold", 1, lambda s: fold(s) if s else s, deterministic=True)
        self.db = sqlite_utils.Database(conn)
        try:
            self._prepare()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise ArchiveError(f"{self.path} is not a usable tct archive: {exc}") from None
        self.unwritable = False  # set by abandon() after a failed write
        # Batching: writes share one transaction until commit(). Per-article commits cost a WAL
        # write and a tiny full-text segment each; a crawl batches a second's worth instead.
        self.batching = False
        self._savepoints = 0
        # Full-text index writes wait here until the transaction commits. SQLite opens a
        # savepoint on every virtual table for each later write statement, and FTS5 then
        # flushes its pending terms into a new segment: interleaved with other writes, that is
        # one segment per article. Written in one run at commit, it is one segment per batch.
        self._fts_ops: list[tuple[str, list[Any]]] = []
        self._known_terms: set[bytes] = set()  # words known to be in fold_terms (archive/search.py)
        self._derivers: tuple[int, Any] | None = None  # (workers, pool) of save_many

    def _prepare(self) -> None:
        if self.read_only:
            if current_version(self.db) != SCHEMA_VERSION:
                raise ArchiveError(f"{self.path} is read-only and from another version of tct; "
                                   "open it once with write access to upgrade it")
            self.db.execute("PRAGMA query_only=ON")
            return
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        migrate(self.db)

    def close(self) -> None:
        self._close_derivers()
        if self.batching:
            self.commit()
        self.db.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schools ---------------------------------------------------------------------------
    def sync_schools(self, schools: Iterable[Mapping[str, Any]]) -> None:
        """Registry rows into `schools`, and their hosts with merger dates into `school_hosts`."""
        schools_list = list(schools)
        rows = [
            {"key": s["key"], "name": s.get("name"), "province": s.get("province"),
             "hosts": json.dumps(list(s.get("hosts", [])), ensure_ascii=False),
             "start_urls": json.dumps(list(s.get("start_urls", [])), ensure_ascii=False),
             "active": 1 if s.get("active", True) else 0, "merged_into": s.get("merged_into")}
            for s in schools_list
        ]
        hosts = []
        for sc in schools_list:
            owner = sc.get("school") or sc["key"]  # a second site publishes for its school
            for host in sc.get("hosts", []):
                if sc.get("merged_into") and sc.get("merged_on"):
                    on = str(sc["merged_on"])
                    hosts.append((host, owner, None, on))
                    hosts.append((host, sc["merged_into"], on, None))
                else:
                    hosts.append((host, owner, None, None))
        with self.transaction():
            for row in rows:
                self._insert("schools", row, replace=True)
            self.db.conn.executemany("DELETE FROM school_hosts WHERE host = ?",
                                     [(h,) for h in {h for h, *_ in hosts}])
            self.db.conn.executemany(
                "INSERT INTO school_hosts (host, school, valid_from, valid_to) VALUES (?, ?, ?, ?)", hosts)

    def attribute(self, host: str | None, published_at: str | None, site: str) -> str | None:
        """The school an article belongs to: by host and publication date (None when the date
        is missing and the host served two schools)."""
        if not host:
            return site
        rows = self.db.execute(
            "SELECT school, valid_from, valid_to FROM school_hosts WHERE host = ?", [host]).fetchall()
        if not rows:
            return site
        if len(rows) == 1:
            return rows[0][0]
        if not published_at:
            return None
        day = published_at[:10]
        for school, start, end in rows:
            if (start is None or day >= start) and (end is None or day < end):
                return school
        return site

    # -- the archive's own notes -------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM tct_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO tct_meta (key, value) VALUES (?, ?)", [key, value])

    # -- lookups ---------------------------------------------------------------------------
    def find_url(self, url: str) -> dict[str, Any] | None:
        """The article stored under this canonical URL or one of its aliases."""
        row = self.db.execute(
            "SELECT id, etag, last_modified, content_hash, fetched_at FROM articles WHERE url = ? "
            "UNION ALL SELECT a.id, a.etag, a.last_modified, a.content_hash, a.fetched_at FROM aliases l "
            "JOIN articles a ON a.id = l.article_id WHERE l.url = ? LIMIT 1", [url, url]
        ).fetchone()
        if row is None:
            return None
        return {"id": row[0], "etag": row[1], "last_modified": row[2], "content_hash": row[3],
                "fetched_at": row[4]}

    def is_known(self, url: str) -> bool:
        return self.find_url(url) is not None

    # -- writes ----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT). Inside an open transaction this is
        a savepoint: a failure undoes only its own writes. While batching, the transaction
        stays open after the outermost call, until `commit()` (a crawl commits once a second)."""
        conn = self.db.conn
        if conn.in_transaction:
            self._savepoints += 1
            name = f"tct_{self._savepoints}"
            pending = len(self._fts_ops)
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                del self._fts_ops[pending:]
                self._known_terms.clear()  # some were noted with the writes just undone
                raise
            conn.execute(f"RELEASE {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        if self.batching:
            with self.transaction():
                yield
            return
        try:
            yield
            self._write_index()
        except BaseException:
            conn.rollback()
            self._fts_ops.clear()
            self._known_terms.clear()
            raise
        conn.commit()

    def commit(self) -> None:
        """Commit what a batch has written so far (see `batching`)."""
        if self.db.conn.in_transaction:
            self._write_index()
            self.db.conn.commit()

    def abandon(self) -> None:
        """After a write failed (disk full, I/O error): undo the open batch and take no more
        writes. What was rolled back was never marked done, so the next crawl fetches it again."""
        self.unwritable = True
        self._fts_ops = []
        self._known_terms.clear()
        try:
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
        except sqlite3.Error:
            pass

    def cap_size(self, megabytes: float) -> None:
        """Let the archive grow to at most this size (0: no cap); past it, a write fails as on a
        full disk and the crawl stops cleanly."""
        if megabytes > 0:
            page_size = self.db.execute("PRAGMA page_size").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count = {max(1, int(megabytes * 1024 * 1024 / page_size))}")

    def _write_index(self) -> None:
        ops, self._fts_ops = self._fts_ops, []
        # The two indexes are independent: each gets its own writes in their order, and a run
        # of one statement goes in one executemany (a delete before a re-insert stays before it).
        per_index: dict[str, list[tuple[str, list]]] = {}
        for sql, params in ops:
            per_index.setdefault(sql.split("(", 1)[0], []).append((sql, params))
        for seq in per_index.values():
            i = 0
            while i < len(seq):
                j = i
                while j < len(seq) and seq[j][0] == seq[i][0]:
                    j += 1
                self.db.conn.executemany(seq[i][0], [p for _, p in seq[i:j]])
                i = j

    def save_article(self, record: Mapping[str, Any], *, site: str, **page: Any) -> SaveResult:
        """Insert or update one article in its own transaction; never stores one URL twice.

        page: html, encoding, fetched_at, etag, last_modified, category, school_name, http (the
        exchange: fetch_url, status, protocol, headers), archived_from (a web archive's record),
        captured (when a web archive captured the page: attributes an undated article).
        """
        with self.transaction():
            return self._save(record, site=site, **page)

    def save_many(self, records: Iterable[Mapping[str, Any]], *, site: str,
                  workers: int = 0) -> Counter:
        """Bulk ingest (imports, benchmarks): one transaction for the whole batch.

        workers: processes that fold and hash the texts (archive/derive.py) while this one
        writes; they stay up for the next batch, until `close()`. They are spawned, so a script
        that asks for them needs the `if __name__ == "__main__":` guard (multiprocessing's rule)."""
        counts: Counter = Counter()
        outermost = not self.db.conn.in_transaction
        with self.transaction():
            for chunk in self._derived(records, workers):
                # Which of the chunk's addresses and texts the archive holds, in one look-up
                # rather than two per article; a record whose address or text is known (or
                # comes twice in the batch) is looked up one by one as `save_article` does.
                known = self._known_of(chunk)
                for rec, derived in chunk:
                    fresh = rec["url"] not in known and derived.body_hash not in known
                    counts[self._save(rec, site=site, derived=derived, fresh=fresh).status] += 1
                    known.update((rec["url"], derived.body_hash))
                    if outermost and len(self._fts_ops) >= FTS_PENDING_MAX:
                        self._write_index()  # a large import holds a bounded index backlog
        return counts

    def _derived(self, records: Iterable[Mapping[str, Any]],
                 workers: int) -> Iterator[list[tuple[Mapping[str, Any], Derived]]]:
        if workers <= 0:
            for chunk in _chunks(records, DERIVE_CHUNK):
                yield [(rec, derive(rec)) for rec in chunk]
            return
        if self._derivers is None or self._derivers[0] != workers:
            self._close_derivers()
            self._derivers = (workers, worker_pool(workers))
        for chunk, wires in mapped_ahead(derive_batch, _chunks(records, DERIVE_CHUNK), self._derivers[1]):
            yield [(rec, from_batch(rec, wire)) for rec, wire in zip(chunk, wires, strict=True)]

    def _known_of(self, chunk: list[tuple[Mapping[str, Any], Derived]]) -> set[str]:
        """The addresses (articles' and aliases') and text hashes of a chunk the archive holds."""
        urls = [rec["url"] for rec, _ in chunk]
        hashes = [d.body_hash for _, d in chunk]
        u, h = ", ".join("?" * len(urls)), ", ".join("?" * len(hashes))
        return {v for (v,) in self.db.execute(
            f"SELECT url FROM articles WHERE url IN ({u}) UNION ALL SELECT url FROM aliases "
            f"WHERE url IN ({u}) UNION ALL SELECT body_hash FROM articles WHERE body_hash IN ({h})",
            [*urls, *urls, *hashes])}

    def _close_derivers(self) -> None:
        if self._derivers is not None:
            self._derivers[1].shutdown()
            self._derivers = None

    def _save(
        self, record: Mapping[str, Any], *, site: str, html: bytes | None = None,
        encoding: str | None = None, fetched_at: str | None = None,
        etag: str | None = None, last_modified: str | None = None,
        category: str | None = None, school_name: str | None = None,
        http: Mapping[str, Any] | None = None, archived_from: str | None = None,
        captured: str | None = None, derived: Derived | None = None, fresh: bool = False,
    ) -> SaveResult:
        """fresh: the caller knows that neither the address nor the text is archived."""
        url = record["url"]
        fetched_at = fetched_at or now_iso()
        d = derived or derive(record)
        fields, chash, bhash = d.fields, d.content_hash, d.body_hash
        body = fields["body"] or ""
        # The caller holds the transaction (save_article, save_many).
        existing = None if fresh else self.find_url(url)
        if existing is not None:
            aid = existing["id"]
            if existing["content_hash"] == chash:
                self.db.execute(
                    "UPDATE articles SET last_seen = ?, fetched_at = ?, etag = coalesce(?, etag),"
                    " last_modified = coalesce(?, last_modified) WHERE id = ?",
                    [fetched_at, fetched_at, etag, last_modified, aid],
                )
                return SaveResult("unchanged", aid)
            self._revise(aid, d, fetched_at, {
                "content_hash": chash, "body_hash": bhash, "word_count": d.word_count,
                "last_seen": fetched_at, "fetched_at": fetched_at, "etag": etag,
                "last_modified": last_modified, "flags": _flags(record), "archived_from": archived_from,
            })
            self._store_page(aid, html, encoding, fetched_at, http)
            return SaveResult("changed", aid)

        same_site, earlier = (None, None) if fresh else self._copies(site, bhash, body)
        if same_site is not None:  # the same article under a second address of the school
            self._insert("aliases", {"url": url, "article_id": same_site, "first_seen": fetched_at},
                         replace=True)
            self.db.execute("UPDATE articles SET last_seen = ? WHERE id = ?", [fetched_at, same_site])
            return SaveResult("duplicate", same_site)

        aid = self._insert("articles", {
            "url": url, "site": site, "host": record.get("host"), **fields,
            # A host that served two schools: the article's date says whose it is, else the day
            # a web archive captured it.
            "school": self.attribute(record.get("host"), fields["published_at"] or captured, site),
            "category": category, "school_name": school_name, "word_count": d.word_count,
            "content_hash": chash, "body_hash": bhash,
            "duplicate_of": earlier,
            "first_seen": fetched_at, "last_seen": fetched_at, "fetched_at": fetched_at,
            "etag": etag, "last_modified": last_modified, "flags": _flags(record),
            "archived_from": archived_from,
        })
        self._index(aid, d)
        self._store_page(aid, html, encoding, fetched_at, http)
        return SaveResult("new", aid)

    def _revise(self, aid: int, d: Derived, fetched_at: str, columns: Mapping[str, Any]) -> None:
        """A changed article: its earlier version kept as a revision, the new one indexed."""
        old = self._row(aid)
        self._insert("revisions", {
            "article_id": aid, "replaced_at": fetched_at, "fetched_at": old["fetched_at"],
            **{k: old[k] for k in ARTICLE_FIELDS}, "content_hash": old["content_hash"],
        })
        self._unindex(aid, old)
        self._update("articles", aid, {**d.fields, **columns})
        self._index(aid, d)

    def _row(self, aid: int) -> dict[str, Any]:
        return self.db["articles"].get(aid)

    # Raw statements, not sqlite-utils' insert/update: those commit on their own, which would
    # split one article's write into several transactions.
    def _insert(self, table: str, row: Mapping[str, Any], replace: bool = False) -> int:
        cols = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        cur = self.db.execute(f"{verb} INTO [{table}] ({cols}) VALUES ({marks})", list(row.values()))
        return cur.lastrowid

    def _update(self, table: str, rowid: int, row: Mapping[str, Any]) -> None:
        sets = ", ".join(f"[{c}] = ?" for c in row)
        self.db.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*row.values(), rowid])

    def _copies(self, site: str, bhash: str, body: str) -> tuple[int | None, int | None]:
        """The first article with the same text on this school's site (the page at a second
        address) and on another school's (a republished story), in one look-up."""
        if len(body) < SAME_SITE_CHARS:  # short bodies repeat legitimately (photo posts): never merged
            return None, None
        same = other = None
        for aid, where in self.db.execute(
                "SELECT id, site FROM articles WHERE body_hash = ? ORDER BY id", [bhash]):
            if where == site:
                same = aid if same is None else same
            elif other is None:
                other = aid
            if same is not None and other is not None:
                break
        return same, (other if len(body) >= OTHER_SITE_CHARS else None)

    def _index(self, aid: int, d: Derived) -> None:
        self._note_terms(d.terms)
        fields, folded = d.fields, d.folded
        vals = [fields.get("title") or "", fields.get("body") or "", fields.get("author") or ""]
        self._fts_ops.append(
            ("INSERT INTO articles_fts(rowid, title, body, author) VALUES (?, ?, ?, ?)", [aid, *vals]))
        self._fts_ops.append(
            ("INSERT INTO articles_fold(rowid, title, body, author) VALUES (?, ?, ?, ?)",
             [aid, folded["title"], folded["body"], folded["author"]]))

    def _note_terms(self, terms: frozenset[bytes]) -> None:
        """Words of the folded index go into `fold_terms` (a plain table, written at once, ahead
        of the held-back index writes). Words written lately are remembered, up to
        KNOWN_TERMS_MAX, then forgotten all at once: the common ones are soon known again, the
        rare ones (numbers, names) cost an INSERT OR IGNORE each, and memory stays flat however
        many distinct words a million articles hold."""
        new = terms - self._known_terms
        if new:
            if len(self._known_terms) + len(new) > KNOWN_TERMS_MAX:
                self._known_terms.clear()
            self.db.conn.executemany("INSERT OR IGNORE INTO fold_terms (term) VALUES (?)",
                                     [(t.decode("ascii"),) for t in sorted(new)])
            self._known_terms |= new

    def _unindex(self, aid: int, old: Mapping[str, Any]) -> None:
        vals = [old.get("title") or "", old.get("body") or "", old.get("author") or ""]
        self._fts_ops.append(
            ("INSERT INTO articles_fts(articles_fts, rowid, title, body, author) "
             "VALUES ('delete', ?, ?, ?, ?)", [aid, *vals]))
        self._fts_ops.append(
            ("INSERT INTO articles_fold(articles_fold, rowid, title, body, author) "
             "VALUES ('delete', ?, ?, ?, ?)", [aid, *map(fold, vals)]))

    def _store_page(self, aid: int, html: bytes | None, encoding: str | None, fetched_at: str,
                    http: Mapping[str, Any] | None = None) -> None:
        """The raw page, and the HTTP exchange it came from when known (status, headers)."""
        if html is None:
            return
        http = http or {}
        heads = {k: json.dumps(http[k]) if http.get(k) else None
                 for k in ("response_headers", "request_headers")}
        self._insert("pages", {
            "article_id": aid, "html_zlib": zlib.compress(html, 3), "encoding": encoding,
            "fetched_at": fetched_at, "fetch_url": http.get("fetch_url"), "status": http.get("status"),
            "protocol": http.get("protocol"), **heads}, replace=True)

    # -- runs ------------------------------------------------------------------------------
    def close_interrupted_runs(self) -> int:
        """Runs left 'running' by a crawl that died (the caller holds the crawl lock)."""
        with self.transaction():
            cur = self.db.execute(
                "UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        return cur.rowcount

    def start_run(self, site: str, run_id: int | None = None) -> int:
        """A new run of `site` (numbered `run_id` when given: a cluster job's run keeps the
        coordinator's number)."""
        with self.transaction():
            return self._insert("runs", {
                **({"id": run_id} if run_id is not None else {}),
                "site": site, "started_at": now_iso(), "status": "running", "pages_fetched": 0,
                "articles_new": 0, "articles_changed": 0, "articles_unchanged": 0,
                "articles_duplicate": 0, "error_count": 0, "errors": "{}"})

    def finish_run(self, run_id: int, *, status: str, pages_fetched: int, counts: Mapping[str, int],
                   errors: Mapping[str, int], not_articles: Mapping[str, int] | None = None) -> None:
        """Close a run with what it fetched, what changed, what broke and, by reason, how many
        fetched pages were not taken as articles."""
        with self.transaction():
            self._update("runs", run_id, {
                "not_articles": json.dumps(dict(not_articles or {}), sort_keys=True),
                "finished_at": now_iso(), "status": status, "pages_fetched": pages_fetched,
                "articles_new": counts.get("new", 0), "articles_changed": counts.get("changed", 0),
                "articles_unchanged": counts.get("unchanged", 0),
                "articles_duplicate": counts.get("duplicate", 0),
                "error_count": sum(errors.values()), "errors": json.dumps(dict(errors), sort_keys=True),
            })

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM runs ORDER BY id DESC LIMIT ?", [limit]))

    def touch_article(self, url: str, at: str | None = None) -> None:
        """The server answered 304 to a conditional request (at `at`, default now): the article
        is still there, unchanged."""
        now = at or now_iso()
        with self.transaction():
            self.db.execute("UPDATE articles SET last_seen = ?, fetched_at = ? WHERE url = ?",
                            [now, now, url])

    def school_counts(self) -> tuple[dict[str, int], dict[str, str]]:
        """(articles attributed to each school, the start of each site's last run)."""
        articles = dict(self.db.execute(
            "SELECT coalesce(school, ''), count(*) FROM articles GROUP BY school").fetchall())
        last_runs = dict(self.db.execute("SELECT site, max(started_at) FROM runs GROUP BY site").fetchall())
        return articles, last_runs

    def pages_left_out(self, run_id: int) -> list[tuple[str, str | None]]:
        """(url, reason) of the pages a run fetched and did not take as articles."""
        return list(self.db.execute(
            "SELECT url, reason FROM crawl_urls WHERE run_id = ? AND kind = 'page' ORDER BY url", [run_id]))

    # -- raw pages -------------------------------------------------------------------------
    def raw_pages(self) -> Iterable[tuple[int, str, str, bytes]]:
        """(article id, url, site, html bytes) of every stored page, for `tct reparse`."""
        for aid, url, site, blob in self.db.execute(
            "SELECT a.id, a.url, a.site, p.html_zlib FROM pages p JOIN articles a ON a.id = p.article_id"
        ):
            yield aid, url, site, zlib.decompress(blob)


def open_archive(db: str | Path | None = None, *, create: bool = True) -> Archive:
    """Open (creating or upgrading) the archive at `--db`, `$TCT_DB` or `./archive.db`;
    create=False for commands that only read it."""
    return Archive(resolve_db_path(db), create=create)
