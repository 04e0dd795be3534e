"""Account heat: signal weight × ICP fit × exponential decay by age, stacked when signals cluster.

Pure functions over events; the engine keeps an incremental equivalent (`HeatState`) so a
new event costs O(1), and a test checks the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from signalwatch.events import SignalEvent
from signalwatch.policy import Scoring

__all__ = ["Heat", "HeatState", "account_heat", "decay"]


def decay(age: timedelta, half_life: timedelta) -> float:
    """0.5 ** (age / half_life); future events count as new."""
    if half_life.total_seconds() <= 0:
        return 1.0
    return float(0.5 ** (max(age.total_seconds(), 0.0) / half_life.total_seconds()))


def _half_life(scoring: Scoring, event_type: str) -> timedelta:
    return scoring.half_life.get(event_type, timedelta(days=30))


def _cluster(scoring: Scoring, last_seen: dict[str, datetime], now: datetime) -> float:
    recent = sum(1 for when in last_seen.values() if now - when <= scoring.cluster_window)
    return 1.0 + scoring.cluster_bonus * max(0, recent - 1)


@dataclass(frozen=True)
class Heat:
    value: float
    contributions: tuple[tuple[SignalEvent, float], ...]  # strongest first


def account_heat(events: Iterable[SignalEvent], tier: str | None, scoring: Scoring, now: datetime) -> Heat:
    """The heat of one account from its events, with each event's share."""
    fit = scoring.fit(tier)
    parts: list[tuple[SignalEvent, float]] = []
    last_seen: dict[str, datetime] = {}
    for event in events:
        kind = str(event.type)
        score = scoring.weight(kind, event.change) * fit * decay(now - event.occurred_at, _half_life(scoring, kind))
        parts.append((event, score))
        if scoring.weight(kind, event.change) > 0:
            last_seen[kind] = max(last_seen.get(kind, event.occurred_at), event.occurred_at)
    multiplier = _cluster(scoring, last_seen, now)
    parts.sort(key=lambda item: item[1], reverse=True)
    total = sum(score for _, score in parts) * multiplier
    return Heat(total, tuple((event, score * multiplier) for event, score in parts))


@dataclass
class HeatState:
    """Incremental heat of one account: per event type a decayed sum anchored at `anchor`."""

    sums: dict[str, tuple[float, datetime]] = field(default_factory=dict)
    last_seen: dict[str, datetime] = field(default_factory=dict)

    def add(self, event_type: str, change: str, occurred_at: datetime, scoring: Scoring) -> None:
        weight = scoring.weight(event_type, change)
        if weight <= 0:
            return
        half_life = _half_life(scoring, event_type)
        total, anchor = self.sums.get(event_type, (0.0, occurred_at))
        if occurred_at > anchor:  # move the anchor forward so factors stay ≤ 1
            total *= decay(occurred_at - anchor, half_life)
            anchor = occurred_at
        total += weight * decay(anchor - occurred_at, half_life)
        self.sums[event_type] = (total, anchor)
        self.last_seen[event_type] = max(self.last_seen.get(event_type, occurred_at), occurred_at)

    def value(self, tier: str | None, scoring: Scoring, now: datetime) -> float:
        raw = sum(total * decay(now - anchor, _half_life(scoring, kind)) for kind, (total, anchor) in self.sums.items())
        return raw * scoring.fit(tier) * _cluster(scoring, self.last_seen, now)

    def copy(self) -> HeatState:
        return HeatState(dict(self.sums), dict(self.last_seen))
