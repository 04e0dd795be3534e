"""End to end, the real daemon (`signalwatch run`) against a fake Slack and feed server on
loopback: an alert is posted with its buttons, a rep snoozes the account over Socket Mode, the
message changes in place, and after a restart the account's next event alerts no one while
another account's still does."""

from __future__ import annotations

import signal
import subprocess

import pytest

from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import Workspace, feed_bytes
from tests.e2e.test_crash_and_daemon import wait_for
from tests.e2e.test_run_once import header

SAM = "U01SAM0001"


def start(workspace: Workspace) -> subprocess.Popen[str]:
    process = workspace.popen("run")
    wait_for(lambda: process.poll() is not None or bool(workspace.slack.sockets), timeout=60)
    assert process.poll() is None, process.communicate()[1]
    return process


def stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return err


def test_a_snooze_clicked_in_slack_outlives_a_restart(workspace: Workspace, feeds: FixtureServer,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_APP_TOKEN", workspace.slack.app_token)
    feeds.route("funding.xml", Reply(feed_bytes("funding-rss2.xml")))
    feeds.route("people.xml", Reply(feed_bytes("people-atom.xml")))
    funding = {"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")}
    people = {"name": "people-news", "type": "rss", "url": feeds.url("people.xml")}
    slack = {"enabled": True, "base_url": workspace.slack.base_url, "default_channel": "#sales-signals",
             "actions": {"mode": "socket_mode", "claim_days": 14}}
    options = {"delivery": {"interval": "1s", "backoff_base": "1s"}, "server": {"enabled": False},
               "sinks": {"console": {"enabled": True}, "slack": slack}}
    workspace.write_config([funding], **options)

    process = start(workspace)
    try:
        wait_for(lambda: any("Acme Robotics" in header(m) for m in workspace.slack.messages))
        acme = next(m for m in workspace.slack.messages if "Acme Robotics" in header(m))
        envelope = workspace.slack.deliver(workspace.slack.block_actions(acme, "signalwatch_snooze", SAM, value="30"))
        assert workspace.slack.wait_for_ack(envelope, timeout=30)
        assert workspace.slack.wait_until(lambda: bool(workspace.slack.updates), timeout=30)
    finally:
        first_log = stop(process)
    update = workspace.slack.updates[-1]
    assert (update["channel"], update["ts"]) == (acme["channel"], acme["ts"])  # the same message, changed in place
    assert f"Snoozed 30 d by <@{SAM}>" in str(update["blocks"])
    assert "feedback: snooze 30 on alert" in first_log

    before = len(workspace.slack.messages)
    workspace.write_config([funding, people], **options)  # the Acme VP of Sales and the Globex CRO appear
    process = start(workspace)
    try:
        wait_for(lambda: any("Globex Payments" in header(m) for m in workspace.slack.messages[before:]))
    finally:
        log = stop(process)
    new = [header(m) for m in workspace.slack.messages[before:]]
    assert new == ["P1 · leadership · Globex Payments · Tier A"]
    assert "poll: people-news ok fetched=2 new_events=2" in log
    assert "new-revenue-leader did not alert for event" in log and f"suppressed by snoozed in Slack by {SAM.lower()}" in log
    assert "ERROR" not in first_log + log
    assert "did not stop" not in first_log + log  # each stop waited for the worker; none was killed


def test_cron_runs_once_without_the_app_token_but_the_daemon_asks_for_it(workspace: Workspace, feeds: FixtureServer,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    feeds.route("funding.xml", Reply(feed_bytes("funding-rss2.xml")))
    slack = {"enabled": True, "base_url": workspace.slack.base_url, "default_channel": "#sales-signals",
             "actions": {"mode": "socket_mode"}}
    workspace.write_config([{"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")}],
                           server={"enabled": False}, sinks={"console": {"enabled": True}, "slack": slack})
    daemon = workspace.cli("run")  # would listen for clicks: it needs the app-level token, and says so
    assert daemon.returncode == 2
    assert "sinks.slack.actions.mode is socket_mode: $SLACK_APP_TOKEN is not set" in daemon.stderr
    assert workspace.slack.messages == []

    once = workspace.cli("run", "--once")  # cron posts alerts (with their buttons) and never listens
    assert once.returncode == 0, once.stderr
    acme = next(m for m in workspace.slack.messages if "Acme Robotics" in header(m))
    assert "signalwatch_snooze" in str(acme["blocks"])
