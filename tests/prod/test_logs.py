"""Logs: one line per poll and per delivery with ids and counts; JSON on request; secrets never printed."""

from __future__ import annotations

import json

from signalwatch.devtools.fake_slack import Failure
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import SLACK_TOKEN, Workspace
from tests.e2e.test_run_once import EXPECTED, standard_sources


def test_json_logs_have_a_line_per_poll_and_delivery_and_never_the_token(workspace: Workspace, feeds: FixtureServer) -> None:
    sources = standard_sources(feeds)
    feeds.route("error.xml", Reply(b"<h1>Internal Server Error</h1>", 500, "text/html"))
    # a careless admin put the token in a feed URL: it must still never reach the log
    sources.append({"name": "erroring-feed", "type": "rss", "url": feeds.url(f"error.xml?key={SLACK_TOKEN}")})
    workspace.write_config(sources, log_format="json")
    workspace.slack.failures = [Failure(500, "internal_error", {})]
    result = workspace.cli("-v", "run", "--once")
    assert result.returncode == 1  # one source failed
    log_lines = [line for line in result.stderr.splitlines() if line.startswith("{")]
    assert SLACK_TOKEN not in "\n".join(log_lines) + result.stdout
    records = [json.loads(line) for line in log_lines]
    assert records and all(set(r) >= {"time", "level", "logger", "message"} for r in records)
    # besides the JSON log, stderr holds only the `run --once` summary of failed sources
    assert all(line.startswith("  source ") for line in result.stderr.splitlines() if line and not line.startswith("{"))
    messages = [r["message"] for r in records]
    polls = [m for m in messages if m.startswith("poll: ")]
    assert any(m.startswith("poll: funding-news ok fetched=") and "new_alerts=" in m for m in polls)
    assert any(m.startswith("poll: people-news ok fetched=") for m in polls)
    assert any(m.startswith("poll: erroring-feed failed: ") and "***" in m for m in polls)
    sent = [m for m in messages if m.startswith("delivery: alert ") and " sent to " in m]
    assert len([m for m in sent if "sent to slack" in m]) == len(EXPECTED)
    assert any("failed (attempt 1)" in m for m in messages)
