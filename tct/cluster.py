"""`tct cluster`: crawling on Scrapyd nodes. This part: `tct cluster status --node URL ...`, what
each node runs (Scrapyd's own JSON API, over HTTP; no client library needed).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any

import click

PROJECT = "tct"
TIMEOUT = 10.0


class NodeError(Exception):
    """A Scrapyd node that cannot be reached or answers with an error."""


@dataclass
class ScrapydNode:
    url: str  # http://host:6800

    def _get(self, endpoint: str, **params: str) -> dict[str, Any]:
        import urllib.request  # loaded on use: `tct extract` starts without it

        query = ("?" + urllib.parse.urlencode(params)) if params else ""
        try:
            with urllib.request.urlopen(f"{self.url.rstrip('/')}/{endpoint}{query}", timeout=TIMEOUT) as resp:
                data = json.load(resp)
        except (OSError, ValueError) as exc:  # refused, timed out, DNS, HTTP error, not JSON
            raise NodeError(f"{self.url}: {exc}") from None
        if data.get("status") != "ok":
            raise NodeError(f"{self.url}: {data.get('message') or data}")
        return data

    def status(self) -> dict[str, Any]:
        """Daemon status (slots, pending/running/finished counts) and this project's jobs."""
        daemon = self._get("daemonstatus.json")
        projects = self._get("listprojects.json").get("projects", [])
        jobs = self._get("listjobs.json", project=PROJECT) if PROJECT in projects else {}
        return {"node": self.url, "name": daemon.get("node_name"), "pending": daemon.get("pending", 0),
                "running": daemon.get("running", 0), "finished": daemon.get("finished", 0),
                "deployed": PROJECT in projects,
                "jobs": [{"state": state, **{k: j.get(k) for k in ("id", "spider", "start_time", "end_time")}}
                         for state in ("pending", "running", "finished") for j in jobs.get(state, [])]}


@dataclass
class ClusterStatus:
    nodes: list[dict[str, Any]] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)


def cluster_status(urls: list[str]) -> ClusterStatus:
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


@cluster.command()
@click.option("--node", "nodes", multiple=True, required=True, metavar="URL",
              help="A Scrapyd node, e.g. http://10.0.0.5:6800; repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print the nodes and their jobs as JSON.")
def status(nodes: tuple[str, ...], as_json: bool) -> None:
    """What each node runs: its slots, and the tct jobs pending, running and finished.

    Exit status 1 when a node cannot be reached (one line each on stderr).
    """
    result = cluster_status(list(nodes))
    if as_json:
        click.echo(json.dumps({"nodes": result.nodes, "unreachable": result.unreachable}, indent=1))
    else:
        for n in result.nodes:
            deployed = "" if n["deployed"] else "  (project tct not deployed)"
            click.echo(f"{n['node']} [{n['name']}] pending {n['pending']}, running {n['running']}, "
                       f"finished {n['finished']}{deployed}")
            for j in n["jobs"]:
                click.echo(f"  {j['state']:<8} {j['spider']:<10} {j['id']}  {j['start_time'] or ''}"
                           f"  {j['end_time'] or ''}")
    for line in result.unreachable:
        click.echo(f"tct cluster status: node unreachable: {line}", err=True)
    sys.exit(1 if result.unreachable else 0)
