"""The `signalwatch` command line. Each command group is one module with `register(subparsers)`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

__all__ = ["main", "build_parser"]

# One line per command module; each module defines `register(subparsers) -> None` and sets
# `func(args) -> int` on the parsers it adds.
COMMAND_MODULES = [
    "signalwatch.cli.core",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="signalwatch",
        description="Trigger-event alerts for B2B sales teams: poll public sources, match target accounts, alert Slack and the CRM.",
    )
    parser.add_argument("-c", "--config", default=None, help="config file (default: $SIGNALWATCH_CONFIG or ./signalwatch.yaml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
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
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
