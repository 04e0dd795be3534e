"""Rule effectiveness: per rule, the alerts it sent and what reps and the CRM made of them.

Feedback figures count actions on the alerts naming the rule (an alert several rules fired
into counts for each). CRM outcomes compare, for each window length (30 and 90 days), the
share of accounts alerted by the rule that got a new deal/opportunity within that many days
after their first alert in the period, with the share of ICP accounts the rule did not alert
in the period that got one over the same calendar windows (the rule's own alert windows, so
both groups face the same season and pipeline). Only windows that have closed count; the
counts are printed with each rate, so a small sample shows as one.

`effectiveness` is the one computation both readers call: `signalwatch rules report` and the
digest's weekly "Rule effectiveness" block; `share` and `outcome_cells` are the words both print.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from signalwatch.feedback.actions import REASONS
from signalwatch.feedback.ledger import Action
from signalwatch.store import OutboxStatus, Store
from signalwatch.store.outbox import DELIVERIES, MESSAGES, OUTBOX
from signalwatch.timeutil import as_utc

__all__ = ["SentAlert", "Outcome", "RuleFigures", "Effectiveness", "effectiveness", "sent_alerts", "rule_figures", "outcome",
           "share", "outcome_cells", "WINDOWS", "SMALL_SAMPLE"]

WINDOWS = (30, 90)  # days after an alert in which a new deal counts
SMALL_SAMPLE = 10  # fewer accounts than this in a group: the rate is marked as a small sample


@dataclass(frozen=True)
class SentAlert:
    """An alert delivered in the period: the rules it names, its account, when it was made."""

    rules: tuple[str, ...]
    account_id: int | None
    at: datetime


@dataclass(frozen=True)
class Outcome:
    """New deals within `days` after the rule's alerts, against ICP accounts it did not alert."""

    days: int
    alerted: int  # accounts whose window closed
    alerted_hits: int  # ... with a new deal in it
    open_windows: int  # accounts alerted too recently for their window to have closed
    control: int  # ICP accounts the rule did not alert in the period
    control_rate: float | None  # their mean share with a new deal over the same windows (None: no window closed)

    @property
    def rate(self) -> float | None:
        return self.alerted_hits / self.alerted if self.alerted else None

    @property
    def lift(self) -> float | None:
        if self.rate is None or not self.control_rate:
            return None
        return self.rate / self.control_rate

    @property
    def small(self) -> bool:
        return self.alerted < SMALL_SAMPLE or self.control < SMALL_SAMPLE


@dataclass
class RuleFigures:
    rule: str
    alerts: int = 0
    accounts: set[int] = field(default_factory=set)
    useful: int = 0
    not_useful: Counter[str] = field(default_factory=Counter)
    claimed: int = 0
    snoozed: int = 0
    acted_on: set[str] = field(default_factory=set)  # alert keys with a useful vote or a claim
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def votes(self) -> int:
        return self.useful + sum(self.not_useful.values())

    @property
    def not_useful_share(self) -> float | None:
        return sum(self.not_useful.values()) / self.votes if self.votes else None

    def reason_counts(self, limit: int | None = None) -> list[tuple[str, int]]:
        """(reason in words, votes) of the not-useful votes, most given first (the first `limit`)."""
        return [(REASONS.get(reason, reason), count) for reason, count in self.not_useful.most_common(limit)]

    def reasons(self) -> str:
        return ", ".join(f"{reason} {count}" for reason, count in self.reason_counts())

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "alerts": self.alerts, "accounts": len(self.accounts), "useful": self.useful,
            "not_useful": sum(self.not_useful.values()), "not_useful_by_reason": dict(self.not_useful.most_common()),
            "not_useful_share": self.not_useful_share, "claimed": self.claimed, "snoozed": self.snoozed,
            "acted_on": len(self.acted_on),
            "crm": [{"days": o.days, "alerted_accounts": o.alerted, "alerted_with_new_deal": o.alerted_hits, "rate": o.rate,
                     "windows_still_open": o.open_windows, "icp_accounts_without_alert": o.control,
                     "their_rate": o.control_rate, "lift": o.lift, "small_sample": o.small} for o in self.outcomes],
        }


def sent_alerts(store: Store, since: datetime, until: datetime) -> list[SentAlert]:
    """Alerts about an event made in [since, until) with at least one delivery sent, one per alert."""
    query = (sa.select(MESSAGES.c.id, MESSAGES.c.account_id, MESSAGES.c.created_at, MESSAGES.c.dictionary_id, MESSAGES.c.body,
                       OUTBOX.c.rule_id)
             .select_from(DELIVERIES)
             .where(MESSAGES.c.created_at >= since, MESSAGES.c.created_at < until, MESSAGES.c.event_id > 0,
                    OUTBOX.c.status == OutboxStatus.SENT)
             .order_by(MESSAGES.c.id))
    found: dict[int, SentAlert] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            if row.id in found:
                continue
            named = store.codec.unpack(conn, row.dictionary_id, bytes(row.body))["payload"].get("rules")
            rules = tuple(named) if isinstance(named, list) and named else (row.rule_id,)
            found[row.id] = SentAlert(rules, row.account_id, as_utc(row.created_at))
    return list(found.values())


def rule_figures(rules: Sequence[str], alerts: Iterable[SentAlert], actions: Iterable[Action]) -> dict[str, RuleFigures]:
    """Per rule (those in `rules`, then any other that sent or got feedback): alerts and actions."""
    figures: dict[str, RuleFigures] = {rule: RuleFigures(rule) for rule in rules}
    for alert in alerts:
        for rule in alert.rules:
            entry = figures.setdefault(rule, RuleFigures(rule))
            entry.alerts += 1
            if alert.account_id is not None:
                entry.accounts.add(alert.account_id)
    for action in actions:
        for rule in action.rules:
            entry = figures.setdefault(rule, RuleFigures(rule))
            if action.kind == "useful":
                entry.useful += 1
            elif action.kind == "not_useful":
                entry.not_useful[action.reason or "unknown"] += 1
            elif action.kind == "claim":
                entry.claimed += 1
            elif action.kind == "snooze":
                entry.snoozed += 1
            if action.kind in ("useful", "claim"):
                entry.acted_on.add(action.alert_key)
    return figures


def first_alerts(alerts: Iterable[SentAlert], rule: str) -> dict[int, datetime]:
    """Account → its first alert from `rule` in the period."""
    first: dict[int, datetime] = {}
    for alert in alerts:
        if rule in alert.rules and alert.account_id is not None:
            first[alert.account_id] = min(first.get(alert.account_id, alert.at), alert.at)
    return first


def _hit(deals: Sequence[datetime], start: datetime, end: datetime) -> bool:
    return any(start < created <= end for created in deals)


def outcome(first: Mapping[int, datetime], deals: Mapping[int, Sequence[datetime]], icp: Iterable[int], now: datetime,
            days: int) -> Outcome:
    """The `days`-day outcome of one rule from its accounts' first alerts (`first`), the new deals
    per account (creation times) and the ICP accounts; see the module docstring."""
    span = timedelta(days=days)
    closed = {account: at for account, at in first.items() if at + span <= now}
    control = [account for account in icp if account not in first]
    hits = sum(_hit(deals.get(account, ()), at, at + span) for account, at in closed.items())
    rate = None
    if closed and control:
        shares = [sum(_hit(deals.get(other, ()), at, at + span) for other in control) / len(control) for at in closed.values()]
        rate = sum(shares) / len(shares)
    return Outcome(days, len(closed), hits, len(first) - len(closed), len(control), rate)


def deals_by_account(deals: Iterable[tuple[str, str | None, datetime]], accounts: Mapping[tuple[str, str], int]) -> dict[int, list[datetime]]:
    """(crm, company id, created) of each new deal → creation times per watched account."""
    found: dict[int, list[datetime]] = defaultdict(list)
    for crm, company, created in deals:
        account = accounts.get((crm, company)) if company else None
        if account is not None:
            found[account].append(created)
    return dict(found)


@dataclass(frozen=True)
class Effectiveness:
    """Per rule figures of a period, as `effectiveness` found them."""

    since: datetime
    until: datetime
    alerts: list[SentAlert]  # sent in [since, until)
    actions: list[Action]  # taken since `since`
    figures: dict[str, RuleFigures]  # in the rule set's order, then any other rule that sent or got feedback
    crms: list[str]  # the connected CRMs
    problems: list[str]  # why CRM outcomes are missing although a CRM is connected (then no rule has any)
    cohort: tuple[datetime, datetime]  # the alerts whose CRM outcomes were measured were sent in this span

    @property
    def reps(self) -> int:
        return len({action.user_id for action in self.actions})

    @property
    def outcomes(self) -> bool:
        """Whether the rules carry CRM outcomes (a CRM is connected and was read)."""
        return bool(self.crms) and not self.problems


def effectiveness(settings: Any, store: Store, ruleset: Any, since: datetime, until: datetime, *,
                  windows: Sequence[int] = WINDOWS, cohort: tuple[datetime, datetime] | None = None) -> Effectiveness:
    """Every rule's figures for [since, until): alerts sent, actions on them and, with a CRM
    connected, new deals within each of `windows` days after the alerts sent in `cohort` (default:
    the period itself) against ICP accounts those alerts missed. Reads the store and the CRMs."""
    from signalwatch.feedback import ledger
    from signalwatch.feedback.deals import connected_crms

    alerts = sent_alerts(store, since, until)
    actions = ledger.actions_since(store.engine, since)
    figures = rule_figures([rule.id for rule in ruleset.rules], alerts, actions)
    crms = connected_crms(settings)
    cohort = cohort or (since, until)
    problems: list[str] = []
    if crms:
        measured = alerts if cohort == (since, until) else sent_alerts(store, *cohort)
        problems = _add_outcomes(settings, store, ruleset, crms, measured, figures, cohort[0], until, windows)
    return Effectiveness(since, until, alerts, actions, figures, crms, problems, cohort)


def _add_outcomes(settings: Any, store: Store, ruleset: Any, crms: Sequence[str], alerts: Sequence[SentAlert],
                  figures: Mapping[str, RuleFigures], since: datetime, now: datetime, windows: Sequence[int]) -> list[str]:
    """Fill each rule's CRM outcomes; the problems met reading the CRMs (then nothing is filled)."""
    from signalwatch.crm.sync import crm_ids
    from signalwatch.feedback.deals import NewDeal, new_deals
    from signalwatch.sinks.base import SinkError

    found: list[NewDeal] = []
    problems = []
    for crm in crms:
        try:
            found += new_deals(settings, crm, since)
        except (SinkError, ValueError) as exc:
            problems.append(f"{crm}: deals could not be read, no CRM outcomes: {exc}")
    if problems:
        return problems
    accounts = store.list_accounts()
    by_crm_id = {(crm, remote): account.id for account in accounts for crm, remote in crm_ids(account.crm_id).items()}
    deals = deals_by_account(found, by_crm_id)
    icp = [account.id for account in accounts if (fit := ruleset.icp.fit(account)).tier and not fit.excluded_by]
    for entry in figures.values():
        first = first_alerts(alerts, entry.rule)
        entry.outcomes = [outcome(first, deals, icp, now, days) for days in windows]
    return []


def share(part: int, whole: int) -> str:
    """"1 of 2 (50%)", or "-" of nothing."""
    return f"{part} of {whole} ({100 * part / whole:.0f}%)" if whole else "-"


def outcome_cells(o: Outcome) -> tuple[str, str, str]:
    """(the rule's accounts with a new deal, ICP accounts without an alert, the lift) in words."""
    if not o.alerted:
        return f"no window closed yet ({o.open_windows} open)", "-", "-"
    ours = share(o.alerted_hits, o.alerted) + (f", {o.open_windows} still open" if o.open_windows else "")
    theirs = f"{100 * o.control_rate:.1f}% of {o.control}" if o.control_rate is not None else f"- of {o.control}"
    lift = f"{o.lift:.1f}x" if o.lift is not None else "-"
    return ours, theirs, lift + (" (small sample)" if o.small else "")
