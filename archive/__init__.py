"""The tct archive: storage, search, export and statistics over crawled school articles.

This package works without Scrapy: the crawler writes into it, researchers read from it.
`Archive` and `open_archive` are imported lazily, so that `tct extract` (which needs only the
text folding) starts without loading the database layer.
"""
from __future__ import annotations

from typing import Any

__all__ = ["Archive", "open_archive"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from archive import store

        return getattr(store, name)
    raise AttributeError(name)
