"""Optional per-site refinements (CSS selectors from the registry) applied after generic extraction.

A profile never replaces the generic extractor: it overrides only the fields it names, and a
selector that matches nothing leaves the generic value in place.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from crawler.parser.dates import find_date, iso, plausible
from crawler.parser.lines import clean_ws
from crawler.parser.title import bounded

if TYPE_CHECKING:
    from crawler.parser import Article


@dataclass(frozen=True)
class SiteProfile:
    title: str | None = None
    date: str | None = None
    author: str | None = None
    body: str | None = None

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None) -> SiteProfile | None:
        if not data:
            return None
        unknown = set(data) - {"title", "date", "author", "body"}
        if unknown:
            raise ValueError(f"unknown profile selector(s): {', '.join(sorted(unknown))}")
        return cls(**data)


def _select_text(root, selector: str) -> list[str]:
    try:
        nodes = _select(selector, root)
    except Exception:  # noqa: BLE001 - a bad selector in the registry must not stop a crawl
        return []
    return [clean_ws(" ".join(n.itertext())) for n in nodes if clean_ws(" ".join(n.itertext()))]


def apply_profile(art: Article, root, profile: SiteProfile, now: datetime) -> None:
    from crawler.parser import authors

    if profile.title:
        texts = _select_text(root, profile.title)
        if texts:
            art.title = bounded(texts[0])
    if profile.date:
        for t in _select_text(root, profile.date):
            found = find_date(t)
            if found and plausible(found.when, now):
                art.published_at = iso(found.when)
                break
    if profile.author:
        for t in _select_text(root, profile.author):
            p = authors.parse_person(t, bare_ok=True)
            if p is not None:
                art.author, art.author_degree, art.author_role = p.name, p.degree, p.role
                break
    if profile.body:
        try:
            nodes = _select(profile.body, root)
        except Exception:  # noqa: BLE001
            nodes = []
        if nodes:
            from crawler.parser.lines import linearize

            paras = [ln.text for n in nodes for ln in linearize(n)]
            if paras:
                art.body = "\n\n".join(paras)


def _select(selector: str, root: Any) -> list[Any]:
    from lxml.cssselect import CSSSelector  # only sites with a profile need it: loaded on first use

    return CSSSelector(selector)(root)
