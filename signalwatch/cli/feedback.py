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
    from signalwatch.feedback.report import Outcome, RuleFigures

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "rules", "ICP and alert rules: check, test, backtest")
    report = group.add_parser("report", help="per rule: alerts sent, useful / not useful (by reason), claimed, snoozed, and"
                              " new CRM deals within 30 and 90 days after the alert against ICP accounts without one (lift)")
    report.add_argument("--since", default="90d", help="the period, back from now (default 90d)")
    report.add_argument("--format", choices=["text", "json"], default="text")
    report.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from signalwatch.cli.common import migrated_store, ruleset_or_exit, settings_or_exit
    from signalwatch.feedback import ledger
    from signalwatch.feedback.deals import connected_crms
    from signalwatch.feedback.report import rule_figures, sent_alerts
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
    since = now - period
    alerts = sent_alerts(store, since, now)
    actions = ledger.actions_since(store.engine, since)
    figures = rule_figures([rule.id for rule in ruleset.rules], alerts, actions)
    crms = connected_crms(settings)
    problems = _add_outcomes(settings, store, ruleset, crms, alerts, figures, since, now) if crms else []
    if args.format == "json":
        print(json.dumps({"since": since.isoformat(), "until": now.isoformat(), "crms": crms, "problems": problems,
                          "rules": [entry.as_dict() for entry in figures.values()]}, indent=2))
        return 0
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"Rule effectiveness since {since:%Y-%m-%d} ({args.since}): {len(alerts)} alerts sent, {len(actions)} actions"
          f" by {len({a.user_id for a in actions})} reps")
    _print_feedback(list(figures.values()))
    if crms and not problems:
        _print_outcomes(list(figures.values()), crms)
    elif not crms:
        print("\nNo CRM connected (sinks.hubspot or sinks.salesforce): no deal outcomes.")
    return 0


def _add_outcomes(settings, store, ruleset, crms, alerts, figures, since, now) -> list[str]:  # type: ignore[no-untyped-def]
    """Fill each rule's CRM outcomes; the problems met reading the CRMs (then nothing is filled)."""
    from signalwatch.crm.sync import crm_ids
    from signalwatch.feedback.deals import new_deals
    from signalwatch.feedback.report import WINDOWS, deals_by_account, first_alerts, outcome
    from signalwatch.sinks.base import SinkError

    found = []
    problems = []
    for crm in crms:
        try:
            found += new_deals(settings, crm, since)
        except (SinkError, ValueError) as exc:
            problems.append(f"{crm}: deals could not be read, no CRM outcomes: {exc}")
    if problems:
        return problems
    accounts = store.list_accounts()
    by_crm_id = {(crm, remote): account.id for account in accounts for crm, remote in crm_ids(account.crm_id).items()}
    deals = deals_by_account(found, by_crm_id)
    icp = [account.id for account in accounts if (fit := ruleset.icp.fit(account)).tier and not fit.excluded_by]
    for entry in figures.values():
        first = first_alerts(alerts, entry.rule)
        entry.outcomes = [outcome(first, deals, icp, now, days) for days in WINDOWS]
    return []


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f}%)" if whole else "-"


def _print_feedback(figures: list[RuleFigures]) -> None:
    from signalwatch.cli.common import print_table

    rows = [(f.rule, f.alerts, len(f.accounts), f.useful, sum(f.not_useful.values()), f.claimed, f.snoozed,
             _share(len(f.acted_on), f.alerts), f.reasons() or "-") for f in figures]
    print()
    print_table(["rule", "alerts", "accounts", "useful", "not useful", "claimed", "snoozed", "acted on", "not useful because"], rows)


def _outcome_cells(o: Outcome) -> tuple[str, str, str]:
    if not o.alerted:
        return f"no window closed yet ({o.open_windows} open)", "-", "-"
    ours = _share(o.alerted_hits, o.alerted) + (f", {o.open_windows} still open" if o.open_windows else "")
    theirs = f"{100 * o.control_rate:.1f}% of {o.control}" if o.control_rate is not None else f"- of {o.control}"
    lift = f"{o.lift:.1f}x" if o.lift is not None else "-"
    return ours, theirs, lift + (" (small sample)" if o.small else "")


def _print_outcomes(figures: list[RuleFigures], crms: list[str]) -> None:
    from signalwatch.cli.common import print_table

    print(f"\nNew deals after the alert ({', '.join(crms)}): accounts with a new deal within N days of the rule's first alert"
          " to them, against ICP accounts the rule did not alert, over the same windows")
    rows = [(f.rule, f"{o.days}d", *_outcome_cells(o)) for f in figures for o in f.outcomes if f.alerts]
    if rows:
        print_table(["rule", "within", "alerted accounts with a new deal", "ICP accounts without an alert", "lift"], rows)
    else:
        print("  no rule sent an alert in the period")
