"""The real CLI (run in the test process: tests/inprocess.py): crm setup, CRM write-back next to Slack, a failure visible in status, sync, digest."""

from __future__ import annotations

import pytest

from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import Workspace, feed_bytes
from tests.crm.conftest import HUBSPOT_TOKEN

pytestmark = pytest.mark.slow


def configure(workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    feeds.route("funding.xml", Reply(feed_bytes("funding-rss2.xml")))
    rules = workspace.root / "rules" / "signals.yaml"
    text = rules.read_text(encoding="utf-8")
    # Route the funding rule to HubSpot too: a task plus the signal properties.
    first_console = text.index("      - sink: console\n") + len("      - sink: console\n")
    rules.write_text(text[:first_console] + "      - sink: hubspot\n        channel: task+properties\n" + text[first_console:], encoding="utf-8")
    sinks = {"console": {"enabled": True},
             "slack": {"enabled": True, "base_url": workspace.slack.base_url, "default_channel": "#sales-signals"},
             "hubspot": {"enabled": True, "host": hubspot.host, "timeout": 2, "sync": {"enabled": True}}}
    workspace.write_config([{"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")}], sinks=sinks)


def test_crm_write_back_beside_slack_with_a_missing_company_visible_in_status(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(workspace, feeds, hubspot, monkeypatch)
    acme = hubspot.add_company("Acme Robotics", "acmerobotics.example")  # Vandelay is not in HubSpot yet

    setup = workspace.cli("crm", "setup", "hubspot")
    assert setup.returncode == 0, setup.stderr
    assert "signalwatch_signal_heat" in setup.stdout

    run = workspace.cli("run", "--once")
    assert run.returncode == 0, run.stderr  # Vandelay's missing company is retried later, not dead yet
    assert {m["text"].split(":")[0] for m in workspace.slack.messages} >= {"P1 · funding · Acme Robotics · Tier A",
                                                                            "P1 · funding · Vandelay Imports · Tier B"}
    assert len(hubspot.live("tasks")) == 1 and hubspot.associations[0][2] == acme
    assert float(hubspot.objects["companies"][acme]["properties"]["signalwatch_signal_heat"]) > 0  # the engine's account heat

    status = workspace.cli("status")
    assert "funding-news" in status.stdout and "/1/0" in status.stdout  # one CRM alert still pending
    pending = workspace.cli("outbox", "list", "--status", "pending")
    assert "hubspot" in pending.stdout and "no company with domain = vandelay.example" in pending.stdout
    assert HUBSPOT_TOKEN not in run.stdout + run.stderr + pending.stdout


def test_crm_sync_and_the_digest_from_the_command_line(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(workspace, feeds, hubspot, monkeypatch)
    owner = hubspot.add_owner("dana@yourco.example")
    hubspot.add_company("Acme Robotics", "acmerobotics.example", hubspot_owner_id=owner)
    hubspot.add_company("Newco <b>", "newco.example")
    workspace.slack.users = {"dana@yourco.example": "U01DANA001"}
    sync = workspace.cli("crm", "sync")
    assert sync.returncode == 0, sync.stderr
    assert "hubspot: 2 accounts fetched: 1 new, 1 updated, 0 removed" in sync.stdout

    run = workspace.cli("run", "--once")
    # the account the sync added is not a HubSpot company the sink can find: a dead letter, so cron sees exit 1
    assert run.returncode == 1 and "became dead letters" in run.stderr, run.stderr
    page = workspace.cli("digest", "--since", "7d", "--format", "html")
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith("<!DOCTYPE html>") and "Acme Robotics" in page.stdout and "Raised $45M Series B" in page.stdout
    sent = workspace.cli("digest", "--send", "--channel", "#sales-signals")
    assert sent.returncode == 0, sent.stderr
    assert "posted to #sales-signals" in sent.stdout
    # Posted through the outbox and the Slack sink, stamped like an alert with its digest key.
    key = workspace.slack.messages[-1]["metadata"]["event_payload"]["alert_key"]
    assert key.startswith("digest:") and key.endswith("/1d:adhoc:#sales-signals")  # the day, and --since 24h
    again = workspace.cli("digest", "--send", "--channel", "#sales-signals")  # the same period again: posted once
    assert again.returncode == 0, again.stderr
    assert "already posted" in again.stdout
    assert [m["metadata"]["event_payload"]["alert_key"] for m in workspace.slack.messages].count(key) == 1
