"""The `signalwatch` command line. Each command group is one module with `register(subparsers)`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

__all__ = ["main", "build_parser", "command_group"]

# One line per command module; each module defines `register(subparsers) -> None` and sets
# `func(args) -> int` on the parsers it adds.
COMMAND_MODULES = [
    "signalwatch.cli.core",
    "signalwatch.cli.demo",
    "signalwatch.cli.accounts",
    "signalwatch.cli.candidates",
    "signalwatch.cli.data",
    "signalwatch.cli.rules",
    "signalwatch.cli.feedback",
    "signalwatch.cli.top",
    "signalwatch.cli.extract",
    "signalwatch.cli.boards",
    "signalwatch.cli.sources",
    "signalwatch.cli.backfill",
    "signalwatch.cli.crm",
    "signalwatch.cli.digest",
    "signalwatch.cli.maintenance",
    "signalwatch.cli.doctor",
    "signalwatch.cli.icp",
]


def command_group(subparsers: argparse._SubParsersAction, name: str, help: str) -> argparse._SubParsersAction:
    """The sub-command table of group `name` (e.g. "accounts"), created on first use.

    Lets several command modules add commands to one group, e.g. `accounts discover-boards`
    living beside the connector it serves while `accounts import` lives in the core module.
    """
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, help=help, description=help)
        parser.set_defaults(func=lambda _args: (parser.print_help(), 2)[1])
        parser.signalwatch_commands = parser.add_subparsers(metavar="COMMAND")  # type: ignore[attr-defined]
    return parser.signalwatch_commands  # type: ignore[attr-defined,no-any-return]


class _Version(argparse.Action):
    """`--version`: the installed distribution's version, looked up only when asked (keeps --help fast)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print signalwatch's version and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("signalwatch")
        except PackageNotFoundError:  # run from a source tree that was never installed
            from signalwatch import __version__ as number
        print(f"signalwatch {number}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="signalwatch",
        description="Trigger-event alerts for B2B sales teams: poll public sources, match target accounts, alert Slack and the CRM.",
    )
    parser.add_argument("-c", "--config", default=None, help="config file (default: $SIGNALWATCH_CONFIG or ./signalwatch.yaml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    parser.add_argument("--version", action=_Version)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except SystemExit as exc:  # commands exit early on invalid config with a clear message
        return int(exc.code or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
