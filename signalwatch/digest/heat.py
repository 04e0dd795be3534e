"""How much an account's heat rose over a digest period, and its trend: the one place the digest asks the scorer.

Heat is `signalwatch.rules.scoring.account_heat` (signal weight × ICP fit × decay, stacked when
signals cluster). The rise is the heat at the period's end, from the events known by then,
minus the heat at its start, from the events known by then: an account without new signals
only cools down, so it does not appear. Each event's share of the heat at the end orders the
account's signals in the digest, so whatever the scorer weighs (policy weights, technologies that
carry no heat) decides that order too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from signalwatch.events import SignalEvent
from signalwatch.rules.policy import Scoring
from signalwatch.rules.scoring import account_heat

__all__ = ["Rise", "heat_rise", "heat_trend", "TREND_DAYS"]

TREND_DAYS = 30  # the trend shows the heat at the end of each of the last 30 days, and now


@dataclass(frozen=True)
class Rise:
    heat: float  # at the period's end
    rise: float  # since the period's start
    shares: Mapping[str, float]  # event dedupe key → its share of `heat`


def heat_rise(events: Sequence[SignalEvent], tier: str | None, scoring: Scoring, start: datetime, end: datetime) -> Rise:
    """The heat of one account at `end`, its rise since `start`, and each event's share."""
    known_then = [e for e in events if e.detected_at < start and e.occurred_at <= start]
    known_now = [e for e in events if e.detected_at < end]
    before = account_heat(known_then, tier, scoring, start).value if known_then else 0.0
    after = account_heat(known_now, tier, scoring, end)
    shares = {event.dedupe_key: share for event, share in after.contributions}
    return Rise(round(after.value, 2), round(after.value - before, 2), shares)


def heat_trend(events: Sequence[SignalEvent], tier: str | None, scoring: Scoring, end: datetime,
               days: int = TREND_DAYS) -> tuple[float, ...]:
    """The account's heat `days`, `days - 1`, … 1 day(s) before `end`, and at `end` (oldest first),
    each from the events detected by then: what a digest sent that morning would have said."""
    ordered = sorted(events, key=lambda e: e.detected_at)
    detected = [e.detected_at for e in ordered]
    points = []
    for back in range(days, -1, -1):
        moment = end - timedelta(days=back)
        known = ordered[:bisect_left(detected, moment)]
        points.append(round(account_heat(known, tier, scoring, moment).value, 2) if known else 0.0)
    return tuple(points)
