"""The daemon: APScheduler jobs per source, the delivery worker (a process of its own, woken after
each poll that queued alerts), rule hot reload, operations (lease, health, metrics, retention),
graceful stop."""

from __future__ import annotations

import logging
import random
import signal
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

from signalwatch.alerts.payload import notice
from signalwatch.crm.run import schedule_crm_sync
from signalwatch.digest.send import schedule_digest
from signalwatch.feedback.service import schedule_feedback
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.app import App, SourceRuntime, limit_malloc_arenas, settle_heap
from signalwatch.runtime.deliverer import DeliveryWorker
from signalwatch.runtime.delivery import DeliveryReport
from signalwatch.runtime.operations import Operations
from signalwatch.runtime.pipeline import poll_source
from signalwatch.store import StoreError
from signalwatch.store.upkeep import enqueue_notices
from signalwatch.timeutil import utcnow
from signalwatch.yamlload import AdminInputError

__all__ = ["run_daemon", "RulesWatcher"]

log = logging.getLogger(__name__)
RULES_CHECK_SECONDS = 10
STAGGER = timedelta(seconds=1)  # at most this far apart, the sources' first polls
RELOAD_RULE_ID = "@rules-reload"
# Threads for the jobs: one per source, so a poll that is due never queues behind other polls (a
# slow or timing-out source must not delay the others), plus the daemon's few other jobs.
MAX_JOB_THREADS = 64
# How long a thread holding the interpreter lock keeps it while another thread waits (Python's
# default 5 ms). A poll parsing a feed is pure CPU; every other thread (a poll reading its
# response or committing: each SQLite call and socket read gives the lock up and waits to get it
# back) would wait up to 5 ms at each step behind it.
SWITCH_INTERVAL = 0.001


class RulesWatcher:
    """Reload the rules folder when a file changes; keep the last good set on errors."""

    def __init__(self, app: App, wake_delivery: Callable[[], None] = lambda: None) -> None:
        self._app = app
        self._wake_delivery = wake_delivery
        self._folder = app.settings.rules_path
        self._stamp = self._snapshot()

    def _snapshot(self) -> tuple[tuple[str, float, int], ...]:
        files = sorted(p for p in Path(self._folder).glob("*.y*ml"))
        return tuple((p.name, p.stat().st_mtime, p.stat().st_size) for p in files if p.exists())

    def check(self) -> bool | None:
        """Reload if changed: True on success, False when the new files are invalid, None if unchanged."""
        stamp = self._snapshot()
        if stamp == self._stamp:
            return None
        self._stamp = stamp
        try:
            ruleset = load_ruleset(self._folder)
        except AdminInputError as exc:
            log.error("rules: reload failed, keeping the last good rules:\n%s", exc)
            self._tell_admins(exc)
            return False
        self._app.swap_rules(ruleset)
        log.info("rules: reloaded %d rules from %s", len(ruleset.rules), self._folder)
        return True


    def _tell_admins(self, error: AdminInputError) -> None:
        """One admin notice per broken version of the files (their stamp is in the key)."""
        now = utcnow()
        errors = [str(issue) for issue in error.issues if issue.severity == "error"]
        drafts = notice(
            RELOAD_RULE_ID, ("rules-reload", self._stamp), self._app.settings.source_health.notify, priority="P2",
            topic="rules", change="reload_failed", title="Rule files have errors: the last good rules stay in force",
            summary="\n".join(errors[:20]), source="rules", subject="signalwatch rules",
            why=errors[:10] + ["fix the files; signalwatch rules check lists every problem"], now=now,
        )
        try:
            if enqueue_notices(self._app.store, drafts, now):
                self._wake_delivery()
        except StoreError as exc:
            log.error("rules: could not queue the admin notice: %s", exc)


class PollTrigger(BaseTrigger):
    """A source's polls on a fixed grid: slot k is `k * interval` after the grid's anchor, and each
    poll starts at its slot moved by its own random offset within ± jitter/2. Offsets do not add
    up, so polls never drift off the cadence (apscheduler's own jitter is added to the previous,
    already jittered, run: the schedule wanders off its grid by ~jitter/√12 × √polls).

    The anchor is the job's first run and, after that, any run time set from outside the trigger
    (`stagger`, a lease takeover's `Operations._resume_polls`): a run time this trigger did not
    hand out is its own slot."""

    def __init__(self, interval: timedelta, jitter: timedelta) -> None:
        self.interval = interval
        self.spread = min(jitter, interval).total_seconds()  # at most one interval: polls stay in order
        self._slots: dict[datetime, datetime] = {}  # run times handed out -> their slots (the last few)
        self._lock = threading.Lock()

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime:
        if previous_fire_time is None:
            return now
        with self._lock:
            slot = self._slots.get(previous_fire_time, previous_fire_time) + self.interval
            fire = slot + timedelta(seconds=random.uniform(-self.spread / 2, self.spread / 2))
            # apscheduler asks twice per run (to find the runs due, then for the next one): keep a few
            self._slots = {**dict(list(self._slots.items())[-3:]), fire: slot}
        return fire

    def __str__(self) -> str:
        return f"every {self.interval} ± {self.spread / 2:g}s"


def poll_trigger(interval: timedelta, jitter: timedelta) -> PollTrigger:
    """Polls every `interval`, each within ± jitter/2 of its slot on the interval's grid (`PollTrigger`)."""
    return PollTrigger(interval, jitter)


def stagger(scheduler: BaseScheduler, sources: list[SourceRuntime]) -> None:
    """Move each source's next poll a moment after the one before it (at most STAGGER apart, within
    its interval): sources on one interval would otherwise parse at the same instant every time,
    each waiting for the others (`App.parse_lock`), from the start and after every restart."""
    for index, source in enumerate(sources):
        job = scheduler.get_job(f"poll:{source.name}")
        if job is not None and job.next_run_time is not None:
            job.modify(next_run_time=job.next_run_time + min(source.interval / len(sources), STAGGER) * index)


def run_daemon(app: App, stop: threading.Event | None = None) -> int:
    """Run until SIGTERM/SIGINT (or `stop` is set); finishes running jobs before exiting."""
    stop = stop or threading.Event()
    limit_malloc_arenas()  # before any pool thread allocates
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
    workers = min(MAX_JOB_THREADS, len(app.sources) + 4)
    scheduler = BackgroundScheduler(
        timezone=timezone.utc,
        executors={"default": ThreadPoolExecutor(max_workers=workers)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )
    ops = Operations(app)

    def after_delivery(report: DeliveryReport) -> None:
        ops.after_delivery(report)
        if report.sent or report.dead or report.retried:
            log.info("delivery: sent=%d retried=%d dead=%d pending=%d", report.sent, report.retried, report.dead, report.pending)

    worker = DeliveryWorker(app.settings, after_delivery, stop)

    def delivery_job() -> None:
        # The worker runs on its own clock; this job wakes it every interval as well, and when
        # Operations moves the job to now (a source health notice was queued).
        worker.wake()

    def poll_job(source: SourceRuntime) -> None:
        if not ops.leader:
            return  # another instance holds the polling lease
        result = poll_source(app, source, utcnow())
        if result.new_alerts:
            worker.wake()  # before the health bookkeeping: the alert is committed and waits for nobody
        ops.after_poll(result)

    now = utcnow()
    scheduler.add_job(delivery_job, IntervalTrigger(seconds=app.settings.delivery.interval.total_seconds()), id="deliver", next_run_time=now)
    for source in app.sources:
        trigger = poll_trigger(source.interval, source.settings.jitter)
        scheduler.add_job(poll_job, trigger, args=[source], id=f"poll:{source.name}", name=source.name, next_run_time=now)
    watcher = RulesWatcher(app, worker.wake)
    scheduler.add_job(watcher.check, IntervalTrigger(seconds=RULES_CHECK_SECONDS), id="rules")
    schedule_digest(scheduler, app, worker.wake)  # queues only: the worker is the one sender
    schedule_crm_sync(scheduler, app)
    schedule_feedback(scheduler, app, stop)  # Slack button clicks (Socket Mode or HTTP), when sinks.slack.actions is on
    ops.start(scheduler)  # takes the polling lease before the first poll job fires (and moves each to its source's last poll + interval)
    stagger(scheduler, app.sources)
    worker.start()
    settle_heap()
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        scheduler.start()
        log.info("signalwatch running: %d sources, sinks: %s", len(app.sources), ", ".join(app.sinks) or "none")
        stop.wait()
        log.info("signalwatch stopping: waiting for running jobs")
        scheduler.shutdown(wait=True)
    finally:
        sys.setswitchinterval(switch_interval)
    worker.stop()
    ops.stop()
    return 0
