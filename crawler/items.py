"""The item the spider yields for each article page, with the contract's keys first."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticleItem:
    url: str
    title: str | None
    published_at: str | None
    author: str | None
    author_degree: str | None
    author_role: str | None
    body: str | None
    site: str
    host: str | None = None
    fetched_at: str | None = None
    html: bytes | None = field(default=None, repr=False)
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    flags: list[str] = field(default_factory=list)
    school_name: str | None = None
    # For the spider: which queued addresses this article settles once stored (not stored itself).
    frontier: dict | None = field(default=None, repr=False)
