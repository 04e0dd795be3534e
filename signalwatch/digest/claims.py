"""Claims made in Slack, as the digest shows owners: while a rep's claim on an account runs, the
digest lists the account under that rep (its line, the per-owner rollup, that rep's own digest).

A claim knows the rep by Slack id only; their email is taken from an account they own, so the
rollup still has one line per person. The account's stored owner is not changed (the claim ends
by itself), as for alerts (`signalwatch.feedback.holds.with_claims`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from signalwatch.accounts import Account
from signalwatch.feedback.holds import with_claims
from signalwatch.store import Store

__all__ = ["with_claimed_owners"]


def with_claimed_owners(store: Store, accounts: Iterable[Account], now: datetime) -> list[Account]:
    """`accounts` with the claims in force at `now` applied: the alerts' `with_claims` (the rep's
    Slack id), plus the rep's email from an account they own, so the rollup has one line per person."""
    listed = list(accounts)
    claimed = with_claims({account.id: account for account in listed}, store.engine, now)
    emails: dict[str | None, str | None] = {a.owner_slack_id: a.owner_email for a in listed if a.owner_slack_id and a.owner_email}
    return [account if (now_owned := claimed[account.id]) is account
            else replace(now_owned, owner_email=emails.get(now_owned.owner_slack_id)) for account in listed]
