"""Why the configured database cannot be opened, said in one line, and whether retrying can help.

A command that cannot open its database exits 2 when the setting itself is wrong (an unknown
scheme, a driver that is not installed, a SQLite file whose folder does not exist or cannot be
written, a PostgreSQL login or database name the server refuses) and 1 when the server or disk may
come back (refused connection, timeout, name lookup; a full or failing disk under a SQLite file):
the systemd unit restarts on 1 and not on 2.
The URL is printed with its password hidden.
"""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from signalwatch.config import Settings

__all__ = ["DatabaseProblem", "url_problem", "open_problem", "EXIT_TRANSIENT"]

EXIT_TRANSIENT = 1
_EXIT_CONFIG = 2
# SQLSTATE classes a retry cannot fix: 28 invalid authorization, 3D no such database.
_CONFIG_SQLSTATES = ("28", "3D")
# psycopg gives no SQLSTATE for a refused login, only the server's (English) text: these say the
# server is up and refuses this URL, unlike "the database system is starting up" or "too many clients".
_CONFIG_REFUSALS = ("does not exist", "password authentication failed", "no pg_hba.conf entry", "authentication failed")
# SQLite's texts for SQLITE_FULL and SQLITE_IOERR: the file system, not the setting (a full disk
# shows as an I/O error when WAL mode cannot grow its shared-memory file).
_SQLITE_DISK_ERRORS = ("database or disk is full", "disk I/O error")


class DatabaseProblem(NamedTuple):
    """One line for stderr and the exit status that goes with it."""

    message: str
    exit_code: int


def url_problem(settings: Settings) -> DatabaseProblem | None:
    """A database setting that can never work: not a URL, an unknown scheme, no driver installed.
    Checked without connecting."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        url = make_url(settings.database_url)
    except ArgumentError:
        return DatabaseProblem(f"signalwatch: {_setting()} is not a database URL (e.g. sqlite:///signalwatch.db or "
                               "postgresql+psycopg://user@host/db)", _EXIT_CONFIG)
    shown = url.render_as_string(hide_password=True)
    try:
        dialect = url.get_dialect()
    except NoSuchModuleError:
        return DatabaseProblem(f"signalwatch: {_setting()} ({shown}): unknown database type {url.drivername!r}; "
                               "use sqlite:///PATH or postgresql+psycopg://…", _EXIT_CONFIG)
    try:
        dialect.import_dbapi()
    except ImportError as exc:
        return DatabaseProblem(f"signalwatch: {_setting()} ({shown}): its driver is not installed "
                               f"(no module {exc.name or str(exc)!r}); install it, or use SQLite or PostgreSQL "
                               "(postgresql+psycopg://…)", _EXIT_CONFIG)
    return None


def open_problem(exc: Exception, settings: Settings) -> DatabaseProblem:
    """What a connection error raised while opening or migrating the database means."""
    from sqlalchemy.engine import make_url

    url = make_url(settings.database_url)
    shown = url.render_as_string(hide_password=True)
    reason = " ".join(str(getattr(exc, "orig", None) or exc).split())  # its caller redacts the password (`cli.common.redact`)
    if url.get_backend_name() == "sqlite":
        if "locked" in reason or "busy" in reason:
            return DatabaseProblem(f"signalwatch: the database {shown} is busy: {reason}", EXIT_TRANSIENT)
        if any(text in reason for text in _SQLITE_DISK_ERRORS) or _disk_full(url.database):
            # The setting is right; the disk is not (full, or failing). Freeing space fixes it, so a
            # service manager must keep retrying (exit 1), not give up as on a wrong setting (exit 2).
            return DatabaseProblem(f"signalwatch: the database {shown}: {reason}: the disk holding it refused a write "
                                   f"(full, over a quota or failing{_free_space(url.database)}); free some space there; "
                                   "exiting with status 1 so a service manager retries", EXIT_TRANSIENT)
        return DatabaseProblem(f"signalwatch: {_setting()} ({shown}): cannot open the SQLite file: {reason} "
                               "(does its folder exist, and may signalwatch write there?)", _EXIT_CONFIG)
    orig = getattr(exc, "orig", None)
    state = str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")
    if state.startswith(_CONFIG_SQLSTATES) or ("FATAL" in reason and any(text in reason for text in _CONFIG_REFUSALS)):
        return DatabaseProblem(f"signalwatch: {_setting()} ({shown}): the server refused it: {reason}", _EXIT_CONFIG)
    return DatabaseProblem(f"signalwatch: cannot reach the database {shown} (from {_setting()}): {reason}; "
                           "exiting with status 1 so a service manager retries", EXIT_TRANSIENT)


def _disk_full(path: str | None) -> bool:
    """Whether the file system holding the SQLite file `path` has no space left."""
    usage = _usage(path)
    return usage is not None and usage[0] == 0


def _free_space(path: str | None) -> str:
    usage = _usage(path)
    return f"; {usage[0] // 1024} KiB free of {usage[1] // 1024} KiB" if usage is not None else ""


def _usage(path: str | None) -> tuple[int, int] | None:
    """(free, total) bytes of the file system holding the SQLite file `path`, if its folder exists."""
    folder = os.path.dirname(os.path.abspath(path)) if path and path != ":memory:" else None
    try:
        usage = shutil.disk_usage(folder) if folder else None
    except OSError:  # the folder is missing: a setting problem, said by the caller
        return None
    return (usage.free, usage.total) if usage is not None else None


def _setting() -> str:
    from signalwatch.config import DATABASE_ENV

    return f"${DATABASE_ENV}" if os.environ.get(DATABASE_ENV, "").strip() else "the config's `database:`"
