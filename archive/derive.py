"""What the archive derives from an article's fields before storing them.

The folded fields (the diacritic-free index), the hash that tells a changed article, the hash
that tells a copied text, the words of the folded index and the word count are pure functions of
the record: computed once per article, here, and shared by every use (the body is folded and its
whitespace collapsed once, not once per hash).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from archive.records import ARTICLE_FIELDS
from archive.textfold import fold

# Dateline tags that republishers put before a story: "(LLCT) -", "BHG -", "NDO -".
_DATELINE = re.compile(r"^\s*\(?[A-ZĐ][A-ZĐ0-9.]{1,9}\)?\s*[-–—]\s*")

# The folded index's tokens are runs of [a-z0-9] (folded text is lower-case ASCII and the
# tokenizer splits on everything else): every other byte becomes a space, then bytes.split.
_NOT_TERM = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


@dataclass(frozen=True, slots=True)
class Derived:
    fields: dict[str, Any]  # the record's article fields (ARTICLE_FIELDS), None where absent
    folded: dict[str, str]  # each field folded (textfold.fold), "" where absent
    content_hash: str  # what a reader sees, folded (NFC/NFD noise aside): changes with the article
    body_hash: str  # the text alone, folded, without a dateline tag: equal for copies
    word_count: int
    terms: frozenset[bytes]  # the words the folded index gets (title, body, author)


def derive(record: Mapping[str, Any]) -> Derived:
    fields = {k: record.get(k) for k in ARTICLE_FIELDS}
    folded = {k: fold(v) if v else "" for k, v in fields.items()}
    collapsed = {k: " ".join(v.split()) for k, v in folded.items()}
    body = fields["body"] or ""
    return Derived(
        fields=fields,
        folded=folded,
        content_hash=_sha1("\x1f".join(collapsed[k] for k in ARTICLE_FIELDS)),
        body_hash=body_hash(body, collapsed["body"]),
        word_count=len(body.split()),
        terms=frozenset(" ".join((folded["title"], folded["body"], folded["author"]))
                        .encode("ascii").translate(_NOT_TERM).split()),
    )


def derive_batch(records: list[Mapping[str, Any]]) -> list[tuple]:
    """`derive` for a batch, in a worker process: what goes back is what the writer cannot
    take from the record it holds (the folded fields, hashes, count, the words as one string)."""
    out = []
    for record in records:
        d = derive(record)
        out.append((d.folded, d.content_hash, d.body_hash, d.word_count, b" ".join(d.terms)))
    return out


def from_batch(record: Mapping[str, Any], wire: tuple) -> Derived:
    """The Derived of `record` from its line of `derive_batch`."""
    folded, chash, bhash, words, terms = wire
    return Derived({k: record.get(k) for k in ARTICLE_FIELDS}, folded, chash, bhash, words,
                   frozenset(terms.split()))


def body_hash(body: str | None, collapsed_folded_body: str | None = None) -> str:
    """Hash of the text alone, folded, whitespace collapsed, without a dateline tag: equal for
    copies of one story. `collapsed_folded_body`: the body already folded and collapsed."""
    body = body or ""
    stripped = _DATELINE.sub("", body)
    if collapsed_folded_body is None or stripped != body:
        collapsed_folded_body = " ".join(fold(stripped).split())
    return _sha1(collapsed_folded_body)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
