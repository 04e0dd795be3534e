"""Backfill on an account's first poll: a source that keeps history reads it for accounts it has not seen.

When a poll finds accounts newer than the ones its source has already backfilled, it runs the
same backfill as `signalwatch backfill --days 30` for them (job-board roles by their own
published date, per-account news, EDGAR filings from the daily indexes), marks the events
`backfill: true` and stores them with the poll: they show in `events list`, the digest and
`accounts top`, and alert only through rules that say `backfill: alert`.

Which accounts were done is one number kept beside the source's own cursor, under
`BACKFILL_KEY`: the highest account id backfilled. Accounts are taken in id order, a batch per
poll (`backfill_batch` on the connector class, else `DEFAULT_BATCH`), so importing 5,000
accounts spreads their backfill over many polls instead of one burst. A source that has never
polled has no mark: all its accounts are new, so a fresh install shows recent history too.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from signalwatch.accounts import Account
from signalwatch.connectors.base import Connector, FetchContext
from signalwatch.events import SignalEvent
from signalwatch.http import FetchError, HttpClient

__all__ = ["BACKFILL_KEY", "BACKFILL_DAYS", "DEFAULT_BATCH", "FirstPollBackfill", "split_cursor", "backfill_new_accounts",
           "mark_backfilled"]

log = logging.getLogger(__name__)

BACKFILL_KEY = "_backfilled_through"  # in the source's stored cursor; the connector never sees it
BACKFILL_DAYS = 30
DEFAULT_BATCH = 25  # accounts per poll, for sources whose backfill costs requests per account


@dataclass(frozen=True)
class FirstPollBackfill:
    """What one poll's backfill found: events (marked), failures per target, and the new mark."""

    events: list[SignalEvent] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    mark: int | None = None


def mark_backfilled(events: Sequence[SignalEvent]) -> list[SignalEvent]:
    """`events` marked as history (`attributes.backfill`): stored and shown, quiet unless a rule asks."""
    return [event.model_copy(update={"attributes": {**event.attributes, "backfill": True}}) for event in events]


def split_cursor(stored: dict[str, Any]) -> tuple[dict[str, Any], int | None]:
    """The connector's own cursor and the backfill mark kept beside it."""
    cursor = dict(stored)
    mark = cursor.pop(BACKFILL_KEY, None)
    return cursor, int(mark) if isinstance(mark, int) else None


def backfill_new_accounts(connector: Connector, http: HttpClient, accounts: Sequence[Account], mark: int | None,
                          now: datetime) -> FirstPollBackfill | None:
    """Backfill the next batch of accounts above `mark`; None when the source keeps no history
    (or a connector bug broke it: the mark stays, so the next poll tries again)."""
    if type(connector).backfill is Connector.backfill:
        return None
    batch = int(getattr(type(connector), "backfill_batch", DEFAULT_BATCH))
    new = sorted((a for a in accounts if mark is None or a.id > mark), key=lambda a: a.id)[:batch]
    if not new:
        return FirstPollBackfill(mark=mark if mark is not None else max((a.id for a in accounts), default=0))
    try:
        found = connector.backfill(FetchContext(http, {}, new, now), now - timedelta(days=BACKFILL_DAYS))
    except FetchError as exc:
        log.warning("backfill: %s: %s", connector.source_name, exc)
        return FirstPollBackfill(errors={"backfill": str(exc)}, mark=mark)
    except Exception:  # a connector bug must not fail the live poll
        log.exception("backfill: %s crashed", connector.source_name)
        return None
    if found is None:
        return None
    events, errors = found
    marked = mark_backfilled(events)
    log.info("backfill: %s read %d new account(s), %d event(s)", connector.source_name, len(new), len(marked))
    return FirstPollBackfill(marked, {f"backfill: {target}": reason for target, reason in errors.items()},
                             max(account.id for account in new))
