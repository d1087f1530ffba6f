"""The article extractor: page bytes + URL (+ optional site profile) in, an article record out.

One entry point, `extract()`, serves the spider, `tct extract` and `tct reparse`. Fields are
chosen together on the page's text lines: the headline, the date next to it, the author block
under the date or at the end of the text, and the paragraphs in between.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from lxml import etree

from archive.records import CONTRACT_KEYS
from crawler.parser import body, credits, hrefs, jsonld, published, second_opinion, signals, title
from crawler.parser.dates import VN_TZ, find_date, iso
from crawler.parser.decode import decode_html, legacy_font
from crawler.parser.lines import Line, clean_ws, linearize
from crawler.parser.profile import SiteProfile, apply_profile
from crawler.parser.template import HostTemplate

__all__ = ["Article", "Page", "extract", "read_page", "learn_template", "SiteProfile", "HostTemplate"]

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
MAX_PAGE_BYTES = 5 * 1024 * 1024


@dataclass
class Article:
    url: str | None = None
    title: str | None = None
    published_at: str | None = None
    author: str | None = None
    author_degree: str | None = None
    author_role: str | None = None
    body: str | None = None
    encoding: str | None = None
    canonical_url: str | None = None
    flags: list[str] = field(default_factory=list)
    signals: dict[str, float] = field(default_factory=dict)  # page-shape figures for the classifier
    links: list[str] = field(default_factory=list, repr=False)  # every <a href> of the page
    link_texts: list[str] = field(default_factory=list, repr=False)  # their texts, same order
    base_href: str | None = field(default=None, repr=False)  # the page's <base href>, if any
    school_name: str | None = None  # the school's name as the page prints it (banner, footer)

    def to_contract(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in CONTRACT_KEYS}  # (asdict would copy every link too)


# libxml2 stops building the tree past a nesting depth of about 2,000 and the text inside is lost.
# A page that nested deeper (3,000 <div>s, or <div><span> pairs) is parsed again with every
# element past MAX_DEPTH unwrapped: its tags go, its text stays where it was.
MAX_DEPTH = 200
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "frame", "keygen"})


def flatten_depth(text: str, limit: int = MAX_DEPTH) -> str:
    """The page with the tags of elements nested deeper than `limit` left out (their text kept)."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (tag, kept)
    pos = 0
    for m in _TAG.finditer(text):
        closing, tag, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        keep = True
        if not closing:
            if tag not in _VOID and not self_closing:
                keep = len(stack) < limit
                stack.append((tag, keep))
        else:
            for k in range(len(stack) - 1, max(-1, len(stack) - 1 - limit), -1):
                if stack[k][0] == tag:  # (elements left open inside it close with it)
                    keep = stack[k][1]
                    del stack[k:]
                    break
        if not keep:
            out.append(text[pos:m.start()])
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def parse_tree(text: str) -> etree._Element | None:
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text, parser=_HTML_PARSER)
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _HTML_PARSER.error_log):
            root = etree.fromstring(flatten_depth(text), parser=_HTML_PARSER)  # nested too deep
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None
    return root


# Plain lxml elements, not lxml.html's: the per-element class lookup of lxml.html costs ~10 % of
# the extraction time and we use none of its methods.
_HTML_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, recover=True)


@dataclass
class Page:
    """A page decoded, parsed and flattened once: extraction and template learning both read it."""
    root: etree._Element | None
    lines: list[Line]
    encoding: str | None
    flags: list[str] = field(default_factory=list)
    html: str | None = None  # the decoded text, for a second opinion on the body


def read_page(data: bytes | str, http_charset: str | None = None) -> Page:
    """Decode (bytes), parse and linearize a page. Never raises on bad input."""
    flags = []
    if len(data) > MAX_PAGE_BYTES:  # no news article is this long; parse its first part, in bounded time
        data = data[:MAX_PAGE_BYTES]
        flags.append("truncated")
    if isinstance(data, bytes):
        text, encoding = decode_html(data, http_charset)
    else:
        text, encoding = data, "unicode"
    if looks_binary(text):
        flags.append("not_text")
        return Page(None, [], encoding, flags)
    root = parse_tree(text)
    if root is None:
        flags.append("empty_or_unparseable")
        return Page(None, [], encoding, flags)
    lines = linearize(root)
    if sum(len(ln.text) for ln in lines) < NOSCRIPT_ONLY_CHARS <= _noscript_text(root) / 2:
        # The page's text is all in <noscript>: a site built by script prints its no-script
        # version there, and that is the page as a crawler (and a reader without script) has it.
        etree.strip_tags(root, "noscript")
        lines = linearize(root)
        flags.append("read_noscript")
    return Page(root, lines, encoding, flags, text)


NOSCRIPT_ONLY_CHARS = 200


def _noscript_text(root: etree._Element) -> int:
    return sum(len(clean_ws("".join(el.itertext()))) for el in root.iter("noscript"))


_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
BINARY_SAMPLE = 65536
BINARY_SHARE = 0.02  # undecodable bytes and control characters: a web page has next to none


def looks_binary(text: str) -> bool:
    """Random bytes, an image or an archive served as a page: not text to read."""
    sample = text[:BINARY_SAMPLE]
    return bool(sample) and len(_NOT_TEXT.findall(sample)) > BINARY_SHARE * len(sample)


def learn_template(template: HostTemplate, data: bytes) -> None:
    """Add one page's raw bytes to its host's template."""
    if template.settled:  # no need to parse a page the template would not count
        return
    page = read_page(data)
    if page.root is not None:
        template.learn(page.lines)


def canonical_link(root: etree._Element) -> str | None:
    for href in root.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'):
        href = str(href).strip()
        if href:
            return href
    return None


def extract(data: bytes | str | Page, url: str | None = None, *, http_charset: str | None = None,
            profile: SiteProfile | None = None, template: HostTemplate | None = None,
            learn: bool = False, now: datetime | None = None, links: bool = True,
            second_opinion: bool = True) -> Article:
    """Extract one article. Never raises on bad input: unreadable pages give empty fields.

    links: also collect the page's links and their texts (the crawl follows them).
    data: the page's bytes or text, or the Page `read_page` made of them (read once, used once).
    template: the host's template learned from its other pages; with learn=True this page is
    added to it first (a crawl learns as it goes).
    second_opinion: where our body is unsure, ask trafilatura (crawler/parser/second_opinion.py).
    """
    now = now or datetime.now(VN_TZ)
    page = data if isinstance(data, Page) else read_page(data, http_charset)
    art = Article(url=url, encoding=page.encoding, flags=list(page.flags))
    root = page.root
    if root is None:
        return art
    art.canonical_url = canonical_link(root)
    if links:  # (the spider follows them)
        art.links, art.link_texts = hrefs.page_links(root, page.html)
    art.base_href = hrefs.base_href(root, page.html)
    lines = page.lines
    if template is not None:
        if learn:
            template.learn(lines)
        lines = template.drop_boilerplate(lines)
        for i, ln in enumerate(lines):
            ln.idx = i
    art.school_name = signals.printed_school_name(lines)
    signals.unlink_self_links(lines, [url or "", art.canonical_url or ""], art.base_href)
    _fill(art, root, lines, url, now, page.html if second_opinion else None)
    art.signals["single_post"] = signals.single_post_view(root)
    if any(ln.converted for ln in lines):
        art.flags.append("legacy_font_tcvn3_converted")
    legacy = legacy_font(art.body or "")
    if legacy:
        art.flags.append(f"legacy_font_{legacy}")  # left as it is: see decode.legacy_font
    if profile is not None:
        apply_profile(art, root, profile, now)
    return art


def _fill(art: Article, root, lines: list[Line], url: str | None, now: datetime,
          html: str | None) -> None:
    metas = title.meta_titles(root)
    tchoice = title.choose_title(lines, metas)
    art.title = title.bounded(tchoice.text)
    if art.title != tchoice.text:
        art.flags.append("title_cut")
    tidx = tchoice.idx
    if tidx is None and tchoice.anchor is not None:
        art.flags.append("title_from_metadata")
    anchor = tidx if tidx is not None else tchoice.anchor
    ld = jsonld.objects(root)  # (read once: the date, the writer and the text may ask)
    dchoice = published.choose_date(lines, anchor, root, url, now, art.title, ld)
    if dchoice.when is not None:
        art.published_at = iso(dchoice.when)
        if dchoice.source != "visible":
            art.flags.append(f"date_from_{dchoice.source}")
        if dchoice.updated_label:
            art.flags.append("date_from_update_label")
    start = (anchor + 1) if anchor is not None else 0
    if tidx is None and anchor is not None and \
            body.prose_chars(lines, 0, start) > body.prose_chars(lines, start):
        start = 0  # a guess from metadata with most of the page's text above it: no guide at all
    if dchoice.idx is not None and anchor is not None and dchoice.idx > anchor:
        # The text starts under a date printed right below the headline, unless a lead (a sapo)
        # sits between the two.
        lead = any(body.paragraph_like(lines[j]) and len(lines[j].text) >= body.SAPO_CHARS
                   for j in range(anchor + 1, dchoice.idx))
        start = max(start, dchoice.idx + 1) if dchoice.idx - anchor <= 2 and not lead else start
    region, items_cut, boxes = body.region_and_items(lines, start)
    art.signals["items_after_text"] = body.teasers(lines, items_cut)
    used: set[int] = set()
    if tidx is not None:
        used.add(tidx)
        # The rest of a headline broken by <br> inside its heading element.
        used.update(j for j in range(tidx + 1, min(len(lines), tidx + 3))
                    if lines[tidx].heading and lines[j].owner is lines[tidx].owner)
    if dchoice.idx is not None:
        used.add(dchoice.idx)
    used.update(boxes)  # other articles' headlines and teasers, whatever else may claim them

    body.release_named_prose(lines, region)
    used |= _credit(art, root, ld, lines, tidx, dchoice.idx, region, used, set(boxes), anchor)
    kept = [i for i in region if i not in used and not body.is_noise(lines[i], art.title)
            and not signals.is_school_name_line(lines[i], art.school_name)]
    kept = body.without_orphan_headings(lines, body.without_repeated_furniture(lines, kept))
    kept = body.with_story_captions(lines, start, kept, used | set(items_cut))
    _shape_signals(art, lines, region, kept, used, tidx, dchoice.idx, url)
    kept = [i for i in kept if not body.is_time_stamp(lines[i])]
    if html is not None:
        kept = _second_opinion(art, lines, kept, used | set(items_cut), html, url, anchor)
    _record_signals(art, lines, start if anchor is None else anchor + 1, kept)  # (the date line may be one)
    _set_body(art, ld, body.assemble(lines, kept))


def _shape_signals(art: Article, lines: list[Line], region: list[int], kept: list[int], used: set[int],
                   tidx: int | None, date_idx: int | None, url: str | None) -> None:
    """The page's shape for the classifier (crawler/classify.py): is it a listing?"""
    art.signals["list_items"] = signals.interleaved_items(lines, region, set(kept))
    art.signals["teasers"] = signals.cut_short_lines(lines, region)
    art.signals["teaser_share"] = round(signals.teaser_share(lines, kept, used), 2)
    if tidx is not None and date_idx is not None:
        art.signals["date_gap"] = date_idx - tidx  # lines from the headline down to its date
    away = tidx is not None and signals.links_away(lines[tidx], url or art.canonical_url, art.base_href)
    art.signals["title_links_away"] = int(away)
    art.signals["dated_lines"] = sum(  # (an item's meta line, not a sentence naming a day)
        1 for i in kept if len(lines[i].text) < DATED_LINE_CHARS and not lines[i].row
        and find_date(lines[i].text) is not None)


def _record_signals(art: Article, lines: list[Line], start: int, kept: list[int]) -> None:
    """A record's fields (a table's rows, or lines of a label and its value: `Số ký hiệu:
    125/TB-TCT`) and the text beside them, for the classifier: a document's page is no article."""
    def field(ln: Line) -> bool:
        return ln.row or signals.field_line(ln)
    art.signals["rows"] = sum(1 for ln in lines[start:] if field(ln) and not ln.chrome)
    art.signals["text_outside_rows"] = sum(len(lines[i].text) for i in kept if not field(lines[i]))


DATED_LINE_CHARS = 60  # a listed item's date line ("admin - 12/03/2024 | Lượt xem: 120") is short
MACHINE_BODY_CHARS = 500  # the article's text given for machines, this long at least...
MACHINE_BODY_SHARE = 0.5  # ... and our text under this share of it


def _set_body(art: Article, ld: list[dict], ours: str) -> None:
    """Our text is the body, unless the page's script prints the article (a client-rendered
    outlet, a how-to built by script): it gives its text to machines as schema.org's
    `articleBody` while what we read is a browser notice or a teaser; then that text is."""
    art.body = ours or None
    given = jsonld.article_body(ld)
    if len(given) >= MACHINE_BODY_CHARS and len(ours) < MACHINE_BODY_SHARE * len(given):
        art.body = given
        art.flags.append("body_from_metadata")


def _credit(art: Article, root, ld: list[dict], lines: list[Line], tidx: int | None, didx: int | None,
            region: list[int], used: set[int], boxed: set[int], anchor: int | None = None) -> set[int]:
    """The writer, from the byline under the headline, an element named for the writer, the
    credit after the text, or the page's metadata when it prints the name too (in that order);
    returns the lines the credits took."""
    person, taken = credits.top_author(lines, tidx, didx, region, boxed)
    tail_person, tail_used = credits.tail_author(
        lines, [i for i in region if i not in used | taken] + credits.after_region(lines, region),
        art.title)
    taken |= tail_used
    if person is None or person.name is None or person.poster:
        # (Where the title came from the metadata, the content's start stands for the headline.)
        marked, marked_used = credits.class_author(lines, tidx if tidx is not None else anchor, region)
        taken |= marked_used
        person = marked or person
    if person is None or person.name is None or (person.poster and tail_person and tail_person.name):
        person = tail_person if tail_person is not None else person  # (a poster: when nobody else)
    elif tail_person is not None and tail_person.name == person.name and person.role is None and \
            any(credits.writer_link(lines[i]) for i in tail_used):
        # The writer named over the text (the date line's link) and again, linked to their page,
        # in a box under it with the role: one person, the box completing the byline. (Not a
        # `Theo X` credit over the outlet's name: a source, no role.)
        person = replace(person, role=tail_person.role, degree=person.degree or tail_person.degree)
    if person is None:
        person = credits.metadata_author(root, ld, lines)
        if person is not None:
            art.flags.append("author_from_metadata")
            taken |= credits.byline_lines(lines, region, person.name or "")
    if person is not None and person.name:
        art.author, art.author_degree, art.author_role = person.name, person.degree, person.role
    return taken  # (a person with no name: an account or an organisation is credited, no writer)


def _second_opinion(art: Article, lines: list[Line], kept: list[int], used: set[int], html: str,
                    url: str | None, head: int | None) -> list[int]:
    """Our lines, or our lines fused with trafilatura's where ours is unsure (flagged). Lines in
    `used` (headline, date, bylines, listed items cut from the text) stay out whatever it says."""
    sig = art.signals
    listing = (sig["list_items"] > 1 or sig["teasers"] >= 2 or sig["dated_lines"] > 3
               or bool(sig["title_links_away"]) or sig["items_after_text"] >= 3)
    # What follows a comments heading after our text is the readers', not the article's:
    # neither page text that our body should hold a share of, nor lines to add.
    lines = lines[:second_opinion.text_end(lines, kept)]
    if not second_opinion.unsure(lines, kept, listing, head):
        return kept
    if sum(len(ln.text) for ln in lines) > second_opinion.MAX_TRAF_CHARS or \
            len(lines) > second_opinion.MAX_TRAF_LINES:
        # A page printing more text than trafilatura's answer may hold, or thousands of lines,
        # is a dump: its answer would cost seconds (its fallback reads every paragraph).
        art.flags.append("second_opinion_too_long")
        return kept
    other = second_opinion.trafilatura_text(html, url)
    if other is None:
        art.flags.append("second_opinion_unavailable")
        return kept
    chrome_counts = bool(kept)  # with nothing of our own, the chrome cue has failed on this page
    kept, outcome = second_opinion.fuse(
        lines, kept, other,
        lambda i: i not in used and not body.is_noise(lines[i], art.title, chrome_counts)
        and not body.is_time_stamp(lines[i])
        and not signals.is_school_name_line(lines[i], art.school_name), head)
    art.flags.append(f"second_opinion_{outcome}")
    return kept
