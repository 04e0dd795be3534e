"""The weekly "Rule effectiveness" block of the team's digest: on the configured weekday, the figures
of `signalwatch rules report` for the last 7 days (computed by the same function), with the
new-deal outcome of the alerts whose 30-day window closed during the week.

Why that cohort: a deal "within 30 days after the alert" can only be counted once 30 days have
passed, so the week's own alerts have no outcome yet; the alerts sent 30 to 37 days ago are the
ones whose window closed this week, each week a fresh set.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from signalwatch.digest.config import DigestConfig
from signalwatch.digest.model import DealRow, RuleBlock, RuleRow
from signalwatch.digest.schedule import latest_occurrence
from signalwatch.feedback.report import Effectiveness, effectiveness, outcome_cells
from signalwatch.rules.ruleset import RuleSet
from signalwatch.store import Store

__all__ = ["WEEK", "DEAL_DAYS", "TOP_REASONS", "NO_CRM", "rules_due", "block_of", "rule_block", "weekly_rule_block",
           "WeeklyRules"]

WEEK = timedelta(days=7)
DEAL_DAYS = 30  # the shorter of the report's two windows: the longer one would measure alerts three months old
TOP_REASONS = 3  # not-useful reasons named per rule, most given first
log = logging.getLogger(__name__)
NO_CRM = "No CRM connected (sinks.hubspot or sinks.salesforce): no deal outcomes."


def rules_due(config: DigestConfig, now: datetime) -> bool:
    """Whether the digest sent at `now` is the one of the block's weekday (in the digest's time
    zone; a digest caught up after downtime counts for the day it was due)."""
    weekday = config.rules_weekday
    if weekday is None:
        return False
    due = latest_occurrence(config, now) or now.astimezone(ZoneInfo(config.timezone))
    return due.weekday() == weekday


def block_of(found: Effectiveness, deal_days: int = DEAL_DAYS) -> RuleBlock:
    """The block of a week's figures (pure): rules that sent an alert, most alerts first."""
    figures = sorted((f for f in found.figures.values() if f.alerts), key=lambda f: (-f.alerts, f.rule))
    rows = tuple(RuleRow(f.rule, f.alerts, f.useful, sum(f.not_useful.values()),
                         tuple(f.reason_counts(TOP_REASONS)),
                         f.claimed, f.snoozed, len(f.acted_on)) for f in figures)
    deals = tuple(DealRow(f.rule, *outcome_cells(o)) for f in found.figures.values() for o in f.outcomes if o.alerted)
    note = None if found.outcomes else NO_CRM if not found.crms else "; ".join(found.problems)
    return RuleBlock(found.since, found.until, len(found.alerts), len(found.actions), found.reps, rows, deal_days,
                     found.cohort if found.outcomes else None, deals, note)


def rule_block(store: Store, settings: Any, ruleset: RuleSet, now: datetime) -> RuleBlock:
    """The last 7 days' block (reads the store, and the CRMs when connected)."""
    since = now - WEEK
    cohort = (since - timedelta(days=DEAL_DAYS), now - timedelta(days=DEAL_DAYS))
    return block_of(effectiveness(settings, store, ruleset, since, now, windows=(DEAL_DAYS,), cohort=cohort))


def weekly_rule_block(store: Store, settings: Any, ruleset: RuleSet, config: DigestConfig, now: datetime) -> RuleBlock | None:
    """The block when the digest sent at `now` should carry it, else None (nothing is read)."""
    return rule_block(store, settings, ruleset, now) if rules_due(config, now) else None


class WeeklyRules:
    """`weekly_rule_block` for a daemon's digest job, which checks every few minutes whether a digest
    is due: the block is read once per due digest (its CRM read included), not on every check."""

    def __init__(self, store: Store, settings: Any, config: DigestConfig) -> None:
        self._store, self._settings, self._config = store, settings, config
        self._due: datetime | None = None
        self._block: RuleBlock | None = None

    def __call__(self, ruleset: RuleSet, now: datetime) -> RuleBlock | None:
        """The block for the digest due at `now` (`ruleset`: the rules in force, reloads included)."""
        if not rules_due(self._config, now):
            return None
        due = latest_occurrence(self._config, now)
        if due is None or due != self._due:
            try:
                block = rule_block(self._store, self._settings, ruleset, now)
            except Exception:  # the digest goes out without its block rather than not at all
                log.exception("digest: the rule effectiveness block could not be built; the digest is sent without it")
                return None
            self._due, self._block = due, block
        return self._block
