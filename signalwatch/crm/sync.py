"""Account sync: CRM companies/accounts become target accounts; deleted or re-owned ones follow.

`plan_sync` is pure: it merges what the CRM returned with the stored accounts (keeping what
only signalwatch knows: aliases, job boards, tags; and any stored value a CRM field leaves
empty, owners and their Slack ids included) and lists the accounts that left the CRM
(deleted there, or no longer matching the sync filter), which are removed so they stop
alerting. An account can live in both CRMs: its `crm_id` keeps one id per CRM,
"hubspot:123;salesforce:001…" (no schema change: the column was already free text), so a
sync of one CRM neither overwrites the other's id nor removes an account the other still
holds (it only unlinks its own id). `diff_sync` says what a plan would change, for
`crm sync --dry-run`. Nothing is ever written to the CRM here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from signalwatch.accounts import ACCOUNT_FIELDS, LIST_FIELDS, Account
from signalwatch.accounts.crm_ids import KNOWN_CRMS, crm_ids, crm_key, with_crm_id, without_crm_id
from signalwatch.resolve import normalize_domain
from signalwatch.store import Store

__all__ = ["CrmAccount", "SyncPlan", "SyncReport", "SyncDiff", "FieldChange", "plan_sync", "apply_sync", "preview_sync",
           "diff_sync", "render_diff", "crm_key", "crm_ids", "with_crm_id", "without_crm_id", "KNOWN_CRMS"]

log = logging.getLogger(__name__)
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
    contacts: int | None = None  # contacts stored for the synced accounts; None: contacts not synced


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class SyncDiff:
    """What a sync would do to the stored accounts, field by field (`crm sync --dry-run`)."""

    crm: str
    fetched: int
    added: list[Account]
    changed: list[tuple[Account, list[FieldChange]]]
    removed: list[Account]
    skipped: list[str]
    contacts: str | None = None  # how the stored contacts would change, one line (crm.contacts.preview_contacts)


def plan_sync(crm: str, incoming: Sequence[CrmAccount], stored: Sequence[Account],
              slack_id_for: Callable[[str | None], str | None]) -> SyncPlan:
    """Merge the CRM's listing into the stored accounts: matched by this CRM's id, then domain,
    then name. Accounts holding an id of this CRM it no longer lists are removed, or only unlinked
    from it when another CRM still holds them."""
    by_crm = {crm_key(name, remote_id): a for a in stored for name, remote_id in crm_ids(a.crm_id).items()}
    by_domain = {a.domain: a for a in stored if a.domain}
    by_name = {a.name.lower(): a for a in stored}
    upserts: list[Account] = []
    reowned: list[str] = []
    matched: set[int] = set()
    for item in incoming:
        old = by_crm.get(crm_key(crm, item.remote_id)) or (by_domain.get(item.domain) if item.domain else None) \
            or by_name.get(item.name.lower())
        if old is not None:
            matched.add(old.id)
        upserts.append(_merged(crm, item, old, slack_id_for))
        if _reowned(item, old):
            reowned.append(item.name)
    removed = []
    for account in stored:
        ids = crm_ids(account.crm_id)
        if crm not in ids or account.id in matched:
            continue
        if set(ids) - {crm}:
            upserts.append(replace(account, crm_id=without_crm_id(account.crm_id, crm)))  # the other CRM still has it
        else:
            removed.append(account)
    return SyncPlan(upserts, removed, reowned)


def _merged(crm: str, item: CrmAccount, old: Account | None, slack_id_for: Callable[[str | None], str | None]) -> Account:
    """The account as the CRM describes it, over what is stored. An empty CRM field never erases a
    stored value (a CSV import or an admin gave it); fields the CRM does not describe (aliases, job
    boards, any other) stay as stored, and tags only we know stay."""
    base = old or Account(id=0, name=item.name)

    def kept(value: Any, attribute: str) -> Any:
        return value if value is not None else getattr(base, attribute)

    owner_email, slack_id = _owner(item, old, slack_id_for)
    return replace(
        base, name=item.name, domain=item.domain or base.domain, industry=kept(item.industry, "industry"),
        employees=kept(item.employees, "employees"), revenue=kept(item.revenue, "revenue"),
        country=kept(item.country, "country"), owner_email=owner_email, owner_slack_id=slack_id,
        tags=tuple(dict.fromkeys([*base.tags, *item.tags])), crm_id=with_crm_id(base.crm_id, crm, item.remote_id),
    )


def _owner(item: CrmAccount, old: Account | None, slack_id_for: Callable[[str | None], str | None]) -> tuple[str | None, str | None]:
    """(owner email, Slack id). No owner in the CRM keeps the stored pair; the same owner keeps its
    Slack id when the lookup fails; a new owner gets only the Slack id found for them (the old id
    belongs to somebody else, who must not get the new owner's DMs)."""
    if not item.owner_email:
        return (old.owner_email, old.owner_slack_id) if old else (None, None)
    email = item.owner_email.lower()
    slack_id = slack_id_for(email)
    if slack_id is None and old is not None and old.owner_email == email:
        slack_id = old.owner_slack_id
    return email, slack_id


def _reowned(item: CrmAccount, old: Account | None) -> bool:
    """The CRM names an owner other than the stored one (no owner in the CRM changes nothing)."""
    return bool(item.owner_email) and old is not None and (old.owner_email or None) != str(item.owner_email).lower()


def _prepared(crm: str, incoming: Iterable[CrmAccount]) -> tuple[list[CrmAccount], list[str]]:
    """The CRM's records with normalized domains, and the ones skipped (no name), with why."""
    items, skipped = [], []
    for item in incoming:
        if not item.name.strip():
            skipped.append(f"{crm}:{item.remote_id} has no name")
            continue
        items.append(replace(item, domain=normalize_domain(item.domain)))
    return items, skipped


def apply_sync(store: Store, crm: str, incoming: Iterable[CrmAccount], slack_id_for: Callable[[str | None], str | None],
               now: datetime) -> SyncReport:
    """Fetch is done (a complete listing; a failed fetch never reaches here, so nothing is removed by mistake)."""
    items, skipped = _prepared(crm, incoming)
    stored = store.list_accounts()
    plan = plan_sync(crm, items, stored, slack_id_for)
    stale = _domain_moves(plan.upserts, stored)
    added, updated = store.upsert_accounts(plan.upserts, now)
    removed = store.delete_accounts([a.id for a in plan.removed] + stale)
    for account in plan.removed:
        log.info("sync: %s account %s (%s) left the CRM (deleted or filtered out): removed, it no longer alerts", crm, account.name, account.crm_id)
    return SyncReport(crm, len(items), added, updated, removed, len(plan.reowned), skipped)


def preview_sync(store: Store, crm: str, incoming: Iterable[CrmAccount], slack_id_for: Callable[[str | None], str | None]) -> SyncDiff:
    """What `apply_sync` would change, computed by the same plan, with nothing written."""
    items, skipped = _prepared(crm, incoming)
    stored = store.list_accounts()
    return diff_sync(crm, len(items), plan_sync(crm, items, stored, slack_id_for), stored, skipped)


def diff_sync(crm: str, fetched: int, plan: SyncPlan, stored: Sequence[Account], skipped: list[str]) -> SyncDiff:
    """The plan against the stored accounts: new ones, changed fields (old -> new), removed ones."""
    by_id = {a.id: a for a in stored}
    added, changed = [], []
    for account in plan.upserts:
        old = by_id.get(account.id) if account.id else None
        if old is None:
            added.append(account)
            continue
        changes = [FieldChange(name, getattr(old, name), getattr(account, name)) for name in ACCOUNT_FIELDS
                   if name != "id" and getattr(old, name) != getattr(account, name)]
        if changes:
            changed.append((account, changes))
    return SyncDiff(crm, fetched, added, changed, list(plan.removed), skipped)


def render_diff(diff: SyncDiff) -> list[str]:
    """The diff as lines for a terminal: `+` added, `~` changed (field: old -> new), `-` removed."""
    lines = [f"{diff.crm}: {diff.fetched} accounts fetched; dry run, nothing written: {len(diff.added)} to add, "
             f"{len(diff.changed)} to change, {len(diff.removed)} to remove"]
    lines += [f"  + {a.name} ({a.domain or 'no domain'})" for a in diff.added]
    for account, changes in diff.changed:
        lines.append(f"  ~ {account.name} ({account.domain or 'no domain'})")
        lines += [f"      {c.field}: {_shown(c.field, c.old)} -> {_shown(c.field, c.new)}" for c in changes]
    lines += [f"  - {a.name} ({a.domain or 'no domain'}): gone from the CRM" for a in diff.removed]
    return lines + ([diff.contacts] if diff.contacts else [])


def _shown(name: str, value: Any) -> str:
    if value is None or (name in LIST_FIELDS and not value):
        return "-"
    return ";".join(map(str, value)) if name in LIST_FIELDS else repr(value) if isinstance(value, str) else str(value)


def _domain_moves(upserts: Sequence[Account], stored: Sequence[Account]) -> list[int]:
    """Stored rows the upsert cannot match (domain and name both changed in the CRM): replaced by a new row."""
    domains = {a.domain for a in stored if a.domain}
    names = {a.name.lower() for a in stored}
    return [a.id for a in upserts if a.id and (a.domain not in domains if a.domain else True) and a.name.lower() not in names]
