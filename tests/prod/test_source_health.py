"""When a source counts as sick or recovered (pure), and that each incident is recorded once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from signalwatch.config import SourceHealthConfig
from signalwatch.runtime.source_health import DOWN, assess, check_sources
from signalwatch.store import Store
from signalwatch.store.upkeep import SourceHealthRow, source_health_rows
from signalwatch.timeutil import utcnow
from tests.polls import commit

NOW = utcnow()
CONFIG = SourceHealthConfig(failures=3, stale_intervals=4)
HOUR = timedelta(hours=1)
STARTED = NOW - 10 * HOUR


def row(failures: int = 0, success_ago: timedelta | None = timedelta(minutes=5), alert: str | None = None) -> SourceHealthRow:
    return SourceHealthRow("news", NOW, NOW - success_ago if success_ago else None, "HTTP 500", failures, alert, 1 if alert else 0)


@pytest.mark.parametrize(("state", "started", "expected"), [
    (row(), STARTED, None),
    (row(failures=2), STARTED, None),
    (row(failures=3), STARTED, DOWN),
    (row(failures=5, alert=DOWN), STARTED, None),  # already announced: no second alert
    (row(success_ago=5 * HOUR), STARTED, DOWN),  # 4 intervals of 1 h without a success
    (row(success_ago=5 * HOUR), NOW - 2 * HOUR, None),  # the daemon was stopped: judge from its start
    (row(success_ago=None, failures=1), NOW - 5 * HOUR, DOWN),  # never succeeded since the start
    (row(alert=DOWN), STARTED, "recovered"),
    (row(failures=1, success_ago=timedelta(minutes=1), alert=DOWN), STARTED, None),  # still failing
])
def test_assess(state: SourceHealthRow, started: object, expected: str | None) -> None:
    verdict = assess(state, HOUR, CONFIG, NOW, started)  # type: ignore[arg-type]
    assert (verdict.change if verdict else None) == expected


def test_an_incident_is_recorded_and_announced_once_even_when_checked_twice(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.migrate()
    for _ in range(3):
        store.record_poll_failure("news", "HTTP 500", NOW)
    intervals = {"news": HOUR}
    assert [v.change for _, v in check_sources(store, intervals, CONFIG, NOW, STARTED)] == [DOWN]
    assert check_sources(store, intervals, CONFIG, NOW, STARTED) == []
    (alert,) = store.due_outbox(NOW)
    assert alert.sink == "console" and "Source news is failing" in alert.payload["event"]["title"]
    assert alert.payload["kind"] == "notice" and alert.rule_id == "source-health"
    assert "3 polls failed in a row; last error: HTTP 500" in alert.payload["why"][0]
    commit(store, "news", [], {}, NOW, drafts=lambda new: [])
    assert [v.change for _, v in check_sources(store, intervals, CONFIG, NOW, STARTED)] == ["recovered"]
    assert len(store.due_outbox(NOW)) == 2 and source_health_rows(store)["news"].health_alert is None
