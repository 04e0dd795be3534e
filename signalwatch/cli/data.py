"""Inspection commands: events list, outbox list, outbox retry-dead, outbox discard."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from signalwatch.cli import command_group
from signalwatch.cli.common import migrated_store, print_table, redact, settings_or_exit
from signalwatch.timeutil import utcnow

if TYPE_CHECKING:
    from signalwatch.config import Settings
    from signalwatch.store import OutboxItem, Store

__all__ = ["register"]

# The values of `signalwatch.store.OutboxStatus`, spelled here so building the parser imports no database code.
OUTBOX_STATUSES = ["pending", "sending", "sent", "dead", "discarded"]
DISCARD_HELP = ("mark dead letters as discarded: kept for the record, never sent, no longer counted by `status`. "
                "Give row ids (from `outbox list`), or --all-dead; --sink limits either to one sink, and alone "
                "discards every unsent row of a sink the config does not enable (queued before it was disabled)")


def register(subparsers: argparse._SubParsersAction) -> None:
    events = command_group(subparsers, "events", "stored signal events")
    lst = events.add_parser("list", help="list recent events, newest first")
    lst.add_argument("--limit", type=int, default=50, help="events to show (default 50)")
    lst.add_argument("--source", help="only events from this source")
    lst.set_defaults(func=cmd_events)
    outbox = command_group(subparsers, "outbox", "alerts waiting, sent or dead")
    olist_help = ("list alerts in the outbox, newest first; an alert a delivery window holds shows until when, "
                  "in the window's time zone (\"held until Mon 09:00 Europe/London\")")
    olist = outbox.add_parser("list", help=olist_help, description=olist_help)
    olist.add_argument("--status", choices=OUTBOX_STATUSES, help="only rows in this state (held rows are pending)")
    olist.add_argument("--limit", type=int, default=50, help="rows to show (default 50)")
    olist.set_defaults(func=cmd_outbox)
    retry = outbox.add_parser("retry-dead", help="give every dead letter a fresh retry budget")
    retry.set_defaults(func=cmd_retry_dead)
    discard = outbox.add_parser("discard", help=DISCARD_HELP, description=DISCARD_HELP)
    discard.add_argument("ids", nargs="*", type=int, metavar="ID", help="outbox row ids (dead, or unsent for a disabled sink)")
    discard.add_argument("--all-dead", action="store_true", help="every dead letter (of --sink, when given)")
    discard.add_argument("--sink", help="only rows of this sink")
    discard.set_defaults(func=cmd_discard)


def _store(args: argparse.Namespace) -> Store:
    return migrated_store(settings_or_exit(args))


def cmd_events(args: argparse.Namespace) -> int:
    from signalwatch.yamlload import suggest

    settings = settings_or_exit(args)
    store = migrated_store(settings)
    rows = []
    accounts = {a.id: a.name for a in store.list_accounts()}
    for event_id, event in store.list_events(limit=args.limit, source=args.source):
        account = accounts.get(event.account_id, "-") if event.account_id else f"unmatched ({event.match_method or 'not resolved'})"
        rows.append((event_id, event.occurred_at.strftime("%Y-%m-%d"), f"{event.type}/{event.change}", account,
                     event.company_name, event.source, event.title))
    print_table(["id", "date", "event", "account", "company (as named)", "source", "title"], rows)
    names = [source.name for source in settings.sources]
    if args.source and not rows and args.source not in names:  # a source removed from the config still lists its events
        print(f"signalwatch events list: no events from {args.source!r}, and no source of that name in the config"
              f"{suggest(args.source, names)}", file=sys.stderr)
    return 0


def cmd_outbox(args: argparse.Namespace) -> int:
    """List outbox rows. Errors are stored redacted; printing passes `redact` too, for rows an
    older release stored with a token an upstream error echoed."""
    from signalwatch.alerts.payload import describe

    settings = settings_or_exit(args)
    store = migrated_store(settings)
    items = store.list_outbox(status=args.status, limit=args.limit)
    rows = []
    for item, status in zip(items, _statuses(items, store, settings), strict=True):
        rows.append((item.id, status, item.priority, item.rule_id, f"{item.sink} {item.target or ''}".strip(),
                     item.attempts, describe(item.payload), redact(item.last_error or "", settings)))
    print_table(["id", "status", "priority", "rule", "sink", "attempts", "what", "last error"], rows)
    return 0


def _statuses(items: Sequence[OutboxItem], store: Store, settings: Settings) -> list[str]:
    """Each row's status; a row a delivery window holds says until when, in the window's time zone."""
    from signalwatch.runtime.holds import held_rows, held_text, rules_zone_finder

    now = utcnow()
    candidates = [item.id for item in items if item.status == "pending" and item.attempts == 0]
    holds = {hold.row_id: hold for hold in held_rows(store, now, candidates)}
    zone = rules_zone_finder(settings.rules_path) if holds else None
    return [held_text(holds[item.id].until, zone(holds[item.id]), now) if zone and item.id in holds else item.status
            for item in items]


def cmd_retry_dead(args: argparse.Namespace) -> int:
    count = _store(args).retry_dead(utcnow())
    print(f"{count} dead letters moved back to pending; they are sent on the next delivery run")
    return 0


def cmd_discard(args: argparse.Namespace) -> int:
    """Discard dead letters, so `status` stops reporting what an operator decided not to send; also
    the unsent rows of a sink the config no longer enables (they wait for it otherwise)."""
    from signalwatch.store import OutboxStatus

    settings = settings_or_exit(args)
    enabled = {name for name, config in settings.sink_configs.items() if config.enabled}
    if not args.ids and not args.all_dead and not args.sink:
        print("signalwatch outbox discard: give row ids, --all-dead or --sink NAME", file=sys.stderr)
        return 2
    if args.ids and args.all_dead:
        print("signalwatch outbox discard: give row ids or --all-dead, not both", file=sys.stderr)
        return 2
    store = migrated_store(settings)
    unsent_too = [OutboxStatus.DEAD, OutboxStatus.PENDING]
    if args.all_dead:
        done = store.discard(sinks=[args.sink] if args.sink else None)
    elif not args.ids:
        if args.sink in enabled:
            print(f"signalwatch outbox discard: sink {args.sink!r} is enabled: its pending alerts are being delivered; "
                  "discard its dead letters with --all-dead --sink, or rows by id", file=sys.stderr)
            return 2
        done = store.discard(sinks=[args.sink], statuses=unsent_too)
    else:
        states = store.outbox_states(args.ids)
        wanted = [i for i in args.ids if i in states and (args.sink is None or states[i][1] == args.sink)]
        done = store.discard([i for i in wanted if states[i][0] == OutboxStatus.DEAD or states[i][1] not in enabled],
                             statuses=unsent_too)
        refused = [_refusal(i, states.get(i), enabled, args.sink) for i in args.ids if i not in done]
        for reason in refused:
            print(f"  not discarded: {reason}", file=sys.stderr)
    print(f"{len(done)} alert(s) discarded: kept in `outbox list --status discarded`, never sent")
    return 1 if args.ids and len(done) < len(args.ids) else 0


def _refusal(item_id: int, state: tuple[str, str] | None, enabled: set[str], sink: str | None) -> str:
    """Why row `item_id` was not discarded."""
    if state is None:
        return f"{item_id}: no such outbox row"
    status, row_sink = state
    if sink is not None and row_sink != sink:
        return f"{item_id}: it is a row of sink {row_sink!r}, not {sink!r}"
    if status == "pending" and row_sink in enabled:
        return f"{item_id}: it is pending for sink {row_sink!r}, which is enabled: it is still being delivered"
    return f"{item_id}: it is {status}"
