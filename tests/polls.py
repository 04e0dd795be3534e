"""Commit a poll in tests the way the pipeline does, with the engine's alerts given directly."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from signalwatch.events import SignalEvent
from signalwatch.store import AlertDraft, PollCommit, Store
from signalwatch.store.pollunit import PartChange


def commit(store: Store, source: str, events: Sequence[SignalEvent], cursor: dict[str, Any] | None, now: datetime,
           drafts: Callable[[list[SignalEvent]], list[AlertDraft]] = lambda new: [],
           target_errors: dict[str, str] | None = None, parts: Mapping[str, PartChange | None] | None = None) -> PollCommit:
    """`runtime.pipeline.commit_events` with `drafts(new events)` standing for the rules engine's verdict."""
    with store.poll_unit(source, now) as unit:
        new = unit.insert(events)
        added = unit.enqueue(drafts(new)) if new else 0
        unit.save_cursor(cursor, target_errors)
        if parts:
            unit.save_parts(parts)
    return PollCommit(new_events=new, new_alerts=added)
