"""A host's template, learned from its own pages: lines that recur on many pages are chrome.

Menus, counters, slogans and footers repeat on every page of a site; an article's sentences do
not. Feeding a few pages of one host to `HostTemplate.learn()` lets the extractor drop those
lines before it looks for the headline and the text.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from crawler.parser import rules
from crawler.parser.lines import Line

MIN_PAGES = 6  # fewer pages cannot tell a template line from a coincidence (one author, 4 pages)
SHARE = 0.6  # a line on at least this share of the pages is template
LEARN_PAGES = 300  # pages of a host it learns from; a template is clear long before


def _key(line: Line) -> int:
    # Link text and plain text are kept apart: a headline is plain on its own page but a link in
    # the "latest news" box of every other page, and must not count as template. Python's own
    # string hash is enough: a template lives in one process.
    return hash((line.link_density > rules.LINK_LINE, line.text.casefold()))


def _protected(text: str) -> bool:
    from crawler.parser.authors import is_role_line, parse_person
    from crawler.parser.dates import find_date

    return (parse_person(text) is not None or is_role_line(text)
            or (len(text) < 80 and find_date(text) is not None))


class HostTemplate:
    def __init__(self) -> None:
        self.pages = 0
        self.counts: Counter[int] = Counter()
        self.protected: dict[str, bool] = {}  # of template lines only: a bounded set

    @property
    def settled(self) -> bool:
        """LEARN_PAGES pages learned: the template no longer changes."""
        return self.pages >= LEARN_PAGES

    @staticmethod
    def keys(lines: Iterable[Line]) -> frozenset[int]:
        """What `learn` counts of a page: its distinct lines (a worker process can send these)."""
        return frozenset(_key(ln) for ln in lines)

    def learn(self, lines: Iterable[Line]) -> None:
        """Count this page's lines; see `learn_keys`."""
        self.learn_keys(self.keys(lines))

    def learn_keys(self, keys: frozenset[int]) -> None:
        """Count one page's line keys; after LEARN_PAGES pages the template is settled and frozen,
        and lines seen only once are forgotten, so memory stays flat however big the site."""
        if self.settled:
            return
        self.pages += 1
        self.counts.update(keys)
        if self.pages == LEARN_PAGES:
            self.counts = Counter({k: n for k, n in self.counts.items() if n > 1})

    def is_template(self, line: Line) -> bool:
        if self.pages < MIN_PAGES:
            return False
        return self.counts[_key(line)] >= max(MIN_PAGES, SHARE * self.pages)

    def drop_boilerplate(self, lines: list[Line]) -> list[Line]:
        """Lines minus template lines; a page whose lines are all template keeps them all."""
        # Link lines stay: link density already keeps them out of the text, and a listing's
        # item links must stay visible for the listing to be recognised. Credit lines and dates
        # stay too: one teacher may sign most of a site's articles, and that is not a template.
        kept = [ln for ln in lines
                if ln.link_density > rules.LINK_LINE or not self.is_template(ln) or self._protected(ln.text)]
        return kept if kept else lines

    def _protected(self, text: str) -> bool:
        hit = self.protected.get(text)
        if hit is None:
            hit = self.protected[text] = _protected(text)
        return hit
