"""The site registry: which schools exist, where their sites start, which hosts they own.

`crawler/sites.toml` is the list maintainers edit; a school is added by its start URL alone.
"""
from __future__ import annotations

import functools
import os
import posixpath
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from crawler.parser.profile import SiteProfile

REGISTRY_PATH = Path(__file__).with_name("sites.toml")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class RegistryError(ValueError):
    """The registry file has an entry that cannot be used; the message names it."""


DEFAULT_PORTS = {"http": 80, "https": 443}


@functools.lru_cache(maxsize=1024)
def ports_of(start_urls: tuple[str, ...]) -> frozenset[int]:
    """The ports a school's pages may be on: the ones its start URLs name, else 80 and 443."""
    named = {p for p in (urlsplit(u).port for u in start_urls) if p is not None}
    return frozenset(named) if named else frozenset(DEFAULT_PORTS.values())


def under_prefix(path: str, prefix: str) -> bool:
    """`/web/tct/x` is under `/web/tct`; `/web/tct-other/x` and `/web/tct/../other` are not."""
    clean = posixpath.normpath("/" + unquote(path or "/").lstrip("/"))
    base = "/" + prefix.strip("/")
    return clean == base or clean.startswith(base.rstrip("/") + "/")


# A subsite of a provincial portal: Liferay's `/web/<site>`, WebSphere Portal's `/wps/portal/<site>`.
_SUBSITE_PATH = re.compile(r"^(/web/[^/]+|/wps/portal/[^/!]+)(?:/|$)", re.I)
# A school's own host names it (truongchinhtri…, tct…, chinhtri…): its `/web/<site>` is all of it.
_SCHOOL_HOST = re.compile(r"chinh-?tri|tct|truong|school", re.I)


def portal_subsite(host: str, path: str) -> str | None:
    """The path prefix of a school's subsite on a portal shared with other offices, from its start
    address alone (`https://dongthap.gov.vn/web/tct/` → `/web/tct/`), or None. On a host of the
    school's own, a `/web/<site>` path is the whole site's, not a corner of it."""
    m = _SUBSITE_PATH.match(path or "")
    if m is None or _SCHOOL_HOST.search(host):
        return None
    return m.group(1) + "/"


def bare_host(host: str) -> str:
    host = host.lower().strip().rstrip(".")
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class School:
    key: str
    name: str
    start_urls: tuple[str, ...]
    hosts: frozenset[str]
    province: str | None = None
    path_prefix: str | None = None
    active: bool = True
    merged_into: str | None = None
    merged_on: date | None = None
    listing_urls: tuple[str, ...] = ()
    article_pattern: re.Pattern[str] | None = None
    profile: SiteProfile | None = None
    note: str | None = None
    school: str | None = None  # this entry is a second site of that school (its key)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def owns(self, url: str) -> bool:
        """Is this URL on one of the school's hosts, on a port its start URLs use (the default
        ports when they name none), and under its path prefix once dot segments are resolved?"""
        if not self.owns_host(url):
            return False
        return not self.path_prefix or under_prefix(urlsplit(url).path, self.path_prefix)

    def owns_host(self, url: str) -> bool:
        """`owns`, the path prefix aside."""
        try:
            parts = urlsplit(url)
            port = parts.port or DEFAULT_PORTS.get(parts.scheme)
        except ValueError:  # a port that is not a number
            return False
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            return False
        return bare_host(parts.hostname) in self.hosts and port in self.ports

    @property
    def ports(self) -> frozenset[int]:
        return ports_of(self.start_urls)

    def as_row(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "province": self.province,
                "hosts": sorted(self.hosts), "start_urls": list(self.start_urls),
                "active": self.active, "merged_into": self.merged_into,
                "merged_on": self.merged_on.isoformat() if self.merged_on else None,
                "school": self.school}

    @classmethod
    def for_url(cls, url: str, key: str | None = None) -> School:
        """An unregistered site, crawled from its address alone (`tct crawl --url`).

        Its key is the host unless the user names it (`tct crawl --url URL --site KEY`).
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RegistryError(f"--url must be an http(s) address, got {url!r}")
        if key is not None and not _KEY.match(key):
            raise RegistryError(f"site key {key!r} must be lower-case letters, digits, '-' or '_'")
        host = bare_host(parts.hostname)
        return cls(key=key or host, name=key or host, start_urls=(url,), hosts=frozenset({host}),
                   path_prefix=portal_subsite(host, parts.path))


def _school(entry: dict[str, Any], where: str) -> School:
    for required in ("key", "name"):
        if required not in entry:
            raise RegistryError(f"{where}: missing '{required}'")
    key = entry["key"]
    if not isinstance(key, str) or not _KEY.match(key):
        raise RegistryError(f"{where}: key {key!r} must be lower-case letters, digits, '-' or '_'")
    starts = tuple(entry.get("start_urls", ()))
    active = bool(entry.get("active", True))
    if active and not starts:
        raise RegistryError(f"{where} ({key}): an active school needs start_urls (or active = false)")
    if not all(isinstance(u, str) and u.startswith(("http://", "https://")) for u in starts):
        raise RegistryError(f"{where} ({key}): start_urls must be http(s) addresses")
    hosts = {bare_host(h) for h in entry.get("hosts", [])}
    hosts |= {bare_host(urlsplit(u).hostname or "") for u in starts}
    hints = entry.get("hints", {}) or {}
    pattern = hints.get("article_pattern")
    try:
        compiled = re.compile(pattern) if pattern else None
    except re.error as exc:
        raise RegistryError(f"{where} ({key}): bad article_pattern: {exc}") from None
    merged_on = entry.get("merged_on")
    if isinstance(merged_on, str):
        merged_on = date.fromisoformat(merged_on)
    try:
        profile = SiteProfile.from_mapping(entry.get("profile"))
    except (TypeError, ValueError) as exc:
        raise RegistryError(f"{where} ({key}): {exc}") from None
    return School(
        key=key, name=entry["name"], start_urls=starts, hosts=frozenset(h for h in hosts if h),
        province=entry.get("province"), path_prefix=entry.get("path_prefix"),
        active=active, merged_into=entry.get("merged_into"), school=entry.get("school"),
        merged_on=merged_on, listing_urls=tuple(hints.get("listing_urls", ())),
        article_pattern=compiled, profile=profile, note=entry.get("note"),
    )


def registry_path(path: str | Path | None = None) -> Path:
    """The registry file: the one given, else $TCT_REGISTRY, else the bundled crawler/sites.toml."""
    return Path(path or os.environ.get("TCT_REGISTRY") or REGISTRY_PATH)


def load_registry(path: str | Path | None = None) -> dict[str, School]:
    """All schools of the registry file, by key, in file order."""
    path = registry_path(path)
    if not path.is_file():
        raise RegistryError(f"no registry file at {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path}: {exc}") from None
    schools: dict[str, School] = {}
    for n, entry in enumerate(data.get("school", []), 1):
        s = _school(entry, f"{path.name} school #{n}")
        if s.key in schools:
            raise RegistryError(f"{path.name}: key {s.key!r} is used twice")
        schools[s.key] = s
    return schools


def select_schools(site: str | None, url: str | None, registry: str | Path | None = None,
                   ) -> tuple[list[School], list[School]]:
    """(the schools to crawl, every school the registry knows) for the spider's arguments:
    `url` alone (a site no entry describes, filed under `site` if given), else the registry's
    schools named in `site` (comma-separated keys), else its active ones."""
    if url:
        schools = [School.for_url(url, key=site or None)]
        return schools, list(schools)
    reg = load_registry(registry)
    keys = [k.strip() for k in (site or "").split(",") if k.strip()]
    unknown = [k for k in keys if k not in reg]
    if unknown:
        raise RegistryError(f"unknown site key(s): {', '.join(unknown)}; see crawler/sites.toml")
    chosen = [reg[k] for k in keys] if keys else [s for s in reg.values() if s.active]
    return chosen, list(reg.values())  # all of them: mergers point across schools
