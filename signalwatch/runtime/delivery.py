"""Drain the outbox into the sinks: at most once per alert key, in order, with retries.

A row is claimed (pending → sending) before it is sent and settled after. A row found
still `sending` belonged to a process that died mid-send: the sink's `confirm` looks the
alert up remotely (Slack: message metadata in the channel history) before any resend.
When a sink fails or is rate limited, it is paused, so later rows wait behind the failed
one and arrive in order.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from signalwatch.config import DeliveryConfig
from signalwatch.sinks import Sink, SinkError
from signalwatch.store import OutboxItem, Store
from signalwatch.timeutil import utcnow

__all__ = ["deliver", "DeliveryReport", "backoff", "secret_redactor"]

log = logging.getLogger(__name__)
_LOCK = threading.Lock()  # one drain at a time in this process; claims guard across processes
UNCERTAIN_AFTER = timedelta(minutes=5)


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    dead: int = 0
    recovered: int = 0
    pending: int = 0


def backoff(attempts: int, config: DeliveryConfig) -> timedelta:
    """Exponential backoff with jitter, capped."""
    seconds = config.backoff_base.total_seconds() * (2 ** max(0, attempts - 1))
    seconds = min(seconds, config.backoff_max.total_seconds())
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))


def deliver(
    store: Store,
    sinks: Mapping[str, Sink],
    config: DeliveryConfig,
    *,
    recover_all: bool = False,
    wait_inline: bool = True,
    clock: Callable[[], datetime] = utcnow,
    sleep: Callable[[float], None] = time.sleep,
    stopping: Callable[[], bool] = lambda: False,
    redact: Callable[[str], str] | None = None,
) -> DeliveryReport:
    """Send every due outbox row. `recover_all` treats every `sending` row as orphaned (process start);
    `stopping` is checked between rows so a shutdown does not wait for a long backlog. Error texts
    are stored without the secrets the sinks hold, nor those `redact` (the caller's, who knows the
    settings) cuts out: an upstream error may echo a token, and `outbox list` prints what is stored."""
    report = DeliveryReport()
    scrub = secret_redactor(sinks, redact)
    with _LOCK:
        _recover(store, sinks, clock(), recover_all, report)
        _drain(store, sinks, config, wait_inline, clock, sleep, report, stopping, scrub)
    report.pending = len(store.due_outbox(clock() + timedelta(days=3650), limit=100_000))
    return report


def secret_redactor(sinks: Mapping[str, Sink], then: Callable[[str], str] | None = None) -> Callable[[str], str]:
    """A text filter replacing every secret the sinks hold (each sink's `secrets()` says
    which) by ***, then applying `then`. Built per delivery run from what it was handed: no global."""
    found = {secret for sink in sinks.values() for secret in sink.secrets() if len(secret) >= 6}
    secrets = sorted(found, key=len, reverse=True)  # a longer secret containing a shorter one goes first

    def scrub(text: str) -> str:
        for secret in secrets:
            text = text.replace(secret, "***")
        return then(text) if then is not None else text

    return scrub


def this_process() -> str:
    """How this process signs the outbox rows it claims."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _gone(claimer: str | None) -> bool:
    """True when the process that claimed a row is known to have died: a row of an older
    release (no claimer), or a process on this host that no longer runs — including an
    earlier process with our own pid (a restarted container's pid 1). A claimer on another
    host, or one still running here (another instance), may be mid-send: its rows wait for
    UNCERTAIN_AFTER instead."""
    if claimer is None:
        return True
    host, _, pid = claimer.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    return int(pid) == os.getpid() or not _running(int(pid))


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rpartition(")")[2].split()[0] not in ("Z", "X")  # a zombie is dead
    except FileNotFoundError:
        return False
    except OSError:  # no /proc here: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:  # exists but is not ours to signal
            return True
        return True


def _recover(store: Store, sinks: Mapping[str, Sink], now: datetime, recover_all: bool, report: DeliveryReport) -> None:
    """Settle rows a sender claimed and never settled: at once when that sender is known to be
    dead (process start), otherwise once they are older than UNCERTAIN_AFTER."""
    stale = now - UNCERTAIN_AFTER
    cutoff = now + timedelta(seconds=1) if recover_all else stale
    for item in store.uncertain_outbox(older_than=cutoff):
        if item.claimed_at is not None and item.claimed_at >= stale and not _gone(item.claimed_by):
            continue  # another live instance is sending it right now
        sink = sinks.get(item.sink)
        answer = _ask_remote(store, sink, item, now, report, "before a restart") if sink else False
        if isinstance(answer, SinkError):  # cannot tell yet: the row waits, never resent blindly
            log.warning("delivery: alert %s: %s; asking again on the next run", item.id, answer)
        elif not answer:
            store.release(item.id)


def _confirm_unknown(store: Store, sinks: Mapping[str, Sink], config: DeliveryConfig, now: datetime,
                     report: DeliveryReport, redact: Callable[[str], str]) -> None:
    """Settle the rows whose send had an unknown outcome (a timeout or a reset after sending) once
    their check is due: sent if the sink finds the alert, pending again if it is surely absent."""
    for item in store.unknown_outbox(now):
        sink = sinks.get(item.sink)
        if sink is None:
            store.release(item.id)
            continue
        answer = _ask_remote(store, sink, item, now, report, "despite the error")
        if isinstance(answer, SinkError):
            store.mark_unknown(item.id, str(answer), now + backoff(item.attempts, config), redact=redact)
        elif not answer:
            store.mark_retry(item.id, f"not delivered: {item.last_error or 'unknown outcome'}", now, redact=redact)


def _ask_remote(store: Store, sink: Sink, item: OutboxItem, now: datetime, report: DeliveryReport, context: str) -> bool | SinkError:
    """Ask the sink whether `item` arrived, and mark it sent when it did. True: sent; False: surely
    absent; a SinkError: the sink cannot tell yet. Crash recovery and unknown outcomes both use it."""
    try:
        remote_id = sink.confirm(item.target, item.alert_key, item.claimed_at or now)
    except SinkError as exc:
        return exc
    if remote_id is None:
        return False
    store.mark_sent(item.id, remote_id, now)
    report.recovered += 1
    log.info("delivery: alert %s was already delivered to %s %s (remote id %s)", item.id, item.sink, context, remote_id)
    return True


def _drain(
    store: Store, sinks: Mapping[str, Sink], config: DeliveryConfig, wait_inline: bool,
    clock: Callable[[], datetime], sleep: Callable[[float], None], report: DeliveryReport,
    stopping: Callable[[], bool], redact: Callable[[str], str],
) -> None:
    paused: dict[str, datetime] = store.sink_holds(clock())  # pauses and failed rows of earlier runs
    waited = 0.0
    budget = config.max_inline_wait.total_seconds()
    while True:
        now = clock()
        _confirm_unknown(store, sinks, config, now, report, redact)
        ready = store.due_outbox(now)
        due = [item for item in ready if paused.get(item.sink, now) <= now]
        if not due:
            if not wait_inline:
                return
            # Wake when a paused sink may send again, or when the next held row comes due.
            wake_times = [paused[item.sink] for item in ready if item.sink in paused]
            if not ready:
                next_at = store.next_due_at()
                wake_times += [next_at] if next_at is not None else []
            wake_times += [at for at in (store.next_unknown_at(),) if at is not None]
            if not wake_times:
                return
            pause = max(0.0, (min(wake_times) - now).total_seconds()) + 0.01
            if waited + pause > budget:
                return
            sleep(pause)
            waited += pause
            continue
        for item in due:
            if stopping():
                return  # the rest stays pending for the next start
            if paused.get(item.sink, now) > now:
                continue
            outcome = _send_one(store, sinks, config, item, clock, report, redact)
            if outcome is not None:
                paused[item.sink] = outcome


def _send_one(
    store: Store, sinks: Mapping[str, Sink], config: DeliveryConfig, item: OutboxItem,
    clock: Callable[[], datetime], report: DeliveryReport, redact: Callable[[str], str],
) -> datetime | None:
    """Send one row; return until when its sink is paused, or None."""
    sink = sinks.get(item.sink)
    now = clock()
    if sink is None:
        store.mark_dead(item.id, f"sink {item.sink!r} is not enabled in the config", redact=redact)
        report.dead += 1
        return None
    if not store.claim(item.id, now, claimer=this_process()):
        return None
    attempts = item.attempts + 1
    try:
        remote_id = sink.send(item.payload, item.target, item.alert_key)
    except SinkError as exc:
        if exc.uncertain:  # it may have arrived: ask the sink before anything is sent again
            check = now + config.confirm_after
            store.mark_unknown(item.id, str(exc), check, redact=redact)
            report.retried += 1
            log.warning("delivery: alert %s to %s: outcome unknown (%s); checking at %s before any resend",
                        item.id, item.sink, exc, check.strftime("%H:%M:%S"))
            return check  # later rows of this sink wait behind it, in order
        if exc.retryable and attempts < config.max_attempts:
            delay = timedelta(seconds=exc.retry_after) if exc.retry_after is not None else backoff(attempts, config)
            store.mark_retry(item.id, str(exc), now + delay, redact=redact)
            report.retried += 1
            log.warning("delivery: alert %s to %s failed (attempt %d), retry in %.0fs: %s", item.id, item.sink, attempts, delay.total_seconds(), exc)
            return now + delay
        store.mark_dead(item.id, str(exc), redact=redact)
        report.dead += 1
        log.error("delivery: alert %s to %s is a dead letter after %d attempts: %s", item.id, item.sink, attempts, exc)
        return None
    except Exception as exc:  # a sink bug must not lose the row: keep it for a later retry
        log.exception("delivery: unexpected error sending alert %s to %s", item.id, item.sink)
        store.mark_retry(item.id, f"{type(exc).__name__}: {exc}", now + backoff(attempts, config), redact=redact)
        report.retried += 1
        return None
    store.mark_sent(item.id, remote_id, clock())
    report.sent += 1
    log.info("delivery: alert %s rule=%s sent to %s %s", item.id, item.rule_id, item.sink, item.target or "")
    return None
