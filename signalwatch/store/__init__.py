"""Persistence: SQLModel tables, numbered migrations and the Store operations."""

from signalwatch.store.migrations import SchemaTooNewError, migrate
from signalwatch.store.outbox import Settlement
from signalwatch.store.pollunit import conflict_insert
from signalwatch.store.store import (
    AlertDraft,
    OutboxItem,
    PollCommit,
    SourceStatus,
    Store,
    StoredParts,
    StoreError,
)
from signalwatch.store.tables import OutboxStatus

__all__ = [
    "Store", "StoreError", "AlertDraft", "OutboxItem", "PollCommit", "SourceStatus", "StoredParts",
    "OutboxStatus", "Settlement", "SchemaTooNewError", "migrate", "conflict_insert",
]
