"""Run a crawl from Python (`tct crawl`, `tct demo`): settings, lock check, Scrapy, summary."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.lock import ArchiveLock
from archive.store import Archive


@dataclass
class CrawlRequest:
    db: str
    sites: list[str] = field(default_factory=list)
    start_url: str | None = None
    max_pages: int | None = None
    settings: dict[str, str] = field(default_factory=dict)
    progress: bool = True
    registry: str | None = None  # the registry file (default: $TCT_REGISTRY, else crawler/sites.toml)


@dataclass
class CrawlSummary:
    runs: list[dict]

    @property
    def failure(self) -> str | None:
        """Why the crawl could not do its job (its archive stopped taking writes), or None."""
        bad = [r["site"] for r in self.runs if r["status"] in ("storage_error", "running")]
        return f"the archive stopped taking writes while crawling {', '.join(bad)}" if bad else None

    def render(self) -> str:
        if not self.runs:
            return "no site was crawled"
        out = ["site                 pages   new  changed  unchanged  dup  errors"]
        for r in self.runs:
            errs = json.loads(r["errors"] or "{}")
            err = ", ".join(f"{k}={v}" for k, v in errs.items()) or "0"
            out.append(f"{r['site']:<20} {r['pages_fetched']:>5} {r['articles_new']:>5} "
                       f"{r['articles_changed']:>8} {r['articles_unchanged']:>10} "
                       f"{r['articles_duplicate']:>4}  {err}")
        return "\n".join(out)


def crawl_settings(req: CrawlRequest) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("TCT_DB", req.db, priority="cmdline")
    settings.set("TCT_PROGRESS", req.progress, priority="cmdline")
    # The progress line and the summary say what happened; the log keeps to warnings (which site
    # and URL failed) unless -s LOG_LEVEL=INFO asks for more.
    settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    for k, v in req.settings.items():
        settings.set(k, v, priority="cmdline")
    return settings


def run_crawl(req: CrawlRequest) -> CrawlSummary:
    """Crawl in this process (blocks until done). Raises ArchiveLocked if a crawl is running."""
    from crawler.registry import School, load_registry
    from crawler.spiders.schools import SchoolsSpider

    if req.start_url:
        if len(req.sites) > 1:
            raise ValueError("with --url, --site names that one site: give it once")
        School.for_url(req.start_url, key=req.sites[0] if req.sites else None)  # clear errors
    else:
        registry = load_registry(req.registry)
        unknown = [k for k in req.sites if k not in registry]
        if unknown:
            raise ValueError(f"unknown site key(s): {', '.join(unknown)} (see crawler/sites.toml)")

    if not Path(req.db).parent.exists():
        raise ValueError(f"folder of the archive does not exist: {Path(req.db).parent}")
    with ArchiveLock(req.db):  # fail fast, before Scrapy starts; the spider takes it for real
        pass
    with Archive(req.db) as arc:
        last = arc.db.execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()[0]
    process = CrawlerProcess(crawl_settings(req))
    process.crawl(SchoolsSpider, site=",".join(req.sites) or None, url=req.start_url,
                  max_pages=req.max_pages, registry=req.registry)
    process.start()
    with Archive(req.db) as arc:
        runs = list(arc.db.query("SELECT * FROM runs WHERE id > ? ORDER BY id", [last]))
    return CrawlSummary(runs)
