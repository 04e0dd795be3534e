"""Build a digest: the accounts whose heat rose over the period, ranked, with their new signals. Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from signalwatch.accounts import Account
from signalwatch.alerts.render import what_happened
from signalwatch.digest.heat import heat_rise
from signalwatch.events import SignalEvent
from signalwatch.rules.policy import Scoring

__all__ = ["Signal", "AccountLine", "Digest", "build_digest", "TierOf"]

# The account's ICP tier, or "excluded" for anti-ICP accounts (never in a digest).
TierOf = Callable[[Account], str | None]


@dataclass(frozen=True)
class Signal:
    what: str
    title: str
    url: str | None
    occurred_at: datetime
    priority: str | None  # the alert's priority when a rule alerted on it
    source: str


@dataclass(frozen=True)
class AccountLine:
    account_id: int
    name: str
    domain: str | None
    tier: str | None
    owner_email: str | None
    owner_slack_id: str | None
    heat: float
    rise: float
    signals: tuple[Signal, ...]


@dataclass(frozen=True)
class Digest:
    title: str
    period_start: datetime
    period_end: datetime
    accounts: tuple[AccountLine, ...] = field(default=())

    @property
    def quiet(self) -> bool:
        return not self.accounts

    def only(self, account_ids: set[int]) -> Digest:
        """The same digest restricted to some accounts (one owner's)."""
        return Digest(self.title, self.period_start, self.period_end, tuple(a for a in self.accounts if a.account_id in account_ids))


def _signal(event: SignalEvent, priority: str | None) -> Signal:
    record: dict[str, Any] = {"event": {"type": str(event.type), "change": event.change, "title": event.title,
                                        "attributes": dict(event.attributes)}}
    return Signal(what_happened(record), event.title, event.url, event.occurred_at, priority, event.source)


def build_digest(events: Sequence[SignalEvent], accounts: Mapping[int, Account], tier_of: TierOf, scoring: Scoring,
                 priorities: Mapping[str, str], period_start: datetime, period_end: datetime, *, max_accounts: int,
                 title: str = "Accounts heating up") -> Digest:
    """`events`: matched events detected before `period_end`, far enough back for the heat;
    `priorities`: event dedupe key → the priority of the alert it caused."""
    by_account: dict[int, list[SignalEvent]] = defaultdict(list)
    for event in events:
        if event.account_id is not None and event.account_id in accounts:
            by_account[event.account_id].append(event)
    lines = []
    for account_id, history in by_account.items():
        new = [e for e in history if period_start <= e.detected_at < period_end]
        account = accounts[account_id]
        tier = tier_of(account)
        if not new or tier == "excluded":
            continue
        heat, rise = heat_rise(history, tier, scoring, period_start, period_end)
        if rise <= 0:
            continue
        signals = tuple(_signal(e, priorities.get(e.dedupe_key)) for e in sorted(new, key=lambda e: e.occurred_at, reverse=True))
        lines.append(AccountLine(account_id, account.name, account.domain, tier, account.owner_email, account.owner_slack_id,
                                 heat, rise, signals))
    lines.sort(key=lambda line: (-line.rise, line.name.lower()))
    return Digest(title, period_start, period_end, tuple(lines[:max_accounts]))
