"""The daemon's feedback service on the real application context: a snooze clicked over Socket
Mode reaches the running rules engine at once, with no restart; a listener that cannot start
(here: its port taken) leaves the daemon running and retries."""

from __future__ import annotations

import logging
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from signalwatch.config import load_settings
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from signalwatch.feedback.service import FeedbackService
from signalwatch.rules.engine import BLOCKED
from signalwatch.runtime.app import build_app
from signalwatch.runtime.delivery import deliver
from signalwatch.runtime.pipeline import poll_source
from tests.conftest import Workspace, feed_bytes
from tests.e2e.test_crash_and_daemon import wait_for
from tests.e2e.test_run_once import header
from tests.feedback.conftest import Loop
from tests.feedback.test_socket_mode import DANA, SAM, click


def app_for(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, actions: dict, sources: list | None = None) -> Any:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-0000-secret-token")
    monkeypatch.setenv("SLACK_APP_TOKEN", workspace.slack.app_token)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", workspace.slack.signing_secret)
    workspace.write_config(sources or [], sinks={"slack": {"enabled": True, "base_url": workspace.slack.base_url,
                                                "default_channel": "#sales-signals", "actions": actions}})
    return build_app(load_settings(workspace.config, require_secrets=True))


def test_a_snooze_reaches_the_running_engine_without_a_restart(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_for(workspace, monkeypatch, {"mode": "socket_mode"})
    loop = Loop(app.store, workspace.slack, app.rules, app.settings.sink_configs["slack"].actions)  # type: ignore[attr-defined]
    loop.alert("Acme Robotics")
    stop = threading.Event()
    service = FeedbackService(app, loop.actions, stop)
    service.start()
    try:
        assert workspace.slack.wait_until(lambda: bool(workspace.slack.sockets)), "Socket Mode did not connect"
        click(loop, workspace.slack.messages[-1], "signalwatch_snooze", SAM, value="30")
    finally:
        stop.set()
    event = loop.event("Acme Robotics")
    accounts = {a.id: a for a in app.store.list_accounts()}  # type: ignore[attr-defined]
    outcome = {o.rule_id: o for o in app.engine.outcomes(event, accounts, loop.now)}["funding-round"]  # type: ignore[attr-defined]
    assert outcome.outcome == BLOCKED and outcome.detail.startswith(f"suppressed by snoozed in Slack by {SAM.lower()} until")
    assert service.refresh() is False  # nothing changed since: no second rebuild


def test_a_listener_that_cannot_start_is_retried_and_the_daemon_runs_on(workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
                                                                        caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        app = app_for(workspace, monkeypatch, {"mode": "http", "listen_port": taken.getsockname()[1]})
        stop = threading.Event()
        service = FeedbackService(app, app.settings.sink_configs["slack"].actions, stop)  # type: ignore[attr-defined]
        with caplog.at_level(logging.ERROR, logger="signalwatch.feedback.service"):
            service.start()
            wait_for(lambda: "cannot receive Slack button clicks" in caplog.text, timeout=10)
        stop.set()
    assert "Address already in use" in caplog.text and "trying again in 2 s" in caplog.text


def test_a_claim_redirects_the_owner_dm_of_the_next_poll(workspace: Workspace, feeds: FixtureServer,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    feeds.route("people.xml", Reply(feed_bytes("people-atom.xml")))
    app = app_for(workspace, monkeypatch, {"mode": "socket_mode"}, [{"name": "people-news", "type": "rss", "url": feeds.url("people.xml")}])
    loop = Loop(app.store, workspace.slack, app.rules, app.settings.sink_configs["slack"].actions)
    loop.alert("Acme Robotics")  # the funding alert a rep claims the account from
    stop = threading.Event()
    service = FeedbackService(app, loop.actions, stop)
    service.start()
    try:
        assert workspace.slack.wait_until(lambda: bool(workspace.slack.sockets)), "Socket Mode did not connect"
        click(loop, workspace.slack.messages[-1], "signalwatch_claim", SAM)
    finally:
        stop.set()
    report = poll_source(app, app.sources[0], loop.now)  # the daemon's poll: "Acme Robotics names Jordan Blake as VP Sales"
    assert report.ok and report.new_alerts
    deliver(app.store, app.sinks, app.settings.delivery)
    [acme] = [m for m in workspace.slack.messages if header(m) == "P1 · leadership · Acme Robotics · Tier A"]
    assert acme["channel"] == "D" + SAM[1:] != "D" + DANA[1:]  # Dana owns Acme in the accounts file
