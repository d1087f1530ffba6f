"""The tct archive: storage, search, export and statistics over crawled school articles.

This package works without Scrapy: the crawler writes into it, researchers read from it.
"""

from archive.store import Archive, open_archive

__all__ = ["Archive", "open_archive"]
