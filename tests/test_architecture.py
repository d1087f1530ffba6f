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


def _functions(package: str):
    for path in _modules(package):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield path, node


def test_functions_are_short_and_the_spider_is_small():
    long = [f"{p.relative_to(ROOT)}:{n.lineno} {n.name} ({n.end_lineno - n.lineno + 1} lines)"
            for pkg in ("crawler", "archive", "tct") for p, n in _functions(pkg)
            if n.end_lineno - n.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []
    for spider in (ROOT / "crawler" / "spiders").glob("*.py"):
        assert len(spider.read_text(encoding="utf-8").splitlines()) <= MAX_SPIDER_LINES, spider.name


def test_every_rule_table_is_used_and_holds_what_it_says():
    from crawler.parser import rules

    code = "\n".join(p.read_text(encoding="utf-8") for p in _modules("crawler") if p.name != "rules.py")
    tables = [name for name in dir(rules) if name.isupper() and not name.startswith("_")]
    assert [t for t in tables if f"rules.{t}" not in code and f"import {t}" not in code] == []
    assert all(w.replace("'", "").replace("’", "").isalpha() for w in rules.SURNAMES), \
        sorted(w for w in rules.SURNAMES if not w.replace("'", "").isalpha())


def test_no_test_module_imports_another():
    tests = {p.stem for p in (ROOT / "tests").glob("test_*.py")}
    bad = [f"{p.name} imports {n}" for p in (ROOT / "tests").glob("test_*.py") for n in _imported(p)
           if n.split(".")[-1] in tests or n == "tests.conftest"]
    assert bad == []


def test_the_article_fields_are_defined_once():
    """archive/records.py holds the fields; the parser's Article carries each, the item and the
    exports take them from there (a new field: one row there, one attribute the parser fills)."""
    from dataclasses import fields

    from archive.records import ARTICLE_FIELDS, CONTRACT_KEYS, RECORD_COLUMNS
    from crawler.parser import Article

    assert set(CONTRACT_KEYS) <= {f.name for f in fields(Article)}
    assert ("url", *ARTICLE_FIELDS) == CONTRACT_KEYS and RECORD_COLUMNS[:len(CONTRACT_KEYS)] == CONTRACT_KEYS
    spelling = '"author_degree", "author_role"'
    spelled = [p.relative_to(ROOT) for pkg in ("crawler", "archive", "tct") for p in _modules(pkg)
               if p.name != "records.py" and spelling in p.read_text(encoding="utf-8")]
    assert spelled == []
