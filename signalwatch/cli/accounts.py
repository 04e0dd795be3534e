"""Account commands: import a CSV, list accounts with their ICP tier."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from signalwatch.accounts import ACCOUNT_FIELDS
from signalwatch.cli import command_group
from signalwatch.cli.common import (
    migrated_store,
    print_table,
    ruleset_or_exit,
    settings_or_exit,
)
from signalwatch.timeutil import utcnow

if TYPE_CHECKING:
    from signalwatch.config import Settings
    from signalwatch.yamlload import Issue

__all__ = ["register", "tie_stored_events"]

# The CSV columns, as `signalwatch.accounts.csv_import.COLUMNS` (which imports the CSV reader) has them.
COLUMNS = tuple(name for name in ACCOUNT_FIELDS if name != "id")


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "accounts", "target accounts: import, list, top, candidates, discover-boards")
    imp_help = ("import or update accounts from a CSV file (bad rows are reported by line, good rows kept); stored events "
                "of the last 30 days that had no account and now resolve to one (a general feed's news polled before the "
                "account existed) are tied to it, marked backfill: listed, alerting only through rules that say `backfill: alert`")
    imp = group.add_parser("import", help=imp_help, description=imp_help)
    imp.add_argument("file", help=f"CSV with columns {', '.join(COLUMNS)}")
    imp.add_argument("--dry-run", action="store_true", help="check the file without saving")
    imp.set_defaults(func=cmd_import)
    lst = group.add_parser("list", help="list accounts with their ICP tier")
    lst.add_argument("--tier", help="only this tier (use 'none' for untiered, 'excluded' for anti-ICP)")
    lst.set_defaults(func=cmd_list)


def cmd_import(args: argparse.Namespace) -> int:
    from signalwatch.accounts.csv_import import iter_accounts_csv
    from signalwatch.connectors.jobboards import PROVIDERS

    settings = settings_or_exit(args)
    issues: list[Issue] = []
    columns: set[str] = set()  # the fields the file carries: an update leaves the others as they are
    good = iter_accounts_csv(args.file, issues, PROVIDERS, columns)  # streamed: rows are read as they are written
    if args.dry_run:
        count = sum(1 for _ in good)
    else:
        added, updated = migrated_store(settings).upsert_accounts(good, utcnow(), columns)
        count = added + updated
    for issue in issues:
        print(issue, file=sys.stderr)
    errors = [issue for issue in issues if issue.severity == "error"]
    if any(issue.line <= 1 for issue in errors):  # the file or its header: no row was read
        print(f"the file was rejected ({len(errors)} problem(s) above); nothing imported")
    elif args.dry_run:
        print(f"{count} good rows, {len(errors)} problems (dry run, nothing saved)")
    else:
        print(f"imported {count} accounts ({added} new, {updated} updated); {len(errors)} rows rejected")
    untied = not args.dry_run and count > 0 and not tie_stored_events(settings, "accounts import")
    return 1 if errors or untied else 0


def tie_stored_events(settings: Settings, command: str) -> bool:
    """After accounts were added or updated: tie the stored events of the last 30 days that had no
    account and now resolve to one (`runtime.retie`), and say so; False when that failed (the
    accounts are saved all the same, and the next import or sync ties the events)."""
    from signalwatch.runtime.retie import retie_for_settings
    from signalwatch.store import StoreError
    from signalwatch.yamlload import AdminInputError

    try:
        done = retie_for_settings(settings, utcnow())
    except (AdminInputError, StoreError) as exc:
        print(f"signalwatch {command}: stored events not tied to the accounts: {exc} "
              "(the accounts are saved; the next import or sync ties them)", file=sys.stderr)
        return False
    if done.tied:
        print(f"tied {done.tied} stored event(s) of the last 30 days to these accounts (backfill: listed, "
              f"quiet unless a rule says `backfill: alert`; {done.alerts} alert(s) queued)")
    return True


def cmd_list(args: argparse.Namespace) -> int:
    settings = settings_or_exit(args)
    from signalwatch.yamlload import suggest

    icp = ruleset_or_exit(settings).icp
    known = [tier.name for tier in icp.tiers] + ["none", "excluded"]
    if args.tier and args.tier.lower() not in {name.lower() for name in known}:
        print(f"signalwatch accounts list: no tier {args.tier!r}{suggest(args.tier, known)}; tiers: {', '.join(known)}", file=sys.stderr)
        return 2
    store = migrated_store(settings)
    rows = []
    for account in store.list_accounts():
        fit = icp.fit(account)
        tier = "excluded" if fit.excluded_by else (fit.tier or "none")
        if args.tier and tier.lower() != args.tier.lower():
            continue
        rows.append((account.id, account.name, account.domain, tier, account.industry, account.employees, account.country,
                     account.owner_email, fit.excluded_by or "; ".join(fit.criteria)))
    print_table(["id", "name", "domain", "tier", "industry", "employees", "country", "owner", "why"], rows)
    return 0
