"""Whom an alert names, as an admin checks it: `rules test` compares it with a case's expectation
and `explain` prints it. Nothing is chosen here: the contacts come from an alert's payload, which
`signalwatch.alerts.contacts.attach_contacts` (the pipeline's own `choose_contacts`) filled in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from signalwatch.alerts.contacts import alert_persona, attach_contacts, contact_keys
from signalwatch.alerts.draft import AlertDraft
from signalwatch.crm.contacts import contacts_of
from signalwatch.rules.persona import Persona
from signalwatch.store import Store

__all__ = ["persona_of", "named", "describe", "choose_now", "nobody_fits"]


def persona_of(payload: Mapping[str, Any], rules: Iterable[Any]) -> Persona:
    """The persona `add_contacts` chose an alert's contacts by (`alert_persona`): its first rule's `persona:`, else
    the event type's default."""
    return alert_persona(payload, {rule.id: rule.persona for rule in rules}.get)


def named(payload: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The contacts an alert's payload names, in order (none: an empty list)."""
    return list(payload.get("contacts") or [])


def describe(contacts: Sequence[Mapping[str, Any]]) -> str:
    """`Fay Cfo (CFO), Ted Tech (no title)`; empty for no one."""
    return ", ".join(f"{c['name']} ({c.get('title') or 'no title'})" for c in contacts)


def choose_now(store: Store, draft: AlertDraft, rules: Iterable[Any]) -> list[dict[str, Any]]:
    """Whom `draft` would name if it were enqueued now: the contacts stored by the CRM sync, chosen
    by the same `add_contacts` the poll's unit of work runs."""
    return named(attach_contacts([draft], rules, store.engine)[0].payload)


def nobody_fits(store: Store, payload: Mapping[str, Any], persona: Persona) -> str:
    """Why an alert names no one: `no contact fits persona finance, executive (of 4 CRM contacts
    stored for Acme)`, or that the account has no CRM id to find contacts by."""
    account = payload.get("account") or {}
    keys = contact_keys(payload)
    if not account:
        return f"no contact fits persona {persona.describe()} (the event matched no account, so there are no contacts)"
    if not keys:
        return f"no contact fits persona {persona.describe()} (the account has no CRM id: contacts come from `crm sync`)"
    stored = sum(len(found) for found in contacts_of(store.engine, keys).values())
    return f"no contact fits persona {persona.describe()} (of {stored} CRM contact(s) stored for {account.get('name') or 'the account'})"
