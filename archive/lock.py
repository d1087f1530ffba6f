"""One crawl at a time per archive: an exclusive lock file beside the database.

The lock is an OS file lock (flock), so a crawl killed with SIGKILL releases it with its process;
no stale lock file blocks the next night's run.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from archive.errors import ArchiveLocked


class ArchiveLock:
    def __init__(self, db_path: str | Path):
        self.path = Path(str(db_path) + ".lock")
        self.fd: int | None = None

    def acquire(self) -> ArchiveLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            holder = self.path.read_text(encoding="ascii", errors="ignore").strip() or "another process"
            raise ArchiveLocked(
                f"another crawl (pid {holder}) is writing to {str(self.path)[:-5]}; this run stops"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> ArchiveLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
