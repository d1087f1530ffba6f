"""`tct demo`: serve the sample site, crawl it with the real spider, summarise, search, stop."""
from __future__ import annotations

import click

from tct.demo.server import SiteServer
from tct.demo.site import build_routes

DEMO_KEY = "demo-hoaan"


def run_demo(db: str, port: int = 0) -> None:
    from archive.search import search
    from archive.store import open_archive
    from crawler.run import CrawlRequest, run_crawl

    server = SiteServer({}, port=port).start()
    try:
        routes, arts = build_routes(base_url=server.url)
        server.set_routes(routes)
        click.echo(f"Sample school site ({len(arts)} articles) at {server.url}/ ; archive: {db}")
        summary = run_crawl(CrawlRequest(db=db, start_url=server.url + "/", sites=[DEMO_KEY],
                                         settings={"DOWNLOAD_DELAY": "0"}, progress=True))
        click.echo(summary.render())
    finally:
        server.stop()
    with open_archive(db) as arc:
        total = arc.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        click.echo(f"\nThe archive holds {total} articles. Search: tct search \"khai giang\" --db {db}")
        for hit in search(arc, "khai giang", limit=3):
            click.echo(f"  {hit['published_at'][:10]}  {hit['title']}\n      {hit['snippet']}")
    click.echo(f"\nExport them: tct export --db {db} --format jsonl -o -")
