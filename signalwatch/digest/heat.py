"""How much an account's heat rose over a digest period: the one place the digest asks the scorer.

Heat is `signalwatch.rules.scoring.account_heat` (signal weight × ICP fit × decay, stacked when
signals cluster). The rise is the heat at the period's end, from the events known by then,
minus the heat at its start, from the events known by then: an account without new signals
only cools down, so it does not appear.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from signalwatch.events import SignalEvent
from signalwatch.rules.policy import Scoring
from signalwatch.rules.scoring import account_heat

__all__ = ["heat_rise"]


def heat_rise(events: Sequence[SignalEvent], tier: str | None, scoring: Scoring,
              start: datetime, end: datetime) -> tuple[float, float]:
    """(heat at `end`, rise since `start`) of one account from its events."""
    known_then = [e for e in events if e.detected_at < start and e.occurred_at <= start]
    known_now = [e for e in events if e.detected_at < end]
    before = account_heat(known_then, tier, scoring, start).value if known_then else 0.0
    after = account_heat(known_now, tier, scoring, end).value if known_now else 0.0
    return round(after, 2), round(after - before, 2)
