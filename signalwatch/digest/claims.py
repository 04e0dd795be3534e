"""Claims made in Slack, as the digest shows owners: while a rep's claim on an account runs, the
digest lists the account under that rep (its line, the per-owner rollup, that rep's own digest).

A claim knows the rep by Slack id only; their email is taken from an account they own, so the
rollup still has one line per person. The account's stored owner is not changed (the claim ends
by itself), as for alerts (`signalwatch.feedback.holds.with_claims`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from signalwatch.accounts import Account
from signalwatch.feedback import ledger
from signalwatch.store import Store

__all__ = ["claimed_owners", "with_claimed_owners"]


def claimed_owners(accounts: Iterable[Account], claims: Mapping[int, ledger.Hold]) -> list[Account]:
    """`accounts` with each claimed one's owner the rep who claimed it (pure)."""
    accounts = list(accounts)
    if not claims:
        return accounts
    emails = {a.owner_slack_id: a.owner_email for a in accounts if a.owner_slack_id and a.owner_email}
    found = []
    for account in accounts:
        hold = claims.get(account.id)
        if hold is not None and hold.user_id != account.owner_slack_id:
            account = replace(account, owner_slack_id=hold.user_id, owner_email=emails.get(hold.user_id))
        found.append(account)
    return found


def with_claimed_owners(store: Store, accounts: Iterable[Account], now: datetime) -> list[Account]:
    """`accounts` with the claims in force at `now` applied (reads the claims)."""
    return claimed_owners(accounts, ledger.claims(store.engine, now))
