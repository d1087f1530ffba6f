"""Vietnamese text folding for diacritic-insensitive search (field guide §7).

SQLite's tokenizers never fold đ/Đ, so the folded search column is filled by `fold()`.
"""
from __future__ import annotations

import unicodedata

_DD = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: marks dropped, đ→d. `Trường Chính trị` → `truong chinh tri`."""
    decomposed = unicodedata.normalize("NFD", text.translate(_DD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def has_diacritics(text: str) -> bool:
    """True when folding changes more than letter case (the user typed marks or đ)."""
    return fold(text) != text.lower()
