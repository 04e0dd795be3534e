"""Helpers shared by CLI command modules: loading settings and the app, printing tables."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:  # the application is imported by the command that needs it, not to build the parser
    from signalwatch.config import Settings
    from signalwatch.rules.ruleset import RuleSet
    from signalwatch.runtime.app import App
    from signalwatch.store import Store

__all__ = [
    "settings_or_exit", "app_or_exit", "ruleset_or_exit", "migrated_store", "print_table", "when", "redact", "secrets_of",
    "EXIT_CONFIG",
]

EXIT_CONFIG = 2


class ConfigExit(SystemExit):
    pass


def settings_or_exit(args: argparse.Namespace, *, require_secrets: bool = False, daemon: bool = False) -> Settings:
    from signalwatch.config import load_settings
    from signalwatch.logs import configure_logging
    from signalwatch.yamlload import AdminInputError

    try:
        settings = load_settings(args.config, require_secrets=require_secrets, daemon=daemon)
    except AdminInputError as exc:
        print(exc, file=sys.stderr)
        print("signalwatch: configuration is invalid, nothing was started", file=sys.stderr)
        raise ConfigExit(EXIT_CONFIG) from None
    configure_logging("DEBUG" if getattr(args, "verbose", False) else settings.log_level, secrets_of(settings), settings.log_format)
    return settings


def app_or_exit(args: argparse.Namespace, stream: TextIO | None = None, *, daemon: bool = False) -> App:
    """The application for a command that delivers; `daemon` also requires the daemon-only secrets."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    from signalwatch.runtime.app import build_app
    from signalwatch.yamlload import AdminInputError

    settings = settings_or_exit(args, require_secrets=True, daemon=daemon)
    _exit_on_bad_database_url(settings)
    try:
        return build_app(settings, stream=stream)
    except AdminInputError as exc:
        print(exc, file=sys.stderr)
        print("signalwatch: rules are invalid, nothing was started", file=sys.stderr)
        raise ConfigExit(EXIT_CONFIG) from None
    except (OperationalError, InterfaceError) as exc:  # the database would not open (connection-level errors only)
        _exit_on_open_error(exc, settings)


def ruleset_or_exit(settings: Settings) -> RuleSet:
    """The rules folder, or exit 2 with every problem printed."""
    from signalwatch.rules.ruleset import load_ruleset
    from signalwatch.yamlload import AdminInputError

    try:
        return load_ruleset(settings.rules_path)
    except AdminInputError as exc:
        print(exc, file=sys.stderr)
        raise ConfigExit(EXIT_CONFIG) from None


def migrated_store(settings: Settings) -> Store:
    """The configured database, migrated to this release's schema."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    from signalwatch.store import Store

    _exit_on_bad_database_url(settings)
    store = Store(settings.database_url)
    try:
        store.migrate()
    except (OperationalError, InterfaceError) as exc:  # connection-level: not a bug in a statement
        store.close()
        _exit_on_open_error(exc, settings)
    return store


def _exit_on_bad_database_url(settings: Settings) -> None:
    """Exit 2 with one line when the database setting cannot work (not a URL, unknown type, no driver)."""
    from signalwatch.cli.database import url_problem

    if problem := url_problem(settings):
        print(problem.message, file=sys.stderr)
        raise ConfigExit(problem.exit_code)


def _exit_on_open_error(exc: Exception, settings: Settings) -> NoReturn:
    """Exit with one line for a database that would not open: 2 when the setting is wrong, 1 when it may come back."""
    from signalwatch.cli.database import EXIT_TRANSIENT, open_problem

    problem = open_problem(exc, settings)
    print(redact(problem.message, settings), file=sys.stderr)
    raise (SystemExit if problem.exit_code == EXIT_TRANSIENT else ConfigExit)(problem.exit_code) from None


def secrets_of(settings: Settings) -> list[str]:
    """Every secret the settings can reach: sink tokens from the environment, a database password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    secrets = [secret for config in settings.sink_configs.values() for env in [*config.required_env(), *config.daemon_env()]
               if (secret := settings.secret(env))]
    try:
        password = make_url(settings.database_url).password  # a PostgreSQL password in the URL
    except ArgumentError:  # not a URL: the command that opens the database says so
        password = None
    return secrets + ([str(password)] if password else [])


def redact(text: str, settings: Settings) -> str:
    """`text` with every known secret replaced by ***, for output that bypasses logging."""
    for secret in secrets_of(settings):
        if len(secret) >= 6:
            text = text.replace(secret, "***")
    return text


def when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    cells = [[str(c) for c in headers]] + [["-" if c is None else str(c) for c in row] for row in rows]
    widths = [min(60, max(len(row[i]) for row in cells)) for i in range(len(headers))]
    last = len(headers) - 1  # the last column (errors, reasons) is printed whole
    for index, row in enumerate(cells):
        out.write("  ".join(cell if i == last else cell[:60].ljust(widths[i]) for i, cell in enumerate(row)).rstrip() + "\n")
        if index == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")
