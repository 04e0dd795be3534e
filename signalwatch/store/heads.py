"""The cursor-part heads a long-running poller keeps between polls, so a warm poll does not read them.

A job-board poll of 2,000 boards starts from 4,000 heads (validators, body hash, open-role counts):
reading and decoding them was 20-45 ms of a poll in which nothing changed (about a tenth of it).
The process that wrote a source's parts knows their heads already: the store keeps the heads it
read, applies every committed part write to them, and hands them out again while the source's
poll counter (`source_state.polls`) says no one else recorded a poll in between.

The database stays the truth. A process starts cold and reads the heads; a poll recorded by
another process (a lease takeover, a `run --once` beside the daemon) moves the counter past the
one this process expects, and the heads are read again; a poll of ours that fails, or a commit
that raises, drops them. What the counter cannot see (another process that committed some of a
poll's groups and died before recording it) leaves a stale head here until the board changes
again: a stale validator costs a 200 and a re-parse against the stored snapshot, which finds what
is new there and stores nothing twice (dedupe keys are unique).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from typing import Any

__all__ = ["HeadsCache"]

Heads = dict[str, dict[str, Any]]


class HeadsCache:
    """Per source: the heads as the store holds them, and the poll counter they go with. Thread-safe.

    A commit that rewrites heads of parts already kept replaces them in the mapping handed out, so a
    poll holds one copy of its source's heads, not the ones it started from beside the ones it wrote
    (2,000 boards: some 3 MB each); one that adds or deletes parts makes a new mapping, so the keys
    of a mapping handed out never change and iterating it is never disturbed. A poll writes a part
    after it read its head (each part once, `Connector.fetch_chunks`), so it never sees a head it
    has not read as the store held it when it started. Readers must not change the heads.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[str, tuple[int, Heads]] = {}

    def get(self, source: str, polls: int | None) -> Heads | None:
        """The heads kept for `source` if they go with poll counter `polls` (None: the source has no
        poll recorded), else None."""
        with self._lock:
            held = self._held.get(source)
        return held[1] if held is not None and held[0] == (polls or 0) else None

    def put(self, source: str, polls: int | None, heads: Heads) -> None:
        """Keep `heads`, read from the store when its poll counter was `polls` (None: no poll recorded)."""
        with self._lock:
            self._held[source] = (polls or 0, heads)

    def committed(self, source: str, writes: Mapping[str, Mapping[str, Any] | None], polls: int | None) -> None:
        """A transaction of ours committed the part heads `writes` (None: a part deleted) and, when `polls` is given,
        recorded a poll that moved the counter to `polls`. Kept heads follow; when the counter did not
        move by exactly our one poll, another process recorded one meanwhile, and they are dropped."""
        with self._lock:
            held = self._held.get(source)
            if held is None:
                return
            stamp, heads = held
            if polls is not None and polls != stamp + 1:
                del self._held[source]
                return
            if writes:
                # As they read back from their JSON column (tuples as lists, keys as strings), in one go.
                written = json.loads(json.dumps({key: dict(head) for key, head in writes.items() if head is not None}))
                gone = [key for key, head in writes.items() if head is None and key in heads]
                if gone or not written.keys() <= heads.keys():
                    heads = {key: head for key, head in heads.items() if key not in gone}
                heads.update(written)
            self._held[source] = (polls if polls is not None else stamp, heads)

    def forget(self, source: str) -> None:
        """Drop what is kept for `source`: its next poll reads the store."""
        with self._lock:
            self._held.pop(source, None)
