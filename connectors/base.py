"""The connector contract: `fetch` is a connector's only I/O, `normalize` is pure.

    scheduler ─▶ fetch(FetchContext) ─▶ Fetched ─▶ normalize(Fetched, now) ─▶ Normalized
                                                       (events + next cursor state)

The pipeline stores the events and the next cursor in one transaction, so a crash
anywhere re-runs the poll harmlessly: dedupe keys are deterministic and the cursor never
moves ahead of stored events.

State that grows with the number of targets (a snapshot per job board) goes in keyed
cursor parts rather than the one-row cursor, so an unchanged target costs no reading
or writing; see `CursorParts`. A source with thousands of targets may hand its poll over
in chunks (`Connector.fetch_chunks`), each committed with its own cursor parts, so a
poll's memory follows the chunk, not the number of targets.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict

from signalwatch.accounts import Account
from signalwatch.events import SignalEvent
from signalwatch.http import HttpClient
from signalwatch.preflight import Finding

__all__ = [
    "Connector", "ConnectorOptions", "CursorParts", "FetchContext", "Fetched", "MemoryParts", "NO_PARTS",
    "Normalized", "PartWrite",
]


class ConnectorOptions(BaseModel):
    """Base for a connector's options block in the config file; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class CursorParts(Protocol):
    """A source's keyed cursor parts, one per target (a job board, a domain), as stored.

    A part is a small `head` (validators such as an ETag or body hash, a few counts), read
    for every part at every poll, and a `body` (a snapshot), read only for the keys a
    connector asks for: typically the targets whose content changed. `normalize` returns
    in `Normalized.parts` the parts to write (`PartWrite`) or delete (None); parts it does
    not name stay as stored. They are saved in the same transaction as the events.
    """

    @property
    def heads(self) -> Mapping[str, Mapping[str, Any]]:
        """Every part's head, by key."""
        ...

    def bodies(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored bodies of `keys` (keys without a part are left out). I/O: call it from
        `fetch` only; it is thread-safe so fetch workers may call it."""
        ...


@dataclass(frozen=True)
class PartWrite:
    """The next state of one cursor part: a new head, and a new body unless it is unchanged (None)."""

    head: dict[str, Any]
    body: dict[str, Any] | None = None


class MemoryParts:
    """Cursor parts held in memory: for tools and tests that run a connector without a store."""

    def __init__(self, parts: Mapping[str, tuple[Mapping[str, Any], Mapping[str, Any]]] | None = None) -> None:
        self._parts = dict(parts or {})

    @property
    def heads(self) -> Mapping[str, Mapping[str, Any]]:
        return {key: head for key, (head, _) in self._parts.items()}

    def bodies(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        return {key: dict(self._parts[key][1]) for key in keys if key in self._parts}

    def updated(self, writes: Mapping[str, PartWrite | None]) -> MemoryParts:
        """The parts after `writes` (as a store applies `Normalized.parts`)."""
        parts = dict(self._parts)
        for key, write in writes.items():
            if write is None:
                parts.pop(key, None)
            else:
                body = write.body if write.body is not None else (parts[key][1] if key in parts else {})
                parts[key] = (write.head, body)
        return MemoryParts(parts)


NO_PARTS = MemoryParts()


@dataclass(frozen=True)
class FetchContext:
    """What a poll may use: the HTTP client, the stored cursor and cursor parts, the target accounts, the time."""

    http: HttpClient
    cursor: Mapping[str, Any]
    accounts: Sequence[Account]
    now: datetime
    parts: CursorParts = NO_PARTS


@dataclass(frozen=True)
class Fetched:
    """Raw material from one poll, handed unchanged to `normalize`.

    `items` is connector-specific raw data (bytes, parsed JSON); `cursor` is the state the
    poll started from; `state` holds fetch-level updates such as ETags; `errors` maps a
    target (a board, a feed URL) to the reason it failed, so one bad target is reported
    in `status` while the others still count. `part_heads` are the cursor parts' heads the
    poll started from and `part_bodies` the bodies fetch read (see `CursorParts`).
    """

    cursor: Mapping[str, Any]
    items: Sequence[Any] = ()
    state: Mapping[str, Any] = field(default_factory=dict)
    errors: Mapping[str, str] = field(default_factory=dict)
    not_modified: bool = False
    part_heads: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    part_bodies: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Normalized:
    """Events found in one poll and the cursor state to save with them: the one-row cursor
    and the cursor parts that changed (None deletes a part)."""

    events: list[SignalEvent]
    cursor: dict[str, Any]
    parts: dict[str, PartWrite | None] = field(default_factory=dict)


class Connector(ABC):
    """A source family. Subclasses declare `kind`, `Options` and `default_interval`.

    One instance serves one configured source (a feed, a set of boards). It must hold no
    live clients: the pipeline passes the shared HTTP client into every `fetch`.
    """

    kind: ClassVar[str]
    Options: ClassVar[type[ConnectorOptions]] = ConnectorOptions
    default_interval: ClassVar[timedelta] = timedelta(minutes=30)

    def __init__(self, source_name: str, options: ConnectorOptions) -> None:
        self.source_name = source_name
        self.options = options

    @abstractmethod
    def fetch(self, ctx: FetchContext) -> Fetched:
        """Do the network I/O for one poll. Raise `signalwatch.http.FetchError` on failure."""

    @abstractmethod
    def normalize(self, fetched: Fetched, now: datetime) -> Normalized:
        """Turn raw items into events and the next cursor. Pure: no I/O, no clock."""

    def fetch_chunks(self, ctx: FetchContext) -> Iterator[Fetched] | None:
        """The poll as a series of self-contained chunks, or None (the default): one `fetch`.

        The pipeline normalizes each chunk and commits its events with its cursor parts in one
        transaction before it asks for the next, so a poll holds one chunk at a time, and a crash
        between chunks leaves the committed ones done and the rest as they were (the next poll
        does them again). So a chunk must be whole on its own: no cursor part written by two
        chunks, nothing its `normalize` derives that needs another chunk. The errors of every
        chunk and the one-row cursor of the last are saved with the poll's record, after the
        last chunk. Optional: for sources whose poll is too large to hold at once."""
        return None

    def backfill(self, ctx: FetchContext, since: datetime) -> tuple[list[SignalEvent], dict[str, str]] | None:
        """The events of `ctx.accounts` that happened since `since`, dated when they happened,
        and a reason per target that failed (`signalwatch backfill`); None when this source type
        keeps no history to read. It reads and writes no cursor: live polls go on unchanged."""
        return None

    def preflight(self, ctx: FetchContext) -> list[Finding]:
        """`signalwatch doctor`'s check of this source. Optional: by default, `fetch` runs with a client
        that makes the poll's first request and refuses the rest, and that one answer is judged (see
        `signalwatch.preflight.probe`). Override to check more precisely; stay as polite as a poll."""
        from signalwatch.preflight.probe import probe_first_request

        return probe_first_request(self, ctx)
