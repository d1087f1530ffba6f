"""Is a fetched page an article? Decided from what the extractor found on it.

An article shows a headline, a publication date by it and running text; a listing shows many
dated items and little text of its own; a static page (about, contact) has no date.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from crawler.parser import Article
from crawler.registry import School

MIN_BODY_WORDS = 40
# A visible headline with a visible date by it is an article even when its text is short: photo
# posts ("Một số hình ảnh tại hội thao:") carry one sentence and their captions.
MIN_BODY_WORDS_WITH_HEADLINE = 15
MAX_DATED_LINES = 3  # more dated lines in the text block: a list of news items, not one article
MAX_LIST_ITEMS = 1  # headline-link-then-teaser pairs; two or more make a listing


def is_article(art: Article, url: str, school: School | None = None) -> bool:
    if school is not None and school.article_pattern is not None:
        parts = urlsplit(url)
        target = parts.path + ("?" + parts.query if parts.query else "")
        if not school.article_pattern.search(target):
            return False
    if not art.title or not art.body or not art.published_at:
        return False
    if "date_from_url" in art.flags:
        return False
    if art.signals.get("dated_lines", 0) > MAX_DATED_LINES:
        return False
    if art.signals.get("list_items", 0) > MAX_LIST_ITEMS:
        return False
    if art.signals.get("teasers", 0) >= 2:
        return False  # texts cut short with "…": the teasers of a listing
    if art.signals.get("title_links_away"):
        return False  # the "headline" links to another page: a listing of one item
    # Strong: the headline is on the page and its date sits right by it (not metadata, not a
    # date found further down).
    strong = "title_from_metadata" not in art.flags and not any(
        f.startswith("date_from_") for f in art.flags) and -2 <= art.signals.get("date_gap", 99) <= 3
    return len(art.body.split()) >= (MIN_BODY_WORDS_WITH_HEADLINE if strong else MIN_BODY_WORDS)
