"""`signalwatch digest` (in the test process: tests/inprocess.py), after a real poll of a recorded funding feed: the Markdown a
manager reads, and `--send` posting once per period to the fake Slack (the real slack-sdk client)."""

from __future__ import annotations

import re

import pytest

from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import Workspace, feed_bytes

pytestmark = pytest.mark.slow


def polled(workspace: Workspace, feeds: FixtureServer) -> None:
    feeds.route("funding.xml", Reply(feed_bytes("funding-rss2.xml")))
    workspace.write_config([{"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")}])
    run = workspace.cli("run", "--once")
    assert run.returncode == 0, run.stderr
    assert workspace.slack.messages, "the poll should have alerted"


def digest_messages(workspace: Workspace) -> list[dict]:  # type: ignore[type-arg]
    return [m for m in workspace.slack.messages
            if str(((m.get("metadata") or {}).get("event_payload") or {}).get("alert_key", "")).startswith("digest:")]


def test_sending_the_digest_twice_posts_it_once(workspace: Workspace, feeds: FixtureServer) -> None:
    polled(workspace, feeds)
    first = workspace.cli("digest", "--send", "--channel", "#sales-signals")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "posted to #sales-signals"
    second = workspace.cli("digest", "--send", "--channel", "#sales-signals", "--since", "1d")  # the same period, spelled otherwise
    assert second.returncode == 0, second.stderr
    assert "already posted today with this --since; nothing sent" in second.stdout
    (message,) = digest_messages(workspace)
    assert message["channel"] == "C0SALES001"
    posted = "\n".join(block["text"]["text"] for block in message["blocks"] if block.get("type") == "section")
    # What a manager reads first: the summary, then the accounts.
    assert posted.index("heating up:*") < posted.index("new P1 alert") < posted.index("Who has what to act on") < posted.index("*1. ")
    assert "<@U01DANA001>" in posted  # Acme Robotics' owner, in the rollup and on the account


def test_the_markdown_digest_reads_as_plain_text(workspace: Workspace, feeds: FixtureServer) -> None:
    polled(workspace, feeds)
    shown = workspace.cli("digest", "--since", "7d")
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout
    assert re.search(r"^_\d{4}-\d\d-\d\d \d\d:\d\d UTC – \d{4}-\d\d-\d\d \d\d:\d\d UTC_$", text, re.M), text[:300]
    assert "\\-" not in text and "\\." not in text and "\\(" not in text, text  # nothing a reader has to unescape
    assert "\n## 1. Acme Robotics\n" in text and "Raised $45M Series B" in text
    assert "## Summary" in text and "## How to read heat" in text
