"""The contacts of synced CRM accounts: stored by the account sync, read when an alert is built.

Only what the CRM holds: name, title, email, owner, the record's id and a link to it; nothing
is bought or scraped. Contacts are keyed by the CRM's own ids (crm, company/account id,
contact id), not by our account ids, so an alert finds its account's people through the
account's `crm_id` and a sync replaces one CRM's whole set in one transaction: contacts
deleted in the CRM, moved to another company, or of a company no longer synced, are gone
after the next sync. Only the contacts of an account the CRM could not answer for (a 207 error
for that one company) stay as stored until a later sync reads them.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from signalwatch.store import Store
from signalwatch.store.pollunit import chunks
from signalwatch.store.tables import ContactRow

__all__ = ["CrmContact", "ContactListing", "replace_contacts", "preview_contacts", "contacts_of", "hubspot_contact_url", "salesforce_contact_url",
           "hubspot_portal_from_link"]

_TABLE = ContactRow.__table__  # type: ignore[attr-defined]
_PORTAL = re.compile(r"/contacts/(\d+)/")


@dataclass(frozen=True)
class CrmContact:
    """A person at a CRM company/account, as the CRM holds them."""

    crm: str
    company_id: str  # the CRM's id of the company/account they belong to
    remote_id: str
    name: str
    title: str | None = None
    email: str | None = None
    owner_email: str | None = None
    url: str | None = None  # their record in the CRM


@dataclass(frozen=True)
class ContactListing:
    """A CRM's contacts of the synced accounts, and the accounts whose contacts it could not give
    (CRM id -> why): their stored contacts are kept."""

    contacts: list[CrmContact]
    unread: dict[str, str] = field(default_factory=dict)


def hubspot_contact_url(portal_id: str | None, contact_id: str) -> str | None:
    """A HubSpot contact's record page (object type 0-1 is the contact), if the portal is known."""
    return f"https://app.hubspot.com/contacts/{portal_id}/record/0-1/{contact_id}" if portal_id else None


def hubspot_portal_from_link(template: str | None) -> str | None:
    """The portal id in a HubSpot record link such as `sinks.slack.actions.crm_links.hubspot`."""
    found = _PORTAL.search(template or "")
    return found.group(1) if found else None


def salesforce_contact_url(base_url: str | None, contact_id: str) -> str | None:
    """A Salesforce contact's Lightning record page on the org's domain."""
    return f"{base_url.rstrip('/')}/lightning/r/Contact/{contact_id}/view" if base_url else None


def _kept(crm: str, contacts: Iterable[CrmContact], companies: Collection[str]) -> dict[tuple[str, str], CrmContact]:
    """The contacts a sync stores, by (company id, contact id): named, of a synced company, once each."""
    return {(c.company_id, c.remote_id): c for c in contacts if c.crm == crm and c.company_id in companies and c.name.strip()}


def preview_contacts(store: Store, crm: str, contacts: Iterable[CrmContact], companies: Collection[str],
                     unread: Collection[str] = ()) -> str:
    """What `replace_contacts` would do, as one line for `crm sync --dry-run`."""
    with store.engine.connect() as conn:
        stored = {(row.company_id, row.remote_id) for row in conn.execute(
            sa.select(_TABLE.c.company_id, _TABLE.c.remote_id).where(_TABLE.c.crm == crm))}
    kept_as_stored = set(unread)
    incoming = set(_kept(crm, contacts, set(companies) - kept_as_stored)) | {key for key in stored if key[0] in kept_as_stored}
    return (f"  contacts: {len(incoming)} to keep for the synced accounts ({len(stored)} stored now): "
            f"{len(incoming - stored)} new, {len(stored - incoming)} gone")


def replace_contacts(store: Store, crm: str, contacts: Iterable[CrmContact], companies: Collection[str], now: datetime,
                     unread: Collection[str] = ()) -> int:
    """Make `crm`'s stored contacts exactly `contacts` of the synced `companies` (one transaction),
    except that the stored contacts of a company in `unread` (the CRM could not give them this
    time) stay as they are. Returns how many are stored. A person listed twice for one company
    is stored once."""
    kept_as_stored = set(unread)
    rows = [{"crm": crm, "company_id": c.company_id, "remote_id": c.remote_id, "name": c.name.strip(), "title": c.title,
             "email": c.email, "owner_email": c.owner_email, "url": c.url, "synced_at": now}
            for c in _kept(crm, contacts, set(companies) - kept_as_stored).values()]
    with store.engine.begin() as conn:
        stale = sa.delete(_TABLE).where(_TABLE.c.crm == crm)
        conn.execute(stale.where(_TABLE.c.company_id.not_in(sorted(kept_as_stored))) if kept_as_stored else stale)
        if rows:
            conn.execute(sa.insert(_TABLE), rows)
        kept = conn.execute(sa.select(sa.func.count()).select_from(_TABLE).where(_TABLE.c.crm == crm)).scalar_one()
    return int(kept)


def contacts_of(db: Engine | Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[CrmContact]]:
    """The stored contacts of each (crm, company id), by that key, read on `db`: an engine (a
    connection of its own) or the connection of a transaction in progress (the poll's unit)."""
    wanted = sorted(set(keys))
    found: dict[tuple[str, str], list[CrmContact]] = {}
    with db.connect() if isinstance(db, Engine) else contextlib.nullcontext(db) as conn:
        for chunk in chunks(wanted):
            query = sa.select(_TABLE).where(sa.tuple_(_TABLE.c.crm, _TABLE.c.company_id).in_(chunk)).order_by(_TABLE.c.id)
            for row in conn.execute(query).mappings():
                contact = CrmContact(row["crm"], row["company_id"], row["remote_id"], row["name"], row["title"], row["email"],
                                     row["owner_email"], row["url"])
                found.setdefault((contact.crm, contact.company_id), []).append(contact)
    return found
