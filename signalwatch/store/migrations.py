"""Numbered schema migrations. Each runs once, in its own transaction, in order.

Migrations are history: a released migration is never edited. A later release that changes
a table appends a new `Migration` (ALTER, copy, backfill) and updates `tables.py` to match.
Migration 1 spells out its tables in SQLAlchemy Core so that it stays frozen when the
SQLModel classes evolve.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

__all__ = ["Migration", "MIGRATIONS", "migrate", "current_version", "SchemaTooNewError"]


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer signalwatch; refuse rather than corrupt it."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    meta = sa.MetaData()
    ts = sa.DateTime(timezone=True)
    sa.Table(
        "accounts", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False, index=True),
        sa.Column("domain", sa.String, unique=True),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("industry", sa.String), sa.Column("employees", sa.Integer),
        sa.Column("revenue", sa.Float), sa.Column("country", sa.String),
        sa.Column("owner_email", sa.String), sa.Column("owner_slack_id", sa.String),
        sa.Column("tags", sa.JSON, nullable=False), sa.Column("crm_id", sa.String),
        sa.Column("boards", sa.JSON, nullable=False), sa.Column("updated_at", ts),
    )
    sa.Table(
        "events", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dedupe_key", sa.String, nullable=False, unique=True),
        sa.Column("type", sa.String, nullable=False, index=True),
        sa.Column("change", sa.String, nullable=False),
        sa.Column("source", sa.String, nullable=False, index=True),
        sa.Column("source_kind", sa.String, nullable=False),
        sa.Column("source_id", sa.String, nullable=False),
        sa.Column("url", sa.String), sa.Column("title", sa.String, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("occurred_at", ts, nullable=False),
        sa.Column("detected_at", ts, nullable=False, index=True),
        sa.Column("company_name", sa.String), sa.Column("company_domain", sa.String),
        sa.Column("account_id", sa.Integer, index=True),
        sa.Column("match_confidence", sa.Float), sa.Column("match_method", sa.String),
        sa.Column("attributes", sa.JSON, nullable=False),
    )
    sa.Table(
        "source_state", meta,
        sa.Column("source", sa.String, primary_key=True),
        sa.Column("cursor", sa.JSON, nullable=False),
        sa.Column("last_poll_at", ts), sa.Column("last_success_at", ts),
        sa.Column("last_error", sa.Text), sa.Column("last_error_at", ts),
        sa.Column("consecutive_failures", sa.Integer, nullable=False),
        sa.Column("target_errors", sa.JSON, nullable=False),
        sa.Column("polls", sa.Integer, nullable=False),
    )
    sa.Table(
        "outbox", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("alert_key", sa.String, nullable=False),
        sa.Column("rule_id", sa.String, nullable=False, index=True),
        sa.Column("account_id", sa.Integer),
        sa.Column("event_id", sa.Integer, nullable=False, index=True),
        sa.Column("source", sa.String, nullable=False, index=True),
        sa.Column("sink", sa.String, nullable=False), sa.Column("target", sa.String),
        sa.Column("priority", sa.String, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("status", sa.String, nullable=False, index=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", ts), sa.Column("claimed_at", ts),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", ts, nullable=False), sa.Column("sent_at", ts),
        sa.Column("remote_id", sa.String),
        sa.UniqueConstraint("alert_key", name="uq_outbox_alert_key"),
    )
    meta.create_all(conn)


def _v2_digests(conn: Connection) -> None:
    ts = sa.DateTime(timezone=True)
    table = sa.Table(
        "digests", sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("digest_key", sa.String, nullable=False),
        sa.Column("audience", sa.String, nullable=False),
        sa.Column("period_start", ts, nullable=False), sa.Column("period_end", ts, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("claimed_at", ts), sa.Column("sent_at", ts), sa.Column("remote_id", sa.String),
        sa.UniqueConstraint("digest_key", name="uq_digests_digest_key"),
    )
    table.create(conn)


def _v3_health_and_lease(conn: Connection) -> None:
    # Source health alerts remember their state across restarts (one alert per incident);
    # the lease row lets exactly one of several instances schedule polls.
    conn.exec_driver_sql("ALTER TABLE source_state ADD COLUMN health_alert VARCHAR")
    conn.exec_driver_sql("ALTER TABLE source_state ADD COLUMN health_incidents INTEGER NOT NULL DEFAULT 0")
    meta = sa.MetaData()
    sa.Table(
        "leases", meta,
        sa.Column("name", sa.String, primary_key=True),
        sa.Column("holder", sa.String, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    meta.create_all(conn)


def _v4_cursor_parts(conn: Connection) -> None:
    # Per-target cursor state moves out of the one-row JSON cursor into keyed parts, so an
    # unchanged job board is neither decoded nor rewritten. The only such state before
    # this release is the `jobboards` connector's: each board of its `boards` map becomes a
    # part (validators as head, job snapshot as body), and each account of its `surge` map a
    # part "account:<id>" (surge history as body).
    meta = sa.MetaData()
    parts = sa.Table(
        "cursor_parts", meta,
        sa.Column("source", sa.String, primary_key=True),
        sa.Column("part", sa.String, primary_key=True),
        sa.Column("head", sa.JSON, nullable=False),
        sa.Column("body", sa.JSON, nullable=False),  # last: reading heads skips the bodies
    )
    meta.create_all(conn)
    state = sa.Table(
        "source_state", sa.MetaData(),
        sa.Column("source", sa.String, primary_key=True), sa.Column("cursor", sa.JSON, nullable=False),
    )
    for source, cursor in conn.execute(sa.select(state.c.source, state.c.cursor)).all():
        boards = cursor.get("boards") if isinstance(cursor, dict) else None
        if not isinstance(boards, dict):
            continue
        surge = cursor.get("surge") if isinstance(cursor.get("surge"), dict) else {}
        rows = [
            {"source": source, "part": key, "head": {k: v for k, v in board.items() if k != "jobs"},
             "body": {"jobs": board.get("jobs") or {}}}
            for key, board in boards.items() if isinstance(board, dict)
        ] + [
            {"source": source, "part": f"account:{account}", "head": {}, "body": history}
            for account, history in surge.items() if isinstance(history, dict)
        ]
        if rows:
            conn.execute(parts.insert(), rows)
        rest = {k: v for k, v in cursor.items() if k not in ("boards", "surge")}
        conn.execute(state.update().where(state.c.source == source).values(cursor=rest))



def _v5_claimed_by(conn: Connection) -> None:
    # A starting process recovers `sending` rows at once only when their claimer is known to
    # be dead; another live instance's in-flight rows are left to it.
    conn.exec_driver_sql("ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR")


def _v6_drop_digests(conn: Connection) -> None:
    # Digests become outbox rows (rule `digest`, key "digest:<period>:<audience>"), sent and
    # recovered like alerts, and their own ledger is dropped. Each digest the ledger recorded as
    # sent moves into the outbox as a sent row (no message body: it is never sent again), so the
    # upgrade neither posts that period again nor forgets where the next digest starts. A digest
    # left `sending` by a crash is not carried over: its message was stamped the old way, which
    # the Slack sink's `confirm` does not look for; the next check queues that period afresh.
    if not sa.inspect(conn).has_table("digests"):
        return
    ts = sa.DateTime(timezone=True)
    digests = sa.Table(
        "digests", sa.MetaData(),
        sa.Column("digest_key", sa.String), sa.Column("audience", sa.String),
        sa.Column("period_start", ts), sa.Column("period_end", ts), sa.Column("status", sa.String),
        sa.Column("claimed_at", ts), sa.Column("sent_at", ts), sa.Column("remote_id", sa.String),
    )
    outbox = sa.Table(
        "outbox", sa.MetaData(),
        *(sa.Column(name, sa.String) for name in ("alert_key", "rule_id", "source", "sink", "target", "priority", "status", "remote_id")),
        sa.Column("event_id", sa.Integer), sa.Column("attempts", sa.Integer), sa.Column("payload", sa.JSON),
        *(sa.Column(name, ts) for name in ("next_attempt_at", "claimed_at", "created_at", "sent_at")),
    )
    rows = []
    for row in conn.execute(sa.select(digests).where(digests.c.status == "sent")):
        settled = row.sent_at or row.claimed_at or row.period_end
        payload = {"kind": "digest", "audience": row.audience, "period_start": _utc_iso(row.period_start),
                   "period_end": _utc_iso(row.period_end), "accounts": 0, "slack": {"text": "", "blocks": []}, "markdown": ""}
        rows.append({"alert_key": f"digest:{row.digest_key}", "rule_id": "digest", "source": "@admin", "sink": "slack",
                     "target": str(row.audience).split(":", 1)[-1], "priority": "P3", "status": "sent", "remote_id": row.remote_id,
                     "event_id": 0, "attempts": 1, "payload": payload, "next_attempt_at": settled, "claimed_at": row.claimed_at,
                     "created_at": settled, "sent_at": settled})
    if rows:
        conn.execute(outbox.insert(), rows)
    conn.exec_driver_sql("DROP TABLE digests")


def _v7_messages(conn: Connection) -> None:
    # Outbox rows stop carrying a full copy of their alert each. What the deliveries of one alert
    # share becomes one row of `messages` (rule decision and payload), the payload stored as a
    # packed document without the copy of its event (rebuilt from the events row) and deflated
    # against a dictionary trained from the newest payloads (`store.messages`); the outbox keeps
    # the delivery: key, sink, target and state. Every payload reads back as it was; the ids,
    # keys and states of the rows stay. The status index becomes ix_outbox_due, of the rows with a
    # next attempt only; ix_events_type goes: no query filters by type alone.
    from signalwatch.store.messages import Codec, add_dictionary, dictionary_from, encode, event_copy, split

    ts = sa.DateTime(timezone=True)
    meta = sa.MetaData()
    sa.Table(
        "message_dictionaries", meta,
        sa.Column("id", sa.Integer, primary_key=True), sa.Column("trained_upto", sa.Integer, nullable=False),
        sa.Column("created_at", ts, nullable=False), sa.Column("data", sa.LargeBinary, nullable=False),
    )
    messages = sa.Table(
        "messages", meta,
        sa.Column("id", sa.Integer, primary_key=True), sa.Column("event_id", sa.Integer, nullable=False, index=True),
        sa.Column("account_id", sa.Integer), sa.Column("source", sa.String, nullable=False),
        sa.Column("priority", sa.String, nullable=False), sa.Column("created_at", ts, nullable=False),
        sa.Column("dictionary_id", sa.Integer), sa.Column("body", sa.LargeBinary, nullable=False),
    )
    meta.create_all(conn)
    old = sa.Table(
        "outbox", sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True), sa.Column("event_id", sa.Integer), sa.Column("account_id", sa.Integer),
        sa.Column("source", sa.String), sa.Column("priority", sa.String), sa.Column("created_at", ts), sa.Column("payload", sa.JSON),
    )
    names = ("type", "change", "title", "summary", "url", "source", "occurred_at", "company_name", "attributes", "dedupe_key")
    events = sa.Table("events", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
                      *(sa.Column(name, ts if name == "occurred_at" else sa.JSON if name == "attributes" else sa.String) for name in names))
    now = datetime.now(timezone.utc)
    newest = conn.execute(sa.select(old.c.payload).order_by(old.c.id.desc()).limit(128)).scalars().all()
    codec = Codec()
    if newest:
        add_dictionary(conn, dictionary_from(encode(split(payload, None)) for payload in newest), 0, now)
        codec.refresh(conn)
    conn.exec_driver_sql("ALTER TABLE outbox ADD COLUMN message_id INTEGER")
    moved = sa.Table("outbox", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True), sa.Column("message_id", sa.Integer))
    # An alert's rows were queued together, one after the other: a page of rows by id holds them.
    last = 0
    update = moved.update().where(moved.c.id == sa.bindparam("row")).values(message_id=sa.bindparam("message"))
    while page := conn.execute(sa.select(old).where(old.c.id > last).order_by(old.c.id).limit(1000)).all():
        last = page[-1].id
        wanted = sorted({row.event_id for row in page if row.event_id})
        copies = {row.id: event_copy(dict(row._mapping)) for row in conn.execute(sa.select(events).where(events.c.id.in_(wanted)))}
        shared: dict[tuple[object, ...], int] = {}
        updates = []
        for row in page:
            encoded = encode(split(row.payload, copies.get(row.event_id)))
            key = (row.event_id, row.created_at, row.account_id, row.source, row.priority, encoded)
            if key not in shared:
                packed = codec.pack(conn, encoded)
                shared[key] = int(conn.execute(messages.insert().values(
                    event_id=row.event_id or 0, account_id=row.account_id, source=row.source, priority=row.priority,
                    created_at=row.created_at, dictionary_id=packed.dictionary_id, body=packed.body,
                )).inserted_primary_key[0])  # type: ignore[index]
            updates.append({"row": row.id, "message": shared[key]})
        conn.execute(update, updates)
    conn.exec_driver_sql("UPDATE message_dictionaries SET trained_upto = (SELECT COALESCE(MAX(id), 0) FROM messages)")
    _v7_slim_outbox(conn)
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_type")


def _v7_slim_outbox(conn: Connection) -> None:
    """Drop the columns that moved to `messages`: PostgreSQL drops them in place; SQLite copies the
    table (its DROP COLUMN needs 3.35, and a copy leaves no dead space in the rows)."""
    kept = ("id, alert_key, message_id, rule_id, sink, target, status, attempts, next_attempt_at, claimed_at, claimed_by, "
            "sent_at, remote_id, last_error")
    for index in ("ix_outbox_rule_id", "ix_outbox_source", "ix_outbox_event_id", "ix_outbox_status"):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")
    if conn.dialect.name == "sqlite":
        ts = sa.DateTime(timezone=True)
        sa.Table(
            "outbox_v7", sa.MetaData(),
            sa.Column("id", sa.Integer, primary_key=True), sa.Column("alert_key", sa.String, nullable=False),
            sa.Column("message_id", sa.Integer, nullable=False), sa.Column("rule_id", sa.String, nullable=False),
            sa.Column("sink", sa.String, nullable=False), sa.Column("target", sa.String),
            sa.Column("status", sa.String, nullable=False), sa.Column("attempts", sa.Integer, nullable=False),
            sa.Column("next_attempt_at", ts), sa.Column("claimed_at", ts), sa.Column("claimed_by", sa.String),
            sa.Column("sent_at", ts), sa.Column("remote_id", sa.String), sa.Column("last_error", sa.Text),
            sa.UniqueConstraint("alert_key", name="uq_outbox_alert_key"),
        ).create(conn)
        conn.exec_driver_sql(f"INSERT INTO outbox_v7 ({kept}) SELECT {kept} FROM outbox")
        conn.exec_driver_sql("DROP TABLE outbox")
        conn.exec_driver_sql("ALTER TABLE outbox_v7 RENAME TO outbox")
    else:
        conn.exec_driver_sql("ALTER TABLE outbox ALTER COLUMN message_id SET NOT NULL")
        conn.exec_driver_sql("ALTER TABLE outbox " + ", ".join(
            f"DROP COLUMN {name}" for name in ("account_id", "event_id", "source", "priority", "payload", "created_at")))
    # Only rows with a next attempt: a row sent from now on has none (NULL); rows sent before keep theirs.
    conn.exec_driver_sql("CREATE INDEX ix_outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL")


def _v8_feedback_actions(conn: Connection) -> None:
    # What reps do with an alert in Slack (`signalwatch.feedback.ledger`): one row per (alert,
    # user, slot), so a double click or Slack's redelivery of a click is stored once; snoozes
    # and claims in force are found by (kind, until).
    ts = sa.DateTime(timezone=True)
    sa.Table(
        "feedback_actions", sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("action_key", sa.String, nullable=False),
        sa.Column("alert_key", sa.String, nullable=False, index=True),
        sa.Column("rules", sa.JSON, nullable=False),
        sa.Column("account_id", sa.Integer),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("reason", sa.String), sa.Column("days", sa.Integer), sa.Column("until", ts),
        sa.Column("user_id", sa.String, nullable=False), sa.Column("user_name", sa.String, nullable=False),
        sa.Column("channel", sa.String), sa.Column("message_ts", sa.String),
        sa.Column("created_at", ts, nullable=False), sa.Column("updated_at", ts, nullable=False),
        sa.UniqueConstraint("action_key", name="uq_feedback_actions_action_key"),
        sa.Index("ix_feedback_actions_kind_until", "kind", "until"),
    ).create(conn)


def _v9_crm_contacts(conn: Connection) -> None:
    # The contacts of each synced CRM company/account (`signalwatch.crm.contacts`), keyed by the
    # CRM's own ids, so the account sync replaces one CRM's set in one go and an alert finds
    # the people of its account through the account's crm_id.
    sa.Table(
        "crm_contacts", sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("crm", sa.String, nullable=False),
        sa.Column("company_id", sa.String, nullable=False),
        sa.Column("remote_id", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("title", sa.String), sa.Column("email", sa.String), sa.Column("owner_email", sa.String),
        sa.Column("url", sa.String),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("crm", "company_id", "remote_id", name="uq_crm_contacts_crm_company_remote"),
    ).create(conn)


def _v10_account_alerts(conn: Connection) -> None:
    # The rules engine reads the alerts of the accounts a poll touches (`PollUnit.history`):
    # cooldowns and daily caps; messages by account, then their deliveries. Their events are
    # found by the account_id index events have. One column each: every byte is paid per alert.
    conn.exec_driver_sql("CREATE INDEX ix_messages_account ON messages (account_id)")
    conn.exec_driver_sql("CREATE INDEX ix_outbox_message ON outbox (message_id)")


def _v11_accounts_updated(conn: Connection) -> None:
    # Every poll asks whether the accounts changed (`Store.accounts_version`: count and newest
    # update). Without an index the newest update is a scan of the table: 0.4 ms at 5,000 accounts,
    # most of the SQL a quiet poll runs; with it, one index lookup.
    conn.exec_driver_sql("CREATE INDEX ix_accounts_updated_at ON accounts (updated_at)")


def _utc_iso(value: datetime) -> str:
    return (value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)).isoformat()


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _v1_initial),
    Migration(2, "digests sent, one row per period and audience", _v2_digests),
    Migration(3, "source health state and the scheduler lease", _v3_health_and_lease),
    Migration(4, "keyed cursor parts; job-board snapshots move out of the JSON cursor", _v4_cursor_parts),
    Migration(5, "outbox rows remember which process claimed them", _v5_claimed_by),
    Migration(6, "digests go through the outbox; the digests table is dropped", _v6_drop_digests),
    Migration(7, "outbox rows share one packed message per alert, which leaves out its event's copy", _v7_messages),
    Migration(8, "feedback actions on alerts (useful, not useful, snooze, claim), each stored once", _v8_feedback_actions),
    Migration(9, "the contacts of synced CRM accounts, for whom an alert names", _v9_crm_contacts),
    Migration(10, "messages by account and deliveries by message, for the rules engine's reads of an account's alerts", _v10_account_alerts),
    Migration(11, "accounts by update time, for the check every poll makes of whether they changed", _v11_accounts_updated),
)

_VERSION_TABLE = sa.Table(
    "schema_version", sa.MetaData(),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.DateTime(timezone=True)),
)


def current_version(engine: Engine) -> int:
    """The highest applied migration, 0 for an empty database."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("schema_version"):
            return 0
        return int(conn.execute(sa.select(sa.func.max(_VERSION_TABLE.c.version))).scalar() or 0)


# An arbitrary constant: the PostgreSQL advisory lock every signalwatch instance takes to migrate.
MIGRATION_LOCK_KEY = 0x5167_7A7C


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Hold the migration lock: on PostgreSQL a session advisory lock, so two instances starting
    together migrate one after the other and the second finds nothing left to do. SQLite
    serializes the writes themselves, and each migration re-checks the version it starts from."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
        try:
            yield
        finally:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
            conn.commit()


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply pending migrations; return the versions applied. Safe to call at every start, from
    several instances at once."""
    with _migration_lock(engine):
        return _migrate_locked(engine, migrations)


def _migrate_locked(engine: Engine, migrations: Sequence[Migration]) -> list[int]:
    known = max((m.version for m in migrations), default=0)
    found = current_version(engine)
    if found > known:
        raise SchemaTooNewError(
            f"database schema is version {found}, this signalwatch knows up to {known}: upgrade signalwatch"
        )
    applied = []
    with engine.begin() as conn:
        _VERSION_TABLE.create(conn, checkfirst=True)
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version <= found:
            continue
        with engine.begin() as conn:  # the migration and its version row commit together
            migration.apply(conn)
            conn.execute(_VERSION_TABLE.insert().values(version=migration.version, applied_at=sa.func.now()))
        applied.append(migration.version)
    return applied
