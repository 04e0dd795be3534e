"""One poll's unit of work: insert the new events, enqueue their alerts, save the cursor and parts.

The pipeline drives it top to bottom inside `Store.poll_unit`, so the store never calls back
into the rules engine: events go in, the engine (outside the store) decides alerts, reading
the accounts' history through the unit (`history`, the engine's `Recall`), the alerts go in,
the cursor moves last, and the transaction commits all of it or none.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite
from sqlmodel import Session, col, select

from signalwatch.alerts.draft import AlertDraft, AlertRecord
from signalwatch.events import SignalEvent
from signalwatch.store.messages import Codec, encode, event_copy, materialize, split
from signalwatch.store.outbox import DELIVERIES, insert_id
from signalwatch.store.tables import CursorPartRow, EventRow, MessageRow, OutboxRow, OutboxStatus, SourceStateRow
from signalwatch.timeutil import as_utc

__all__ = ["AlertDraft", "PartChange", "PollUnit", "alert_records", "chunks", "conflict_insert", "event_rows", "stored_event"]

_PARTS = CursorPartRow.__table__  # type: ignore[attr-defined]
_STATE = SourceStateRow.__table__  # type: ignore[attr-defined]
_EVENTS = EventRow.__table__  # type: ignore[attr-defined]
_OUTBOX = OutboxRow.__table__  # type: ignore[attr-defined]
_MESSAGES = MessageRow.__table__  # type: ignore[attr-defined]
_IN_CHUNK = 500  # keys per IN (...) list, well under every database's bound-parameter limit
# A stored event's account, written only while it has none (`PollUnit.tie`); built once, run per event.
_TIE = (sa.update(_EVENTS).where(_EVENTS.c.dedupe_key == sa.bindparam("key"), _EVENTS.c.account_id.is_(None))
        .values(account_id=sa.bindparam("account"), match_confidence=sa.bindparam("confidence"),
                match_method=sa.bindparam("method"), attributes=sa.bindparam("attributes", type_=_EVENTS.c.attributes.type)))
_PART_BATCH = 50  # part rows per INSERT: a job board's snapshot is some 15 KB of JSON, encoded per batch
# The event columns an alert's event copy is built from (`messages.event_copy`).
_COPIED = {"type", "change", "title", "summary", "url", "source", "occurred_at", "company_name", "attributes", "dedupe_key"}
T = TypeVar("T")


class PartChange(Protocol):
    """The next state of one cursor part (`signalwatch.connectors.base.PartWrite`): body None keeps the stored body."""

    @property
    def head(self) -> Mapping[str, Any]: ...

    @property
    def body(self) -> Mapping[str, Any] | None: ...


def chunks(keys: Sequence[T], size: int = _IN_CHUNK) -> Iterator[Sequence[T]]:
    """`keys` in runs of at most `size` (by default _IN_CHUNK, one IN (...) list each)."""
    for start in range(0, len(keys), size):
        yield keys[start:start + size]


class PollUnit:
    """The writes of one poll, in one open transaction (committed by `Store.poll_unit`)."""

    def __init__(self, session: Session, source: str, now: datetime, codec: Codec) -> None:
        self._session = session
        self.source = source
        self.now = now
        self._codec = codec
        self._event_ids: dict[str, int] = {}
        self._inserted = 0  # events this unit inserted (others' appear in `moved`)
        self._inserted_events: dict[str, SignalEvent] = {}  # the events this unit inserted, by dedupe key
        self.newest_message = 0  # the highest message id this unit added (0: none)
        # The head of every part this unit wrote, None for those it deleted (`save_parts`): heads only, so a
        # unit kept after its block (a caller's variable) does not keep the parts' bodies alive.
        self.saved_heads: dict[str, Mapping[str, Any] | None] = {}
        self.polls: int | None = None  # the source's poll counter once this unit recorded its poll (`save_cursor`)

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
        self._inserted += len(inserted)
        raced = [event for key, event in candidates.items() if key not in inserted]
        self._adopt(raced + repeats)
        return [event for key, event in candidates.items() if key in inserted]

    def tie(self, events: Sequence[SignalEvent]) -> list[SignalEvent]:
        """Write the account (and match, attributes) of stored events that still have none
        (`runtime.retie`: resolved again once accounts were added), and return those written:
        from here on the unit treats them as events it inserted (evaluated as new, their alerts
        enqueued, left out of `history`). An event tied meanwhile (another process, an earlier
        run) is left as it is and not returned, so nothing is tied, or alerted, twice. Row by row:
        the first update takes SQLite's write lock, and each row's count says whether it was ours."""
        tied: dict[str, int] = {}
        connection = self._session.connection()
        for event in events:
            if event.account_id is None or event.dedupe_key in tied:
                continue
            values = {"key": event.dedupe_key, "account": event.account_id, "confidence": event.match_confidence,
                      "method": event.match_method, "attributes": dict(event.attributes)}
            if connection.execute(_TIE, values).rowcount == 1:
                tied[event.dedupe_key] = 0
        for chunk in chunks(list(tied)):
            query = sa.select(_EVENTS.c.dedupe_key, _EVENTS.c.id).where(_EVENTS.c.dedupe_key.in_(chunk))
            tied.update({key: event_id for key, event_id in self._session.execute(query)})
        self._event_ids.update(tied)
        written = [event for event in events if event.dedupe_key in tied]
        self._inserted_events.update((event.dedupe_key, event) for event in written)
        return list({event.dedupe_key: event for event in written}.values())

    def _insert_events(self, events: list[SignalEvent]) -> dict[str, int]:
        """Insert the events, skipping any dedupe key that exists by now; returns key -> id of the
        rows this call inserted. One batched statement where the database can skip conflicts
        (SQLite, PostgreSQL); elsewhere a plain insert, where a concurrent duplicate fails the poll."""
        if not events:
            return {}
        insert = _insert_skipping_conflicts(self._session, _EVENTS, "dedupe_key")
        inserted: dict[str, int] = {}
        # In batches, so that the column values of one batch are held at a time, not of every event
        # of a poll (a job-board poll can bring ten thousand); ids follow the feed's order.
        for batch in chunks(events):
            values = [event.model_dump(mode="python") for event in batch]
            if insert is None:
                rows = [EventRow(**columns) for columns in values]
                self._session.add_all(rows)
                self._session.flush()  # one batched insert; ids come back for the outbox rows
                inserted.update({row.dedupe_key: row.id for row in rows if row.id is not None})
            else:
                returned = self._session.execute(insert.returning(_EVENTS.c.dedupe_key, _EVENTS.c.id), values)
                inserted.update({key: event_id for key, event_id in returned})
        self._inserted_events.update((event.dedupe_key, event) for event in events if event.dedupe_key in inserted)
        return inserted

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

    def history(self, account_ids: Sequence[int], events_since: datetime,
                alerts_since: datetime) -> tuple[list[SignalEvent], list[AlertRecord]]:
        """The accounts' stored events that occurred since `events_since`, oldest first, except
        those this unit inserted (evaluated as new), and their alerts since `alerts_since`.
        Read after the unit's inserts: on SQLite the unit then holds the write lock, so nothing
        commits between this read and the unit's own commit."""
        events: list[SignalEvent] = []
        ours = self._event_ids
        for chunk in chunks(account_ids):
            query = (sa.select(_EVENTS).where(_EVENTS.c.account_id.in_(chunk), _EVENTS.c.occurred_at >= events_since)
                     .order_by(_EVENTS.c.occurred_at, _EVENTS.c.id))
            events += [event for _, event in event_rows(self._session, query) if event.dedupe_key not in ours]
        if len(account_ids) > _IN_CHUNK:
            events.sort(key=lambda event: event.occurred_at)
        return events, alert_records(self._session, self._codec, alerts_since, account_ids)

    def stories(self, account_ids: Sequence[int], types: Sequence[str], since: datetime) -> list[tuple[SignalEvent, bool]]:
        """The accounts' stored events of `types` that occurred since `since`, each with whether it
        raised an alert: what a new report may retell (`signalwatch.stories.mark_retold`)."""
        found: list[tuple[SignalEvent, bool]] = []
        for chunk in chunks(account_ids):
            query = (sa.select(_EVENTS).where(_EVENTS.c.account_id.in_(chunk), _EVENTS.c.type.in_(list(types)),
                                              _EVENTS.c.occurred_at >= since)
                     .order_by(_EVENTS.c.detected_at, _EVENTS.c.id))
            rows = list(event_rows(self._session, query))
            ids = [event_id for event_id, _ in rows]
            alerted = set(self._session.execute(sa.select(_MESSAGES.c.event_id).where(_MESSAGES.c.event_id.in_(ids))).scalars()) if ids else set()
            found += [(event, event_id in alerted) for event_id, event in rows]
        return found

    def moved(self, mark: tuple[int, int]) -> bool:
        """Whether anyone but this unit stored events, or alerts about an account, after `mark`
        (`mark()` of an earlier unit). Exact on SQLite, whose writers take turns; on PostgreSQL
        ids are not handed out in commit order, so a write committing while this unit runs can
        go unnoticed (the polling lease keeps one instance polling)."""
        events = self._session.execute(sa.select(sa.func.count()).where(_EVENTS.c.id > mark[0])).scalar() or 0
        if events > self._inserted:
            return True
        alerts = sa.select(_MESSAGES.c.id).where(_MESSAGES.c.id > mark[1], _MESSAGES.c.account_id.is_not(None)).limit(1)
        return self._session.execute(alerts).first() is not None

    def connection(self) -> sa.Connection:
        """The unit's own connection, for a read that belongs to this transaction (the alert's
        CRM contacts): no second connection beside the poll's, and the same view as `history`."""
        return self._session.connection()

    def mark(self) -> tuple[int, int]:
        """Where the store stands with this unit's writes: (newest event id, newest message id)."""
        newest = sa.select(sa.func.max(_EVENTS.c.id)).scalar_subquery(), sa.select(sa.func.max(_MESSAGES.c.id)).scalar_subquery()
        events, messages = self._session.execute(sa.select(*newest)).one()
        return int(events or 0), int(messages or 0)

    def enqueue(self, drafts: Sequence[AlertDraft]) -> int:
        """Outbox rows for the alerts of events inserted through this unit; an alert key already
        queued (by an earlier poll, or by a concurrent one an instant ago) is skipped, so an alert
        is never queued twice. Drafts of one alert (its routes: same event, account, priority and
        payload) share one message. Returns the number of rows added."""
        first: dict[str, AlertDraft] = {}
        for draft in drafts:
            first.setdefault(draft.alert_key, draft)  # the first draft of a key wins, as when checking row by row
        if not first:
            return 0
        message_of = self._messages(list(first.values()))
        rows = [self._outbox_values(draft, message_of[key]) for key, draft in first.items()]  # delivery follows this order
        insert = _insert_skipping_conflicts(self._session, _OUTBOX, "alert_key")
        if insert is None:
            used = self._insert_one_by_one(rows)
        else:
            used = [message for (message,) in self._session.execute(insert.returning(_OUTBOX.c.message_id), rows)]
        unused = set(message_of.values()) - set(used)
        if unused:  # every route of these was queued before: their messages are not needed
            self._session.execute(sa.delete(_MESSAGES).where(_MESSAGES.c.id.in_(sorted(unused))))
        return len(used)

    def _messages(self, drafts: Sequence[AlertDraft]) -> dict[str, int]:
        """Store one message per distinct (event, account, priority, payload) among the drafts; return
        alert key -> message id. The engine shares one payload object between an alert's routes, so
        each payload is split and encoded once."""
        documents: dict[int, bytes] = {}
        groups: dict[tuple[int, int | None, str, bytes], list[str]] = {}
        for draft in drafts:
            event_id = self._event_ids[draft.event_key] if draft.event_key else 0
            encoded = documents.get(id(draft.payload))
            if encoded is None:
                event = self._inserted_events.get(draft.event_key)
                columns = event.model_dump(mode="python", include=_COPIED) if event is not None else None  # as stored
                encoded = documents[id(draft.payload)] = encode(split(draft.payload, event_copy(columns) if columns else None))
            groups.setdefault((event_id, draft.account_id, draft.priority, encoded), []).append(draft.alert_key)
        values = []
        for event_id, account_id, priority, encoded in groups:
            packed = self._codec.pack(self._session, encoded)
            values.append({"event_id": event_id, "account_id": account_id, "source": self.source, "priority": priority,
                           "created_at": self.now, "dictionary_id": packed.dictionary_id, "body": packed.body})
        ids = _insert_returning_ids(self._session, _MESSAGES, values)
        self.newest_message = max([self.newest_message, *ids])
        return {key: message for message, keys in zip(ids, groups.values()) for key in keys}

    def _insert_one_by_one(self, rows: list[dict[str, Any]]) -> list[int]:
        """The portable path for databases without INSERT ... ON CONFLICT: check, then add."""
        used = []
        for row in rows:
            if self._session.exec(select(OutboxRow.id).where(OutboxRow.alert_key == row["alert_key"])).first() is not None:
                continue
            self._session.execute(sa.insert(_OUTBOX).values(**row))
            used.append(row["message_id"])
        return used

    def _outbox_values(self, draft: AlertDraft, message_id: int) -> dict[str, Any]:
        return {
            "alert_key": draft.alert_key, "message_id": message_id, "rule_id": draft.rule_id, "sink": draft.sink,
            "target": draft.target, "status": OutboxStatus.PENDING, "attempts": 0, "next_attempt_at": draft.not_before or self.now,
        }

    def save_cursor(self, cursor: dict[str, Any] | None, target_errors: Mapping[str, str] | None = None) -> None:
        """Record the successful poll and its cursor; `cursor=None` means unchanged (neither read nor rewritten).
        A source's first poll inserts its row; two first polls at once must not collide on it."""
        success = {"last_poll_at": self.now, "last_success_at": self.now, "consecutive_failures": 0,
                   "target_errors": dict(target_errors or {})}
        polls = self._record(cursor, success)
        # The counter our poll set, inside the transaction (returned by the write where the database
        # can, else read back): the store's kept heads (`store.heads`) go with it.
        self.polls = polls if polls is not None else self._session.execute(
            sa.select(_STATE.c.polls).where(_STATE.c.source == self.source)).scalar()

    def _record(self, cursor: dict[str, Any] | None, success: dict[str, Any]) -> int | None:
        """Write the poll's record; the poll counter it set, when the write could return it."""
        dialect = self._session.get_bind().dialect
        if cursor is None:
            update = sa.update(_STATE).where(_STATE.c.source == self.source).values(**success, polls=_STATE.c.polls + 1)
            if dialect.update_returning:
                polls = self._session.execute(update.returning(_STATE.c.polls)).scalar()
                if polls is not None:
                    return int(polls)
            elif self._session.execute(update).rowcount:  # type: ignore[attr-defined]
                return None
        upsert = _upsert_state(self._session, self.source, cursor, success)
        if upsert is not None and dialect.insert_returning:
            return int(self._session.execute(upsert.returning(_STATE.c.polls)).scalar_one())
        if upsert is not None:
            self._session.execute(upsert)
            return None
        state = self._session.get(SourceStateRow, self.source) or SourceStateRow(source=self.source)
        state.cursor = cursor if cursor is not None else state.cursor
        for key, value in success.items():
            setattr(state, key, value)
        state.polls = (state.polls or 0) + 1
        self._session.add(state)
        self._session.flush()
        return None

    def save_parts(self, parts: Mapping[str, PartChange | None]) -> None:
        """Replace the parts with a new body, delete those set to None, update heads whose body stays."""
        self.saved_heads.update((key, None if change is None else change.head) for key, change in parts.items())
        replaced = [key for key, change in parts.items() if change is None or change.body is not None]
        for chunk in chunks(replaced):
            self._session.execute(sa.delete(_PARTS).where(_PARTS.c.source == self.source, _PARTS.c.part.in_(chunk)))
        rows = [{"source": self.source, "part": key, "head": dict(change.head), "body": dict(change.body)}
                for key, change in parts.items() if change is not None and change.body is not None]
        for batch in chunks(rows, _PART_BATCH):  # one batch's JSON text at a time: a 2,000-board poll writes ~30 MB of it
            self._session.execute(sa.insert(_PARTS), batch)
        for key, change in parts.items():
            if change is None or change.body is not None:
                continue
            where = (_PARTS.c.source == self.source) & (_PARTS.c.part == key)
            if not self._session.execute(sa.update(_PARTS).where(where).values(head=dict(change.head))).rowcount:  # type: ignore[attr-defined]
                self._session.execute(sa.insert(_PARTS).values(source=self.source, part=key, head=dict(change.head), body={}))

    def _amend(self, event: SignalEvent) -> None:
        row = self._session.exec(select(EventRow).where(EventRow.dedupe_key == event.dedupe_key)).first()
        if row is not None and row.attributes != event.attributes:
            if row.id is not None:  # messages keep the event as they were queued with it
                materialize(self._session, self._codec, [row.id], {row.id: row.model_dump()})
            row.attributes = dict(event.attributes)
            row.title, row.url, row.summary = event.title, event.url, event.summary
            self._session.add(row)


def _insert_skipping_conflicts(session: Session, table: sa.Table, unique_column: str) -> Any | None:
    """`INSERT ... ON CONFLICT (unique_column) DO NOTHING` for SQLite and PostgreSQL, which also
    return the rows they inserted from a batch; None where the dialect offers neither."""
    dialect = session.get_bind().dialect
    if not dialect.insert_executemany_returning:
        return None
    if dialect.name not in ("sqlite", "postgresql"):
        return None
    return conflict_insert(dialect.name)(table).on_conflict_do_nothing(index_elements=[unique_column])


def conflict_insert(dialect: str) -> Any:
    """The INSERT with ON CONFLICT of `dialect` ("sqlite" or "postgresql"). The PostgreSQL one is
    imported here, once a store on PostgreSQL asks: the dialect package is 1.8 MB resident that a
    SQLite store (the default) has no use for."""
    if dialect == "sqlite":
        return sqlite.insert
    from sqlalchemy.dialects import postgresql

    return postgresql.insert


def _insert_returning_ids(session: Session, table: sa.Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert `rows`; return their new ids in the same order (one batched statement where the
    database returns ids from a batch in parameter order)."""
    if not rows:
        return []
    if session.get_bind().dialect.insert_executemany_returning_sort_by_parameter_order:
        insert = sa.insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return [row_id for (row_id,) in session.execute(insert, rows)]
    return [insert_id(session, table, row) for row in rows]


def _upsert_state(session: Session, source: str, cursor: dict[str, Any] | None, success: Mapping[str, Any]) -> Any | None:
    """Insert the source's state row, or update it if it exists by now (a concurrent first poll);
    the cursor is only written when given. None where the dialect has no ON CONFLICT."""
    dialect = session.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        return None
    insert = conflict_insert(dialect)(_STATE).values(
        source=source, cursor=cursor if cursor is not None else {}, polls=1, **success)
    changes: dict[str, Any] = {**success, "polls": _STATE.c.polls + 1}
    if cursor is not None:
        changes["cursor"] = insert.excluded.cursor
    return insert.on_conflict_do_update(index_elements=["source"], set_=changes)


def stored_event(row: EventRow) -> SignalEvent:
    return SignalEvent.model_validate(row.model_dump(exclude={"id"}))


def event_rows(session: Session, query: sa.Select[Any]) -> Iterator[tuple[int, SignalEvent]]:
    """(id, event) per row of `query` (a select of the events table): the columns straight into the
    event, without an ORM object and its dump per row (the reads every poll makes: `history`, `stories`;
    the stored untied events a tie reads, `Store.untied_events`). The column names are read once: a row's
    own `_asdict` builds them again each time."""
    result = session.execute(query)
    names = list(result.keys())
    for row in result:
        columns = dict(zip(names, row, strict=True))
        yield columns.pop("id"), SignalEvent.model_validate(columns)


def alert_records(session: Session, codec: Codec, since: datetime, account_ids: Sequence[int] | None = None) -> list[AlertRecord]:
    """One record per alert since `since` (per rule firing, not per route), of `account_ids` or all:
    its rule, account, first enqueued, and every rule it names when several fired into one alert
    (the payload's `rules`), so each one's cooldown survives a restart."""
    query = (sa.select(_OUTBOX.c.rule_id, _MESSAGES.c.account_id, _MESSAGES.c.event_id, _MESSAGES.c.created_at, _MESSAGES.c.id,
                       _MESSAGES.c.dictionary_id, _MESSAGES.c.body)
             .select_from(DELIVERIES).where(_MESSAGES.c.created_at >= since))
    chunked = [query] if account_ids is None else [query.where(_MESSAGES.c.account_id.in_(chunk)) for chunk in chunks(account_ids)]
    named_by: dict[int, Any] = {}  # message id -> its payload's "rules" (one unpack per message)
    found: dict[tuple[str, int | None, int], AlertRecord] = {}
    for part in chunked:
        for rule, account, event, created, message, dictionary, body in session.execute(part):
            if message not in named_by:
                named_by[message] = codec.unpack(session, dictionary, bytes(body))["payload"].get("rules")
            named = named_by[message]
            key, at = (rule, account, event), as_utc(created)
            rules = tuple(named) if isinstance(named, list) else ()
            seen = found.get(key)
            if seen is not None:
                at, rules = min(seen.created_at, at), tuple(dict.fromkeys(seen.rules + rules))
            found[key] = AlertRecord(rule, account, at, rules, event)
    return list(found.values())
