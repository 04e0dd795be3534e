"""Build a digest from the period's alerts: accounts ranked by heat rise, grouped by owner. Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from signalwatch.accounts import Account
from signalwatch.digest.heat import heat_rise
from signalwatch.render import what_happened

__all__ = ["AlertFact", "Signal", "AccountLine", "Digest", "build_digest"]


@dataclass(frozen=True)
class AlertFact:
    """One alert of the period as the digest needs it: its priority and frozen payload."""

    priority: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Signal:
    what: str
    title: str
    url: str | None
    occurred_at: datetime
    priority: str
    source: str


@dataclass(frozen=True)
class AccountLine:
    account_id: int | None
    name: str
    domain: str | None
    tier: str | None
    owner_email: str | None
    owner_slack_id: str | None
    heat: float
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
        mine = tuple(a for a in self.accounts if a.account_id in account_ids)
        return Digest(self.title, self.period_start, self.period_end, mine)


def build_digest(alerts: Sequence[AlertFact], period_start: datetime, period_end: datetime, *,
                 half_life: timedelta, max_accounts: int, accounts: Mapping[int, Account] | None = None,
                 title: str = "Accounts heating up") -> Digest:
    """Rank accounts by heat rise; each lists its distinct new signals, newest first.

    `accounts` (the store's current accounts) supplies today's owner and name: an account
    re-owned in the CRM since the alert was enqueued shows up under its new owner.
    """
    grouped: dict[Any, list[AlertFact]] = defaultdict(list)
    for alert in alerts:
        account = alert.payload.get("account") or {}
        if account:  # unmatched companies are not accounts anyone owns
            grouped[account.get("id") or account.get("name")].append(alert)
    lines = []
    for facts in grouped.values():
        account = dict(facts[0].payload["account"])
        account_id = account.get("id")
        current = (accounts or {}).get(account_id) if isinstance(account_id, int) else None
        if current is not None:
            account.update(name=current.name, domain=current.domain, owner_email=current.owner_email,
                           owner_slack_id=current.owner_slack_id)
        signals: dict[str, Signal] = {}
        for fact in facts:
            event = fact.payload["event"]
            key = str(event.get("dedupe_key") or event.get("title"))
            signal = Signal(what_happened(fact.payload), str(event["title"]), event.get("url"),
                            datetime.fromisoformat(event["occurred_at"]), fact.priority, str(event.get("source") or ""))
            best = signals.get(key)
            if best is None or signal.priority < best.priority:  # "P1" < "P2": keep the strongest alert per signal
                signals[key] = signal
        kept = sorted(signals.values(), key=lambda s: s.occurred_at, reverse=True)
        heat = heat_rise([(s.priority, s.occurred_at) for s in kept], period_end, half_life)
        lines.append(AccountLine(account.get("id"), str(account.get("name") or "?"), account.get("domain"), account.get("tier"),
                                 account.get("owner_email"), account.get("owner_slack_id"), heat, tuple(kept)))
    lines.sort(key=lambda line: (-line.heat, line.name.lower()))
    return Digest(title, period_start, period_end, tuple(lines[:max_accounts]))
