"""Exceptions of the archive library, named for their condition; the CLI maps them to exit codes."""


class ArchiveError(Exception):
    """Base class: a problem the user can fix, reported in one line."""


class QueryError(ArchiveError):
    """A search query or filter that cannot be run (malformed syntax, bad date)."""


class ArchiveLocked(ArchiveError):
    """Another crawl holds the archive's lock."""


class ArchiveMissing(ArchiveError):
    """A command that reads an archive was pointed at a file that does not exist."""
