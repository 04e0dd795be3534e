"""Whom an alert names, as an admin checks it: `rules test` compares it with a case's expectation
and `explain` prints it. Nothing is chosen here: the contacts come from an alert's payload, which
`signalwatch.alerts.contacts.add_contacts` (the pipeline's own `choose_contacts`) filled in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from signalwatch.alerts.contacts import add_contacts
from signalwatch.alerts.draft import AlertDraft
from signalwatch.crm.contacts import contacts_of
from signalwatch.crm.sync import crm_ids
from signalwatch.rules.persona import Persona, persona_for_event
from signalwatch.store import Store

__all__ = ["persona_of", "named", "describe", "choose_now", "nobody_fits"]


def persona_of(payload: Mapping[str, Any], rules: Iterable[Any]) -> Persona:
    """The persona `add_contacts` chose an alert's contacts by: its first rule's `persona:`, else
    the event type's default."""
    rule = str((payload.get("rule") or {}).get("id") or "")
    own = next((r.persona for r in rules if r.id == rule), None)
    return own or persona_for_event(payload["event"])


def named(payload: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The contacts an alert's payload names, in order (none: an empty list)."""
    return list(payload.get("contacts") or [])


def describe(contacts: Sequence[Mapping[str, Any]]) -> str:
    """`Fay Cfo (CFO), Ted Tech (no title)`; empty for no one."""
    return ", ".join(f"{c['name']} ({c.get('title') or 'no title'})" for c in contacts)


def choose_now(store: Store, draft: AlertDraft, rules: Iterable[Any]) -> list[dict[str, Any]]:
    """Whom `draft` would name if it were enqueued now: the contacts stored by the CRM sync, chosen
    by the same `add_contacts` the poll's unit of work runs."""
    personas = {rule.id: rule.persona for rule in rules}
    done = add_contacts([draft], personas.get, lambda keys: contacts_of(store.engine, keys))
    return named(done[0].payload)


def nobody_fits(store: Store, payload: Mapping[str, Any], persona: Persona) -> str:
    """Why an alert names no one: `no contact fits persona finance, executive (of 4 CRM contacts
    stored for Acme)`, or that the account has no CRM id to find contacts by."""
    account = payload.get("account") or {}
    keys = list(crm_ids(str(account.get("crm_id") or "")).items())
    if not account:
        return f"no contact fits persona {persona.describe()} (the event matched no account, so there are no contacts)"
    if payload.get("kind", "alert") != "alert" or not keys:
        return f"no contact fits persona {persona.describe()} (the account has no CRM id: contacts come from `crm sync`)"
    stored = sum(len(found) for found in contacts_of(store.engine, keys).values())
    return f"no contact fits persona {persona.describe()} (of {stored} CRM contact(s) stored for {account.get('name') or 'the account'})"
