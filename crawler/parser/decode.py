"""Bytes to text: BOM, HTTP charset, `<meta>` charset, then detection.

The text is returned as decoded, not yet NFC: windows-1258 keeps Vietnamese tone marks as
combining characters, and some pages arrive decomposed, so the parser normalises what it keeps
(every text line, titles, link texts: `nfc()`), not the whole document, whose scripts and styles
are most of a real page. A declared charset that the bytes contradict loses to what the bytes show.
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_ALIASES = {"windows-1258": "cp1258", "x-windows-1258": "cp1258", "vn": "cp1258",
            "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "utf8": "utf-8", "unicode": "utf-8"}
# Vietnamese tone marks as windows-1258 writes them (combining grave, acute, tilde, hook, dot).
_VN_COMBINING = re.compile("[\u0300\u0301\u0303\u0309\u0323]")


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    return _codec(m.group(1).decode("ascii", "ignore")) if m else None


def _as_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def nfc(text: str) -> str:
    """NFC form; ASCII text (most lines of markup) and text already NFC are returned as they are."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """Return (text, codec name used)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace"), enc
    declared = _codec(http_charset) or declared_charset(data)
    has_high = not data[:200000].isascii()  # (bytes.isascii runs in C: a generator took 0.5 ms a page)
    # Valid UTF-8 is UTF-8 whatever the label says: a legacy 8-bit page with non-ASCII bytes
    # almost never happens to be valid UTF-8.
    text = _as_utf8(data) if declared in (None, "utf-8") or has_high else None
    if text is not None:
        return text, "utf-8"
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    # Undeclared or wrongly declared legacy bytes: Vietnamese pages are windows-1258 when that
    # decoding yields tone marks; otherwise let UnicodeDammit sniff.
    try:
        text = data.decode("cp1258")
        if len(_VN_COMBINING.findall(text[:100000])) >= 3:
            return text, "cp1258"
    except UnicodeDecodeError:
        pass
    from bs4.dammit import UnicodeDammit  # rarely needed: loaded on first use

    logging.getLogger("bs4.dammit").setLevel(logging.ERROR)  # its replacement warning is ours to give

    dammit = UnicodeDammit(data, known_definite_encodings=[], is_html=True)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup, dammit.original_encoding or "unknown"
    return data.decode("utf-8", "replace"), "utf-8"


# Text typed in the legacy TCVN3 (ABC, .VnTime fonts) or VNI fonts, read as Unicode, shows tell-tale
# symbols inside words: TCVN3 "Tr\u00adêng ChÝnh trÞ", VNI "Tröôøng Chính trò". Converting them
# needs the font in use per run of text, which the page does not say; such pages are flagged.
_TCVN3_MARKS = re.compile("[\u00a8\u00a9\u00aa\u00ab\u00ac\u00ae\u00b5\u00b6\u00b7\u00b8\u00b9\u00bc"
                          "\u00bd\u00be\u00c6\u00c7\u00cf\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d8\u00de"
                          "\u00dd]")
_VNI_MARKS = re.compile("(?:ö|ô)[øùûõï]|[aeiouy][ùøûõï](?=\\w)|ñ")
_WORD = re.compile(r"\w+")


def legacy_font(text: str) -> str | None:
    """'tcvn3' or 'vni' when many words carry a legacy font's marks, else None."""
    sample = text[:20000]
    if not _TCVN3_MARKS.search(sample) and not _VNI_MARKS.search(sample):
        return None  # (no mark at all, the usual case: no word needs a look)
    words = _WORD.findall(sample)
    if len(words) < 20:
        return None
    tcvn3 = sum(1 for w in words if _TCVN3_MARKS.search(w))
    vni = sum(1 for w in words if _VNI_MARKS.search(w))
    if tcvn3 > 0.08 * len(words):
        return "tcvn3"
    if vni > 0.08 * len(words):
        return "vni"
    return None
