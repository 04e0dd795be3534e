"""One poll of one source: fetch → normalize → resolve → store events, alerts and cursor together."""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from signalwatch.accounts import Account
from signalwatch.alerts.contacts import attach_contacts
from signalwatch.alerts.routing import enabled_routes, skipped_text
from signalwatch.connectors.base import FetchContext, Fetched, PartWrite
from signalwatch.events import SignalEvent
from signalwatch.feedback.holds import with_claims
from signalwatch.http import FetchError
from signalwatch.resolve import AccountIndex
from signalwatch.rules.engine import QUIET_BACKFILL, Engine
from signalwatch.runtime.ahead import one_ahead
from signalwatch.runtime.app import App, SourceRuntime
from signalwatch.runtime.first_poll import BACKFILL_KEY, before_poll, split_cursor
from signalwatch.store import PollCommit, Store, StoreError
from signalwatch.stories import mark_retold

__all__ = ["poll_source", "commit_events", "PollReport"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollReport:
    source: str
    ok: bool
    fetched: int = 0
    new_events: int = 0
    new_alerts: int = 0
    error: str | None = None


def poll_source(app: App, source: SourceRuntime, now: datetime) -> PollReport:
    """Poll `source` once. Failures are recorded in `status`; the cursor does not move.

    A source that polls in chunks (`Connector.fetch_chunks`) has each chunk's events committed
    with its cursor parts as it comes, and the poll recorded after the last: a failure part way
    leaves the chunks committed so far stored (their parts moved with their events) and is
    recorded as a failed poll."""
    accounts, index = app.accounts()
    stored = app.store.load_cursor(source.name)
    cursor, backfilled_through = split_cursor(stored)  # the mark of accounts already backfilled is ours
    parts = app.store.cursor_parts(source.name)  # heads only: fetch reads the bodies it needs
    # New accounts' recent past first: the live poll gets what the backfill downloaded (first_poll).
    first = before_poll(source.connector, app.http, accounts, backfilled_through, now)
    context = FetchContext(first.http, cursor, accounts, now, parts)
    done = _Tally()  # what chunks committed before the poll's own commit
    try:
        chunks = source.connector.fetch_chunks(context)
        if chunks is None:
            fetched = source.connector.fetch(context)
            with app.parse_lock:  # pure CPU work: one poll at a time (App.parse_lock)
                normalized = source.connector.normalize(fetched, now)
            found = _Found(list(normalized.events), dict(normalized.cursor), dict(fetched.errors), normalized.parts,
                           fetched.not_modified)
        else:
            found = _commit_chunks(app, source, accounts, index, chunks, now, done)
    except FetchError as exc:
        return _failed(app, source, str(exc), now)
    except _NotSaved as exc:
        log.error("poll: %s could not be saved: %s", source.name, exc.error)
        return PollReport(source.name, ok=False, error=str(exc.error))
    except Exception as exc:  # a connector bug must not stop the other sources
        log.exception("poll: %s crashed", source.name)
        return _failed(app, source, f"internal error in {source.settings.type} connector: {type(exc).__name__}: {exc}", now)
    finally:
        first.release(source.name)
    events, new_cursor, target_errors = [index.apply(event) for event in found.events], found.cursor, found.errors
    history = first.history
    if history is not None:  # new accounts' recent past: stored with the poll, quiet unless a rule asks (first_poll)
        live = {event.dedupe_key for event in events}
        events += [index.apply(event) for event in history.events if event.dedupe_key not in live]
        target_errors.update(history.errors)
    mark = history.mark if history is not None and history.mark is not None else backfilled_through
    if mark is not None:
        new_cursor[BACKFILL_KEY] = mark
    try:
        next_cursor = None if new_cursor == stored else new_cursor  # unchanged: not rewritten
        committed = _commit(app, source, accounts, events, now, next_cursor, target_errors, found.parts, poll=True)
    except StoreError as exc:
        log.error("poll: %s could not be saved: %s", source.name, exc)
        return PollReport(source.name, ok=False, error=str(exc))
    done.add(len(events), committed)
    for target, reason in target_errors.items():
        log.warning("poll: %s target %s failed: %s", source.name, target, reason)
    log.info(
        "poll: %s ok fetched=%d new_events=%d new_alerts=%d%s", source.name, done.fetched, done.new_events,
        done.new_alerts, " (not modified)" if found.not_modified else "",
    )
    return PollReport(source.name, True, done.fetched, done.new_events, done.new_alerts)


class _NotSaved(Exception):
    """A chunk's commit failed (`error`): reported as the poll's own commit failing is."""

    def __init__(self, error: StoreError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class _Tally:
    """Events found, stored and alerts queued by the commits of one poll so far."""

    fetched: int = 0
    new_events: int = 0
    new_alerts: int = 0

    def add(self, found: int, committed: PollCommit) -> None:
        self.fetched += found
        self.new_events += len(committed.new_events)
        self.new_alerts += committed.new_alerts


@dataclass(frozen=True)
class _Found:
    """What a poll found that its own commit stores: events, cursor, target errors, cursor parts."""

    events: list[SignalEvent]
    cursor: dict[str, Any]
    errors: dict[str, str]
    parts: Mapping[str, PartWrite | None]
    not_modified: bool = False


def _commit_chunks(app: App, source: SourceRuntime, accounts: list[Account], index: AccountIndex,
                   chunks: Iterator[Fetched], now: datetime, done: _Tally) -> _Found:
    """Normalize and commit each chunk as it comes (its events with its cursor parts, the poll's
    record left alone), the next chunk fetched meanwhile (`one_ahead`: two chunks alive at most);
    returns what the poll's own commit saves: the chunks' target errors and the last chunk's cursor."""
    errors: dict[str, str] = {}
    cursor: dict[str, Any] = {}
    for fetched in one_ahead(chunks):
        with app.parse_lock:
            normalized = source.connector.normalize(fetched, now)
        errors.update(fetched.errors)
        cursor = dict(normalized.cursor)
        del fetched  # its boards: what lives on until the commit is in `normalized`
        if normalized.events or normalized.parts:
            events = [index.apply(event) for event in normalized.events]
            try:
                committed = _commit(app, source, accounts, events, now, None, None, normalized.parts, poll=False)
            except StoreError as exc:
                raise _NotSaved(exc) from exc
            done.add(len(events), committed)
            del events, committed
        del normalized
    return _Found([], cursor, errors, {})


def _commit(app: App, source: SourceRuntime, accounts: list[Account], events: list[SignalEvent], now: datetime,
            cursor: dict[str, Any] | None, target_errors: dict[str, str] | None,
            parts: Mapping[str, PartWrite | None], *, poll: bool) -> PollCommit:
    # An account claimed from Slack has the claiming rep as its owner for owner DMs (feedback.holds);
    # only read when there is something to evaluate: most polls bring nothing new.
    accounts_by_id = with_claims(app.accounts_by_id(accounts), app.store.engine, now) if events else {}
    with app.engine_lock:
        return commit_events(app.store, app.engine, accounts_by_id, source.name, events, cursor, now, target_errors, parts,
                             poll=poll, sinks=app.sinks)


def commit_events(store: Store, engine: Engine, accounts: Mapping[int, Account], source: str, events: list[SignalEvent],
                  cursor: dict[str, Any] | None, now: datetime, target_errors: dict[str, str] | None = None,
                  parts: Mapping[str, PartWrite | None] | None = None, *, poll: bool = True,
                  sinks: Collection[str] | None = None, tied: Sequence[SignalEvent] = ()) -> PollCommit:
    """The poll's unit of work, top to bottom: store the new events, evaluate them (the engine
    reads the accounts' stored history through the unit, after the inserts, for the accounts it
    does not hold), enqueue their alerts, save the cursor and its parts — one transaction — and
    only then fold the evaluation into the engine's copy of the state, with where the store
    stood (so a write by anyone else is noticed by the next poll). The caller serializes calls
    (App.engine_lock), so the engine follows the commits in order. Backfilled events
    (`attributes.backfill`) are evaluated too, so composites count them as after a restart, but
    alert only through rules that say `backfill: alert`. `poll=False` (a backfill run) leaves the
    source's poll record and cursor alone. With `sinks` (the enabled ones), routes to any other
    sink are not queued (`alerts.routing`): a disabled sink is the admin's choice, not a failure.
    `tied`: events stored earlier without an account, now resolved to one (`runtime.retie`, with
    `poll=False`): each is written tied where it still has none, and is one of the new events from then on."""
    skipped: dict[str, int] = {}
    with store.poll_unit(source, now) as unit:
        # Another outlet's report of a story the account already has is stored, marked, and never alerts again.
        new_events = unit.insert(mark_retold(events, unit.stories))
        if tied:
            new_events += unit.tie(mark_retold(tied, unit.stories))
        evaluation = engine.evaluate(new_events, accounts, now, recall=unit) if new_events else None
        drafts = evaluation.drafts if evaluation else []
        if sinks is not None:
            drafts, skipped = enabled_routes(drafts, sinks)
        # Whom to reach (CRM contacts fitting the rule's persona) is resolved once, into the stored payload.
        new_alerts = unit.enqueue(attach_contacts(drafts, engine.ruleset.rules, unit.connection())) if drafts else 0
        if poll:
            unit.save_cursor(cursor, target_errors)
        if parts:
            unit.save_parts(parts)
        mark = unit.mark() if evaluation else None
    if skipped:
        log.info("poll: %s: %s not queued: the sink is not enabled in the config", source, skipped_text(skipped))
    if evaluation is not None:  # only after the transaction committed
        engine.apply(evaluation.delta, mark)
        for rule_id, event_key, reason in evaluation.skipped:
            level = logging.DEBUG if reason == QUIET_BACKFILL else logging.INFO  # history is quiet by design
            log.log(level, "rules: %s did not alert for event %s: %s", rule_id, event_key[:12], reason)
    return PollCommit(new_events=new_events, new_alerts=new_alerts, skipped=tuple(evaluation.skipped) if evaluation else ())


def _failed(app: App, source: SourceRuntime, error: str, now: datetime) -> PollReport:
    log.warning("poll: %s failed: %s", source.name, error)
    try:
        app.store.record_poll_failure(source.name, error, now)
    except StoreError as exc:
        log.error("poll: %s failure could not be recorded: %s", source.name, exc)
    return PollReport(source.name, ok=False, error=error)
