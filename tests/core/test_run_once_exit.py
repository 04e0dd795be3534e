"""`signalwatch run --once` under cron: a non-zero exit when an alert became a dead letter or a
source failed in that run, and the source-health admin notice works there as in the daemon.
The real command (in the test process: tests/inprocess.py), against a fixture feed server and a fake Slack."""

from __future__ import annotations

from signalwatch.devtools.fake_slack import Failure
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import Workspace
from tests.e2e.test_run_once import standard_sources


def test_a_dead_letter_makes_run_once_exit_non_zero(workspace: Workspace, feeds: FixtureServer) -> None:
    # Slack refuses the first alert for good (a channel that does not exist): it dead-letters
    workspace.slack.failures = [Failure(200, "channel_not_found", {})]
    workspace.write_config(standard_sources(feeds))
    result = workspace.cli("run", "--once")
    assert "(0 failed)" in result.stdout, result.stdout + result.stderr
    assert "alert(s) became dead letters" in result.stderr
    assert result.returncode == 1
    again = workspace.cli("run", "--once")  # nothing new died in this run
    assert again.returncode == 0, again.stderr


def test_a_failing_source_gets_its_admin_notice_in_run_once(workspace: Workspace, feeds: FixtureServer) -> None:
    sources = standard_sources(feeds)
    feeds.route("error.xml", Reply(b"<h1>Internal Server Error</h1>", 500, "text/html"))
    sources.append({"name": "erroring-feed", "type": "rss", "url": feeds.url("error.xml")})
    health = {"failures": 2, "notify": [{"sink": "console"}]}
    workspace.write_config(sources, source_health=health)
    first = workspace.cli("run", "--once")
    assert first.returncode == 1
    assert "erroring-feed is failing" not in first.stdout  # one failure: not an incident yet
    second = workspace.cli("run", "--once")
    assert second.returncode == 1
    assert second.stdout.count("What:   Source erroring-feed is failing") == 1, second.stdout
    third = workspace.cli("run", "--once")
    assert "Source erroring-feed is failing" not in third.stdout  # announced once per incident
    feeds.route("error.xml", Reply(b"<rss version='2.0'><channel><title>ok</title></channel></rss>", 200, "application/rss+xml"))
    fixed = workspace.cli("run", "--once")
    assert fixed.returncode == 0, fixed.stderr
    assert "Source erroring-feed is healthy again" in fixed.stdout
