"""Account sync: CRM companies/accounts become target accounts; deleted or re-owned ones follow.

`plan_sync` is pure: it merges what the CRM returned with the stored accounts (keeping what
only signalwatch knows: aliases, job boards, tags) and lists the accounts that left the
CRM (deleted there, or no longer matching the sync filter), which are removed so they stop
alerting. Stored accounts carry `crm_id` as "<crm>:<id>" so each CRM only removes its own.
Nothing is ever written to the CRM here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from signalwatch.accounts import Account
from signalwatch.resolve import normalize_domain
from signalwatch.store import Store

__all__ = ["CrmAccount", "SyncPlan", "SyncReport", "plan_sync", "apply_sync", "crm_key"]

log = logging.getLogger(__name__)


def crm_key(crm: str, remote_id: str) -> str:
    return f"{crm}:{remote_id}"


@dataclass(frozen=True)
class CrmAccount:
    """A company/account as the CRM holds it, already mapped to our fields."""

    crm: str
    remote_id: str
    name: str
    domain: str | None
    industry: str | None = None
    employees: int | None = None
    revenue: float | None = None
    country: str | None = None
    owner_email: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyncPlan:
    upserts: list[Account]
    removed: list[Account]
    reowned: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SyncReport:
    crm: str
    fetched: int
    added: int
    updated: int
    removed: int
    reowned: int
    skipped: list[str]


def plan_sync(crm: str, incoming: Sequence[CrmAccount], stored: Sequence[Account],
              slack_id_for: Callable[[str | None], str | None]) -> SyncPlan:
    by_crm = {a.crm_id: a for a in stored if a.crm_id}
    by_domain = {a.domain: a for a in stored if a.domain}
    by_name = {a.name.lower(): a for a in stored}
    upserts: list[Account] = []
    reowned: list[str] = []
    seen: set[str] = set()
    for item in incoming:
        key = crm_key(crm, item.remote_id)
        seen.add(key)
        old = by_crm.get(key) or (by_domain.get(item.domain) if item.domain else None) or by_name.get(item.name.lower())
        owner_email = item.owner_email.lower() if item.owner_email else None
        slack_id = slack_id_for(owner_email)
        if slack_id is None and old is not None and old.owner_email == owner_email:
            slack_id = old.owner_slack_id  # lookup failed or user absent: keep the mapping we had
        if old is not None and (old.owner_email or None) != owner_email:
            reowned.append(item.name)
        def kept(value: Any, attribute: str) -> Any:
            # An empty CRM field does not erase what the CSV import (or an admin) gave us.
            return value if value is not None or old is None else getattr(old, attribute)

        upserts.append(Account(
            id=old.id if old else 0, name=item.name, domain=item.domain or (old.domain if old else None),
            aliases=old.aliases if old else (), industry=kept(item.industry, "industry"),
            employees=kept(item.employees, "employees"), revenue=kept(item.revenue, "revenue"),
            country=kept(item.country, "country"), owner_email=owner_email, owner_slack_id=slack_id,
            tags=tuple(dict.fromkeys([*(old.tags if old else ()), *item.tags])), crm_id=key,
            boards=old.boards if old else (),
        ))
    removed = [a for a in stored if a.crm_id and a.crm_id.startswith(f"{crm}:") and a.crm_id not in seen]
    return SyncPlan(upserts, removed, reowned)


def apply_sync(store: Store, crm: str, incoming: Iterable[CrmAccount], slack_id_for: Callable[[str | None], str | None],
               now: datetime) -> SyncReport:
    """Fetch is done (a complete listing; a failed fetch never reaches here, so nothing is removed by mistake)."""
    items, skipped = [], []
    for item in incoming:
        if not item.name.strip():
            skipped.append(f"{crm}:{item.remote_id} has no name")
            continue
        items.append(replace(item, domain=normalize_domain(item.domain)))
    stored = store.list_accounts()
    plan = plan_sync(crm, items, stored, slack_id_for)
    stale = _domain_moves(plan.upserts, stored)
    added, updated = store.upsert_accounts(plan.upserts, now)
    removed = store.delete_accounts([a.id for a in plan.removed] + stale)
    for account in plan.removed:
        log.info("sync: %s account %s (%s) left the CRM (deleted or filtered out): removed, it no longer alerts", crm, account.name, account.crm_id)
    return SyncReport(crm, len(items), added, updated, removed, len(plan.reowned), skipped)


def _domain_moves(upserts: Sequence[Account], stored: Sequence[Account]) -> list[int]:
    """Stored rows the upsert cannot match (domain and name both changed in the CRM): replaced by a new row."""
    domains = {a.domain for a in stored if a.domain}
    names = {a.name.lower() for a in stored}
    return [a.id for a in upserts if a.id and (a.domain not in domains if a.domain else True) and a.name.lower() not in names]
