"""`tct cluster crawl`: one Scrapyd job per school, spread over nodes by their free slots; the
coordinator is the archive's one writer.

Each job fetches its school's state from the coordinator (tct.state_server), crawls on its node
and writes wire lines into its Scrapyd item feed (crawler.node); the coordinator reads each feed
over HTTP from the byte offset it reached and applies the lines (archive.replica), committing the
new offset in the same transaction as the lines: a coordinator killed and restarted reads on from
there, so nothing is applied twice and nothing is skipped. A job is complete when its run line is
read. A job whose node stays unreachable, or that ends or vanishes without its run line, failed:
its school runs again on another node, from the state the archive then holds (what the failed job
delivered stays; the rest is fetched again). One school never has two live jobs.
"""
from __future__ import annotations

import json
import secrets
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from archive.lock import ArchiveLock
from archive.nearcopies import link_pending
from archive.replica import WireError, apply_line
from archive.store import Archive, now_iso
from tct.scrapyd_api import TIMEOUT, NodeError, ScrapydNode, job_name
from tct.state_server import StateServer

CHUNK = 4 * 1024 * 1024  # bytes of a feed read at a time
PROGRESS_SECONDS = 30.0  # a line saying how far the crawl is, this often


@dataclass
class Options:
    slots: int = 4  # jobs a node runs at once
    poll: float = 1.0  # seconds between looks at the nodes
    node_timeout: float = 60.0  # a node unreachable this long has lost its jobs
    attempts: int = 3  # jobs a school may take before it is given up
    settings: dict[str, str] = field(default_factory=dict)  # -s NAME=VALUE for every job
    listen: tuple[str, int] = ("127.0.0.1", 0)  # where the state server listens
    public_url: str | None = None  # how nodes reach it (default: http://listen)


@dataclass
class Job:
    id: int
    site: str
    start_url: str | None
    node: str
    job: str
    run_id: int
    token: str
    attempt: int
    offset: int = 0


@dataclass
class NodeView:
    api: ScrapydNode
    jobs: dict[str, str] | None = None  # job id -> state, as of the last look; None: unreachable
    down_since: float | None = None
    stale: set[str] = field(default_factory=set)  # jobs given up on here, to cancel if seen alive


class Coordinator:
    def __init__(self, db: str, nodes: list[str], schools: list[Any], known: list[Any],
                 options: Options, start_urls: dict[str, str] | None = None,
                 echo: Callable[[str], None] = print):
        """`schools` to crawl (crawler.registry.School), `known`: all the registry holds;
        `start_urls`: the schools given by a start URL rather than a registry key."""
        self.db_path = db
        # A node that hangs holds the loop up for its timeout: never longer than a node may be away.
        self.timeout = min(TIMEOUT, max(1.0, options.node_timeout))
        self.nodes = {api.url: NodeView(api) for api in (ScrapydNode(u, self.timeout) for u in nodes)}
        self.given = set(self.nodes)  # new jobs go to these; others only finish what they run
        self.schools = {s.key: s for s in schools}
        self.start_urls = start_urls or {}
        self.known = known
        self.opt = options
        self.echo = echo
        self.arc: Archive | None = None
        self.public = ""  # the state endpoint's address as nodes reach it, once it listens
        self.crawl_id = 0
        self.waiting: list[str] = []  # schools to schedule, in order
        self.active: dict[str, Job] = {}  # school -> its live job
        self.tries: Counter = Counter()  # jobs each school has had in this crawl
        self.avoid: dict[str, str] = {}  # school -> the node its last job failed on
        self.given_up: dict[str, str] = {}
        self.done: list[str] = []
        self.received = 0  # article lines applied by this coordinator

    # -- life cycle ---------------------------------------------------------------------------
    def run(self) -> int:
        """Crawl every school; 0 when each finished, 1 when one was given up."""
        lock = ArchiveLock(self.db_path).acquire()  # ArchiveLocked: another crawl writes here
        server: StateServer | None = None
        try:
            self.arc = Archive(self.db_path)
            server = StateServer(self.db_path, self._lookup, *self.opt.listen).start()
            self.public = self.opt.public_url or f"http://{self.opt.listen[0]}:{server.port}"
            self.arc.sync_schools(s.as_row() for s in self.known)
            self._resume()
            shown = time.monotonic()
            while self.waiting or self.active:
                self._look()
                for job in list(self.active.values()):
                    self._read(job)
                self._schedule()
                self._strand()
                if time.monotonic() - shown >= PROGRESS_SECONDS:
                    self.echo(self.progress())
                    shown = time.monotonic()
                if self.waiting or self.active:
                    time.sleep(self.opt.poll)
            self._write("UPDATE cluster_crawls SET finished_at = ? WHERE id = ?",
                        [now_iso(), self.crawl_id])
            linked = link_pending(self.arc).linked  # the crawl's new articles against the archive
            if linked:
                self.echo(f"{linked} new articles linked to an earlier near-copy")
        finally:
            if server is not None:
                server.stop()
            if self.arc is not None:
                self.arc.close()
            lock.release()
        for site, why in self.given_up.items():
            self.echo(f"[{site}] given up: {why}")
        return 1 if self.given_up else 0

    def progress(self) -> str:
        """One line: schools done, running, waiting, given up; articles received so far."""
        total = len(self.done) + len(self.active) + len(self.waiting) + len(self.given_up)
        return (f"{len(self.done)} of {total} schools done, {len(self.active)} running, "
                f"{len(self.waiting)} waiting"
                + (f", {len(self.given_up)} given up" if self.given_up else "")
                + f"; {self.received:,} articles received")

    def summary(self) -> str:
        """The runs of this crawl's schools, as `tct crawl` prints them."""
        from crawler.run import CrawlSummary

        with Archive(self.db_path, create=False) as arc:
            return CrawlSummary(list(arc.db.query(
                "SELECT r.* FROM cluster_jobs j JOIN runs r ON r.id = j.run_id WHERE j.crawl_id = ? "
                "AND j.state = 'done' ORDER BY r.site", [self.crawl_id]))).render()

    def _resume(self) -> None:
        """Start a crawl, or go on with the unfinished one: adopt its live jobs, skip its done schools."""
        db = self.arc.db
        row = db.execute("SELECT id FROM cluster_crawls WHERE finished_at IS NULL "
                         "ORDER BY id DESC").fetchone()
        if row is None:
            self.crawl_id = self._write("INSERT INTO cluster_crawls (started_at, sites) VALUES (?, ?)",
                                        [now_iso(), json.dumps(sorted(self.schools))]).lastrowid
        else:
            self.crawl_id = row[0]
            self.echo(f"resuming cluster crawl {self.crawl_id}")
        for r in db.query("SELECT * FROM cluster_jobs WHERE crawl_id = ? ORDER BY id", [self.crawl_id]):
            self.tries[r["site"]] += 1
            if r["state"] == "done":
                self.done.append(r["site"])
            elif r["state"] == "active":
                self.active[r["site"]] = Job(r["id"], r["site"], r["start_url"], r["node"], r["job"],
                                             r["run_id"], r["token"], r["attempt"], r["feed_offset"])
                self.nodes.setdefault(r["node"], NodeView(ScrapydNode(r["node"], self.timeout)))
                if r["start_url"]:  # a school given by its URL: a rerun is scheduled the same way
                    self.start_urls.setdefault(r["site"], r["start_url"])
        self.waiting = [k for k in self.schools if k not in self.done and k not in self.active]

    def _lookup(self, token: str) -> tuple[str, int] | None:
        for job in list(self.active.values()):
            if secrets.compare_digest(job.token, token):
                return job.site, job.run_id
        return None

    def _write(self, sql: str, params: list[Any]) -> Any:
        with self.arc.transaction():
            return self.arc.db.execute(sql, params)

    # -- the nodes ----------------------------------------------------------------------------
    def _look(self) -> None:
        """Each node's jobs; a node unreachable longer than node_timeout loses its jobs."""
        now = time.monotonic()
        for url, view in self.nodes.items():
            try:
                view.jobs = view.api.jobs()
            except NodeError as exc:
                if view.down_since is None:
                    self.echo(f"node unreachable: {exc}")
                    view.down_since = now
                view.jobs = None
                if now - view.down_since >= self.opt.node_timeout:
                    for job in [j for j in self.active.values() if j.node == url]:
                        view.stale.add(job.job)
                        self._fail(job, f"node {url} unreachable for {now - view.down_since:.0f} s")
                continue
            if view.down_since is not None:
                self.echo(f"node {url} is back")
                view.down_since = None
            for stale in [j for j in view.stale if view.jobs.get(j) in ("pending", "running")]:
                try:  # a job given up on while its node was away must not crawl beside its rerun
                    view.api.cancel(stale)
                    view.stale.discard(stale)
                    self.echo(f"node {url}: cancelled job {stale} (given up while the node was away)")
                except NodeError:
                    pass

    def _schedule(self) -> None:
        """Waiting schools to nodes that answer and have a free slot: not the node the school
        last failed on, then one where none of our jobs waits in Scrapyd's queue (its max_proc
        may be below --slots), then the least busy."""
        for site in list(self.waiting):
            load = Counter(j.node for j in self.active.values())
            free = [u for u, v in self.nodes.items()
                    if u in self.given and v.jobs is not None and load[u] < self.opt.slots]
            if not free:
                return
            node = min(free, key=lambda u: (u == self.avoid.get(site),
                                            "pending" in self.nodes[u].jobs.values(), load[u]))
            self._start(site, node)

    def _strand(self) -> None:
        """No node named has answered for node_timeout: the schools still waiting are given up
        (a nightly run ends with its reasons instead of waiting for ever)."""
        now = time.monotonic()
        if self.waiting and all(v.down_since is not None and now - v.down_since >= self.opt.node_timeout
                                for u, v in self.nodes.items() if u in self.given):
            for site in self.waiting:
                self.given_up[site] = f"no node answered for {self.opt.node_timeout:g} s"
            self.waiting.clear()

    def _start(self, site: str, node: str) -> None:
        start_url = self.start_urls.get(site)
        token = secrets.token_hex(16)
        run_id = self.arc.start_run(site)
        job = Job(0, site, start_url, node, job_name(site, run_id, token), run_id, token,
                  self.tries[site] + 1)
        # Recorded before it is sent: a coordinator that dies in between finds the job, asks the
        # node, and schedules again if the node never got it.
        job.id = self._write(
            "INSERT INTO cluster_jobs (crawl_id, site, start_url, node, job, run_id, token, attempt, state, "
            "feed_offset, scheduled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', 0, ?)",
            [self.crawl_id, site, start_url, node, job.job, run_id, token, job.attempt, now_iso()]).lastrowid
        self.waiting.remove(site)
        self.active[site] = job
        self.tries[site] += 1
        args = {"url": start_url} if start_url else {"site": site}
        try:
            self.nodes[node].api.schedule(job.job, args, {
                **self.opt.settings, "TCT_CLUSTER_STATE": f"{self.public}/state/{token}"})
        except NodeError as exc:
            self._fail(job, f"not scheduled: {exc}")
            return
        self.echo(f"[{site}] run {run_id} on {node} (job {job.job})")

    # -- the feeds ----------------------------------------------------------------------------
    def _read(self, job: Job) -> None:
        """Apply what the job's feed holds past our offset; settle the job when it has ended."""
        view = self.nodes[job.node]
        if view.jobs is None:
            return
        state = view.jobs.get(job.job)
        if state == "pending":
            return
        try:
            complete = self._pull(job, view.api)
        except NodeError as exc:
            self.echo(f"[{job.site}] feed of {job.job}: {exc}")
            return
        except (WireError, ValueError, KeyError) as exc:
            self._fail(job, f"unreadable feed line at byte {job.offset}: {exc}")
            return
        if complete:
            self._settle(job)
        elif state == "finished":
            self._fail(job, f"{self._why_ended(job, view.api)}; its log: {view.api.log_url(job.job)}")
        elif state is None:
            self._fail(job, f"the job is gone from {job.node} (Scrapyd restarted?)")

    def _settle(self, job: Job) -> None:
        """The job's run line is applied: done if its crawl finished, else (cancelled, its node's
        disk full) failed, its run keeping the status the node gave it."""
        run = next(self.arc.db.query("SELECT * FROM runs WHERE id = ?", [job.run_id]))
        if run["status"] != "finished":
            self._fail(job, f"its run ended {run['status']}")
            return
        self._write("UPDATE cluster_jobs SET state = 'done', finished_at = ? WHERE id = ?",
                    [now_iso(), job.id])
        del self.active[job.site]
        self.done.append(job.site)
        self.echo(f"[{job.site}] finished on {job.node}: {run['pages_fetched']} pages, "
                  f"{run['articles_new']} new, {run['articles_changed']} changed (run {job.run_id}); "
                  + self.progress())

    @staticmethod
    def _why_ended(job: Job, api: ScrapydNode) -> str:
        """Why a job that Scrapyd says finished left no run record."""
        try:
            no_feed = job.offset == 0 and api.items(job.job, 0, 1) is None
        except NodeError:
            no_feed = False
        if no_feed:
            return "the job wrote no item feed (is items_dir set in the node's scrapyd.conf?)"
        return "the job ended without its run record"

    def _pull(self, job: Job, api: ScrapydNode) -> bool:
        """Read and apply the feed from the job's offset; True once its run line is applied."""
        while (lines := self._complete_lines(job, api)) is not None:
            if self._apply(job, lines.split(b"\n")[:-1]):
                return True
        return False

    @staticmethod
    def _complete_lines(job: Job, api: ScrapydNode) -> bytes | None:
        """The whole lines of the feed past the job's offset, about CHUNK bytes of them (more
        for one longer line); None when there is no whole line yet."""
        data = b""
        while more := api.items(job.job, job.offset + len(data), CHUNK):
            data += more
            if b"\n" in more or len(more) < CHUNK:
                break
        return data[:data.rfind(b"\n") + 1] or None

    def _apply(self, job: Job, lines: list[bytes]) -> bool:
        """Apply complete lines and move the offset past them, in one transaction."""
        finished, received = False, 0
        size = sum(len(raw) + 1 for raw in lines)
        with self.arc.transaction():
            for raw in lines:
                line = json.loads(raw)
                apply_line(self.arc, line, job.run_id)
                finished = finished or line.get("t") == "run"
                received += line.get("t") == "article"
            self.arc.db.execute("UPDATE cluster_jobs SET feed_offset = ? WHERE id = ?",
                                [job.offset + size, job.id])
        job.offset += size
        self.received += received
        return finished

    def _fail(self, job: Job, reason: str) -> None:
        """The job is over without its run: record why; its school waits for another node."""
        self.echo(f"[{job.site}] job {job.job} failed: {reason}")
        with self.arc.transaction():
            self.arc.db.execute("UPDATE cluster_jobs SET state = 'failed', finished_at = ?, reason = ? "
                                "WHERE id = ?", [now_iso(), reason, job.id])
            self.arc.db.execute("UPDATE runs SET status = 'lost', finished_at = ?, errors = ?, "
                                "error_count = 1 WHERE id = ? AND status = 'running'",
                                [now_iso(), json.dumps({"cluster_job": 1}), job.run_id])
        del self.active[job.site]
        self.avoid[job.site] = job.node
        if self.tries[job.site] >= self.opt.attempts:
            self.given_up[job.site] = reason
        else:
            self.waiting.append(job.site)

