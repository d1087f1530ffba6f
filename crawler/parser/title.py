"""The headline: a visible line that looks like one, confirmed by `<title>`/`og:title`.

Site names are cut from `<title>`; the visible line wins because it keeps the page's own case
and wording. Candidates are scored together with what follows them (a date, then paragraphs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from archive.textfold import fold
from crawler.parser import rules
from crawler.parser.dates import find_date
from crawler.parser.lines import Line, clean_ws

_SEPARATORS = re.compile(r"\s+(?:[-|–—:»«›>]|::)\s+")
# A date printed after the headline on the same line: "Bế giảng lớp … (27/12/2016, 08:17)".
_TRAILING_DATE = re.compile(r"\s*(?:[(\[]\s*[^()\[\]]*?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[^()\[\]]*[)\]]|"
                            r"[-–|]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[\s\d:,|-]*)\s*$")
_BREADCRUMB = re.compile(r"^[^|>»›/]{1,50}(?:\s*[|>»›/]\s*[^|>»›/]{1,50}){2,}$")
_NULL_PREFIX = re.compile(r"^null\s+", re.I)  # Liferay prints an empty portlet title as "null"
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_NON_WORD = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    # Texts are NFC already; case and punctuation are what differ between <title> and the page.
    return _NON_WORD.sub(" ", text.casefold()).strip()


def meta_titles(root) -> list[str]:
    """og:title, twitter:title and <title>, cleaned of whitespace; best evidence first."""
    out = []
    for xp in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
               "//title//text()", '//meta[@itemprop="headline"]/@content'):
        try:
            vals = root.xpath(xp)
        except Exception:  # noqa: BLE001 - malformed trees raise assorted lxml errors
            vals = []
        text = _NULL_PREFIX.sub("", clean_ws(" ".join(str(v) for v in vals)))
        if text and text not in out:
            out.append(text)
    return out


def strip_trailing_date(title: str) -> str:
    cut = _TRAILING_DATE.sub("", title)
    return cut if len(cut.split()) >= 3 else title


def strip_site_name(title: str) -> str:
    """`Khai giảng lớp … - Trường Chính trị tỉnh X` → `Khai giảng lớp …` (longest piece wins)."""
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) <= 1:
        return title
    keep = [p for p in parts if not _is_site_piece(p)]
    if not keep:
        return title
    if len(keep) == len(parts):
        return title  # every piece reads like text: the separator belongs to the title
    return max(keep, key=len) if len(keep) > 1 else keep[0]


_PORTAL_PIECE = re.compile(r"^(?:cong thong tin|trang thong tin|website|portal|trang chu|home|chi tiet"
                          r"|tin tuc\b.{0,20}$|trang tin)")
_SCHOOL_PIECE = re.compile(r"^(?:cong thong tin dien tu |trang thong tin dien tu )?(?:truong chinh tri|"
                          r"truong dao tao can bo|hoc vien)\b")
# Words of an event, not of a name: "Trường Chính trị tỉnh X tổ chức …" is a headline.
_EVENT_WORDS = re.compile(r"\b(?:to chuc|khai giang|be giang|tham|hop|trao|ky niem|on dinh|tiep|lam viec|"
                          r"phoi hop|dat|don|cong bo|tong ket|so ket|hoi nghi|hoi thao|trien khai|"
                          r"nang cao|phat huy|ra quan|chao mung)\b")


def _is_site_piece(piece: str) -> bool:
    """A piece of <title> that names the site or the page type, not the article."""
    k = " ".join(_NON_WORD.sub(" ", fold(piece)).split())
    if _PORTAL_PIECE.match(k) and len(k.split()) <= 12:
        return True
    return bool(_SCHOOL_PIECE.match(k)) and len(k.split()) <= 10 and not _EVENT_WORDS.search(k)


@dataclass
class TitleChoice:
    text: str | None
    idx: int | None  # line index of the visible headline, None when only metadata had it
    score: float = 0.0
    anchor: int | None = None  # where the content starts when idx is None


@dataclass
class _Context:
    stripped: list[str]  # metadata titles without the site's name, as keys
    meta_keys: list[str]
    link_texts: set[str]  # texts of menu entries and other links


def candidate_score(lines: list[Line], i: int, ctx: _Context) -> float | None:
    """How much line i looks like the page's headline; None when it cannot be one."""
    ln = lines[i]
    text = ln.text
    words = len(text.split())
    if words < 3 or words > 60 or len(text) > 400:
        return None
    if len(_LETTER_WORD.findall(text)) < 2:
        return None  # counters and toolbars ("9 10 675"), not words
    k = _key(text)
    if not k:
        return None
    score = 0.0
    if any(k == s for s in ctx.stripped if s):
        # A short match is often the section's name that ends a breadcrumb-like <title>.
        score += 4 if words > SHORT_HEADING_WORDS else 1
    elif any(k and (k in m) for m in ctx.meta_keys if m) and words > SHORT_HEADING_WORDS:
        score += 3
    score += HEADING_BONUS.get(ln.heading, 0)
    if ln.title_class:
        score += 2
    if ln.bold:
        score += 0.5
    score -= sum(w for flag, w in ((ln.chrome, 3), (ln.caption, 3), (ln.link_density > 0.5, 3),
                                   (ln.row, 2)) if flag)
    if rules.GENERIC_HEADING.match(text):
        score -= 6
    if text.endswith(("…", "...")):
        score -= 4  # a teaser cut short, not a headline
    if _BREADCRUMB.match(text):
        score -= 4  # "Tin tức|Tin tức sự kiện|Tin hoạt động", "Trang chủ > Giới thiệu > …"
    if words <= 6:
        score -= 1  # headlines are rarely this short; section names often are
        if text.isupper() and words <= SHORT_HEADING_WORDS + 1:
            score -= 1.5  # "TIN ĐÃ ĐĂNG", "DANH MỤC": a box's label in capitals
        if ln.link_density < 0.5 and text.casefold() in ctx.link_texts:
            score -= 3  # the page's own section name, repeated from the menu
    if text.endswith((".", ";", ",")) and words > 25:
        score -= 2  # a sentence, not a headline
    if words < 6 and find_date(text) is not None:
        score -= 2
    if strip_trailing_date(text) != text:
        score += SAME_LINE_DATE_BONUS  # "Headline (27/12/2016)": the date printed after it
    return score + _followers(lines, i)


HEADING_BONUS = {1: 3, 2: 2.5, 3: 1.5, 4: 1}
SHORT_HEADING_WORDS = 4  # a line this short is more often a section's name than a headline
SAME_LINE_DATE_BONUS = 2.5  # as much as a date on the line right below


def make_context(lines: list[Line], metas: list[str]) -> _Context:
    return _Context([_key(strip_site_name(m)) for m in metas], [_key(m) for m in metas],
                    {ln.text.casefold() for ln in lines if ln.link_density > 0.9})


def choose_title(lines: list[Line], metas: list[str], limit: int | None = None) -> TitleChoice:
    ctx = make_context(lines, metas)
    best: TitleChoice | None = None
    n = len(lines) if limit is None else min(limit, len(lines))
    for i in range(n):
        score = candidate_score(lines, i, ctx)
        if score is not None and (best is None or score > best.score):
            best = TitleChoice(lines[i].text, i, score)
    if best is not None and best.score >= 3:
        best.text = strip_trailing_date(_continued(lines, best.idx))
        return best
    anchor = best.idx if best is not None and best.score > 0 and \
        lines[best.idx].link_density < 0.5 else None
    for m in metas:
        s = strip_site_name(m)
        if len(s.split()) >= 3 and not _is_site_piece(s):
            # The metadata names the page; the best visible candidate still marks where the
            # page's own content starts (for the date and the text), but is not the title.
            return TitleChoice(s, None, 0.0, anchor)
    if best is not None and best.score >= 1.5:
        best.text = strip_trailing_date(best.text)
        return best  # no usable metadata: a weaker visible candidate beats no title
    return TitleChoice(None, None, 0.0)


def _continued(lines: list[Line], i: int) -> str:
    """A headline broken over lines by <br> inside its heading: the pieces joined."""
    text = lines[i].text
    j = i + 1
    while j < len(lines) and j <= i + 2 and lines[j].owner is lines[i].owner and lines[i].heading and \
            not find_date(lines[j].text) and lines[j].link_density < 0.5:
        text += " " + lines[j].text
        j += 1
    return text


def _followers(lines: list[Line], i: int) -> float:
    """Bonus for a date soon below, then running text: what follows a real headline."""
    bonus = 0.0
    # The date under a headline *link* is a listed item's: no sign that this page is about it.
    date_seen = lines[i].link_density > 0.5
    text_chars = 0
    for j in range(i + 1, min(len(lines), i + 12)):
        ln = lines[j]
        if not date_seen and j <= i + 7 and len(ln.text) < 120 and ln.link_density < 0.5 and \
                find_date(ln.text):
            date_seen = True
            # The date line sits right under a headline (a few meta lines may come between).
            bonus += {1: 2.5, 2: 1.5, 3: 1.0, 4: 0.75}.get(j - i, 0.5)
        if ln.link_density < 0.3 and len(ln.text) > 80 and not ln.chrome:
            text_chars += len(ln.text)
    if text_chars > 300:
        bonus += 1.5
    elif text_chars > 100:
        bonus += 0.5
    return bonus
