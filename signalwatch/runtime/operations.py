"""What the daemon does besides polling and delivering: the polling lease, the health and metrics
endpoint, source health alerts and the daily retention prune."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from datetime import datetime
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from signalwatch.config import RetentionConfig
from signalwatch.runtime.app import App
from signalwatch.runtime.delivery import DeliveryReport, process_gone
from signalwatch.runtime.metrics import Counters, Snapshot, render
from signalwatch.runtime.pipeline import PollReport
from signalwatch.runtime.server import OpsServer
from signalwatch.runtime.source_health import check_sources
from signalwatch.store import Store, StoreError
from signalwatch.store.upkeep import (
    FEEDBACK_KEEP,
    outbox_summary,
    ping,
    prune,
    release_lease,
    source_health_rows,
    try_lease,
)
from signalwatch.timeutil import utcnow

__all__ = ["Operations", "LEASE_NAME", "run_prune"]

log = logging.getLogger(__name__)
LEASE_NAME = "scheduler"
HEALTH_CHECK_SECONDS = 30


def _dead_holder(holder: str) -> bool:
    """A lease holder (`host:pid:tag`) known to be dead: a process on this host that no longer runs,
    or an earlier one with this process's pid (a restarted container's pid 1). A holder on another
    host, or alive here (a second instance), keeps its lease until it expires."""
    return process_gone(holder)


def run_prune(store: Store, retention: RetentionConfig, now: datetime) -> str:
    """Apply the retention settings once; return a one-line summary."""
    report = prune(store, events_before=now - retention.events, sent_before=now - retention.sent_alerts,
                   feedback_before=now - max(FEEDBACK_KEEP, retention.sent_alerts))
    return f"pruned {report.events} events older than {retention.events.days}d and {report.alerts} sent alerts older than {retention.sent_alerts.days}d"


class Operations:
    """Built by the daemon around its scheduler; every method is safe to call from job threads."""

    def __init__(self, app: App, started_at: datetime | None = None) -> None:
        self.app = app
        self.counters = Counters()
        self.started_at = started_at or utcnow()
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.intervals = {source.name: source.interval for source in app.sources}
        self._leader = threading.Event()
        self._heartbeat = time.monotonic()
        self._scheduler: BaseScheduler | None = None
        self._server: OpsServer | None = None
        self._told_standby = False
        ttl = app.settings.cluster.lease_ttl
        self._lease_ttl = ttl
        self._lease_every = max(0.5, ttl.total_seconds() / 4)  # renew well before expiry

    # -- lifecycle --------------------------------------------------------------------

    def start(self, scheduler: BaseScheduler) -> None:
        """Take the lease if free, add the operator jobs, start the endpoint."""
        self._scheduler = scheduler
        self.renew_lease()
        # Own threads, so that slow polls filling the main pool cannot starve the lease renewal.
        scheduler.add_executor(ThreadPoolExecutor(max_workers=2), alias="operations")
        scheduler.add_job(self.renew_lease, IntervalTrigger(seconds=self._lease_every), id="lease", executor="operations")
        scheduler.add_job(self.check_health, IntervalTrigger(seconds=HEALTH_CHECK_SECONDS), id="source-health", executor="operations")
        hour = self.app.settings.retention.run_at_hour
        scheduler.add_job(self.prune_job, CronTrigger(hour=hour, minute=17, jitter=600), id="prune", executor="operations")
        server = self.app.settings.server
        if server.enabled:
            # A port still held (the leader of another instance on this host) is retried in the
            # background, so the instance that takes over the lease becomes reachable as well.
            self._server = OpsServer(server.host, server.port, self.health, self.metrics_text).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
        if self._leader.is_set():
            try:
                release_lease(self.app.store, LEASE_NAME, self.holder)
            except StoreError as exc:
                log.warning("lease: could not release at stop: %s", exc)

    # -- the polling lease ------------------------------------------------------------

    @property
    def leader(self) -> bool:
        return self._leader.is_set()

    def renew_lease(self) -> None:
        """Take or keep the lease. A new leader reschedules each poll from the source's last poll."""
        self._heartbeat = time.monotonic()
        failure: StoreError | None = None
        try:
            # A holder killed on this host (kill -9, OOM, a crashed container) is not waited for.
            held = try_lease(self.app.store, LEASE_NAME, self.holder, utcnow(), self._lease_ttl, gone=_dead_holder)
        except StoreError as exc:
            held, failure = False, exc
            log.error("lease: %s", exc)
        if held and not self._leader.is_set():
            self._leader.set()
            log.info("lease: this instance (%s) now schedules polls", self.holder)
            self._resume_polls()
        elif not held and self._leader.is_set():
            self._leader.clear()
            if failure is not None:  # not another instance: the database refused the renewal (a full disk, a lost volume)
                log.warning("lease: cannot renew it, the database refused the write; polls paused here until it takes "
                            "writes again (a full disk? `signalwatch status` and /healthz show the database)")
            else:
                log.warning("lease: lost to another instance; polls paused here")
        elif not held and not self._told_standby:
            self._told_standby = True
            log.info("lease: another instance schedules polls; this one delivers and stands by")

    def _resume_polls(self) -> None:
        if self._scheduler is None:
            return
        now = utcnow()
        try:
            last = {name: row.last_poll_at for name, row in source_health_rows(self.app.store).items()}
        except StoreError:
            last = {}
        for name, interval in self.intervals.items():
            job = self._scheduler.get_job(f"poll:{name}")
            polled = last.get(name)
            due = max(now, polled + interval) if polled else now
            if job is not None:
                job.modify(next_run_time=due)

    # -- hooks from the scheduler's jobs ---------------------------------------------

    def after_poll(self, report: PollReport) -> None:
        self.counters.record_poll(report)
        self._check(only=[report.source])

    def after_delivery(self, report: DeliveryReport) -> None:
        self.counters.record_delivery(report)

    def check_health(self) -> None:
        self._check(only=None)

    def _check(self, only: list[str] | None) -> None:
        if not self.leader:
            return  # the instance that polls judges; standbys would only race it
        try:
            changed = check_sources(self.app.store, self.intervals, self.app.settings.source_health, utcnow(), self.started_at, only)
        except StoreError as exc:
            log.error("source health: %s", exc)
            return
        if changed and self._scheduler is not None:
            self._scheduler.modify_job("deliver", next_run_time=utcnow())

    def prune_job(self) -> None:
        if not self.leader:
            return
        try:
            log.info("retention: %s", run_prune(self.app.store, self.app.settings.retention, utcnow()))
        except StoreError as exc:
            log.error("retention: %s", exc)

    # -- the endpoint -----------------------------------------------------------------

    def health(self) -> tuple[bool, dict[str, Any]]:
        """Healthy when the scheduler runs its jobs and the database answers."""
        reasons = []
        scheduler_ok = self._scheduler is not None and self._scheduler.running
        silent = time.monotonic() - self._heartbeat
        if not scheduler_ok:
            reasons.append("scheduler is not running")
        elif silent > self._lease_every * 3 + 30:
            reasons.append(f"scheduler jobs have not run for {silent:.0f}s")
        try:
            ping(self.app.store)
        except StoreError as exc:
            reasons.append(f"database: {exc}")
        body: dict[str, Any] = {
            "status": "ok" if not reasons else "unhealthy", "reasons": reasons,
            "role": "leader" if self.leader else "standby", "sources": len(self.intervals),
            "uptime_seconds": round((utcnow() - self.started_at).total_seconds()),
        }
        return not reasons, body

    def metrics_text(self) -> str:
        now = utcnow()
        try:
            snapshot: Snapshot | None = Snapshot(
                self.app.store.source_status(), self.intervals, outbox_summary(self.app.store, self.app.sinks), self.leader,
            )
        except Exception as exc:  # a broken database still gets its counters scraped
            log.warning("metrics: database snapshot failed: %s", exc)
            snapshot = None
        return render(self.counters, snapshot, now)
