"""The same articles in other markup: what a layout nobody here has seen may do to the fields.

    python benchmarks/layout_variants.py [--pages DIR ...] [--show N]

Each page with its expected fields (the shared devset and realdev where they sit beside this
checkout, the project's own corpus, or the DIRs given) is rewritten in ways a reader would not
notice or would skip over — paragraphs wrapped in more blocks, `<p>` turned into `<div>` or into
text broken by `<br>`, every `<div>` a `<section>`, the body's blocks in reverse order, the page
put in a layout table, `<font>` inside every paragraph, a box of other articles' headlines and
teasers above the text, inside it or after it, a comment thread after it or inside its block,
the byline printed four other ways or as a reporter's credit, one card of another article
between two paragraphs, the text in decomposed Unicode, the page served in windows-1258, the
headline printed as a picture, the date given only in the page's metadata, a notice's signature
block, the writer's linked name moved over the text, a sign-up box, a box about the writer or
one of the writer's other articles after the article — and extracted again. Per
variant: the share of pages still taken as an article (by the classifier, with and without a
headline link leading to them), each field right, the body F1, and every field right; then the
pages that lost something. The pages themselves are never changed on disk.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.extract_bench import FAMILIES, f1, minute, norm  # noqa: E402
from crawler.classify import classify  # noqa: E402
from crawler.parser import extract, parse_tree  # noqa: E402
from crawler.parser.decode import decode_html  # noqa: E402

PERSON_FIELDS = ("author", "author_degree", "author_role")
COLUMNS = ("article", "title", "date", *PERSON_FIELDS, "body", "all")
ALL_RIGHT_BODY = 0.9  # body F1 from which a page counts as right in the "all" column

# Written for this benchmark: a school site's box of other news, and a comment thread.
NEWS_BOX = "<div><h3>Tin mới</h3><ul>" + "".join(
    f'<li><a href="/tin-tuc/tin-{i}.html">Hội nghị sơ kết công tác đào tạo quý {i} năm 2023 tại '
    f"cơ sở {i}</a> <span>(0{i}/05/2023)</span><p>Sáng ngày 0{i}/5, nhà trường tổ chức hội nghị sơ "
    "kết công tác, đánh giá kết quả đào tạo, bồi dưỡng cán bộ...</p></li>"
    for i in range(1, 6)) + "</ul></div>"
COMMENTS = "<div><h4>Ý kiến bạn đọc (3)</h4>" + "".join(
    f"<div><b>Nguyễn Văn {name}</b> <span>1{i}:2{i} 0{i}/06/2023</span><p>Bài viết rất hay và bổ "
    "ích, cảm ơn tác giả đã chia sẻ những thông tin cần thiết về hoạt động của nhà trường.</p></div>"
    for i, name in enumerate(("An", "Bình", "Cường"), 1)) + \
    "<form><textarea></textarea><button>Gửi bình luận</button></form></div>"


def _fragment(markup: str) -> etree._Element:
    return etree.fromstring(markup, etree.HTMLParser()).find(".//body")[0]


def _text(el: etree._Element) -> str:
    return unicodedata.normalize("NFC", " ".join("".join(el.itertext()).split()))


def _first_paragraph(root: etree._Element, truth: dict) -> etree._Element | None:
    """The innermost element holding the start of the expected body."""
    first = unicodedata.normalize("NFC", (truth.get("body") or "").split("\n")[0])[:30].strip()
    found = None
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag not in ("html", "body", "script", "style") \
                and first and first in _text(el):
            found = el  # document order: the last one holding it is the innermost
    return found


def _text_box(root: etree._Element, truth: dict) -> etree._Element | None:
    """The element holding most of the expected body."""
    el = _first_paragraph(root, truth)
    want = 0.8 * len(truth.get("body") or "")
    while el is not None and el.getparent() is not None and len(_text(el)) < want:
        el = el.getparent()
    return el


def _remove(el: etree._Element) -> None:
    """Take the element out, the text after it (its tail) left where it was."""
    tail, parent = el.tail, el.getparent()
    at = parent.index(el)
    parent.remove(el)
    if tail:
        if at > 0:
            parent[at - 1].tail = (parent[at - 1].tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _insert_after(el: etree._Element | None, markup: str) -> bool:
    if el is None or el.getparent() is None:
        return False
    parent = el.getparent()
    parent.insert(parent.index(el) + 1, _fragment(markup))
    return True


def wrapped(root, truth) -> bool:
    """Each paragraph of the text inside two more <div>s."""
    box = _text_box(root, truth)
    if box is None:
        return False
    for p in list(box.iter("p")):
        parent, at = p.getparent(), p.getparent().index(p)
        outer = etree.Element("div")
        etree.SubElement(outer, "div").append(p)  # (moves p, its tail with it)
        parent.insert(at, outer)
    return True


def _retag(root, old: str, new: str) -> bool:
    found = list(root.iter(old))
    for el in found:
        el.tag = new
    return bool(found)


def p_as_div(root, truth) -> bool:
    """Every <p> a <div>."""
    return _retag(root, "p", "div")


def br_paragraphs(root, truth) -> bool:
    """The text's paragraphs as runs of text ended by two <br>s (older editors)."""
    box = _text_box(root, truth)
    ps = [p for p in box.iter("p")] if box is not None else []
    if len(ps) < 2:
        return False
    for p in ps:
        parent, at = p.getparent(), p.getparent().index(p)
        span = etree.Element("span")
        span.text = p.text
        for child in list(p):
            span.append(child)
        first, second = etree.Element("br"), etree.Element("br")
        second.tail = p.tail
        parent.remove(p)
        for k, el in enumerate((span, first, second)):
            parent.insert(at + k, el)
    return True


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCK_TAGS = (*_HEADINGS, "p", "div", "td", "li", "section", "header", "time")


def _headline(root, truth) -> etree._Element | None:
    """The element printing the expected headline: the last one whose whole text it is before
    the text begins (a sidebar's list may print it higher up), outside links, innermost."""
    want = unicodedata.normalize("NFC", " ".join((truth.get("title") or "").split())).casefold()
    text_start = _first_paragraph(root, truth)
    found = None
    for el in root.iter():
        if el is text_start:
            break
        if isinstance(el.tag, str) and el.tag not in ("title", "html", "head", "meta", "a") \
                and want and _text(el).casefold() == want \
                and not any(a.tag == "a" for a in el.iterancestors()):
            found = el if found is None or found not in el.iterancestors() else el
    return found


def headline_bold_div(root, truth) -> bool:
    """The headline in a <div><b>, no heading element."""
    el = _headline(root, truth)
    if el is None or el.getparent() is None:
        return False
    div = _fragment(f"<div><b>{_text(el)}</b></div>")
    div.tail = el.tail
    el.getparent().replace(el, div)
    return True


def headline_self_link(root, truth) -> bool:
    """The headline a link to the page itself."""
    el = _headline(root, truth)
    if el is None or not truth.get("url"):
        return False
    text = _text(el)
    for child in list(el):
        el.remove(child)
    el.text = None
    link = etree.SubElement(el, "a", href=truth["url"])
    link.text = text
    return True


def headline_in_breadcrumb(root, truth) -> bool:
    """A breadcrumb ending with the headline printed over the page's content."""
    el = _headline(root, truth)
    if el is None or el.getparent() is None:
        return False
    parent = el.getparent()
    crumbs = '<a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức</a> &gt; '
    parent.insert(parent.index(el), _fragment(f"<div>{crumbs}<span>{_text(el)}</span></div>"))
    return True


_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\D{0,4}(\d{1,2})[:h](\d{2}))?")
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def _date_rewrite(name: str, form: Callable[[datetime], str]):
    def rewrite(root, truth) -> bool:
        """The page's date line printed another way."""
        when = truth.get("published_at")
        if not when or "T" not in when:
            return False
        at = datetime.fromisoformat(when)
        for el in root.iter():
            if not isinstance(el.tag, str) or el.tag in ("script", "style", "title", "head", "meta"):
                continue
            for attr in ("text", "tail"):
                value = getattr(el, attr)
                m = _DATE.search(value or "")
                if m and (int(m[1]), int(m[2]), int(m[3])) == (at.day, at.month, at.year) and \
                        (m[4] is None or (int(m[4]), int(m[5])) == (at.hour, at.minute)):
                    setattr(el, attr, value[:m.start()] + form(at) + value[m.end():])
                    return True
        return False
    rewrite.__name__ = name
    return rewrite


date_weekday_dash = _date_rewrite("date_weekday_dash",
                                  lambda d: f"{_WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y} - {d:%H:%M}")
date_dots = _date_rewrite("date_dots", lambda d: f"{d:%d.%m.%Y} {d:%H:%M}")
date_time_first = _date_rewrite("date_time_first", lambda d: f"{d:%H:%M} | {d.day}/{d.month}/{d.year}")
date_month_words = _date_rewrite("date_month_words",
                                 lambda d: f"{d.day} Tháng {d.month}, {d.year} - {d:%H:%M}")
date_sa_ch = _date_rewrite("date_sa_ch", lambda d: f"{(d.hour - 1) % 12 + 1:02d}:{d:%M} "
                           f"{'SA' if d.hour < 12 else 'CH'} - {d:%d/%m/%Y}")


def _date_element(root, truth) -> etree._Element | None:
    """The innermost element printing the page's date (in figures), below <body>."""
    when = truth.get("published_at")
    if not when:
        return None
    at = datetime.fromisoformat(when)
    body = root.find(".//body")
    found = None
    for el in body.iter() if body is not None else ():
        m = _DATE.search(_text(el)) if isinstance(el.tag, str) else None
        if m and (int(m[1]), int(m[2]), int(m[3])) == (at.day, at.month, at.year) and len(_text(el)) < 120:
            found = el if found is None or found in el.iterancestors() else found
    return found


def date_above_headline(root, truth) -> bool:
    """The date line moved from under the headline to above it."""
    head, date = _headline(root, truth), _date_element(root, truth)
    if head is None or date is None or head.getparent() is None or date.getparent() is None \
            or date in head.iterancestors() or head in date.iterancestors():
        return False
    while head.tag not in _BLOCK_TAGS and head.getparent() is not None and \
            _text(head.getparent()) == _text(head):
        head = head.getparent()
    if head.tag not in _BLOCK_TAGS or date.tag not in _BLOCK_TAGS:
        return False  # printed on one line with the headline: not this case
    tail = date.tail
    date.getparent().remove(date)  # (its tail goes with it: put back where it was)
    date.tail = None
    head.getparent().insert(head.getparent().index(head), date)
    if tail:
        date.tail = (date.tail or "") + tail
    return True


ABOUT_SCHOOL = ("<div><h3>Giới thiệu chung</h3><p>Trường Chính trị tỉnh là cơ sở đào tạo, bồi dưỡng cán "
                "bộ, công chức, viên chức của hệ thống chính trị ở địa phương, được thành lập theo quyết "
                "định của Ban Thường vụ Tỉnh ủy và chịu sự lãnh đạo trực tiếp của Tỉnh ủy.</p><p>Nhà "
                "trường có nhiệm vụ đào tạo trung cấp lý luận chính trị - hành chính, bồi dưỡng kiến "
                "thức quản lý nhà nước và nghiên cứu khoa học phục vụ giảng dạy, góp phần xây dựng "
                "đội ngũ cán bộ của tỉnh.</p></div>")


def about_the_school_first(root, truth) -> bool:
    """A sidebar block of prose about the school (two paragraphs) printed before the page's
    content column, as themes that put their left column first do."""
    body = root.find(".//body")
    if body is None:
        return False
    body.insert(0, _fragment(ABOUT_SCHOOL))
    return True


def box_above(root, truth) -> bool:
    """A box of other news at the top of the column that holds the text."""
    box = _text_box(root, truth)
    if box is None or box.getparent() is None:
        return False
    box.getparent().insert(0, _fragment(NEWS_BOX))
    return True


def box_inside(root, truth) -> bool:
    """A box of other news after the text's first paragraph."""
    return _insert_after(_first_paragraph(root, truth), NEWS_BOX)


def box_after(root, truth) -> bool:
    """A box of other news right after the text."""
    return _insert_after(_text_box(root, truth), NEWS_BOX)


def comments(root, truth) -> bool:
    """A thread of readers' comments, names and dates over each, after the text."""
    return _insert_after(_text_box(root, truth), COMMENTS)


def comments_inside(root, truth) -> bool:
    """The comment thread inside the text's own block, after its last paragraph."""
    box = _text_box(root, truth)
    if box is None:
        return False
    box.append(_fragment(COMMENTS))
    return True


# Written for this benchmark: boxes themes print after the text and its byline.
SIGN_UP_BOX = ("<div class='box'><h4>Đăng ký nhận bản tin</h4><p>Nhận những tin tức mới nhất của nhà "
               "trường qua hộp thư điện tử của bạn mỗi tuần.</p><input type='email' name='email'>"
               "<button>Đăng ký</button></div>")
WRITER_BOX = ("<div class='author-box'><img src='/anh/tac-gia.jpg'><h4>Về tác giả</h4><p>Giảng viên "
              "chính, có nhiều năm kinh nghiệm giảng dạy và nghiên cứu khoa học về xây dựng Đảng.</p></div>")
SAME_WRITER_BOX = "<div><h3>Bài viết cùng tác giả</h3><ul>" + "".join(
    f"<li><a href='/tac-gia/bai-{k}.html'>Giải pháp nâng cao chất lượng giảng dạy phần {k}</a></li>"
    for k in range(1, 4)) + "</ul></div>"


def _after_article(root, truth, markup: str) -> bool:
    """The markup after everything in the element around the text's block (the byline too)."""
    box = _text_box(root, truth)
    if box is None or box.getparent() is None:
        return False
    box.getparent().append(_fragment(markup))
    return True


def sign_up_box_after(root, truth) -> bool:
    """A newsletter's sign-up box with no <form> (a script sends it) after the article."""
    return _after_article(root, truth, SIGN_UP_BOX)


def writer_box_after(root, truth) -> bool:
    """A box about the writer (`Về tác giả` over a line of bio) after the article."""
    return _after_article(root, truth, WRITER_BOX)


def same_writer_box_after(root, truth) -> bool:
    """The writer's other articles under `Bài viết cùng tác giả` after the article."""
    return _after_article(root, truth, SAME_WRITER_BOX)


NEWS_CARD = ('<div class="box-news-related"><a href="/tin-tuc/tin-99.html">Đoàn công tác của nhà '
             'trường thăm và làm việc tại huyện miền núi</a><p>Sáng 5/3, đoàn công tác của nhà trường '
             "đã đến thăm và làm việc tại huyện miền núi, trao đổi kinh nghiệm về công tác bồi dưỡng "
             "cán bộ cơ sở.</p></div>")


def news_card_inside(root, truth) -> bool:
    """One card of another article (its headline link over its teaser) after the text's first
    paragraph, as outlets print a related article between two paragraphs."""
    return _insert_after(_first_paragraph(root, truth), NEWS_CARD)


def decomposed_text(root, truth) -> bool:
    """Every text in decomposed Unicode (NFD: base letters and combining marks), as some editors
    and a copy from a PDF leave Vietnamese text."""
    body = root.find(".//body")
    if body is None:
        return False
    for el in body.iter():
        if isinstance(el.tag, str):
            el.text = unicodedata.normalize("NFD", el.text) if el.text else el.text
        el.tail = unicodedata.normalize("NFD", el.tail) if el.tail else el.tail
    return True


def windows_1258(root, truth) -> bool:
    """The page served in windows-1258 (Vietnamese Windows code page: tone marks as combining
    characters), declared in its <meta>; see `_in_windows_1258`."""
    head = root.find(".//head")
    if head is None:
        return False
    for meta in list(head.iter("meta")):
        if meta.get("charset") or (meta.get("http-equiv") or "").lower() == "content-type":
            head.remove(meta)
    head.insert(0, etree.Element("meta", charset="windows-1258"))
    return True


def _in_windows_1258(html: str) -> bytes:
    """The page's text encoded in windows-1258: a letter the code page lacks is written as its
    nearest base letter the code page has, then combining marks (`ệ` → `ê` + dot below)."""
    out = []
    for ch in html:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], list(parts[1:])
        composed = True
        while composed:  # fold into the base letter each mark the code page has a letter for
            composed = False
            for mark in marks:
                letter = unicodedata.normalize("NFC", base + mark)
                if len(letter) == 1 and _encodable(letter):
                    base, composed = letter, True
                    marks.remove(mark)
                    break
        marks = "".join(marks)
        out.append((base + marks).encode("cp1258", "xmlcharrefreplace"))
    return b"".join(out)


def _encodable(ch: str) -> bool:
    try:
        ch.encode("cp1258")
        return True
    except UnicodeEncodeError:
        return False


# Variants that change how the page's text is written into bytes, not its markup.
ENCODERS: dict[str, Callable[[str], bytes]] = {"windows_1258": _in_windows_1258}


def headline_as_image(root, truth) -> bool:
    """The headline printed as a picture (its words in the image's alt text only), as banner-style
    themes do: the title then comes from the page's metadata. Pages whose <title> or og:title do
    not carry the headline are left out."""
    el = _headline(root, truth)
    want = unicodedata.normalize("NFC", " ".join((truth.get("title") or "").split())).casefold()
    metas = [_text(t) for t in root.iter("title")] + [
        unicodedata.normalize("NFC", m.get("content") or "") for m in root.iter("meta")
        if m.get("property") == "og:title"]
    if el is None or not any(want in m.casefold() for m in metas):
        return False
    for child in list(el):
        el.remove(child)
    el.text = None
    etree.SubElement(el, "img", src="/images/tieu-de-bai-viet.png", alt=_text(el) or truth["title"])
    return True


def date_in_metadata_only(root, truth) -> bool:
    """No date printed on the page: only `article:published_time` in its <head> says it (a theme
    option that hides the date). Pages whose date line prints more than the date are left out."""
    date, head = _date_element(root, truth), root.find(".//head")
    when = truth.get("published_at")
    if date is None or head is None or date.getparent() is None or not when or "T" not in when:
        return False
    printed = _text(date)
    m = _DATE.search(printed)
    if m is None or len(printed) - len(m[0]) > 25:
        return False
    _remove(date)
    head.append(etree.Element("meta", property="article:published_time", content=when))
    return True


def sections(root, truth) -> bool:
    """Every <div> a <section>."""
    return _retag(root, "div", "section")


def reversed_blocks(root, truth) -> bool:
    """The <body>'s blocks in reverse order (a theme that prints the sidebar first)."""
    body = root.find(".//body")
    kids = [k for k in body if isinstance(k.tag, str) and k.tag not in ("script", "style")] \
        if body is not None else []
    if len(kids) < 2:
        return False
    for k in kids:
        body.remove(k)
    body.extend(reversed(kids))
    return True


def layout_table(root, truth) -> bool:
    """The page in the right cell of a table whose left cell is a menu."""
    body = root.find(".//body")
    if body is None or len(body) < 2:
        return False
    table = etree.Element("table")
    row = etree.SubElement(table, "tr")
    etree.SubElement(row, "td").append(_fragment(
        "<ul>" + "".join(f'<li><a href="/muc-{i}">Mục {i}</a></li>' for i in range(8)) + "</ul>"))
    cell = etree.SubElement(row, "td")
    for k in list(body):
        cell.append(k)
    body.append(table)
    return True


def font_tags(root, truth) -> bool:
    """A <font> inside every paragraph of the text."""
    box = _text_box(root, truth)
    if box is None:
        return False
    for p in list(box.iter("p")):
        font = etree.Element("font", face="Times New Roman", size="3")
        font.text, p.text = p.text, None
        for child in list(p):
            font.append(child)
        p.insert(0, font)
    return True


BYLINE_SLACK = 30  # characters a byline's block may print beyond the name, degree and role
_BLOCKS = ("p", "div", "td", "li", "span", "em", "strong", "b", "i", "font", "address")


def _byline_block(root, truth) -> etree._Element | None:
    """The innermost element printing the expected writer's name, below the headline."""
    name = unicodedata.normalize("NFC", truth.get("author") or "")
    found = None
    for el in root.iter(*_BLOCKS):
        if name and name.casefold() in _text(el).casefold() and len(_text(el)) < 200:
            found = el if found is None or found in el.iterancestors() or found.getparent() is None \
                else el
    while found is not None and found.tag not in ("p", "div", "td", "li", "address") \
            and found.getparent() is not None and len(_text(found.getparent())) < 200:
        found = found.getparent()
    return found


def _lone_byline(root, truth):
    """The byline's block when it prints the byline alone, its role in it or on the line under
    it: (block, name, degree, role, that role line or None); None when the page has no writer,
    or prints more there (its date, say) or the role elsewhere: not a byline variant's case."""
    block = _byline_block(root, truth)
    name = truth.get("author")
    if block is None or not name:
        return None
    degree, role = truth.get("author_degree") or "", truth.get("author_role") or ""
    printed = _text(block)
    if len(printed) > len(name) + len(degree) + len(role) + BYLINE_SLACK or any(c.isdigit() for c in printed):
        return None
    following = block.getnext()
    if role and following is not None and _text(following) == unicodedata.normalize("NFC", role):
        return block, name, degree, role, following
    if role and unicodedata.normalize("NFC", role) not in printed:
        return None
    return block, name, degree, role, None


def _rewrite_byline(root, truth, markup: Callable[[str, str, str], str], keeps_person: bool = True):
    """The byline's block printed another way (markup(name, degree, role)); returns the fields
    then expected, or None when the page has no writer to rewrite."""
    found = _lone_byline(root, truth)
    if found is None:
        return None
    block, name, degree, role, role_line = found
    if role_line is not None:
        role_line.getparent().remove(role_line)  # the role line under it goes into the new byline
    tail = block.tail
    for child in list(block):
        block.remove(child)
    block.text = None
    new = _fragment(f"<div>{markup(name, degree, role)}</div>")
    block.text = new.text
    for child in list(new):
        block.append(child)
    block.tail = tail
    return truth if keeps_person else {**truth, "author_degree": None, "author_role": None}


def _person(name: str, degree: str, upper: bool = False) -> str:
    return f"{degree} {name.upper() if upper else name}".strip()


def byline_dash_role(root, truth):
    """Name and role on one line: `ThS. Nguyễn Văn A - Khoa Lý luận`."""
    return _rewrite_byline(root, truth, lambda n, d, r: f"<b>{_person(n, d)}</b>" + (f" - {r}" if r else ""))


def byline_capitals(root, truth):
    """The name in capitals, the role on the line below."""
    return _rewrite_byline(root, truth, lambda n, d, r: f"<b>{_person(n, d, upper=True)}</b>"
                           + (f"<br>{r}" if r else ""))


def byline_labelled(root, truth):
    """`Tác giả: ThS. Nguyễn Văn A, Khoa Lý luận`."""
    return _rewrite_byline(root, truth, lambda n, d, r: f"Tác giả: {_person(n, d)}" + (f", {r}" if r else ""))


def byline_role_in_brackets(root, truth):
    """`ThS. Nguyễn Văn A (Khoa Lý luận)`."""
    return _rewrite_byline(root, truth, lambda n, d, r: f"<strong>{_person(n, d)}</strong>"
                           + (f" ({r})" if r else ""))


def byline_news_credit(root, truth):
    """`Tin, ảnh: Nguyễn Văn A` (a reporter's credit: no degree, no role)."""
    return _rewrite_byline(root, truth, lambda n, d, r: f"Tin, ảnh: {n}", keeps_person=False)


SIGNATURE = ("<p style='text-align:center'><b>KT. HIỆU TRƯỞNG</b></p><p style='text-align:center'><b>PHÓ "
             "HIỆU TRƯỞNG</b></p><p style='text-align:center'><i>(Đã ký)</i></p>"
             "<p style='text-align:center'><b>Nguyễn Văn Hùng</b></p>")


def signed_notice(root, truth) -> bool:
    """A notice's signature block (`KT. HIỆU TRƯỞNG`, `PHÓ HIỆU TRƯỞNG`, `(Đã ký)`, the signer's
    name) after the text of a page that credits no writer: the signer is no author."""
    if truth.get("author"):
        return False
    box = _text_box(root, truth)
    if box is None:
        return False
    for el in _fragment(f"<div>{SIGNATURE}</div>"):
        box.append(el)
    return True


def byline_linked_on_top(root, truth):
    """The writer's box moved under the headline: the name linked to the writer's page over the
    role, as themes with author pages print it."""
    found, first = _lone_byline(root, truth), _first_paragraph(root, truth)
    if found is None or first is None or first.getparent() is None:
        return None
    block, name, degree, role, role_line = found
    if block in first.iterancestors() or first in block.iterancestors():
        return None
    # A byline already over the text (the first of two stacked ones) is linked where it stands:
    # moved down to the text it would come after the second, which the truth does not name.
    order = {el: i for i, el in enumerate(root.iter())}
    above = order.get(block, 0) < order.get(first, 0)
    at, at_parent = (block.getparent().index(block), block.getparent()) if above else \
        (first.getparent().index(first), first.getparent())
    if role_line is not None:
        role_line.getparent().remove(role_line)
    _remove(block)
    slug = "-".join(unicodedata.normalize("NFD", name).encode("ascii", "ignore").decode().lower().split())
    box = _fragment(f'<div class="post-author"><a href="/tac-gia/{slug}.html">{_person(name, degree)}</a>'
                    + (f"<div>{role}</div>" if role else "") + "</div>")
    at_parent.insert(min(at, len(at_parent)) if above else at_parent.index(first), box)
    return truth


VARIANTS: dict[str, Callable[[etree._Element, dict], bool | dict | None]] = {
    f.__name__: f for f in (wrapped, p_as_div, br_paragraphs, sections, font_tags, reversed_blocks,
                            layout_table, box_above, box_inside, box_after, comments, comments_inside,
                            byline_dash_role, byline_capitals, byline_labelled, byline_role_in_brackets,
                            byline_news_credit, headline_bold_div, headline_self_link,
                            headline_in_breadcrumb, date_weekday_dash, date_dots, date_time_first,
                            date_month_words, date_sa_ch, date_above_headline, about_the_school_first,
                            news_card_inside, decomposed_text, windows_1258, headline_as_image,
                            date_in_metadata_only, signed_notice, byline_linked_on_top,
                            sign_up_box_after, writer_box_after, same_writer_box_after)}


def score(page: bytes, truth: dict) -> dict[str, float]:
    art = extract(page, truth.get("url"))
    url = truth.get("url") or "https://truong.example.vn/tin-tuc/bai-viet-123.html"
    out = {"article": float(bool(classify(art, url)) and bool(classify(art, url, anchor=truth.get("title")))),
           "title": float(norm(art.title) == norm(truth.get("title"))),
           "date": float(minute(art.published_at) == minute(truth.get("published_at"))),
           **{k: float(norm(getattr(art, k)) == norm(truth.get(k))) for k in PERSON_FIELDS},
           "body": f1(art.body, truth.get("body"))}
    out["all"] = float(all(out[k] == 1.0 for k in COLUMNS[:-2]) and out["body"] >= ALL_RIGHT_BODY)
    return out


def pages(dirs: list[Path]) -> list[tuple[str, bytes, dict]]:
    out = []
    for d in dirs:
        for html in sorted(d.glob("*.html")):
            truth_file = html.with_suffix(".json")
            if truth_file.exists():
                truth = json.loads(truth_file.read_text(encoding="utf-8"))
                if truth.get("body") and truth.get("title"):
                    out.append((html.name, html.read_bytes(), truth))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, action="append", help="folder of <case>.html + <case>.json")
    ap.add_argument("--show", type=int, default=12, help="pages that lost something, per variant")
    args = ap.parse_args()
    dirs = args.pages or [d for _, d in FAMILIES if d.is_dir()]
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counts: dict[str, int] = defaultdict(int)
    lost: dict[str, list[str]] = defaultdict(list)
    for name, data, truth in pages(dirs):
        text, _ = decode_html(data, truth.get("encoding"))
        for variant in ("as written", *VARIANTS):
            root = parse_tree(text)
            want = VARIANTS[variant](root, truth) if variant != "as written" else truth
            if not want:
                continue  # the page has nothing this variant rewrites
            want = want if isinstance(want, dict) else truth  # a byline variant says what to expect
            html = etree.tostring(root, encoding="unicode", method="html")
            got = score(ENCODERS[variant](html) if variant in ENCODERS else html.encode("utf-8"), want)
            counts[variant] += 1
            for k, v in got.items():
                sums[variant][k] += v
            if not got["all"]:
                wrong = [k if k != "body" else f"body {got['body']:.2f}" for k in COLUMNS[:-1]
                         if got[k] < (1.0 if k != "body" else ALL_RIGHT_BODY)]
                lost[variant].append(f"{name}: {', '.join(wrong)}")
    print(f"{'variant':<24} {'pages':>5} " + " ".join(f"{c[:9]:>9}" for c in COLUMNS))
    for variant, n in counts.items():
        print(f"{variant:<24} {n:>5} " + " ".join(f"{sums[variant][c] / n:>9.3f}" for c in COLUMNS))
    for variant, names in lost.items():
        print(f"\n{variant}: {len(names)} pages lost something")
        for line in names[:args.show]:
            print(f"  {line}")


if __name__ == "__main__":
    main()
