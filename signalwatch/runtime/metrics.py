"""Prometheus metrics: counters kept by the daemon plus gauges read from the database at scrape time.

Written by hand in the text exposition format (version 0.0.4), which is small and stable:
`# HELP`, `# TYPE`, then `name{label="value"} number` lines.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from signalwatch.runtime.delivery import DeliveryReport
from signalwatch.runtime.pipeline import PollReport
from signalwatch.store import SourceStatus
from signalwatch.store.tables import OutboxStatus
from signalwatch.store.upkeep import OutboxSummary

__all__ = ["Counters", "Snapshot", "render", "CONTENT_TYPE"]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
Labels = tuple[tuple[str, str], ...]


class Counters:
    """Monotonic counters since process start; fed from poll and delivery reports (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, dict[Labels, float]] = defaultdict(lambda: defaultdict(float))

    def add(self, name: str, amount: float = 1.0, **labels: str) -> None:
        with self._lock:
            self._values[name][tuple(sorted(labels.items()))] += amount

    def record_poll(self, report: PollReport) -> None:
        self.add("signalwatch_polls_total", source=report.source, outcome="ok" if report.ok else "failed")
        if report.ok:
            self.add("signalwatch_events_total", report.new_events, source=report.source)
            self.add("signalwatch_alerts_enqueued_total", report.new_alerts, source=report.source)

    def record_delivery(self, report: DeliveryReport) -> None:
        for outcome, amount in (("sent", report.sent), ("failed", report.retried), ("dead", report.dead), ("recovered", report.recovered)):
            self.add("signalwatch_alerts_total", amount, outcome=outcome)

    def items(self) -> dict[str, dict[Labels, float]]:
        with self._lock:
            return {name: dict(series) for name, series in self._values.items()}


_COUNTER_HELP = {
    "signalwatch_polls_total": "Source polls since start, by outcome.",
    "signalwatch_events_total": "New signal events stored since start.",
    "signalwatch_alerts_enqueued_total": "Alerts put in the outbox since start.",
    "signalwatch_alerts_total": "Delivery attempts since start: sent, failed (will retry), dead, recovered after a crash.",
}


@dataclass(frozen=True)
class Snapshot:
    """What the database says at scrape time."""

    sources: list[SourceStatus]
    intervals: Mapping[str, timedelta]
    outbox: OutboxSummary
    leader: bool


def render(counters: Counters, snapshot: Snapshot | None, now: datetime) -> str:
    """The exposition text. Without a snapshot (database down) only counters and `signalwatch_up 0`."""
    out: list[str] = []
    _family(out, "signalwatch_up", "gauge", "1 when the database answered this scrape.", [((), 0.0 if snapshot is None else 1.0)])
    values = counters.items()
    for name, help_text in _COUNTER_HELP.items():
        _family(out, name, "counter", help_text, sorted(values.get(name, {}).items()))
    if snapshot is not None:
        _gauges(out, snapshot, now)
    return "\n".join(out) + "\n"


def _gauges(out: list[str], snap: Snapshot, now: datetime) -> None:
    _family(out, "signalwatch_scheduler_leader", "gauge", "1 when this instance holds the polling lease.", [((), float(snap.leader))])
    statuses = (OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.SENT, OutboxStatus.DEAD)
    _family(out, "signalwatch_outbox_rows", "gauge", "Outbox rows by status (pending + sending = depth).",
            [((("status", s),), float(snap.outbox.counts.get(s, 0))) for s in statuses])
    age = (now - snap.outbox.oldest_pending_at).total_seconds() if snap.outbox.oldest_pending_at else 0.0
    _family(out, "signalwatch_outbox_oldest_pending_age_seconds", "gauge", "Age of the oldest unsent alert (0 when none).", [((), max(0.0, age))])
    configured = [s for s in snap.sources if s.source in snap.intervals]
    per = lambda value: [((("source", s.source),), value(s)) for s in configured]  # noqa: E731
    _family(out, "signalwatch_source_events", "gauge", "Events stored per source.", per(lambda s: float(s.events)))
    _family(out, "signalwatch_source_consecutive_failures", "gauge", "Failed polls in a row.", per(lambda s: float(s.consecutive_failures)))
    _family(out, "signalwatch_source_failing_targets", "gauge", "Targets (boards, domains) failing in the last poll.",
            per(lambda s: float(len(s.target_errors))))
    succeeded = [s for s in configured if s.last_success_at is not None]
    _family(out, "signalwatch_source_last_success_timestamp_seconds", "gauge", "Unix time of the last successful poll.",
            [((("source", s.source),), s.last_success_at.timestamp()) for s in succeeded if s.last_success_at])
    _family(out, "signalwatch_source_freshness_seconds", "gauge", "Seconds since the last successful poll.",
            [((("source", s.source),), (now - s.last_success_at).total_seconds()) for s in succeeded if s.last_success_at])
    _family(out, "signalwatch_source_interval_seconds", "gauge", "Configured polling interval.",
            [((("source", s),), i.total_seconds()) for s, i in sorted(snap.intervals.items())])


def _family(out: list[str], name: str, kind: str, help_text: str, samples: Iterable[tuple[Labels, float]]) -> None:
    out.append(f"# HELP {name} {help_text}")
    out.append(f"# TYPE {name} {kind}")
    for labels, value in samples:
        label_text = ",".join(f'{key}="{_escape(val)}"' for key, val in labels)
        out.append(f"{name}{{{label_text}}} {_number(value)}" if label_text else f"{name} {_number(value)}")


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))
