"""The objects of a page's schema.org JSON-LD blocks, as what the page says of itself for machines.

Read with a bound on the number of nodes: a page may carry megabytes of it, or nest it deeply.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

MAX_NODES = 500  # objects and lists read per block

_BLOCKS = '//script[@type="application/ld+json"]/text()'


def objects(root) -> Iterator[dict]:
    """Every JSON object of every JSON-LD block of the page, outer ones first within a block."""
    try:
        blocks = root.xpath(_BLOCKS)
    except Exception:  # noqa: BLE001 - malformed trees raise assorted lxml errors
        return
    for text in blocks:
        try:
            data = json.loads(str(text))
        except (ValueError, RecursionError):
            continue
        stack, seen = [data], 0
        while stack and seen < MAX_NODES:
            seen += 1
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                yield node
                stack.extend(reversed(list(node.values())))


def types(node: dict) -> list[str]:
    """The object's @type(s)."""
    kind = node.get("@type")
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
