"""Helpers the test modules share (no test module imports another): the `tct` command run as a
user runs it, and the corpus comparison rules."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).parent / "pages"
EXACT = ("title", "published_at", "author", "author_degree", "author_role")


def tct(*args: str, check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python -m tct ARGS` in a real subprocess, as a user or cron would."""
    env = dict(os.environ)
    env.pop("TCT_DB", None)
    proc = subprocess.run([sys.executable, "-m", "tct", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)
    if check and proc.returncode != 0:
        raise AssertionError(f"tct {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def crawl(url: str, db: Path, *extra: str) -> subprocess.CompletedProcess:
    return tct("crawl", "--url", url, "--db", str(db), "-s", "DOWNLOAD_DELAY=0", "--quiet", *extra)


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


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (for a server a test starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_text(url: str, timeout: float = 20) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return resp.read().decode("utf-8")


def get_json(url: str, timeout: float = 20):
    return json.loads(get_text(url, timeout))


def start_server(argv: list[str], ready_url: str, cwd: Path | None = None) -> subprocess.Popen:
    """Start a real server (Datasette, Scrapyd) and return once `ready_url` answers; the caller
    stops it (stop_server). A server that does not answer in 10 s is killed and fails the test."""
    import pytest

    # A session of its own: stop_server ends the server with every process it started.
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    for _ in range(100):
        try:
            get_text(ready_url)
            return proc
        except urllib.error.HTTPError:  # it answers (asks for credentials, say)
            return proc
        except OSError:
            time.sleep(0.1)
    stop_server(proc)
    pytest.fail(f"{Path(argv[0]).name} {' '.join(argv[1:3])} did not answer at {ready_url}")


def stop_server(proc: subprocess.Popen) -> None:
    """SIGKILL a server started by start_server and every process it started (as a machine dies)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


BIN = Path(sys.executable).parent


def start_scrapyd(folder: Path, max_proc: int = 2, port: int | None = None, items: bool = True,
                  auth: str = "") -> tuple[str, subprocess.Popen]:
    """A real Scrapyd on 127.0.0.1 with its own folders (eggs, logs, item feeds unless not
    `items`) under `folder`; behind basic authentication with `auth` ("user:password"), whose
    URL then carries the credentials."""
    port = port or free_port()
    folder.mkdir(parents=True, exist_ok=True)
    user, _, password = auth.partition(":")
    (folder / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {folder}/eggs\n"
        f"logs_dir = {folder}/logs\nitems_dir = {folder / 'items' if items else ''}\ndbs_dir = {folder}/dbs\n"
        f"max_proc = {max_proc}\njobs_to_keep = 100\npoll_interval = 0.2\n"
        f"username = {user}\npassword = {password}\n")
    proc = start_server([str(BIN / "scrapyd")], f"http://127.0.0.1:{port}/daemonstatus.json", cwd=folder)
    return f"http://{auth + '@' if auth else ''}127.0.0.1:{port}", proc


def deploy(folder: Path, nodes: list[str]) -> None:
    """`scrapyd-deploy -a` as a user runs it, from a copy of the project (it writes a setup.py
    beside it), to every node named in its scrapy.cfg."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for name in ("crawler", "archive", "tct", "pyproject.toml", "scrapy.cfg", "README.md", "LICENSE"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, folder / name)
    targets = ""
    for i, url in enumerate(nodes):
        parts = urllib.parse.urlsplit(url)
        bare = url.replace(f"{parts.username}:{parts.password}@", "") if parts.username else url
        login = f"username = {parts.username}\npassword = {parts.password}\n" if parts.username else ""
        targets += f"\n[deploy:node{i}]\nurl = {bare}/\nproject = tct\n{login}"
    cfg = folder / "scrapy.cfg"
    cfg.write_text(cfg.read_text().split("[deploy")[0] + targets)
    out = subprocess.run([str(BIN / "scrapyd-deploy"), "-a"], cwd=folder, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0 and out.stdout.count('"status": "ok"') + out.stderr.count(
        '"status": "ok"') == len(nodes), out.stdout + out.stderr


HIDING = re.compile(r"(?:^|\s)(?:hidden|hide|d-none|sr-only|screen-reader-text)(?:$|\s)")


def strip_names(data: bytes, seed: int = 7) -> str:
    """The page with every class and id replaced by a random token (the same word, the same token):
    what the extractor reads from the page's shape alone, with no name to vote."""
    import random

    from lxml import etree

    from crawler.parser import parse_tree
    from crawler.parser.decode import decode_html

    text, _ = decode_html(data, None)
    root = parse_tree(text)
    rnd, tokens = random.Random(seed), {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if HIDING.search(el.get("class") or ""):
            el.set("hidden", "")  # what a hiding class hides stays hidden: the reader's page is the same
        for attr in ("class", "id"):
            value = el.get(attr)
            if value:
                el.set(attr, " ".join(tokens.setdefault(t, f"x{rnd.randrange(16 ** 6):06x}")
                                      for t in value.split()))
    return etree.tostring(root, encoding="unicode", method="html")
