"""The connector contract: `fetch` is a connector's only I/O, `normalize` is pure.

    scheduler ─▶ fetch(FetchContext) ─▶ Fetched ─▶ normalize(Fetched, now) ─▶ Normalized
                                                       (events + next cursor state)

The pipeline stores the events and the next cursor in one transaction, so a crash
anywhere re-runs the poll harmlessly: dedupe keys are deterministic and the cursor never
moves ahead of stored events.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from signalwatch.accounts import Account
from signalwatch.events import SignalEvent
from signalwatch.http import HttpClient

__all__ = ["Connector", "ConnectorOptions", "FetchContext", "Fetched", "Normalized"]


class ConnectorOptions(BaseModel):
    """Base for a connector's options block in the config file; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class FetchContext:
    """What a poll may use: the HTTP client, the stored cursor, the target accounts, the time."""

    http: HttpClient
    cursor: Mapping[str, Any]
    accounts: Sequence[Account]
    now: datetime


@dataclass(frozen=True)
class Fetched:
    """Raw material from one poll, handed unchanged to `normalize`.

    `items` is connector-specific raw data (bytes, parsed JSON); `cursor` is the state the
    poll started from; `state` holds fetch-level updates such as ETags; `errors` maps a
    target (a board, a feed URL) to the reason it failed, so one bad target is reported
    in `status` while the others still count.
    """

    cursor: Mapping[str, Any]
    items: Sequence[Any] = ()
    state: Mapping[str, Any] = field(default_factory=dict)
    errors: Mapping[str, str] = field(default_factory=dict)
    not_modified: bool = False


@dataclass(frozen=True)
class Normalized:
    """Events found in one poll and the cursor state to save with them."""

    events: list[SignalEvent]
    cursor: dict[str, Any]


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
