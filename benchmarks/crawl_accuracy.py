"""Crawl accuracy on mock school sites: articles archived, missed, extra records, duplicates and
fields right, per layout, tuned and kept-out apart; beside them, the article pages with every field
right when every class and id is renamed to a random token ("stripped": the pages' shape alone).

    python benchmarks/crawl_accuracy.py [--layout NAME ...]

Each site is served on 127.0.0.1 and crawled from its home page by a real `tct crawl`, then
exported. "tuned" layouts are the ones the crawl's rules were developed against (tests assert
them); the "kept-out" ones are never tuned on, so their lines are the honest figure. A layout
written to be kept out is measured once before anything looks at it; if it is then mended, its
first measurement is recorded beside it and it becomes a tuned one.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.parser import extract  # noqa: E402
from crawler.urls import canonicalize  # noqa: E402
from tct.demo.server import SiteServer  # noqa: E402
from tests.sites import (  # noqa: E402
    astra,
    blogger,
    cards,
    cms,
    cms_templates,
    dnn_easy,
    drupal,
    elementor,
    flatsome,
    generatepress,
    gov_portal,
    helix,
    hugo_static,
    joomla_k2,
    kept_out,
    layout,  # noqa: E402
    liferay,
    nextjs,
    portal_subsite,
    portals,
    songhong,
    tagdiv,
    tayling,
    webforms,
    wp_blocks,
)
from tests.support import strip_names  # noqa: E402

FIELDS = ("title", "published_at", "author", "author_degree", "author_role", "body")


def _site(kind: str, site, *start: str) -> tuple:
    """A layout of one mock site module (its `build`, `article_path` and `truth`), crawled from
    its home page or from `start`."""
    return (kind, *layout(site), *start)


def _cms(style):
    return (lambda: cms.build_site(style), lambda arts: [cms.STYLES[style].article_path(a) for a in arts],
            lambda a: a.truth())


LAYOUTS = {
    **{f"cms-{s}": ("tuned", *_cms(s)) for s in sorted(cms.STYLES)},
    "portal": ("tuned", portals.build_portal, portals.portal_article_paths, lambda a: a.truth()),
    "legacy": ("tuned", portals.build_legacy, portals.legacy_article_paths, portals.legacy_truth),
    # Kept out until its first measurement (16/16 archived, 0 extra, 15/16 with every field
    # right); its one miss (a line of keyword links taken as text) was then mended: now tuned.
    "tayling": _site("tuned", tayling),
    # Kept out until its first measurement (0/20 archived: the school's name in the banner and in
    # <title> outscored every headline); mended by two general rules, now tuned.
    "songhong": _site("tuned", songhong),
    # Written from NukeViet 4.5's and Joomla 4 Cassiopeia's own templates. First measurements:
    # NukeViet 16/16 archived, 0 extra (tag pages, category listings kept out), 12/16 all right
    # (pen names over a role line under the sapo missed); Cassiopeia with dates hidden 3/12
    # archived (articles of under 100 words without a date refused), 0 extra. Mended, now tuned.
    "nukeviet45": ("tuned", cms_templates.build_nukeviet45,
                   lambda arts: [cms_templates.nv_path(a) for a in arts], lambda a: a.truth()),
    "cassiopeia": ("tuned", cms_templates.build_cassiopeia,
                   lambda arts: [cms_templates.jm_path(a) for a in arts], cms_templates.truth_without_date),
    "cuulong": _site("kept-out", kept_out),
    # Written in session 11 to stay out; measured: 17/17 archived, 0 extra, 16/17 with every
    # field right (the heading of K2's "Các bài viết mới hơn" box taken for the role of a writer
    # printed without one). Looked at and mended in session 12 by a general rule, now tuned.
    "hamrong": _site("tuned", joomla_k2),
    # Written in session 12 to stay out; first measurement: 16/16 archived, 4 extra (its news
    # listing and three category pages: 20 % of the records), 0/16 with every field right (the
    # "#" permalink of every subheading). Mended by general rules, now tuned.
    "lamha": _site("tuned", hugo_static),
    # Written in session 12 to stay out; first measurement: 17/17 archived, 0 extra, 0/17 with
    # every field right (the time printed as an item of its own beside the day). Mended by a
    # general rule, now tuned.
    "dongtrieu": _site("tuned", elementor),
    # Written in session 13 from what tagDiv's Newspaper theme prints, kept out until its first
    # measurement: 17/17 archived, 0 extra, 0 duplicates, 8/17 with every field right (share
    # buttons between the headline and the text pushed the byline under the featured image out of
    # the top block). Mended by a general rule, now tuned.
    "tanphuoc": _site("tuned", tagdiv),
    # Written in session 13 to stay out: measured (17/17 archived, 0 extra, 0 duplicates, 17/17
    # with every field right), never looked at to change a rule.
    "vinhhung": _site("kept-out", nextjs),
    # Written in session 13 to stay out: measured (17/17 archived, 0 extra, 0 duplicates, 17/17
    # with every field right; a draft gave three posts one slug), never looked at to change a rule.
    "phuoclong": _site("kept-out", flatsome),
    # Written in session 13 to stay out: measured (17/17 archived, 0 extra, 0 duplicates, 17/17
    # with every field right), never looked at to change a rule.
    "quynhluu": _site("kept-out", webforms),
    # Written in session 13 to stay out: measured (17/17 archived, 0 extra, 0 duplicates, 17/17
    # with every field right), never looked at to change a rule.
    "hatien": _site("kept-out", astra),
    # Written in session 14 to check end to end a rule written just before it (an undated post is
    # known by its CMS's class for a post's page): WordPress that shows no date anywhere, posts at
    # /%postname%/, static pages linked by their full titles. 17/17 archived, 0 extra, 17/17 with
    # every field right (14/17 archived without that rule). Tuned, asserted in test_crawl_sites.
    "xuanloc": _site("tuned", generatepress),
    # Written in session 12 to stay out: measured, never looked at to change a rule.
    "kimson": _site("kept-out", liferay),
    # Written in session 12 to stay out: measured, never looked at to change a rule.
    "binhluc": _site("kept-out", helix),
    # Written in session 12 to stay out: measured, never looked at to change a rule.
    "thanhson": _site("kept-out", gov_portal),
    # Written from what EasyDNNnews prints, kept out until its first measurement: 17/17 archived,
    # 0 extra (print copies, tag, writer and month archives kept out), 13/17 with every field
    # right (a tag label alone over its list of tags ended the text of the articles with no
    # writer). Mended by a general rule, now tuned.
    "myson": _site("tuned", dnn_easy),
    # Written from Twenty Twenty-Four's templates, kept out until its first measurement: 16/16
    # archived (the draft gave two posts one slug: the site's fault, mended), 0 extra, 0/16 with
    # every field right (the hour only in the date's own <time>, the related posts' <time>s
    # silencing the page-wide one; a writer typed into the text after `bởi Quản trị viên`, the
    # account's credit, taken for no writer). Mended by general rules, now tuned.
    "ngoclinh": _site("tuned", wp_blocks),
    # Written from nothing but its docstring, kept out until its first measurement: 17/17
    # archived, 0 extra, 0 duplicates (every post also served at /node/N), 6/17 with every field
    # right (the role printed under its own "Đơn vị:" label block missed). Mended, now tuned.
    "benhai": _site("tuned", drupal),
    # Written from nothing but its docstring, kept out until its first measurement: 16/16
    # archived, every field right, 6 extra (the portal's other office's articles, linked from its
    # "Tin của tỉnh" box: 27 % of the records). Mended (a portal subsite's start address scopes a
    # `--url` crawl: registry.portal_subsite), now tuned.
    "binhson": _site("tuned", portal_subsite, portal_subsite.START),
    # Written from nothing but its docstring, kept out until its first measurement: 15/16
    # archived, 0 extra, every archived one all right; the miss was an article reached only by a
    # neighbour's "Bài đăng Cũ hơn" link, refused as a section's. Mended (such links say nothing
    # about the page), now tuned.
    "songlam": _site("tuned", blogger),
    # Written from nothing but its docstring, kept out until its first measurement: 18/18
    # archived, 1 extra (the introduction page, dated by a sidebar card's date), 2/18 with every
    # field right (a related card and a table cut the text to its first paragraph; the writer
    # linked with a degree on the date line, and the role in a box under the text, missed).
    # Mended by general rules (commit of session 11), now tuned.
    "taydo": _site("tuned", cards),
}


def measure(name: str) -> dict:
    _, build, paths, truth_of, *start = LAYOUTS[name]  # (a fifth item: where the crawl starts)
    routes, arts = build()
    tct = [sys.executable, "-m", "tct"]
    with SiteServer(routes) as site, tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "archive.db")
        subprocess.run([*tct, "crawl", "--url", site.url + (start[0] if start else "/"), "--db", db,
                        "-s", "DOWNLOAD_DELAY=0",
                        "--quiet"], check=True, cwd=ROOT, capture_output=True)
        out = subprocess.run([*tct, "export", "--db", db, "--format", "jsonl", "-o", "-"], check=True,
                             cwd=ROOT, capture_output=True, text=True).stdout
        requests = len(site.log)
        base = site.url
    records = [json.loads(line) for line in out.splitlines()]
    got = {r["url"]: r for r in records}
    truth = {canonicalize(base + p): truth_of(a) for p, a in zip(paths(arts), arts, strict=True)}
    both = set(got) & set(truth)
    right = sum(all(got[u][f] == truth[u][f] for f in FIELDS) for u in both)
    return {"layout": name, "articles": len(truth), "archived": len(records), "found": len(both),
            "missed": sorted(u.replace(base, "") for u in set(truth) - set(got)),
            "extra": sorted(u.replace(base, "") for u in set(got) - set(truth)),
            "duplicates": len(records) - len(got), "all_fields_right": right, "requests": requests,
            "stripped_right": names_stripped(routes, arts, paths, truth_of)}


def names_stripped(routes, arts, paths, truth_of) -> int:
    """Article pages with every field right when each class and id is renamed to a random token:
    what the pages' shape alone gives (`tct extract` on each page, no crawl)."""
    right = 0
    for p, a in zip(paths(arts), arts, strict=True):
        route = routes[p]
        page = (route() if callable(route) else route).body
        got = extract(strip_names(page), "http://127.0.0.1" + p).to_contract()
        right += all(got[f] == truth_of(a)[f] for f in FIELDS)
    return right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--layout", action="append", choices=sorted(LAYOUTS))
    args = ap.parse_args()
    print(f"{'layout':<14} {'set':<9} {'articles':>8} {'archived':>8} {'missed':>6} {'extra':>5} {'dups':>4} "
          f"{'fields ok':>9} {'stripped':>8} {'requests':>8}")
    totals: dict[str, list[int]] = {}
    for name in args.layout or list(LAYOUTS):
        r = measure(name)
        kind = LAYOUTS[name][0]
        t = totals.setdefault(kind, [0, 0, 0, 0])
        t[0] += r["articles"]
        t[1] += r["found"]
        t[2] += len(r["extra"])
        t[3] += r["archived"]
        print(f"{name:<14} {kind:<9} {r['articles']:>8} {r['archived']:>8} {len(r['missed']):>6} "
              f"{len(r['extra']):>5} {r['duplicates']:>4} {r['all_fields_right']:>9} "
              f"{r['stripped_right']:>8} {r['requests']:>8}")
        for u in r["missed"]:
            print(f"    missed {u}")
        for u in r["extra"]:
            print(f"    extra  {u}")
    for kind, (n, found, extra, archived) in totals.items():
        print(f"{kind}: {100 * found / n:.1f} % of articles archived, "
              f"{100 * extra / max(archived, 1):.1f} % of archived records not articles")


if __name__ == "__main__":
    main()
