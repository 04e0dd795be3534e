"""The `jobboards` connector's cursor parts: one per board, and one per account for surges.

A board's part (key "greenhouse:acme")::

    head: {"hash": ..., "etag": ..., "last_modified": ...,
           "open": {"<function>": <open roles>}, "pending": <roles missing once>,
           "url": <the first-page URL that answered, for boards that may live under several hosts>}
    body: {"jobs": {"<job id>": [title, function, seniority, department, location, remote,
                                 technologies, misses]}}

An account's part (key "account:17"; no provider is called "account") has an empty head
and its surge history as body: ``{"<function>": {"posted": [...], "open": [...], "fired": ...}}``.

The head is read for every board at every poll; it says whether the board changed
(validators, body hash) and carries what an unchanged board contributes to open-role
counts and surges, so an unchanged board with no role pending closure is handled from its
head alone. The body is read only for boards that changed, have a role pending closure,
or have a head from before `open` existed (a database migrated from the one-row cursor).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["account_key", "board_head", "is_account_key", "needs_body", "open_roles"]

_ACCOUNT = "account:"


def account_key(account_id: int) -> str:
    """The cursor part key of an account's surge history."""
    return f"{_ACCOUNT}{account_id}"


def is_account_key(key: str) -> bool:
    return key.startswith(_ACCOUNT)


def board_head(rows: Mapping[str, Sequence[Any]], *, body_hash: str | None, etag: str | None,
               last_modified: str | None, url: str | None = None) -> dict[str, Any]:
    """The head of a board whose snapshot is `rows` (job id → cursor row)."""
    head = {
        "hash": body_hash, "etag": etag, "last_modified": last_modified,
        "open": dict(Counter(row[1] for row in rows.values())),
        "pending": sum(1 for row in rows.values() if row[7]),
    }
    if url:
        head["url"] = url
    return head


def needs_body(head: Mapping[str, Any] | None, status: str) -> bool:
    """Whether a board polled with `status` ("changed", "unchanged", "failed") needs its stored snapshot."""
    if not head:
        return False  # never polled successfully: this poll is its baseline
    if "open" not in head:
        return True  # head written before it carried counts
    return status == "changed" or (status == "unchanged" and bool(head.get("pending")))


def open_roles(head: Mapping[str, Any], body: Mapping[str, Any] | None) -> dict[str, int]:
    """Open roles per function of a board kept as stored (failed this poll, or unchanged)."""
    if "open" in head:
        return dict(head["open"])
    return dict(Counter(row[1] for row in (body or {}).get("jobs", {}).values()))
