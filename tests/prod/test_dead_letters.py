"""Dead letters: after the retry budget an alert is dead, visible in `status` and `outbox list`,
and `outbox retry-dead` sends it on the next run, once."""

from __future__ import annotations

import collections
import re

from signalwatch.devtools.fake_slack import Failure
from signalwatch.devtools.fixture_server import FixtureServer
from tests.conftest import Workspace
from tests.e2e.test_run_once import EXPECTED, received, standard_sources


def test_dead_letters_are_visible_and_retried_by_command(workspace: Workspace, feeds: FixtureServer) -> None:
    workspace.write_config(standard_sources(feeds), delivery={"max_attempts": 2, "backoff_base": "1s", "max_inline_wait": "10s"})
    workspace.slack.failures = [Failure(503, "service_unavailable", {}), Failure(503, "service_unavailable", {})]
    first = workspace.cli("run", "--once")
    assert first.returncode == 1, first.stderr  # a dead letter in this run: cron must notice
    assert "dead letter after 2 attempts" in first.stderr
    assert len(workspace.slack.messages) == len(EXPECTED) - 1

    status = workspace.cli("status")
    assert len(re.findall(r"\s\d+/0/1\s", status.stdout + " ")) == 1, status.stdout  # sent/pending/dead of one source
    slack_line = next(line for line in status.stdout.splitlines() if line.startswith("slack "))
    assert "DEAD LETTERS" in slack_line and "service_unavailable" in slack_line, status.stdout  # per sink, with why
    assert status.returncode == 1  # a monitoring check on `status` sees the failed delivery
    dead = workspace.cli("outbox", "list", "--status", "dead")
    assert dead.stdout.count("slack") == 1 and "service_unavailable" in dead.stdout

    retry = workspace.cli("outbox", "retry-dead")
    assert retry.returncode == 0 and retry.stdout.startswith("1 dead letters moved back to pending")
    second = workspace.cli("run", "--once")
    assert second.returncode == 0, second.stderr
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)
    keys = collections.Counter(m["metadata"]["event_payload"]["alert_key"] for m in workspace.slack.messages)
    assert max(keys.values()) == 1
    assert workspace.cli("outbox", "list", "--status", "dead").stdout.count("slack") == 0
    healthy = workspace.cli("status")
    assert healthy.returncode == 0 and " ok " in next(line for line in healthy.stdout.splitlines() if line.startswith("slack "))
