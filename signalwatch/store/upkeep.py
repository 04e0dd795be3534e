"""Operator-side store operations: health probes, outbox summary, retention, the scheduler lease,
and source-health incidents (state change and admin alert committed together)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError

from signalwatch.store.messages import EVENT_COLUMNS, Codec, encode, materialize, split
from signalwatch.store.outbox import DELIVERIES, EVENTS, MESSAGES, OUTBOX, insert_id
from signalwatch.store.store import AlertDraft, Store, StoreError
from signalwatch.store.tables import LeaseRow, OutboxStatus, SourceStateRow
from signalwatch.timeutil import as_utc

__all__ = [
    "ping", "OutboxSummary", "outbox_summary", "SinkSummary", "sink_summaries", "PruneReport", "prune", "FEEDBACK_KEEP", "try_lease",
    "release_lease",
    "SourceHealthRow", "source_health_rows", "record_health_change", "ADMIN_SOURCE",
]

ADMIN_SOURCE = "@admin"  # outbox `source` of admin alerts, so per-source alert counts stay about signals
_EVENTS = EVENTS
_OUTBOX = OUTBOX
_STATE = SourceStateRow.__table__  # type: ignore[attr-defined]
_LEASES = LeaseRow.__table__  # type: ignore[attr-defined]
_PRUNE_BATCH = 2000  # rows per delete transaction: short write locks while the daemon runs


@contextmanager
def _begin(store: Store) -> Iterator[Connection]:
    """A transaction whose database errors (locked, full, read-only, gone) become StoreError."""
    try:
        with store.engine.begin() as conn:
            yield conn
    except IntegrityError:
        raise
    except DBAPIError as exc:
        raise StoreError(f"database write failed, nothing was saved: {exc.orig}") from exc


def ping(store: Store) -> None:
    """Raise StoreError unless the database answers a query."""
    with _begin(store) as conn:
        conn.execute(sa.select(sa.func.count()).select_from(_STATE))


@dataclass(frozen=True)
class OutboxSummary:
    counts: dict[str, int]
    oldest_pending_at: datetime | None


@dataclass(frozen=True)
class SinkSummary:
    """One sink's deliveries: rows per status, the oldest unsent, and the newest error of a row
    not yet sent (what an operator needs to see a sink failing without reading logs)."""

    sink: str
    counts: dict[str, int]
    oldest_unsent_at: datetime | None
    last_error: str | None

    @property
    def unsent(self) -> int:
        """Rows still to send (pending, or claimed by a sender)."""
        return sum(self.counts.get(status, 0) for status in _UNSENT)


_UNSENT = [OutboxStatus.PENDING, OutboxStatus.SENDING]


def sink_summaries(store: Store) -> list[SinkSummary]:
    """Per sink, by name."""
    with _begin(store) as conn:
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        for sink, status, n in conn.execute(
            sa.select(_OUTBOX.c.sink, _OUTBOX.c.status, sa.func.count()).group_by(_OUTBOX.c.sink, _OUTBOX.c.status)
        ):
            counts[sink][status] = int(n)
        oldest: dict[str, datetime | None] = {sink: created for sink, created in conn.execute(
            sa.select(_OUTBOX.c.sink, sa.func.min(MESSAGES.c.created_at)).select_from(DELIVERIES)
            .where(_OUTBOX.c.status.in_(_UNSENT)).group_by(_OUTBOX.c.sink)
        )}
        newest_failed = (sa.select(sa.func.max(_OUTBOX.c.id))
                         .where(_OUTBOX.c.last_error.is_not(None), _OUTBOX.c.status.not_in([OutboxStatus.SENT, OutboxStatus.DISCARDED]))
                         .group_by(_OUTBOX.c.sink))
        errors: dict[str, str] = {sink: error for sink, error in conn.execute(
            sa.select(_OUTBOX.c.sink, _OUTBOX.c.last_error).where(_OUTBOX.c.id.in_(newest_failed))
        )}
    return [SinkSummary(sink, counts[sink], as_utc(at) if (at := oldest.get(sink)) is not None else None, errors.get(sink))
            for sink in sorted(counts)]


def outbox_summary(store: Store, sinks: Collection[str] | None = None) -> OutboxSummary:
    """Rows per status, and when the oldest unsent (pending or sending) row was created; of the
    `sinks` given only (the enabled ones: rows queued before a sink was disabled wait on purpose,
    and must not keep an "oldest unsent" alert firing for ever)."""
    counts: dict[str, int] = defaultdict(int)
    oldest: datetime | None = None
    for summary in sink_summaries(store):
        for status, n in summary.counts.items():
            counts[status] += n
        if sinks is not None and summary.sink not in sinks:
            continue
        if summary.oldest_unsent_at is not None and (oldest is None or summary.oldest_unsent_at < oldest):
            oldest = summary.oldest_unsent_at
    return OutboxSummary(dict(counts), oldest)


# Feedback (Slack button clicks) is kept at least this long, and as long as the sent alerts it is
# about: `signalwatch rules report` reads 90 days by default, `rules check` its `feedback.window`
# (90 days), the digest's weekly block 7 days. A snooze or claim still running is never deleted.
FEEDBACK_KEEP = timedelta(days=180)


@dataclass(frozen=True)
class PruneReport:
    events: int
    alerts: int
    feedback: int = 0


def prune(store: Store, *, events_before: datetime, sent_before: datetime, feedback_before: datetime | None = None) -> PruneReport:
    """Delete sent alerts settled before `sent_before` and events older than `events_before`;
    with `feedback_before`, feedback actions taken before it whose snooze or claim (if any) ended
    before it too.

    Pending, sending and dead alerts are kept, and so are the events they cite. An event is
    old only when it both happened and was detected before the cutoff. A kept sent alert whose
    message leaves out the copy of a deleted event gets that copy written in first (`outbox list`
    still shows it); messages no delivery uses any more go with their last delivery.
    """
    alerts = _delete_batches(store, sa.select(_OUTBOX.c.id).where(
        _OUTBOX.c.status == OutboxStatus.SENT, _OUTBOX.c.sent_at < sent_before
    ), _OUTBOX)
    _delete_batches(store, sa.select(MESSAGES.c.id).where(MESSAGES.c.id.not_in(sa.select(_OUTBOX.c.message_id))), MESSAGES)
    cited = sa.select(MESSAGES.c.event_id).select_from(DELIVERIES).where(_OUTBOX.c.status != OutboxStatus.SENT)
    events = _delete_batches(store, sa.select(_EVENTS.c.id).where(
        _EVENTS.c.detected_at < events_before, _EVENTS.c.occurred_at < events_before, _EVENTS.c.id.not_in(cited)
    ), _EVENTS, before=lambda conn, ids: _materialize(conn, store.codec, ids))
    feedback = _prune_feedback(store, feedback_before) if feedback_before is not None else 0
    return PruneReport(events=events, alerts=alerts, feedback=feedback)


def _prune_feedback(store: Store, before: datetime) -> int:
    from signalwatch.feedback.ledger import ACTIONS  # the feedback package builds on the store

    return _delete_batches(store, sa.select(ACTIONS.c.id).where(
        ACTIONS.c.created_at < before, sa.or_(ACTIONS.c.until.is_(None), ACTIONS.c.until < before)), ACTIONS)


def _materialize(conn: Connection, codec: Codec, event_ids: list[Any]) -> None:
    columns = {row.id: dict(row._mapping) for row in conn.execute(
        sa.select(_EVENTS.c.id, *(_EVENTS.c[name] for name in EVENT_COLUMNS)).where(_EVENTS.c.id.in_(event_ids)))}
    materialize(conn, codec, event_ids, columns)


def _delete_batches(store: Store, ids: sa.Select[Any], table: sa.Table,
                    before: Callable[[Connection, list[Any]], None] | None = None) -> int:
    """Delete the rows `ids` selects, a batch per transaction; `before` runs on each batch first, in its transaction."""
    deleted = 0
    while True:
        with _begin(store) as conn:
            batch = [row[0] for row in conn.execute(ids.limit(_PRUNE_BATCH))]
            if batch:
                if before is not None:
                    before(conn, batch)
                conn.execute(table.delete().where(table.c.id.in_(batch)))
        deleted += len(batch)
        if len(batch) < _PRUNE_BATCH:
            return deleted


def try_lease(store: Store, name: str, holder: str, now: datetime, ttl: timedelta,
              gone: Callable[[str], bool] | None = None) -> bool:
    """Take or renew lease `name` for `holder` until now + ttl; False while another holder's lease runs,
    unless `gone` says that holder is known to be dead (a process killed on this host): its lease
    is taken at once rather than after it expires.

    The conditional UPDATEs are atomic in SQLite and PostgreSQL, so two instances racing for an
    expired (or dead) lease cannot both win; the INSERT's primary key settles the very first race.
    """
    expires = now + ttl
    with _begin(store) as conn:
        taken = conn.execute(_LEASES.update().where(
            _LEASES.c.name == name, sa.or_(_LEASES.c.holder == holder, _LEASES.c.expires_at < now)
        ).values(holder=holder, expires_at=expires)).rowcount
    if taken == 1:
        return True
    try:
        with _begin(store) as conn:
            current = conn.execute(sa.select(_LEASES.c.holder).where(_LEASES.c.name == name)).first()
            if current is not None and gone is not None and gone(str(current[0])):
                return conn.execute(_LEASES.update().where(_LEASES.c.name == name, _LEASES.c.holder == current[0])
                                    .values(holder=holder, expires_at=expires)).rowcount == 1
            if current is not None:
                return False
            conn.execute(_LEASES.insert().values(name=name, holder=holder, expires_at=expires))
    except IntegrityError:
        return False
    return True


def release_lease(store: Store, name: str, holder: str) -> None:
    """Give the lease up at a clean stop, so a standby takes over at once instead of after the ttl."""
    with _begin(store) as conn:
        conn.execute(_LEASES.delete().where(_LEASES.c.name == name, _LEASES.c.holder == holder))


@dataclass(frozen=True)
class SourceHealthRow:
    source: str
    last_poll_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    health_alert: str | None
    health_incidents: int


def source_health_rows(store: Store) -> dict[str, SourceHealthRow]:
    with _begin(store) as conn:
        rows = conn.execute(sa.select(
            _STATE.c.source, _STATE.c.last_poll_at, _STATE.c.last_success_at, _STATE.c.last_error,
            _STATE.c.consecutive_failures, _STATE.c.health_alert, _STATE.c.health_incidents,
        )).all()
    return {
        row.source: SourceHealthRow(
            row.source, _utc(row.last_poll_at), _utc(row.last_success_at), row.last_error,
            int(row.consecutive_failures or 0), row.health_alert, int(row.health_incidents or 0),
        )
        for row in rows
    }


def _insert_admin_alert(conn: Connection, codec: Codec, draft: AlertDraft, now: datetime) -> None:
    """An outbox row for an admin alert (a notice or a digest), with its message: no event, no account, the `@admin` source."""
    packed = codec.pack(conn, encode(split(draft.payload, None)))
    message = insert_id(conn, MESSAGES, {
        "event_id": 0, "account_id": None, "source": ADMIN_SOURCE, "priority": draft.priority, "created_at": now,
        "dictionary_id": packed.dictionary_id, "body": packed.body,
    })
    conn.execute(_OUTBOX.insert().values(
        alert_key=draft.alert_key, message_id=message, rule_id=draft.rule_id, sink=draft.sink, target=draft.target,
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=now,
    ))


def enqueue_notices(store: Store, alerts: list[AlertDraft], now: datetime) -> int:
    """Queue admin notices (not tied to an event); a key already queued is skipped. Returns how many were new."""
    added = 0
    for draft in alerts:
        try:
            with _begin(store) as conn:
                _insert_admin_alert(conn, store.codec, draft, now)
            added += 1
        except IntegrityError:
            continue  # already announced
    return added


def record_health_change(
    store: Store, source: str, expected: str | None, new: str | None, incident: int,
    alerts: list[AlertDraft], now: datetime,
) -> bool:
    """Move a source's health alert state from `expected` to `new` and enqueue `alerts`, atomically.

    Compare-and-set: when another instance (or an earlier run) already made the change, nothing
    is written and False is returned, so each incident is announced once.
    """
    try:
        with _begin(store) as conn:
            changed = conn.execute(_STATE.update().where(
                _STATE.c.source == source,
                _STATE.c.health_alert.is_(None) if expected is None else _STATE.c.health_alert == expected,
                _STATE.c.health_incidents == incident - (1 if new is not None else 0),
            ).values(health_alert=new, health_incidents=incident)).rowcount
            if changed != 1:
                return False
            for draft in alerts:
                _insert_admin_alert(conn, store.codec, draft, now)
    except IntegrityError:
        return False  # the alert key exists: this change was already recorded
    return True


def _utc(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None
