"""Build a digest: the accounts whose heat rose over the period, ranked, each with its new signals
strongest first and its low-value ones counted; the summary; the legend. Pure.

`build_ranking` ranks every account once; `Ranking.digest` cuts the digest of one audience from
it (the whole team, or one owner's accounts), so a morning with many owners ranks once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from signalwatch.accounts import Account
from signalwatch.alerts.render import what_happened
from signalwatch.digest.heat import heat_rise, heat_trend
from signalwatch.digest.legend import heat_legend
from signalwatch.digest.model import AccountLine, Alert, Collapsed, Digest, RuleBlock, Signal
from signalwatch.digest.summary import summarize
from signalwatch.events import SignalEvent
from signalwatch.eventtypes import kind_of
from signalwatch.matching.candidates import Candidate
from signalwatch.rules.policy import Scoring
from signalwatch.rules.ruleset import Suppression
from signalwatch.stories import retold

__all__ = ["Signal", "AccountLine", "Digest", "Ranking", "build_ranking", "build_digest", "arrange", "TierOf", "MINOR_SHOWN"]

# The account's ICP tier, or "excluded" for anti-ICP accounts (never in a digest).
TierOf = Callable[[Account], str | None]
TITLE = "Accounts heating up"
MINOR_SHOWN = 2  # of each low-value kind (job posts, tech changes) an account lists its strongest two
# How a count of collapsed signals reads; other minor kinds read "3 <type> signals".
_COUNTED = {"hiring": ("job post", "job posts"), "tech_stack": ("tech change", "tech changes")}


@dataclass(frozen=True)
class Ranking:
    """Every account whose heat rose over the period, ranked, with the period's P1 alerts and
    net-new candidates: what each audience's digest is cut from."""

    title: str
    period_start: datetime
    period_end: datetime
    lines: tuple[AccountLine, ...]
    alerts: tuple[Alert, ...]
    candidates: tuple[Candidate, ...]
    histories: Mapping[int, tuple[SignalEvent, ...]]  # account → its events, for the trend
    scoring: Scoring
    _trends: dict[int, tuple[float, ...]] = field(default_factory=dict, init=False, compare=False, repr=False)  # once per account

    def trend(self, line: AccountLine) -> tuple[float, ...]:
        """The account's heat over the last 30 days (the team's and its owner's digest share it)."""
        if line.account_id not in self._trends:
            self._trends[line.account_id] = heat_trend(self.histories[line.account_id], line.tier, self.scoring, self.period_end)
        return self._trends[line.account_id]

    def digest(self, max_accounts: int, owner: str | None = None, *, rules: RuleBlock | None = None) -> Digest:
        """The team's digest, or with `owner` (a Slack id or email) that owner's accounts only.
        Counts in the summary cover every account that heated up; the list shows the hottest.
        `rules`: the weekly rule effectiveness block, carried by the team's digest only."""
        lines = [line for line in self.lines if owner is None or line.owned_by(owner)]
        alerts = [alert for alert in self.alerts if owner is None or alert.owned_by(owner)]
        shown = tuple(replace(line, trend=self.trend(line)) for line in lines[:max_accounts])
        summary = summarize(lines, alerts, self.candidates if owner is None else (), per_owner=owner is None)
        return Digest(self.title, self.period_start, self.period_end, shown, summary, heat_legend(self.scoring),
                      rules if owner is None else None)


def _signal(event: SignalEvent, priority: str | None, share: float) -> Signal:
    record: dict[str, Any] = {"event": {"type": str(event.type), "change": event.change, "title": event.title,
                                        "attributes": dict(event.attributes)}}
    return Signal(what_happened(record), event.title, event.url, event.occurred_at, priority, event.source, str(event.type), share)


def _strongest_first(signal: Signal) -> tuple[float, int, float, str]:
    kind = kind_of(signal.kind)
    return -signal.share, kind.rank if kind else 99, -signal.occurred_at.timestamp(), signal.title


def arrange(signals: Iterable[Signal]) -> tuple[tuple[Signal, ...], tuple[Collapsed, ...]]:
    """(signals to list, strongest first; counts of the low-value ones left out). A signal of a minor
    kind (job posts, tech changes) is listed when it adds heat and is among its kind's strongest
    `MINOR_SHOWN`; every signal of another kind is listed."""
    shown: list[Signal] = []
    listed: dict[str, int] = defaultdict(int)
    left_out: dict[str, int] = defaultdict(int)
    for signal in sorted(signals, key=_strongest_first):
        kind = kind_of(signal.kind)
        if kind is not None and kind.minor and (signal.share <= 0 or listed[signal.kind] >= MINOR_SHOWN):
            left_out[signal.kind] += 1
            continue
        listed[signal.kind] += 1
        shown.append(signal)
    collapsed = []
    for name, count in left_out.items():
        kind = kind_of(name)
        singular, plural = _COUNTED.get(name, (f"{kind.noun if kind else name} signal", f"{kind.noun if kind else name} signals"))
        collapsed.append(Collapsed(plural, singular, count))
    collapsed.sort(key=lambda c: (-c.count, c.label))
    return tuple(shown), tuple(collapsed)


def holds_in_force(history: Iterable[SignalEvent], holds: Sequence[Suppression], end: datetime) -> tuple[str, ...]:
    """The account's holds (`after: layoffs`, `within: 60d`) running at `end`, each as "on hold
    until <day>: <its description>": the rules keep its growth alerts back, and the digest says so."""
    found = []
    for hold in holds:
        if hold.after is None:
            continue
        started = max((e.occurred_at for e in history if str(e.type) == hold.after and e.occurred_at <= end), default=None)
        if started is not None and started + timedelta(seconds=hold.within) > end:
            found.append(f"on hold until {started + timedelta(seconds=hold.within):%Y-%m-%d}: {hold.description}")
    return tuple(found)


def build_ranking(events: Sequence[SignalEvent], accounts: Mapping[int, Account], tier_of: TierOf, scoring: Scoring,
                  priorities: Mapping[str, str], period_start: datetime, period_end: datetime, *,
                  candidates: Sequence[Candidate] = (), title: str = TITLE, holds: Sequence[Suppression] = ()) -> Ranking:
    """`events`: matched events detected before `period_end`, far enough back for the heat;
    `priorities`: event dedupe key → the priority of the alert it caused; `holds`: the rules' holds."""
    by_account: dict[int, list[SignalEvent]] = defaultdict(list)
    for event in events:
        if event.account_id is not None and event.account_id in accounts:
            by_account[event.account_id].append(event)
    lines, alerts, histories = [], [], {}
    for account_id, history in by_account.items():
        new = [e for e in history if period_start <= e.detected_at < period_end]
        account = accounts[account_id]
        tier = tier_of(account)
        if not new or tier == "excluded":
            continue
        rise = heat_rise(history, tier, scoring, period_start, period_end)
        # Another outlet's report of a story (`signalwatch.stories`) is listed only when it raised the story's alert.
        signals = [_signal(e, priorities.get(e.dedupe_key), rise.shares.get(e.dedupe_key, 0.0)) for e in new
                   if not retold(e) or e.dedupe_key in priorities]
        alerts += [Alert(account_id, account.name, account.owner_email, account.owner_slack_id, s) for s in signals if s.priority == "P1"]
        if rise.rise <= 0:
            continue
        shown, collapsed = arrange(signals)
        lines.append(AccountLine(account_id, account.name, account.domain, tier, account.owner_email, account.owner_slack_id,
                                 rise.heat, rise.rise, shown, collapsed, holds=holds_in_force(history, holds, period_end)))
        histories[account_id] = tuple(history)
    lines.sort(key=lambda line: (-line.rise, line.name.lower()))
    rank = {line.account_id: n for n, line in enumerate(lines)}
    alerts.sort(key=lambda a: (rank.get(a.account_id, len(rank)), a.account.lower(), _strongest_first(a.signal)))
    return Ranking(title, period_start, period_end, tuple(lines), tuple(alerts), tuple(candidates), histories, scoring)


def build_digest(events: Sequence[SignalEvent], accounts: Mapping[int, Account], tier_of: TierOf, scoring: Scoring,
                 priorities: Mapping[str, str], period_start: datetime, period_end: datetime, *, max_accounts: int,
                 candidates: Sequence[Candidate] = (), title: str = TITLE) -> Digest:
    """The team's digest of the period (`build_ranking(...).digest(max_accounts)`)."""
    ranking = build_ranking(events, accounts, tier_of, scoring, priorities, period_start, period_end,
                            candidates=candidates, title=title)
    return ranking.digest(max_accounts)
