"""Source health alerts: one admin alert when a source turns sick, one when it recovers.

A source is sick after `failures` failed polls in a row, or when it has not succeeded
within `stale_intervals` of its intervals. The open/closed state lives in the database
(source_state.health_alert), so restarts neither repeat nor forget an incident, and the
alert goes through the outbox like any other: delivered once, retried, dead-lettered.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from signalwatch.alerts.draft import AlertDraft
from signalwatch.alerts.payload import notice
from signalwatch.config import SourceHealthConfig
from signalwatch.store import Store, StoreError
from signalwatch.store.upkeep import (
    SourceHealthRow,
    record_health_change,
    source_health_rows,
)
from signalwatch.timeutil import format_duration

__all__ = ["Verdict", "assess", "admin_alerts", "check_sources", "check_once", "DOWN"]

log = logging.getLogger(__name__)
DOWN = "down"
RULE_ID = "source-health"


@dataclass(frozen=True)
class Verdict:
    """A change to announce: the source went down (with why) or recovered."""

    change: str  # "down" or "recovered"
    reason: str


def assess(row: SourceHealthRow, interval: timedelta, config: SourceHealthConfig, now: datetime, watching_since: datetime) -> Verdict | None:
    """The change to announce for one source, or None. Pure.

    Staleness is measured from the last success, but never from before `watching_since`
    (the daemon's start), so a daemon restarted after a long stop does not cry wolf.
    """
    sick: str | None = None
    if row.consecutive_failures >= config.failures:
        sick = f"{row.consecutive_failures} polls failed in a row; last error: {row.last_error or 'unknown'}"
    else:
        reference = max(row.last_success_at or watching_since, watching_since)
        limit = interval * config.stale_intervals
        if now - reference > limit:
            since = f"since {row.last_success_at:%Y-%m-%d %H:%M} UTC" if row.last_success_at else "since the daemon started"
            sick = f"no successful poll within {format_duration(limit)} ({config.stale_intervals} intervals) {since}"
    if sick and row.health_alert != DOWN:
        return Verdict(DOWN, sick)
    if not sick and row.health_alert == DOWN and row.consecutive_failures == 0:
        return Verdict("recovered", "polling succeeds again")
    return None


def admin_alerts(source: str, verdict: Verdict, incident: int, config: SourceHealthConfig, now: datetime) -> list[AlertDraft]:
    """One outbox row per configured admin route (built by `alerts.payload.notice`, like every notice)."""
    down = verdict.change == DOWN
    return notice(
        RULE_ID, ("source-health", source, incident, verdict.change), config.notify, priority="P1" if down else "P3",
        topic="source_health", change=verdict.change, title=f"Source {source} is {'failing' if down else 'healthy again'}",
        summary=verdict.reason, source=source, subject=f"source {source}",
        why=[verdict.reason] + (["check with: signalwatch status (the other sources keep running)"] if down else []), now=now,
    )


def check_sources(
    store: Store, intervals: dict[str, timedelta], config: SourceHealthConfig, now: datetime, watching_since: datetime,
    only: Iterable[str] | None = None,
) -> list[tuple[str, Verdict]]:
    """Assess configured sources and record each change with its admin alerts; return what changed."""
    if not config.enabled:
        return []
    rows = source_health_rows(store)
    changed = []
    for source in only if only is not None else intervals:
        row = rows.get(source)
        if row is None or source not in intervals:
            continue  # never polled: nothing to judge yet
        verdict = assess(row, intervals[source], config, now, watching_since)
        if verdict is None:
            continue
        incident = row.health_incidents + (1 if verdict.change == DOWN else 0)
        new_state = DOWN if verdict.change == DOWN else None
        drafts = admin_alerts(source, verdict, incident, config, now)
        if record_health_change(store, source, row.health_alert, new_state, incident, drafts, now):
            log.warning("source health: %s %s (incident %d): %s", source, verdict.change, incident, verdict.reason)
            changed.append((source, verdict))
    return changed


def check_once(store: Store, intervals: dict[str, timedelta], config: SourceHealthConfig, now: datetime) -> list[tuple[str, Verdict]]:
    """The admin notices of `signalwatch run --once` (cron), before its delivery: the same
    incidents as the daemon's — `failures` failed polls in a row, counted across runs in the
    database, and the recovery after — recorded once each. Staleness is left to the daemon:
    a single run cannot know how often cron starts it (it watches from `now`)."""
    try:
        return check_sources(store, intervals, config, now, watching_since=now)
    except StoreError as exc:
        log.error("source health: %s", exc)
        return []
