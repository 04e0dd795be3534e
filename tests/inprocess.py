"""Run a `signalwatch` command inside the test process and get what a child `python -m signalwatch`
would have given: its exit status, stdout and stderr (as `subprocess.CompletedProcess`).

Why: a child process spends about a second of CPU starting the interpreter and importing the
database, HTTP and client libraries before the command does anything; the test process has them
imported already. Most CLI tests assert on what a command prints, returns and stores, which is the
same either way: a command keeps nothing in the process for the next one but caches of pure
functions and the EDGAR request pacing, so a second run has to find everything else in the
database, as after a restart.

What only a real process proves, and where the tests keep one: start-up and the console entry
point, signals and crashes (`kill -9` mid-poll), two processes at once, the daemon and the delivery
worker it spawns (`Workspace.popen`, `Workspace.cli(..., process=True)`; a daemon `run` is always a
process). One command at a time runs in-process (it swaps the environment, the working directory and
`sys.stdout`/`sys.stderr` of the whole process); commands that must overlap run as processes.
"""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import threading
import traceback
import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from signalwatch.cli import main
from signalwatch.logs import RedactSecrets

__all__ = ["run_signalwatch", "is_daemon", "cli_logging_undone"]

_ONE_AT_A_TIME = threading.Lock()


def is_daemon(args: Sequence[str]) -> bool:
    """`signalwatch [-c X] [-v] run` without `--once`: a long-running process that installs signal handlers."""
    return "run" in args and "--once" not in args


def run_signalwatch(args: Sequence[str], cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """`signalwatch *args` run in this process with `cwd` as its working directory and exactly `env`
    as its environment; both are restored afterwards, as are the logging handlers it configures."""
    assert not is_daemon(args), "the daemon runs as a real process: Workspace.popen"
    argv = [sys.executable, "-m", "signalwatch", *args]  # what it stands in for, for messages
    with (_ONE_AT_A_TIME, _environment(env), _working_directory(cwd), _logging_restored(), _engines_disposed(),
          _captured() as (out, err)):
        try:
            code = _exit_status(main(list(args)))
        except SystemExit as exc:  # argparse's usage errors exit before main's own handler
            code = _exit_status(exc.code, err)
        except Exception:  # what the interpreter does with an uncaught exception: traceback, status 1
            traceback.print_exc(file=err)
            code = 1
    return subprocess.CompletedProcess(argv, code, _text(out), _text(err))


def _exit_status(code: object, err: io.TextIOBase | None = None) -> int:
    """The status `raise SystemExit(code)` gives a process: None is 0, an int itself, else printed and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    if err is not None:
        print(code, file=err)
    return 1


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    # subprocess.run(text=True) reads with universal newlines
    return buffer.getvalue().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@contextmanager
def _captured() -> Iterator[tuple[io.TextIOWrapper, io.TextIOWrapper]]:
    """sys.stdout/sys.stderr as a child's pipes would be: UTF-8 text over bytes, strict errors."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", write_through=True)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        yield out, err
    finally:
        sys.stdout, sys.stderr = saved


@contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    """Exactly `env`, changing only the variables that differ (other threads keep reading the rest)."""
    saved = dict(os.environ)
    _become(env)
    try:
        yield
    finally:
        _become(saved)


def _become(env: Mapping[str, str]) -> None:
    for name in [name for name in os.environ if name not in env]:
        del os.environ[name]
    os.environ.update({name: value for name, value in env.items() if os.environ.get(name) != value})


@contextmanager
def _working_directory(cwd: Path) -> Iterator[None]:
    saved = os.getcwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved)


@contextmanager
def _engines_disposed() -> Iterator[None]:
    """Close the database connections the command opened, as its exit would: a command may leave its
    store open, and an idle SQLite connection keeps the file in WAL mode and a PostgreSQL one the
    database in use."""
    opened: weakref.WeakSet[sa.Engine] = weakref.WeakSet()

    def record(connection: sa.Connection) -> None:
        opened.add(connection.engine)

    sa.event.listen(sa.Engine, "engine_connect", record)
    try:
        yield
    finally:
        sa.event.remove(sa.Engine, "engine_connect", record)
        for engine in list(opened):
            engine.dispose()


@contextmanager
def _logging_restored() -> Iterator[None]:
    """The CLI points the root logger at its stderr (`signalwatch.logs.configure_logging`): put back
    pytest's handlers and the levels it changes."""
    root = logging.getLogger()
    handlers, levels = root.handlers[:], _levels()
    try:
        yield
    finally:
        root.handlers[:] = handlers
        _set_levels(levels)


@contextmanager
def cli_logging_undone() -> Iterator[None]:
    """Around every test (tests/conftest.py): drop the root handlers `configure_logging` installed
    (they carry its `RedactSecrets` filter) and put back the levels it changes. A test that calls
    `main` itself leaves the root logger writing to its `capsys` stream, closed when the test ends:
    each later log line of the process then fails ("--- Logging error --- ValueError: I/O operation
    on closed file" in the captured stderr of the next test that fails). Only those handlers: pytest
    swaps its own in and out between a test's setup and its teardown."""
    levels = _levels()
    try:
        yield
    finally:
        root = logging.getLogger()
        root.handlers[:] = [handler for handler in root.handlers
                            if not any(isinstance(kept, RedactSecrets) for kept in handler.filters)]
        _set_levels(levels)


_NAMED = ("", "apscheduler", "httpx", "httpcore", "slack_sdk")  # the root, and the loggers `configure_logging` quiets


def _levels() -> list[int]:
    return [logging.getLogger(name).level for name in _NAMED]


def _set_levels(levels: list[int]) -> None:
    for name, level in zip(_NAMED, levels, strict=True):
        logging.getLogger(name).setLevel(level)
