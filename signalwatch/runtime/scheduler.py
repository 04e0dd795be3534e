"""The daemon: APScheduler jobs per source, a delivery job, rule hot reload, operations (lease,
health, metrics, retention), graceful stop."""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timezone
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from signalwatch.alerts.payload import notice
from signalwatch.crm.run import schedule_crm_sync
from signalwatch.digest.send import schedule_digest
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.app import App, SourceRuntime, settle_heap
from signalwatch.runtime.delivery import deliver
from signalwatch.runtime.operations import Operations
from signalwatch.runtime.pipeline import poll_source
from signalwatch.store import StoreError
from signalwatch.store.upkeep import enqueue_notices
from signalwatch.timeutil import utcnow
from signalwatch.yamlload import AdminInputError

__all__ = ["run_daemon", "RulesWatcher"]

log = logging.getLogger(__name__)
RULES_CHECK_SECONDS = 10
RELOAD_RULE_ID = "@rules-reload"


class RulesWatcher:
    """Reload the rules folder when a file changes; keep the last good set on errors."""

    def __init__(self, app: App) -> None:
        self._app = app
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
            why=errors[:10] + ["fix the files; `signalwatch rules check` lists every problem"], now=now,
        )
        try:
            enqueue_notices(self._app.store, drafts, now)
        except StoreError as exc:
            log.error("rules: could not queue the admin notice: %s", exc)


def run_daemon(app: App, stop: threading.Event | None = None) -> int:
    """Run until SIGTERM/SIGINT (or `stop` is set); finishes running jobs before exiting."""
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
    workers = min(8, len(app.sources) + 4)
    scheduler = BackgroundScheduler(
        timezone=timezone.utc,
        executors={"default": ThreadPoolExecutor(max_workers=workers)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )
    first_delivery = threading.Event()
    ops = Operations(app)

    def delivery_job() -> None:
        report = deliver(app.store, app.sinks, app.settings.delivery, recover_all=not first_delivery.is_set(),
                         wait_inline=False, stopping=stop.is_set)
        first_delivery.set()
        ops.after_delivery(report)
        if report.sent or report.dead or report.retried:
            log.info("delivery: sent=%d retried=%d dead=%d pending=%d", report.sent, report.retried, report.dead, report.pending)

    def poll_job(source: SourceRuntime) -> None:
        if not ops.leader:
            return  # another instance holds the polling lease
        result = poll_source(app, source, utcnow())
        ops.after_poll(result)
        if result.new_alerts and first_delivery.is_set():
            scheduler.modify_job("deliver", next_run_time=utcnow())

    now = utcnow()
    scheduler.add_job(delivery_job, IntervalTrigger(seconds=app.settings.delivery.interval.total_seconds()), id="deliver", next_run_time=now)
    for source in app.sources:
        trigger = IntervalTrigger(seconds=source.interval.total_seconds(), jitter=int(source.settings.jitter.total_seconds()))
        scheduler.add_job(poll_job, trigger, args=[source], id=f"poll:{source.name}", name=source.name, next_run_time=now)
    watcher = RulesWatcher(app)
    scheduler.add_job(watcher.check, IntervalTrigger(seconds=RULES_CHECK_SECONDS), id="rules")
    schedule_digest(scheduler, app)
    schedule_crm_sync(scheduler, app)
    ops.start(scheduler)  # takes the polling lease before the first poll job fires
    settle_heap()
    scheduler.start()
    log.info("signalwatch running: %d sources, sinks: %s", len(app.sources), ", ".join(app.sinks) or "none")
    stop.wait()
    log.info("signalwatch stopping: waiting for running jobs")
    scheduler.shutdown(wait=True)
    ops.stop()
    return 0
