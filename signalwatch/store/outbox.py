"""Reading outbox rows: each delivery with its message's payload rebuilt (`store.messages`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from signalwatch.store.messages import EVENT_COLUMNS, Codec, Executor, event_copy, join, needs_event
from signalwatch.store.tables import EventRow, MessageRow, OutboxRow, OutboxStatus
from signalwatch.timeutil import as_utc

__all__ = ["OutboxItem", "Settlement", "RECORD_HOLD",
           "item_query", "message_query", "read_items", "payload_of", "insert_id", "OUTBOX", "MESSAGES", "EVENTS", "DELIVERIES"]

OUTBOX = OutboxRow.__table__  # type: ignore[attr-defined]
MESSAGES = MessageRow.__table__  # type: ignore[attr-defined]
EVENTS = EventRow.__table__  # type: ignore[attr-defined]
# Every delivery with its message: what queries of the message's columns (source, created_at) select from.
DELIVERIES = OUTBOX.join(MESSAGES, MESSAGES.c.id == OUTBOX.c.message_id)


# How a row that waits for its own record (a company not in the CRM yet: `SinkError.record`) starts
# its stored error: such a row holds its account's later rows, not its whole sink (`Store.sink_holds`).
# Kept in the error text, read by people in `outbox list` too, so no column (and no migration) is needed.
RECORD_HOLD = "held for this account: "


@dataclass(frozen=True)
class OutboxItem:
    id: int
    alert_key: str
    rule_id: str
    sink: str
    target: str | None
    priority: str
    payload: dict[str, Any]
    status: str
    attempts: int
    claimed_at: datetime | None
    last_error: str | None
    claimed_by: str | None = None
    account_id: int | None = None  # the alert's account (None: a digest or notice)


@dataclass(frozen=True)
class Settlement:
    """How one claimed row ends a delivery run: the values its row takes (`Store.settle`)."""

    id: int
    status: str
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    remote_id: str | None = None
    error: str | None = None
    release: bool = False  # never tried after all: back to pending, the claim's attempt not counted

    @classmethod
    def sent(cls, item_id: int, remote_id: str | None, at: datetime) -> Settlement:
        return cls(item_id, OutboxStatus.SENT, sent_at=at, remote_id=remote_id)

    @classmethod
    def retry(cls, item_id: int, error: str, at: datetime, *, record: bool = False) -> Settlement:
        """Pending again until `at`; `record`: it waits for its own record, holding its account's rows only."""
        return cls(item_id, OutboxStatus.PENDING, next_attempt_at=at, error=RECORD_HOLD + error if record else error)

    @classmethod
    def unknown(cls, item_id: int, error: str, confirm_at: datetime) -> Settlement:
        """The outcome is unknown: the row stays `sending` (never resent blindly) until the confirm at `confirm_at`."""
        return cls(item_id, OutboxStatus.SENDING, next_attempt_at=confirm_at, error=f"unknown outcome: {error}")

    @classmethod
    def dead(cls, item_id: int, error: str) -> Settlement:
        return cls(item_id, OutboxStatus.DEAD, error=error)

    @classmethod
    def released(cls, item_id: int) -> Settlement:
        return cls(item_id, OutboxStatus.PENDING, release=True)


_EVENT_LABELS = [EVENTS.c[name].label(f"event_{name}") for name in EVENT_COLUMNS]


def item_query(*where: Any) -> sa.Select[Any]:
    """Outbox rows with what rebuilding their payload needs: their message, and its event's columns."""
    return (
        message_query(OUTBOX.c.id, OUTBOX.c.alert_key, OUTBOX.c.rule_id, OUTBOX.c.sink, OUTBOX.c.target, OUTBOX.c.status,
                      OUTBOX.c.attempts, OUTBOX.c.claimed_at, OUTBOX.c.last_error, OUTBOX.c.claimed_by, MESSAGES.c.priority,
                      MESSAGES.c.account_id,
                      source=DELIVERIES)
        .where(*where)
    )


def message_query(*columns: Any, source: Any = MESSAGES) -> sa.Select[Any]:
    """`columns` of messages (or of `source`, e.g. DELIVERIES) with what rebuilding their payload needs."""
    return (sa.select(*columns, MESSAGES.c.dictionary_id, MESSAGES.c.body, EVENTS.c.id.label("event_row"), *_EVENT_LABELS)
            .select_from(source.outerjoin(EVENTS, EVENTS.c.id == MESSAGES.c.event_id)))


def insert_id(conn: Executor, table: sa.Table, values: dict[str, Any]) -> int:
    """Insert one row; return its new id (on any database, RETURNING or not)."""
    key = conn.execute(sa.insert(table).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def read_items(conn: Executor, codec: Codec, query: sa.Select[Any]) -> list[OutboxItem]:
    return [_item(conn, codec, row) for row in conn.execute(query).all()]


def payload_of(conn: Executor, codec: Codec, row: Any) -> dict[str, Any]:
    """The payload of a row selected by `item_query` or `message_query`."""
    document = codec.unpack(conn, row.dictionary_id, bytes(row.body))
    if not needs_event(document) or row.event_row is None:
        return join(document, None)
    return join(document, event_copy({name: getattr(row, f"event_{name}") for name in EVENT_COLUMNS}))


def _item(conn: Executor, codec: Codec, row: Any) -> OutboxItem:
    return OutboxItem(
        id=row.id, alert_key=row.alert_key, rule_id=row.rule_id, sink=row.sink, target=row.target, priority=row.priority,
        payload=payload_of(conn, codec, row), status=row.status, attempts=row.attempts,
        claimed_at=as_utc(row.claimed_at) if row.claimed_at is not None else None, last_error=row.last_error,
        claimed_by=row.claimed_by, account_id=row.account_id,
    )
