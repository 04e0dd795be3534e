"""Per-account memory of the rules engine: composite hits counted per block, heat, and the
account's last alert per rule (cooldowns) and alerts today (the daily cap).

A composite selection counts the account's events that matched it within the rule's
window. Hits are kept per distinct match block as a sorted list of timestamps, so a count
is one binary search whatever the account's history, and selections copied between rules
share one list. `Pending` layers one evaluation's changes over the committed state without
copying it; `AccountState.merge` folds the layer in once the poll's transaction committed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, NamedTuple

from signalwatch.rules.scoring import HeatState

__all__ = ["Hit", "HitLog", "AccountState", "Pending"]


class Hit(NamedTuple):
    """An event that matched one or more composite blocks; kept to show as evidence and to say
    what it was in a composite alert's headline ("Raised $30M Series C 12 days ago")."""

    at: float  # occurred_at as a POSIX timestamp
    event_key: str
    title: str
    url: str | None
    occurred_at: datetime
    blocks: frozenset[int]
    kind: str = ""  # the event's type
    change: str = ""
    attributes: Mapping[str, Any] = {}  # the event's own (shared, never copied or changed)


class HitLog:
    """Hits by block, each list sorted by time; `keys` remembers which events were seen."""

    __slots__ = ("times", "hits", "keys", "oldest")

    def __init__(self) -> None:
        self.times: dict[int, list[float]] = {}
        self.hits: dict[int, list[Hit]] = {}
        self.keys: dict[str, Hit] = {}
        self.oldest = float("inf")  # so pruning an account with nothing to drop costs one comparison

    def add(self, hit: Hit) -> None:
        self.keys[hit.event_key] = hit
        if hit.at < self.oldest:
            self.oldest = hit.at
        for block in hit.blocks:
            times = self.times.setdefault(block, [])
            hits = self.hits.setdefault(block, [])
            if not times or hit.at >= times[-1]:  # events mostly arrive in time order
                times.append(hit.at)
                hits.append(hit)
            else:
                position = bisect_left(times, hit.at)
                times.insert(position, hit.at)
                hits.insert(position, hit)

    def recent(self, blocks: Iterable[int], since: float) -> list[Hit]:
        found: list[Hit] = []
        for block in blocks:
            times = self.times.get(block)
            if times:
                found.extend(self.hits[block][bisect_left(times, since):])
        return found

    def prune(self, before: float, keep: int) -> None:
        """Forget hits older than `before`, and beyond the newest `keep` (cut by time, so a
        hit leaves every block's list at once)."""
        if len(self.keys) > keep:
            before = max(before, sorted(hit.at for hit in self.keys.values())[-keep])
        if self.oldest >= before:
            return
        for block in list(self.times):
            times, hits = self.times[block], self.hits[block]
            cut = bisect_left(times, before)
            if cut >= len(times):
                del self.times[block], self.hits[block]
            elif cut:
                del times[:cut], hits[:cut]
        self.keys = {key: hit for key, hit in self.keys.items() if hit.at >= before}
        self.oldest = min((times[0] for times in self.times.values()), default=float("inf"))

    def __len__(self) -> int:
        return len(self.keys)


class AccountState:
    """What the engine holds of one account: a copy of what the store says (events in the
    windows, alerts since the longest cooldown), read when the account is first touched."""

    __slots__ = ("heat", "log", "alerts", "today")

    def __init__(self) -> None:
        self.heat = HeatState()
        self.log: HitLog | None = None  # most accounts never match a composite block
        self.alerts: dict[str, datetime] = {}  # rule id → the account's last alert by it
        self.today: tuple[date, int] | None = None  # (UTC day, alerts made that day)

    def held(self) -> int:
        """Hits held (what the engine's memory bound counts)."""
        return len(self.log) if self.log is not None else 0

    def sent_on(self, day: date) -> int:
        return self.today[1] if self.today is not None and self.today[0] == day else 0

    def merge(self, pending: Pending) -> None:
        for weighted in pending.heat_added:
            self.heat.add_weighted(*weighted)
        if pending.log is not None:
            if self.log is None:
                self.log = HitLog()
            for hit in pending.log.keys.values():
                self.log.add(hit)


class Pending:
    """One evaluation's changes for an account, over the committed state (which it never alters)."""

    __slots__ = ("base", "heat_added", "_heat", "log", "logs")

    def __init__(self, base: AccountState | None) -> None:
        self.base = base
        # Heat added by this evaluation: (type, weight, half-life, at), folded into the committed
        # heat by `merge`; most events never need the sum, so it is not copied up front.
        self.heat_added: list[tuple[str, float, float, float]] = []
        self._heat: HeatState | None = None
        self.log: HitLog | None = None
        # This evaluation's hits and the committed ones: what every read goes through.
        self.logs: tuple[HitLog, ...] = (base.log,) if base is not None and base.log is not None else ()

    def add_heat(self, event_type: str, weight: float, half_life: float, at: float) -> None:
        self.heat_added.append((event_type, weight, half_life, at))
        self._heat = None

    @property
    def heat(self) -> HeatState:
        """The account's heat with this evaluation's additions (a copy: the committed one is kept)."""
        if self._heat is None:
            self._heat = self.base.heat.copy() if self.base is not None else HeatState()
            for weighted in self.heat_added:
                self._heat.add_weighted(*weighted)
        return self._heat

    def add(self, hit: Hit) -> None:
        if self.log is None:
            self.log = HitLog()
            self.logs = (self.log, *self.logs)
        self.log.add(hit)

    def seen(self, event_key: str) -> Hit | None:
        for log in self.logs:
            hit = log.keys.get(event_key)
            if hit is not None:
                return hit
        return None

    def total(self) -> int:
        """All hits held for the account (an upper bound of any count)."""
        total = 0
        for log in self.logs:
            total += len(log.keys)
        return total

    def count(self, block: int, since: float) -> int:
        """Hits of `block` at or after `since`: a binary search per log."""
        total = 0
        for log in self.logs:
            times = log.times.get(block)
            if times:
                total += len(times) - bisect_left(times, since)
        return total

    def recent(self, blocks: Iterable[int], since: float) -> list[Hit]:
        blocks = list(blocks)
        found = [hit for log in self.logs for hit in log.recent(blocks, since)]
        return list({hit.event_key: hit for hit in found}.values())
