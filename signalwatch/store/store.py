"""Store operations. A poll commits its events, alerts and cursor in one transaction."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, col, create_engine, func, select

from signalwatch.accounts import ACCOUNT_FIELDS, Account
from signalwatch.accounts.crm_ids import crm_entries, merged_crm_id
from signalwatch.alerts.draft import AlertDraft, AlertRecord
from signalwatch.events import SignalEvent
from signalwatch.store.heads import HeadsCache
from signalwatch.store.messages import Codec, train_due
from signalwatch.store.migrations import migrate
from signalwatch.store.outbox import (
    DELIVERIES,
    EVENTS,
    MESSAGES,
    OUTBOX,
    RECORD_HOLD,
    OutboxItem,
    Settlement,
    item_query,
    message_query,
    payload_of,
    read_items,
)
from signalwatch.store.pollunit import PartChange, PollUnit, alert_records, chunks, event_rows, stored_event
from signalwatch.store.tables import (
    AccountRow,
    CursorPartRow,
    EventRow,
    OutboxRow,
    OutboxStatus,
    SourceStateRow,
)
from signalwatch.timeutil import as_utc

__all__ = ["Store", "StoreError", "AlertDraft", "OutboxItem", "PollCommit", "SourceStatus", "StoredParts", "PartChange"]

log = logging.getLogger(__name__)
_PARTS = CursorPartRow.__table__  # type: ignore[attr-defined]
# The parts' bodies by key, built once: fetch workers read one board's body per call, and a statement
# built per call left ten objects in reference cycles each (its bound parameters), which the daemon's
# collector (`runtime.app.settle_heap`: 50,000 allocations between young collections) let pile up
# during a poll.
_BODIES = sa.select(_PARTS.c.part, _PARTS.c.body).where(
    _PARTS.c.source == sa.bindparam("source"), _PARTS.c.part.in_(sa.bindparam("parts", expanding=True)))
_ACCOUNTS = AccountRow.__table__  # type: ignore[attr-defined]
_STATE = SourceStateRow.__table__  # type: ignore[attr-defined]
_EVENTS_TABLE = EventRow.__table__  # type: ignore[attr-defined]
_BATCH = 2000  # accounts written per statement batch
_IN_CHUNK = 500  # keys per IN (...) list, well under every database's bound-parameter limit
_DUE = OUTBOX.c.next_attempt_at.is_not(None)  # the ix_outbox_due index's condition: queries of unsent rows name it to use it


class StoreError(RuntimeError):
    """The database could not be written (locked, full disk, read-only); nothing was committed."""


@dataclass(frozen=True)
class PollCommit:
    """What one committed poll added."""

    new_events: list[SignalEvent]
    new_alerts: int
    skipped: tuple[tuple[str, str, str], ...] = ()  # (rule id, event key, reason): what the rules held back


@dataclass(frozen=True)
class SourceStatus:
    source: str
    last_poll_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    consecutive_failures: int
    target_errors: dict[str, Any]
    events: int
    alerts_sent: int
    alerts_pending: int
    alerts_dead: int


def _utc(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


class Store:
    """The database. SQLite (WAL) by default; any SQLAlchemy URL works for the core tables."""

    def __init__(self, url: str, *, busy_timeout: float = 30.0) -> None:
        self.url = url
        # cached_statements=0: Python's sqlite3 keeps each connection's last 128 prepared statements, and a
        # batched INSERT of hundreds of rows compiles to 1-2 MB; every batch of another size is a statement
        # of its own, so a 2,000-board job-board poll held 20-30 MB of them (benchmarks/README.md,
        # bench_jobboards). Preparing each statement again costs some 20 µs.
        connect_args = ({"timeout": busy_timeout, "check_same_thread": False, "cached_statements": 0}
                        if url.startswith("sqlite") else {})
        self.engine = create_engine(url, connect_args=connect_args)
        self.codec = Codec()  # packs and unpacks outbox messages (`store.messages`)
        self.heads = HeadsCache()  # cursor-part heads this process read or wrote (`store.heads`)
        if url.startswith("sqlite"):
            millis = int(busy_timeout * 1000)
            sa_event.listen(self.engine, "connect", lambda dbapi, _record: _sqlite_pragmas(dbapi, millis))

    def migrate(self) -> list[int]:
        return migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- accounts -------------------------------------------------------------------

    def upsert_accounts(self, accounts: Iterable[Account], now: datetime, columns: Collection[str] | None = None) -> tuple[int, int]:
        """Insert or update accounts, matched by a CRM record id they share (`crm_id`, "hubspot:123"),
        else by domain, else by exact name when one side has no domain: two companies of one name
        with different domains (namesakes) stay two accounts. With `columns` (the file's columns,
        read by the time the first account arrives), an update writes only those: what a file does
        not carry (owners from `crm sync`, boards, tags) is kept; a CRM id joins the ids already held.
        Streams: rows are written in batches through SQL statements, never held as objects, so a
        200,000-row import needs memory for the match keys only. Returns (added, updated)."""
        added = updated = 0
        with self._session() as session:
            by_domain: dict[str, int] = {}
            by_name: dict[str, tuple[int, str | None]] = {}
            crm_of: dict[int, str] = {}
            for account_id, name, domain, crm_id in session.execute(
                    sa.select(_ACCOUNTS.c.id, _ACCOUNTS.c.name, _ACCOUNTS.c.domain, _ACCOUNTS.c.crm_id)):
                if domain:
                    by_domain[domain] = account_id
                by_name[name.lower()] = (account_id, domain)
                if crm_id:
                    crm_of[account_id] = crm_id
            by_crm = {part: account_id for account_id, crm_id in crm_of.items() for part in crm_entries(crm_id)}
            inserts: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            for account in accounts:
                values = {**{k: v for k, v in account.as_fields().items() if k != "id"}, "updated_at": now}
                found = next((by_crm[part] for part in crm_entries(account.crm_id) if part in by_crm), None)
                if found is None:
                    found = self._account_match(account, by_domain, by_name, crm_of)
                if found is None:
                    inserts.append(values)
                    added += 1
                    if len(inserts) >= _BATCH:
                        self._insert_accounts(session, inserts, by_domain, by_name, crm_of, by_crm)
                else:
                    if columns is not None:  # a file's rows (a CRM sync passes whole accounts, its crm_id already joined)
                        values = {k: v for k, v in values.items() if k in columns or k == "updated_at"}
                        if values.get("crm_id") and found in crm_of:
                            values["crm_id"] = merged_crm_id(crm_of[found], str(values["crm_id"]))
                    updates.append({**values, "_id": found})
                    updated += 1
                    if len(updates) >= _BATCH:
                        self._update_accounts(session, updates)
            self._insert_accounts(session, inserts, by_domain, by_name, crm_of, by_crm)
            self._update_accounts(session, updates)
            session.commit()
        return added, updated

    @staticmethod
    def _account_match(account: Account, by_domain: dict[str, int], by_name: dict[str, tuple[int, str | None]],
                       crm_of: Mapping[int, str] | None = None) -> int | None:
        if account.domain and account.domain in by_domain:
            return by_domain[account.domain]
        namesake = by_name.get(account.name.lower())
        if namesake is None or (namesake[1] and account.domain):
            return None
        held = {part.partition(":")[0]: part for part in crm_entries((crm_of or {}).get(namesake[0]))}
        if any(held.get(part.partition(":")[0], part) != part for part in crm_entries(account.crm_id) if ":" in part):
            return None  # another record of the same CRM: two companies of one name, neither with a domain
        return namesake[0]

    @staticmethod
    def _insert_accounts(session: Session, rows: list[dict[str, Any]], by_domain: dict[str, int],
                         by_name: dict[str, tuple[int, str | None]], crm_of: dict[int, str], by_crm: dict[str, int]) -> None:
        """Insert a batch; later rows of the same import then match these (a CSV repeating a company)."""
        if not rows:
            return
        newest = session.execute(sa.select(sa.func.max(_ACCOUNTS.c.id))).scalar() or 0
        session.execute(sa.insert(_ACCOUNTS), rows)  # one executemany per batch
        for account_id, name, domain, crm_id in session.execute(
                sa.select(_ACCOUNTS.c.id, _ACCOUNTS.c.name, _ACCOUNTS.c.domain, _ACCOUNTS.c.crm_id).where(_ACCOUNTS.c.id > newest)):
            if domain:
                by_domain[domain] = account_id
            by_name[name.lower()] = (account_id, domain)
            if crm_id:
                crm_of[account_id] = crm_id
                by_crm.update((part, account_id) for part in crm_entries(crm_id))
        rows.clear()

    @staticmethod
    def _update_accounts(session: Session, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        by_shape: dict[tuple[str, ...], list[dict[str, Any]]] = {}  # one executemany per set of columns written
        for row in rows:
            by_shape.setdefault(tuple(sorted(row)), []).append(row)
        for shape, batch in by_shape.items():
            columns: dict[str, Any] = {key: sa.bindparam(key) for key in shape if key != "_id"}
            session.execute(sa.update(_ACCOUNTS).where(_ACCOUNTS.c.id == sa.bindparam("_id")).values(**columns), batch)
        rows.clear()

    def accounts_version(self) -> tuple[int, datetime | None]:
        """Changes whenever accounts are added or updated: (count, latest update). Read every poll,
        so two subqueries: each is one lookup (SQLite counts a table without visiting its rows, and
        the newest update is the end of its index), where one select of both scans the table."""
        count = sa.select(func.count()).select_from(_ACCOUNTS).scalar_subquery()
        latest = sa.select(func.max(_ACCOUNTS.c.updated_at)).scalar_subquery()
        with self._session() as session:
            found, newest = session.execute(sa.select(count, latest)).one()
            return int(found), _utc(newest)

    def delete_accounts(self, account_ids: Sequence[int]) -> int:
        """Remove accounts (gone from the CRM) so they stop alerting; their events and alerts stay."""
        if not account_ids:
            return 0
        with self._session() as session:
            rows = session.exec(select(AccountRow).where(col(AccountRow.id).in_(list(account_ids)))).all()
            for row in rows:
                session.delete(row)
            session.commit()
            return len(rows)

    def list_accounts(self) -> list[Account]:
        with self._session() as session:
            rows = session.exec(select(AccountRow).order_by(AccountRow.name)).all()
            return [_account(row) for row in rows]

    # -- polling ----------------------------------------------------------------------

    def load_cursor(self, source: str) -> dict[str, Any]:
        with self._session() as session:  # the column alone: read every poll, the rest of the row is not needed
            cursor = session.execute(sa.select(_STATE.c.cursor).where(_STATE.c.source == source)).scalar()
            return dict(cursor) if cursor else {}

    def cursor_parts(self, source: str) -> StoredParts:
        """The source's cursor parts: every head now, bodies when `StoredParts.bodies` asks. The heads
        are those this process kept (`heads`) while no other process recorded a poll of the source."""
        with self._session() as session:
            # The counter first: a poll recorded between the two reads makes the kept heads older than
            # the counter says, and only ever costs a read at the next poll.
            polls = session.execute(sa.select(_STATE.c.polls).where(_STATE.c.source == source)).scalar()
            kept = self.heads.get(source, polls)
            if kept is not None:
                return StoredParts(self, source, kept)
            # The heads as the database holds them, decoded together (`_decoded_heads`): a poll of 2,000
            # boards reads 4,000 of them, and a JSON result processor per row cost a third of the read.
            query = sa.select(_PARTS.c.part, sa.type_coerce(_PARTS.c.head, sa.Text)).where(_PARTS.c.source == source)
            rows = session.execute(query).all()
        heads = _decoded_heads(rows)
        self.heads.put(source, polls, heads)
        return StoredParts(self, source, heads)

    def load_part_bodies(self, source: str, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored bodies of `source`'s parts named in `keys`; keys without a part are left out."""
        bodies: dict[str, dict[str, Any]] = {}
        with self._session() as session:
            for chunk in chunks(list(keys)):
                bodies.update({part: body for part, body in session.execute(_BODIES, {"source": source, "parts": chunk})})
        return bodies

    @contextmanager
    def poll_unit(self, source: str, now: datetime) -> Iterator[PollUnit]:
        """One poll's transaction: the pipeline inserts events, enqueues their alerts and saves the
        cursor through the unit, top to bottom; all of it commits when the block ends, or none."""
        try:
            with self._session() as session:
                unit = PollUnit(session, source, now, self.codec)
                yield unit
                session.commit()
        except BaseException:
            self.heads.forget(source)  # whatever the outcome, the next poll reads the heads stored
            raise
        self.heads.committed(source, unit.saved_heads, unit.polls)
        if unit.newest_message:
            try:
                train_due(self.engine, self.codec, unit.newest_message, now)
            except (OperationalError, IntegrityError) as exc:  # the poll is saved; a later one trains
                log.warning("store: could not train a message dictionary: %s", exc.orig)

    def record_poll_failure(self, source: str, error: str, now: datetime) -> None:
        """Remember a failed poll; the cursor stays where it was."""
        self.heads.forget(source)  # groups it committed before it failed are read back from the store
        with self._session() as session:
            state = session.get(SourceStateRow, source) or SourceStateRow(source=source)
            state.last_poll_at = now
            state.last_error = error[:2000]
            state.last_error_at = now
            state.consecutive_failures = (state.consecutive_failures or 0) + 1
            state.polls = (state.polls or 0) + 1
            session.add(state)
            session.commit()

    # -- outbox -----------------------------------------------------------------------

    def due_outbox(self, now: datetime, limit: int = 100, sinks: Collection[str] | None = None,
                   skip: Collection[tuple[str, int]] = ()) -> list[OutboxItem]:
        """Pending rows whose next attempt is due, oldest first; of `sinks` only, when given, and
        none of the (sink, account) pairs in `skip` (waiting behind a row: `record_holds`), so rows
        that must wait do not crowd the others out of `limit`."""
        query = item_query(_DUE, OUTBOX.c.status == OutboxStatus.PENDING, OUTBOX.c.next_attempt_at <= now,
                           *_of_sinks(sinks), *_not_skipped(skip))
        return self._items(query.order_by(OUTBOX.c.id).limit(limit))

    def pending_by_sink(self) -> dict[str, int]:
        """Per sink, its rows waiting to be sent (pending or being sent)."""
        with self._session() as session:
            query = (sa.select(OUTBOX.c.sink, func.count()).where(_DUE, OUTBOX.c.status.in_([OutboxStatus.PENDING, OutboxStatus.SENDING]))
                     .group_by(OUTBOX.c.sink))
            return {sink: int(count) for sink, count in session.execute(query)}

    def count_outbox(self, *statuses: str) -> int:
        """Rows in any of `statuses`."""
        with self._session() as session:
            settled = {OutboxStatus.SENT, OutboxStatus.DISCARDED}
            unsettled = [] if settled & set(statuses) else [_DUE]  # only sent and discarded rows lack a next attempt
            query = sa.select(func.count()).select_from(OUTBOX).where(*unsettled, OUTBOX.c.status.in_(statuses))
            return int(session.execute(query).scalar() or 0)

    def next_due_at(self, sinks: Collection[str] | None = None, skip: Collection[tuple[str, int]] = ()) -> datetime | None:
        """When the soonest pending row (of `sinks` only, and not of `skip`, as `due_outbox`) is due."""
        with self._session() as session:
            query = (sa.select(func.min(OUTBOX.c.next_attempt_at)).select_from(DELIVERIES)
                     .where(_DUE, OUTBOX.c.status == OutboxStatus.PENDING, *_of_sinks(sinks), *_not_skipped(skip)))
            return _utc(session.execute(query).scalar())

    def uncertain_outbox(self, older_than: datetime) -> list[OutboxItem]:
        """Rows claimed for sending before `older_than` and never settled: the sender died mid-send."""
        return self._items(item_query(_DUE, OUTBOX.c.status == OutboxStatus.SENDING, OUTBOX.c.claimed_at < older_than).order_by(OUTBOX.c.id))

    def mark_unknown(self, item_id: int, error: str, confirm_at: datetime, *, redact: Callable[[str], str] | None = None) -> None:
        """The send's outcome is unknown: the row stays `sending` (never resent blindly) until
        delivery asks the sink's confirm at `confirm_at`. `redact` cuts secrets out of `error`."""
        self._settle(item_id, redact=redact, status=OutboxStatus.SENDING, next_attempt_at=confirm_at,
                     last_error=f"unknown outcome: {error}")

    def unknown_outbox(self, now: datetime) -> list[OutboxItem]:
        """Rows whose send had an unknown outcome and whose confirm is due (marked by `mark_unknown`:
        `sending`, with a next attempt set after the claim)."""
        return self._items(item_query(
            _DUE, OUTBOX.c.status == OutboxStatus.SENDING, OUTBOX.c.next_attempt_at > OUTBOX.c.claimed_at, OUTBOX.c.next_attempt_at <= now,
        ).order_by(OUTBOX.c.id))

    def sink_holds(self, now: datetime) -> dict[str, datetime]:
        """Per sink, until when its rows wait: a row that failed and waits for its retry (a rate
        limit's Retry-After included), or whose send is unsettled, holds the rows queued behind
        it, so order and pauses last across delivery runs. Held rows (delivery windows) do not,
        nor a row waiting for its own record (`record_holds`)."""
        unsettled = OUTBOX.c.status == OutboxStatus.SENDING
        with self._session() as session:
            query = (sa.select(OUTBOX.c.sink, func.min(OUTBOX.c.next_attempt_at))
                     .where(_DUE, sa.or_(sa.and_(_failed(now), sa.not_(_for_record())), unsettled)).group_by(OUTBOX.c.sink))
            return {sink: max(_utc(until) or now, now) for sink, until in session.execute(query)}

    def record_holds(self, now: datetime) -> dict[tuple[str, int], datetime]:
        """Per (sink, account), until when that account's rows to the sink wait: one of them waits
        for its record (a company not in the CRM yet), and its later rows must not overtake it."""
        query = (sa.select(OUTBOX.c.sink, MESSAGES.c.account_id, func.min(OUTBOX.c.next_attempt_at)).select_from(DELIVERIES)
                 .where(_DUE, _failed(now), _for_record(), MESSAGES.c.account_id.is_not(None))
                 .group_by(OUTBOX.c.sink, MESSAGES.c.account_id))
        with self._session() as session:
            return {(sink, int(account)): max(_utc(until) or now, now) for sink, account, until in session.execute(query)}

    def claim(self, item_id: int, now: datetime, from_status: str = OutboxStatus.PENDING, claimer: str | None = None) -> bool:
        """Atomically move a row to `sending`, noting `claimer`; False if another worker got it first."""
        return item_id in self.claim_many([item_id], now, from_status, claimer)

    def claim_many(self, item_ids: Sequence[int], now: datetime, from_status: str = OutboxStatus.PENDING,
                   claimer: str | None = None) -> set[int]:
        """`claim` several rows in one transaction; returns the ids this call claimed (another worker may hold the rest).
        One UPDATE ... RETURNING for the batch where the database has it (SQLite, PostgreSQL): the claim is on
        every alert's path to its sink, and a statement per row cost most of it."""
        claimed: set[int] = set()
        claiming = {"status": OutboxStatus.SENDING, "claimed_at": now, "claimed_by": claimer, "attempts": OUTBOX.c.attempts + 1}
        with self.engine.begin() as conn:
            if conn.dialect.update_returning:
                for chunk in chunks(list(item_ids)):
                    update = sa.update(OUTBOX).where(OUTBOX.c.id.in_(chunk), OUTBOX.c.status == from_status).values(**claiming)
                    claimed.update(conn.execute(update.returning(OUTBOX.c.id)).scalars())
                return claimed
            for item_id in item_ids:
                result = conn.execute(sa.update(OUTBOX).where(OUTBOX.c.id == item_id, OUTBOX.c.status == from_status).values(**claiming))
                if result.rowcount == 1:
                    claimed.add(item_id)
        return claimed

    def settle(self, settlements: Sequence[Settlement], *, redact: Callable[[str], str] | None = None) -> None:
        """Write the outcomes of claimed rows, all in one transaction. Error texts pass `redact` first and
        are shortened after, so a secret an upstream error echoed is never stored, whole or cut in two."""
        if not settlements:
            return
        with self.engine.begin() as conn:
            for outcome in settlements:
                where = OUTBOX.c.id == outcome.id
                if outcome.release:  # back to pending without counting an attempt
                    conn.execute(sa.update(OUTBOX).where(where, OUTBOX.c.status == OutboxStatus.SENDING).values(
                        status=OutboxStatus.PENDING, attempts=sa.case((OUTBOX.c.attempts > 0, OUTBOX.c.attempts - 1), else_=0)))
                    continue
                values: dict[str, Any] = {"status": outcome.status, "last_error": _kept_error(outcome.error, redact)}
                if outcome.next_attempt_at is not None:
                    values["next_attempt_at"] = outcome.next_attempt_at
                if outcome.status == OutboxStatus.SENT:  # no next attempt: the row leaves the due index
                    values.update(sent_at=outcome.sent_at, remote_id=outcome.remote_id, next_attempt_at=None)
                conn.execute(sa.update(OUTBOX).where(where).values(**values))

    def mark_sent(self, item_id: int, remote_id: str | None, now: datetime) -> None:
        self._settle(item_id, status=OutboxStatus.SENT, sent_at=now, remote_id=remote_id, last_error=None, next_attempt_at=None)

    def mark_retry(self, item_id: int, error: str, next_attempt_at: datetime, *, redact: Callable[[str], str] | None = None) -> None:
        """Back to pending until `next_attempt_at`; `redact` cuts secrets out of `error` before it is kept."""
        self._settle(item_id, redact=redact, status=OutboxStatus.PENDING, next_attempt_at=next_attempt_at, last_error=error)

    def mark_dead(self, item_id: int, error: str, *, redact: Callable[[str], str] | None = None) -> None:
        """A dead letter; `redact` cuts secrets out of `error` before it is kept."""
        self._settle(item_id, redact=redact, status=OutboxStatus.DEAD, last_error=error)

    def release(self, item_id: int) -> None:
        """Put an uncertain row back to pending without counting an attempt."""
        with self._session() as session:
            row = session.get(OutboxRow, item_id)
            if row is not None and row.status == OutboxStatus.SENDING:
                row.status = OutboxStatus.PENDING
                row.attempts = max(0, row.attempts - 1)
                session.add(row)
                session.commit()

    def retry_dead(self, now: datetime) -> int:
        """Move every dead letter back to pending with a fresh attempt budget."""
        with self._session() as session:
            rows = session.exec(select(OutboxRow).where(OutboxRow.status == OutboxStatus.DEAD)).all()
            for row in rows:
                row.status, row.attempts, row.next_attempt_at = OutboxStatus.PENDING, 0, now
                session.add(row)
            session.commit()
            return len(rows)

    def discard(self, item_ids: Sequence[int] | None = None, *, sinks: Collection[str] | None = None,
                statuses: Collection[str] = (OutboxStatus.DEAD,)) -> list[int]:
        """Mark rows `discarded` (kept for the record, never sent, not counted as dead): those of
        `item_ids` (else all) and of `sinks` (else any), and only while in one of `statuses`, row by
        row in one transaction, so a row a delivery claims meanwhile (now `sending`) is left alone.
        Returns the ids discarded, in order."""
        where = [OUTBOX.c.status.in_(list(statuses)), *_of_sinks(sinks)]
        with self.engine.begin() as conn:
            if item_ids is None:
                item_ids = [row_id for (row_id,) in conn.execute(sa.select(OUTBOX.c.id).where(*where).order_by(OUTBOX.c.id))]
            done = []
            for item_id in item_ids:
                result = conn.execute(sa.update(OUTBOX).where(OUTBOX.c.id == item_id, *where)
                                      .values(status=OutboxStatus.DISCARDED, next_attempt_at=None))
                if result.rowcount == 1:
                    done.append(item_id)
        return done

    def outbox_states(self, item_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(status, sink) of each of `item_ids` that exists."""
        found: dict[int, tuple[str, str]] = {}
        with self._session() as session:
            for chunk in chunks(list(item_ids)):
                query = sa.select(OUTBOX.c.id, OUTBOX.c.status, OUTBOX.c.sink).where(OUTBOX.c.id.in_(chunk))
                found.update({row_id: (status, sink) for row_id, status, sink in session.execute(query)})
        return found

    def list_outbox(self, status: str | None = None, limit: int = 50) -> list[OutboxItem]:
        """The newest rows first, of one status or all."""
        return self._items(item_query(*([OUTBOX.c.status == status] if status else [])).order_by(OUTBOX.c.id.desc()).limit(limit))

    def find_outbox(self, *, alert_key: str | None = None, rule_id: str | None = None, target: str | None = None,
                    statuses: Sequence[str] | None = None) -> list[OutboxItem]:
        """Rows by key, rule, target and status (each filter optional), oldest first."""
        where = [OUTBOX.c.alert_key == alert_key] if alert_key is not None else []
        where += [OUTBOX.c.rule_id == rule_id] if rule_id is not None else []
        where += [OUTBOX.c.target == target] if target is not None else []
        where += [OUTBOX.c.status.in_(list(statuses))] if statuses is not None else []
        return self._items(item_query(*where).order_by(OUTBOX.c.id))

    def alert_priorities(self, start: datetime, end: datetime) -> list[tuple[str, str]]:
        """(event dedupe key, priority) of each alert enqueued in [start, end); notices and digests cite no event."""
        query = (message_query(MESSAGES.c.priority, EVENTS.c.dedupe_key)
                 .where(MESSAGES.c.created_at >= start, MESSAGES.c.created_at < end, MESSAGES.c.event_id > 0))
        found = []
        with self._session() as session:
            for row in session.execute(query).all():
                key = row.dedupe_key  # from the event, or from the message when the event was pruned
                if key is None:
                    key = (payload_of(session, self.codec, row).get("event") or {}).get("dedupe_key")
                if key:
                    found.append((str(key), row.priority))
        return found

    def _items(self, query: sa.Select[Any]) -> list[OutboxItem]:
        with self._session() as session:
            return read_items(session, self.codec, query)

    def _settle(self, item_id: int, *, redact: Callable[[str], str] | None = None, **values: Any) -> None:
        """Write a row's outcome. An error text passes `redact` first and is shortened after, so a
        secret an upstream error echoed is never stored, whole or cut in two (`outbox list` shows it)."""
        if values.get("last_error"):
            values["last_error"] = _kept_error(str(values["last_error"]), redact)
        with self._session() as session:
            row = session.get(OutboxRow, item_id)
            if row is None:
                return
            for key, value in values.items():
                setattr(row, key, value)
            session.add(row)
            session.commit()

    # -- reading ----------------------------------------------------------------------

    def list_events(self, limit: int = 50, source: str | None = None, since: datetime | None = None) -> list[tuple[int, SignalEvent]]:
        with self._session() as session:
            query = select(EventRow).order_by(col(EventRow.id).desc()).limit(limit)
            if source:
                query = query.where(EventRow.source == source)
            if since:
                query = query.where(col(EventRow.detected_at) >= since)
            return [(row.id or 0, _event(row)) for row in session.exec(query)]

    def events_since(self, since: datetime) -> list[SignalEvent]:
        """Events that occurred since `since`, oldest first (engine warm-up, backtests)."""
        with self._session() as session:
            query = select(EventRow).where(col(EventRow.occurred_at) >= since).order_by(col(EventRow.occurred_at), col(EventRow.id))
            return [_event(row) for row in session.exec(query)]

    def untied_events(self, since: datetime) -> list[SignalEvent]:
        """Stored events with no account that occurred since `since`, by source then id: what a
        newly added account may be tied to (`runtime.retie`). Read as columns, without an ORM
        object per row: the general feeds' untied items are most of a month's events."""
        events = _EVENTS_TABLE
        query = (sa.select(events).where(events.c.account_id.is_(None), events.c.detected_at >= since,
                                         events.c.occurred_at >= since)
                 .order_by(events.c.source, events.c.id))
        with self._session() as session:
            return [event for _, event in event_rows(session, query)]

    def get_event(self, event_id: int) -> SignalEvent | None:
        with self._session() as session:
            row = session.get(EventRow, event_id)
            return _event(row) if row else None

    def alert_history(self, since: datetime) -> list[AlertRecord]:
        """One record per alert since `since` (per rule firing, not per route): its rule, account,
        first enqueued, and every rule it names when several fired into one alert (the payload's
        `rules`), so each one's cooldown survives a restart."""
        with self._session() as session:
            return alert_records(session, self.codec, since)

    def source_status(self) -> list[SourceStatus]:
        with self._session() as session:
            events = dict(session.exec(select(EventRow.source, func.count()).group_by(EventRow.source)).all())
            alerts: dict[tuple[str, str], int] = {}
            for source, status, count in session.execute(
                sa.select(MESSAGES.c.source, OUTBOX.c.status, func.count()).select_from(DELIVERIES).group_by(MESSAGES.c.source, OUTBOX.c.status)
            ).all():
                alerts[(source, status)] = count
            result = []
            for row in session.exec(select(SourceStateRow).order_by(SourceStateRow.source)):
                result.append(SourceStatus(
                    source=row.source, last_poll_at=_utc(row.last_poll_at), last_success_at=_utc(row.last_success_at),
                    last_error=row.last_error, last_error_at=_utc(row.last_error_at),
                    consecutive_failures=row.consecutive_failures, target_errors=dict(row.target_errors),
                    events=events.get(row.source, 0),
                    alerts_sent=alerts.get((row.source, OutboxStatus.SENT), 0),
                    alerts_pending=alerts.get((row.source, OutboxStatus.PENDING), 0) + alerts.get((row.source, OutboxStatus.SENDING), 0),
                    alerts_dead=alerts.get((row.source, OutboxStatus.DEAD), 0),
                ))
            return result

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """A session whose lock, disk-full, missing-table and constraint errors become one clear StoreError.

        Reads go through it too, so the message says "database error", not "write failed": a status line reading
        "write failed" for a table that cannot be read sent the admin after the wrong fault."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
        except (OperationalError, IntegrityError) as exc:
            session.rollback()
            raise StoreError(f"database error, nothing was saved: {exc.orig}") from exc
        finally:
            session.close()


class StoredParts:
    """A source's cursor parts in the database (the `CursorParts` a connector's fetch reads):
    heads loaded up front, bodies loaded per request. Thread-safe: fetch workers may call `bodies`."""

    def __init__(self, store: Store, source: str, heads: dict[str, dict[str, Any]]) -> None:
        self._store = store
        self._source = source
        self._heads = heads

    @property
    def heads(self) -> Mapping[str, Mapping[str, Any]]:
        return self._heads

    def bodies(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = [key for key in keys if key in self._heads]
        return self._store.load_part_bodies(self._source, wanted) if wanted else {}


def _decoded_heads(rows: Sequence[Any]) -> dict[str, dict[str, Any]]:
    """Part key → head from (key, head) rows read without a result processor: JSON texts (SQLite)
    are decoded in one `json.loads` of them all; a driver that decodes JSON itself (psycopg) has
    already given objects."""
    if all(isinstance(head, str) for _, head in rows):
        return dict(zip([part for part, _ in rows], json.loads("[" + ",".join([head for _, head in rows]) + "]"), strict=True))
    return {part: json.loads(head) if isinstance(head, str) else head for part, head in rows}


def _failed(now: datetime) -> Any:
    """A row that failed and waits for its retry (attempts behind it: not a delivery window's hold)."""
    return sa.and_(OUTBOX.c.status == OutboxStatus.PENDING, OUTBOX.c.attempts > 0, OUTBOX.c.next_attempt_at > now)


def _for_record() -> Any:
    """A row that waits for its own record (`Settlement.retry(record=True)`), not for its sink."""
    return OUTBOX.c.last_error.startswith(RECORD_HOLD, autoescape=True)


def _not_skipped(skip: Collection[tuple[str, int]]) -> list[Any]:
    """The conditions "the row is of none of the (sink, account) pairs in `skip`" (rows selected
    from DELIVERIES; a row without an account, a digest or notice, is never skipped)."""
    accounts: dict[str, list[int]] = {}
    for sink, account in skip:
        accounts.setdefault(sink, []).append(account)
    return [sa.or_(OUTBOX.c.sink != sink, MESSAGES.c.account_id.is_(None), MESSAGES.c.account_id.not_in(sorted(ids)))
            for sink, ids in sorted(accounts.items())]


def _of_sinks(sinks: Collection[str] | None) -> list[Any]:
    """The condition "the row's sink is one of `sinks`", or none when `sinks` is None."""
    return [] if sinks is None else [OUTBOX.c.sink.in_(sorted(sinks))]


def _kept_error(error: str | None, redact: Callable[[str], str] | None) -> str | None:
    return (redact(error) if redact is not None else error)[:2000] if error else None


def _sqlite_pragmas(dbapi_connection: Any, busy_millis: int) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={busy_millis}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # an acknowledged alert must survive power loss
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _account(row: AccountRow) -> Account:
    return Account.from_fields({**row.model_dump(include=set(ACCOUNT_FIELDS)), "id": row.id or 0})


_event = stored_event
