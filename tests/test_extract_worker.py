"""The crawl's extraction pool and its time budget, driven directly (no crawl around it)."""
from __future__ import annotations

import asyncio

from crawler.extract_worker import ExtractionTimeout, Extractor
from crawler.registry import School

ORDINARY = ("<html><head><meta charset='utf-8'><title>Khai giảng lớp bồi dưỡng cán bộ</title></head>"
            "<body><h1>Khai giảng lớp bồi dưỡng cán bộ cơ sở năm 2024</h1><p>12/03/2024 09:00</p>"
            + "<p>Sáng nay, nhà trường tổ chức lễ khai giảng lớp bồi dưỡng cán bộ cơ sở năm 2024.</p>" * 4
            + "</body></html>").encode()
# About 6 MB of text: seconds to extract, far over the budget below.
HUGE = ("<html><body><h1>Trang rất dài của nhà trường</h1>" + "<p>Một câu rất dài. </p>" * 250_000
        + "</body></html>").encode()


def test_a_page_queued_behind_one_over_its_budget_is_extracted_in_the_new_pool():
    """One worker: ordinary pages wait in the pool's queue while the huge one runs; the huge one
    runs over, its pool is replaced (the pages still queued are cancelled with it), and they are
    extracted in the new pool rather than lost."""
    base, host = "http://127.0.0.1:9", "127.0.0.1"
    school = School.for_url(base + "/")

    async def run():
        ex = Extractor(1, budget=0.5)
        try:
            await ex.extract(ORDINARY, f"{base}/tin/0.html", None, school, host)  # the worker is up
            huge = asyncio.ensure_future(ex.extract(HUGE, f"{base}/dai.html", None, school, host))
            await asyncio.sleep(0.1)  # the huge page is the worker's; the next ones queue
            ordinary = await asyncio.gather(*(ex.extract(ORDINARY, f"{base}/tin/{n}.html", None, school, host)
                                              for n in range(1, 5)))
            return huge, ordinary
        finally:
            await asyncio.sleep(0)
            ex.close()

    huge, ordinary = asyncio.run(run())
    assert [art.title for art, _targets in ordinary] == ["Khai giảng lớp bồi dưỡng cán bộ cơ sở năm 2024"] * 4
    assert isinstance(huge.exception(), ExtractionTimeout)
