"""The headline: a visible line that looks like one, confirmed by `<title>`/`og:title`.

Site names are cut from `<title>`; the visible line wins because it keeps the page's own case
and wording. Candidates are scored together with what follows them (a date, then paragraphs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from archive.textfold import fold
from crawler.parser import rules, second_opinion
from crawler.parser.dates import find_date
from crawler.parser.lines import Line, clean_ws, running_chars

_SEPARATORS = re.compile(r"\s+(?:[-|–—:»«›>]|::)\s+")
# A date printed after the headline on the same line: "Bế giảng lớp … (27/12/2016, 08:17)".
# (The day in figures, `27/12/2016`, or with the word for month: `27 Tháng 12, 2016`,
# `3 Tháng Mười Hai, 2023`.)
_DAY = (r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+tháng\s+(?:\d{1,2}|[^\W\d_]+(?:\s+[^\W\d_]+)?)"
        r"(?:\s*,\s*|\s+năm\s+|\s+)\d{4})")
_TRAILING_DATE = re.compile(r"\s*(?:[(\[]\s*[^()\[\]]*?" + _DAY + r"[^()\[\]]*[)\]]|"
                            r"[-–|]\s*" + _DAY + r"[\s\d:,|-]*)\s*$", re.I)
_DATE_IN = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_CRUMB_SEPARATOR = re.compile(r"\s*[|>»›/]\s*")
MAX_CRUMB_CHARS = 50
_NULL_PREFIX = re.compile(r"^null\s+", re.I)  # Liferay prints an empty portlet title as "null"
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_NON_WORD = re.compile(r"[\W_]+")


def is_breadcrumb(text: str) -> bool:
    """Three or more short pieces joined by `|`, `>`, `»`, `›` or `/` ("Trang chủ > Giới thiệu > …").

    Split, not matched by one pattern: a pattern that lets both the pieces and the separators
    take the spaces backtracks exponentially on a menu line ending in a separator."""
    pieces = _CRUMB_SEPARATOR.split(text)
    return len(pieces) >= 3 and all(0 < len(p) <= MAX_CRUMB_CHARS for p in pieces)


def _key(text: str) -> str:
    # Texts are NFC already; case and punctuation are what differ between <title> and the page.
    return _NON_WORD.sub(" ", text.casefold()).strip()


def meta_titles(root) -> list[str]:
    """og:title, twitter:title and <title>, cleaned of whitespace; best evidence first."""
    out = []
    names = _site_names(root)
    for xp in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
               "//title//text()", '//meta[@itemprop="headline"]/@content'):
        try:
            vals = root.xpath(xp)
        except Exception:  # noqa: BLE001 - malformed trees raise assorted lxml errors
            vals = []
        text = _NULL_PREFIX.sub("", clean_ws(" ".join(str(v) for v in vals)[:MAX_TITLE_CHARS * 2]))
        text = _without_site_name(text, names)
        if text and text not in out:
            out.append(text)
    return out


def _site_names(root) -> set[str]:
    """The names the page gives its site (og:site_name, application-name), as keys."""
    try:
        vals = root.xpath('//meta[@property="og:site_name" or @name="application-name"]/@content')
    except Exception:  # noqa: BLE001
        return set()
    return {k for v in vals if (k := _key(clean_ws(str(v))))}


def _without_site_name(title: str, names: set[str]) -> str:
    """`Headline - Site` → `Headline` when the page names its site `Site` (either end)."""
    parts = _SEPARATORS.split(title)
    if len(parts) > 1 and names:
        if _key(parts[-1]) in names:
            return title[:title.rfind(parts[-1])].rstrip(" -|–—:»«›>")
        if _key(parts[0]) in names:
            return title[len(parts[0]):].lstrip(" -|–—:»«›>")
    return title


MAX_TITLE_CHARS = 400  # longer "titles" (metadata stuffed with text) are cut here
MAX_HEADLINE_CHARS = 300  # a headline is a line or two; what is longer is not all headline


def bounded(title: str | None) -> str | None:
    """The title cut to MAX_HEADLINE_CHARS at a word's end: whatever a page stuffed into its
    headline or metadata, a record's title stays a headline (the cut is flagged)."""
    if title is None or len(title) <= MAX_HEADLINE_CHARS:
        return title
    cut = title[:MAX_HEADLINE_CHARS + 1]
    space = cut.rfind(" ")
    return (cut[:space] if space >= MAX_HEADLINE_CHARS // 2 else cut[:MAX_HEADLINE_CHARS]).rstrip(" ,;:-–|")
TRAILING_DATE_CHARS = 80  # a date printed after a headline sits in its last characters


def strip_trailing_date(title: str) -> str:
    """`Headline (27/12/2016, 08:17)` → `Headline`. Only the tail is searched: the pattern is
    anchored at the end, and searching a whole long line costs the square of its length."""
    head, tail = title[:-TRAILING_DATE_CHARS], title[-TRAILING_DATE_CHARS:]
    m = _TRAILING_DATE.search(tail)
    if m is None or len(_DATE_IN.findall(m.group())) > 1:
        return title  # (a span of years, `(03/02/1930 - 03/02/2024)`: an anniversary's, not the page's)
    cut = head + tail[:m.start()]
    return cut if len(cut.split()) >= 3 else title


def strip_site_name(title: str) -> str:
    """`Khai giảng lớp … - Trường Chính trị tỉnh X` → `Khai giảng lớp …` (longest piece wins);
    '' when every piece names the site or the page's type (`Cổng thông tin điện tử Trường Chính
    trị tỉnh X - Chi tiết tin`): such a <title> says nothing of the article."""
    parts = _pieces(title)
    if len(parts) <= 1:
        return title
    keep = [p for p in parts if not _is_site_piece(p)]
    if not keep:
        return ""
    if len(keep) == len(parts):
        return title  # every piece reads like text: the separator belongs to the title
    return max(keep, key=len) if len(keep) > 1 else keep[0]


def _pieces(title: str) -> list[str]:
    """The title's pieces between separators; a piece that starts with a small letter or a
    figure goes on the one before it (`… lý luận chính trị - hành chính khóa 58`, `khóa học
    2022 - 2024`): a headline's own dash, not a separator."""
    out: list[str] = []
    pos = 0
    for m in _SEPARATORS.finditer(title):
        out.append(title[pos:m.start()])
        out.append(m.group())
        pos = m.end()
    out.append(title[pos:])
    pieces: list[str] = []
    for k in range(0, len(out), 2):
        piece = out[k]
        if not piece.strip():
            continue
        if pieces and (piece.lstrip()[:1].islower() or piece.lstrip()[:1].isdigit()):
            pieces[-1] += out[k - 1] + piece
        else:
            pieces.append(piece)
    return pieces


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
    longest: int = 0  # characters of the longest metadata title


# How much each sign says for (+) or against (-) a line being the page's headline.
W = {
    "matches_metadata": 4.0,  # the line is the <title>/og:title without the site's name
    "matches_metadata_short": 1.0,  # …but short: often the section's name ending a breadcrumb <title>
    "inside_metadata": 3.0,  # the line is part of the <title>
    "title_class": 2.0,  # its element's class says title (tieude, headline, post-title…)
    "bold": 0.5,
    "chrome": -3.0,  # in navigation, footer, sidebar
    "banner": -2.0,  # in the page's <header> (some themes print the post's headline there)
    "caption": -3.0,
    "link": -3.0,  # mostly a link: an item of a list
    "table_row": -2.0,
    "generic_heading": -6.0,  # "Chi tiết tin", "Tin tức", "Untitled Document"
    "teaser": -4.0,  # cut short with "…"
    "breadcrumb": -4.0,  # "Tin tức|Tin tức sự kiện|Tin hoạt động", "Trang chủ > Giới thiệu > …"
    "short": -1.0,  # six words or fewer: headlines rarely, section names often
    "capitals_label": -1.5,  # "TIN ĐÃ ĐĂNG", "DANH MỤC": a box's label in capitals
    "menu_entry": -3.0,  # the page's own section name, repeated from the menu
    "sentence": -2.0,  # a long line ending like a sentence
    "mostly_date": -2.0,
    "site_name": -4.0,  # the school's or the portal's name (banner, footer): never a headline
    "contact": -4.0,  # a phone number or an e-mail address: a box of contacts, never a headline
    "credit": -4.0,  # "Tác giả: …", "Tin, ảnh: …": a byline, never a headline
    "date_on_line": 2.5,  # "Headline (27/12/2016)": as much as a date on the line right below
    "list_item": -2.0,  # one plain item of a list of several: a reference, a point of the text
}
HEADING_BONUS = {1: 3, 2: 2.5, 3: 1.5, 4: 1}  # by heading level
DATE_BELOW_BONUS = {1: 2.5, 2: 1.5, 3: 1.0, 4: 0.75}  # by lines from the headline down to its date
DATE_FURTHER_BONUS = 0.5
DATE_ABOVE_BONUS = {1: 1.5, 2: 1.0}  # by lines from a date line up above down to the headline
DATE_LINK_WORDS = 8  # a date line this short counts even as a link
TEXT_BELOW = ((300, 1.5), (100, 0.5))  # characters of running text below: bonus
SHORT_HEADING_WORDS = 4  # a line this short is more often a section's name than a headline


# The most that the signs read from the text itself (metadata, a date on the line, what follows)
# can add: a line whose other signs leave it below the best so far is not read further.
_TEXT_SIGNS_MAX = (W["matches_metadata"] + W["date_on_line"] + max(DATE_BELOW_BONUS.values())
                   + TEXT_BELOW[0][1] + max(DATE_ABOVE_BONUS.values()))


def candidate_score(lines: list[Line], i: int, ctx: _Context, floor: float | None = None) -> float | None:
    """How much line i looks like the page's headline (weights W); None when it cannot be one,
    or when it cannot score above `floor` (the best line so far)."""
    ln = lines[i]
    if ln.link_density > rules.MENU_LINE and not ln.heading and not ln.title_class:
        return None  # a menu entry or a listed link: a headline that is a link is a heading or named so
    text = ln.text
    words = len(text.split())
    if words > 60 or len(text) > 400:
        return None
    layout = _layout_score(ln, text, words)
    if ln.chrome and ln.named_only and not ln.banner and _text_under(lines, i):
        layout -= W["chrome"]  # (a name's vote: the article's text starts right under the line)
    if floor is not None:
        # Far longer than any metadata title (punctuation aside): no metadata sign can hold.
        text_max = _TEXT_SIGNS_MAX if len(text) <= 2 * ctx.longest + 40 else \
            _TEXT_SIGNS_MAX - W["matches_metadata"]
        if layout + text_max <= floor:
            return None  # (its cheap signs leave it below the best line so far)
    k = _key(text)
    if not k:
        return None
    # Two words, or counters and toolbars ("9 10 675"), are a headline only as a heading that the
    # page's <title> names ("Plejaden, M45"), or as the page's <h1> inside its <title>
    # ("SONNENENERGIE: Der WindRebell").
    if (words < 3 or len(_LETTER_WORD.findall(text)) < 2) and not (
            ln.heading and (k in ctx.stripped or (ln.heading == 1 and any(k in m for m in ctx.meta_keys)))):
        return None
    short = words <= 6
    is_meta = k in ctx.stripped
    if ln.drawn and (not (is_meta or any(k in m for m in ctx.meta_keys if m)) or _printed(lines, text)):
        # A picture's words head the page only where its metadata says them too, and no line
        # prints them (a lead photo's alt text repeats the headline printed above it).
        return None
    signs = (
        ("matches_metadata", words > SHORT_HEADING_WORDS and is_meta),
        ("matches_metadata_short", words <= SHORT_HEADING_WORDS and is_meta),
        ("inside_metadata", words > SHORT_HEADING_WORDS and not is_meta
         and any(k in m for m in ctx.meta_keys if m)),
        ("generic_heading", bool(rules.GENERIC_HEADING.match(text))),
        ("breadcrumb", is_breadcrumb(text)),
        ("capitals_label", short and text.isupper() and words <= SHORT_HEADING_WORDS + 1),
        ("menu_entry", short and ln.link_density < rules.LINK_LINE and text.casefold() in ctx.link_texts),
        ("mostly_date", words < 6 and find_date(text) is not None),
        ("site_name", words <= 12 and _is_site_piece(text)),
        ("contact", bool(rules.CONTACT_POINT.search(text))),
        # (as a heading, "Tác giả: X" heads a writer's archive: the classifier's evidence)
        ("credit", not ln.heading and bool(rules.AUTHOR_LABEL.match(text))),
        ("date_on_line", strip_trailing_date(text) != text),
    )
    return layout + sum(W[name] for name, present in signs if present) + _followers(lines, i) \
        + _date_above(lines, i)


TEXT_UNDER_LINES = 5


def _text_under(lines: list[Line], i: int) -> bool:
    """Does running text start right under line i, with at most a date or a byline between
    (no link line, no heading)? A box's heading in a sidebar has its links under it."""
    for ln in lines[i + 1:i + 1 + TEXT_UNDER_LINES]:
        if running_chars(ln):
            return True
        if ln.link_density > rules.LINK_LINE or ln.heading:
            return False
    return False


def _printed(lines: list[Line], text: str) -> bool:
    k = _key(text)
    return any(not ln.drawn and abs(len(ln.text) - len(text)) < 20 and _key(ln.text) == k for ln in lines)


def _layout_score(ln: Line, text: str, words: int) -> float:
    """The signs read from the line's place and look alone (and its heading level): cheap."""
    return sum(W[name] for name, present in (
        ("title_class", ln.title_class), ("bold", ln.bold), ("chrome", ln.chrome and not ln.banner),
        ("banner", ln.banner), ("caption", ln.caption), ("link", ln.link_density > rules.LINK_LINE),
        ("table_row", ln.row), ("short", words <= 6),
        ("sentence", words > 25 and text.endswith((".", ";", ","))),
        ("teaser", text.endswith(rules.TEASER_ENDS)), ("list_item", _list_item(ln))) if present) \
        + HEADING_BONUS.get(ln.heading, 0)


LIST_ITEMS = 3


def _list_item(ln: Line) -> bool:
    """One plain item of a list of several (<li>): a reference, a listed document, a point of
    the text; a headline is set apart from its neighbours."""
    owner = ln.owner
    if owner is None or owner.tag != "li" or ln.heading or ln.title_class or ln.bold:
        return False
    parent = owner.getparent()
    return parent is not None and sum(1 for el in parent if el.tag == "li") >= LIST_ITEMS


def make_context(lines: list[Line], metas: list[str]) -> _Context:
    # A <title> that only names the site (the school) says nothing about which line is the headline.
    metas = [m for m in metas if strip_site_name(m) and not _is_site_piece(strip_site_name(m))]
    return _Context([_key(strip_site_name(m)) for m in metas], [_key(m) for m in metas],
                    {ln.text.casefold() for ln in lines
                     if ln.link_density > rules.MENU_LINE and not ln.own_entry},
                    max((len(m) for m in metas), default=0))


def choose_title(lines: list[Line], metas: list[str], limit: int | None = None) -> TitleChoice:
    ctx = make_context(lines, metas)
    best: TitleChoice | None = None
    n = len(lines) if limit is None else min(limit, len(lines))
    for i in range(n):
        score = candidate_score(lines, i, ctx, best.score if best is not None else None)
        if score is not None and (best is None or score > best.score):
            best = TitleChoice(lines[i].text, i, score)
    if best is not None and best.score >= 3:
        headline = _metadata_headline(metas)  # (read once: four rules below ask for it)
        first = _first_of_kind(lines, best.idx, ctx) if headline is None else None
        if first is not None:
            best = TitleChoice(lines[first].text, first, best.score)
        top = lines[best.idx]
        plain = not (top.heading or top.title_class or top.bold)
        meta = headline if best.score < CONFIDENT_HEADLINE and plain else None
        if meta is None and best.score < SUBHEADING_OVERRULED:
            meta = headline
            if meta is not None and _key(top.text) != _key(meta) and _text_above(lines, best.idx):
                # A subheading: the metadata's headline heads the article. The subheading still
                # marks where our reading starts; the text above it is the second opinion's to
                # bring back (second_opinion.unsure: text above the headline).
                return TitleChoice(meta, None, 0.0, best.idx)
            meta = None
        if meta is not None and _key(top.text) not in (_key(meta), ""):
            # A weak visible line, set as plain text, that the metadata does not name, beside a
            # metadata title that reads like a headline: the page prints its headline where we do
            # not read it (an image, a script); the line still marks where the content starts.
            anchor = best.idx if top.link_density < rules.LINK_LINE else None
            return TitleChoice(meta, None, 0.0, _printing(lines, meta, anchor))
        best.text = _without_kicker(strip_trailing_date(_continued(lines, best.idx)), headline)
        return best
    anchor = best.idx if best is not None and best.score > 0 and \
        lines[best.idx].link_density < rules.LINK_LINE else None
    if anchor is not None and _plain_sentence(lines[anchor]):
        anchor = _heading_above(lines, anchor)  # (a short <h1> over it: too short to be a candidate)
    for m in metas:
        s = strip_site_name(m)
        if len(s.split()) >= 3 and not _is_site_piece(s):
            # The metadata names the page; the best visible candidate still marks where the
            # page's own content starts (for the date and the text), but is not the title.
            return TitleChoice(s, None, 0.0, _printing(lines, s, anchor))
    if best is not None and best.score >= 1.5:
        best.text = strip_trailing_date(best.text)
        return best  # no usable metadata: a weaker visible candidate beats no title
    return TitleChoice(None, None, 0.0)


def _first_of_kind(lines: list[Line], i: int, ctx: _Context) -> int | None:
    """A heading is one of the article's section headings when two or more earlier headings of
    the same level and element (tag and class) stand above it, each with running text under it:
    the first of them heads the article (a book's chapter whose sections are set as its headline
    is). A sidebar's heading over a blurb, then the headline, are two of a kind, not a run of
    sections. Asked only where the metadata names no headline to settle it."""
    ln = lines[i]
    if not ln.heading or ln.owner is None:
        return None
    kind = (ln.heading, ln.owner.tag, ln.owner.get("class"))
    run = [j for j in range(i) if lines[j].heading and lines[j].owner is not None and not lines[j].chrome
           and (lines[j].heading, lines[j].owner.tag, lines[j].owner.get("class")) == kind
           and lines[j].link_density < rules.LINK_LINE]
    if len(run) < SECTIONS_ABOVE or candidate_score(lines, run[0], ctx) is None:
        return None
    for a, b in zip(run, [*run[1:], i], strict=True):
        if sum(running_chars(x) for x in lines[a + 1:b] if not x.caption) < SECTION_TEXT_CHARS:
            return None
    return run[0]


SECTIONS_ABOVE = 2
SECTION_TEXT_CHARS = 100  # a section has a paragraph or more under its heading


def _plain_sentence(ln: Line) -> bool:
    """A sentence set as plain text (a paragraph): the article's first words, not a headline
    the metadata left unnamed. The content starts there, not after it."""
    text = ln.text
    return not (ln.heading or ln.title_class or ln.bold) and len(text.split()) >= SENTENCE_WORDS \
        and text.endswith((".", "!", "?")) and not text.endswith("..")


def _heading_above(lines: list[Line], i: int) -> int | None:
    """A heading right above line i (at most HEADING_ABOVE_LINES up), not a link or chrome."""
    for j in range(i - 1, max(-1, i - 1 - HEADING_ABOVE_LINES), -1):
        if lines[j].heading and lines[j].link_density < rules.LINK_LINE and not lines[j].chrome:
            return j
    return None


SENTENCE_WORDS = 12
HEADING_ABOVE_LINES = 2
SUBHEADING_OVERRULED = 8.0  # a line scoring under this, with the text going on above it, may be a subheading


def _text_above(lines: list[Line], i: int) -> bool:
    """Does the article's running text go on above line i, in the element holding the line and
    the paragraph after it? Then line i is one of its subheadings, not its headline."""
    first = next((j for j in range(i + 1, min(len(lines), i + 6))
                  if len(lines[j].text) >= 80 and lines[j].link_density < rules.TEXT_LINE
                  and not lines[j].chrome), None)
    return first is not None and \
        second_opinion.prose_above(lines, i, first) >= second_opinion.ABOVE_HEAD_CHARS


def _printing(lines: list[Line], title: str, anchor: int | None) -> int | None:
    """Where the content starts when the title comes from the metadata: the first line that
    prints it whole with little more (a breadcrumb ending with it), not a link; else `anchor`."""
    k = _key(title)
    if len(k.split()) < META_HEADLINE_WORDS:
        return anchor
    for ln in lines:
        if ln.link_density < rules.LINK_LINE and not ln.chrome and len(ln.text) <= len(title) + 80 \
                and not ln.text.rstrip().endswith(".") and k in _key(ln.text):
            return ln.idx  # (not a sentence of the text that names the event in the headline's words)
    return anchor


CONFIDENT_HEADLINE = 5.0  # a visible line scoring this much is the headline, whatever the metadata
META_HEADLINE_WORDS = 6  # a metadata title this long reads like a headline, not a section's name


KICKER_WORDS = 5


def _without_kicker(text: str, meta: str | None) -> str:
    """The headline without the section's label printed before it in the same heading
    (`<h1><span>Tin hoạt động</span> Khai giảng …</h1>`), when the metadata's headline (`meta`)
    is the rest of the line."""
    line = " ".join(text.split())
    if meta is None or len(line) <= len(meta) or not line.casefold().endswith(" " + meta.casefold()):
        return text
    kicker = line[:-len(meta)]
    return line[-len(meta):] if len(kicker.split()) <= KICKER_WORDS else text


def _metadata_headline(metas: list[str]) -> str | None:
    """The first metadata title (its site's name cut) long enough to be an article's headline."""
    for m in metas:
        s = strip_site_name(m)
        if len(s.split()) >= META_HEADLINE_WORDS and not _is_site_piece(s):
            return " ".join(s.split())
    return None


def _continued(lines: list[Line], i: int) -> str:
    """A headline broken over lines by <br> inside its heading: the pieces joined."""
    text = lines[i].text
    j = i + 1
    while j < len(lines) and j <= i + 2 and lines[j].owner is lines[i].owner and lines[i].heading and \
            not find_date(lines[j].text) and lines[j].link_density < rules.LINK_LINE and \
            len(text) + 1 + len(lines[j].text) <= MAX_HEADLINE_CHARS:
        text += " " + lines[j].text
        j += 1
    return text


def _date_above(lines: list[Line], i: int) -> float:
    """Bonus for a date line right above a line set like a headline (a heading, a title's class,
    bold): themes that print the date over the headline. (A listing's teasers under their
    dates are plain text.)"""
    if not (lines[i].heading or lines[i].title_class or lines[i].bold):
        return 0.0
    for j in range(i - 1, max(-1, i - 1 - len(DATE_ABOVE_BONUS)), -1):
        ln = lines[j]
        if len(ln.text) < 120 and ln.link_density < rules.LINK_LINE and not ln.row and not ln.chrome \
                and find_date(ln.text) is not None:
            return DATE_ABOVE_BONUS[i - j]
    return 0.0


def _followers(lines: list[Line], i: int) -> float:
    """Bonus for a date soon below, then running text: what follows a real headline."""
    bonus = 0.0
    # The date under a headline *link* is a listed item's: no sign that this page is about it.
    date_seen = lines[i].link_density > rules.LINK_LINE
    text_chars = 0
    for j in range(i + 1, min(len(lines), i + 12)):
        ln = lines[j]
        # (A short date line may be a link: WordPress links the date to the post itself.)
        if not date_seen and j <= i + 7 and len(ln.text) < 120 and \
                (ln.link_density < rules.LINK_LINE or len(ln.text.split()) <= DATE_LINK_WORDS) and \
                find_date(ln.text):
            date_seen = True
            # The date line sits right under a headline (a few meta lines may come between).
            bonus += DATE_BELOW_BONUS.get(j - i, DATE_FURTHER_BONUS)
        if ln.link_density < rules.TEXT_LINE and len(ln.text) > 80 and not ln.chrome:
            text_chars += len(ln.text)
    return bonus + next((b for chars, b in TEXT_BELOW if text_chars > chars), 0.0)
