"""The shape of an archived article as search and export hand it out (the CLI contract's keys)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The article's extracted fields, defined here once: the parser's Article, the crawl's item and
# pipelines, the archive's columns, revisions and full-text hashes, and every export derive from
# this table (name → kind: "line" is one line of text, "text" paragraphs, "date" ISO 8601).
ARTICLE_FIELD_KINDS = {
    "title": "line", "published_at": "date", "author": "line", "author_degree": "line",
    "author_role": "line", "body": "text",
}
ARTICLE_FIELDS = tuple(ARTICLE_FIELD_KINDS)
LINE_FIELDS = tuple(k for k, kind in ARTICLE_FIELD_KINDS.items() if kind == "line")
CONTRACT_KEYS = ("url", *ARTICLE_FIELDS)  # what `tct extract` prints, in this order
RECORD_COLUMNS = (*CONTRACT_KEYS, "site", "fetched_at", "school", "school_name", "category",
                  "word_count", "first_seen", "last_seen", "duplicate_of", "archived_from",
                  "near_duplicate_of", "near_similarity")


def row_to_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """Contract keys first, in contract order, then the archive's own columns."""
    return {k: row.get(k) for k in RECORD_COLUMNS}
