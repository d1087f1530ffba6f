"""The node side of `tct cluster crawl`: a Scrapyd job that crawls one school for a coordinator.

The coordinator schedules the `schools` spider with `-s TCT_CLUSTER_STATE=<url>`. The job then
fetches the school's state from that URL (what the archive knows of the school: archive.replica),
crawls against a private archive in a temporary folder seeded with it, and writes what it finds
as wire lines into the item feed Scrapyd gives the job (`items_dir`), which the coordinator reads
over HTTP. The node keeps nothing once the job ends; the archive stays with the coordinator.
"""
from __future__ import annotations

import gzip
import json
import logging
import shutil
import tempfile
import urllib.request
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from archive.replica import WireError, article_line, load_state, run_line, touch_line, url_lines

if TYPE_CHECKING:
    from archive.store import Archive
    from crawler.items import ArticleItem

logger = logging.getLogger(__name__)
STATE_TIMEOUT = 120.0
# Above "cmdline" (40): `scrapy crawl` copies its -s settings onto the crawler's again after the
# spider's update_settings, and would give the job Scrapy's own feed back.
OVER_CMDLINE = 50


class NodeSetupError(Exception):
    """A cluster job that cannot start: no item feed, or no state from the coordinator."""


def take_feed(settings: Any) -> None:
    """For a cluster job: the file of the item feed Scrapyd configured becomes ours (wire lines,
    TCT_CLUSTER_FEED) and Scrapy's own feed export is turned off, so one writer owns the file."""
    if not settings.get("TCT_CLUSTER_STATE"):
        return
    for uri in settings.getdict("FEEDS"):
        parts = urlsplit(str(uri))
        if parts.scheme == "file":
            settings.set("TCT_CLUSTER_FEED", urllib.request.url2pathname(parts.path), priority=OVER_CMDLINE)
            settings.set("FEEDS", {}, priority=OVER_CMDLINE)
            return


class NodeLink:
    """One cluster job's link to its coordinator: the state in, the wire lines out."""

    def __init__(self, state_url: str, feed_path: str):
        self.state_url = state_url
        self.feed_path = Path(feed_path)
        self.workdir = Path(tempfile.mkdtemp(prefix="tct-node-"))
        self.db_path = str(self.workdir / "node.db")
        self.state: dict[str, Any] = {}
        self.feed: IO[str] | None = None

    @classmethod
    def from_settings(cls, settings: Any) -> NodeLink | None:
        """The link when this crawl is a cluster job, else None."""
        url = settings.get("TCT_CLUSTER_STATE")
        if not url:
            return None
        feed = settings.get("TCT_CLUSTER_FEED")
        if not feed:
            raise NodeSetupError("this Scrapyd gives the job no item feed: set items_dir in its "
                                 "scrapyd.conf (docs/scale-out.md)")
        return cls(url, feed)

    @property
    def site(self) -> str:
        return self.state["site"]

    @property
    def run_id(self) -> int:
        return self.state["run_id"]

    def start(self) -> None:
        """Fetch the school's state and open the feed."""
        try:
            with urllib.request.urlopen(self.state_url, timeout=STATE_TIMEOUT) as resp:
                self.state = json.loads(gzip.decompress(resp.read()))
        except (OSError, ValueError) as exc:
            self.close()
            raise NodeSetupError(f"no state from the coordinator at {self.state_url}: {exc}") from None
        self.feed = self.feed_path.open("w", encoding="utf-8")

    def seed(self, arc: Archive) -> None:
        try:
            load_state(arc, self.state)
        except (WireError, KeyError) as exc:
            raise NodeSetupError(f"the coordinator's state cannot be read: {exc}") from None

    def write(self, line: dict[str, Any]) -> None:
        """One line, flushed: a line the coordinator sees whole is a line it may apply."""
        self.feed.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.feed.flush()

    def article(self, item: ArticleItem, status: str) -> None:
        record, page = item.stored()
        html = page.pop("html")
        self.write(article_line(record, item.site, status, html, **page))

    def touch(self, url: str, at: str) -> None:
        self.write(touch_line(url, at))

    def finish(self, arc: Archive) -> None:
        """The run's frontier rows, then its record: the job's last line."""
        for line in url_lines(arc, self.run_id):
            self.write(line)
        run = next(arc.db.query("SELECT * FROM runs WHERE id = ?", [self.run_id]), None)
        if run is not None:
            self.write(run_line(run))

    def close(self) -> None:
        if self.feed is not None:
            self.feed.close()
            self.feed = None
        shutil.rmtree(self.workdir, ignore_errors=True)
