"""A Scrapyd node as `tct cluster` uses it: Scrapyd's JSON API and its item feeds, over plain HTTP
(urllib; no client library needed). Every failure to reach a node or a refusal from it is a
NodeError that names the node.

A node behind Scrapyd's basic authentication is given as http://USER:PASSWORD@host:6800; the
credentials go into an Authorization header and are dropped from `url`, the name the node is
printed and stored under."""
from __future__ import annotations

import base64
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

PROJECT = "tct"
SPIDER = "schools"
TIMEOUT = 10.0
JOB_STATES = ("pending", "running", "finished")


class NodeError(Exception):
    """A Scrapyd node that cannot be reached or answers with an error."""


@dataclass
class ScrapydNode:
    url: str  # http://host:6800
    timeout: float = TIMEOUT  # seconds an API call may take (an item feed read: three times this)

    def __post_init__(self) -> None:
        parts = urllib.parse.urlsplit(self.url.rstrip("/"))
        self.headers: dict[str, str] = {}
        if parts.username is not None:
            user, password = (urllib.parse.unquote(v or "") for v in (parts.username, parts.password))
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"
            parts = parts._replace(netloc=parts.netloc.rpartition("@")[2])
        self.url = urllib.parse.urlunsplit(parts)

    def _call(self, endpoint: str, params: dict[str, str] | None = None,
              form: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        query = ("?" + urllib.parse.urlencode(params)) if params else ""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        req = urllib.request.Request(f"{self.url}/{endpoint}{query}", data=data, headers=self.headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                answer = json.load(resp)
        except (OSError, ValueError) as exc:  # refused, timed out, DNS, HTTP error, not JSON
            raise NodeError(f"{self.url}: {exc}") from None
        if answer.get("status") != "ok":
            raise NodeError(f"{self.url}: {answer.get('message') or answer}")
        return answer

    def status(self) -> dict[str, Any]:
        """Daemon status (pending/running/finished counts) and this project's jobs."""
        daemon = self._call("daemonstatus.json")
        projects = self._call("listprojects.json").get("projects", [])
        jobs = self._call("listjobs.json", {"project": PROJECT}) if PROJECT in projects else {}
        return {"node": self.url, "name": daemon.get("node_name"), "pending": daemon.get("pending", 0),
                "running": daemon.get("running", 0), "finished": daemon.get("finished", 0),
                "deployed": PROJECT in projects,
                "jobs": [{"state": state, **{k: j.get(k) for k in ("id", "spider", "start_time", "end_time")}}
                         for state in JOB_STATES for j in jobs.get(state, [])]}

    def jobs(self) -> dict[str, str]:
        """The project's jobs on this node: job id -> pending | running | finished."""
        answer = self._call("listjobs.json", {"project": PROJECT})
        return {j["id"]: state for state in JOB_STATES for j in answer.get(state, [])}

    def schedule(self, job: str, args: dict[str, str], settings: dict[str, str]) -> None:
        """Schedule the `schools` spider as job `job` with spider arguments and settings."""
        form = [("project", PROJECT), ("spider", SPIDER), ("jobid", job), *args.items(),
                *(("setting", f"{k}={v}") for k, v in settings.items())]
        self._call("schedule.json", form=form)

    def cancel(self, job: str) -> None:
        self._call("cancel.json", form=[("project", PROJECT), ("job", job)])

    def items(self, job: str, offset: int, limit: int) -> bytes | None:
        """Up to `limit` bytes of a job's item feed from `offset` (b"" when there are no more yet;
        None when the job has no feed (yet))."""
        wanted = {"Range": f"bytes={offset}-{offset + limit - 1}"}
        req = urllib.request.Request(f"{self.url}/items/{PROJECT}/{SPIDER}/{job}.jl",
                                     headers={**self.headers, **wanted})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout * 3) as resp:
                data = resp.read()
                whole = resp.status == 200  # the server ignored the range
        except urllib.error.HTTPError as exc:
            if exc.code == 416:  # nothing past `offset`
                return b""
            if exc.code == 404:
                return None
            raise NodeError(f"{self.url}: items of {job}: {exc}") from None
        except OSError as exc:
            raise NodeError(f"{self.url}: items of {job}: {exc}") from None
        return data[offset:offset + limit] if whole else data

    def log_url(self, job: str) -> str:
        return f"{self.url}/logs/{PROJECT}/{SPIDER}/{job}.log"


def job_name(site: str, run_id: int, token: str) -> str:
    """A Scrapyd job id for a school's run: readable, unique across archives, safe as a file name."""
    return f"{re.sub(r'[^a-z0-9]+', '-', site.lower()).strip('-')}-r{run_id}-{token[:8].lower()}"
