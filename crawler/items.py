"""The item the spider yields for each article page: the article's record and how it was fetched."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crawler.urls import canonicalize, is_print_view

if TYPE_CHECKING:
    from scrapy.http import Response

    from crawler.parser import Article
    from crawler.registry import School


@dataclass
class ArticleItem:
    record: dict[str, Any]  # the contract's keys (archive.records.CONTRACT_KEYS), url first
    site: str
    host: str | None = None
    fetched_at: str | None = None
    html: bytes | None = field(default=None, repr=False)
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    flags: list[str] = field(default_factory=list)
    school_name: str | None = None
    # The HTTP exchange: fetch_url, status, protocol, response_headers, request_headers (for WARC).
    http: dict[str, Any] | None = field(default=None, repr=False)
    # For the spider: which queued addresses this article settles once stored (not stored itself).
    frontier: dict | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return self.record["url"]

    def stored(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The record and the page keywords `Archive.save_article` takes for this item."""
        return ({**self.record, "host": self.host, "flags": self.flags},
                {"html": self.html, "encoding": self.encoding, "fetched_at": self.fetched_at,
                 "etag": self.etag, "last_modified": self.last_modified, "school_name": self.school_name,
                 "http": self.http})


def addresses_of(response: Response, url: str, art: Article, school: School) -> tuple[str, list[str]]:
    """The page's canonical URL, and every address that led here: the one requested, redirects,
    the canonical (all leave the queue together)."""
    final_url = canonicalize(response.url)
    if art.canonical_url:
        canon = canonicalize(response.urljoin(art.canonical_url))
        if school.owns(canon) and not is_print_view(canon):
            final_url = canon
    redirects = [canonicalize(r) for r in response.meta.get("redirect_urls", [])]
    return final_url, list(dict.fromkeys([url, final_url, *redirects]))


def item_for(response: Response, site: str, host: str, art: Article, final_url: str, fetched_at: str,
             frontier: dict[str, Any]) -> ArticleItem:
    """The item of an article page: its record under its canonical URL, and the page itself."""
    return ArticleItem(
        record={**art.to_contract(), "url": final_url}, site=site, host=host,
        fetched_at=fetched_at, html=response.body, encoding=art.encoding,
        etag=_header(response, "ETag"), last_modified=_header(response, "Last-Modified"),
        flags=art.flags, school_name=art.school_name, frontier=frontier, http=http_exchange(response))


def http_exchange(response: Response) -> dict[str, Any]:
    """The request and response as they crossed the wire (headers in order, each value apart)."""
    def pairs(headers: Any) -> list[list[str]]:
        return [[k.decode("latin-1"), v.decode("latin-1")] for k, values in headers.items() for v in values]

    request = response.request
    return {"fetch_url": response.url, "status": response.status,
            "protocol": getattr(response, "protocol", None) or "HTTP/1.1",
            "response_headers": pairs(response.headers),
            "request_headers": pairs(request.headers) if request is not None else []}


def _header(response: Response, name: str) -> str | None:
    v = response.headers.get(name)
    return v.decode("latin-1") if v else None
