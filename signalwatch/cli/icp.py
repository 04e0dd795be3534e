"""ICP commands: `icp suggest` (attributes of won and lost deals, and a proposed icp.yaml).

Read only: deals come from the CRM (or a CSV export), events from the store; nothing is
written unless `--write FILE` names where the proposal goes. Printed errors pass `redact`.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from signalwatch.cli import command_group
from signalwatch.cli.common import EXIT_CONFIG, migrated_store, redact, settings_or_exit
from signalwatch.cli.crm import CRMS

if TYPE_CHECKING:
    from signalwatch.config import Settings
    from signalwatch.icp.deals import DealsRead
    from signalwatch.icp.match import AccountIndex
    from signalwatch.icp.render import Sample
    from signalwatch.icp.suggest import Analysis

__all__ = ["register"]

def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "icp", "Ideal Customer Profile: suggestions from won and lost deals")
    suggest = group.add_parser(
        "suggest", help="compare won and lost deals (CRM or CSV): attributes with the largest lift, with support counts, "
                        "and a proposed icp.yaml diff; changes nothing unless --write")
    source = suggest.add_mutually_exclusive_group()
    source.add_argument("--crm", choices=[*CRMS, "all"], default="all",
                        help="read closed deals from this CRM (default: every CRM enabled in the config, as a sink or for sync)")
    source.add_argument("--csv", metavar="FILE", help="read closed deals from a CSV export instead (columns: see the README)")
    suggest.add_argument("--since", default="365d", help="deals closed within this period (default 365d)")
    suggest.add_argument("--window", default="180d", help="signals that occurred this long before a close count (default 180d)")
    suggest.add_argument("--min-support", type=int, default=5, metavar="N",
                         help="rank only attributes seen in at least N deals (default 5)")
    suggest.add_argument("--must-coverage", type=float, default=0.8, metavar="SHARE",
                         help="a proposed criterion holding for at least this share of won deals is a must-have (default 0.8)")
    suggest.add_argument("--top", type=int, default=10, help="attributes to print per list (default 10)")
    suggest.add_argument("--tier", help="the ICP tier to rebuild from the evidence (default: the first)")
    suggest.add_argument("--rules", help="rules folder (default: rules_dir from the config)")
    suggest.add_argument("--day-first", action="store_true", help="CSV dates such as 14/03/2025 are day/month/year")
    suggest.add_argument("--write", metavar="FILE",
                         help="write the proposed ICP file to FILE (it passes `rules check` beside the current rules); "
                              "the live ICP changes only if FILE is it")
    suggest.set_defaults(func=cmd_suggest)


def cmd_suggest(args: argparse.Namespace) -> int:
    from signalwatch.icp.collect import collect_facts
    from signalwatch.icp.match import AccountIndex
    from signalwatch.icp.render import Sample
    from signalwatch.icp.suggest import analyse
    from signalwatch.timeutil import parse_duration, utcnow

    settings = settings_or_exit(args)
    try:
        since, window = (utcnow() - parse_duration(args.since)).date(), parse_duration(args.window)
        if args.min_support < 1 or not 0 < args.must_coverage <= 1 or args.top < 1:
            raise ValueError("--min-support and --top take a whole number of at least 1, --must-coverage a share above 0, up to 1")
    except ValueError as exc:
        print(f"signalwatch icp suggest: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    store = migrated_store(settings)
    index = AccountIndex(store.list_accounts())
    reads = _read_deals(args, settings, since, index)
    if isinstance(reads, int):
        return reads
    deals = [deal for _, read in reads for deal in read.deals]
    sample = Sample(tuple(name for name, _ in reads), since, window, sum(read.not_closed for _, read in reads),
                    sum(read.before for _, read in reads))
    if not deals:
        print(f"no closed deals since {since.isoformat()} in {', '.join(sample.sources)}: nothing to compare")
        return 0
    analysis = analyse(collect_facts(store, index, deals, window), args.min_support)
    return _propose(args, settings, analysis, sample)


def _read_deals(args: argparse.Namespace, settings: Settings, since: date, index: AccountIndex) -> list[tuple[str, DealsRead]] | int:
    """(source, what it held) per source, or an exit status after printing why not."""
    from signalwatch.icp.deals_csv import read_deals_csv
    from signalwatch.sinks import SinkError
    from signalwatch.yamlload import AdminInputError

    if args.csv:
        try:
            return [(args.csv, read_deals_csv(Path(args.csv), day_first=args.day_first, since=since))]
        except AdminInputError as exc:
            print(exc, file=sys.stderr)
            return EXIT_CONFIG
    chosen = [crm for crm in CRMS if _connected(settings, crm)] if args.crm == "all" else [args.crm]
    if not chosen:
        print("no CRM is connected: enable sinks.hubspot or sinks.salesforce (or their sync), or pass --csv FILE", file=sys.stderr)
        return EXIT_CONFIG
    reads = []
    for crm in chosen:
        try:
            reads.append((crm, _crm_deals(settings, crm, since, index)))
        except (SinkError, ValueError) as exc:
            print(redact(f"{crm}: closed deals not read: {exc}", settings), file=sys.stderr)
            return 1
    return reads


def _connected(settings: Settings, crm: str) -> bool:
    config = settings.sink_configs.get(crm)
    sync = getattr(config, "sync", None)  # the CRM sinks' configs have one
    return config is not None and bool(config.enabled or (sync is not None and sync.enabled))


def _crm_deals(settings: Settings, crm: str, since: date, index: AccountIndex) -> DealsRead:
    from signalwatch.crm.run import crm_token
    from signalwatch.icp.deals import hubspot_closed_deals, salesforce_closed_deals
    from signalwatch.sinks.hubspot import HubSpotConfig, build_hubspot_api
    from signalwatch.sinks.salesforce import SalesforceConfig, build_salesforce_api

    config = settings.sink_configs[crm]
    token = crm_token(settings, crm)
    if isinstance(config, HubSpotConfig):
        return hubspot_closed_deals(build_hubspot_api(config, token), config.sync, since,
                                    lambda company: index.watched("hubspot", company))
    assert isinstance(config, SalesforceConfig)
    return salesforce_closed_deals(build_salesforce_api(config, token), config.sync, since)


def _propose(args: argparse.Namespace, settings: Settings, analysis: Analysis, sample: Sample) -> int:
    """Print the report with the proposed ICP diff; write the proposal where --write says."""
    from signalwatch.icp.proposal import ProposalError, check_proposal, criteria_from, propose, unified_diff
    from signalwatch.icp.render import report
    from signalwatch.rules.ruleset import ICP_FILE
    from signalwatch.timeutil import utcnow
    from signalwatch.yamlload import AdminInputError

    criteria = criteria_from(analysis, args.must_coverage)
    folder = Path(args.rules) if args.rules else settings.rules_path
    live = folder / ICP_FILE
    current = live.read_text(encoding="utf-8") if live.exists() else None
    header = (f"Proposed by `signalwatch icp suggest` on {utcnow():%Y-%m-%d} from {len(analysis.facts)} closed deals"
              f" ({analysis.won} won): review it before it replaces {ICP_FILE}.")
    proposed = None
    if criteria:
        try:
            proposed = propose(current, criteria, args.tier, header)
            check_proposal(proposed, folder, ICP_FILE)
        except ProposalError as exc:
            print(f"signalwatch icp suggest: {live}: {exc}", file=sys.stderr)
            return 1
        except AdminInputError as exc:
            print(exc, file=sys.stderr)
            print(f"signalwatch icp suggest: the proposal does not load beside the rules in {folder} (see `signalwatch rules"
                  " check`); nothing was written", file=sys.stderr)
            return 1
    shown = _shown(live)
    diff = unified_diff(current or "", proposed, shown, "proposed") if proposed is not None else ""
    tier = args.tier or _first_tier(current) or "A"
    print(report(analysis, sample, criteria, args.top, tier, args.must_coverage, diff, shown), end="")
    if args.write and proposed is None:
        print(f"no change proposed: {args.write} not written")
    elif args.write:
        target = Path(args.write)
        _write(target, proposed)  # type: ignore[arg-type]
        print(f"wrote the proposed ICP to {target}" + (" (the live ICP file)" if target.resolve() == live.resolve() else ""))
    return 0


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it lies below it (rules/icp.yaml), else as it is."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _first_tier(text: str | None) -> str | None:
    import yaml

    try:
        data = yaml.safe_load(text or "") or {}
        return str(data["tiers"][0]["name"])
    except (yaml.YAMLError, LookupError, TypeError):
        return None


def _write(path: Path, text: str) -> None:
    """Replace `path` whole (a temporary file renamed over it): a rules reload never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.tmp")
    scratch.write_text(text, encoding="utf-8")
    os.replace(scratch, path)
