"""The daemon's digest job only queues: the delivery worker is the one sender, so a digest reaches
Slack once, after the alerts queued before it, never from a second sender racing the worker."""

from __future__ import annotations

import re
import signal
import threading

import pytest

from signalwatch.alerts.payload import DIGEST_RULE_ID
from signalwatch.config import load_settings
from signalwatch.devtools.fixture_server import FixtureServer
from signalwatch.runtime.app import build_app
from signalwatch.runtime.pipeline import poll_source
from signalwatch.store import Store
from signalwatch.timeutil import utcnow
from tests.conftest import SLACK_TOKEN, Workspace
from tests.e2e.test_crash_and_daemon import wait_for
from tests.e2e.test_run_once import EXPECTED, standard_sources

HOUR = "3600s"  # a delivery interval no test waits for: only wake-ups can deliver in time


def _key(message: dict) -> str:
    return str(message["metadata"]["event_payload"]["alert_key"])


def test_a_digest_queued_by_the_daemon_is_sent_once_by_the_worker_after_the_alerts_before_it(
    workspace: Workspace, feeds: FixtureServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    digest = {"enabled": True, "days": "*", "hour": utcnow().hour, "minute": 0, "channels": ["#sales-signals"], "owners": False}
    workspace.write_config(standard_sources(feeds), delivery={"interval": HOUR, "backoff_base": "1s"},
                           server={"enabled": False}, source_health={"enabled": False}, digest=digest)
    # The alerts are in the outbox before the daemon starts (a poll queued them; nothing sent them yet).
    app = build_app(load_settings(workspace.config))
    try:
        assert sum(poll_source(app, source, utcnow()).new_alerts for source in app.sources) > 0
    finally:
        app.close()

    process = workspace.popen("run")  # at start the digest job finds today's digest due and queues it
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stderr.readline, "")), daemon=True)  # type: ignore[union-attr]
    reader.start()
    try:
        wait_for(lambda: sum(_key(m).startswith("digest:") for m in workspace.slack.messages) >= 1, timeout=120)
        wait_for(lambda: len(workspace.slack.messages) >= len(EXPECTED) + 1, timeout=120)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        reader.join(10)
    assert process.returncode == 0, "".join(lines)

    store = Store(load_settings(workspace.config).database_url)
    try:
        slack_rows = [row for row in store.find_outbox() if row.sink == "slack"]
    finally:
        store.close()
    keys = [_key(m) for m in workspace.slack.messages]
    assert len(keys) == len(set(keys)) == len(EXPECTED) + 1  # every alert and the digest exactly once
    assert keys == [row.alert_key for row in slack_rows]  # Slack heard them in queue order
    assert slack_rows[-1].rule_id == DIGEST_RULE_ID  # the digest after the alerts queued before it
    ready = re.search(r"delivery: worker ready \(process (\d+)\)", "".join(lines))
    assert ready is not None
    senders = {(row.claimed_by or "").rpartition(":")[2] for row in slack_rows}
    assert senders == {ready.group(1)}, f"sent by {senders}, the worker is {ready.group(1)}, the daemon {process.pid}"
