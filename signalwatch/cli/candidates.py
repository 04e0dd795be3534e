"""`signalwatch accounts candidates`: Form D filers in an ICP industry that are not accounts yet."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import timedelta

from signalwatch.cli import command_group
from signalwatch.cli.common import (
    migrated_store,
    print_table,
    ruleset_or_exit,
    settings_or_exit,
    when,
)
from signalwatch.timeutil import utcnow

__all__ = ["register"]

EVENT_SCAN_LIMIT = 20_000  # newest stored events read; Form D volume is a few hundred a day


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "accounts", "target accounts: import, list")
    cmd = group.add_parser(
        "candidates",
        help="net-new account candidates: recent Form D raises in an ICP industry that match no account",
    )
    cmd.add_argument("--industry", action="append", default=None,
                     help="industry to look for (repeatable); default: the industries named in icp.yaml")
    cmd.add_argument("--days", type=int, default=30, help="look at events detected in the last N days (default 30)")
    cmd.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    cmd.set_defaults(func=cmd_candidates)


def cmd_candidates(args: argparse.Namespace) -> int:
    from signalwatch.matching.candidates import candidates, icp_industries

    settings = settings_or_exit(args)
    industries = set(args.industry or [])
    if not industries:
        industries = icp_industries(ruleset_or_exit(settings).icp)
    if not industries:
        print("no industries: name some with --industry, or add account.industry criteria to icp.yaml", file=sys.stderr)
        return 2
    store = migrated_store(settings)
    since = utcnow() - timedelta(days=args.days)
    events = [event for _, event in store.list_events(limit=EVENT_SCAN_LIMIT, since=since)]
    found = candidates(events, industries)
    if args.json:
        for c in found:
            print(json.dumps({**asdict(c), "filed_at": c.filed_at.isoformat()}))
        return 0
    rows = [(c.company_name, c.icp_industry, c.industry_group, _money(c.amount_usd), c.date_of_first_sale,
             when(c.filed_at), c.state, c.url) for c in found]
    print_table(["company", "icp industry", "form d industry", "sold", "first sale", "filed", "state", "filing"], rows)
    print(f"{len(found)} candidates in: {', '.join(sorted(industries))}")
    return 0


def _money(amount: float | None) -> str | None:
    return f"${amount:,.0f}" if amount else None
