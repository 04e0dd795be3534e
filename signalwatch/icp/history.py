"""The stored events of some accounts, read straight from the events table (read only).

Only the columns the ICP analysis needs are read, for the accounts of closed deals, in chunks
(an IN list well under every database's parameter limit), instead of every event since a date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from signalwatch.store import Store
from signalwatch.timeutil import as_utc

__all__ = ["StoredEvent", "account_events"]

_EVENTS = sa.table("events", sa.column("account_id", sa.Integer), sa.column("type", sa.String), sa.column("change", sa.String),
                   sa.column("occurred_at", sa.DateTime(timezone=True)), sa.column("attributes", sa.JSON))
_CHUNK = 500


@dataclass(frozen=True)
class StoredEvent:
    account_id: int
    type: str
    change: str
    occurred_at: datetime  # UTC
    attributes: Mapping[str, Any]


def account_events(store: Store, account_ids: Collection[int], *, since: datetime | None = None,
                   until: datetime | None = None, types: Collection[str] | None = None) -> dict[int, list[StoredEvent]]:
    """Per account, its events that occurred in [since, until) (of `types`, when given), oldest first."""
    found: dict[int, list[StoredEvent]] = defaultdict(list)
    ids = sorted(set(account_ids))
    columns = _EVENTS.c
    with store.engine.connect() as connection:
        for start in range(0, len(ids), _CHUNK):
            query = sa.select(columns.account_id, columns.type, columns.change, columns.occurred_at, columns.attributes).where(
                columns.account_id.in_(ids[start:start + _CHUNK]))
            if since is not None:
                query = query.where(columns.occurred_at >= since)
            if until is not None:
                query = query.where(columns.occurred_at < until)
            if types is not None:
                query = query.where(columns.type.in_(sorted(types)))
            for row in connection.execute(query.order_by(columns.occurred_at)):
                found[row.account_id].append(StoredEvent(row.account_id, row.type, row.change, as_utc(row.occurred_at),
                                                         row.attributes or {}))
    return dict(found)
