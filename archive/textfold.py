"""Vietnamese text folding for diacritic-insensitive search (field guide §7).

SQLite's tokenizers never fold đ/Đ, so the folded search column is filled by `fold()`. Folding
runs once per article at ingest and on every query, so it is a single `str.translate` over a
table built at import: every Latin letter with marks maps to its base letter, combining marks
(decomposed input) map to nothing, đ/Đ map to d/D.
"""
from __future__ import annotations

import unicodedata


def _build_table() -> dict[int, str | None]:
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


_FOLD = _build_table()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, marks dropped, đ→d: `Trường Chính trị` → `truong chinh tri`."""
    return text.translate(_FOLD).lower()


def has_diacritics(text: str) -> bool:
    """True when folding changes more than letter case (the user typed marks or đ)."""
    return fold(text) != text.lower()
