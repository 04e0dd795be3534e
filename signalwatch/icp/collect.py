"""Closed deals -> DealFacts: each deal's watched account and its stored events (read only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from signalwatch.icp.deals import ClosedDeal
from signalwatch.icp.features import DealFacts, deal_facts, window_of
from signalwatch.icp.history import account_events
from signalwatch.icp.match import AccountIndex
from signalwatch.store import Store

__all__ = ["collect_facts"]


def collect_facts(store: Store, index: AccountIndex, deals: Sequence[ClosedDeal], window: timedelta) -> list[DealFacts]:
    """The facts of every deal: two reads of the events table (the signal windows, the tech stacks)."""
    accounts = [index.find(deal.company) for deal in deals]
    ids = {account.id for account in accounts if account is not None}
    if not deals:
        return []
    windows = [window_of(deal.closed_on, window) for deal in deals]
    signals = account_events(store, ids, since=min(start for start, _ in windows), until=max(end for _, end in windows)) if ids else {}
    stacks = account_events(store, ids, types={"tech_stack"}) if ids else {}
    return [deal_facts(deal, account, signals.get(account.id, []) if account else [],
                       stacks.get(account.id, []) if account else [], window)
            for deal, account in zip(deals, accounts)]
