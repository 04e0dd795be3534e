"""CRM commands: `crm setup hubspot` (create the signal properties) and `crm sync` (import accounts).

Everything printed passes `redact`: an upstream error may echo the token it was sent.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from signalwatch.cli import command_group
from signalwatch.cli.common import migrated_store, redact, settings_or_exit
from signalwatch.timeutil import utcnow

if TYPE_CHECKING:
    from signalwatch.config import Settings
    from signalwatch.crm.owners import SlackDirectory
    from signalwatch.store import Store

__all__ = ["register"]

# `signalwatch.crm.run.CRMS`, spelled here so building the parser imports no CRM or Slack client.
CRMS = ("hubspot", "salesforce")


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "crm", "CRM write-back setup and account sync (HubSpot, Salesforce)")
    setup = group.add_parser("setup", help="create the signalwatch company properties in the CRM if missing")
    setup.add_argument("crm", choices=["hubspot"])
    setup.set_defaults(func=cmd_setup)
    sync = group.add_parser("sync", help="import target accounts (with owners and contacts) from the CRM now; stored events "
                            "of the last 30 days that had no account and now resolve to one are tied to it (as backfill)")
    sync.add_argument("crm", nargs="?", choices=[*CRMS, "all"], default="all",
                      help="which CRM (default: every CRM whose sync is enabled)")
    sync.add_argument("--dry-run", action="store_true",
                      help="print what would change (accounts added, fields old -> new, accounts removed, contacts kept, new and "
                           "gone) and write nothing")
    sync.set_defaults(func=cmd_sync)


def cmd_setup(args: argparse.Namespace) -> int:
    from signalwatch.crm.hubspot_api import ALERT_KEY_PROPERTY, KEYED_OBJECTS
    from signalwatch.crm.run import crm_token
    from signalwatch.sinks import SinkError
    from signalwatch.sinks.hubspot import HubSpotConfig, build_hubspot_api

    settings = settings_or_exit(args)
    config = settings.sink_configs["hubspot"]
    assert isinstance(config, HubSpotConfig)
    try:
        api = build_hubspot_api(config, crm_token(settings, "hubspot"))
        created = api.ensure_properties(config.property_group)
        plain = [kind for kind in KEYED_OBJECTS if not api.has_unique_key(kind)]
    except (SinkError, ValueError) as exc:
        print(redact(f"signalwatch crm setup: {exc}", settings), file=sys.stderr)
        return 1
    print(f"created: {', '.join(created)}" if created else "all signalwatch properties already exist")
    for kind in plain:
        print(f"warning: {kind}.{ALERT_KEY_PROPERTY} exists without unique values: records are found by search, "
              "which lags behind writes; recreate it with unique values", file=sys.stderr)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from signalwatch.cli.accounts import tie_stored_events
    from signalwatch.crm.run import slack_directory, sync_enabled
    from signalwatch.sinks import SinkError

    settings = settings_or_exit(args)
    chosen = [c for c in CRMS if sync_enabled(settings, c)] if args.crm == "all" else [args.crm]
    if not chosen:
        print("no CRM sync is enabled (set sinks.hubspot.sync.enabled or sinks.salesforce.sync.enabled)", file=sys.stderr)
        return 2
    store = migrated_store(settings)
    directory = slack_directory(settings)
    failed = synced = 0
    for crm in chosen:
        try:
            lines, problems = _previewed(settings, store, crm, directory) if args.dry_run else _synced(settings, store, crm, directory)
        except (SinkError, ValueError) as exc:
            print(redact(f"{crm}: not synced, accounts unchanged: {exc}", settings), file=sys.stderr)
            failed += 1
            continue
        for line in lines:
            print(redact(line, settings))
        for problem in problems:
            print(redact(f"  skipped {problem}", settings), file=sys.stderr)
        synced += not args.dry_run
    if synced and not tie_stored_events(settings, "crm sync"):  # once, after every CRM's accounts are in
        failed += 1
    return 1 if failed else 0


def _synced(settings: Settings, store: Store, crm: str, directory: SlackDirectory) -> tuple[list[str], list[str]]:
    """Sync one CRM; (summary lines, skipped records)."""
    from signalwatch.crm.run import sync_crm

    report = sync_crm(settings, store, crm, directory, utcnow())
    contacts = [] if report.contacts is None else [f"{crm}: {report.contacts} contacts of the synced accounts stored"]
    return [f"{crm}: {report.fetched} accounts fetched: {report.added} new, {report.updated} updated, "
            f"{report.removed} removed (gone from the CRM), {report.reowned} re-owned", *contacts], report.skipped


def _previewed(settings: Settings, store: Store, crm: str, directory: SlackDirectory) -> tuple[list[str], list[str]]:
    """What syncing one CRM would change, written nowhere; (diff lines, skipped records)."""
    from signalwatch.crm.run import preview_crm
    from signalwatch.crm.sync import render_diff

    diff = preview_crm(settings, store, crm, directory)
    return render_diff(diff), diff.skipped
