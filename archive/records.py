"""The shape of an archived article as search and export hand it out (the CLI contract's keys)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CONTRACT_KEYS = ("url", "title", "published_at", "author", "author_degree", "author_role", "body")
RECORD_COLUMNS = (*CONTRACT_KEYS, "site", "fetched_at", "school", "school_name", "category",
                  "word_count", "first_seen", "last_seen", "duplicate_of")


def row_to_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """Contract keys first, in contract order, then the archive's own columns."""
    return {k: row.get(k) for k in RECORD_COLUMNS}
