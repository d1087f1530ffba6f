"""Short, stable names for what went wrong with a request, counted per run (`tct runs`).

Twisted's and Scrapy's exception classes vary between versions and reactors; the names here do
not: `http_404`, `timeout`, `dns`, `connection`, else the exception's class name.
"""
from __future__ import annotations

from typing import Any

from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectError,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from crawler.scope import OffSite


def fault_kind(failure: Any) -> tuple[str, int | None]:
    """(kind, HTTP status or None) of a failed request."""
    if failure.check(OffSite):
        return "off_site", None
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"http_{status}", status
    if failure.check(DNSLookupError):
        return "dns", None
    name = type(failure.value).__name__
    if failure.check(TimeoutError, TCPTimedOutError) or "Timeout" in name:
        return "timeout", None
    if failure.check(ConnectionRefusedError, ConnectError) or "Connect" in name:
        return "connection", None
    if "DNS" in name or "Lookup" in name:
        return "dns", None
    return name, None
