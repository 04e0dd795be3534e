"""Snoozes and claims made in Slack, applied where the daemon decides.

A snooze becomes a suppression of every rule for its account until it ends: the same
mechanism as a `kind: suppression` rule file entry, so the engine needs nothing new, and
`signalwatch explain` names it ("suppressed by snoozed in Slack …"). Suppressions are part of the
rule set the engine is built from, so `with_snoozes` runs wherever an engine is built from the
store (start, rule reload, and whenever the stored snoozes change); they come from the store,
so they hold across restarts. A claim makes the clicking rep the account's owner for owner DMs
until it ends (`with_claims`, applied to the accounts a poll evaluates).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from sqlalchemy.engine import Engine

from signalwatch.accounts import Account
from signalwatch.feedback import ledger
from signalwatch.rules.conditions import Match, Test
from signalwatch.rules.ruleset import RuleSet, Suppression

__all__ = ["SNOOZE_PREFIX", "with_snoozes", "with_claims", "snooze_suppressions"]

SNOOZE_PREFIX = "snoozed in Slack"


def snooze_suppressions(snoozes: list[ledger.Hold]) -> tuple[Suppression, ...]:
    """One suppression of every rule per snoozed account, ending with its snooze."""
    return tuple(
        Suppression(id=f"{SNOOZE_PREFIX} by {hold.user_name} until {hold.until:%Y-%m-%d %H:%M} UTC",
                    description=f"account {hold.account_id} snoozed {hold.days} d from Slack",
                    match=Match(tests=(Test("account.id", "eq", hold.account_id),)), expires=hold.until, rule_ids=None)
        for hold in snoozes
    )


def with_snoozes(ruleset: RuleSet, engine: Engine, now: datetime) -> RuleSet:
    """`ruleset` with the snoozes in force as suppressions (those of an earlier call replaced)."""
    kept = tuple(s for s in ruleset.suppressions if not s.id.startswith(SNOOZE_PREFIX))
    return replace(ruleset, suppressions=kept + snooze_suppressions(ledger.snoozes(engine, now)))


def with_claims(accounts: Mapping[int, Account], engine: Engine, now: datetime) -> Mapping[int, Account]:
    """`accounts` with each claimed account's owner (for owner DMs) the rep who claimed it."""
    held = ledger.claims(engine, now)
    if not held:
        return accounts
    found = dict(accounts)
    for account_id, hold in held.items():
        account = found.get(account_id)
        if account is not None and account.owner_slack_id != hold.user_id:
            found[account_id] = replace(account, owner_slack_id=hold.user_id)
    return found
