"""The digest as data: its account lines, their signals, its summary; the renderers read only these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from signalwatch.matching.candidates import Candidate

__all__ = ["Signal", "Collapsed", "AccountLine", "Alert", "OwnerLine", "Summary", "RuleRow", "DealRow", "RuleBlock", "Digest"]


@dataclass(frozen=True)
class Signal:
    """One new signal of an account, as the digest shows it."""

    what: str
    title: str
    url: str | None
    occurred_at: datetime
    priority: str | None  # the alert's priority when a rule alerted on it
    source: str
    kind: str = ""  # the event type
    share: float = 0.0  # its share of the account's heat at the period's end


@dataclass(frozen=True)
class Collapsed:
    """Low-value signals of one kind an account line counts instead of listing ("14 tech changes")."""

    label: str  # plural noun: "tech changes"
    singular: str  # "tech change"
    count: int

    @property
    def text(self) -> str:
        return f"{self.count} {self.singular if self.count == 1 else self.label}"


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
    signals: tuple[Signal, ...]  # strongest first
    collapsed: tuple[Collapsed, ...] = ()
    trend: tuple[float, ...] = ()  # heat each day of the last 30, oldest first, ending now
    holds: tuple[str, ...] = ()  # holds in force at the period's end: "on hold until 2027-02-01: <the hold's description>"

    def owned_by(self, owner: str) -> bool:
        return owner in (self.owner_slack_id, self.owner_email)


@dataclass(frozen=True)
class Alert:
    """A P1 alert of the period, on the signal it was raised for."""

    account_id: int
    account: str
    owner_email: str | None
    owner_slack_id: str | None
    signal: Signal

    def owned_by(self, owner: str) -> bool:
        return owner in (self.owner_slack_id, self.owner_email)


@dataclass(frozen=True)
class OwnerLine:
    """One owner's share of the period: their accounts heating up (hottest first) and new P1 alerts."""

    owner_email: str | None  # both None: accounts nobody owns
    owner_slack_id: str | None
    accounts: tuple[str, ...]
    p1: int


@dataclass(frozen=True)
class Summary:
    heating: int = 0  # accounts whose heat rose (all of them, not only those listed)
    hottest: tuple[tuple[str, float], ...] = ()  # (name, rise) of the first few
    p1_alerts: tuple[Alert, ...] = ()
    owners: tuple[OwnerLine, ...] = ()  # empty in an owner's own digest
    candidates: tuple[Candidate, ...] = field(default=())  # biggest raise first

    @property
    def empty(self) -> bool:
        return not (self.heating or self.p1_alerts or self.candidates)


@dataclass(frozen=True)
class RuleRow:
    """One rule's week: what reps said and did about its alerts (counts; words are the renderers')."""

    rule: str
    alerts: int
    useful: int
    not_useful: int
    reasons: tuple[tuple[str, int], ...]  # (reason in words, count), most given first
    claimed: int
    snoozed: int
    acted_on: int  # alerts with a useful vote or a claim


@dataclass(frozen=True)
class DealRow:
    """One rule's CRM outcome, in the words of `signalwatch rules report`."""

    rule: str
    with_deal: str  # "1 of 2 (50%)": the rule's alerted accounts with a new deal
    without_alert: str  # "10.0% of 8": the same rate for ICP accounts the rule did not alert
    lift: str  # "5.0x (small sample)"


@dataclass(frozen=True)
class RuleBlock:
    """The weekly "Rule effectiveness" block of the team's digest: the same figures as
    `signalwatch rules report` for the last 7 days."""

    since: datetime
    until: datetime
    alerts: int  # sent in the week, by every rule
    actions: int
    reps: int
    rules: tuple[RuleRow, ...]  # rules that sent an alert in the week, most alerts first
    deal_days: int = 30
    cohort: tuple[datetime, datetime] | None = None  # sent in this span, their deal window closed this week
    deals: tuple[DealRow, ...] = ()  # rules with an alert in the cohort
    crm_note: str | None = None  # why there are no deal figures (no CRM connected, or it could not be read)


@dataclass(frozen=True)
class Digest:
    title: str
    period_start: datetime
    period_end: datetime
    accounts: tuple[AccountLine, ...] = ()  # the hottest, ranked, as many as the digest lists
    summary: Summary = Summary()
    legend: tuple[str, ...] = ()  # how to read heat, plain sentences
    rules: RuleBlock | None = None  # the weekly rule effectiveness block, on its day, in the team's digest

    @property
    def quiet(self) -> bool:
        return not self.accounts and self.summary.empty and self.rules is None
