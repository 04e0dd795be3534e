"""`signalwatch accounts discover-boards`: find each account's job boards from its careers page.

Targets are the accounts in the store (by domain), or those given with --domain, --url or
--csv. The command only prints what it found; an admin copies the boards into the
accounts CSV's `boards` column, because a board id is a claim about who a company is.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from signalwatch.cli import command_group
from signalwatch.cli.common import migrated_store, settings_or_exit

if TYPE_CHECKING:
    from signalwatch.connectors.jobboards.discover import Discovery
    from signalwatch.http import HttpClient

__all__ = ["register", "run", "Target", "read_targets"]


@dataclass(frozen=True)
class Target:
    """An account to discover boards for: a name and a domain and/or careers page URL."""

    name: str
    domain: str | None = None
    careers_url: str | None = None
    boards: tuple[str, ...] = ()


def register(subparsers: argparse._SubParsersAction) -> None:
    accounts = command_group(subparsers, "accounts", "Manage target accounts")
    parser = accounts.add_parser(
        "discover-boards",
        help="find job-board ids (greenhouse:acme, ...) linked from accounts' careers pages",
        description="Read each account's careers page and print the job boards it links to: the accounts given "
        "with --domain, --url or --csv, else every stored account with a domain. "
        "Board ids are only taken from links, never guessed from the domain.",
    )
    parser.add_argument("--domain", action="append", default=[], help="company domain (tries /careers, /jobs, /)")
    parser.add_argument("--url", action="append", default=[], help="careers page URL")
    parser.add_argument("--csv", type=Path, help="accounts CSV with name, domain and optional careers_url columns")
    parser.set_defaults(func=run)


def read_targets(args: argparse.Namespace) -> list[Target]:
    """Targets from --domain, --url and --csv; ValueError lists every bad CSV row at once."""
    targets = [Target(name=d, domain=d) for d in args.domain] + [Target(name=u, careers_url=u) for u in args.url]
    if args.csv:
        problems = []
        with args.csv.open(newline="", encoding="utf-8-sig") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                name = (row.get("name") or "").strip()
                domain = (row.get("domain") or "").strip() or None
                careers = (row.get("careers_url") or "").strip() or None
                if not name or not (domain or careers):
                    problems.append(f"{args.csv}:{line}: needs a name and a domain or careers_url")
                    continue
                targets.append(Target(name=name, domain=domain, careers_url=careers))
        if problems:
            raise ValueError("\n".join(problems))
    return targets


def run(args: argparse.Namespace, http: HttpClient | None = None) -> int:
    from signalwatch.config import default_config_path
    from signalwatch.connectors.jobboards.discover import discover_boards
    from signalwatch.http import HttpClient, HttpSettings

    try:
        targets = read_targets(args)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    settings = None
    if not targets or args.config or default_config_path().exists():
        settings = settings_or_exit(args)
    if not targets:
        store = migrated_store(settings)  # type: ignore[arg-type]
        try:
            accounts = store.list_accounts()
        finally:
            store.close()
        targets = [Target(a.name, a.domain, None, a.boards) for a in accounts if a.domain]
        if not targets:
            print("no accounts with a domain in the store; import accounts or give --domain, --url or --csv")
            return 1
    client = http or HttpClient(settings.http if settings else HttpSettings())
    try:
        found_any = False
        for target in targets:
            result = discover_boards(client, careers_url=target.careers_url, domain=target.domain,
                                     user_agent=client.settings.user_agent)
            found_any |= bool(result.boards)
            print(_line(target, result))
        return 0 if found_any else 1
    finally:
        if http is None:
            client.close()


def _line(target: Target, result: Discovery) -> str:
    where = target.domain or target.careers_url
    label = target.name if target.name == where else f"{target.name} ({where})"
    if result.boards:
        known = {board.lower() for board in target.boards}
        marked = [board if board.lower() in known else f"{board} (new)" for board in result.boards]
        return f"{label}: {' '.join(marked) if target.boards else ' '.join(result.boards)}"
    why = "; ".join(result.problems) or f"no job-board links on {', '.join(result.pages)}"
    return f"{label}: no boards found ({why})"
