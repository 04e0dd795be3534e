"""`signalwatch accounts top`: the hottest accounts and the signals that made them hot."""

from __future__ import annotations

import argparse
from collections import defaultdict

from signalwatch.cli import command_group
from signalwatch.cli.common import (
    migrated_store,
    print_table,
    ruleset_or_exit,
    settings_or_exit,
)
from signalwatch.timeutil import parse_duration, utcnow

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "accounts", "target accounts: import, list, top")
    top = group.add_parser("top", help="the hottest accounts with their contributing signals")
    top.add_argument("--limit", type=int, default=20, help="accounts to show (default 20)")
    top.add_argument("--since", default="180d", help="signals considered (default 180d)")
    top.set_defaults(func=cmd_top)


def cmd_top(args: argparse.Namespace) -> int:
    from signalwatch.rules.scoring import account_heat

    settings = settings_or_exit(args)
    ruleset = ruleset_or_exit(settings)
    store = migrated_store(settings)
    now = utcnow()
    by_account = defaultdict(list)
    for event in store.events_since(now - parse_duration(args.since)):
        if event.account_id is not None:
            by_account[event.account_id].append(event)
    ranked = []
    for account in store.list_accounts():
        fit = ruleset.icp.fit(account)
        if fit.excluded_by or account.id not in by_account:
            continue
        heat = account_heat(by_account[account.id], fit.tier, ruleset.policy.scoring, now)
        ranked.append((heat.value, account, fit, heat))
    ranked.sort(key=lambda item: item[0], reverse=True)
    rows = []
    for value, account, fit, heat in ranked[: args.limit]:
        signals = "; ".join(f"{e.type}/{e.change} {e.occurred_at:%m-%d} ({score:.1f})" for e, score in heat.contributions[:3])
        rows.append((f"{value:.1f}", account.name, fit.tier or "none", account.owner_email, signals))
    print_table(["heat", "account", "tier", "owner", "top signals (score)"], rows)
    return 0
