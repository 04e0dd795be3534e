"""`signalwatch doctor`: check every enabled sink and source before the first alert, one line per finding.

Everything printed passes `redact`: an upstream error may echo the token it was sent.
"""

from __future__ import annotations

import argparse

from signalwatch.cli.common import migrated_store, redact, ruleset_or_exit, settings_or_exit

__all__ = ["register"]

HELP = ("check every enabled sink and source now: tokens and scopes, routed channels and bot membership, owners, "
        "CRM properties, one request per source; one line per problem with its fix (exit 1 if any)")


def register(subparsers: argparse._SubParsersAction) -> None:
    doctor = subparsers.add_parser("doctor", help=HELP, description=HELP + ". Sends and stores nothing.")
    doctor.set_defaults(func=cmd_doctor)


def cmd_doctor(args: argparse.Namespace) -> int:
    from signalwatch.runtime.doctor import run_doctor
    from signalwatch.timeutil import utcnow

    settings = settings_or_exit(args)
    ruleset = ruleset_or_exit(settings)
    store = migrated_store(settings)
    try:
        report = run_doctor(settings, ruleset, store, utcnow())
    finally:
        store.close()
    for finding in report.findings:
        line = f"ok       {finding.subject}: {finding.message}" if finding.ok else \
            f"PROBLEM  {finding.subject}: {finding.message} — fix: {finding.fix}"
        print(redact(line, settings))
    problems = len(report.problems)
    passed = len(report.findings) - problems
    print(f"\n{problems} problem(s), {passed} check(s) passed" if problems else f"\nall {passed} checks passed")
    return 1 if problems else 0
