"""`signalwatch rules report`: per rule, the alerts it sent, what reps said and did about them in
Slack, and (with a CRM connected) the accounts that got a new deal after the alert next to ICP
accounts the rule did not alert (the lift)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from signalwatch.cli import command_group

if TYPE_CHECKING:
    from signalwatch.feedback.report import RuleFigures

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "rules", "ICP and alert rules: check, test, backtest, explain, report")
    report = group.add_parser("report", help="per rule: alerts sent, useful / not useful (by reason), claimed, snoozed, and"
                              " new CRM deals within 30 and 90 days after the alert against ICP accounts without one (lift)")
    report.add_argument("--since", default="90d", help="the period, back from now (default 90d)")
    report.add_argument("--format", choices=["text", "json"], default="text")
    report.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from signalwatch.cli.common import migrated_store, ruleset_or_exit, settings_or_exit
    from signalwatch.feedback.report import effectiveness
    from signalwatch.timeutil import parse_duration, utcnow

    try:
        period = parse_duration(args.since)
    except ValueError as exc:
        print(f"signalwatch: --since: {exc}", file=sys.stderr)
        return 2
    settings = settings_or_exit(args)
    ruleset = ruleset_or_exit(settings)
    store = migrated_store(settings)
    now = utcnow()
    found = effectiveness(settings, store, ruleset, now - period, now)
    since, crms, problems, figures = found.since, found.crms, found.problems, found.figures
    if args.format == "json":
        print(json.dumps({"since": since.isoformat(), "until": now.isoformat(), "crms": crms, "problems": problems,
                          "rules": [entry.as_dict() for entry in figures.values()]}, indent=2))
        return 0
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"Rule effectiveness since {since:%Y-%m-%d} ({args.since}): {len(found.alerts)} alerts sent, {len(found.actions)} actions"
          f" by {found.reps} reps")
    _print_feedback(list(figures.values()))
    if found.outcomes:
        _print_outcomes(list(figures.values()), crms)
    elif not crms:
        print("\nNo CRM connected (sinks.hubspot or sinks.salesforce): no deal outcomes.")
    return 0


def _print_feedback(figures: list[RuleFigures]) -> None:
    from signalwatch.cli.common import print_table
    from signalwatch.feedback.report import share

    rows = [(f.rule, f.alerts, len(f.accounts), f.useful, sum(f.not_useful.values()), f.claimed, f.snoozed,
             share(len(f.acted_on), f.alerts), f.reasons() or "-") for f in figures]
    print()
    print_table(["rule", "alerts", "accounts", "useful", "not useful", "claimed", "snoozed", "acted on", "not useful because"], rows)


def _print_outcomes(figures: list[RuleFigures], crms: list[str]) -> None:
    from signalwatch.cli.common import print_table
    from signalwatch.feedback.report import outcome_cells

    print(f"\nNew deals after the alert ({', '.join(crms)}): accounts with a new deal within N days of the rule's first alert"
          " to them, against ICP accounts the rule did not alert, over the same windows")
    rows = [(f.rule, f"{o.days}d", *outcome_cells(o)) for f in figures for o in f.outcomes if f.alerts]
    if rows:
        print_table(["rule", "within", "alerted accounts with a new deal", "ICP accounts without an alert", "lift"], rows)
    else:
        print("  no rule sent an alert in the period")
