"""The `feedback_actions` table: every action a rep took on an alert, each stored once.

One row per (alert, user, slot): a vote (useful or not useful, with its reason: a changed mind
replaces the vote), a snooze of a given length, a claim. A double click, or Slack delivering
the same click again, finds its row and changes nothing; an expired snooze or claim clicked
again starts afresh. Snoozes and claims are per account: `snoozes` and `claims` say which are
in force, and a claim is refused while another rep's claim on the account runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from signalwatch.feedback.actions import Click, Status
from signalwatch.store import StoreError, conflict_insert
from signalwatch.timeutil import as_utc

__all__ = ["ACTIONS", "AlertRef", "Recorded", "Hold", "Action", "record", "status_of", "snoozes", "claims", "version",
           "actions_since"]

_TS = sa.DateTime(timezone=True)
# Its shape is what migration 8 (`store.migrations`) builds; tests/core/test_feedback_ledger.py compares them.
ACTIONS = sa.Table(
    "feedback_actions", sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("action_key", sa.String, nullable=False),
    sa.Column("alert_key", sa.String, nullable=False, index=True),
    sa.Column("rules", sa.JSON, nullable=False),
    sa.Column("account_id", sa.Integer),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("reason", sa.String),
    sa.Column("days", sa.Integer),
    sa.Column("until", _TS),
    sa.Column("user_id", sa.String, nullable=False),
    sa.Column("user_name", sa.String, nullable=False),
    sa.Column("channel", sa.String),
    sa.Column("message_ts", sa.String),
    sa.Column("created_at", _TS, nullable=False),
    sa.Column("updated_at", _TS, nullable=False),
    sa.UniqueConstraint("action_key", name="uq_feedback_actions_action_key"),
    sa.Index("ix_feedback_actions_kind_until", "kind", "until"),
)
Outcome = Literal["new", "changed", "same", "refused"]


@dataclass(frozen=True)
class AlertRef:
    """What a click needs to know of its alert: the rules it names (the first is its outbox
    rule) and its account."""

    rules: tuple[str, ...]
    account_id: int | None


@dataclass(frozen=True)
class Recorded:
    click: Click
    outcome: Outcome  # new, changed (a vote changed, an expired hold renewed), same (a repeat), refused
    detail: str | None = None  # why refused


@dataclass(frozen=True)
class Hold:
    """A snooze or claim in force on an account."""

    account_id: int
    user_id: str
    user_name: str
    days: int
    until: datetime


@dataclass(frozen=True)
class Action:
    """A stored action, as the report reads it."""

    alert_key: str
    rules: tuple[str, ...]
    account_id: int | None
    kind: str
    reason: str | None
    user_id: str
    at: datetime


@contextmanager
def _begin(engine: Engine) -> Iterator[Connection]:
    try:
        with engine.begin() as conn:
            yield conn
    except (OperationalError, IntegrityError) as exc:
        raise StoreError(f"database write failed, nothing was saved: {exc.orig}") from exc


def _slot(click: Click) -> str:
    if click.kind in ("useful", "not_useful"):
        return "vote"
    return f"snooze:{click.days}" if click.kind == "snooze" else "claim"


def record(engine: Engine, click: Click, alert: AlertRef, now: datetime) -> Recorded:
    """Store `click` once (see the module docstring); a snooze or claim needs the alert's account."""
    if click.kind in ("snooze", "claim") and alert.account_id is None:
        return Recorded(click, "refused", "the alert names no account")
    key = f"{click.alert_key}|{click.user_id}|{_slot(click)}"
    until = now + timedelta(days=click.days) if click.kind in ("snooze", "claim") and click.days else None
    with _begin(engine) as conn:
        if click.kind == "claim":
            other = _holds(conn, "claim", now, alert.account_id).get(alert.account_id or 0)
            if other is not None and other.user_id != click.user_id:
                return Recorded(click, "refused", f"claimed by {other.user_name} until {other.until:%Y-%m-%d}")
        row = conn.execute(sa.select(ACTIONS.c.id, ACTIONS.c.kind, ACTIONS.c.reason, ACTIONS.c.until)
                           .where(ACTIONS.c.action_key == key)).first()
        if row is None:
            return _insert(conn, key, click, alert, until, now)
        if click.kind in ("useful", "not_useful"):
            if (row.kind, row.reason) == (click.kind, click.reason):
                return Recorded(click, "same")
            conn.execute(ACTIONS.update().where(ACTIONS.c.id == row.id).values(kind=click.kind, reason=click.reason, updated_at=now))
            return Recorded(click, "changed")
        if row.until is not None and as_utc(row.until) > now:
            return Recorded(click, "same")
        conn.execute(ACTIONS.update().where(ACTIONS.c.id == row.id).values(until=until, days=click.days, updated_at=now))
        return Recorded(click, "changed")


def _insert(conn: Connection, key: str, click: Click, alert: AlertRef, until: datetime | None, now: datetime) -> Recorded:
    values = {"action_key": key, "alert_key": click.alert_key, "rules": list(alert.rules), "account_id": alert.account_id,
              "kind": click.kind, "reason": click.reason, "days": click.days, "until": until, "user_id": click.user_id,
              "user_name": click.user_name, "channel": click.channel_id, "message_ts": click.message_ts,
              "created_at": now, "updated_at": now}
    # Two deliveries of one click at once: the second one's insert finds the first's row and does nothing.
    if conn.dialect.name in ("sqlite", "postgresql"):
        inserted = conn.execute(conflict_insert(conn.dialect.name)(ACTIONS).values(**values).on_conflict_do_nothing(index_elements=["action_key"])
                                .returning(ACTIONS.c.id)).first()
        return Recorded(click, "new" if inserted is not None else "same")
    conn.execute(ACTIONS.insert().values(**values))
    return Recorded(click, "new")


def _holds(conn: Connection, kind: str, now: datetime, account_id: int | None = None) -> dict[int, Hold]:
    """The hold of `kind` in force per account: the one running longest."""
    query = (sa.select(ACTIONS.c.account_id, ACTIONS.c.user_id, ACTIONS.c.user_name, ACTIONS.c.days, ACTIONS.c.until)
             .where(ACTIONS.c.kind == kind, ACTIONS.c.until > now, ACTIONS.c.account_id.is_not(None))
             .order_by(ACTIONS.c.until, ACTIONS.c.id))
    if account_id is not None:
        query = query.where(ACTIONS.c.account_id == account_id)
    found: dict[int, Hold] = {}
    for row in conn.execute(query):
        found[row.account_id] = Hold(row.account_id, row.user_id, row.user_name, row.days or 0, as_utc(row.until))
    return found


def snoozes(engine: Engine, now: datetime) -> list[Hold]:
    """Per account, the snooze in force that runs longest."""
    with _begin(engine) as conn:
        return sorted(_holds(conn, "snooze", now).values(), key=lambda hold: hold.account_id)


def claims(engine: Engine, now: datetime) -> dict[int, Hold]:
    """Account id → the claim in force on it."""
    with _begin(engine) as conn:
        return _holds(conn, "claim", now)


def status_of(engine: Engine, alert_key: str, account_id: int | None, now: datetime) -> Status:
    """What was done about the alert (votes) and its account (the snooze and claim in force)."""
    with _begin(engine) as conn:
        votes = conn.execute(sa.select(ACTIONS.c.user_id, ACTIONS.c.kind, ACTIONS.c.reason)
                             .where(ACTIONS.c.alert_key == alert_key, ACTIONS.c.kind.in_(("useful", "not_useful")))
                             .order_by(ACTIONS.c.created_at, ACTIONS.c.id)).all()
        snooze = _holds(conn, "snooze", now, account_id).get(account_id) if account_id is not None else None
        claim = _holds(conn, "claim", now, account_id).get(account_id) if account_id is not None else None
    return Status(
        useful=tuple(v.user_id for v in votes if v.kind == "useful"),
        not_useful=tuple((v.user_id, v.reason or "") for v in votes if v.kind == "not_useful"),
        snoozed=(snooze.user_id, snooze.days, snooze.until) if snooze else None,
        claimed=(claim.user_id, claim.until) if claim else None,
    )


def version(engine: Engine, kind: str = "snooze") -> tuple[Any, ...]:
    """Changes whenever an action of `kind` is stored or renewed (cheap: for polling)."""
    with _begin(engine) as conn:
        return tuple(conn.execute(sa.select(sa.func.count(), sa.func.max(ACTIONS.c.updated_at)).where(ACTIONS.c.kind == kind)).one())


def actions_since(engine: Engine, since: datetime, kinds: Sequence[str] | None = None) -> list[Action]:
    """Actions first taken since `since`, oldest first."""
    query = sa.select(ACTIONS).where(ACTIONS.c.created_at >= since).order_by(ACTIONS.c.created_at, ACTIONS.c.id)
    if kinds is not None:
        query = query.where(ACTIONS.c.kind.in_(list(kinds)))
    with _begin(engine) as conn:
        return [Action(row.alert_key, tuple(row.rules or ()), row.account_id, row.kind, row.reason, row.user_id, as_utc(row.created_at))
                for row in conn.execute(query)]
