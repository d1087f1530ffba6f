"""Listings paged as the CMSs page them, for the mock sites: which items each page holds, the
addresses WordPress gives the pages, and a numbered pager in a theme's own markup."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def pages_of(items: Sequence[T], per_page: int) -> Iterator[tuple[int, int, Sequence[T]]]:
    """(n, how many pages, the items of page n) of a listing: one page at least, even empty."""
    pages = max(1, -(-len(items) // per_page))
    for n in range(1, pages + 1):
        yield n, pages, items[(n - 1) * per_page:n * per_page]


def wp_page(base: str, n: int) -> str:
    """WordPress's address of page n of the archive at `base`: the archive's own for the first."""
    return base if n == 1 else f"{base}page/{n}/"


def page_numbers(n: int, pages: int, link: str, current: str | None = None,
                 path: Callable[[str, int], str] = wp_page, base: str = "/") -> str:
    """A pager of numbers: `link` (a format of {href} and {m}) for each other page, `current` (of
    {m}) for page n, which is left out when None."""
    return "".join(link.format(href=path(base, m), m=m) if m != n else current.format(m=m)
                   for m in range(1, pages + 1) if m != n or current is not None)
