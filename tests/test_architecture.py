"""The layout is the architecture: spider → parser → pipelines → archive, arrows one way, and the
command line (`tct`) above both packages. These checks read the code, they run nothing."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FUNCTION_LINES = 60
MAX_SPIDER_LINES = 250


def _modules(package: str):
    yield from sorted((ROOT / package).rglob("*.py"))


def _imported(path: Path) -> set[str]:
    """Every module an import statement in the file names, lazy (in-function) ones included."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [f"{p.relative_to(ROOT)} imports {n}" for p in _modules(package) for n in sorted(_imported(p))
            if n.split(".")[0] in forbidden]


def test_the_archive_imports_neither_the_crawler_nor_the_command_line():
    assert _offenders("archive", ("crawler", "tct", "scrapy")) == []


def test_the_crawler_never_imports_the_command_line():
    assert _offenders("crawler", ("tct",)) == []


def test_the_archive_library_works_without_scrapy():
    """A researcher's notebook: store, search and export import with Scrapy (and the crawler) absent."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('scrapy', 'twisted', 'crawler'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import archive.store, archive.search, archive.export, archive.stats\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]
