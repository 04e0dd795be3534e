"""The rules engine: single, composite and suppression rules, cooldowns, caps and priority.

`Engine.evaluate` is pure given its state: `now` is passed in, and it returns the alerts
plus a `Delta` of state changes that the caller applies only after the poll transaction
committed (`Engine.apply`). State — recent composite hits, account heat, last alert per
(rule, account), alerts per account per day — is rebuilt from the store at start
(`warm_up`), so a restart neither floods nor forgets a cooldown. The daemon, `rules test`
and `rules backtest` all run this same code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from signalwatch.accounts import Account
from signalwatch.events import SignalEvent, make_dedupe_key
from signalwatch.matchindex import MatchIndex
from signalwatch.ruleset import Fit, Rule, RuleSet, account_record, event_record
from signalwatch.scoring import HeatState
from signalwatch.store import AlertDraft

__all__ = ["Engine", "Delta", "Evaluation", "build_payload"]

MAX_HITS_PER_ACCOUNT = 2000  # composite memory per account; older hits drop first
EVIDENCE_SHOWN = 5


@dataclass(frozen=True)
class Hit:
    """An event that matched some event-level selection of a composite rule."""

    occurred_at: datetime
    event_key: str
    title: str
    url: str | None
    selections: frozenset[tuple[str, str]]  # (rule id, selection name)


@dataclass
class AccountState:
    heat: HeatState = field(default_factory=HeatState)
    hits: list[Hit] = field(default_factory=list)

    def copy(self) -> AccountState:
        return AccountState(self.heat.copy(), list(self.hits))


@dataclass
class Delta:
    """State changes of one evaluation, applied after its transaction commits."""

    accounts: dict[int, AccountState] = field(default_factory=dict)
    last_alert: dict[tuple[str, int], datetime] = field(default_factory=dict)
    daily: dict[tuple[int, date], int] = field(default_factory=dict)


@dataclass(frozen=True)
class Evaluation:
    drafts: list[AlertDraft]
    delta: Delta
    skipped: list[tuple[str, str, str]]  # (rule id, event key, reason): cooldown, cap, suppressed


class Engine:
    """Evaluates events against one RuleSet. Not thread-safe: the pipeline serializes calls."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        self._accounts: dict[int, AccountState] = {}
        self._last_alert: dict[tuple[str, int], datetime] = {}
        self._daily: dict[tuple[int, date], int] = defaultdict(int)
        self._fits: dict[int, tuple[Account, Fit]] = {}
        # Composite selections, and single rules with one selection, are found through a
        # discriminator index, so an event only meets the blocks that could hold for it.
        self._composite_index: MatchIndex[tuple[str, str]] = MatchIndex(
            ((rule.id, selection.name), selection.match)
            for rule in ruleset.rules if rule.kind == "composite" for selection in rule.event_selections
        )
        # Single rules whose condition is one selection are found through the index too.
        self._single_index: MatchIndex[str] = MatchIndex(
            (rule.id, rule.selections[0].match) for rule in ruleset.rules
            if rule.kind == "single" and len(rule.selections) == 1 and rule.condition.text == rule.selections[0].name
        )
        indexed = set(self._single_index.keys())
        # Single rules by the event types they can match; composite rules are only checked
        # for events that matched one of their selections (see `_observe`).
        self._order = {rule.id: i for i, rule in enumerate(ruleset.rules)}
        self._rules_by_id = {rule.id: rule for rule in ruleset.rules}
        self._by_type: dict[str, list[Rule]] = defaultdict(list)
        self._any_type: list[Rule] = []
        for rule in ruleset.rules:
            if rule.kind != "single" or rule.id in indexed:
                continue
            if rule.event_types is None:
                self._any_type.append(rule)
            else:
                for kind in rule.event_types:
                    self._by_type[kind].append(rule)
        for rules in self._by_type.values():
            rules.extend(self._any_type)
            rules.sort(key=lambda r: self._order[r.id])
        composite_windows = [r.window for r in ruleset.rules if r.kind == "composite" and r.window]
        self.history_window = max(composite_windows, default=timedelta(0))
        half_lives = list(ruleset.policy.scoring.half_life.values())
        self.heat_window = 4 * max(half_lives, default=timedelta(days=30))

    # -- state ------------------------------------------------------------------------

    def warm_up(self, events: Iterable[SignalEvent], alerts: Iterable[tuple[str, int | None, datetime]],
                accounts: Mapping[int, Account], now: datetime) -> None:
        """Rebuild state from stored events (oldest first) and enqueued alerts, without alerting."""
        for event in events:
            account = accounts.get(event.account_id) if event.account_id is not None else None
            if account is not None:
                state = self._accounts.setdefault(account.id, AccountState())
                self._observe(state, event, self._record(event, account_record(account, self.fit(account))), now)
        for rule_id, account_id, created_at in alerts:
            if account_id is None:
                continue
            key = (rule_id, account_id)
            if key not in self._last_alert or created_at > self._last_alert[key]:
                self._last_alert[key] = created_at
            if created_at.date() == now.date():
                self._daily[(account_id, now.date())] += 1

    def apply(self, delta: Delta) -> None:
        self._accounts.update(delta.accounts)
        self._last_alert.update(delta.last_alert)
        self._daily.update(delta.daily)

    def heat(self, account: Account, now: datetime) -> float:
        state = self._accounts.get(account.id)
        return state.heat.value(self.fit(account).tier, self.ruleset.policy.scoring, now) if state else 0.0

    def fit(self, account: Account) -> Fit:
        cached = self._fits.get(account.id)
        if cached is None or cached[0] != account:
            cached = (account, self.ruleset.icp.fit(account))
            self._fits[account.id] = cached
        return cached[1]

    # -- evaluation -------------------------------------------------------------------

    def evaluate(self, events: Sequence[SignalEvent], accounts: Mapping[int, Account], now: datetime) -> Evaluation:
        delta = Delta()
        drafts: list[AlertDraft] = []
        skipped: list[tuple[str, str, str]] = []
        for event in events:
            account = accounts.get(event.account_id) if event.account_id is not None else None
            fit = self.fit(account) if account is not None else None
            if fit is not None and fit.excluded_by:
                continue
            record = self._record(event, account_record(account, fit))
            state = None
            if account is not None:
                state = delta.accounts.get(account.id) or self._accounts.get(account.id, AccountState()).copy()
                delta.accounts[account.id] = state
                self._observe(state, event, record, now)
            suppressed = self._suppressed(record, now)
            for rule in self._candidates(event, record, state):
                verdict = self._rule_verdict(rule, event, record, state, now)
                if verdict is not None:
                    continue
                reason = self._blocked(rule, account, suppressed, delta, now)
                if reason:
                    skipped.append((rule.id, event.dedupe_key, reason))
                    continue
                drafts.extend(self._fire(rule, event, account, fit, record, state, delta, now))
        return Evaluation(drafts, delta, skipped)

    def _candidates(self, event: SignalEvent, record: dict[str, Any], state: AccountState | None) -> list[Rule]:
        """Rules that could fire for `event`, in rule-file order."""
        rules = list(self._by_type.get(str(event.type), self._any_type))
        rules += [self._rules_by_id[rule_id] for rule_id in self._single_index.matching(record)]
        if state is not None:
            rules += [self._rules_by_id[rule_id] for rule_id in {rule_id for rule_id, _ in self._hits_of(state, event)}]
        return sorted(rules, key=lambda r: self._order[r.id])

    def explain(self, event: SignalEvent, account: Account | None, now: datetime) -> list[tuple[str, str | None]]:
        """For every rule: None when it would fire for `event`, else why not (first failing condition)."""
        fit = self.fit(account) if account is not None else None
        if fit is not None and fit.excluded_by:
            return [(rule.id, f"account excluded by anti-ICP entry {fit.excluded_by!r}") for rule in self.ruleset.rules]
        record = self._record(event, account_record(account, fit))
        state = self._accounts.get(account.id, AccountState()).copy() if account is not None else None
        if state is not None and not any(h.event_key == event.dedupe_key for h in state.hits):
            self._observe(state, event, record, now)
        suppressed = self._suppressed(record, now)
        verdicts: list[tuple[str, str | None]] = []
        for rule in self.ruleset.rules:
            verdict = self._rule_verdict(rule, event, record, state, now, explain=True)
            if verdict is None and (rule.id in suppressed or "*" in suppressed):
                verdict = f"suppressed by {suppressed.get(rule.id) or suppressed.get('*')}"
            verdicts.append((rule.id, verdict))
        return verdicts

    def _record(self, event: SignalEvent, account_fields: dict[str, Any] | None) -> dict[str, Any]:
        return {"event": event_record(event), "account": account_fields}

    def _observe(self, state: AccountState, event: SignalEvent, record: dict[str, Any], now: datetime) -> None:
        """Add the event to the account's heat and to the hits of composite selections it matches."""
        state.heat.add(str(event.type), event.change, event.occurred_at, self.ruleset.policy.scoring)
        if self.history_window <= timedelta(0) or now - event.occurred_at > self.history_window:
            return
        matched = frozenset(self._composite_index.matching(record)) if len(self._composite_index) else frozenset()
        if not matched:
            return
        cutoff = now - self.history_window
        state.hits = [h for h in state.hits if h.occurred_at >= cutoff and h.event_key != event.dedupe_key]
        state.hits.append(Hit(event.occurred_at, event.dedupe_key, event.title, event.url, matched))
        del state.hits[:-MAX_HITS_PER_ACCOUNT]

    def _rule_verdict(self, rule: Rule, event: SignalEvent, record: dict[str, Any], state: AccountState | None,
                      now: datetime, explain: bool = False) -> str | None:
        """None when `rule` fires for this event (before cooldowns and caps), else why not.
        Reasons are only spelled out when `explain` is set: this runs for every event."""
        if now - event.occurred_at > rule.max_age:
            return f"event older than max_age ({rule.max_age.days}d)"
        if rule.kind == "single":
            counts = {s.name: int(s.match.matches(record)) for s in rule.selections}
            if rule.condition(counts):
                return None
            if not explain:
                return "no match"
            failing = next((s for s in rule.selections if not counts[s.name]), None)
            return failing.match.first_failure(record) if failing else f"condition {rule.condition.text!r} is false"
        if state is None:
            return "composite rules need a matched account"
        hits = self._hits_of(state, event)
        if not any((rule.id, s.name) in hits for s in rule.event_selections):
            if not explain:
                return "no match"
            failing = rule.event_selections[0]
            return failing.match.first_failure(record) or "no event selection matched"
        assert rule.window is not None
        cutoff = now - rule.window
        counts = {s.name: int(s.match.matches(record)) for s in rule.selections if not s.event_level}
        for selection in rule.event_selections:
            counts[selection.name] = sum(1 for h in state.hits if h.occurred_at >= cutoff and (rule.id, selection.name) in h.selections)
        if rule.condition(counts):
            return None
        if not explain:
            return "no match"
        summary = ", ".join(f"{name}={count}" for name, count in sorted(counts.items()))
        return f"condition {rule.condition.text!r} is false within {rule.window.days}d ({summary})"

    @staticmethod
    def _hits_of(state: AccountState, event: SignalEvent) -> frozenset[tuple[str, str]]:
        for hit in reversed(state.hits):
            if hit.event_key == event.dedupe_key:
                return hit.selections
        return frozenset()

    def _suppressed(self, record: dict[str, Any], now: datetime) -> dict[str, str]:
        """Rule id (or "*" for all) → the suppression that silences it for this account."""
        found: dict[str, str] = {}
        if record["account"] is None:
            return found
        for suppression in self.ruleset.suppressions:
            if suppression.active(now) and suppression.match.matches(record):
                for rule_id in suppression.rule_ids or ("*",):
                    found.setdefault(rule_id, suppression.id)
        return found

    def _blocked(self, rule: Rule, account: Account | None, suppressed: dict[str, str], delta: Delta, now: datetime) -> str | None:
        if rule.id in suppressed or "*" in suppressed:
            return f"suppressed by {suppressed.get(rule.id) or suppressed['*']}"
        if account is None:
            return None
        key = (rule.id, account.id)
        last = delta.last_alert.get(key) or self._last_alert.get(key)
        if rule.cooldown and last is not None and now - last < rule.cooldown:
            return f"cooldown until {(last + rule.cooldown):%Y-%m-%d %H:%M}"
        cap = self.ruleset.policy.limits.per_account_daily
        day = (account.id, now.date())
        if cap is not None and delta.daily.get(day, self._daily.get(day, 0)) >= cap:
            return f"daily cap of {cap} alerts for this account reached"
        return None

    def _fire(self, rule: Rule, event: SignalEvent, account: Account | None, fit: Fit | None, record: dict[str, Any],
              state: AccountState | None, delta: Delta, now: datetime) -> list[AlertDraft]:
        scoring = self.ruleset.policy.scoring
        heat = state.heat.value(fit.tier if fit else None, scoring, now) if state else 0.0
        priority = scoring.band(heat) if rule.priority == "auto" else rule.priority
        evidence = self._evidence(rule, state, event, now)
        payload = build_payload(rule, event, account, fit, priority, heat, evidence)
        drafts = []
        for route, when in rule.routes:
            if when is not None and not when.matches(record):
                continue
            target = route.channel
            if route.to == "owner" and account is not None:
                if account.owner_slack_id:
                    target = account.owner_slack_id
                elif account.owner_email:
                    target = f"email:{account.owner_email}|{route.channel or ''}"
            not_before = None
            if route.window:
                not_before = self.ruleset.policy.delivery_windows[route.window].next_open(now)
            key = make_dedupe_key("alert", rule.id, event.account_id, event.dedupe_key, route.sink, target)
            drafts.append(AlertDraft(key, rule.id, event.account_id, event.dedupe_key, route.sink, target, priority, payload, not_before))
        if account is not None and drafts:
            delta.last_alert[(rule.id, account.id)] = now
            day = (account.id, now.date())
            delta.daily[day] = delta.daily.get(day, self._daily.get(day, 0)) + 1
        return drafts

    @staticmethod
    def _evidence(rule: Rule, state: AccountState | None, event: SignalEvent, now: datetime) -> list[dict[str, Any]]:
        if rule.kind != "composite" or state is None or rule.window is None:
            return []
        cutoff = now - rule.window
        hits = [h for h in state.hits if h.occurred_at >= cutoff and any(r == rule.id for r, _ in h.selections)]
        hits.sort(key=lambda h: h.occurred_at, reverse=True)
        return [{"title": h.title, "url": h.url, "occurred_at": h.occurred_at.isoformat()} for h in hits[:EVIDENCE_SHOWN]]


def build_payload(rule: Rule, event: SignalEvent, account: Account | None, fit: Fit | None, priority: str,
                  heat: float, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything a sink needs to render the alert, frozen at enqueue time."""
    why = [f"Rule {rule.id}: {rule.description}"]
    for selection in rule.selections:
        described = selection.match.describe()
        if described:
            label = "" if selection.name == "match" else f"{selection.name}: "
            why.append(f"Matched {label}" + "; ".join(described))
    if rule.kind == "composite" and evidence:
        why.append(f"{len(evidence)} related signal(s) within {rule.window.days if rule.window else 0}d")
    if fit is not None and fit.tier:
        why.append(f"ICP tier {fit.tier} ({fit.tier_label})" + (": " + "; ".join(fit.criteria) if fit.criteria else ""))
    if event.match_method and event.match_method not in ("none", "ambiguous") and account is not None:
        why.append(f"Matched to {account.name} by {event.match_method} (confidence {event.match_confidence or 0:.2f})")
    if account is not None:
        why.append(f"Account heat {heat:.1f}")
    return {
        "rule": {"id": rule.id, "description": rule.description, "kind": rule.kind},
        "priority": priority,
        "heat": round(heat, 2),
        "angle": rule.angle,
        "why": why,
        "evidence": evidence,
        "account": None if account is None else {
            "id": account.id, "name": account.name, "domain": account.domain,
            "tier": fit.tier if fit else None, "tier_label": fit.tier_label if fit else None,
            "owner_email": account.owner_email, "owner_slack_id": account.owner_slack_id,
        },
        "event": {
            "type": str(event.type), "change": event.change, "title": event.title, "summary": event.summary[:500],
            "url": event.url, "source": event.source, "occurred_at": event.occurred_at.isoformat(),
            "company_name": event.company_name, "attributes": event_record(event)["attributes"],
            "dedupe_key": event.dedupe_key,
        },
    }
