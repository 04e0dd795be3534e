"""Run the account sync from the settings: build the CRM client, fetch, merge into the store (or only
say what would change: `preview_crm`, for `crm sync --dry-run`)."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from slack_sdk import WebClient

from signalwatch.crm.contacts import ContactListing, hubspot_portal_from_link, preview_contacts, replace_contacts
from signalwatch.crm.fetch import hubspot_accounts, hubspot_contacts, salesforce_accounts, salesforce_contacts
from signalwatch.crm.owners import SlackDirectory
from signalwatch.crm.sync import KNOWN_CRMS, CrmAccount, SyncDiff, SyncReport, apply_sync, preview_sync
from signalwatch.sinks.base import SinkError
from signalwatch.store import Store
from signalwatch.timeutil import utcnow

__all__ = ["CRMS", "sync_crm", "preview_crm", "sync_enabled", "slack_directory", "schedule_crm_sync", "crm_token"]

log = logging.getLogger(__name__)
CRMS = KNOWN_CRMS


def crm_token(settings: Any, crm: str) -> str:
    config = settings.sink_configs[crm]
    token = settings.secret(config.token_env)
    if not token:
        raise ValueError(f"${config.token_env} is not set (the {crm} token)")
    return token


def sync_enabled(settings: Any, crm: str) -> bool:
    config = settings.sink_configs.get(crm)
    return bool(config is not None and config.sync.enabled)


def slack_directory(settings: Any) -> SlackDirectory:
    """Owner email → Slack id through the Slack sink's bot token (no lookups when Slack is not set up)."""
    config = settings.sink_configs.get("slack")
    token = settings.secret(config.token_env) if config is not None else None
    client = WebClient(token=token, base_url=config.base_url, timeout=int(config.timeout), retry_handlers=[]) if token else None
    return SlackDirectory(client)


def sync_crm(settings: Any, store: Store, crm: str, directory: SlackDirectory, now: datetime) -> SyncReport:
    """One full sync of one CRM: its accounts, then (unless `sync.contacts: false`) their contacts.
    An account fetch error raises before anything in the store changes; a contacts fetch error
    (a token without the contacts scope) keeps the stored contacts and is reported in `skipped`,
    as is each account whose contacts the CRM could not give this time (its stored ones stay)."""
    incoming, listing, problem = _listing(settings, crm)
    if problem:
        log.warning("sync: %s contacts (the stored ones are kept): %s", crm, problem)
    report = apply_sync(store, crm, incoming, directory.user_id, now)
    if listing is None:
        return replace(report, skipped=[*report.skipped, f"contacts (the stored ones are kept): {problem}"]) if problem else report
    unread = _unread_lines(crm, listing, "are")
    for line in unread:
        log.warning("sync: %s", line)
    stored = replace_contacts(store, crm, listing.contacts, {item.remote_id for item in incoming}, now, unread=listing.unread)
    return replace(report, contacts=stored, skipped=[*report.skipped, *unread])


def preview_crm(settings: Any, store: Store, crm: str, directory: SlackDirectory) -> SyncDiff:
    """What `sync_crm` would change, by the same fetch and plan, with nothing written: the
    accounts, and (unless `sync.contacts: false`) how the stored contacts would change."""
    incoming, listing, problem = _listing(settings, crm)
    diff = preview_sync(store, crm, incoming, directory.user_id)
    if problem:
        return replace(diff, skipped=[*diff.skipped, f"contacts (the stored ones would be kept): {problem}"])
    if listing is None:
        return diff
    line = preview_contacts(store, crm, listing.contacts, {item.remote_id for item in incoming}, unread=listing.unread)
    return replace(diff, contacts=line, skipped=[*diff.skipped, *_unread_lines(crm, listing, "would be")])


def _unread_lines(crm: str, listing: ContactListing, verb: str) -> list[str]:
    """One line per account whose contacts the CRM could not give (a 207 error for it)."""
    return [f"contacts of {crm}:{company} (the stored ones {verb} kept): {why}" for company, why in sorted(listing.unread.items())]


def _listing(settings: Any, crm: str) -> tuple[list[CrmAccount], ContactListing | None, str | None]:
    """The CRM's accounts (raises on any failure), their contacts (None when `sync.contacts` is
    off or they could not be read), and why they could not (e.g. a token without the contacts scope)."""
    api = _api(settings, crm)
    incoming = _fetch(settings, crm, api)
    if not settings.sink_configs[crm].sync.contacts:
        return incoming, None, None
    try:
        return incoming, _fetch_contacts(settings, crm, api, incoming), None
    except SinkError as exc:  # the accounts still sync
        return incoming, None, str(exc)


def _api(settings: Any, crm: str) -> Any:
    """The CRM's client, built from the sink config and token."""
    # Imported here: the sink modules import this package, and the registry imports them.
    from signalwatch.sinks.hubspot import build_hubspot_api
    from signalwatch.sinks.salesforce import build_salesforce_api

    config = settings.sink_configs[crm]
    token = crm_token(settings, crm)
    return build_hubspot_api(config, token) if crm == "hubspot" else build_salesforce_api(config, token)


def _fetch(settings: Any, crm: str, api: Any) -> list[CrmAccount]:
    """The complete listing of one CRM's selected companies/accounts (raises on any failure)."""
    config = settings.sink_configs[crm]
    if crm == "hubspot":
        return hubspot_accounts(api, config.sync)
    return salesforce_accounts(api, config.sync)


def _fetch_contacts(settings: Any, crm: str, api: Any, accounts: list[CrmAccount]) -> ContactListing:
    """The contacts of the listed accounts, with links to their records (raises on any failure)."""
    ids = [item.remote_id for item in accounts]
    links = _crm_links(settings)
    if crm == "hubspot":
        portal = settings.sink_configs[crm].sync.portal_id or hubspot_portal_from_link(links.get("hubspot"))
        return hubspot_contacts(api, ids, portal)
    template = links.get("salesforce")  # its host is the Lightning domain people open; else the API's instance
    base = _origin(template) if template else settings.sink_configs[crm].instance_url
    return ContactListing(salesforce_contacts(api, ids, base))


def _crm_links(settings: Any) -> dict[str, str]:
    slack = settings.sink_configs.get("slack")
    actions = getattr(slack, "actions", None)
    return dict(getattr(actions, "crm_links", None) or {})


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def schedule_crm_sync(scheduler: Any, app: Any) -> None:
    """Add one sync job per CRM whose `sinks.<crm>.sync.enabled` is true (first run at start)."""
    from apscheduler.triggers.interval import IntervalTrigger

    from signalwatch.runtime.retie import retie_through_app
    from signalwatch.sinks import SinkError
    from signalwatch.store import StoreError

    directory = slack_directory(app.settings)
    for crm in CRMS:
        if not sync_enabled(app.settings, crm):
            continue
        interval = app.settings.sink_configs[crm].sync.interval

        def job(crm: str = crm) -> None:
            try:
                report = sync_crm(app.settings, app.store, crm, directory, utcnow())
            except (SinkError, ValueError) as exc:
                log.error("sync: %s accounts not synced, keeping the current ones: %s", crm, exc)
                return
            log.info("sync: %s: %d fetched, %d new, %d updated, %d removed, %d re-owned, %s contacts", crm, report.fetched,
                     report.added, report.updated, report.removed, report.reowned,
                     "no" if report.contacts is None else report.contacts)
            if report.added or report.updated:  # stored news from before an account existed, tied to it now
                try:
                    retie_through_app(app, utcnow())
                except StoreError as exc:
                    log.error("sync: %s: stored events not tied to the accounts (the next sync ties them): %s", crm, exc)

        scheduler.add_job(job, IntervalTrigger(seconds=interval.total_seconds()), id=f"sync:{crm}", next_run_time=utcnow())
