"""Whom to reach: up to three CRM contacts of the alert's account that fit the rule's persona.

They are chosen when the alert is built, in the poll's unit of work, and stored in its payload
(`contacts`), so a delivery after a restart, or a retry a day later, names the same people.
The order: for a leadership appointment the new leader themselves when they are a contact
(matched by name), then the contacts whose title fits the persona, most senior first, then
those the account's owner owns, then by name. An alert whose account has no fitting contact
carries no `contacts` key at all, and renders nothing extra.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy.engine import Connection, Engine

from signalwatch.alerts.draft import AlertDraft
from signalwatch.crm.contacts import CrmContact, contacts_of
from signalwatch.crm.sync import crm_ids
from signalwatch.matching.names import fold
from signalwatch.rules.persona import Persona, persona_for_event, seniority_rank

__all__ = ["MAX_CONTACTS", "choose_contacts", "add_contacts", "attach_contacts", "alert_persona", "contact_keys", "same_person"]

MAX_CONTACTS = 3
Lookup = Callable[[Iterable[tuple[str, str]]], Mapping[tuple[str, str], Sequence[CrmContact]]]


def _name_key(name: str) -> str:
    """A name as compared: accents, case, punctuation and spacing ignored ("José  O'Neil" = "jose oneil")."""
    text = fold(name)
    return " ".join(re.sub(r"[^a-z0-9 ]+", "", text.replace("-", " ")).split())


def same_person(contact_name: str, person: str) -> bool:
    """Whether a CRM contact's name is the person an event names (a middle name or initial may differ)."""
    a, b = _name_key(contact_name).split(), _name_key(person).split()
    if not a or not b:
        return False
    return a == b or (len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and a[-1] == b[-1])


def _new_leader(event: Mapping[str, Any]) -> str | None:
    if event.get("type") != "leadership" or event.get("change") != "appointed":
        return None  # a departed executive is no one to call
    person = (event.get("attributes") or {}).get("person")
    return str(person) if person else None


def choose_contacts(contacts: Iterable[CrmContact], persona: Persona, event: Mapping[str, Any],
                    owner_email: str | None) -> list[dict[str, Any]]:
    """The contacts an alert names, as payload entries, at most MAX_CONTACTS. Pure."""
    leader = _new_leader(event)
    owner = (owner_email or "").lower()
    seen: set[str] = set()
    unique = []
    for contact in contacts:  # one person in both CRMs, or under two companies: named once
        key = (contact.email or "").lower() or f"{contact.crm}:{contact.remote_id}"
        if key not in seen:
            seen.add(key)
            unique.append(contact)
    first = [c for c in unique if leader and same_person(c.name, leader)][:1]
    fitting = [c for c in unique if c not in first and persona.fits(c.title)]
    fitting.sort(key=lambda c: (-seniority_rank(c.title), not (owner and (c.owner_email or "").lower() == owner), _name_key(c.name)))
    return [_entry(c, new_leader=c in first) for c in [*first, *fitting][:MAX_CONTACTS]]


def _entry(contact: CrmContact, new_leader: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": contact.name, "title": contact.title, "email": contact.email, "crm": contact.crm,
                             "id": contact.remote_id, "url": contact.url, "owner_email": contact.owner_email}
    if new_leader:
        entry["new_leader"] = True
    return entry


def contact_keys(payload: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (crm, company id) keys an alert's contacts are stored under: none for a notice, or for an
    account without a CRM id."""
    account = payload.get("account") or {}
    if payload.get("kind", "alert") != "alert" or not account.get("crm_id"):
        return []
    return list(crm_ids(str(account["crm_id"])).items())


def alert_persona(payload: Mapping[str, Any], persona_of: Callable[[str], Persona | None]) -> Persona:
    """Whom an alert looks for: its (first) rule's `persona:`, else its event type's default."""
    rule = str((payload.get("rule") or {}).get("id") or "")
    return persona_of(rule) or persona_for_event(payload["event"])


def add_contacts(drafts: Sequence[AlertDraft], persona_of: Callable[[str], Persona | None], lookup: Lookup) -> list[AlertDraft]:
    """`drafts` with `contacts` added to each alert payload whose account has fitting contacts.
    Payloads are shared between the routes of one alert: each is extended once, as a copy."""
    wanted = {key for draft in drafts for key in contact_keys(draft.payload)}
    if not wanted:
        return list(drafts)
    found = lookup(wanted)
    done: dict[int, dict[str, Any]] = {}
    out = []
    for draft in drafts:
        payload = draft.payload
        if id(payload) not in done:
            people = [c for key in contact_keys(payload) for c in found.get(key, ())]
            persona = alert_persona(payload, persona_of)
            chosen = choose_contacts(people, persona, payload["event"], (payload.get("account") or {}).get("owner_email")) if people else []
            done[id(payload)] = {**payload, "contacts": chosen} if chosen else payload
        out.append(draft._replace(payload=done[id(payload)]))
    return out


def attach_contacts(drafts: Sequence[AlertDraft], rules: Iterable[Any], conn: Engine | Connection) -> list[AlertDraft]:
    """`add_contacts` with the rules' personas and the contacts stored by the account sync, in
    one read on `conn`: in a poll, the unit's own connection, so the alert is built from the same
    transaction's view as its events and history."""
    if not drafts:
        return []
    personas = {rule.id: rule.persona for rule in rules}
    return add_contacts(drafts, personas.get, lambda keys: contacts_of(conn, keys))
