"""Tie stored events that matched no account to the accounts added since: a general feed's funding
round polled on Monday reaches the account imported on Tuesday.

Per-account sources read a new account's history themselves (`first_poll`); a general feed (RSS
news) does not poll per account, so what it brought before the account existed is in the store
without an account. Whenever accounts are added or updated (`accounts import`, `crm sync`, the
daemon's CRM sync), the stored events without an account from the last `BACKFILL_DAYS` are
resolved again with the index every poll uses, built once over all accounts as they stand now.
An event that now resolves is written tied, marked `backfill: true` and `tied_at` (when), and goes
through the poll's own commit (`pipeline.commit_events`, `tied=`), one transaction per source:
evaluated by the daemon's engine, alerting only through rules that say `backfill: alert`, its
alerts queued in the one outbox.

No mark is kept: what is still untied is simply looked at again next time. The write checks the
event still has no account, so a second import ties and sends nothing twice, and a run that dies
part way leaves each source's events either tied with their alerts queued or untied, for the
next import or sync to tie.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby
from typing import TYPE_CHECKING

from signalwatch.events import SignalEvent
from signalwatch.runtime.first_poll import BACKFILL_DAYS, mark_backfilled
from signalwatch.store import PollCommit, Store
from signalwatch.stories import mark_retold

if TYPE_CHECKING:
    from signalwatch.config import Settings
    from signalwatch.resolve import AccountIndex
    from signalwatch.runtime.app import App

__all__ = ["TIED_AT", "Commit", "Retie", "retie_stored", "resolved_again", "retie_through_app", "quiet_commit", "tied_at",
           "retie_for_settings"]

log = logging.getLogger(__name__)

TIED_AT = "tied_at"  # attribute: when a stored event was tied to an account added after it (ISO 8601, UTC)

# Commits one source's newly tied events (the unit writes only those still untied); returns what it wrote.
Commit = Callable[[str, Sequence[SignalEvent]], PollCommit]


@dataclass(frozen=True)
class Retie:
    """What one run did: untied events read, how many were tied now, alerts queued for them."""

    checked: int
    tied: int
    alerts: int


def tied_at(event: SignalEvent) -> datetime | None:
    """When `event` was tied to an account added after it was stored, or None."""
    value = event.attributes.get(TIED_AT) if event.attributes else None
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def resolved_again(index: AccountIndex, events: Sequence[SignalEvent], now: datetime) -> list[SignalEvent]:
    """The `events` (untied) that `index` ties now, marked as history tied at `now`. Pure."""
    found = [event for event in (index.apply(event) for event in events) if event.account_id is not None]
    return [event.model_copy(update={"attributes": {**event.attributes, TIED_AT: now.isoformat()}})
            for event in mark_backfilled(found)]


def retie_stored(store: Store, index: AccountIndex, now: datetime, commit: Commit) -> Retie:
    """Resolve the stored untied events of the last `BACKFILL_DAYS` with `index` and commit the
    ones it ties, a source at a time (its own transaction, as a poll's)."""
    untied = store.untied_events(now - timedelta(days=BACKFILL_DAYS))
    found = resolved_again(index, untied, now)
    tied = alerts = 0
    for source, events in groupby(found, key=lambda event: event.source):  # untied_events reads by source
        done = commit(source, list(events))
        tied += len(done.new_events)
        alerts += done.new_alerts
    if tied:
        log.info("retie: %d of %d stored untied event(s) tied to accounts added since; %d alert(s) queued",
                 tied, len(untied), alerts)
    return Retie(len(untied), tied, alerts)


def retie_through_app(app: App, now: datetime) -> Retie:
    """`retie_stored` with the daemon's index, engine and enabled sinks, as a poll commits."""
    from signalwatch.feedback.holds import with_claims
    from signalwatch.runtime.pipeline import commit_events

    accounts, index = app.accounts()

    def commit(source: str, events: Sequence[SignalEvent]) -> PollCommit:
        # An account claimed from Slack has the claiming rep as its owner for owner DMs, as in a poll.
        by_id = with_claims(app.accounts_by_id(accounts), app.store.engine, now)
        with app.engine_lock:
            return commit_events(app.store, app.engine, by_id, source, [], None, now, poll=False, sinks=app.sinks,
                                 tied=events)

    return retie_stored(app.store, index, now, commit)


def quiet_commit(store: Store, now: datetime) -> Commit:
    """A commit without rules, for when no rule says `backfill: alert` (nothing could alert):
    the events are written tied, as `commit_events` writes them, and nothing is evaluated."""

    def commit(source: str, events: Sequence[SignalEvent]) -> PollCommit:
        with store.poll_unit(source, now) as unit:
            return PollCommit(unit.tie(mark_retold(events, unit.stories)), 0)

    return commit


def retie_for_settings(settings: Settings, now: datetime) -> Retie:
    """`retie_stored` for a command that added accounts (`accounts import`, `crm sync`): through the
    daemon's engine and sinks when some rule says `backfill: alert` (as `signalwatch backfill`),
    else written quietly. Raises `AdminInputError` when the rules do not load (nothing is tied
    then: an event tied without its rule could never alert later), `StoreError` when the store fails."""
    from signalwatch.resolve import AccountIndex
    from signalwatch.rules.ruleset import load_ruleset
    from signalwatch.runtime.app import build_app

    if load_ruleset(settings.rules_path).alerts_on_history:
        app = build_app(settings)
        try:
            return retie_through_app(app, now)
        finally:
            app.close()
    store = Store(settings.database_url)
    try:
        return retie_stored(store, AccountIndex(store.list_accounts()), now, quiet_commit(store, now))
    finally:
        store.close()
