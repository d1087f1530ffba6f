"""`tct extract` over many files: worker processes give exactly what one process gives, in order."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from crawler.extract_files import PARALLEL_MIN_FILES, extract_files

PAGES = Path(__file__).parent / "pages"


def _batch(tmp_path: Path) -> tuple[list[Path], list[str | None]]:
    """The corpus twice over (a template forms), plus a missing file and a folder among them."""
    paths: list[Path] = []
    urls: list[str | None] = []
    for rnd in range(2):
        for html in sorted(PAGES.glob("*.html")):
            truth = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
            copy = tmp_path / f"{rnd}-{html.name}"
            shutil.copy(html, copy)
            paths.append(copy)
            urls.append(truth["url"] if rnd == 0 else None)
    paths[5:5] = [tmp_path / "missing.html", tmp_path]
    urls[5:5] = ["https://x.gov.vn/a.html", None]
    # Seven pages of one host, each different: its template is learned from them.
    for i in range(7):
        page = tmp_path / f"host-{i}.html"
        page.write_text(f"<html><body><div class=menu>Trang chủ | Giới thiệu | Tin tức</div><h1>Hội nghị "
                        f"chuyên đề số {i} của nhà trường</h1><p>1{i}/03/2024 08:00</p><p>{'Nội dung. ' * 30}"
                        f"{i}</p></body></html>", encoding="utf-8")
        paths.append(page)
        urls.append(f"https://y.gov.vn/tin/{i}.html")
    return paths, urls


def test_workers_give_what_one_process_gives(tmp_path):
    paths, urls = _batch(tmp_path)
    assert len(paths) >= PARALLEL_MIN_FILES
    one = list(extract_files(paths, urls, jobs=1))
    many = list(extract_files(paths, urls, jobs=2))
    assert [(r.path, r.record, r.error) for r in one] == [(r.path, r.record, r.error) for r in many]
    errors = [r for r in one if r.record is None]
    assert [r.path for r in errors] == [tmp_path / "missing.html", tmp_path]
    assert "Is a directory" in errors[1].error
    assert sum(r.record is not None for r in one) == len(paths) - 2


def test_a_folder_among_the_files_is_reported_and_the_rest_printed(tmp_path):
    from click.testing import CliRunner

    from tct.cli import main

    page = tmp_path / "a.html"
    shutil.copy(PAGES / "dnn-post.html", page)
    res = CliRunner().invoke(main, ["extract", str(tmp_path), str(page)])
    assert res.exit_code == 1
    assert len(res.stdout.splitlines()) == 1 and "Is a directory" in res.stderr
