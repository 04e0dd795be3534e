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

The backfill runs before the live poll (`before_poll`), and the poll's client answers a request
for a URL the backfill just read from the backfill's answer (`handover`): a new account's job
board or news search is its live baseline too, and was downloaded in full twice in its first run.
A connector whose backfill reads other URLs than its poll says so with `backfill_handover = False`
on its class (EDGAR: daily indexes, not the current-filings feed), and nothing is kept for it.
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
from signalwatch.runtime.handover import Handover

__all__ = ["BACKFILL_KEY", "BACKFILL_DAYS", "DEFAULT_BATCH", "FirstPoll", "FirstPollBackfill", "split_cursor",
           "backfill_new_accounts", "before_poll", "mark_backfilled"]

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


@dataclass(frozen=True)
class FirstPoll:
    """A poll's backfill (`history`, None as from `backfill_new_accounts`) and the client its live poll
    uses (`http`), which answers the URLs the backfill read from its answers; `release` drops the
    answers the poll did not ask for."""

    history: FirstPollBackfill | None
    http: HttpClient
    handover: Handover | None = None

    def release(self, source: str) -> None:
        if self.handover is None:
            return
        log.info("backfill: %s: %d answer(s) handed to the live poll, %d not asked for", source, self.handover.served,
                 len(self.handover))
        self.handover.clear()


def before_poll(connector: Connector, http: HttpClient, accounts: Sequence[Account], mark: int | None,
                now: datetime) -> FirstPoll:
    """Backfill the next batch of new accounts (`backfill_new_accounts`) ahead of the live poll, and the
    client that poll should use: `http`, with the backfill's full answers handed over (`handover`)."""
    if not getattr(type(connector), "backfill_handover", True):  # its backfill and poll read different URLs
        return FirstPoll(backfill_new_accounts(connector, http, accounts, mark, now), http)
    handover = Handover()
    history = backfill_new_accounts(connector, handover.recording(http), accounts, mark, now)
    if not len(handover):
        return FirstPoll(history, http)
    return FirstPoll(history, handover.replaying(http), handover)


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
