"""Is a fetched page an article? Decided from what the extractor found on it and how it was reached.

An article shows a headline, a publication date by it and running text; a listing shows many
dated items and little text of its own; a static page (about, contact) has no date. Evidence
from outside the page weighs in too: a page linked by its own headline is an article even with
a long sidebar of dated links beside it; a page linked as "Giới thiệu", "Tin tức", "2" or a tag
is a section of the site, and the start page is the home page, whatever they print.

Every decision carries its reason, so the crawl log and the frontier say why a page was left out.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from crawler.parser import Article
from crawler.parser.published import URL_DATE
from crawler.parser.rules import TEASER_ENDS
from crawler.registry import School

MIN_BODY_WORDS = 40
# A page whose site prints no date is an article on stronger evidence: linked by its own headline
# from another page of the site (a listing's item; a menu entry is a section), a visible headline,
# no listing shape, and as much text as any article without a date by its headline.
MIN_BODY_WORDS_NO_DATE = 40
# A "headline" this short names a section ("Tin hoạt động") as often as an article.
MIN_HEADLINE_WORDS = 5
# Listed items of one shape after a little text of the page's own (a category's description).
MIN_ITEMS_AFTER_TEXT = 3
MAX_INTRO_WORDS = 80
# With the page's own headline as the link that led here, a listing must show its shape more.
MIN_LIST_ITEMS_HEADLINE = 3
# A visible headline with a visible date by it is an article even when its text is short: photo
# posts ("Một số hình ảnh tại hội thao:") carry one sentence and their captions.
MIN_BODY_WORDS_WITH_HEADLINE = 15
RECORD_ROWS = 4  # a table of this many rows with no text beside it is a record's page
RECORD_TEXT_CHARS = 40
MAX_DATED_LINES = 3  # more dated lines in the text block: a list of news items, not one article
MAX_LIST_ITEMS = 1  # headline-link-then-teaser pairs; two or more make a listing
# Share of the text's characters printed under headline links, one paragraph each (at least two):
# measured 0.96-1.0 on listings of the school sites, at most 0.53 on articles of any set.
MIN_TEASER_SHARE = 0.75
# How much of the headline a link's text must cover to be that headline (sidebars cut long
# headlines short; a menu entry "Giới thiệu" covers little of "Giới thiệu chung về Trường …").
HEADLINE_COVER = 0.6
SECTION_ANCHOR_WORDS = 5  # a link text this short that is not the headline names a section

# Link texts that say "open this item" without naming it: no evidence either way.
_READ_MORE = re.compile(r"^(?:xem\s+(?:tiếp|thêm|chi\s+tiết|tin)|chi\s+tiết|đọc\s+(?:tiếp|thêm)|"
                        r"read\s+more|more|continue|tiếp\s+tục|\.{3}|…|>>|»|\[?\s*more\s*\]?)\W*$", re.I)
# Links from one post to the next or the previous one ("Bài đăng Cũ hơn", "Bài trước", "Older
# Post"): they lead to an article as often as a read-more link does, and say no more about it.
_NEIGHBOUR = re.compile(r"^(?:[«‹<]\s*)?(?:(?:bài|tin)(?:\s+(?:viết|đăng))?\s+(?:trước|sau|tiếp(?:\s+theo)?|"
                        r"kế\s+tiếp|cũ\s+hơn|mới\s+hơn)|(?:older|newer|previous|next)\s+"
                        r"(?:post|article|entry|story))\s*[»›>]?\W*$", re.I)
# Link texts of a pager: the page they lead to is a later page of a listing.
_PAGER = re.compile(r"^(?:\d{1,4}|trang\s+(?:sau|trước|tiếp|cuối|đầu|\d+)|tiếp|sau|trước|next|prev(?:ious)?|"
                    r"last|first|cuối|đầu|[«»‹›<>]+|\.\.\.)\s*[«»‹›<>]*$", re.I)
# Headings of the pages that list what a tag, topic, category or writer holds ("Tags: chuyển đổi số").
_LABEL_TITLE = re.compile(r"^\s*(?:(?:tags?|thẻ|từ\s+kho[áa]|chủ\s+đề|chuyên\s+mục|danh\s+mục|tác\s+giả|"
                          r"lưu\s+trữ|archives?|category|topic|author|kết\s+quả\s+tìm\s+kiếm|tìm\s+kiếm)"
                          r"\s*(?::|$)|lưu\s+trữ\s+(?:tháng|năm|ngày)\s+\d)", re.I)
# Path segments of those pages in the CMSs these sites run (NukeViet /tag/, WordPress /tag/ and
# /author/, Joomla ?view=tag…).
_LISTING_SEGMENT = re.compile(r"(?:^|/)(?:tags?|topics?|author|tac-gia|tim-kiem|search|chu-de)(?:/|$)", re.I)
_LISTING_QUERY = re.compile(r"(?:^|&)(?:view=(?:tag|category|featured|archive)|tag=|s=|q=|keyword=)", re.I)
# An item's number in its address: `/12-khai-giang`, `khai-giang-214.html`, `?id=12`, `/12/`.
_ITEM_ADDRESS = re.compile(r"(?:^|[-_/])\d{2,}(?:[-_.]|$)|[?&](?:\w*id|p|tin|bai)=\d+", re.I)
_INDEX_PAGE = re.compile(r"^/(?:(?:index|default|home|trang-?chu)(?:\.\w{2,5})?|vi|en|home)?/?$", re.I)
_WORD = re.compile(r"\w+", re.UNICODE)
_NAMED = re.compile(r"[^\W\d_]{2}")  # (words: `khai-giang-lop-k45`, not `/` or `12/`)


@dataclass(frozen=True)
class Verdict:
    article: bool
    reason: str  # why not, in a few words ("" for an article)
    kind: str = ""  # the reason's short, stable name, counted per run ("home", "section", …)

    def __bool__(self) -> bool:
        return self.article


_YES = Verdict(True, "")


def _no(kind: str, reason: str) -> Verdict:
    return Verdict(False, reason, kind)


def is_article(art: Article, url: str, school: School | None = None) -> bool:
    """The page's own evidence only (`tct extract`, tests)."""
    return classify(art, url, school).article


def classify(art: Article, url: str, school: School | None = None, *, anchor: str | None = None,
             start_page: bool = False) -> Verdict:
    """Article or not, and why. anchor: the text of the link the crawl followed to this page;
    start_page: the page is a site's start URL."""
    parts = urlsplit(url)
    if school is not None and school.article_pattern is not None:
        target = parts.path + ("?" + parts.query if parts.query else "")
        if not school.article_pattern.search(target):
            return _no("pattern", "address outside the site's article pattern")
    if start_page or _is_home(url):
        return _no("home", "home page")
    if not art.title:
        return _no("no_headline", "no headline")
    if _LABEL_TITLE.match(art.title):
        return _no("listing", f"headed as a tag, topic, category or writer page ({art.title[:60]!r})")
    if _LISTING_SEGMENT.search(parts.path) or _LISTING_QUERY.search(parts.query):
        return _no("listing", "a tag, topic, writer or search page by its address")
    if not art.body:
        return _no("no_text", "no text")
    rows, prose = art.signals.get("rows", 0), art.signals.get("text_outside_rows", 0)
    if rows >= RECORD_ROWS and prose < RECORD_TEXT_CHARS:
        # A document's page (number, date issued, signer, summary, file), a contact card, a
        # list of documents: the rows of a table, no running text of its own.
        return _no("record", "a table's rows (a document's fields, a list of documents), no running text")
    if "date_from_url" in art.flags and not _named_after_date(parts.path):
        # (/2024/03/12/slug/ names a post; /2024/03/12/ alone is the day's archive)
        return _no("date_in_url", "a day's archive: no date but the address's, which ends with it")
    link = link_evidence(anchor, art.title)
    if link == "pager":
        return _no("pager", f"reached through a pager link ({anchor!r})")
    if link == "section":
        return _no("section", f"linked as a section of the site ({anchor!r}), not by its headline")
    # Linked by its headline: a listing's shape must be plainer to count (a sidebar of dated
    # links caught beside the text is not a listing); a short "headline" is a section's name.
    shape = _listing_shape(art, linked_by_headline=link == "headline")
    if shape:
        return _no("listing", shape)
    if not art.published_at:
        return _dateless(art, link, parts)
    # Strong: the headline is on the page and its date sits right by it (not metadata, not a
    # date found further down).
    # A theme that hides the date leaves it only in the metadata or the address: the headline's
    # link that led here is then the evidence the date by the headline would have been.
    visible = "title_from_metadata" not in art.flags
    dated_by_headline = not any(f.startswith("date_from_") for f in art.flags) and \
        -2 <= art.signals.get("date_gap", 99) <= 3
    strong = visible and (dated_by_headline or (link == "headline" and (
        "date_from_metadata" in art.flags or "date_from_url" in art.flags)))
    need = MIN_BODY_WORDS_WITH_HEADLINE if strong else MIN_BODY_WORDS
    if len(art.body.split()) < need:
        return _no("short", f"text shorter than {need} words")
    return _YES


def _named_after_date(path: str) -> bool:
    """A name follows the day in the address (`/2024/03/12/khai-giang-lop-k45/`): a post's."""
    day = URL_DATE.search(path)
    return day is not None and _NAMED.search(path, day.end()) is not None


def _dateless(art: Article, link: str | None, parts: SplitResult) -> Verdict:
    """A page with no date: an article only on the evidence a hidden date leaves (Joomla and
    WordPress let a site hide it): its own headline led here, shown on the page, over text."""
    if link != "headline":
        return _no("no_date", "no publication date (and not linked by its headline)")
    if "title_from_metadata" in art.flags:
        return _no("no_date", "no publication date and no visible headline")
    if len((art.body or "").split()) < MIN_BODY_WORDS_NO_DATE:
        return _no("no_date", f"no publication date and under {MIN_BODY_WORDS_NO_DATE} words")
    if art.signals.get("teasers", 0) or (art.body or "").rstrip().endswith(TEASER_ENDS):
        return _no("no_date", "no publication date, and its text is a teaser cut short")
    tail = "/".join([seg for seg in parts.path.split("/") if seg][-2:]) + "?" + parts.query
    if not (art.author or _ITEM_ADDRESS.search(tail) or art.signals.get("single_post")):
        # A static page (Giới thiệu, Lịch sử) linked from the menu by its full title looks the
        # same; CMSs number their articles (`/12-slug`, `-214.html`, `?id=12`), not those pages,
        # and WordPress and Drupal class a post's page so (`single-post`), not theirs.
        return _no("no_date", "no publication date, no byline, and not an item's address")
    return _YES


def _listing_shape(art: Article, linked_by_headline: bool = False) -> str:
    """Why the page reads as a list of news items, or ''."""
    sig = art.signals
    dated_headline = -2 <= sig.get("date_gap", 99) <= 3  # an article's date right by its headline
    if sig.get("teaser_share", 0) >= MIN_TEASER_SHARE:
        return "its text is teasers, each under a headline link: a listing"
    if sig.get("items_after_text", 0) >= MIN_ITEMS_AFTER_TEXT and not dated_headline and \
            len((art.body or "").split()) < MAX_INTRO_WORDS:
        return "a short text over a run of listed items: a section's page"
    if linked_by_headline:
        if sig.get("list_items", 0) >= MIN_LIST_ITEMS_HEADLINE:
            return "headline links followed by teasers: a listing"
        if sig.get("teasers", 0) >= MIN_LIST_ITEMS_HEADLINE:
            return "texts cut short with '…': teasers of a listing"
        return ""
    if sig.get("dated_lines", 0) > MAX_DATED_LINES:
        return "many dated lines: a list of items"
    if sig.get("list_items", 0) > MAX_LIST_ITEMS:
        return "headline links followed by teasers: a listing"
    if sig.get("teasers", 0) >= 2:
        return "texts cut short with '…': teasers of a listing"
    if sig.get("title_links_away"):
        return "its headline links to another page: a listing of one item"
    return ""


def _is_home(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.query and bool(_INDEX_PAGE.match(parts.path or "/"))


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def link_evidence(anchor: str | None, title: str | None) -> str | None:
    """What the link to a page says about it: "headline", "pager", "section", or None (no
    evidence: no link text, a "read more" link, an image without text)."""
    if not anchor:
        return None
    text = anchor.strip()
    if not text or _READ_MORE.match(text) or _NEIGHBOUR.match(text):
        return None
    if _PAGER.match(text):
        return "pager"
    words = _words(text)
    if not words:
        return None
    title_words = _words(title or "")
    if title_words:
        tset = set(title_words)
        covered = sum(1 for w in title_words if w in set(words)) / len(title_words)
        if len(title_words) < MIN_HEADLINE_WORDS and covered >= HEADLINE_COVER:
            return None  # "Giới thiệu" over "Giới thiệu chung": a section's name as much as a headline
        inside = sum(1 for w in words if w in tset) / len(words)
        if covered >= HEADLINE_COVER or (len(words) >= SECTION_ANCHOR_WORDS and inside >= 0.8):
            return "headline"
    return "section" if len(words) <= SECTION_ANCHOR_WORDS else None
