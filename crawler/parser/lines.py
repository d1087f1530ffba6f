"""Flatten an lxml tree into the page's visible text lines, in reading order, with layout cues.

Every extractor works on these lines: a line knows the block element that holds it, how much of
it is link text, and whether it sits in a heading, a caption or page chrome. Data-table rows
become one line with cells joined by " | "; `<br>` breaks a line unless the next piece continues
the sentence (Word-paste hard breaks), see `_continues`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from lxml import etree

from crawler.parser import rules, tcvn3
from crawler.parser.decode import nfc

_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
BOLD_SHARE = 0.7  # a line this much in bold type reads as bold
_WS = re.compile(r"[\s\u00a0\u200b\u200c\u200d\ufeff]+")


# Control characters never belong in text (ESC and BEL would drive a reader's terminal).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def clean_ws(text: str) -> str:
    """NFC, runs of white space (NBSP and zero-width ones too) as one space, none at the ends,
    control characters dropped."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "\u200b" in text or "\ufeff" in text or "\u200c" in text or "\u200d" in text:
        return nfc(_WS.sub(" ", text).strip())
    return nfc(" ".join(text.split()))  # str.split() splits on what \s matches, NBSP included


@dataclass(slots=True)
class Line:
    text: str
    owner: etree._Element
    idx: int = 0
    link_chars: int = 0
    heading: int = 0
    bold: bool = False
    italic: bool = False
    chrome: bool = False
    banner: bool = False  # chrome only for sitting in the page's <header> banner
    named_only: bool = False  # chrome only for a class or id name (not a landmark tag)
    caption: bool = False
    title_class: bool = False
    author_class: bool = False  # inside an element whose class or id names the writer
    right: bool = False
    image_block: bool = False
    row: bool = False
    after_image: bool = False  # an image stands between this line and the previous one
    after_player: bool = False  # ... a video's player (an <iframe>, <video>, <object>, <embed>)
    drawn: bool = False  # a headline printed as a picture: its alt text (never body text)
    own_entry: bool = False  # the page's own entry in a list of posts, linked to the page itself
    converted: bool = False  # typed in the TCVN3 legacy font, converted to Unicode
    anchors: list[str] = field(default_factory=list)
    # Elements around the line whose class or id name reads like chrome or a caption: a vote,
    # counted once the whole page is read (see `_settle_names`).
    named_chrome: tuple = ()
    named_caption: tuple = ()
    # Landmark elements around the line (<nav>, <aside>): chrome unless one holds most
    # of the page's running text (an unclosed <aside> around the article), settled likewise.
    landmarks: tuple = ()

    link_density: float = 0.0  # share of the text inside links, set when the line is made


@dataclass(slots=True)
class _Frame:
    block: bool
    chrome: bool = False
    banner: bool = False
    caption: bool = False
    link: bool = False
    bold: bool = False
    italic: bool = False
    right: bool = False
    title: bool = False
    author: bool = False
    heading: int = 0
    skip: bool = False
    row: bool = False
    cell: bool = False
    named_chrome: bool = False  # the class/id reads like chrome: a vote, not yet a verdict
    named_caption: bool = False
    landmark: bool = False  # <nav>, <aside>: chrome, unless it holds most of the text
    flagged: bool = False  # any of _FLAG_NAMES or a heading: the frame changes the context
    set_flags: tuple[str, ...] = ()  # which of _FLAG_NAMES it sets (counted on push and pop)


_FLAG_NAMES = ("chrome", "banner", "caption", "link", "bold", "italic", "right", "title", "author")
_PLAIN = _Frame(block=False)  # an inline element that changes nothing (shared, never modified)
_BLOCK = _Frame(block=True)  # a block element that sets no cue (shared, never modified)
_NO_CLASS_CUES = (False, False, False, False)


_LAYOUT_IN_ROW = etree.XPath(
    "./*[self::td or self::th]//*["
    + " or ".join(f"self::{t}" for t in sorted(rules.LAYOUT_IN_CELL)) + "][1]")
_TEXT_LENGTH = etree.XPath("string-length(string(.))")
_TABLE_ROWS = etree.XPath("./tr | ./tbody/tr | ./thead/tr | ./tfoot/tr")
LONE_ROW_CELLS, LONE_ROW_CHARS = 3, 300  # a layout's row beside a headline or a date line
_SKIP = _Frame(block=False, skip=True)  # shared, never modified
# Inline tags that, without attributes, set no cue: their frame is the shared _PLAIN.
_PLAIN_TAGS = frozenset({"span", "font", "small", "big", "sup", "sub", "u", "s", "abbr", "label",
                         "time", "code", "cite", "q", "mark", "ins", "del", "var", "tt"})


# A cell holding paragraphs of running text lays out a page (an old site's text column beside an
# advert's), where a data table's cell holds a figure, a name or a sentence or two.
PROSE_CELL_PARAGRAPHS, PROSE_PARAGRAPH_CHARS = 3, 80
_PROSE_CELL = etree.XPath(
    f"./*[self::td or self::th][count(.//p[string-length(normalize-space(.)) >= {PROSE_PARAGRAPH_CHARS}])"
    f" >= {PROSE_CELL_PARAGRAPHS}][1]")


def _is_data_row(tr: etree._Element) -> bool:
    cells = [c for c in tr if c.tag in ("td", "th")]
    if len(cells) < 2 or _LAYOUT_IN_ROW(tr):
        return False
    size = text_length(tr)
    if size <= CARD_MAX_CHARS and len(cells) == 2 and _has_words(cells[0]) != _has_words(cells[1]) and \
            any(c.find(".//img") is not None for c in cells):
        return False  # a short cell of words beside a picture's: a writer's card, no data
    return size < 3000 and (size < PROSE_CELL_PARAGRAPHS * PROSE_PARAGRAPH_CHARS or not _PROSE_CELL(tr))


def _has_words(el: etree._Element) -> bool:
    return any(t.strip() for t in el.itertext())


def _continues(prev: str, nxt: str) -> bool:
    """After a `<br>`, does `nxt` continue the sentence of `prev`? (lower-case start, no stop)."""
    if not prev or not nxt:
        return False
    first = nxt[0]
    return first.islower() and prev[-1] not in ".!?:;…\"”»)"


_FILE_HREF = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif)(?:[?#]|$)", re.I)
CARD_MIN_CHARS, CARD_MAX_CHARS = 20, 400  # a card's text: a headline, perhaps a label and a teaser
FORM_BOX_CHARS = 400  # a form's box: its fields' labels, a heading and a pitch of a sentence or two
_MEDIA_TAGS = frozenset({"img", "svg", "i", "picture", "video", "iframe", "object", "embed"})
HEADLINE_ALT_WORDS = 3  # an image's alt text this long in an empty heading is the heading's words

# A schema.org property for machines holds an address or a name; one around more text is a
# wrapper (`itemprop="mainEntityOfPage"` on the whole article) and is read.
METADATA_CHARS = 300


class _Linearizer:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.frames: list[_Frame] = []
        self.blocks: list[etree._Element] = []
        self.buf: list[tuple[str, bool, bool, bool]] = []  # (text, in_link, bold, italic)
        self.br_pending = False
        self.row_cells: list[str] | None = None
        self.cell_buf: list[str] = []
        self.anchors: list[str] = []
        self.image_pending = False
        self.player_pending = False  # a video's player stands before the pending line
        self.author_seen = False  # some text of the pending line sits in a writer's element
        self.drawn = False  # the pending line is a picture's alt text (a headline drawn)
        self.total_text = 1
        self.counts = dict.fromkeys(_FLAG_NAMES, 0)
        self.with_image: set[etree._Element] = set()  # elements with an <img> inside
        self.headings: list[int] = []
        self.named_chrome: list[etree._Element] = []  # open elements named like chrome
        self.named_caption: list[etree._Element] = []
        self.landmarks: list[etree._Element] = []  # open <nav> and <aside> elements
        self.cards: set[etree._Element] = set()  # elements a link with no text of its own covers
        self.rows_of_text: dict[etree._Element, int] = {}  # table -> its rows of two cells of text
        self.form_boxes: set[etree._Element] = set()  # a form a reader fills in, with its pitch

    def find_form_boxes(self, root: etree._Element) -> None:
        """The box around each form a reader fills in (a newsletter's sign-up, a comment form, a
        search): the largest element holding one of its fields and no more than FORM_BOX_CHARS
        of text, its heading and its pitch ("Đăng ký nhận bản tin", "Join our newsletter…").
        Named like chrome (a vote the text may overrule), whatever its class says. Looked for
        from each field, not from its <form>: a sign-up box that a script sends has no form, and
        ASP.NET WebForms wrap the whole page in one."""
        sizes: dict[etree._Element, int] = {}  # (fields of one box share their ancestors)
        for control in root.iter("input", "textarea", "select"):
            if not _is_field(control):
                continue
            box = None
            el: etree._Element | None = control
            try:
                while el is not None and el.getparent() is not None:
                    if el not in sizes:
                        sizes[el] = text_length(el)
                    if sizes[el] > FORM_BOX_CHARS:
                        break
                    box, el = el, el.getparent()
            except ValueError:
                continue
            if box is not None and box is not control:
                self.form_boxes.add(box)

    def find_cards(self, root: etree._Element) -> None:
        """Cards whose link is laid over them: an `<a>` with no visible text (at most a hidden
        label for screen readers) and no picture or icon, the only link of a short block (20 to
        400 characters: a headline, perhaps a label and a teaser), which a style stretches over
        the block (`<a class="absolute inset-0">`, Bootstrap's `stretched-link`). Clicking
        anywhere on the card follows it: its text is link text."""
        for a in root.iter("a"):
            if (a.text and not a.text.isspace()) or (a.tail and not a.tail.isspace()):
                continue  # (most links: words of their own, or inside a sentence)
            href = (a.get("href") or "").strip()
            if not href or href.startswith("#") or href.lower().startswith("javascript") or \
                    _FILE_HREF.search(href):
                continue  # (a file's empty link left in a text by its editor is no card's)
            if any((d.tail or "").strip() or (d.tag in _MEDIA_TAGS) or (
                    (d.text or "").strip() and not _hiding_class(d.get("class") or ""))
                    for d in a.iterdescendants()):
                continue  # (an icon's link, an image's link, a link with words)
            card = a.getparent()
            if card is None or (card.text or "").strip() or sum(1 for _ in card.iter("a")) != 1:
                continue
            try:
                size = text_length(card)
            except ValueError:
                continue
            if CARD_MIN_CHARS <= size <= CARD_MAX_CHARS:
                self.cards.add(card)

    def find_images(self, root: etree._Element) -> None:
        for img in root.iter("img"):
            for el in img.iterancestors():
                if el in self.with_image:
                    break
                self.with_image.add(el)
            self.with_image.add(img)

    def _holds_most_text(self, el: etree._Element) -> bool:
        try:
            return text_length(el) > 0.5 * self.total_text
        except ValueError:
            return False

    # Flags of the current context are counters of open frames that set them (O(1) per text).
    def push(self, fr: _Frame, el: etree._Element) -> None:
        self.frames.append(fr)
        if not fr.flagged:
            return
        if fr.named_chrome:
            self.named_chrome.append(el)
        if fr.named_caption:
            self.named_caption.append(el)
        if fr.landmark:
            self.landmarks.append(el)
        counts = self.counts
        for name in fr.set_flags:
            counts[name] += 1
        if fr.heading:
            self.headings.append(fr.heading)

    def pop(self) -> None:
        fr = self.frames.pop()
        if not fr.flagged:
            return
        if fr.named_chrome:
            self.named_chrome.pop()
        if fr.named_caption:
            self.named_caption.pop()
        if fr.landmark:
            self.landmarks.pop()
        counts = self.counts
        for name in fr.set_flags:
            counts[name] -= 1
        if fr.heading:
            self.headings.pop()

    def add_text(self, text: str | None) -> None:
        if not text:
            return
        if self.row_cells is not None:
            self.cell_buf.append(text)
            return
        if self.br_pending and text.strip():
            prev = clean_ws("".join(t for t, *_ in self.buf))
            if not _continues(prev, text.strip()):
                self.flush()
            else:
                self.buf.append((" ", False, False, False))
            self.br_pending = False
        if self.buf and text[:1].isdigit() and self.buf[-1][0][-1:].isdigit():
            # Two elements printed back to back (`<time>2023</time><time>30…`): keep numbers apart.
            self.buf.append((" ", False, False, False))
        counts = self.counts
        if counts["author"] and not self.author_seen:
            self.author_seen = bool(text.strip())
        self.buf.append((text, counts["link"] > 0, counts["bold"] > 0, counts["italic"] > 0))

    def flush(self) -> None:
        self.br_pending = False
        if not self.buf:
            return
        buf = self.buf
        text = clean_ws(buf[0][0] if len(buf) == 1 else _joined([t for t, _, _, _ in buf]))
        converted = bool(text) and tcvn3.is_tcvn3(text)
        if converted:
            text = tcvn3.convert(text)
        if text:
            link = bold_chars = plain_chars = 0
            italic = True
            for t, lk, b, i in buf:
                if lk:
                    link += len(clean_ws(t))
                if t.strip():  # pieces of mere whitespace don't count
                    if b:
                        bold_chars += len(t)
                    else:
                        plain_chars += len(t)
                    italic = italic and i
            # A headline in bold with its date after it in plain type is still a bold line.
            bold = bold_chars >= BOLD_SHARE * (bold_chars + plain_chars)
            owner = self.blocks[-1] if self.blocks else None
            counts = self.counts
            link = min(link, len(text))
            line = Line(
                text=text, owner=owner, idx=len(self.lines), link_chars=link,
                link_density=link / len(text),
                heading=max(self.headings) if self.headings else 0, bold=bold, italic=italic,
                chrome=counts["chrome"] > 0 or counts["banner"] > 0,
                banner=counts["banner"] > 0 and not counts["chrome"] and not self.landmarks,
                caption=counts["caption"] > 0,
                title_class=any(f.title for f in self.frames[-4:]) if counts["title"] else False,
                right=counts["right"] > 0, author_class=self.author_seen,
                image_block=owner is not None and owner in self.with_image, anchors=self.anchors,
                after_image=self.image_pending, after_player=self.player_pending, converted=converted,
                named_chrome=tuple(self.named_chrome) if self.named_chrome else (),
                named_caption=tuple(self.named_caption) if self.named_caption else (),
                landmarks=tuple(self.landmarks) if self.landmarks else (), drawn=self.drawn,
            )
            self.lines.append(line)
            self.image_pending = self.player_pending = False
        self.buf = []
        self.anchors = []
        self.author_seen = False
        self.drawn = False

    def start(self, el: etree._Element) -> _Frame:
        tag = el.tag  # lxml's HTML parser gives lower-case names
        if tag in rules.DROP_TAGS:  # (a video's player: the line under it may be its caption)
            self.player_pending = self.player_pending or tag in _PLAYER_TAGS
            return _SKIP
        attrs = dict(el.items()) if el.keys() else _NO_ATTRS  # (read once: each get() is a call)
        if tag in _PLAIN_TAGS and not attrs:  # <span>, <font>… with no attributes: no cue
            return _PLAIN
        style = attrs.get("style") or ""
        cls = attrs.get("class")
        if attrs and (attrs.get("aria-modal") == "true" or attrs.get("role") in _DIALOG_ROLES):
            return _SKIP  # a modal dialog is shown over the page when asked for: never the article
        hidden = attrs and (bool(style and rules.HIDDEN_STYLE.search(style))
                            or bool(cls and _hiding_class(cls))
                            or attrs.get("aria-hidden") == "true" or "hidden" in attrs)
        if hidden and not self._holds_most_text(el):
            # Hidden by its style, by the CSS class every framework has for it (schema.org data),
            # from every reader, screen readers included (a closed dialog: cookie settings, a
            # log-in form), or by HTML's `hidden` — unless it holds most of the page's text: React
            # streams a Next.js page's article into a `<div hidden>` that a script then shows, and
            # themes fold an article's start away for a script to unfold.
            return _SKIP
        if _for_machines(el, tag, attrs):
            return _SKIP
        if tag == "img":
            if attrs.get("alt") and self._headline_picture(el):
                self.add_text(" " + attrs["alt"] + " ")  # the heading's words, drawn
                self.drawn = True
            else:
                self.image_pending = True
        elif tag == "br":
            if self.row_cells is not None:
                self.cell_buf.append(" ")
            else:
                self.br_pending = True
            return _PLAIN
        # An ASP.NET label (`<span id="…_lblContent">`, DNN and WebForms portals) holds a field of
        # its own (a date, the whole text): it starts and ends a line like a block.
        block = tag in rules.BLOCK_TAGS or (
            tag == "span" and bool(rules.LABEL_ID.search(attrs.get("id") or "")))
        fr = self._cues(el, attrs, tag, style, block)
        if self.cards and el in self.cards and not fr.link:
            fr = replace(fr, link=True, flagged=True, set_flags=(*fr.set_flags, "link"))
        if self.form_boxes and el in self.form_boxes and not fr.named_chrome:
            fr = replace(fr, named_chrome=True, flagged=True)
        if tag == "tr" and self.row_cells is None and _is_data_row(el) and not self._lone_row(el):
            self.flush()
            fr = replace(fr, row=True)  # a copy: fr may be a shared frame
            self.row_cells = []
            return fr
        if tag in ("td", "th") and self.row_cells is not None:
            fr = replace(fr, cell=True)
            self.cell_buf = []
            return fr
        if block and self.row_cells is None:
            self.flush()
            self.blocks.append(el)
        elif block and self.cell_buf:
            self.cell_buf.append(" ")  # (paragraphs inside a cell: "HIỆU TRƯỞNG" over the name)
        return fr

    def _headline_picture(self, img: etree._Element) -> bool:
        """Is this image a headline drawn as a picture (a banner theme's), its words in the alt
        text alone? It sits in a heading, or a block set in bold or named as a title, that holds
        no text of its own, and the alt reads like words, not a file's name. Its line is marked
        `drawn`: a headline when the page's metadata names it (title.py), never body text."""
        alt = img.get("alt") or ""
        if not (self.headings or self.counts["title"] or self.counts["bold"]) or not self.blocks \
                or len(alt.split()) < HEADLINE_ALT_WORDS or rules.FILE_NAME_LINE.match(alt.strip()):
            return False
        return text_length(self.blocks[-1]) == 0

    def _cues(self, el: etree._Element, attrs: dict[str, str], tag: str, style: str,
              block: bool) -> _Frame:
        """The frame of an element: which cues (chrome, caption, link, bold…) it sets. Elements
        that set none share one frame per kind, and elements alike in tag and the attributes
        read here share one frame (frames are never modified), so most cost no allocation."""
        cls, ident, align = attrs.get("class"), attrs.get("id"), attrs.get("align")
        # schema.org's itemprop, HTML's rel and a data-role saying "author" mark the writer as
        # plainly as a class does, and no theme renames them.
        writer = False
        for a in _WRITER_ATTRS:  # (most elements carry none of them: no generator per element)
            value = attrs.get(a)
            if value and "author" in value.lower():
                writer = True
                break
        if tag == "a":
            href = attrs.get("href")
            if href:
                self.anchors.append(href)
        key = (tag, cls, ident, style, align, block, writer)
        fr = _FRAMES.get(key)
        if fr is None:
            fr = self._new_frame(el, tag, style, block, cls, ident, align, writer)
            if tag not in _FRAME_OF_CONTEXT:
                if len(_FRAMES) >= MAX_FRAMES_KEPT:
                    _FRAMES.clear()
                _FRAMES[key] = fr
        return fr

    def _new_frame(self, el: etree._Element, tag: str, style: str, block: bool, cls: str | None,
                   ident: str | None, align: str | None, writer: bool) -> _Frame:
        attrs = (cls or "") + " " + (ident or "")
        chrome_cls, caption_cls, title_cls, author_cls = (_attr_flags(attrs) if len(attrs) > 1
                                                          else _NO_CLASS_CUES)
        author_cls = author_cls or writer
        if tag == "form" and _has_controls(el):
            chrome_cls = True  # comment, search and sign-up forms; one around the page holds its text
        chrome = tag in rules.CHROME_TAGS and tag not in rules.LANDMARK_TAGS
        landmark = tag in rules.LANDMARK_TAGS
        banner = tag == "header" and not any(a.tag == "article" for a in el.iterancestors())
        caption = tag in ("figcaption", "caption")
        link = tag == "a"
        bold = tag in ("b", "strong") or bool(style and _BOLD_STYLE.search(style))
        italic = tag in ("i", "em")
        right = (align or "").lower() == "right" or bool(style and rules.RIGHT_ALIGN.search(style))
        heading = rules.HEADING_TAGS.get(tag, 0)
        if not (chrome or caption or link or bold or italic or right or title_cls or author_cls or heading
                or chrome_cls or caption_cls or banner or landmark):
            return _BLOCK if block else _PLAIN
        flags = (chrome, banner, caption, link, bold, italic, right, title_cls, author_cls)
        return _Frame(block=block, chrome=chrome, banner=banner, caption=caption, link=link, bold=bold,
                      italic=italic, right=right, title=title_cls, author=author_cls, heading=heading,
                      named_chrome=chrome_cls, named_caption=caption_cls, landmark=landmark, flagged=True,
                      set_flags=tuple(n for n, on in zip(_FLAG_NAMES, flags, strict=True) if on))

    def _lone_row(self, tr: etree._Element) -> bool:
        """A short row of two or three cells, the only one of its table with two cells of text:
        a layout's row (the headline beside its date or the print tools, the date beside the
        view counter), whose cells are lines of their own, not a table's data."""
        cells = [c for c in tr if c.tag in ("td", "th")]
        if len(cells) > LONE_ROW_CELLS or text_length(tr) > LONE_ROW_CHARS:
            return False
        table = tr.getparent()
        if table is not None and table.tag in ("tbody", "thead", "tfoot"):
            table = table.getparent()
        if table is None:
            return False
        if table not in self.rows_of_text:
            self.rows_of_text[table] = sum(
                1 for row in _TABLE_ROWS(table)
                if sum(1 for c in row if c.tag in ("td", "th") and _has_words(c)) >= 2)
        return self.rows_of_text[table] <= 1

    def end(self, el: etree._Element, fr: _Frame) -> None:
        if fr.cell and self.row_cells is not None:
            self.row_cells.append(clean_ws("".join(self.cell_buf)))
            self.cell_buf = []
        elif fr.row:
            cells = [c for c in (self.row_cells or []) if c]
            self.row_cells = None
            if cells:
                self.blocks.append(el)
                self.buf = [(" | ".join(cells), False, False, False)]
                self.flush()
                self.lines[-1].row = True
                self.blocks.pop()
        elif fr.block and self.row_cells is None:
            self.flush()
            if self.blocks and self.blocks[-1] is el:
                self.blocks.pop()


# Frames of elements by (tag, class, id, style, align, block, writer), shared across pages: a host's pages
# repeat their markup. A <form>'s frame depends on its fields and a <header>'s on where it sits.
_SYMBOL_ONLY = re.compile(r"[^\w\s]{1,3}")


_SENTENCE_CLOSE = frozenset('.!?…"”»)')
_WORD_END = re.compile(r"(?<!\w)[^\W\d_]{2,}$")
_CLOCK_OR_DAY = re.compile(r"\d{1,2}[:/.h-]\d")  # "Hồng Vân" then "15:05 | 10/06/2024": a name, then a time


def _capitals_end(piece: str) -> bool:
    """Does the piece end with a whole word in capitals ("…LIÊN QUAN" before "XEM THÊM")?"""
    found = _WORD_END.search(piece) if piece[-1].isupper() else None
    return found is not None and found.group().isupper()


def _joined(pieces: list[str]) -> str:
    """The text nodes of a line in order. Two elements printed one after the other with no space
    between, the first ending a word in lower case, a whole word in capitals or a sentence, and the
    second opening with a capital, are two things a style sets apart (a kicker over a headline in
    one <h1>, "…zur MigrationChiesa ruft…"; two tabs, "BÀI VIẾT LIÊN QUANXEM THÊM"): a space goes
    between them; so it does between a word and a time or a day ("Hồng Vân" and "15:05"). A drop
    cap (`<span>T</span>rong`) or a word's letters in two tags stay one word."""
    out = [pieces[0]]
    prev = pieces[0]
    for t in pieces[1:]:
        if prev and t and (t[0].isupper() and (prev[-1].islower() or prev[-1] in _SENTENCE_CLOSE
                                               or _capitals_end(prev))
                           or prev[-1].isalpha() and _CLOCK_OR_DAY.match(t)):
            out.append(" ")
        out.append(t)
        prev = t if t else prev
    return "".join(out)


def _for_machines(el: etree._Element, tag: str, attrs: dict[str, str]) -> bool:
    """schema.org data printed for machines (a logo's address, the page's own URL), or a
    heading's permalink sign ("#", "¶", "§"): no word of the page."""
    if tag == "a":
        return not len(el) and attrs.get("href", "").startswith("#") and \
            bool(_SYMBOL_ONLY.fullmatch((el.text or "").strip()))
    prop = attrs.get("itemprop")
    return bool(prop) and prop in rules.METADATA_PROPS and text_length(el) <= METADATA_CHARS
_FRAMES: dict[tuple, _Frame] = {}
_FRAME_OF_CONTEXT = frozenset({"form", "header"})
_NO_ATTRS: dict[str, str] = {}  # (shared, never modified)
_PLAYER_TAGS = frozenset({"iframe", "video", "object", "embed"})
_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
_WRITER_ATTRS = ("itemprop", "rel", "data-role")
MAX_FRAMES_KEPT = 8192


def _has_controls(form: etree._Element) -> bool:
    """A form a reader fills in (a visible field, a text box, a list), not a page-wide wrapper of
    hidden state (ASP.NET WebForms wrap every page in one <form>; the text vote settles that)."""
    return any(_is_field(el) for el in form.iter("input", "textarea", "select"))


def _is_field(el: etree._Element) -> bool:
    """A field a reader fills in or picks from (a hidden input holds a page's state)."""
    return el.tag != "input" or (el.get("type") or "text").lower() != "hidden"


def text_length(el: etree._Element) -> int:
    return int(_TEXT_LENGTH(el))


@functools.lru_cache(maxsize=4096)
def _hiding_class(cls: str) -> bool:
    return bool(rules.HIDDEN_CLASS.search(cls)) and not rules.SHOWN_FROM_WIDTH.search(cls)


@functools.lru_cache(maxsize=4096)
def _attr_flags(attrs: str) -> tuple[bool, bool, bool, bool]:
    """(chrome, caption, title, author) cues of a class+id string; class strings repeat on a page."""
    if rules.POST_CLASS.search(attrs):  # WordPress's post classes: its tags and categories as words
        attrs = rules.TAXONOMY_CLASS.sub(" ", attrs)
    if "--" in attrs:  # BEM modifiers (`block--social-icons`) say how a block looks, not what it is
        attrs = rules.MODIFIER_CLASS.sub(" ", attrs)
    return (bool(rules.CHROME_CLASS.search(attrs)), bool(rules.CAPTION_CLASS.search(attrs)),
            bool(rules.TITLE_CLASS.search(attrs)) and not rules.TITLE_CLASS_BAD.search(attrs),
            bool(rules.AUTHOR_CLASS.search(attrs)))


def linearize(root: etree._Element) -> list[Line]:
    """The visible text lines of the tree under `root`, in document order."""
    lin = _Linearizer()
    lin.find_images(root)
    lin.find_cards(root)
    lin.find_form_boxes(root)
    try:
        # (What scripts and styles hold is no text: a Next.js page carries 30 times its text in them.)
        lin.total_text = max(1, text_length(root) - sum(
            text_length(el) for el in root.iter("script", "style", "template")))
    except ValueError:
        pass
    walker = etree.iterwalk(root, events=("start", "end"))
    stack = lin.frames  # every start event has its end event, skipped subtrees' roots included
    for event, el in walker:
        if el.tag.__class__ is not str:  # comments, processing instructions
            if event == "end":
                lin.add_text(el.tail)
            continue
        if event == "start":
            fr = lin.start(el)
            lin.push(fr, el)
            if fr.skip:
                walker.skip_subtree()
                continue
            lin.add_text(el.text)
        else:
            fr = stack[-1]
            if not fr.skip:
                lin.end(el, fr)  # flush while the element's own flags are still on the stack
            lin.pop()
            lin.add_text(el.tail)
    lin.flush()
    _settle_names(lin.lines)
    return lin.lines


PROSE_SHARE = 0.5  # a named block holding this much of the page's running text is the article's
KIND_LEAD_SHARE = 0.25  # blocks of one name pool their text when one of them holds this much
LANDMARK_SHARE = 0.8  # ... a <nav> or <aside> this much
SILENCED_SHARE = 0.1  # names that leave less than this of the running text unnamed are no evidence


def running_chars(ln: Line) -> int:
    """Characters of running text on a line (names aside): sentences, not links or teasers."""
    text = ln.text
    if len(text) < 40 or ln.link_density >= rules.TEXT_LINE or ln.chrome or text.endswith(rules.TEASER_ENDS):
        return 0
    return len(text)


def _prose_held(lines: list[Line], elements) -> tuple[dict[int, int], int]:
    """Running characters held by each element that elements(line) names (by id; the lines hold
    the elements), and the page's total."""
    held: dict[int, int] = {}
    total = 0
    for ln in lines:
        prose = running_chars(ln)
        total += prose
        if prose:
            for el in elements(ln):
                held[id(el)] = held.get(id(el), 0) + prose
    return held, total


def _settle_landmarks(lines: list[Line]) -> None:
    """A <nav> or an <aside> is page furniture unless it holds nearly all of the page's running
    text: then a tag left open (a sidebar's widgets never closed) wrapped the article in it. (A
    landmark says more than a name: a sidebar beside a table or a short text may hold most of
    a page's prose.)"""
    held, total = _prose_held(lines, lambda ln: ln.landmarks)
    floor = LANDMARK_SHARE * total
    for ln in lines:
        if ln.landmarks and not ln.chrome:
            ln.chrome = any(held.get(id(el), 0) < floor or not total for el in ln.landmarks)


def _named_elements(lines: list[Line]) -> list[etree._Element]:
    seen: dict[int, etree._Element] = {}
    last = None
    for ln in lines:
        names = (ln.named_chrome, ln.named_caption)
        if names != last:  # (lines of one block share their tuples)
            for el in (*ln.named_chrome, *ln.named_caption):
                seen[id(el)] = el
            last = names
    return list(seen.values())


def _kind(el: etree._Element) -> tuple:
    return el.tag, el.get("class"), el.get("id") if el.get("class") is None else None


def _text_going_on(lines: list[Line], named: dict[int, int], floor: float) -> set[int]:
    """Named elements (by id) in which the page's running text goes on: the element's first line
    is a paragraph right after a paragraph of unnamed running text, and it holds `floor` of the
    page's prose or more (the article's second half in a block a theme calls `sidebar-bottom`).
    A sidebar opens with a heading, a form or links, not with the text's next paragraph."""
    out: set[int] = set()
    for prev, ln in zip(lines, lines[1:], strict=False):
        if not ln.named_chrome or prev.named_chrome or prev.named_caption or not running_chars(prev) \
                or not running_chars(ln) or prev.heading or ln.heading:
            continue
        out.update(id(el) for el in ln.named_chrome if named.get(id(el), 0) >= floor and _opens(el, ln))
    return out


def _opens(el: etree._Element, ln: Line) -> bool:
    """Does line `ln` hold the first words inside `el`?"""
    first = next((t for t in el.itertext() if t.strip()), "")
    return bool(first) and ln.text.startswith(clean_ws(first)[:20])


def _settle_names(lines: list[Line]) -> None:
    """Class and id names vote; the text decides. An element named like page chrome (`sidebar`,
    `tag-…`, `share`) or a caption is so unless it holds most of the page's running text: then
    the name was a theme's word for a column and the article is inside."""
    _settle_landmarks(lines)
    named, total = _prose_held(lines, lambda ln: {*ln.named_chrome, *ln.named_caption})
    # Blocks of one name share its vote: a theme that prints each run of the article's
    # paragraphs in a block of its own (`article-widget article-widget-text`, one per run between
    # embeds) holds the text in all of them together. Only where one of them already holds a
    # large part of it (KIND_LEAD_SHARE): the many small comments of a long thread, each named
    # `comment`, hold most of a page's prose between them and stay furniture.
    floor = PROSE_SHARE * total
    lead_floor = KIND_LEAD_SHARE * total
    # (Only kinds with one block over the lead bar are counted: most pages have none.)
    leading = {_kind(el) for el in _named_elements(lines) if named.get(id(el), 0) >= lead_floor} \
        if total else set()
    kinds: dict[tuple, int] = dict.fromkeys(leading, 0)
    if leading:
        for ln in lines:
            prose = running_chars(ln) if ln.named_chrome or ln.named_caption else 0
            if prose:
                for kind in {_kind(el) for el in (*ln.named_chrome, *ln.named_caption)} & leading:
                    kinds[kind] += prose

    going_on = _text_going_on(lines, named, lead_floor) if total else set()

    def named_so(el: etree._Element) -> bool:
        if not total or named.get(id(el), 0) >= floor or id(el) in going_on:
            return not total
        return not leading or kinds.get(_kind(el), 0) < floor

    for ln in lines:
        if ln.named_chrome and not ln.chrome:
            ln.chrome = ln.named_only = any(named_so(el) for el in ln.named_chrome)
        if ln.named_caption and not ln.caption:
            ln.caption = any(named_so(el) for el in ln.named_caption)
    # Names that silenced nearly all of the page's running text between them (a page builder that
    # calls every block of the article a "widget", a theme whose <body> says "no-sidebar") are
    # no evidence on this page: its prose lines are text again; links and short lines stay chrome.
    if total and sum(running_chars(ln) for ln in lines) < SILENCED_SHARE * total:
        for ln in lines:
            if ln.named_only and len(ln.text) >= 40 and ln.link_density < rules.TEXT_LINE \
                    and not ln.text.endswith(rules.TEASER_ENDS):
                ln.chrome = ln.named_only = False
