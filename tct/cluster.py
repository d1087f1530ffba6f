"""`tct cluster`: crawling on Scrapyd nodes. `status` shows what each node runs; `crawl` runs one
job per school over the nodes and gathers what they find into one archive (tct.coordinator)."""
from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import dataclass, field
from typing import Any

import click

from tct.options import db_option, parse_settings, registry_option, settings_option

node_option = click.option("--node", "nodes", multiple=True, required=True, metavar="URL",
                           help="A Scrapyd node, e.g. http://10.0.0.5:6800; repeatable.")


@dataclass
class ClusterStatus:
    nodes: list[dict[str, Any]] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)


def cluster_status(urls: list[str]) -> ClusterStatus:
    from tct.scrapyd_api import NodeError, ScrapydNode  # urllib.request: `tct extract` starts without it

    out = ClusterStatus()
    for url in urls:
        try:
            out.nodes.append(ScrapydNode(url).status())
        except NodeError as exc:
            out.unreachable.append(str(exc))
    return out


@click.group()
def cluster() -> None:
    """Crawl on Scrapyd nodes (deploy the project to each with scrapyd-deploy)."""


def archive_jobs(db: str) -> dict[str, Any]:
    """The last cluster crawl an archive records, and its jobs (what a coordinator knows)."""
    from archive.store import open_archive

    with open_archive(db, create=False) as arc:
        if "cluster_crawls" not in arc.db.table_names():
            return {"crawl": None, "jobs": []}
        crawl = next(arc.db.query("SELECT * FROM cluster_crawls ORDER BY id DESC LIMIT 1"), None)
        jobs = [] if crawl is None else list(arc.db.query(
            "SELECT site, node, job, run_id, attempt, state, feed_offset, scheduled_at, finished_at, reason "
            "FROM cluster_jobs WHERE crawl_id = ? ORDER BY id", [crawl["id"]]))
    return {"crawl": crawl, "jobs": jobs}


@cluster.command()
@node_option
@click.option("--db", "db", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Also list the jobs of the last cluster crawl this archive records.")
@click.option("--json", "as_json", is_flag=True, help="Print the nodes and their jobs as JSON.")
def status(nodes: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """What each node runs (pending, running and finished counts, and the tct jobs), and with
    --db what the archive's last cluster crawl handed out and how far each job's feed was read.

    Exit status 1 when a node cannot be reached (one line each on stderr).
    """
    result = cluster_status(list(nodes))
    recorded = archive_jobs(db) if db else None
    if as_json:
        click.echo(json.dumps({"nodes": result.nodes, "unreachable": result.unreachable,
                               **({"archive": recorded} if recorded else {})}, indent=1))
    else:
        for n in result.nodes:
            deployed = "" if n["deployed"] else "  (project tct not deployed)"
            click.echo(f"{n['node']} [{n['name']}] pending {n['pending']}, running {n['running']}, "
                       f"finished {n['finished']}{deployed}")
            for j in n["jobs"]:
                click.echo(f"  {j['state']:<8} {j['spider']:<10} {j['id']}  {j['start_time'] or ''}"
                           f"  {j['end_time'] or ''}")
        if recorded and recorded["crawl"]:
            c = recorded["crawl"]
            click.echo(f"{db}: cluster crawl {c['id']} started {c['started_at']}, "
                       + (f"finished {c['finished_at']}" if c["finished_at"] else "unfinished"))
            for j in recorded["jobs"]:
                click.echo(f"  {j['state']:<7} {j['site']:<20} {j['node']} {j['job']} run {j['run_id']}, "
                           f"{j['feed_offset']:,} bytes read" + (f"; {j['reason']}" if j["reason"] else ""))
    for line in result.unreachable:
        click.echo(f"tct cluster status: node unreachable: {line}", err=True)
    sys.exit(1 if result.unreachable else 0)


def _listen(value: str, public_url: str | None) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise click.BadParameter(f"HOST:PORT, got {value!r}", param_hint="--listen")
    if host in ("0.0.0.0", "::", "[::]") and not public_url:
        raise click.BadParameter("listening on every address: give --public-url, the address the nodes "
                                 "reach this machine by", param_hint="--listen")
    return host, int(port)


@cluster.command()
@node_option
@click.option("--site", "sites", multiple=True, help="Registry key of a school to crawl; repeatable.")
@click.option("--url", "urls", multiple=True, metavar="START_URL",
              help="Crawl the site at this address (no registry entry needed); repeatable.")
@db_option
@settings_option
@registry_option
@click.option("--slots", type=click.IntRange(min=1), default=4, show_default=True,
              help="Jobs a node runs at once (match the nodes' max_proc).")
@click.option("--listen", default="127.0.0.1:0", show_default=True, metavar="HOST:PORT",
              help="Where the nodes fetch their schools' state from this coordinator (port 0: any).")
@click.option("--public-url", metavar="URL",
              help="How the nodes reach --listen, when not as given (e.g. http://10.0.0.1:8765).")
@click.option("--node-timeout", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Seconds a node may stay unreachable before its schools run elsewhere.")
@click.option("--attempts", type=click.IntRange(min=1), default=3, show_default=True,
              help="Jobs a school may take before it is given up.")
@click.option("--poll", type=click.FloatRange(min=0.05), default=1.0, show_default=True,
              help="Seconds between looks at the nodes.")
def crawl(nodes, sites, urls, db, overrides, registry, slots, listen, public_url, node_timeout,
          attempts, poll) -> None:
    """Crawl schools on Scrapyd nodes, one job per school, into the archive at --db.

    Without --site or --url: every active school of the registry. The project must be deployed
    to each node (scrapyd-deploy) with items_dir set in its scrapyd.conf. Killed, run the same
    command again: it picks up the jobs still running and what they produced.
    Exit status 0 when every school finished; 1 when one was given up; 3 when another crawl
    holds the archive.
    """
    from archive.errors import ArchiveError, ArchiveLocked
    from archive.paths import resolve_db_path
    from crawler.registry import RegistryError, School, select_schools
    from tct.coordinator import Coordinator, Options

    try:
        chosen, known = select_schools(",".join(sites) or None, None, registry)
        by_url = [School.for_url(u) for u in urls]
    except (RegistryError, ValueError) as exc:
        raise click.UsageError(str(exc)) from None
    schools = (chosen if sites or not urls else []) + by_url
    keys = [s.key for s in schools]
    if len(set(keys)) < len(keys):
        raise click.UsageError(f"a school is named twice: {', '.join(sorted(keys))}")
    opts = Options(slots=slots, poll=poll, node_timeout=node_timeout, attempts=attempts,
                   settings=parse_settings(overrides), listen=_listen(listen, public_url),
                   public_url=public_url)
    path = str(resolve_db_path(db))
    coordinator = Coordinator(path, list(nodes), schools, known + by_url, opts,
                              start_urls={s.key: u for s, u in zip(by_url, urls, strict=True)},
                              echo=lambda line: click.echo(line, err=True))
    try:
        status = coordinator.run()
    except ArchiveLocked as exc:
        click.echo(f"tct cluster crawl: {exc}", err=True)
        sys.exit(3)
    except (ArchiveError, sqlite3.Error) as exc:  # e.g. the archive's disk is full
        click.echo(f"tct cluster crawl: cannot write to the archive {path}: {exc}; run the same command "
                   "again when it can be written (it resumes)", err=True)
        sys.exit(1)
    except OSError as exc:  # e.g. the --listen port is taken
        click.echo(f"tct cluster crawl: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("tct cluster crawl: stopped; the jobs still running on the nodes are collected by "
                   "the same command run again", err=True)
        sys.exit(130)
    click.echo(coordinator.summary())
    sys.exit(status)
