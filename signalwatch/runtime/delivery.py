"""Drain the outbox into the sinks: at most once per alert key, in order, with retries.

A row is claimed (pending → sending) before it is sent and settled after. A row found
still `sending` belonged to a process that died mid-send: the sink's `confirm` looks the
alert up remotely (Slack: message metadata in the channel history) before any resend.
When a sink fails or is rate limited, it is paused, so later rows wait behind the failed
one and arrive in order. When the remote refuses a sink's token (`SinkError.credentials`), that
row is a dead letter and the sink's other rows wait, untried, until the process starts again with
a token that works: they are not each sent to fail and die. When only the alert's own CRM record
is missing (`SinkError.record`), only that account's later rows to the sink wait behind it; the
other accounts' go on. Rows of
a sink the config does not enable (queued while it was) stay pending until it is enabled again.

Rows go out in batches per sink: one transaction claims up to BATCH of them, they are sent
one after the other over the sink's client (its connection reused), and one transaction
settles them all. A crash mid-batch leaves the batch's rows `sending`, settled by `confirm`
like any orphaned send; rows of a batch after a failure or a stop are released untried.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from signalwatch.config import DeliveryConfig
from signalwatch.sinks import Sink, SinkError
from signalwatch.store import OutboxItem, OutboxStatus, Settlement, Store
from signalwatch.timeutil import utcnow

__all__ = ["deliver", "DeliveryReport", "backoff", "secret_redactor", "dead_letter_hint", "process_gone"]

log = logging.getLogger(__name__)
_LOCK = threading.Lock()  # one drain at a time in this process; claims guard across processes
UNCERTAIN_AFTER = timedelta(minutes=5)
BATCH = 20  # rows claimed and settled per transaction: few enough that a crash leaves little to confirm


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    dead: int = 0
    recovered: int = 0
    pending: int = 0
    next_due_at: datetime | None = None  # when a row not sent in this run is next due (None: none waits)


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
    recover: bool = True,
    wait_inline: bool = True,
    clock: Callable[[], datetime] = utcnow,
    sleep: Callable[[float], None] = time.sleep,
    stopping: Callable[[], bool] = lambda: False,
    redact: Callable[[str], str] | None = None,
) -> DeliveryReport:
    """Send every due outbox row. `recover_all` treats every `sending` row as orphaned (process start);
    `recover=False` skips looking for orphaned rows at all (a worker that looked a moment ago).
    `stopping` is checked between rows so a shutdown does not wait for a long backlog. Error texts
    are stored without the secrets the sinks hold, nor those `redact` (the caller's, who knows the
    settings) cuts out: an upstream error may echo a token, and `outbox list` prints what is stored."""
    report = DeliveryReport()
    scrub = secret_redactor(sinks, redact)
    with _LOCK:
        if recover or recover_all:
            _recover(store, sinks, clock(), recover_all, report)
        if recover_all:  # once per process (or `run --once`), not on every worker pass
            _idle_sinks(store, sinks)
        _drain(store, sinks, config, wait_inline, clock, sleep, report, stopping, scrub)
    report.pending = store.count_outbox(OutboxStatus.PENDING)
    return report


# Dead-letter errors that no resend can fix, by a word of the stored error (Slack's error codes),
# and what the operator fixes instead.
_FIXES = (
    (("channel_not_found", "not_in_channel", "is_archived"),
     "check the channel name (lower-case, no spaces) and that the bot is a member; a resend to this channel fails"
     " the same way (`signalwatch outbox discard ID` clears this dead letter; ids in `outbox list --status dead`)"),
    (("invalid_auth", "not_authed", "token_revoked", "account_inactive", "missing_scope"),
     "check $SLACK_BOT_TOKEN and the app's scopes with `signalwatch doctor`; only once it passes does"
     " `signalwatch outbox retry-dead` send it"),
)


def dead_letter_hint(error: str | None) -> str:
    """What to do about a dead letter with this stored `error`: what to fix, for errors a resend
    cannot cure (a channel that does not exist, a bad token); else `outbox retry-dead`."""
    for codes, fix in _FIXES:
        if error and any(code in error for code in codes):
            return fix
    return "`signalwatch outbox retry-dead` sends it again"


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


def process_gone(signature: str) -> bool:
    """Whether the process that signed `signature` (`host:pid`, as `this_process`, or `host:pid:tag`,
    as a polling lease's holder) is known to have died (see `_gone`)."""
    host, pid, _tag = (signature.split(":") + ["", ""])[:3]
    return bool(host) and pid.isdigit() and _gone(f"{host}:{pid}")


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


def _idle_sinks(store: Store, sinks: Mapping[str, Sink]) -> None:
    """Say which rows wait for a sink the config does not enable. They were queued while it was
    enabled; they stay pending (not dead letters: a disabled sink is the admin's choice) and go out
    once it is enabled again, or `signalwatch outbox discard` drops them."""
    for name, count in sorted(store.pending_by_sink().items()):
        if name not in sinks:
            log.warning("delivery: %d alert(s) queued for sink %r wait: it is not enabled in the config "
                        "(enable it to send them, or `signalwatch outbox discard --sink %s` to drop them)", count, name, name)


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
    records: dict[tuple[str, int], datetime] = store.record_holds(clock())  # accounts whose CRM record is missing
    waited = 0.0
    budget = config.max_inline_wait.total_seconds()
    while True:
        now = clock()
        if any(until <= now for until in paused.values()):  # an unknown outcome's check may be due (its sink's hold)
            _confirm_unknown(store, sinks, config, now, report, redact)
        waiting = [key for key, until in records.items() if until > now]  # accounts behind a row waiting for its record
        # Rows of a sink no longer enabled wait, pending (`_idle_sinks`), as do those of a sink whose
        # credentials were refused (until the next start); rows of a waiting account are not even read.
        usable = [name for name, sink in sinks.items() if sink.refused is None]
        ready = store.due_outbox(now, sinks=usable, skip=waiting)
        due = [item for item in ready if paused.get(item.sink, now) <= now]
        if not due:
            report.next_due_at = _next_due(store, ready, [*paused.values(), *records.values()], now, usable, waiting)
            if not wait_inline or report.next_due_at is None:
                return
            pause = max(0.0, (report.next_due_at - now).total_seconds()) + 0.01
            if waited + pause > budget:
                return
            sleep(pause)
            waited += pause
            continue
        for name, items in _by_sink(due).items():
            if stopping():
                return  # the rest stays pending for the next start
            if paused.get(name, now) > now:
                continue
            held, missing = _send_batches(store, sinks[name], config, name, items, clock, report, stopping, redact)
            records.update({(name, account): until for account, until in missing.items()})
            if held is not None:
                paused[name] = held


def _next_due(store: Store, ready: list[OutboxItem], holds: Collection[datetime], now: datetime,
              sinks: Collection[str], waiting: Collection[tuple[str, int]]) -> datetime | None:
    """When the next run has work: a paused sink or account may send again (a retry, or an unknown
    outcome's check: both hold their sink), or, with nothing ready, the next held row comes due."""
    wake_times = [until for until in holds if until > now]
    if not ready:
        wake_times += [at for at in (store.next_due_at(sinks, waiting),) if at is not None]
    return min(wake_times, default=None)


def _by_sink(items: list[OutboxItem]) -> dict[str, list[OutboxItem]]:
    """The rows per sink, each sink's in queue order."""
    grouped: dict[str, list[OutboxItem]] = {}
    for item in items:
        grouped.setdefault(item.sink, []).append(item)
    return grouped


def _send_batches(
    store: Store, sink: Sink, config: DeliveryConfig, name: str, items: list[OutboxItem],
    clock: Callable[[], datetime], report: DeliveryReport, stopping: Callable[[], bool], redact: Callable[[str], str],
) -> tuple[datetime | None, dict[int, datetime]]:
    """Send one sink's due rows in batches; return until when the sink is paused (or None), and
    until when each account whose CRM record was not found waits (its later rows are not tried)."""
    waiting: dict[int, datetime] = {}
    for start in range(0, len(items), BATCH):
        batch = items[start:start + BATCH]
        claimed = store.claim_many([item.id for item in batch], clock(), claimer=this_process())
        outcomes: list[Settlement] = []
        held: datetime | None = None
        for item in batch:
            if item.id not in claimed:
                continue  # another worker took it
            if held is not None or stopping() or item.account_id in waiting or sink.refused is not None:
                outcomes.append(Settlement.released(item.id))  # untried: it stays first in line
                continue
            outcome, until, record = _attempt(sink, config, item, clock, report)
            outcomes.append(outcome)
            if until is not None and record and item.account_id is not None:
                waiting[item.account_id] = until  # only this account's rows wait behind it
            elif until is not None:
                held = until
        store.settle(outcomes, redact=redact)
        if sink.refused is not None:
            log.error("delivery: %s refused its credentials; its other queued alerts wait, untried, until signalwatch "
                      "restarts with a working token (`signalwatch doctor` checks it; then `signalwatch outbox "
                      "retry-dead` sends the dead letter): %s", name, redact(sink.refused))
            return held, waiting
        if held is not None or stopping():
            return held, waiting
    return None, waiting


def _attempt(sink: Sink, config: DeliveryConfig, item: OutboxItem, clock: Callable[[], datetime],
             report: DeliveryReport) -> tuple[Settlement, datetime | None, bool]:
    """Send one claimed row: how it settles, until when the rows behind it wait (None: they do not),
    and whether only its account's rows wait (its CRM record is missing) rather than the whole sink."""
    attempts = item.attempts + 1
    try:
        remote_id = sink.send(item.payload, item.target, item.alert_key)
    except SinkError as exc:
        now = clock()  # waits count from the answer, as Slack's Retry-After does, not from when the send began
        if exc.credentials:  # the token itself is refused: every row would fail alike, so the sink stops here
            sink.refused = str(exc)
            report.dead += 1
            log.error("delivery: alert %s to %s is a dead letter: %s", item.id, item.sink, exc)
            return Settlement.dead(item.id, str(exc)), None, False
        if exc.uncertain:  # it may have arrived: ask the sink before anything is sent again
            check = now + config.confirm_after
            report.retried += 1
            log.warning("delivery: alert %s to %s: outcome unknown (%s); checking at %s before any resend",
                        item.id, item.sink, exc, check.strftime("%H:%M:%S"))
            return Settlement.unknown(item.id, str(exc), check), check, False  # later rows of this sink wait behind it, in order
        if exc.retryable and attempts < config.max_attempts:
            delay = timedelta(seconds=exc.retry_after) if exc.retry_after is not None else backoff(attempts, config)
            record = exc.record and item.account_id is not None
            report.retried += 1
            log.warning("delivery: alert %s to %s failed (attempt %d), retry in %.0fs%s: %s", item.id, item.sink, attempts,
                        delay.total_seconds(), " (this account's alerts wait; the others go on)" if record else "", exc)
            return Settlement.retry(item.id, str(exc), now + delay, record=record), now + delay, record
        report.dead += 1
        log.error("delivery: alert %s to %s is a dead letter after %d attempts: %s", item.id, item.sink, attempts, exc)
        return Settlement.dead(item.id, str(exc)), None, False
    except Exception as exc:  # a sink bug must not lose the row: keep it for a later retry
        log.exception("delivery: unexpected error sending alert %s to %s", item.id, item.sink)
        report.retried += 1
        return Settlement.retry(item.id, f"{type(exc).__name__}: {exc}", clock() + backoff(attempts, config)), None, False
    report.sent += 1
    log.info("delivery: alert %s rule=%s sent to %s %s", item.id, item.rule_id, item.sink, item.target or "")
    return Settlement.sent(item.id, remote_id, clock()), None, False
