"""A new user's first steps: `signalwatch init`, then its printed "Next:" steps, with Slack still
disabled as the starter config leaves it. Alerts routed to the disabled sink are not queued (no
dead letters, exit 0, `status` healthy); enabling Slack later does not post them stale. Rows queued
while a sink was enabled stay pending, not dead, when it is disabled. The real commands (in the
test process, tests/inprocess.py) against the fixture feed server and the fake Slack."""

from __future__ import annotations

import yaml

from signalwatch.devtools.fake_slack import Failure
from signalwatch.devtools.fixture_server import FixtureServer
from tests.conftest import Workspace
from tests.e2e.test_run_once import EXPECTED, received, standard_sources


def starter_config(workspace: Workspace, feeds: FixtureServer, *, slack: bool = False, delivery: dict[str, str] | None = None) -> None:
    """The config `init` wrote, as the user has it, with the internet feeds replaced by the fixture
    server (and HTTP allowed to reach it); Slack enabled at the fake only when `slack`."""
    data = yaml.safe_load(workspace.config.read_text(encoding="utf-8"))
    data["sources"] = standard_sources(feeds)
    data["http"] = {**(data.get("http") or {}), "allow_private_addresses": True, "per_host_interval": 0}
    data["sinks"]["slack"]["enabled"] = slack
    data["sinks"]["slack"]["base_url"] = workspace.slack.base_url
    if delivery is not None:
        data["delivery"] = {**(data.get("delivery") or {}), **delivery}
    workspace.config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_the_starter_folder_runs_clean_with_slack_disabled_and_never_posts_stale_alerts(
    workspace: Workspace, feeds: FixtureServer
) -> None:
    starter_config(workspace, feeds)
    first = workspace.cli("run", "--once")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "dead letter" not in first.stderr
    assert "alert(s) for sink 'slack' not queued: the sink is not enabled in the config" in first.stderr, first.stderr
    assert "Rule funding-round" in first.stdout  # the console sink still shows the alerts

    listed = workspace.cli("outbox", "list")
    assert listed.returncode == 0
    assert " slack" not in listed.stdout and "dead" not in listed.stdout, listed.stdout
    status = workspace.cli("status")
    assert status.returncode == 0, status.stdout + status.stderr
    assert "DEAD LETTERS" not in status.stdout
    events = workspace.cli("events", "list").stdout
    typo = workspace.cli("events", "list", "--source", "funding-newz")  # an empty table and nothing else, before
    assert "no source of that name in the config" in typo.stderr, typo.stderr
    funding = next(line.split()[0] for line in events.splitlines() if "funding/raised" in line and "Acme Robotics" in line)
    explained = workspace.cli("explain", funding).stdout  # why Slack never got it, said where the admin looks
    assert "slack" in explained and "not queued: the sink is not enabled in the config" in explained, explained

    starter_config(workspace, feeds, slack=True)  # the user sets the token and enables Slack
    later = workspace.cli("run", "--once")
    assert later.returncode == 0, later.stderr
    assert workspace.slack.messages == []  # nothing stale: the old alerts were never queued for Slack
    assert workspace.cli("outbox", "retry-dead").stdout.startswith("0 dead letters")


def test_rows_queued_while_a_sink_was_enabled_wait_pending_when_it_is_disabled(workspace: Workspace, feeds: FixtureServer) -> None:
    starter_config(workspace, feeds, slack=True, delivery={"backoff_base": "0.1s", "max_inline_wait": "0s"})
    workspace.slack.failures = [Failure(500, "internal_error", {})] * 20  # Slack is down: the rows are queued, unsent
    first = workspace.cli("run", "--once")
    assert first.returncode == 0, first.stderr
    assert workspace.slack.messages == []

    starter_config(workspace, feeds)  # the admin disables Slack meanwhile
    disabled = workspace.cli("run", "--once")
    assert disabled.returncode == 0, disabled.stderr
    assert "dead letter" not in disabled.stderr
    assert f"{len(EXPECTED)} alert(s) queued for sink 'slack' wait: it is not enabled in the config" in disabled.stderr
    listed = workspace.cli("outbox", "list", "--status", "pending")
    assert listed.stdout.count("slack") >= len(EXPECTED), listed.stdout
    assert workspace.cli("status").returncode == 0

    workspace.slack.failures = []  # Slack is back
    starter_config(workspace, feeds, slack=True, delivery={"backoff_base": "0.1s", "max_inline_wait": "20s"})
    enabled = workspace.cli("run", "--once")  # enabled again: the waiting rows go out, once each
    assert enabled.returncode == 0, enabled.stderr
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)


def test_the_waiting_rows_of_a_disabled_sink_can_be_discarded_instead(workspace: Workspace, feeds: FixtureServer) -> None:
    starter_config(workspace, feeds, slack=True, delivery={"backoff_base": "0.1s", "max_inline_wait": "0s"})
    workspace.slack.failures = [Failure(500, "internal_error", {})] * 20
    assert workspace.cli("run", "--once").returncode == 0
    workspace.slack.failures = []
    starter_config(workspace, feeds)
    dropped = workspace.cli("outbox", "discard", "--sink", "slack")
    assert dropped.returncode == 0 and dropped.stdout.startswith(f"{len(EXPECTED)} alert(s) discarded"), dropped.stdout
    starter_config(workspace, feeds, slack=True)
    assert workspace.cli("run", "--once").returncode == 0
    assert workspace.slack.messages == []  # discarded: never sent, even once the sink is back
