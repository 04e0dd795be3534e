"""`signalwatch digest --send` with a channel that cannot work: a name Slack can never have is
refused before anything is queued (the check `rules check` makes of route channels), and a
permanent Slack error says what to fix instead of suggesting a resend. The real command (in the
test process) against the fake Slack."""

from __future__ import annotations

from signalwatch.devtools.fake_slack import Failure
from tests.conftest import Workspace


def test_a_channel_name_that_cannot_exist_is_refused_up_front(workspace: Workspace) -> None:
    workspace.write_config([])
    result = workspace.cli("digest", "--send", "--channel", "Sales Signals")
    assert result.returncode == 2
    assert "Slack channel 'Sales Signals' cannot exist" in result.stderr and "'#sales-signals'" in result.stderr
    assert workspace.slack.messages == []
    assert "digest" not in workspace.cli("outbox", "list").stdout  # nothing queued, so nothing dead-letters


def test_a_channel_slack_does_not_know_says_to_fix_the_channel_not_to_retry(workspace: Workspace) -> None:
    workspace.write_config([])
    result = workspace.cli("digest", "--send", "--channel", "#nope")
    assert result.returncode == 1
    assert "#nope: not posted" in result.stderr and "channel_not_found" in result.stderr
    assert "check the channel name" in result.stderr and "retry-dead" not in result.stderr


def test_a_bad_token_points_at_the_token_and_doctor(workspace: Workspace) -> None:
    workspace.write_config([])
    workspace.slack.failures = [Failure(200, "invalid_auth", {})]
    result = workspace.cli("digest", "--send", "--channel", "#sales-signals")
    assert result.returncode == 1
    assert "$SLACK_BOT_TOKEN" in result.stderr and "signalwatch doctor" in result.stderr
    assert "retry-dead` sends it again" not in result.stderr  # not a plain "resend": the token is to fix first
