"""The digest's read of the event history: only what a digest of [start, end) can show.

An account without a signal detected in the period never appears in the digest (its heat only
cools), so only the accounts with one are read, with their events far enough back for their
heat; plus the period's funding events that matched no account (net-new candidates). Rows are
read as plain tuples, not ORM objects: with 5,000 accounts this is most of a digest's time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from signalwatch.events import EventType, SignalEvent
from signalwatch.store import Store
from signalwatch.store.tables import EventRow

__all__ = ["account_history", "unmatched_funding"]

_EVENTS = EventRow.__table__  # type: ignore[attr-defined]
_COLUMNS = [column for column in _EVENTS.columns if column.name != "id"]


def _read(store: Store, query: sa.Select) -> list[SignalEvent]:
    with store.engine.connect() as conn:
        return [SignalEvent.model_validate(dict(row._mapping)) for row in conn.execute(query)]


def account_history(store: Store, start: datetime, end: datetime, lookback: timedelta) -> list[SignalEvent]:
    """The events, detected before `end` and occurred since `start - lookback`, of every account
    with an event detected in [start, end); oldest first."""
    active = (sa.select(_EVENTS.c.account_id).distinct()
              .where(_EVENTS.c.detected_at >= start, _EVENTS.c.detected_at < end, _EVENTS.c.account_id.is_not(None)))
    query = (sa.select(*_COLUMNS)
             .where(_EVENTS.c.account_id.in_(active), _EVENTS.c.occurred_at >= start - lookback, _EVENTS.c.detected_at < end)
             .order_by(_EVENTS.c.occurred_at, _EVENTS.c.id))
    return _read(store, query)


def unmatched_funding(store: Store, start: datetime, end: datetime) -> list[SignalEvent]:
    """Funding events detected in [start, end) that matched no account (candidates' raw material)."""
    query = (sa.select(*_COLUMNS)
             .where(_EVENTS.c.type == str(EventType.FUNDING), _EVENTS.c.account_id.is_(None),
                    _EVENTS.c.detected_at >= start, _EVENTS.c.detected_at < end)
             .order_by(_EVENTS.c.detected_at, _EVENTS.c.id))
    return _read(store, query)
