"""`signalwatch backfill`: store the recent history of accounts, dated when it happened, without alerting.

For each enabled source whose type keeps history (job boards: roles by their own published
date; per-account news: items of each account's search; SEC Form D and 8-K: the accounts'
filings listed in EDGAR's daily indexes, dated when accepted), the events of the last N days are
resolved to accounts like any poll's and stored, so they show in `events list`, the digest
and `accounts top`. They carry `attributes.backfill = true` and alert only through rules that
say `backfill: alert` (default quiet), so adding 5,000 accounts sends nothing to Slack. Cursors are not touched: the live
polls go on as before, and an event found both ways is stored once (same dedupe key).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from signalwatch.cli.common import migrated_store, settings_or_exit
from signalwatch.timeutil import utcnow

if TYPE_CHECKING:
    from signalwatch.accounts import Account
    from signalwatch.config import Settings
    from signalwatch.events import SignalEvent
    from signalwatch.resolve import AccountIndex
    from signalwatch.store import Store

__all__ = ["register", "cmd_backfill", "store_history"]

_Commit = Callable[["AccountIndex", str, "list[SignalEvent]", datetime], "list[SignalEvent]"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backfill", help="store the last N days of job-board roles, account news and SEC filings for accounts "
        "(quiet unless a rule says backfill: alert)",
        description="Read each enabled job-board, per-account news and EDGAR (Form D, 8-K) source's history for the "
        "chosen accounts: roles published within --days (dated by their own published date), news items of that age, "
        "and the accounts' filings listed in EDGAR's daily indexes of those days. The events are stored and visible "
        "(events list, digest, accounts top) and alert only through rules that say `backfill: alert`. Other source types are skipped.",
    )
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--account", action="append", metavar="ACCOUNT",
                     help="an account's id, name or domain, as `accounts list` shows them (repeatable)")
    who.add_argument("--all", action="store_true", help="every account")
    parser.add_argument("--days", type=int, default=30, help="how far back (default 30)")
    parser.add_argument("--source", action="append", metavar="NAME", help="only this source (repeatable)")
    parser.set_defaults(func=cmd_backfill)


def cmd_backfill(args: argparse.Namespace) -> int:

    if args.days < 1:
        print("signalwatch backfill: --days must be at least 1", file=sys.stderr)
        return 2
    settings = settings_or_exit(args)
    names = [source.name for source in settings.sources]
    if args.source and (unknown := sorted(set(args.source) - set(names))):
        print(f"signalwatch backfill: no source named {', '.join(unknown)}", file=sys.stderr)
        return 1
    from signalwatch.rules.ruleset import load_ruleset

    if load_ruleset(settings.rules_path).alerts_on_history:
        return _backfill_through_rules(args, settings)
    store = migrated_store(settings)  # no rule says `backfill: alert`: no engine to build
    try:
        return _backfill(args, settings, store)
    finally:
        store.close()


def _backfill_through_rules(args: argparse.Namespace, settings: Settings) -> int:
    """Some rule alerts on history: commit through the daemon's engine, as a poll does."""
    from signalwatch.runtime.app import build_app
    from signalwatch.runtime.pipeline import commit_events

    app = build_app(settings)
    try:
        accounts = {account.id: account for account in app.accounts()[0]}  # read once, not per source

        def commit(index: AccountIndex, source: str, events: list[SignalEvent], now: datetime) -> list[SignalEvent]:
            marked = _marked(index, events)
            with app.engine_lock:
                done = commit_events(app.store, app.engine, accounts, source, marked, None, now, poll=False)
            print(f"{source}: {done.new_alerts} alert(s) queued by rules with `backfill: alert`")
            return done.new_events
        return _backfill(args, settings, app.store, commit)
    finally:
        app.close()


def _backfill(args: argparse.Namespace, settings: Settings, store: Store, commit: _Commit | None = None) -> int:
    from signalwatch.connectors import get_connector_class
    from signalwatch.connectors.base import FetchContext
    from signalwatch.http import HttpClient
    from signalwatch.resolve import AccountIndex

    accounts = store.list_accounts()
    index = AccountIndex(accounts)
    if args.account:
        chosen, problems = _choose(accounts, args.account)
        if problems:
            for problem in problems:
                print(f"signalwatch backfill: {problem}", file=sys.stderr)
            return 1
        accounts = chosen
    now = utcnow()
    since = now - timedelta(days=args.days)
    failed = False
    without_history = []
    with HttpClient(settings.http) as http:
        for source in settings.sources:
            if (source.name not in args.source) if args.source else not source.enabled:
                continue
            connector = get_connector_class(source.type)(source.name, settings.connector_options[source.name])
            found = connector.backfill(FetchContext(http, {}, accounts, now), since)
            if found is None:
                without_history.append(f"{source.name} ({source.type})")
                continue
            events, errors = found
            stored = (commit(index, source.name, events, now) if commit is not None
                      else store_history(store, index, source.name, events, now))
            tied = sum(1 for event in stored if event.account_id is not None)
            print(f"{source.name}: {len(stored)} new events ({tied} tied to an account) from the last {args.days} days")
            for target, reason in errors.items():
                failed = True
                print(f"{source.name}: {target}: {reason}", file=sys.stderr)
    if without_history:  # said always: a silent run looks like a backfill that found nothing
        print(f"no history to backfill from {', '.join(without_history)}: these sources only see what is new "
              "from their first poll on (account_news, jobboards, edgar_8k and edgar_formd keep history)")
    return 1 if failed else 0


def store_history(store: Store, index: AccountIndex, source: str, events: list[SignalEvent],
                  now: datetime) -> list[SignalEvent]:
    """Mark `events` as backfilled, tie them to accounts and store them (no rules): the new ones."""
    with store.poll_unit(source, now) as unit:
        return unit.insert(_marked(index, events))


def _marked(index: AccountIndex, events: list[SignalEvent]) -> list[SignalEvent]:
    from signalwatch.runtime.first_poll import mark_backfilled

    return [index.apply(event) for event in mark_backfilled(events)]


def _choose(accounts: list[Account], wanted: list[str]) -> tuple[list[Account], list[str]]:
    """The accounts `--account` names (an id, a name or a domain, case-insensitive), and a problem per value that names none or several."""
    chosen: dict[int, Account] = {}
    problems = []
    for value in wanted:
        key = value.strip().lower()
        found = [a for a in accounts if str(a.id) == key or a.name.lower() == key or (a.domain or "").lower() == key]
        if len(found) == 1:
            chosen[found[0].id] = found[0]
        elif not found:
            problems.append(f"no account with id, name or domain {value!r} (see `signalwatch accounts list`)")
        else:
            problems.append(f"{value!r} names {len(found)} accounts ({', '.join(f'{a.name} (id {a.id})' for a in found)}): give the id")
    return list(chosen.values()), problems
