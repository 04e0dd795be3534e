"""Several instances on one database (PostgreSQL, and SQLite for one host): the end-to-end run,
delivery by two processes sending each alert once, and exactly one poller with takeover."""

from __future__ import annotations

import collections
import re
import signal
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from signalwatch.config import DATABASE_ENV, load_settings
from signalwatch.devtools.fixture_server import FixtureServer
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.resolve import AccountIndex
from signalwatch.runtime.app import build_app
from signalwatch.runtime.pipeline import commit_events
from signalwatch.timeutil import utcnow
from tests.conftest import SLACK_TOKEN, Workspace
from tests.e2e.test_run_once import EXPECTED, received, standard_sources
from tests.prod.helpers import start_daemon, wait_for


@pytest.fixture
def pg_workspace(pg_url: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Workspace]:
    """The standard workspace, its database on PostgreSQL (accounts imported there)."""
    monkeypatch.setenv(DATABASE_ENV, pg_url)
    yield request.getfixturevalue("workspace")


@pytest.fixture(params=["sqlite", "postgres"])
def any_workspace(request: pytest.FixtureRequest) -> Workspace:
    if request.param == "postgres":
        return request.getfixturevalue("pg_workspace")
    return request.getfixturevalue("workspace")


def test_run_once_end_to_end_on_postgres(pg_workspace: Workspace, feeds: FixtureServer) -> None:
    pg_workspace.write_config(standard_sources(feeds))
    first = pg_workspace.cli("run", "--once")
    assert first.returncode == 0, first.stderr
    assert sorted(received(pg_workspace.slack)) == sorted(EXPECTED)
    second = pg_workspace.cli("run", "--once")
    assert "0 new events, 0 alerts delivered" in second.stdout
    assert not (pg_workspace.root / "signalwatch.db").exists()  # nothing went to SQLite
    status = pg_workspace.cli("status")
    sources, sinks = status.stdout.split("\n\n")
    assert status.returncode == 0 and sources.count(" ok ") == 2 and sinks.count(" ok ") == 2  # two feeds; console and Slack


def enqueue_many(workspace: Workspace, count: int, monkeypatch: pytest.MonkeyPatch) -> collections.Counter[str]:
    """`count` funding events for the sample accounts, with the alerts the real rules make; returns rows per sink."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    app = build_app(load_settings(workspace.config))
    now = utcnow()
    accounts = app.store.list_accounts()
    index, by_id = AccountIndex(accounts), {a.id: a for a in accounts}
    names = ["Acme Robotics", "Globex Payments", "Vandelay Imports"]
    events = [index.apply(SignalEvent(
        type=EventType.FUNDING, change="raised", source="bulk", source_kind="rss", source_id=f"b{n}",
        title=f"{names[n % 3]} raises ${n + 1}M", occurred_at=now - timedelta(hours=1), detected_at=now,
        company_name=names[n % 3], attributes={"amount": (n + 1) * 1e6, "currency": "USD"}, dedupe_key=make_dedupe_key("bulk", n),
    )) for n in range(count)]
    commit_events(app.store, app.engine, by_id, "bulk", events, {}, now)
    sinks = collections.Counter(item.sink for item in app.store.list_outbox(limit=10_000))
    app.close()
    return sinks


def test_two_processes_delivering_together_send_each_alert_once(any_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = any_workspace
    workspace.write_config([])
    rows = enqueue_many(workspace, 30, monkeypatch)
    assert rows["slack"] >= 5  # the policy's per-account limits keep some of the 30 from alerting
    workspace.slack.post_delay = 0.02  # keep both senders busy at the same time
    first, second = workspace.popen("run", "--once"), workspace.popen("run", "--once")
    outputs = [p.communicate(timeout=120) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outputs
    keys = collections.Counter(m["metadata"]["event_payload"]["alert_key"] for m in workspace.slack.messages)
    assert len(keys) == rows["slack"] and max(keys.values()) == 1
    console_alerts = sum(len(re.findall(r"^P1 · funding", out, re.M)) for out, _ in outputs)
    assert console_alerts == rows["console"]


def test_one_instance_polls_and_another_takes_over_when_it_dies(any_workspace: Workspace, feeds: FixtureServer, tmp_path: Path) -> None:
    workspace = any_workspace
    sources = [dict(s, interval="1s", jitter=0) for s in standard_sources(feeds)]
    workspace.write_config(sources, server={"enabled": False}, cluster={"lease_ttl": "3s"}, delivery={"interval": "1s"})
    logs = tmp_path / "a.log", tmp_path / "b.log"
    a = start_daemon(workspace, logs[0])
    wait_for(lambda: "now schedules polls" in logs[0].read_text(), what="a to lead")
    b = start_daemon(workspace, logs[1])
    try:
        wait_for(lambda: "stands by" in logs[1].read_text(), what="b to stand by")
        time.sleep(3)  # the sleep is the test: b must not poll during a whole lease ttl that a holds
        assert "poll: " not in logs[1].read_text()  # b never polled while a held the lease
        polls_by_a = logs[0].read_text().count("poll: funding-news ok")
        assert polls_by_a >= 2
        a.send_signal(signal.SIGKILL)  # the leader dies without releasing the lease
        a.wait(timeout=10)
        killed_at = time.monotonic()
        wait_for(lambda: "now schedules polls" in logs[1].read_text(), timeout=60, what="b to take over")
        took_over_after = time.monotonic() - killed_at
        wait_for(lambda: "poll: funding-news ok" in logs[1].read_text(), timeout=30, what="b to poll")
    finally:
        for process in (a, b):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
    assert took_over_after < 3 * 2 + 1  # the ttl plus one renewal period, far under a minute
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)
