"""Account heat: signal weight × ICP fit × exponential decay by age, stacked when signals cluster.

Pure functions over events; the engine keeps an incremental equivalent (`HeatState`) so a
new event costs O(1), and a test checks the two agree. What each signal weighs, and why, is
the legend in `Scoring`'s docstring: commodity technologies (marked in the catalog) weigh
nothing, and a type with a cap (tech_stack) adds at most that much however many signals it has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from signalwatch.events import SignalEvent
from signalwatch.rules.policy import Scoring
from signalwatch.stories import SAME_STORY

__all__ = ["Heat", "HeatState", "account_heat", "decay", "half_life", "weighting", "event_weight", "commodity"]


def decay(age: timedelta, half_life: timedelta) -> float:
    """0.5 ** (age / half_life); future events count as new."""
    return _factor(age.total_seconds(), half_life.total_seconds())


def _factor(age: float, half_life: float) -> float:
    """`decay` in seconds."""
    return 1.0 if half_life <= 0 else float(0.5 ** (max(age, 0.0) / half_life))


def half_life(scoring: Scoring, event_type: str) -> timedelta:
    return scoring.half_life.get(event_type, timedelta(days=30))


def weighting(scoring: Scoring, event_type: str, change: str) -> tuple[float, float]:
    """What one event of this type and change adds to heat: (weight, half-life in seconds)."""
    return scoring.weight(event_type, change), half_life(scoring, event_type).total_seconds()


@lru_cache(maxsize=1)
def _commodity_ids() -> frozenset[str]:
    from signalwatch.techstack.catalog import default_catalog  # loaded on the first technology scored

    return default_catalog().commodity


def commodity(attributes: Mapping[str, Any]) -> bool:
    """Whether the event is about a commodity technology (`commodity: true` in the catalog)."""
    technology = attributes.get("technology")
    return isinstance(technology, str) and technology in _commodity_ids()


def weightless(attributes: Mapping[str, Any]) -> bool:
    """Whether an event adds nothing to heat: a commodity technology, or another outlet's report of a
    story already counted (`signalwatch.stories`)."""
    return commodity(attributes) or bool(attributes.get(SAME_STORY))


def event_weight(scoring: Scoring, event_type: str, change: str, attributes: Mapping[str, Any]) -> float:
    """What one event adds to heat before fit and decay: its type/change weight, or 0 when `weightless`."""
    return 0.0 if weightless(attributes) else scoring.weight(event_type, change)


def _capped(scoring: Scoring, event_type: str, total: float, newest: float | None, half: float, at: float) -> float:
    """`total` (the type's decayed heat at `at`) within the type's cap, which decays from its newest signal."""
    cap = scoring.cap(event_type)
    if cap is None or newest is None:
        return total
    return min(total, cap * _factor(at - newest, half))


def _cluster(scoring: Scoring, recent_types: int) -> float:
    """The stacking multiplier when `recent_types` signal types occurred within the cluster window."""
    return 1.0 + scoring.cluster_bonus * max(0, recent_types - 1)


@dataclass(frozen=True)
class Heat:
    value: float
    contributions: tuple[tuple[SignalEvent, float], ...]  # strongest first


def account_heat(events: Iterable[SignalEvent], tier: str | None, scoring: Scoring, now: datetime) -> Heat:
    """The heat of one account from its events, with each event's share."""
    fit = scoring.fit(tier)
    parts: list[tuple[SignalEvent, float]] = []
    last_seen: dict[str, datetime] = {}
    sums: dict[str, float] = {}  # type → Σ weight × decay, before fit
    for event in events:
        kind = str(event.type)
        weight = event_weight(scoring, kind, event.change, event.attributes)
        share = weight * decay(now - event.occurred_at, half_life(scoring, kind))
        parts.append((event, share * fit))
        sums[kind] = sums.get(kind, 0.0) + share
        if weight > 0:
            last_seen[kind] = max(last_seen.get(kind, event.occurred_at), event.occurred_at)
    # A capped type's events share its cap in proportion to what each would add.
    scale: dict[str, float] = {}
    for kind, total in sums.items():
        newest = last_seen.get(kind)
        capped = _capped(scoring, kind, total, newest.timestamp() if newest else None,
                         half_life(scoring, kind).total_seconds(), now.timestamp())
        scale[kind] = capped / total if total > 0 else 1.0
    parts = [(event, score * scale[str(event.type)]) for event, score in parts]
    multiplier = _cluster(scoring, sum(1 for when in last_seen.values() if now - when <= scoring.cluster_window))
    parts.sort(key=lambda item: item[1], reverse=True)
    total = sum(score for _, score in parts) * multiplier
    return Heat(total, tuple((event, score * multiplier) for event, score in parts))


class HeatState:
    """Incremental heat of one account: per event type a decayed sum anchored at a moment.

    Kept in POSIX seconds and plain tuples: the engine holds one per active account and
    updates it for every event.
    """

    __slots__ = ("sums", "last_seen", "newest")

    def __init__(self, sums: dict[str, tuple[float, float, float]] | None = None,
                 last_seen: dict[str, float] | None = None) -> None:
        self.sums = sums if sums is not None else {}  # type → (total, anchor, half-life seconds)
        self.last_seen = last_seen if last_seen is not None else {}  # type → newest occurrence
        self.newest = max(self.last_seen.values()) if self.last_seen else float("-inf")  # of any type

    def add(self, event_type: str, change: str, occurred_at: datetime, scoring: Scoring,
            attributes: Mapping[str, Any] | None = None) -> None:
        weight, seconds = weighting(scoring, event_type, change)
        if attributes is not None and weightless(attributes):
            weight = 0.0
        if weight > 0:
            self.add_weighted(event_type, weight, seconds, occurred_at.timestamp())

    def add_weighted(self, event_type: str, weight: float, half_life: float, at: float) -> None:
        total, anchor, _ = self.sums.get(event_type, (0.0, at, half_life))
        if at > anchor:  # move the anchor forward so factors stay ≤ 1
            total *= _factor(at - anchor, half_life)
            anchor = at
        self.sums[event_type] = (total + weight * _factor(anchor - at, half_life), anchor, half_life)
        seen = self.last_seen.get(event_type)
        if seen is None or at > seen:
            self.last_seen[event_type] = at
            if at > self.newest:
                self.newest = at

    def value(self, tier: str | None, scoring: Scoring, now: datetime) -> float:
        at = now.timestamp()
        caps, raw = scoring.caps, 0.0
        for kind, (total, anchor, half) in self.sums.items():
            heat = total * _factor(at - anchor, half)
            cap = caps.get(kind)
            if cap is not None:  # what a capped type adds decays from its newest signal
                heat = min(heat, cap * _factor(at - self.last_seen.get(kind, anchor), half))
            raw += heat
        window = scoring.cluster_window.total_seconds()
        return raw * scoring.fit(tier) * _cluster(scoring, sum(1 for seen in self.last_seen.values() if at - seen <= window))

    def copy(self) -> HeatState:
        copied = HeatState.__new__(HeatState)  # `newest` is carried over, not recomputed
        copied.sums, copied.last_seen, copied.newest = dict(self.sums), dict(self.last_seen), self.newest
        return copied

