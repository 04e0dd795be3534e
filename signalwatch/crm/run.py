"""Run the account sync from the settings: build the CRM client, fetch, merge into the store (or only
say what would change: `preview_crm`, for `crm sync --dry-run`)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from slack_sdk import WebClient

from signalwatch.crm.fetch import hubspot_accounts, salesforce_accounts
from signalwatch.crm.owners import SlackDirectory
from signalwatch.crm.sync import KNOWN_CRMS, CrmAccount, SyncDiff, SyncReport, apply_sync, preview_sync
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
    """One full sync of one CRM. A fetch error raises before anything in the store changes."""
    return apply_sync(store, crm, _fetch(settings, crm), directory.user_id, now)


def preview_crm(settings: Any, store: Store, crm: str, directory: SlackDirectory) -> SyncDiff:
    """What `sync_crm` would change, by the same fetch and plan, with nothing written."""
    return preview_sync(store, crm, _fetch(settings, crm), directory.user_id)


def _fetch(settings: Any, crm: str) -> list[CrmAccount]:
    """The complete listing of one CRM's selected companies/accounts (raises on any failure)."""
    # Imported here: the sink modules import this package, and the registry imports them.
    from signalwatch.sinks.hubspot import build_hubspot_api
    from signalwatch.sinks.salesforce import build_salesforce_api

    config = settings.sink_configs[crm]
    token = crm_token(settings, crm)
    if crm == "hubspot":
        return hubspot_accounts(build_hubspot_api(config, token), config.sync)
    return salesforce_accounts(build_salesforce_api(config, token), config.sync)


def schedule_crm_sync(scheduler: Any, app: Any) -> None:
    """Add one sync job per CRM whose `sinks.<crm>.sync.enabled` is true (first run at start)."""
    from apscheduler.triggers.interval import IntervalTrigger

    from signalwatch.sinks import SinkError

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
            log.info("sync: %s: %d fetched, %d new, %d updated, %d removed, %d re-owned", crm, report.fetched,
                     report.added, report.updated, report.removed, report.reowned)

        scheduler.add_job(job, IntervalTrigger(seconds=interval.total_seconds()), id=f"sync:{crm}", next_run_time=utcnow())
