"""The filters shared by search and export: school, date range, author, degree."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from archive.errors import QueryError
from archive.textfold import fold


def _day(value: str, option: str) -> date:
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise QueryError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from None


@dataclass
class ArticleFilter:
    sites: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    author: str | None = None
    degree: str | None = None
    distinct: bool = False  # one article of each set of copies: the earliest (archive/nearcopies.py)

    def is_empty(self) -> bool:
        return not (self.sites or self.since or self.until or self.author or self.degree or self.distinct)

    def where(self, alias: str = "a") -> tuple[str, list[object]]:
        """SQL condition and its parameters; every value is a parameter, never spliced."""
        clauses: list[str] = []
        params: list[object] = []
        if self.sites:
            clauses.append(f"{alias}.site IN ({', '.join('?' for _ in self.sites)})")
            params.extend(self.sites)
        if self.since:
            clauses.append(f"{alias}.published_at >= ?")
            params.append(_day(self.since, "--since").isoformat())
        if self.until:
            until = _day(self.until, "--until")
            if until < date.max:  # 9999-12-31: no upper bound at all
                clauses.append(f"{alias}.published_at < ?")
                params.append((until + timedelta(days=1)).isoformat())
        if self.author:
            clauses.append(f"tct_fold({alias}.author) LIKE ?")
            params.append("%" + fold(self.author).replace("%", r"\%").replace("_", r"\_") + "%")
            clauses[-1] += " ESCAPE '\\'"
        if self.degree:
            clauses.append(f"replace(lower({alias}.author_degree), '.', '') = ?")
            params.append(self.degree.lower().replace(".", "").replace(" ", ""))
        if self.distinct:
            clauses.append(f"{alias}.near_duplicate_of IS NULL AND {alias}.duplicate_of IS NULL")
        return (" AND ".join(clauses) or "1"), params
