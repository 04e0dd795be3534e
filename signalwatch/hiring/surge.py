"""Hiring-surge detection: open roles in one function grow past a threshold within a window.

A surge fires when, within `window`, at least `threshold` new roles of a function were
posted, or (when `growth` is set) the function's open roles grew by that fraction over the
count at the window's start with at least `min_new` new roles. It fires once per surge: the
same account and function cannot fire again until a full window has passed, so a hiring
spree produces one alert, not one per role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

__all__ = ["SurgeRule", "FunctionHistory", "Surge", "observe"]


@dataclass(frozen=True)
class SurgeRule:
    """How much growth counts as a surge."""

    threshold: int = 5
    window: timedelta = timedelta(days=30)
    growth: float | None = None
    min_new: int = 3


@dataclass(frozen=True)
class Surge:
    """One detected surge, with the numbers an alert should show."""

    new_roles: int
    open_roles: int
    open_before: int
    growth: float | None


@dataclass(frozen=True)
class FunctionHistory:
    """Recent postings and open-role counts of one function at one account (cursor state)."""

    posted: tuple[datetime, ...] = ()
    open_samples: tuple[tuple[datetime, int], ...] = ()
    fired: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "posted": [_iso(t) for t in self.posted],
            "open": [[_iso(t), n] for t, n in self.open_samples],
            "fired": _iso(self.fired) if self.fired else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FunctionHistory:
        return cls(
            posted=tuple(_instant(t) for t in data.get("posted", ())),
            open_samples=tuple((_instant(t), int(n)) for t, n in data.get("open", ())),
            fired=_instant(data["fired"]) if data.get("fired") else None,
        )


# A poll writes the history of every function of every account it observed, and nearly every
# instant in them is one of a few poll times: one string (and one datetime) per instant rather
# than one per mention, over tens of thousands of mentions in a poll of thousands of accounts.
# Equal instants share one text (the poll's `now` is UTC, so they are written alike anyway).
@lru_cache(maxsize=1024)
def _iso(instant: datetime) -> str:
    return instant.isoformat()


@lru_cache(maxsize=1024)
def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def observe(
    history: FunctionHistory, now: datetime, *, new_roles: int, open_roles: int, rule: SurgeRule
) -> tuple[FunctionHistory, Surge | None]:
    """Record one poll's postings and open count; return the new history and a surge, if one fired."""
    cutoff = now - rule.window
    posted = tuple(t for t in history.posted if t > cutoff) + (now,) * new_roles
    samples = _trim(history.open_samples, cutoff)
    open_before = samples[0][1] if samples else open_roles
    if not samples or samples[-1][1] != open_roles:
        samples = samples + ((now, open_roles),)
    growth = (open_roles - open_before) / open_before if open_before > 0 else None
    by_count = len(posted) >= rule.threshold
    by_growth = rule.growth is not None and growth is not None and growth >= rule.growth and len(posted) >= rule.min_new
    cooling = history.fired is not None and now - history.fired < rule.window
    surge = None
    if new_roles > 0 and (by_count or by_growth) and not cooling:
        surge = Surge(new_roles=len(posted), open_roles=open_roles, open_before=open_before, growth=growth)
    fired = now if surge else history.fired
    return FunctionHistory(posted=posted, open_samples=samples, fired=fired), surge


def _trim(samples: tuple[tuple[datetime, int], ...], cutoff: datetime) -> tuple[tuple[datetime, int], ...]:
    """Keep the samples inside the window plus the last one before it (the count at the window's start)."""
    before = [s for s in samples if s[0] <= cutoff]
    inside = tuple(s for s in samples if s[0] > cutoff)
    return ((before[-1],) if before else ()) + inside
