"""CRM commands: `crm setup hubspot` (create the signal properties) and `crm sync` (import accounts)."""

from __future__ import annotations

import argparse
import sys

from signalwatch.cli import command_group
from signalwatch.cli.common import migrated_store, settings_or_exit
from signalwatch.crm.run import CRMS, crm_token, slack_directory, sync_crm, sync_enabled
from signalwatch.sinks import SinkError
from signalwatch.timeutil import utcnow

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "crm", "CRM write-back setup and account sync (HubSpot, Salesforce)")
    setup = group.add_parser("setup", help="create the signalwatch company properties in the CRM if missing")
    setup.add_argument("crm", choices=["hubspot"])
    setup.set_defaults(func=cmd_setup)
    sync = group.add_parser("sync", help="import target accounts (and owners) from the CRM now")
    sync.add_argument("crm", nargs="?", choices=[*CRMS, "all"], default="all",
                      help="which CRM (default: every CRM whose sync is enabled)")
    sync.set_defaults(func=cmd_sync)


def cmd_setup(args: argparse.Namespace) -> int:
    from signalwatch.sinks.hubspot import HubSpotConfig, build_hubspot_api

    settings = settings_or_exit(args)
    config = settings.sink_configs["hubspot"]
    assert isinstance(config, HubSpotConfig)
    try:
        api = build_hubspot_api(config, crm_token(settings, "hubspot"))
        created = api.ensure_company_properties(config.property_group)
    except (SinkError, ValueError) as exc:
        print(f"signalwatch crm setup: {exc}", file=sys.stderr)
        return 1
    print(f"created: {', '.join(created)}" if created else "all signalwatch properties already exist")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    settings = settings_or_exit(args)
    chosen = [c for c in CRMS if sync_enabled(settings, c)] if args.crm == "all" else [args.crm]
    if not chosen:
        print("no CRM sync is enabled (set sinks.hubspot.sync.enabled or sinks.salesforce.sync.enabled)", file=sys.stderr)
        return 2
    store = migrated_store(settings)
    directory = slack_directory(settings)
    failed = 0
    for crm in chosen:
        try:
            report = sync_crm(settings, store, crm, directory, utcnow())
        except (SinkError, ValueError) as exc:
            print(f"{crm}: not synced, accounts unchanged: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"{crm}: {report.fetched} accounts fetched: {report.added} new, {report.updated} updated, "
              f"{report.removed} removed (gone from the CRM), {report.reowned} re-owned")
        for problem in report.skipped:
            print(f"  skipped {problem}", file=sys.stderr)
    return 1 if failed else 0
