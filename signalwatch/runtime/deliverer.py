"""Delivery in a process of its own, woken the moment a poll queues an alert.

In the daemon's process delivery waited for the interpreter lock behind up to eight feed-parsing
threads at every step, and ran as a scheduler job whose "run now" was dropped while a run was in
progress. Here it owns a process (its own interpreter lock, a core of its own when one is free)
and a socket the daemon writes a byte to after each poll that queued alerts (`wake`). The worker
empties the socket *before* each run, so a wake-up arriving during a run leaves a byte behind
and causes another run: none is lost. Without wake-ups it runs when the next row is due (a
retry, a delivery window, an unknown outcome's check), and at least every `delivery.interval`.

The worker reports each run to the daemon (metrics), and stops when the daemon closes its end of
the socket (at a stop, or when the daemon dies); the daemon starts a new worker if one exits.
A daemon killed outright (SIGKILL, the OOM killer) closes the socket only between runs: on Linux
the kernel also sends the worker SIGTERM the moment the daemon dies, so the worker stops after the
row it is sending instead of finishing its run beside the restarted daemon's own worker.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import select
import signal
import socket
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from signalwatch.config import Settings
from signalwatch.runtime.delivery import DeliveryReport, deliver
from signalwatch.timeutil import utcnow

__all__ = ["DeliveryWorker", "serve", "run_when_woken"]

log = logging.getLogger(__name__)
RESTART_DELAY = 2.0  # seconds before a worker that exited is replaced
RECOVER_EVERY = 60.0  # seconds between looks for rows an earlier sender left claimed (they wait UNCERTAIN_AFTER)


class DeliveryWorker:
    """The daemon's handle on the delivery process: start, wake, stop, and its reports."""

    def __init__(self, settings: Settings, on_report: Callable[[DeliveryReport], None], stopping: threading.Event) -> None:
        """`stopping` is the daemon's stop: once set, a worker that exits is not replaced."""
        self._settings = settings
        self._on_report = on_report
        self._lock = threading.Lock()
        self._stopping = stopping
        self._wake: socket.socket | None = None
        self._process: Any = None
        self._reports: Connection | None = None
        self._watcher: threading.Thread | None = None

    def start(self) -> None:
        """Start the worker, and a thread that reads its reports and replaces it if it exits."""
        self._spawn()
        self._watcher = threading.Thread(target=self._watch, name="delivery-worker", daemon=True)
        self._watcher.start()

    def wake(self) -> None:
        """Ask for a delivery run now. Never blocks: when the socket is full, runs are already due."""
        with self._lock:
            if self._wake is None:
                return
            try:
                self._wake.send(b"!")
            except (BlockingIOError, OSError):
                pass

    def stop(self, timeout: float = 60.0) -> None:
        """Let the worker finish the row it is sending, then end it (the daemon's stop is set)."""
        with self._lock:
            wake, self._wake = self._wake, None
        if wake is not None:
            wake.close()  # the worker reads end-of-file: it stops after its current row
        # The watcher is the one thread that joins (reaps) the worker: a second join here raced it,
        # and whichever lost saw a live process and "terminated" one that had already exited.
        if self._watcher is not None:
            self._watcher.join(timeout)
        with self._lock:
            process = self._process
        if process is not None and process.is_alive():
            log.warning("delivery: worker did not stop within %.0fs; terminating it", timeout)
            process.terminate()
            if self._watcher is not None:
                self._watcher.join(5)

    def _spawn(self) -> None:
        ours, theirs = socket.socketpair()
        ours.setblocking(False)
        reports, sender = multiprocessing.get_context("spawn").Pipe(duplex=False)
        process = multiprocessing.get_context("spawn").Process(
            target=serve, args=(self._settings, theirs, sender, logging.getLogger().level), name="signalwatch-delivery", daemon=True,
        )
        process.start()
        theirs.close()
        sender.close()
        with self._lock:
            self._wake, self._process, self._reports = ours, process, reports
        ours.send(b"!")  # the first run: recover what an earlier process left, send what is due

    def _watch(self) -> None:
        while True:
            with self._lock:
                reports, process = self._reports, self._process
            assert reports is not None
            try:
                while True:
                    self._on_report(reports.recv())
            except (EOFError, OSError):
                pass  # the worker exited
            process.join()
            reports.close()
            if self._stopping.is_set():
                return
            log.error("delivery: worker exited (code %s); starting a new one in %.0fs", process.exitcode, RESTART_DELAY)
            if self._stopping.wait(RESTART_DELAY):
                return
            with self._lock:
                if self._wake is not None:
                    self._wake.close()
            self._spawn()


def serve(settings: Settings, wake: socket.socket, reports: Connection, log_level: int) -> None:
    """The worker process: deliver whenever woken or due, until the daemon's end of `wake` closes or a signal stops it."""
    from signalwatch.cli.common import secrets_of
    from signalwatch.logs import configure_logging
    from signalwatch.runtime.app import build_sinks
    from signalwatch.store import Store, StoreError

    configure_logging(logging.getLevelName(log_level), secrets_of(settings), settings.log_format)
    stop = threading.Event()
    signals, signalled = socket.socketpair()
    for blocked in (signals, signalled):
        blocked.setblocking(False)
    signal.set_wakeup_fd(signalled.fileno())
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    _stop_with_parent(stop)
    store = Store(settings.database_url)
    sinks = build_sinks(settings)
    interval = settings.delivery.interval.total_seconds()
    log.info("delivery: worker ready (process %d), sinks: %s", os.getpid(), ", ".join(sinks) or "none")
    recovered_at: float | None = None  # None: the first run, which takes over what an earlier process left

    def run() -> float:
        nonlocal recovered_at
        recover = recovered_at is None or time.monotonic() - recovered_at >= RECOVER_EVERY
        try:
            report = deliver(store, sinks, settings.delivery, recover_all=recovered_at is None, recover=recover,
                             wait_inline=False, stopping=stop.is_set)
        except StoreError as exc:
            log.error("delivery: %s", exc)
            report = DeliveryReport()
        except Exception:  # a bug or an unwrapped database error: the worker lives on; claimed rows are recovered
            log.exception("delivery: run failed")
            report = DeliveryReport()
        else:
            recovered_at = time.monotonic() if recover else recovered_at
        try:
            reports.send(report)
        except OSError:  # the daemon is gone (killed): what is left waits for its next start
            log.warning("delivery: the daemon is gone; the worker stops")
            stop.set()
        due = report.next_due_at
        return interval if due is None else min(interval, max(0.0, (due - utcnow()).total_seconds()) + 0.01)

    try:
        run_when_woken(wake, signals, run, stop)
    finally:
        reports.close()
        store.close()


_PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent dies


def _stop_with_parent(stop: threading.Event) -> None:
    """Ask the kernel (Linux) for SIGTERM when the daemon dies, even by SIGKILL; elsewhere the closed
    wake socket is the only sign. A daemon already gone when this runs sets `stop` at once."""
    parent = multiprocessing.parent_process()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl here (not Linux)
        pass
    if parent is not None and os.getppid() != parent.pid:
        stop.set()


def run_when_woken(wake: socket.socket, signals: socket.socket, run: Callable[[], float], stop: threading.Event) -> None:
    """Call `run` at once (unless `wake` is closed already), then whenever `wake` has received a
    byte, or when the seconds the last run returned have passed. The socket is emptied *before* each run, so a byte that arrives during a
    run is still there after it and causes the next. Returns when `stop` is set (`signals` becomes
    readable when a signal arrives) or at end-of-file on `wake`."""
    while not stop.is_set():
        if not _take_wakes(wake):
            return  # the daemon closed its end: it is stopping, or gone
        timeout = run()
        select.select([wake, signals], [], [], timeout)


def _take_wakes(wake: socket.socket) -> bool:
    """Empty the wake socket (every wake-up so far is answered by the run that follows); False at end-of-file."""
    wake.setblocking(False)
    while True:
        try:
            data = wake.recv(4096)
        except BlockingIOError:
            return True
        if not data:
            return False
