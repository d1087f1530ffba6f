"""The objects of a page's schema.org JSON-LD blocks, as what the page says of itself for machines.

Read with a bound on the number of nodes: a page may carry megabytes of it, or nest it deeply.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator

from lxml import etree

from crawler.parser.lines import clean_ws

MAX_NODES = 500  # objects and lists read per block

_BLOCKS = etree.XPath('//script[@type="application/ld+json"]/text()')  # (compiled once: most pages ask)
ARTICLE_TYPES = ("Article", "BlogPosting", "Report")  # NewsArticle, ReportageNewsArticle…


def objects(root) -> list[dict]:
    """Every JSON object of every JSON-LD block of the page, outer ones first within a block: read
    once by `extract`, then given to those who ask (the date, the writer, the text)."""
    return list(_objects(root))


def _objects(root) -> Iterator[dict]:
    try:
        blocks = _BLOCKS(root)
    except Exception:  # noqa: BLE001 - malformed trees raise assorted lxml errors
        return
    for text in blocks:
        try:
            data = json.loads(str(text))
        except (ValueError, RecursionError):
            continue
        stack, seen = [data], 0
        while stack and seen < MAX_NODES:
            seen += 1
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                yield node
                stack.extend(reversed(list(node.values())))


def types(node: dict) -> list[str]:
    """The object's @type(s)."""
    kind = node.get("@type")
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


# (A tag ends at the next "<" too: a text of "<<<<…" is read in linear time.)
_BREAK = re.compile(r"<(?:/?(?:p|div|h[1-6]|li|ul|ol|blockquote|section)|br)\b[^<>]*>|\n", re.I)
_TAG = re.compile(r"<[^<>]*>")
MAX_BODY_CHARS = 200_000  # the longest text read from it: no article is longer


def article_body(nodes: list[dict]) -> str:
    """The article's text as the page gives it to machines: the longest `articleBody` of an
    article object (a HowTo's `description`), its paragraphs apart, each in NFC with its white
    space folded; '' when none. Some give it as HTML: its block tags break the paragraphs, other
    tags go."""
    best = ""
    for node in nodes:
        kinds = types(node)
        value = node.get("articleBody") if any(k.endswith(ARTICLE_TYPES) for k in kinds) else \
            node.get("description") if "HowTo" in kinds else None
        if isinstance(value, str) and len(value) > len(best):
            best = value
    pieces = (clean_ws(html.unescape(_TAG.sub(" ", p))) for p in _BREAK.split(best[:MAX_BODY_CHARS]))
    return "\n\n".join(p for p in pieces if p)
