"""The project's own corpus: pages of many CMS layouts, each with hand-written expected fields."""
from __future__ import annotations

import json

import pytest

from crawler.parser import extract
from tests.support import EXACT, PAGES, body_f1, norm

CASES = sorted(p.stem for p in PAGES.glob("*.html"))
MIN_BODY_F1 = 0.98


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
