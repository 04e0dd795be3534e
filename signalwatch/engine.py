"""Evaluate new events against the rule set: pure, `now` is passed in.

An alert is identified by (rule, account, evidence event, sink, target). Editing a rule's
text keeps its id, so the same evidence never fires again after an edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from signalwatch.accounts import Account
from signalwatch.events import SignalEvent, make_dedupe_key
from signalwatch.ruleset import Fit, Rule, RuleSet, account_record, event_record
from signalwatch.store import AlertDraft

__all__ = ["evaluate", "explain", "build_payload"]


def evaluate(
    events: Sequence[SignalEvent], accounts: Mapping[int, Account], ruleset: RuleSet, now: datetime
) -> list[AlertDraft]:
    """Alerts to enqueue for `events`. Excluded (anti-ICP) accounts never alert."""
    drafts: list[AlertDraft] = []
    fits: dict[int, Fit] = {}
    for event in events:
        account = accounts.get(event.account_id) if event.account_id is not None else None
        fit = None
        if account is not None:
            fit = fits.setdefault(account.id, ruleset.icp.fit(account))
            if fit.excluded_by:
                continue
        record = {"event": event_record(event), "account": account_record(account, fit)}
        for rule in ruleset.rules:
            if now - event.occurred_at > rule.max_age or not rule.match.matches(record):
                continue
            payload = build_payload(rule, event, account, fit)
            for route in rule.routes:
                target = route.channel
                if route.to == "owner" and account is not None and account.owner_slack_id:
                    target = account.owner_slack_id
                key = make_dedupe_key("alert", rule.id, event.account_id, event.dedupe_key, route.sink, target)
                drafts.append(AlertDraft(key, rule.id, event.account_id, event.dedupe_key, route.sink, target, rule.priority, payload))
    return drafts


def explain(event: SignalEvent, account: Account | None, ruleset: RuleSet, now: datetime) -> list[tuple[str, str | None]]:
    """For each rule: (rule id, None when it matches, else the first failing condition)."""
    fit = ruleset.icp.fit(account) if account is not None else None
    if fit is not None and fit.excluded_by:
        return [(rule.id, f"account excluded by anti-ICP entry {fit.excluded_by!r}") for rule in ruleset.rules]
    record = {"event": event_record(event), "account": account_record(account, fit)}
    verdicts = []
    for rule in ruleset.rules:
        if now - event.occurred_at > rule.max_age:
            verdicts.append((rule.id, f"event older than max_age {rule.max_age}"))
        else:
            verdicts.append((rule.id, rule.match.first_failure(record)))
    return verdicts


def build_payload(rule: Rule, event: SignalEvent, account: Account | None, fit: Fit | None) -> dict[str, Any]:
    """Everything a sink needs to render the alert, frozen at enqueue time."""
    why = [f"Rule {rule.id}: {rule.description}"]
    conditions = rule.match.describe()
    if conditions:
        why.append("Matched " + "; ".join(conditions))
    if fit is not None and fit.tier:
        why.append(f"ICP tier {fit.tier} ({fit.tier_label})" + (": " + "; ".join(fit.criteria) if fit.criteria else ""))
    if event.match_method and event.match_method not in ("none", "ambiguous") and account is not None:
        why.append(f"Matched to {account.name} by {event.match_method} (confidence {event.match_confidence:.2f})")
    return {
        "rule": {"id": rule.id, "description": rule.description},
        "priority": rule.priority,
        "angle": rule.angle,
        "why": why,
        "account": None if account is None else {
            "id": account.id, "name": account.name, "domain": account.domain,
            "tier": fit.tier if fit else None, "tier_label": fit.tier_label if fit else None,
            "owner_email": account.owner_email, "owner_slack_id": account.owner_slack_id,
        },
        "event": {
            "type": str(event.type), "change": event.change, "title": event.title, "summary": event.summary[:500],
            "url": event.url, "source": event.source, "occurred_at": event.occurred_at.isoformat(),
            "company_name": event.company_name, "attributes": event.model_dump(mode="json")["attributes"],
            "dedupe_key": event.dedupe_key,
        },
    }
