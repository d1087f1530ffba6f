"""Full-text search: exact words when the query has diacritics, folded words when it has none.

`truong chinh tri` finds *Trường Chính trị*; `thế` does not find `thể`. Hits on the exact index
rank above hits found only through folding (docs/vietnamese-text.md).
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from archive.errors import QueryError
from archive.filters import ArticleFilter
from archive.records import RECORD_COLUMNS, row_to_record
from archive.textfold import fold, fold_same_length, has_diacritics

if TYPE_CHECKING:
    from archive.store import Archive

# bm25 weights per column (title, body, author): a word in the title counts ten body words.
BM25_WEIGHTS = "10.0, 1.0, 3.0"
_QUERY_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TERMS = 64  # words, phrases and operators; more is not a question but a paste


def _shown(query: str, most: int = 60) -> str:
    """The query as an error message quotes it: cut short."""
    return repr(query if len(query) <= most else query[:most] + "…")


def to_fts(query: str, folded: bool) -> str:
    """Turn the user's query into FTS5 syntax: words and phrases quoted, operators kept.

    Quoting each term makes punctuation inside words (`8/3`, `Mác-Lênin`) harmless; a trailing
    `*` stays a prefix query; `title:` / `author:` column filters are kept.
    """
    tokens = _QUERY_TOKEN.findall(query)
    if len(tokens) > MAX_QUERY_TERMS:
        raise QueryError(f"the query has {len(tokens)} terms; at most {MAX_QUERY_TERMS} are searched")
    out: list[str] = []
    groups: list[bool] = []  # open parentheses: is each a NEAR group?

    def operand(item: str) -> None:
        # Two operands side by side mean AND; FTS5 accepts that between phrases but not next to
        # a parenthesis ("a" ("b" OR "c") is a syntax error), so it is written out, except inside
        # NEAR( ), whose phrases are listed side by side.
        if out and out[-1] not in _OPERATORS and out[-1] != "(" and not (groups and groups[-1]):
            out.append("AND")
        out.append(item)

    for tok in tokens:
        if tok == "(":
            near = bool(out) and out[-1] == "NEAR"
            if near:
                out.append(tok)
            else:
                operand(tok)
            groups.append(near)
            continue
        if tok == ")":
            if groups:
                groups.pop()
            out.append(tok)
            continue
        if tok in _OPERATORS:
            out.append(tok)
            continue
        column = ""
        m = re.match(r"^(title|body|author):(.*)$", tok)
        if m:
            column, tok = m.group(1) + ":", m.group(2)
            if not tok:
                raise QueryError(f"nothing after {column!r} in the query")
        if tok.startswith('"'):
            if len(tok) < 2 or not tok.endswith('"'):
                raise QueryError('unbalanced quote in the query: close the phrase with "')
            text, prefix = tok[1:-1], ""
        else:
            text, prefix = (tok[:-1], "*") if tok.endswith("*") else (tok, "")
        text = fold(text) if folded else text
        words = _WORD.findall(text)
        if not words:
            if column:
                raise QueryError(f"nothing to search for after {column!r}")
            continue  # stray punctuation (quotes, dashes, semicolons) is not a search term
        operand(column + '"' + " ".join(words) + '"' + prefix)
    if not out:
        raise QueryError("the query is empty")
    return " ".join(out)


def _snippet(text: str, query: str, width: int = 160) -> str:
    """The passage around the first query word, matched marks-insensitively, with [brackets]."""
    if not text:
        return ""
    words = [w for w in _WORD.findall(fold(query)) if w.upper() not in _OPERATORS]
    folded = fold_same_length(text)
    if len(folded) != len(text):  # folding changed lengths (rare symbols): fall back to the start
        folded = None
    best = -1
    if folded is not None:
        for w in words:
            m = re.search(r"\b" + re.escape(w), folded)
            if m and (best < 0 or m.start() < best):
                best = m.start()
    start = max(0, best - width // 3) if best >= 0 else 0
    if start > 0:  # begin on a word boundary
        space = text.find(" ", start, best if best > start else start + 20)
        start = space + 1 if space >= 0 else start
    piece = text[start:start + width]
    if folded is not None:
        fpiece = folded[start:start + width]
        spans = []
        for w in dict.fromkeys(words):
            spans += [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(w) + r"\w*", fpiece)]
        for s, e in reversed(_merged(spans)):
            piece = piece[:s] + "[" + piece[s:e] + "]" + piece[e:]
    return ("…" if start > 0 else "") + piece.replace("\n", " ") + ("…" if start + width < len(text) else "")


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or repeated matches as one span each (`hộ hội` must not give `[[hộ]i]`)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


# bm25 first counts, over the whole index, the documents holding each term or phrase: a query that
# matches most of a 200,000-article archive spends 50 ms there alone. So a query matching more
# than CANDIDATES documents is ranked without it, among its newest CANDIDATES matches: title
# matches first, then the rest, newest first. Smaller result sets get full bm25 ranking.
# (benchmarks/archive_bench.py: p95 under 50 ms at 200,000 articles.)
CANDIDATES = 1000


def _window_bound(archive: Archive, table: str, fts_query: str) -> int | None:
    """The id of the (CANDIDATES+1)-th newest-archived match, or None when there are no more
    matches than CANDIDATES (then both orders simply sort all of them)."""
    row = archive.db.execute(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [fts_query, CANDIDATES]).fetchone()
    return None if row is None else row[0]


def _ranked_ids(archive: Archive, table: str, fts_query: str, filt: ArticleFilter, limit: int,
                ) -> list[int]:
    where, params = filt.where("a")
    join = "" if filt.is_empty() else " JOIN articles a ON a.id = f.rowid"
    cond = "" if filt.is_empty() else f" AND {where}"
    bound = _window_bound(archive, table, fts_query)
    if bound is None:  # few matches: rank them all
        sql = (f"SELECT f.rowid FROM {table} f{join} WHERE {table} MATCH ?{cond} "
               f"ORDER BY bm25({table}, {BM25_WEIGHTS}) LIMIT ?")
        return [r for (r,) in archive.db.execute(sql, [fts_query, *params, limit])]
    out: list[int] = []
    for query, window in ((f"title : ({fts_query})", True), (fts_query, True), (fts_query, False)):
        if len(out) >= limit:
            break
        rows = f" AND f.rowid > {int(bound)}" if window else ""
        sql = (f"SELECT f.rowid FROM {table} f{join} WHERE {table} MATCH ?{rows}{cond} "
               f"ORDER BY f.rowid DESC LIMIT ?")
        for (r,) in archive.db.execute(sql, [query, *params, limit + len(out)]):
            if r not in out:
                out.append(r)
    return out[:limit]


def match_plans(query: str, archive: Archive | None = None) -> list[tuple[str, str]]:
    """(index, FTS5 query) to run in order: the exact index always, the folded one for a query
    typed without diacritics (so exact hits come first). With the archive, a prefix word of the
    folded query is asked as the words it stands for (`expand_prefixes`)."""
    plans = [("articles_fts", to_fts(query, folded=False))]
    if not has_diacritics(query):
        folded = to_fts(query, folded=True)
        plans.append(("articles_fold", expand_prefixes(archive, folded) if archive is not None else folded))
    return plans


MAX_EXPANSION = 64  # a prefix standing for more words than this is left to FTS5
_PREFIX_WORD = re.compile(r'(?<![\w"])"([a-z0-9]+)"\*')


def expand_prefixes(archive: Archive, fts_query: str) -> str:
    """`"vien"*` → `("vien" OR "viens" …)`, from the words of the folded index (`fold_terms`).

    The same documents match, but FTS5 answers a prefix by reading the whole of the postings of
    every word it covers before the first row (~40 ms for a word in most of a million articles),
    and an OR of words row by row, as far as the query needs (a newest-first page: a few dozen).
    Inside NEAR( ) only phrases are allowed: such queries are left as they are."""
    if "NEAR" in fts_query:
        return fts_query

    def words(m: re.Match) -> str:
        prefix = m.group(1)
        terms = [t for (t,) in archive.db.execute(
            "SELECT term FROM fold_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
            [prefix, prefix + "{", MAX_EXPANSION + 1])]  # ('{' sorts after every [a-z0-9])
        if not terms or len(terms) > MAX_EXPANSION:
            return m.group(0)
        return "(" + " OR ".join(f'"{t}"' for t in terms) + ")"

    return _PREFIX_WORD.sub(words, fts_query)


def _newest_ids(archive: Archive, table: str, fts_query: str, filt: ArticleFilter, limit: int,
                ) -> list[int]:
    """The newest matches by publication date (undated ones last).

    Few matches: all of them, sorted. Many: the publication-date index is walked from the newest
    and each article asked of the full-text index by its id (a seek, not a scan), until `limit`
    match: a broad query stops after a few dozen.
    """
    where, params = filt.where("a")
    order = "ORDER BY a.published_at DESC, a.id DESC LIMIT ?"
    if _window_bound(archive, table, fts_query) is None:
        sql = (f"SELECT a.id FROM articles a WHERE a.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?) "
               f"AND {where} {order}")
        args = [fts_query, *params, limit]
    else:  # (many matches)
        sql = (f"SELECT a.id FROM articles a WHERE {where} AND EXISTS (SELECT 1 FROM {table} f "
               f"WHERE {table} MATCH ? AND f.rowid = a.id) {order}")
        args = [*params, fts_query, limit]
    return [r for (r,) in archive.db.execute(sql, args)]


ORDERS = ("relevance", "newest")


def search(archive: Archive, query: str, filt: ArticleFilter | None = None, limit: int = 20,
           order: str = "relevance") -> list[dict[str, Any]]:
    """Matches, each record with the contract's keys plus site, snippet and rank: best first
    (exact matches, then folded ones), or the newest first (order="newest")."""
    if order not in ORDERS:
        raise QueryError(f"order is one of {', '.join(ORDERS)}, not {order!r}")
    filt = filt or ArticleFilter()
    filt.where("a")  # validates the filters before any query runs
    ids: list[int] = []
    plans = match_plans(query, archive)
    # Newest first needs no exact-then-folded passes: the last plan (the folded index for a query
    # without marks) holds every match of the others.
    for table, fts_query in (plans[-1:] if order == "newest" else plans):
        if len(ids) >= limit:
            break
        # Rank inside the full-text index first and read only the ids; the articles' rows (with
        # their long bodies) are read for the hits alone. Filters join on the columns stored
        # before the body, so they do not pull the text in either.
        try:
            if order == "newest":
                found = _newest_ids(archive, table, fts_query, filt, limit)
            else:
                found = _ranked_ids(archive, table, fts_query, filt, limit + len(ids))
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {_shown(query)}: {exc}") from None
        ids.extend(r for r in found if r not in ids)
    ids = ids[:limit]
    cols = ", ".join(RECORD_COLUMNS)
    rows = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for row in archive.db.execute(f"SELECT id, {cols} FROM articles WHERE id IN ({marks})", ids):
            rows[row[0]] = row_to_record(dict(zip(RECORD_COLUMNS, row[1:], strict=True)))
    hits: list[dict[str, Any]] = []
    for aid in ids:
        rec = rows[aid]
        rec["snippet"] = _snippet(rec.get("body") or "", query)
        hits.append(rec)
    for i, rec in enumerate(hits, 1):
        rec["rank"] = i
    return hits


def iter_matching_ids(archive: Archive, query: str) -> Iterator[int]:
    """Ids of every article matching the query (exact or folded), for query-based export."""
    seen: set[int] = set()
    for table, q in match_plans(query, archive):
        try:
            rows = archive.db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [q])
            for (rowid,) in rows:
                if rowid not in seen:
                    seen.add(rowid)
                    yield rowid
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {_shown(query)}: {exc}") from None
