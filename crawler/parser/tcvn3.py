"""TCVN3 (ABC) legacy-font text to Unicode, where it can be recognised without doubt.

Pages typed in the .VnTime fonts store Vietnamese letters as Latin-1 code points
("Tr\u00adêng ChÝnh trÞ" for "Trường Chính trị"). A line is converted only when it carries TCVN3's
tell-tale symbols and no character above U+00FF: real Unicode Vietnamese always has some
(ư, ơ, đ, ạ…), TCVN3 text never does. Upper-case fonts (.VnTimeH) use the same codes, so
converted text comes out in lower case.
"""
from __future__ import annotations

import re

# Latin-1 code point in TCVN3 → Unicode letter.
_TABLE = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_TRANSLATE = str.maketrans({chr(k): v for k, v in _TABLE.items()})
# Symbols that only TCVN3 puts inside words: no Unicode Vietnamese word contains them, and VNI,
# the other legacy encoding, does not use them either (VNI's marks are ù ø û õ ï ñ æ å ö …).
_MARKS = re.compile("[\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00b5\u00b6\u00b7\u00b8\u00b9\u00bb"
                    "\u00bc\u00bd\u00be\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00ce\u00d2\u00d3"
                    "\u00d7\u00dc\u00dd\u00de\u00df\u00e7\u00f7\u00fa\u00fc\u00fe]")
# Of those, the ones no Western European word uses either (¨ © ª « ¬ soft hyphen ® µ ¶ · ¸ ¹ » ¼ ½ ¾:
# ă â ê ô ơ ư đ and the marked a's): a German or French line (für, Größe, garçon) has none.
_SYMBOL_MARKS = re.compile("[\u00a8-\u00ae\u00b5-\u00b9\u00bb-\u00be]")
_BEYOND_LATIN1 = re.compile("[^\u0000-\u00ff]")
_WORD = re.compile(r"\w+")


def is_tcvn3(text: str) -> bool:
    """A line typed in TCVN3: its marks in at least a fifth of its words, one of them a symbol no
    Western language writes inside a word, nothing beyond Latin-1."""
    if text.isascii() or _BEYOND_LATIN1.search(text) or not _SYMBOL_MARKS.search(text):
        return False
    words = _WORD.findall(text)
    if len(words) < 3:
        return False
    return sum(1 for w in words if _MARKS.search(w)) >= max(2, len(words) // 5)


def convert(text: str) -> str:
    return text.translate(_TRANSLATE)
