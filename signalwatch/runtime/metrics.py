"""Prometheus metrics: counters kept by the daemon plus gauges read from the database at scrape time.

prometheus-client writes the exposition format; each application context has its own
registry (no process-global state), and the database gauges come from a collector that
reads a snapshot taken at scrape time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from prometheus_client import CollectorRegistry, Counter, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from signalwatch.runtime.delivery import DeliveryReport
from signalwatch.runtime.pipeline import PollReport
from signalwatch.store import SourceStatus
from signalwatch.store.tables import OutboxStatus
from signalwatch.store.upkeep import OutboxSummary

__all__ = ["Counters", "Snapshot", "render", "CONTENT_TYPE"]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class Counters:
    """Monotonic counters since process start, fed from poll and delivery reports (thread-safe)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._polls = Counter("signalwatch_polls", "Source polls since start, by outcome.", ["source", "outcome"],
                              registry=self.registry)
        self._events = Counter("signalwatch_events", "New signal events stored since start.", ["source"], registry=self.registry)
        self._enqueued = Counter("signalwatch_alerts_enqueued", "Alerts put in the outbox since start.", ["source"],
                                 registry=self.registry)
        self._alerts = Counter("signalwatch_alerts",
                               "Delivery attempts since start: sent, failed (will retry), dead, recovered after a crash.",
                               ["outcome"], registry=self.registry)
        for outcome in ("sent", "failed", "dead", "recovered"):
            self._alerts.labels(outcome=outcome)  # every outcome is exported from the first scrape
        self._snapshot = _SnapshotCollector()
        self.registry.register(self._snapshot)
        self._scrape = threading.Lock()  # one scrape at a time owns the snapshot collector

    def record_poll(self, report: PollReport) -> None:
        self._polls.labels(source=report.source, outcome="ok" if report.ok else "failed").inc()
        if report.ok:
            self._events.labels(source=report.source).inc(report.new_events)
            self._enqueued.labels(source=report.source).inc(report.new_alerts)

    def record_delivery(self, report: DeliveryReport) -> None:
        for outcome, amount in (("sent", report.sent), ("failed", report.retried), ("dead", report.dead), ("recovered", report.recovered)):
            self._alerts.labels(outcome=outcome).inc(amount)


@dataclass(frozen=True)
class Snapshot:
    """What the database says at scrape time."""

    sources: list[SourceStatus]
    intervals: dict[str, timedelta]
    outbox: OutboxSummary
    leader: bool


class _SnapshotCollector(Collector):
    """The database gauges of the scrape in progress; `signalwatch_up 0` when the database did not answer."""

    def __init__(self) -> None:
        self.current: tuple[Snapshot | None, datetime] | None = None

    def describe(self) -> Iterable[Metric]:
        return []  # the families depend on the snapshot: collected, never pre-described

    def collect(self) -> Iterator[Metric]:
        if self.current is None:
            return
        snapshot, now = self.current
        yield _gauge("signalwatch_up", "1 when the database answered this scrape.", [((), 0.0 if snapshot is None else 1.0)])
        if snapshot is not None:
            yield from _gauges(snapshot, now)


def render(counters: Counters, snapshot: Snapshot | None, now: datetime) -> str:
    """The exposition text. Without a snapshot (database down) only counters and `signalwatch_up 0`."""
    with counters._scrape:
        counters._snapshot.current = (snapshot, now)
        try:
            return generate_latest(counters.registry).decode("utf-8")
        finally:
            counters._snapshot.current = None


Samples = list[tuple[tuple[tuple[str, str], ...], float]]


def _gauge(name: str, help_text: str, samples: Samples) -> GaugeMetricFamily:
    labels = [key for key, _ in samples[0][0]] if samples else []
    family = GaugeMetricFamily(name, help_text, labels=labels)
    for label_pairs, value in samples:
        family.add_metric([val for _, val in label_pairs], value)
    return family


def _gauges(snap: Snapshot, now: datetime) -> Iterator[GaugeMetricFamily]:
    yield _gauge("signalwatch_scheduler_leader", "1 when this instance holds the polling lease.", [((), float(snap.leader))])
    statuses = (OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.SENT, OutboxStatus.DEAD)
    yield _gauge("signalwatch_outbox_rows", "Outbox rows by status (pending + sending = depth).",
                 [((("status", str(s)),), float(snap.outbox.counts.get(s, 0))) for s in statuses])
    age = (now - snap.outbox.oldest_pending_at).total_seconds() if snap.outbox.oldest_pending_at else 0.0
    yield _gauge("signalwatch_outbox_oldest_pending_age_seconds", "Age of the oldest unsent alert of an enabled sink (0 when none).", [((), max(0.0, age))])
    configured = [s for s in snap.sources if s.source in snap.intervals]

    def per(value: Callable[[SourceStatus], float]) -> Samples:
        return [((("source", s.source),), value(s)) for s in configured]

    yield _gauge("signalwatch_source_events", "Events stored per source.", per(lambda s: float(s.events)))
    yield _gauge("signalwatch_source_consecutive_failures", "Failed polls in a row.", per(lambda s: float(s.consecutive_failures)))
    yield _gauge("signalwatch_source_failing_targets", "Targets (boards, domains) failing in the last poll.",
                 per(lambda s: float(len(s.target_errors))))
    succeeded = [s for s in configured if s.last_success_at is not None]
    yield _gauge("signalwatch_source_last_success_timestamp_seconds", "Unix time of the last successful poll.",
                 [((("source", s.source),), s.last_success_at.timestamp()) for s in succeeded if s.last_success_at])
    yield _gauge("signalwatch_source_freshness_seconds", "Seconds since the last successful poll.",
                 [((("source", s.source),), (now - s.last_success_at).total_seconds()) for s in succeeded if s.last_success_at])
    yield _gauge("signalwatch_source_interval_seconds", "Configured polling interval.",
                 [((("source", s),), i.total_seconds()) for s, i in sorted(snap.intervals.items())])
