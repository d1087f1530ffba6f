"""`tct reparse`: run the current extractor over every stored page, without re-crawling.

A better parser improves the whole archive: each stored page is extracted again; a record that
comes out different is updated and its earlier version kept as a revision. Hosts' templates are
learned from the stored pages first, as a crawl would learn them.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from archive.store import Archive
from crawler.parser import HostTemplate, extract, learn_template
from crawler.urls import host_key

COMMIT_EVERY = 500


def reparse(archive: Archive, sites: tuple[str, ...] = (),
            progress: Callable[[int], None] | None = None) -> Counter:
    """Re-extract stored pages (of `sites`, or all); counts by outcome."""
    templates: dict[str, HostTemplate] = defaultdict(HostTemplate)

    def pages():
        for aid, url, site, html in archive.raw_pages():
            if not sites or site in sites:
                yield aid, url, site, html

    for _, url, _, html in pages():
        learn_template(templates[host_key(url)], html)
    counts: Counter = Counter()
    archive.batching = True  # commit every COMMIT_EVERY pages, not every page
    try:
        for n, (_aid, url, site, html) in enumerate(pages(), 1):
            if progress is not None:
                progress(n)
            if n % COMMIT_EVERY == 0:
                archive.commit()
            art = extract(html, url, template=templates[host_key(url)], links=False)
            if not art.title or not art.body:
                counts["kept"] += 1  # the new parser finds no article here: keep what we have
                continue
            rec = art.to_contract()
            rec["url"] = url
            rec["host"] = host_key(url)
            counts[archive.save_article(rec, site=site).status] += 1
    finally:  # what was re-extracted is kept, even when interrupted
        archive.commit()
        archive.batching = False
    return counts
