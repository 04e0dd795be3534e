"""What an outbox row carries: everything a sink needs, frozen at enqueue time.

Everything that leaves the process is one of three kinds of outbox row, built here and
nowhere else, so every message takes the one way out (claim, send, settle; `confirm` after
a crash) and no sender keeps its own exactly-once bookkeeping:

    alert    a rule fired on an event (`compose`)
    notice   an admin notice: a source's health, a failed rule reload (`notice`)
    digest   the sales managers' digest, rendered when queued (`digest_message`)

An alert payload is assembled from parts that do not change between the alerts of one poll —
the rule's part, the account's part, the event's part — so the engine builds each once and
shares it (payloads are serialized when stored and never mutated).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, NamedTuple, cast

from signalwatch.accounts import Account
from signalwatch.alerts.draft import AlertDraft
from signalwatch.alerts.render import what_happened
from signalwatch.events import SignalEvent, make_dedupe_key
from signalwatch.rules.ruleset import Fit, Route, Rule
from signalwatch.rules.wording import rule_phrase, tests_phrase

__all__ = [
    "RulePart", "AccountPart", "EventPart", "Context", "rule_part", "account_part", "event_part", "context", "compose",
    "Kind", "ALERT", "NOTICE", "DIGEST", "kind_of", "notice", "DigestMessage", "digest_message", "read_digest",
    "DIGEST_RULE_ID", "DIGEST_SINK", "describe",
]

Kind = Literal["alert", "notice", "digest"]
ALERT: Kind = "alert"
NOTICE: Kind = "notice"
DIGEST: Kind = "digest"
_KINDS: frozenset[str] = frozenset((ALERT, NOTICE, DIGEST))
DIGEST_RULE_ID = "digest"  # the outbox `rule_id` of digest rows
DIGEST_SINK = "slack"  # digests are posted to Slack (the console sink prints their Markdown)


def kind_of(payload: Mapping[str, Any]) -> Kind:
    """The kind of a stored payload. Rows of releases before kinds existed carry none: they are
    alerts (their notices are alert-shaped too), so they still deliver unchanged."""
    found = payload.get("kind", ALERT)
    if found not in _KINDS:
        raise ValueError(f"outbox payload of unknown kind {found!r} (written by a newer signalwatch?)")
    return cast(Kind, found)


def describe(payload: Mapping[str, Any]) -> str:
    """One plain line saying what a row carries, whatever its kind (for `outbox list`)."""
    if kind_of(payload) == DIGEST:
        return (f"digest for {payload.get('audience')}: {payload.get('accounts')} accounts, "
                f"{str(payload.get('period_start'))[:16]} to {str(payload.get('period_end'))[:16]}")
    return what_happened(dict(payload))


@dataclass(frozen=True)
class RulePart:
    rule: dict[str, Any]
    why: tuple[str, ...]  # the rule's own lines of the "why": its id and description, what it matched
    window_days: int | None  # composite rules: shown with the evidence count


@dataclass(frozen=True)
class AccountPart:
    account: dict[str, Any] | None
    why_tier: str | None


class EventPart(NamedTuple):  # one per firing event: a tuple is the cheapest to build
    event: dict[str, Any]
    why_match: str | None


def rule_part(rule: Rule) -> RulePart:
    """The rule's part of its alerts. Its conditions are said in words ("title mentions revenue or
    sales", "at least 3 engineering roles in 14 days"); `signalwatch explain` shows the syntax."""
    why = [f"Rule {rule.id}: {rule.description}"]
    matched = rule_phrase(rule)
    if matched:
        why.append(f"Matched: {matched}")
    window = (rule.window.days if rule.window else 0) if rule.kind == "composite" else None
    return RulePart({"id": rule.id, "description": rule.description, "kind": rule.kind}, tuple(why), window)


def account_part(account: Account | None, fit: Fit | None) -> AccountPart:
    if account is None:
        return AccountPart(None, None)
    why_tier = None
    if fit is not None and fit.tier:
        why_tier = f"ICP tier {fit.tier} ({fit.tier_label})" + (": " + tests_phrase(fit.matched) if fit.matched else "")
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


def compose(rule: RulePart, context: Context, angle: str | None, priority: str, evidence: list[dict[str, Any]],
            total: int | None = None, summary: str | None = None) -> dict[str, Any]:
    """An alert's payload. A composite rule's adds `summary` (its headline: what the rule means,
    with the account's numbers), `evidence` (strongest first) and `evidence_total`, the exact
    count of related signals of which `evidence` shows the first few."""
    total = len(evidence) if total is None else total
    if rule.window_days is not None and evidence:
        shown = f" ({len(evidence)} shown, strongest first)" if total > len(evidence) else ""
        counted = f"{total} related signal{'s' if total != 1 else ''} within {rule.window_days} days{shown}"
        why = [*rule.why, counted, *context.why]
    else:
        why = [*rule.why, *context.why]
    payload = {
        "kind": ALERT, "rule": rule.rule, "priority": priority, "heat": context.heat, "angle": angle, "why": why,
        "evidence": evidence, "account": context.account, "event": context.event,
    }
    if summary:
        payload["summary"] = summary
    if evidence:
        payload["evidence_total"] = total
    return payload


# -- notices --------------------------------------------------------------------------


def notice(rule_id: str, key: Sequence[object], routes: Iterable[Route], *, priority: str, topic: str, change: str,
           title: str, summary: str, source: str, subject: str, why: Sequence[str], now: datetime) -> list[AlertDraft]:
    """One outbox row per admin route for a notice about signalwatch itself (`topic`: what it is
    about, e.g. "source_health"; `subject`: the name shown where an alert shows the company).

    The payload is shaped like an alert's, so every sink renders it without knowing notices;
    the row's key is `key` plus the route, so each route is told once however often it is queued.
    """
    payload: dict[str, Any] = {
        "kind": NOTICE, "priority": priority, "rule": {"id": rule_id}, "angle": None,
        "event": {"type": topic, "change": change, "title": title, "summary": summary, "source": source, "url": None,
                  "occurred_at": now.isoformat(), "attributes": {}, "company_name": None},
        "account": {"name": subject},
        "why": list(why),
    }
    return [AlertDraft(make_dedupe_key(*key, route.sink, route.channel), rule_id, None, "", route.sink, route.channel, priority, payload)
            for route in routes]


# -- digests --------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestMessage:
    """A digest as its outbox row carries it. It is rendered when queued, like an alert, so a
    retry or a recovery after a crash posts exactly what was built, and a sink needs neither
    the store nor the rules to send it."""

    audience: str  # "channel:<channel>", "owner:<slack id>", or "adhoc:<channel>" (signalwatch digest --send)
    period_start: datetime
    period_end: datetime
    accounts: int
    slack_text: str
    slack_blocks: list[dict[str, Any]]
    markdown: str


def digest_message(key: str, target: str, message: DigestMessage) -> AlertDraft:
    """The outbox row of one digest: rule `digest`, the Slack sink, no event (like a notice), and the
    digest key (period and audience) as its alert key, so each period goes out once per audience."""
    payload: dict[str, Any] = {
        "kind": DIGEST, "audience": message.audience,
        "period_start": message.period_start.isoformat(), "period_end": message.period_end.isoformat(),
        "accounts": message.accounts,
        "slack": {"text": message.slack_text, "blocks": list(message.slack_blocks)},
        "markdown": message.markdown,
    }
    return AlertDraft(key, DIGEST_RULE_ID, None, "", DIGEST_SINK, target, "P3", payload)


def read_digest(payload: Mapping[str, Any]) -> DigestMessage:
    """The digest a stored payload carries (a KeyError means the row is not a digest)."""
    slack = payload["slack"]
    return DigestMessage(
        audience=str(payload["audience"]), period_start=datetime.fromisoformat(payload["period_start"]),
        period_end=datetime.fromisoformat(payload["period_end"]), accounts=int(payload["accounts"]),
        slack_text=str(slack["text"]), slack_blocks=list(slack["blocks"]), markdown=str(payload["markdown"]),
    )
