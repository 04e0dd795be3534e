"""The alert payload: everything a sink needs to render an alert, frozen at enqueue time.

A payload is assembled from parts that do not change between the alerts of one poll — the
rule's part, the account's part, the event's part — so the engine builds each once and
shares it (payloads are serialized when stored and never mutated).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from signalwatch.accounts import Account
from signalwatch.events import SignalEvent
from signalwatch.rules.ruleset import Fit, Rule

__all__ = ["RulePart", "AccountPart", "EventPart", "Context", "rule_part", "account_part", "event_part", "context", "compose"]


@dataclass(frozen=True)
class RulePart:
    rule: dict[str, Any]
    why: tuple[str, ...]
    window_days: int | None  # composite rules: shown with the evidence count


@dataclass(frozen=True)
class AccountPart:
    account: dict[str, Any] | None
    why_tier: str | None


class EventPart(NamedTuple):  # one per firing event: a tuple is the cheapest to build
    event: dict[str, Any]
    why_match: str | None


def rule_part(rule: Rule) -> RulePart:
    why = [f"Rule {rule.id}: {rule.description}"]
    for selection in rule.selections:
        described = selection.match.describe()
        if described:
            label = "" if selection.name == "match" else f"{selection.name}: "
            why.append(f"Matched {label}" + "; ".join(described))
    window = (rule.window.days if rule.window else 0) if rule.kind == "composite" else None
    return RulePart({"id": rule.id, "description": rule.description, "kind": rule.kind}, tuple(why), window)


def account_part(account: Account | None, fit: Fit | None) -> AccountPart:
    if account is None:
        return AccountPart(None, None)
    why_tier = None
    if fit is not None and fit.tier:
        why_tier = f"ICP tier {fit.tier} ({fit.tier_label})" + (": " + "; ".join(fit.criteria) if fit.criteria else "")
    return AccountPart({
        "id": account.id, "name": account.name, "domain": account.domain, "crm_id": account.crm_id,
        "tier": fit.tier if fit else None, "tier_label": fit.tier_label if fit else None,
        "owner_email": account.owner_email, "owner_slack_id": account.owner_slack_id,
    }, why_tier)


def event_part(event: SignalEvent, account: Account | None) -> EventPart:
    why_match = None
    if event.match_method and event.match_method not in ("none", "ambiguous") and account is not None:
        why_match = f"Matched to {account.name} by {event.match_method} (confidence {event.match_confidence or 0:.2f})"
    return EventPart({
        "type": str(event.type), "change": event.change, "title": event.title, "summary": event.summary[:500],
        "url": event.url, "source": event.source, "occurred_at": event.occurred_at.isoformat(),
        "company_name": event.company_name, "attributes": event.attributes, "dedupe_key": event.dedupe_key,
    }, why_match)


class Context(NamedTuple):
    """What every alert about one event shares: the account, the event, the heat, and the
    lines of the "why" that do not depend on the rule."""

    account: dict[str, Any] | None
    event: dict[str, Any]
    heat: float
    why: tuple[str, ...]


def context(account: AccountPart, event: EventPart, heat: float) -> Context:
    why = [line for line in (account.why_tier, event.why_match) if line]
    if account.account is not None:
        why.append(f"Account heat {heat:.1f}")
    return Context(account.account, event.event, round(heat, 2), tuple(why))


def compose(rule: RulePart, context: Context, angle: str | None, priority: str, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    why = [*rule.why, f"{len(evidence)} related signal(s) within {rule.window_days}d", *context.why] \
        if rule.window_days is not None and evidence else [*rule.why, *context.why]
    return {
        "rule": rule.rule, "priority": priority, "heat": context.heat, "angle": angle, "why": why,
        "evidence": evidence, "account": context.account, "event": context.event,
    }
