"""Where the archive lives: the one place that reads `$TCT_DB`."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "archive.db"


def resolve_db_path(db: str | os.PathLike[str] | None = None) -> Path:
    """`--db` if given, else `$TCT_DB`, else `./archive.db`."""
    if db:
        return Path(db)
    env = os.environ.get("TCT_DB")
    return Path(env) if env else Path(DEFAULT_DB)
