"""`signalwatch outbox discard`: an operator clears dead letters, so `status` stops failing for
ever; the rows stay for the record and are never sent. The real commands (in the test process)
against the fixture feed server and the fake Slack, which refuses one alert for good."""

from __future__ import annotations

import re

from signalwatch.devtools.fake_slack import Failure
from signalwatch.devtools.fixture_server import FixtureServer
from tests.conftest import Workspace
from tests.e2e.test_run_once import EXPECTED, standard_sources


def dead_ids(workspace: Workspace) -> list[str]:
    listed = workspace.cli("outbox", "list", "--status", "dead")
    return re.findall(r"^\s*(\d+)\s+dead\b", listed.stdout, re.MULTILINE)


def test_discarding_dead_letters_clears_status_and_they_are_never_sent(workspace: Workspace, feeds: FixtureServer) -> None:
    workspace.slack.failures = [Failure(200, "channel_not_found", {})]  # the first Slack alert fails for good
    workspace.write_config(standard_sources(feeds))
    assert workspace.cli("run", "--once").returncode == 1
    dead = dead_ids(workspace)
    assert len(dead) == 1
    assert workspace.cli("status").returncode == 1  # a dead letter: status fails until someone acts

    refused = workspace.cli("outbox", "discard", "999999")
    assert refused.returncode == 1 and "999999: no such outbox row" in refused.stderr
    sent = workspace.cli("outbox", "list", "--status", "sent").stdout
    sent_id = re.findall(r"^\s*(\d+)\s+sent\b", sent, re.MULTILINE)[0]
    kept = workspace.cli("outbox", "discard", sent_id)
    assert kept.returncode == 1 and f"{sent_id}: it is sent" in kept.stderr

    done = workspace.cli("outbox", "discard", *dead)
    assert done.returncode == 0, done.stderr
    assert "1 alert(s) discarded" in done.stdout
    status = workspace.cli("status")
    assert status.returncode == 0, status.stdout
    assert "DEAD LETTERS" not in status.stdout and "channel_not_found" not in status.stdout
    audit = workspace.cli("outbox", "list", "--status", "discarded").stdout
    assert re.search(rf"^\s*{dead[0]}\s+discarded\b", audit, re.MULTILINE), audit

    assert workspace.cli("outbox", "retry-dead").stdout.startswith("0 dead letters")
    assert workspace.cli("run", "--once").returncode == 0
    assert len(workspace.slack.messages) == len(EXPECTED) - 1  # the discarded alert is never sent


def test_all_dead_discards_every_dead_letter_of_a_sink(workspace: Workspace, feeds: FixtureServer) -> None:
    workspace.slack.failures = [Failure(200, "channel_not_found", {}), Failure(200, "channel_not_found", {})]
    workspace.write_config(standard_sources(feeds))
    workspace.cli("run", "--once")
    assert len(dead_ids(workspace)) == 2
    assert workspace.cli("outbox", "discard", "--all-dead", "--sink", "console").stdout.startswith("0 alert(s)")
    assert workspace.cli("outbox", "discard", "--all-dead", "--sink", "slack").stdout.startswith("2 alert(s)")
    assert dead_ids(workspace) == [] and workspace.cli("status").returncode == 0
    refused = workspace.cli("outbox", "discard", "--sink", "slack")  # enabled: its pending rows are being delivered
    assert refused.returncode == 2 and "is enabled" in refused.stderr
