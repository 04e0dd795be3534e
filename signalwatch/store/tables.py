"""SQLModel tables. Their shape must equal what the numbered migrations build (a test checks)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, LargeBinary, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

__all__ = ["AccountRow", "EventRow", "SourceStateRow", "OutboxRow", "MessageRow", "DictionaryRow", "SchemaVersionRow",
           "OutboxStatus", "LeaseRow", "CursorPartRow", "ContactRow"]


def _ts(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=nullable, index=index))


def _json(default: Any) -> Any:
    return Field(default_factory=lambda: type(default)(), sa_column=Column(JSON, nullable=False))


class SchemaVersionRow(SQLModel, table=True):
    __tablename__ = "schema_version"
    version: int = Field(primary_key=True)
    applied_at: datetime | None = _ts()


class AccountRow(SQLModel, table=True):
    __tablename__ = "accounts"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    domain: str | None = Field(default=None, unique=True)
    aliases: list[str] = _json([])
    industry: str | None = None
    employees: int | None = None
    revenue: float | None = None
    country: str | None = None
    owner_email: str | None = None
    owner_slack_id: str | None = None
    tags: list[str] = _json([])
    crm_id: str | None = None
    boards: list[str] = _json([])
    updated_at: datetime | None = _ts(index=True)  # the accounts' version (`Store.accounts_version`), read every poll


class EventRow(SQLModel, table=True):
    """A stored event. Outbox messages rebuild their copy of it from these columns
    (`store.messages.event_copy`): a change to a column it reads needs a new copy version."""

    __tablename__ = "events"
    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(unique=True)
    type: str
    change: str
    source: str = Field(index=True)
    source_kind: str
    source_id: str
    url: str | None = None
    title: str
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))
    occurred_at: datetime | None = _ts(nullable=False)
    detected_at: datetime | None = _ts(nullable=False, index=True)
    company_name: str | None = None
    company_domain: str | None = None
    account_id: int | None = Field(default=None, index=True)
    match_confidence: float | None = None
    match_method: str | None = None
    attributes: dict[str, Any] = _json({})


class SourceStateRow(SQLModel, table=True):
    __tablename__ = "source_state"
    source: str = Field(primary_key=True)
    cursor: dict[str, Any] = _json({})
    last_poll_at: datetime | None = _ts()
    last_success_at: datetime | None = _ts()
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    last_error_at: datetime | None = _ts()
    consecutive_failures: int = 0
    target_errors: dict[str, Any] = _json({})
    polls: int = 0
    health_alert: str | None = None  # "down" while an admin alert about this source is open
    health_incidents: int = 0


class CursorPartRow(SQLModel, table=True):
    """One keyed part of a source's cursor (a job board's snapshot): a small head read at every
    poll and a body read only when its target changed. `body` is the last column so that
    reading heads never touches a body's overflow pages (SQLite stops at the last needed column)."""

    __tablename__ = "cursor_parts"
    source: str = Field(primary_key=True)
    part: str = Field(primary_key=True)
    head: dict[str, Any] = _json({})
    body: dict[str, Any] = _json({})


class LeaseRow(SQLModel, table=True):
    __tablename__ = "leases"
    name: str = Field(primary_key=True)
    holder: str
    expires_at: datetime | None = _ts(nullable=False)


class OutboxStatus:
    PENDING = "pending"
    SENDING = "sending"  # claimed; if the process dies here the outcome is uncertain
    SENT = "sent"
    DEAD = "dead"
    DISCARDED = "discarded"  # dropped by an operator (`outbox discard`): kept for the record, never sent, not counted as dead


class MessageRow(SQLModel, table=True):
    """What every delivery of one alert (notice, digest) shares: the rule's decision and the payload.

    `body` is the payload as a packed document (`store.messages`): deflated against dictionary
    `dictionary_id`, without the copy of event `event_id` the payload carries (rebuilt from the
    events row on reading). It is the last column so that queries of the others skip it."""

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_account", "account_id"),)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(index=True)  # 0: a notice or digest, about no event
    account_id: int | None = None
    source: str
    priority: str
    created_at: datetime | None = _ts(nullable=False)
    dictionary_id: int | None = None
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class DictionaryRow(SQLModel, table=True):
    """A deflate dictionary trained from earlier messages; never changed, kept while a message uses it."""

    __tablename__ = "message_dictionaries"
    id: int | None = Field(default=None, primary_key=True)
    trained_upto: int  # the newest message id it was trained from: when the next one is due
    created_at: datetime | None = _ts(nullable=False)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


# Rows still to deliver, by when they are due: a sent row has no next attempt (NULL), so the
# index holds the short queue, not the long history. Queries name the condition to use it.
UNSETTLED = "next_attempt_at IS NOT NULL"


class OutboxRow(SQLModel, table=True):
    """One delivery of a message to one sink and target: its key and its state, nothing the
    message's other deliveries share."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("alert_key", name="uq_outbox_alert_key"),
        # Partial (WHERE UNSETTLED) on both databases, as migration 7 builds it. Only SQLite's condition is
        # spelled here: a `postgresql_where` makes SQLAlchemy import the PostgreSQL dialect (1.8 MB resident)
        # into every process that imports the tables, SQLite stores included; no DDL is built from these models.
        Index("ix_outbox_due", "next_attempt_at", sqlite_where=text(UNSETTLED)),
        Index("ix_outbox_message", "message_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    alert_key: str
    message_id: int  # MessageRow.id; indexed for an account's alerts (`PollUnit.history`)
    rule_id: str
    sink: str
    target: str | None = None
    status: str = Field(default=OutboxStatus.PENDING)
    attempts: int = 0
    next_attempt_at: datetime | None = _ts()  # None once sent
    claimed_at: datetime | None = _ts()
    claimed_by: str | None = None  # "<host>:<pid>" of the process that claimed the row
    sent_at: datetime | None = _ts()
    remote_id: str | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text))


class ContactRow(SQLModel, table=True):
    """A contact of a synced CRM company/account (`signalwatch.crm.contacts`); the CRM's ids, not ours."""

    __tablename__ = "crm_contacts"
    __table_args__ = (UniqueConstraint("crm", "company_id", "remote_id", name="uq_crm_contacts_crm_company_remote"),)
    id: int | None = Field(default=None, primary_key=True)
    crm: str
    company_id: str
    remote_id: str
    name: str
    title: str | None = None
    email: str | None = None
    owner_email: str | None = None
    url: str | None = None
    synced_at: datetime | None = _ts(nullable=False)
