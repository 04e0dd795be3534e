"""Rule commands: rules check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from signalwatch.cli import command_group
from signalwatch.config import default_config_path, load_settings
from signalwatch.ruleset import load_ruleset
from signalwatch.yamlload import AdminInputError

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "rules", "ICP and alert rules")
    check = group.add_parser("check", help="validate the ICP and rule files; every error as file:line: message")
    check.add_argument("directory", nargs="?", help="rules folder (default: rules_dir from the config, else ./rules)")
    check.set_defaults(func=cmd_check)


def _rules_dir(args: argparse.Namespace) -> Path:
    if args.directory:
        return Path(args.directory)
    config = Path(args.config) if args.config else default_config_path()
    if config.exists():
        try:
            return load_settings(config).rules_path
        except AdminInputError:
            pass  # the rules can still be checked; `signalwatch run` reports config errors
    return Path("rules")


def cmd_check(args: argparse.Namespace) -> int:
    folder = _rules_dir(args)
    try:
        ruleset = load_ruleset(folder)
    except AdminInputError as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.issues)} error(s) in {folder}", file=sys.stderr)
        return 1
    for warning in ruleset.warnings:
        print(warning, file=sys.stderr)
    print(f"{folder}: ok — {len(ruleset.icp.tiers)} ICP tiers, {len(ruleset.icp.exclusions)} exclusions, {len(ruleset.rules)} rules")
    return 0
