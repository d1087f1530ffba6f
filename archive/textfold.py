"""Vietnamese text folding for diacritic-insensitive search (docs/vietnamese-text.md).

SQLite's tokenizers never fold đ/Đ, so the folded search column is filled by `fold()`.
"""
from __future__ import annotations

import functools
import unicodedata


@functools.cache
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0x00C0, 0x2000):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and base.isascii() and base:
            table[cp] = base
    for cp in range(0x0300, 0x0370):  # combining diacritical marks of decomposed text
        table[cp] = None
    table[ord("đ")] = "d"
    table[ord("Đ")] = "D"
    return table


def fold(text: str) -> str:
    """Lower-case ASCII, marks dropped, đ→d: `Trường Chính trị` → `truong chinh tri`.

    Runs at C speed (NFD, then ASCII with the marks ignored): it folds every article at ingest.
    Characters with no ASCII base (curly quotes, non-Latin scripts) are dropped; the exact index
    keeps them. Use `fold_same_length` where positions must match the original text.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii").lower()


def fold_same_length(text: str) -> str:
    """Like `fold`, but one character out for each character in (for NFC text): for snippets."""
    return text.translate(_table()).lower()


def has_diacritics(text: str) -> bool:
    """True when folding changes more than letter case (the user typed marks or đ)."""
    return fold(text) != text.lower()
