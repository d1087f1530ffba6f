"""Publication dates as these sites print them, to ISO 8601 in Vietnam time (+07:00).

Our own rules read the numeric forms (day-first, `SA`/`CH`, dots, two-digit years, `(GMT+7)`)
and Vietnamese month words; dateparser, pinned to Vietnamese, reads what they do not
(relative dates). Order rule (docs/page-conventions.md): the English .NET form
`M/D/YYYY h:mm:ss AM|PM` (never zero-padded) is month-first; a first number > 12 is day-first; a
second number > 12 is month-first; otherwise day-first.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7))
EARLIEST_YEAR = 1995  # no school site predates this; older dates are body text, not a posting date

_NUM_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})\s?([/.\-])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d/.\-]|\.\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?"
                       r"(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?")
_MONTH_WORD = re.compile(r"(?<!\d)(\d{1,2})\s*(?:tháng|thg|th\b|th(?=\d))\s*(\d{1,2})\s*(?:,|năm|/)?\s*"
                         r"(\d{4})(?!\d)", re.I)
_MONTH_NAMES_VI = {"mười một": 11, "mười hai": 12, "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4,
                   "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "chạp": 12}
_MONTH_NAME_VI = re.compile(r"(?<!\d)(\d{1,2})\s+(?:tháng)\s+(" + "|".join(_MONTH_NAMES_VI)
                            + r")\b,?\s*(?:năm\s+)?(\d{4})(?!\d)", re.I)
# WordPress's "F j, Y" and "M j, Y" in its Vietnamese translation: the month's name (or its short
# form, "Th11", "thg 11") first, then the day ("Tháng Mười Một 14, 2023", "Th11 14, 2023"); the
# comma before the year tells it apart.
_MONTH_FIRST_VI = re.compile(r"(?<![\w])(?:(?:tháng|thg|th)\s*(\d{1,2})|tháng\s+(" + "|".join(_MONTH_NAMES_VI)
                             + r"))\s+(\d{1,2}),\s*(\d{4})(?!\d)", re.I)
ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december")
# An English month name, whole or cut to three letters ("Mar", "March"), as a regex fragment.
ENGLISH_MONTH_WORD = r"(?:" + "|".join(ENGLISH_MONTHS) + "|" + "|".join(m[:3] for m in ENGLISH_MONTHS) + r")"
_EN_DATE = re.compile(r"(?<!\d)(\d{1,2})\s+(" + ENGLISH_MONTH_WORD + r")\.?,?\s+(\d{4})", re.I)
_EN_DATE_MDY = re.compile(r"(" + ENGLISH_MONTH_WORD + r")\.?\s+(\d{1,2}),?\s+(\d{4})", re.I)
_TIME = re.compile(r"(?<![\d:/.])(\d{1,2})\s?(?::|h|g|giờ)\s?(\d{1,2})(?:\s?:\s?(\d{1,2}))?'?"
                   r"(?:\s*(SA|CH|AM|PM|A\.M\.|P\.M\.|sáng|chiều|tối|trưa|đêm))?(?![\d/])", re.I)
_RELATIVE = re.compile(r"(\d+)\s*(phút|giờ|ngày)\s*trước", re.I)


@dataclass(frozen=True)
class FoundDate:
    when: datetime
    has_time: bool
    start: int  # where in the string the date part starts
    end: int


def _year(y: str) -> int:
    v = int(y)
    return v + 2000 if len(y) == 2 else v


def _pick_time(text: str, dstart: int, dend: int) -> tuple[int, int, int, str | None] | None:
    """The clock time nearest to the date in the same string (before or after it)."""
    best = None
    for m in _TIME.finditer(text):
        if dstart <= m.start() < dend:
            continue
        h, mi = int(m.group(1)), int(m.group(2))
        s = int(m.group(3)) if m.group(3) else 0
        if h > 23 or mi > 59 or s > 59:
            continue
        dist = m.start() - dend if m.start() >= dend else dstart - m.end()
        if dist > 40:
            continue
        if best is None or dist < best[0]:
            best = (dist, h, mi, s, (m.group(4) or "").lower() or None)
    return None if best is None else best[1:]


def _apply_ampm(h: int, mark: str | None) -> int:
    if not mark:
        return h
    mark = mark.replace(".", "")
    if mark in ("pm", "ch", "chiều", "tối", "đêm") and h < 12:
        return h + 12
    if mark in ("am", "sa", "sáng") and h == 12:
        return 0
    if mark == "trưa" and h < 11:
        return h + 12
    return h


HAS_DIGIT = re.compile(r"\d")  # no digit, no date (a cheap test before the rules)


_CLOCK_ALONE = re.compile(r"\s*(?:lúc|vào\s+lúc|at)?\s*(?:" + _TIME.pattern + r")\s*", re.I)


def clock_alone(text: str) -> tuple[int, int] | None:
    """(hour, minute) of a line that is a clock time and nothing else ("12:23 chiều", "lúc 8h30",
    "08:30"), printed apart from the day it belongs to; None otherwise."""
    m = _CLOCK_ALONE.fullmatch(text) if len(text) <= CLOCK_LINE_CHARS else None
    if m is None:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 23 or mi > 59:
        return None
    return _apply_ampm(h, (m.group(4) or "").lower() or None), mi


CLOCK_LINE_CHARS = 24


def _vi_month(word: str) -> int:
    return int(word) if word.isdigit() else _MONTH_NAMES_VI[" ".join(word.lower().split())]


def english_month(word: str) -> int:
    return [m[:3] for m in ENGLISH_MONTHS].index(word.lower()[:3]) + 1


@dataclass(frozen=True)
class DateForm:
    """One way of printing a date: its pattern and how to read (first number, second, year) from
    a match, in the order printed. A new form is one more row of DATE_FORMS."""
    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str]], tuple[int, int, int]]
    numeric: bool = False  # numbers only: which is the day follows the order rule (module doc)


DATE_FORMS = (
    DateForm("14/03/2022, 14.03.2022, 1-3-26", _NUM_DATE, lambda m: (int(m[1]), int(m[3]), _year(m[4])),
             numeric=True),
    DateForm("14 tháng 3 năm 2022, 14 thg 3, 2022, 14 Th3 2022", _MONTH_WORD,
             lambda m: (int(m[1]), int(m[2]), int(m[3]))),
    DateForm("14 tháng Ba 2022", _MONTH_NAME_VI,
             lambda m: (int(m[1]), _MONTH_NAMES_VI[m[2].lower()], int(m[3]))),
    DateForm("Tháng Mười Một 14, 2023, Th11 14, 2023", _MONTH_FIRST_VI,
             lambda m: (int(m[3]), _vi_month(m[1] or m[2]), int(m[4]))),
    DateForm("14 March 2022, 14 Mar. 2022", _EN_DATE, lambda m: (int(m[1]), english_month(m[2]), int(m[3]))),
    DateForm("March 14, 2022", _EN_DATE_MDY, lambda m: (int(m[2]), english_month(m[1]), int(m[3]))),
)


@functools.lru_cache(maxsize=8192)
def find_date(text: str) -> FoundDate | None:
    """The first date (with its time, if printed next to it) in a short string, or None."""
    if not HAS_DIGIT.search(text):
        return None
    iso_date = _find_iso(text)
    if iso_date is not None:
        return iso_date
    found = [(m.start(), m.end(), *form.read(m), form.numeric)
             for form in DATE_FORMS if (m := form.pattern.search(text))]
    if not found:
        return None
    start, end, a, b, y, numeric = min(found)
    t = _pick_time(text, start, end)
    day, month = a, b
    if numeric:  # the order rule
        # (.NET's English form never pads: "11/03/2024 3:42:00 PM" is a day-first custom format.)
        english_net = t is not None and t[3] in ("am", "pm") and not _PADDED.match(text, start) \
            and _ENGLISH_NET_TIME.search(text[end:end + 20])
        if a <= 12 and (b > 12 or english_net):
            day, month = b, a
    hh, mm, ss = (_apply_ampm(t[0], t[3]), t[1], t[2]) if t is not None else (0, 0, 0)
    try:
        when = datetime(y, month, day, hh, mm, ss, tzinfo=VN_TZ)
    except ValueError:
        return None
    return FoundDate(when, t is not None, start, end)


_ENGLISH_NET_TIME = re.compile(r"\d{1,2}:\d{1,2}:\d{1,2}\s*(?:AM|PM)", re.I)
_PADDED = re.compile(r"0\d|\d{1,2}\s?[/.\-]\s?0\d")  # a day or a month written with a leading zero


def _find_iso(text: str) -> FoundDate | None:
    """`2022-03-14`, `2022-03-14T10:24:00+07:00` (metadata, <time datetime>), in Vietnam time."""
    m = _ISO_DATE.search(text)
    if not m or int(m.group(2)) > 12:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    hh, mm, ss = (int(m.group(i) or 0) for i in (4, 5, 6))
    tz = VN_TZ
    if m.group(7):
        z = m.group(7)
        if z == "Z":
            tz = UTC
        else:
            z = z.replace(":", "")
            off = int(z[1:3]) * 60 + int(z[3:5])
            tz = timezone(timedelta(minutes=off if z[0] == "+" else -off))
    try:
        when = datetime(y, mo, d, hh, mm, ss, tzinfo=tz).astimezone(VN_TZ)
    except ValueError:
        return None
    return FoundDate(when, m.group(4) is not None, m.start(), m.end())


def parse_relative(text: str, now: datetime) -> datetime | None:
    """`4 giờ trước` and friends, against the time the page was fetched."""
    m = _RELATIVE.search(text)
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2).lower()
    delta = {"phút": timedelta(minutes=n), "giờ": timedelta(hours=n), "ngày": timedelta(days=n)}[unit]
    return (now - delta).replace(second=0, microsecond=0)


def parse_with_dateparser(text: str) -> datetime | None:
    """Last resort for forms our rules do not know; Vietnamese order, Vietnam time."""
    import dateparser  # imported lazily: it costs ~0.3 s at start-up and is rarely needed

    when = dateparser.parse(
        text, languages=["vi", "en"],
        settings={"TIMEZONE": "Asia/Ho_Chi_Minh", "RETURN_AS_TIMEZONE_AWARE": True,
                  "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"},
    )
    return when.astimezone(VN_TZ) if when else None


def plausible(when: datetime, now: datetime | None = None) -> bool:
    now = now or datetime.now(VN_TZ)
    return when.year >= EARLIEST_YEAR and when <= now + timedelta(days=1)


def iso(when: datetime) -> str:
    return when.astimezone(VN_TZ).replace(microsecond=0).isoformat()
