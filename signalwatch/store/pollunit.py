"""One poll's unit of work: insert the new events, enqueue their alerts, save the cursor and parts.

The pipeline drives it top to bottom inside `Store.poll_unit`, so the store never calls back
into the rules engine: events go in, the engine (outside the store) decides alerts, the
alerts go in, the cursor moves last, and the transaction commits all of it or none.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from signalwatch.alerts.draft import AlertDraft
from signalwatch.events import SignalEvent
from signalwatch.store.tables import CursorPartRow, EventRow, OutboxRow, OutboxStatus, SourceStateRow

__all__ = ["AlertDraft", "PartChange", "PollUnit", "chunks"]

_PARTS = CursorPartRow.__table__  # type: ignore[attr-defined]
_STATE = SourceStateRow.__table__  # type: ignore[attr-defined]
_EVENTS = EventRow.__table__  # type: ignore[attr-defined]
_OUTBOX = OutboxRow.__table__  # type: ignore[attr-defined]
_IN_CHUNK = 500  # keys per IN (...) list, well under every database's bound-parameter limit


class PartChange(Protocol):
    """The next state of one cursor part (`signalwatch.connectors.base.PartWrite`): body None keeps the stored body."""

    @property
    def head(self) -> Mapping[str, Any]: ...

    @property
    def body(self) -> Mapping[str, Any] | None: ...


def chunks(keys: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(keys), _IN_CHUNK):
        yield keys[start:start + _IN_CHUNK]


class PollUnit:
    """The writes of one poll, in one open transaction (committed by `Store.poll_unit`)."""

    def __init__(self, session: Session, source: str, now: datetime) -> None:
        self._session = session
        self.source = source
        self.now = now
        self._event_ids: dict[str, int] = {}

    def insert(self, events: Sequence[SignalEvent]) -> list[SignalEvent]:
        """Store the events not stored before (by dedupe key) and return them; an amendment
        (e.g. SEC Form D/A) refreshes its stored event instead and never re-alerts.

        Another process may poll the same items at the same moment (two `run --once`, a cron
        overlapping a manual run): an event it stored between our read and our write is treated
        as already stored, not as an error that would lose the rest of this poll."""
        keys = [e.dedupe_key for e in events]
        known: set[str] = set()
        for chunk in chunks(keys):
            known.update(self._session.exec(select(EventRow.dedupe_key).where(col(EventRow.dedupe_key).in_(chunk))).all())
        candidates: dict[str, SignalEvent] = {}
        repeats: list[SignalEvent] = []  # a key seen earlier in this batch: known once the first is stored
        for event in events:
            if event.dedupe_key in known:
                if event.attributes.get("is_amendment"):
                    self._amend(event)
            elif event.dedupe_key in candidates:
                repeats.append(event)
            else:
                candidates[event.dedupe_key] = event
        inserted = self._insert_events(list(candidates.values()))
        self._event_ids.update(inserted)
        raced = [event for key, event in candidates.items() if key not in inserted]
        self._adopt(raced + repeats)
        return [event for key, event in candidates.items() if key in inserted]

    def _insert_events(self, events: list[SignalEvent]) -> dict[str, int]:
        """Insert the events, skipping any dedupe key that exists by now; returns key -> id of the
        rows this call inserted. One batched statement where the database can skip conflicts
        (SQLite, PostgreSQL); elsewhere a plain insert, where a concurrent duplicate fails the poll."""
        if not events:
            return {}
        insert = _insert_skipping_conflicts(self._session, _EVENTS, "dedupe_key")
        if insert is None:
            rows = [EventRow(**event.model_dump(mode="python")) for event in events]
            self._session.add_all(rows)
            self._session.flush()  # one batched insert; ids come back for the outbox rows
            return {row.dedupe_key: row.id for row in rows if row.id is not None}
        values = [event.model_dump(mode="python") for event in events]  # ids follow the feed's order
        returned = self._session.execute(insert.returning(_EVENTS.c.dedupe_key, _EVENTS.c.id), values)
        return {key: event_id for key, event_id in returned}

    def _adopt(self, events: list[SignalEvent]) -> None:
        """Events a concurrent poll stored first: use the ids that exist (its transaction evaluated
        them and queued their alerts) and apply amendments as for any known event."""
        missing = sorted({e.dedupe_key for e in events} - self._event_ids.keys())
        for chunk in chunks(missing):
            query = select(EventRow.dedupe_key, EventRow.id).where(col(EventRow.dedupe_key).in_(chunk))
            self._event_ids.update({key: event_id for key, event_id in self._session.exec(query) if event_id is not None})
        for event in events:
            if event.attributes.get("is_amendment"):
                self._amend(event)

    def enqueue(self, drafts: Sequence[AlertDraft]) -> int:
        """Outbox rows for the alerts of events inserted through this unit; an alert key already
        queued (by an earlier poll, or by a concurrent one an instant ago) is skipped, so an alert
        is never queued twice. Returns the number of rows added."""
        first: dict[str, AlertDraft] = {}
        for draft in drafts:
            first.setdefault(draft.alert_key, draft)  # the first draft of a key wins, as when checking row by row
        if not first:
            return 0
        insert = _insert_skipping_conflicts(self._session, _OUTBOX, "alert_key")
        if insert is None:
            return self._enqueue_one_by_one(list(first.values()))
        rows = [self._outbox_values(draft) for draft in first.values()]  # ids in the engine's order: delivery follows them
        return len(self._session.execute(insert.returning(_OUTBOX.c.id), rows).all())

    def _enqueue_one_by_one(self, drafts: Sequence[AlertDraft]) -> int:
        """The portable path for databases without INSERT ... ON CONFLICT: check, then add."""
        added = 0
        for draft in drafts:
            if self._session.exec(select(OutboxRow.id).where(OutboxRow.alert_key == draft.alert_key)).first() is not None:
                continue
            self._session.add(OutboxRow(**self._outbox_values(draft)))
            added += 1
        return added

    def _outbox_values(self, draft: AlertDraft) -> dict[str, Any]:
        return {
            "alert_key": draft.alert_key, "rule_id": draft.rule_id, "account_id": draft.account_id,
            "event_id": self._event_ids[draft.event_key], "source": self.source, "sink": draft.sink, "target": draft.target,
            "priority": draft.priority, "payload": draft.payload, "status": OutboxStatus.PENDING, "attempts": 0,
            "next_attempt_at": draft.not_before or self.now, "created_at": self.now,
        }

    def save_cursor(self, cursor: dict[str, Any] | None, target_errors: Mapping[str, str] | None = None) -> None:
        """Record the successful poll and its cursor; `cursor=None` means unchanged (neither read nor rewritten).
        A source's first poll inserts its row; two first polls at once must not collide on it."""
        success = {"last_poll_at": self.now, "last_success_at": self.now, "consecutive_failures": 0,
                   "target_errors": dict(target_errors or {})}
        updated = 0
        if cursor is None:
            updated = self._session.execute(
                sa.update(_STATE).where(_STATE.c.source == self.source).values(**success, polls=_STATE.c.polls + 1)
            ).rowcount  # type: ignore[attr-defined]
        if updated:
            return
        upsert = _upsert_state(self._session, self.source, cursor, success)
        if upsert is not None:
            self._session.execute(upsert)
            return
        state = self._session.get(SourceStateRow, self.source) or SourceStateRow(source=self.source)
        state.cursor = cursor if cursor is not None else state.cursor
        for key, value in success.items():
            setattr(state, key, value)
        state.polls = (state.polls or 0) + 1
        self._session.add(state)

    def save_parts(self, parts: Mapping[str, PartChange | None]) -> None:
        """Replace the parts with a new body, delete those set to None, update heads whose body stays."""
        replaced = [key for key, change in parts.items() if change is None or change.body is not None]
        for chunk in chunks(replaced):
            self._session.execute(sa.delete(_PARTS).where(_PARTS.c.source == self.source, _PARTS.c.part.in_(chunk)))
        rows = [{"source": self.source, "part": key, "head": dict(change.head), "body": dict(change.body)}
                for key, change in parts.items() if change is not None and change.body is not None]
        if rows:
            self._session.execute(sa.insert(_PARTS), rows)
        for key, change in parts.items():
            if change is None or change.body is not None:
                continue
            where = (_PARTS.c.source == self.source) & (_PARTS.c.part == key)
            if not self._session.execute(sa.update(_PARTS).where(where).values(head=dict(change.head))).rowcount:  # type: ignore[attr-defined]
                self._session.execute(sa.insert(_PARTS).values(source=self.source, part=key, head=dict(change.head), body={}))

    def _amend(self, event: SignalEvent) -> None:
        row = self._session.exec(select(EventRow).where(EventRow.dedupe_key == event.dedupe_key)).first()
        if row is not None and row.attributes != event.attributes:
            row.attributes = dict(event.attributes)
            row.title, row.url, row.summary = event.title, event.url, event.summary
            self._session.add(row)


def _insert_skipping_conflicts(session: Session, table: sa.Table, unique_column: str) -> Any | None:
    """`INSERT ... ON CONFLICT (unique_column) DO NOTHING` for SQLite and PostgreSQL, which also
    return the rows they inserted from a batch; None where the dialect offers neither."""
    dialect = session.get_bind().dialect
    if not dialect.insert_executemany_returning:
        return None
    if dialect.name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=[unique_column])
    if dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=[unique_column])
    return None


def _upsert_state(session: Session, source: str, cursor: dict[str, Any] | None, success: Mapping[str, Any]) -> Any | None:
    """Insert the source's state row, or update it if it exists by now (a concurrent first poll);
    the cursor is only written when given. None where the dialect has no ON CONFLICT."""
    dialect = session.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        return None
    insert = (sqlite.insert(_STATE) if dialect == "sqlite" else postgresql.insert(_STATE)).values(
        source=source, cursor=cursor if cursor is not None else {}, polls=1, **success)
    changes: dict[str, Any] = {**success, "polls": _STATE.c.polls + 1}
    if cursor is not None:
        changes["cursor"] = insert.excluded.cursor
    return insert.on_conflict_do_update(index_elements=["source"], set_=changes)
