"""Which date on the page is the publication date: the one printed next to the headline.

Dates in the body, in related lists and in a header that prints today's date never count.
Page metadata (JSON-LD, `article:published_time`, `<time datetime>`) and the URL are used only
when no visible date sits by the headline: the visible one wins (CLI contract).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from crawler.parser import rules
from crawler.parser.dates import (
    ENGLISH_MONTH_WORD,
    HAS_DIGIT,
    VN_TZ,
    clock_alone,
    find_date,
    parse_relative,
    parse_with_dateparser,
    plausible,
)
from crawler.parser.lines import Line

_ANY_WORD = re.compile(r"[^\W_]+")
# Only lines with a month word go to dateparser: a bare year ("năm 2023") would come back as a
# made-up day of that year.
# ("Hôm qua : 2410" is a visit counter, not yesterday.)
_DATE_WORDS = re.compile(r"(?:tháng|thg)\s*\S+.*\d{4}|\b" + ENGLISH_MONTH_WORD + r"\.?\s+\d", re.I)
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
WINDOW_AFTER = 10
WINDOW_BEFORE = 4
# A day in an address (`/2024/03/12/…`, `/2024-03-12-…`).
URL_DATE = re.compile(r"/(20\d{2}|199\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|$)")


@dataclass
class DateChoice:
    when: datetime | None
    idx: int | None  # line index it came from; None for metadata or URL
    source: str = "none"  # "visible" | "metadata" | "url" | "none"
    updated_label: bool = False


def _segment_after_label(text: str) -> tuple[str, bool, bool]:
    """(text to read, published label seen, update label seen)."""
    pub = rules.DATE_LABEL_PUBLISHED.search(text)
    upd = rules.DATE_LABEL_UPDATED.search(text)
    if pub:
        return text[pub.end():], True, bool(upd)
    if upd:
        return text[upd.end():], False, True
    return text, False, False


def visible_date(lines: list[Line], title_idx: int | None, now: datetime,
                 title_text: str | None = None) -> DateChoice:
    if title_idx is None:
        lo, hi = 0, min(len(lines), 80)
    else:
        lo, hi = max(0, title_idx - WINDOW_BEFORE), min(len(lines), title_idx + WINDOW_AFTER + 1)
    best: tuple[float, DateChoice] | None = None
    for j in range(lo, hi):
        scored = _date_line(lines, j, title_idx, title_text, now)
        if scored is not None and (best is None or scored[0] > best[0]):
            best = scored
    if best is None or best[0] < MIN_DATE_SCORE:
        return _labelled_below(lines, hi, now)
    return best[1]


MIN_DATE_SCORE = 3.0  # below this, no line by the headline reads as its date


def _date_line(lines: list[Line], j: int, title_idx: int | None, title_text: str | None,
               now: datetime) -> tuple[float, DateChoice] | None:
    """How much line j reads as the page's own date line, with the date it shows; None if not."""
    ln = lines[j]
    text = ln.text
    if len(text) > 260 or (len(text) >= 60 and not HAS_DIGIT.search(text)):
        return None  # too long for a date line; or no digit, and too long for "hôm qua"
    if rules.DATE_LABEL_TODAY.search(text):
        return None
    if j == title_idx and title_text and text.startswith(title_text):
        text = text[len(title_text):]  # a date printed after the headline on its line
    seg, pub, upd = _segment_after_label(text)
    found, when = _read_date(seg, text, now)
    if when is None or not plausible(when, now):
        return None
    if title_idx is not None and _headline_link_between(lines, title_idx, j):
        return None  # the date of a listed item (a headline link stands between), not this page's
    if title_idx is None and any(is_headline_link(lines[k]) for k in range(max(0, j - 2), j)):
        return None  # no headline to measure from: a date right under a headline link is an item's
    if (title_idx is None or j > title_idx) and ln.link_density > rules.LINK_LINE and j + 1 < len(lines) \
            and is_headline_link(lines[j + 1]) and lines[j + 1].anchors[:1] in ([], ln.anchors[:1]):
        return None  # a date over a headline, one link around both: another article's card
    if ln.row and not (pub or upd):
        return None  # a dated row of a table (documents, schedules), not a posting date
    extra_words = _words_besides_date(seg, found) if found is not None else 0
    if extra_words >= 8 and not (pub or upd):
        return None  # a sentence that mentions a date (a teaser, the body's first line)
    if ln.link_density > rules.LINK_LINE and found is not None and extra_words >= 3:
        return None  # a headline with its date in a list of links is another article
    score = DW["base"] + DW["extra_word"] * max(0, extra_words - 3)
    if title_idx is not None:
        d = j - title_idx
        score += DW["per_line_below"] * d if d > 0 else DW["above"] + DW["per_line_above"] * abs(d)
    signs = (("published_label", pub), ("updated_label", upd and not pub),
             ("has_time", bool(found and found.has_time)),
             ("long_line", len(text) > 140 and not (pub or upd)),
             ("link", ln.link_density > rules.LINK_LINE), ("chrome", ln.chrome),
             ("other_heading", bool(ln.heading) and j != title_idx))
    score += sum(DW[name] for name, present in signs if present)
    return score, DateChoice(when, j, "visible", upd and not pub)


# How much each sign says for (+) or against (-) a line being the page's own date line.
DW = {
    "base": 10.0,
    "extra_word": -0.3,  # per word besides the date, the clock, a weekday or a byline (over 3)
    "per_line_below": -0.6,  # per line down from the headline
    "above": -2.0, "per_line_above": -1.5,  # a date above the headline
    "published_label": 3.0,  # "Ngày đăng:", "Đăng ngày"
    "updated_label": 1.0,  # "Cập nhật:"
    "has_time": 0.5,
    "long_line": -5.0,  # a sentence of the body that mentions a date
    "link": -1.0,  # a permalink (WordPress) is the page's date; other dated links are items'
    "chrome": -1.5,
    "other_heading": -1.0,
}


def _read_date(seg: str, text: str, now: datetime):
    """(our rules' match or None, the date) of a line's text after its label."""
    found = find_date(seg)
    when = found.when if found else None
    if when is None and len(text) < 60:
        when = parse_relative(text, now)
    if when is None and len(seg) < 60 and _DATE_WORDS.search(seg):
        when = parse_with_dateparser(seg.strip(" :-–|,"))  # month names our rules do not read
        if when is not None and not _shows_full_date(seg, when):
            when = None  # dateparser filled in a day or year the line does not show
    return found, when


_ENGLISH_MONTH = re.compile(r"\b" + ENGLISH_MONTH_WORD + r"\b", re.I)


def _shows_full_date(text: str, when: datetime) -> bool:
    """The line prints a day, a month and a year ("Tháng 1/2022" is a month, not a date)."""
    numbers = re.findall(r"\d+", text)
    if str(when.year) not in numbers:
        return False
    needed = 2 if _ENGLISH_MONTH.search(text) else 3
    return len(numbers) >= needed and str(when.day) in {n.lstrip("0") for n in numbers}


def _labelled_below(lines: list[Line], start: int, now: datetime) -> DateChoice:
    """Some sites print "Ngày đăng: …" under the text: a labelled date further down counts."""
    for j in range(start, min(len(lines), start + 200)):
        ln = lines[j]
        if len(ln.text) > 120 or ln.link_density > rules.LINK_LINE or ln.chrome:
            continue
        seg, pub, upd = _segment_after_label(ln.text)
        if not (pub or upd):
            continue
        found = find_date(seg)
        if found is not None and plausible(found.when, now) and _words_besides_date(seg, found) < 4:
            return DateChoice(found.when, j, "visible", upd and not pub)
    return DateChoice(None, None)


_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def is_headline_link(ln: Line) -> bool:
    """A link whose text reads like an article's headline (six words or more of link text)."""
    if ln.link_density <= rules.HEADLINE_LINK or _BARE_URL.match(ln.text):
        return False  # (an address printed as its own link text is a source, not a headline)
    words = len(_ANY_WORD.findall(ln.text))
    return words * ln.link_density >= 6


def _headline_link_between(lines: list[Line], a: int, b: int) -> bool:
    lo, hi = (a, b) if a < b else (b, a)
    return any(is_headline_link(lines[k]) for k in range(lo + 1, hi))


_CLOCK = re.compile(r"\d{1,2}\s?[:h]\s?\d{1,2}(?::\d{1,2})?|\b(?:SA|CH|AM|PM|GMT\+?7?)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật|lúc|ngày|sáng|chiều)\b", re.I)


_META_WORDS = re.compile(r"(?:đăng\s+bởi|người\s+đăng|tác\s+giả|posted\s+by|by|bởi|lượt\s+xem|"
                         r"lượt\s+đọc|views?|bình\s+luận|comments?|cập\s+nhật|ngày\s+đăng|tháng)"
                         r"\s*:?\s*(?:[^\W\d_]+)?", re.I)


def _words_besides_date(text: str, found) -> int:
    """Words on a date line that are not part of a date, a clock or a byline."""
    rest = text[:found.start] + " " + text[found.end:]
    for _ in range(3):  # a second date on the line (modified date) is no extra word either
        more = find_date(rest)
        if more is None:
            break
        rest = rest[:more.start] + " " + rest[more.end:]
    rest = _META_WORDS.sub(" ", _WEEKDAY.sub(" ", _CLOCK.sub(" ", rest)))
    return len(_LETTER_WORD.findall(rest))


_META_DATE_XPATHS = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
    '//meta[@name="pubdate" or @name="publishdate" or @name="PublishDate" or @name="DC.date.issued" '
    'or @name="dc.date" or @name="date" or @name="article:published_time"]/@content',
    '//time[@pubdate]/@datetime',
    '//time[contains(@class, "published")]/@datetime',
    '//time[contains(@class, "entry-date") and not(contains(@class, "updated"))]/@datetime',
    '//time[not(contains(@class, "updated"))]/@datetime',  # the page's one day, wherever printed
)


def metadata_date(root, now: datetime, ld: list[dict]) -> datetime | None:
    for xp in _META_DATE_XPATHS:
        try:
            values = root.xpath(xp)
        except Exception:  # noqa: BLE001 - malformed trees raise assorted lxml errors
            continue
        if xp.startswith("//time") and len({str(v)[:10] for v in values}) > 1:
            continue  # several dated items (a listing): none of them is this page's date
        for v in values:
            found = find_date(str(v))
            if found and plausible(found.when, now):
                return found.when
    for node in ld:
        v = node.get("datePublished")
        if isinstance(v, str):
            found = find_date(v)
            if found and plausible(found.when, now):
                return found.when
    return None


def url_date(url: str | None, now: datetime) -> datetime | None:
    if not url:
        return None
    m = URL_DATE.search(url)
    if not m:
        return None
    try:
        when = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=VN_TZ)
    except ValueError:
        return None
    return when if plausible(when, now) else None


def _with_time(vis: DateChoice, lines: list[Line], root, now: datetime, ld: list[dict]) -> DateChoice:
    """A visible day with no clock ("12 Tháng Ba, 2024") takes its time from the page's own
    machine-readable date of that same day (`<time datetime>`, article:published_time)."""
    if vis.idx is None or (vis.when.hour, vis.when.minute) != (0, 0) or _CLOCK.search(lines[vis.idx].text):
        return vis
    # The page's machine-readable date of that day, else the date line's own <time> (the page's
    # other <time>s, a related posts' list, make the page-wide reading give up).
    for meta in (metadata_date(root, now, ld), _own_time(lines[vis.idx], now)):
        if meta is None or (meta.hour, meta.minute) == (0, 0):
            continue
        local = meta.astimezone(VN_TZ)
        if local.date() == vis.when.date():
            return DateChoice(local, vis.idx, vis.source, vis.updated_label)
    # A clock printed alone on a line right next to the day (an inline list of the post's date,
    # its writer and its time, each an item of its own).
    for j in (vis.idx + 1, vis.idx + 2, vis.idx - 1):
        clock = clock_alone(lines[j].text) if 0 <= j < len(lines) else None
        if clock is not None:
            when = vis.when.replace(hour=clock[0], minute=clock[1])
            return DateChoice(when, vis.idx, vis.source, vis.updated_label)
    return vis


def _own_time(ln: Line, now: datetime) -> datetime | None:
    """The machine-readable date of a `<time datetime>` printed on the line itself."""
    if ln.owner is None:
        return None
    for el in ln.owner.iter("time"):
        found = find_date(el.get("datetime") or "")
        if found is not None and found.has_time and plausible(found.when, now):
            return found.when
    return None


def choose_date(lines: list[Line], title_idx: int | None, root, url: str | None,
                now: datetime, title_text: str | None = None, ld: list[dict] = ()) -> DateChoice:
    """The publication date: visible by the headline, else the page's metadata (`ld`: its JSON-LD
    objects), else the address."""
    vis = visible_date(lines, title_idx, now, title_text)
    if vis.when is not None:
        return _with_time(vis, lines, root, now, ld)
    meta = metadata_date(root, now, ld)
    if meta is not None:
        return DateChoice(meta, None, "metadata")
    u = url_date(url, now)
    if u is not None:
        return DateChoice(u, None, "url")
    return DateChoice(None, None)
