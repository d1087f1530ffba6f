"""The project's own corpus: pages of many CMS layouts, each with hand-written expected fields."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from crawler.parser import extract

PAGES = Path(__file__).parent / "pages"
CASES = sorted(p.stem for p in PAGES.glob("*.html"))
EXACT = ("title", "published_at", "author", "author_degree", "author_role")
MIN_BODY_F1 = 0.98


def norm(v):
    if v is None:
        return None
    return " ".join(unicodedata.normalize("NFC", v).split())


def body_f1(got: str | None, want: str | None) -> float:
    tok = lambda s: Counter(re.findall(r"\w+", unicodedata.normalize("NFC", s or "").lower()))  # noqa: E731
    g, w = tok(got), tok(want)
    if not g and not w:
        return 1.0
    overlap = sum((g & w).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(g.values()), overlap / sum(w.values())
    return 2 * p * r / (p + r)


@pytest.mark.parametrize("case", CASES)
def test_page(case):
    truth = json.loads((PAGES / f"{case}.json").read_text(encoding="utf-8"))
    art = extract((PAGES / f"{case}.html").read_bytes(), truth["url"]).to_contract()
    for field in EXACT:
        assert norm(art[field]) == norm(truth[field]), f"{case}: {field}"
    f1 = body_f1(art["body"], truth["body"])
    assert f1 >= MIN_BODY_F1, f"{case}: body F1 {f1:.3f}\n--- got ---\n{art['body']}"


def test_every_page_has_expected_fields():
    orphans = [p.name for p in PAGES.glob("*.html") if not (PAGES / f"{p.stem}.json").exists()]
    assert not orphans
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES)
def test_page_is_classified_as_an_article(case):
    from crawler.classify import is_article

    truth = json.loads((PAGES / f"{case}.json").read_text(encoding="utf-8"))
    art = extract((PAGES / f"{case}.html").read_bytes(), truth["url"])
    assert is_article(art, truth["url"]), f"{case}: {art.flags} {art.signals}"
