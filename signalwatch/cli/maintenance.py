"""Maintenance commands: `maintenance prune` applies the retention settings now."""

from __future__ import annotations

import argparse
import sys

from signalwatch.cli import command_group
from signalwatch.cli.common import migrated_store, settings_or_exit
from signalwatch.timeutil import utcnow

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "maintenance", "database upkeep")
    prune = group.add_parser("prune", help="delete events and sent alerts older than the retention settings (the daemon does this daily)")
    prune.set_defaults(func=cmd_prune)


def cmd_prune(args: argparse.Namespace) -> int:
    from signalwatch.runtime.operations import run_prune
    from signalwatch.store import StoreError

    settings = settings_or_exit(args)
    store = migrated_store(settings)
    try:
        print(run_prune(store, settings.retention, utcnow()))
    except StoreError as exc:
        print(f"signalwatch maintenance prune: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0
