"""Near-copies: articles whose text is mostly the same, linked to the earliest one.

A school republishing a provincial paper's story with its own first line, a merged school's two
domains carrying one article with different photo captions, a corrected article re-posted under a
new address: the text differs by a line or a few words, so its hash differs, but a researcher
counting coverage must not count it twice.

How (docs/architecture.md, "Near-copies"):
- An article's text is folded (marks dropped, as the folded index) and cut into shingles of
  SHINGLE_WORDS words; two articles' resemblance is the Jaccard similarity of their shingle sets.
- A MinHash signature of NUM_PERM values (datasketch: the well-kept implementation; its
  permutations, not ours) estimates it; the signature is cut into BANDS bands of ROWS values and
  each band's hash is kept in `near_bands` (locality-sensitive hashing). Articles sharing a band
  are candidates: with these parameters a pair of similarity 0.7 shares one with probability
  0.98, one of 0.3 with 0.11.
- Every candidate is verified on the exact Jaccard similarity of the two shingle sets; only a
  pair at or above THRESHOLD is linked. A link therefore never stands below THRESHOLD.
- And on its figures: these schools report in set phrases ("Sáng ngày 24/01/2023, … khai giảng
  lớp … khóa 23 cho 116 học viên"), so the reports of two different events can share 60-85 % of
  their shingles, names of the school and the Academy included. A copy keeps the story's figures
  (its dates, class numbers, counts); another event's report changes them. When both texts hold
  figures, the smaller set of numbers must lie FIGURES_MIN within the other (a copy that adds a
  dateline of its own still passes; `24/01/2023` and `24-1-2023` are the same numbers).
- An article points (`near_duplicate_of`, `near_similarity`) to the earliest article (by
  publication date, then archive order) it is verified similar to. When an earlier one arrives
  later (a backfill), the copies it resembles are pointed to it.

Articles are linked after they are stored, never while (ingest stays as fast as it is): a crawl
links its new articles when it ends, `tct import` and `tct backfill` when they finish, and
`tct near-copies` whatever is left (or everything again, with --rebuild). What has been looked
at is remembered as the highest article id checked (`tct_meta`).
"""
from __future__ import annotations

import hashlib
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from datasketch import MinHash

from archive.ahead import mapped_ahead, worker_pool
from archive.textfold import fold

if TYPE_CHECKING:
    from archive.store import Archive

SHINGLE_WORDS = 5
MIN_WORDS = 40  # a shorter text (a photo caption, a notice) repeats legitimately: never linked
NUM_PERM = 64
BANDS, ROWS = 16, 4  # datasketch's optimal split of 64 permutations for a 0.45 threshold
THRESHOLD = 0.6  # exact Jaccard similarity of the shingle sets at which two texts are near-copies
SEED = 20250701
MAX_CANDIDATES = 200  # a band shared by more articles than this is boilerplate, not a copy
FIGURES_MIN = 0.8
WATERMARK = "near_checked_upto"
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+")
_MULT = np.uint64(0x9E3779B1)
_MASK = np.uint64(0xFFFFFFFF)


def shingles(text: str | None) -> np.ndarray:
    """The text's shingles as sorted unique 32-bit hashes (empty when it is too short)."""
    words = _WORD.findall(fold(text or ""))
    if len(words) < MIN_WORDS:
        return np.empty(0, dtype=np.uint64)
    h = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    acc = np.zeros(len(words) - SHINGLE_WORDS + 1, dtype=np.uint64)
    for k in range(SHINGLE_WORDS):  # a polynomial of the five word hashes, mod 2**32
        acc = (acc * _MULT + h[k:len(h) - SHINGLE_WORDS + 1 + k]) & _MASK
    return np.unique(acc)


def figures(text: str | None) -> frozenset[int]:
    """The numbers of a text (dates taken apart): what tells one event's report from another's."""
    return frozenset(int(n) for n in _NUMBER.findall(text or "") if len(n) <= 12)


def same_figures(a: frozenset[int], b: frozenset[int]) -> bool:
    if not a or not b:
        return True  # nothing to tell them apart by: the shingles decide
    return len(a & b) / min(len(a), len(b)) >= FIGURES_MIN


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def _identity(x: Any) -> Any:
    return x


def signature(sh: np.ndarray) -> np.ndarray:
    """datasketch's MinHash of the shingle hashes (already hashed: passed through as they are)."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_identity)
    m.update_batch(sh.tolist())
    return m.hashvalues


def band_keys(sig: np.ndarray) -> list[int]:
    """One stable 63-bit key per band (the band's number is part of it)."""
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8,
                                 person=band.to_bytes(2, "little")).digest()
        out.append(int.from_bytes(digest, "little") >> 1)
    return out


@dataclass
class Outcome:
    checked: int = 0
    linked: int = 0  # articles given (or moved to) an earlier copy


def _order_key(published_at: str | None, aid: int) -> tuple:
    """Earliest first: by publication date, an undated article after every dated one."""
    return (published_at is None, published_at or "", aid)


def _articles(archive: Archive, after: int, upto: int | None, batch: int = 2000) -> Iterator[list[tuple]]:
    last = after
    while True:
        cond = "" if upto is None else f" AND id <= {int(upto)}"
        rows = archive.db.execute(f"SELECT id, published_at, body FROM articles WHERE id > ?{cond} "
                                  f"ORDER BY id LIMIT {batch}", [last]).fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _texts_of(archive: Archive, ids: Iterable[int]) -> dict[int, tuple[str | None, str]]:
    ids = list(ids)
    out = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        marks = ",".join("?" * len(part))
        for aid, published, body in archive.db.execute(
                f"SELECT id, published_at, body FROM articles WHERE id IN ({marks})", part):
            out[aid] = (published, body or "")
    return out


Sketch = tuple[int, "str | None", frozenset, np.ndarray, list]  # id, date, figures, shingles, band keys


def sketch(row: tuple[int, str | None, str | None]) -> Sketch:
    """What linking needs of one article (id, published_at, body): the CPU-heavy part, done in
    worker processes when there are many."""
    aid, published, body = row
    sh = shingles(body)
    return aid, published, figures(body), sh, (band_keys(signature(sh)) if len(sh) else [])


def _sketch_batch(rows: list[tuple]) -> list[Sketch]:
    return [sketch(r) for r in rows]


POOL_MIN = 20_000  # pending articles from which sketches are made by worker processes


def _sketched(batches: Iterator[list[tuple]], pending: int, workers: int | None) -> Iterator[list[Sketch]]:
    workers = (os.cpu_count() or 1) if workers is None else workers
    pool = None if pending < POOL_MIN or workers < 2 else worker_pool(workers)
    try:
        for _, sketches in mapped_ahead(_sketch_batch, batches, pool):
            yield sketches
    finally:
        if pool is not None:
            pool.shutdown()


def link_pending(archive: Archive, progress=None, workers: int | None = None) -> Outcome:
    """Check every article stored since the last check; link the near-copies among them and
    against the archive. Safe to repeat; commits as it goes (an interrupted run loses nothing).
    A large backlog is sketched by worker processes (`workers`, default one per core) while this
    one looks the candidates up and writes."""
    done = int(archive.get_meta(WATERMARK) or 0)
    upto = archive.db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    pending = archive.db.execute("SELECT count(*) FROM articles WHERE id > ? AND id <= ?",
                                 [done, upto]).fetchone()[0]
    outcome = Outcome()
    for sketches in _sketched(_articles(archive, done, upto), pending, workers):
        with archive.transaction():
            for sk in sketches:
                outcome.checked += 1
                if sk[4]:
                    outcome.linked += _link_one(archive, sk)
            archive.set_meta(WATERMARK, str(sketches[-1][0]))
        if progress is not None:
            progress(len(sketches))
    return outcome


def rebuild(archive: Archive, progress=None) -> Outcome:
    """Forget every link and band, and check the whole archive again."""
    with archive.transaction():
        archive.db.execute("DELETE FROM near_bands")
        archive.db.execute("UPDATE articles SET near_duplicate_of = NULL, near_similarity = NULL "
                           "WHERE near_duplicate_of IS NOT NULL")
        archive.set_meta(WATERMARK, "0")
    return link_pending(archive, progress)


def _link_one(archive: Archive, sk: Sketch) -> int:
    aid, published, mine, sh, keys = sk
    db = archive.db
    marks = ",".join("?" * len(keys))
    found = [r for (r,) in db.execute(
        f"SELECT DISTINCT article_id FROM near_bands WHERE key IN ({marks}) AND article_id != ? "
        f"LIMIT {MAX_CANDIDATES}", [*keys, aid])]
    db.conn.executemany("INSERT OR IGNORE INTO near_bands (key, article_id) VALUES (?, ?)",
                        [(k, aid) for k in keys])
    if not found:
        return 0
    similar = {o: (pub, s) for o, (pub, text) in _texts_of(archive, found).items()
               if (s := jaccard(sh, shingles(text))) >= THRESHOLD and same_figures(mine, figures(text))}
    if not similar:
        return 0
    me = _order_key(published, aid)
    earliest = min(similar, key=lambda o: _order_key(similar[o][0], o))
    if _order_key(similar[earliest][0], earliest) < me:
        db.execute("UPDATE articles SET near_duplicate_of = ?, near_similarity = ? WHERE id = ?",
                   [earliest, round(similar[earliest][1], 4), aid])
        return 1
    # This article is earlier than every copy it resembles (it arrived late): they point here
    # unless they already point to something earlier still.
    moved = 0
    for other, (_, sim) in similar.items():
        row = db.execute("SELECT a.near_duplicate_of, b.published_at FROM articles a LEFT JOIN articles b "
                         "ON b.id = a.near_duplicate_of WHERE a.id = ?", [other]).fetchone()
        if row[0] is None or _order_key(row[1], row[0]) > me:
            db.execute("UPDATE articles SET near_duplicate_of = ?, near_similarity = ? WHERE id = ?",
                       [aid, round(sim, 4), other])
            moved += 1
    return moved
