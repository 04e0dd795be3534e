"""`signalwatch run --once` against a fixture feed server and a fake Slack: the first test runs the real
command as a subprocess (what cron runs), the others run it in the test process (tests/inprocess.py)."""

from __future__ import annotations

import json

from signalwatch.devtools.fake_slack import Failure, FakeSlack
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import SLACK_TOKEN, Workspace, feed_bytes

EXPECTED = {
    ("#sales-signals", "P1 · funding · Acme Robotics · Tier A"),
    ("#sales-signals", "P1 · funding · Vandelay Imports · Tier B"),
    ("U01SAM0001", "P1 · leadership · Globex Payments · Tier A"),
    ("U01DANA001", "P1 · leadership · Acme Robotics · Tier A"),
}


def header(message: dict) -> str:
    return next(b["text"]["text"] for b in message["blocks"] if b["type"] == "header")


def received(slack: FakeSlack) -> list[tuple[str, str]]:
    return [(m["channel_arg"], header(m)) for m in slack.messages]


def standard_sources(feeds: FixtureServer) -> list[dict]:
    feeds.route("funding.xml", Reply(feed_bytes("funding-rss2.xml")))
    feeds.route("people.xml", Reply(feed_bytes("people-atom.xml")))
    return [
        {"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")},
        {"name": "people-news", "type": "rss", "url": feeds.url("people.xml")},
    ]


def test_one_cycle_sends_exactly_the_expected_alerts_and_a_second_sends_none(workspace: Workspace, feeds: FixtureServer) -> None:
    workspace.write_config(standard_sources(feeds))
    first = workspace.cli("run", "--once", process=True)
    assert first.returncode == 0, first.stderr
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)
    assert len(workspace.slack.messages) == len(EXPECTED)
    assert "Raised $45M Series B" in first.stdout and "Rule funding-round" in first.stdout  # console sink
    assert "4 alerts delivered" not in first.stdout and "8 alerts delivered" in first.stdout

    second = workspace.cli("run", "--once", process=True)  # a new process: only the database remembers
    assert second.returncode == 0, second.stderr
    assert len(workspace.slack.messages) == len(EXPECTED)
    assert "0 new events, 0 alerts delivered" in second.stdout


def test_untrusted_feed_text_arrives_escaped(workspace: Workspace, feeds: FixtureServer) -> None:
    workspace.write_config(standard_sources(feeds))
    assert workspace.cli("run", "--once").returncode == 0
    acme_vp = next(m for m in workspace.slack.messages if "Acme Robotics" in header(m) and "leadership" in header(m))
    wire = json.dumps(acme_vp["blocks"]) + acme_vp["text"]
    assert "&lt;!channel&gt;" in wire
    for ping in ("<!channel>", "<!here>", "<@U0ADMIN01>", "<https://evil.example"):
        assert ping not in wire
    assert "<@U01DANA001>" in wire  # the owner mention we add ourselves


def test_slack_429_is_waited_out_and_each_alert_arrives_once(workspace: Workspace, feeds: FixtureServer) -> None:
    workspace.write_config(standard_sources(feeds))
    workspace.slack.failures = [Failure(429, "ratelimited", {"Retry-After": "2"})]
    result = workspace.cli("run", "--once")
    assert result.returncode == 0, result.stderr
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)
    posts = [t for method, t in workspace.slack.calls if method == "chat.postMessage"]
    first_message_at = min(m["received_at"] for m in workspace.slack.messages)
    assert first_message_at - posts[0] >= 1.9  # nothing was posted before the Retry-After ran out


def test_a_slow_429_is_waited_out_from_when_it_arrived_not_from_when_the_post_began(workspace: Workspace, feeds: FixtureServer) -> None:
    workspace.write_config(standard_sources(feeds))
    workspace.slack.failures = [Failure(429, "ratelimited", {"Retry-After": "1"}, delay=1.5)]  # answered 1.5 s late
    result = workspace.cli("run", "--once")
    assert result.returncode == 0, result.stderr
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)  # each alert once
    first_post = min(t for method, t in workspace.slack.calls if method == "chat.postMessage")
    first_message_at = min(m["received_at"] for m in workspace.slack.messages)
    assert first_message_at - first_post >= 2.4  # 1.5 s to the answer, then its full Retry-After of 1 s


def test_failing_sources_do_not_stop_the_others_and_show_in_status(workspace: Workspace, feeds: FixtureServer) -> None:
    sources = standard_sources(feeds)
    feeds.route("truncated.xml", Reply(feed_bytes("truncated.xml")))
    feeds.route("error.xml", Reply(b"<h1>Internal Server Error</h1>", 500, "text/html"))
    feeds.route("slow.xml", Reply(feed_bytes("funding-rss2.xml"), delay=4))
    sources += [
        {"name": "broken-feed", "type": "rss", "url": feeds.url("truncated.xml")},
        {"name": "erroring-feed", "type": "rss", "url": feeds.url("error.xml")},
        {"name": "hanging-feed", "type": "rss", "url": feeds.url("slow.xml")},
    ]
    workspace.write_config(sources)
    result = workspace.cli("run", "--once")
    assert result.returncode == 1
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)
    status = workspace.cli("status")
    lines = {line.split()[0]: line for line in status.stdout.splitlines()[2:] if line.strip()}
    assert "FAILING (1 in a row; source-health alert at 3)" in lines["broken-feed"] and "truncated feed" in lines["broken-feed"]
    assert "FAILING" in lines["erroring-feed"] and "HTTP 500" in lines["erroring-feed"]
    assert "FAILING" in lines["hanging-feed"] and "timed out" in lines["hanging-feed"]
    assert " ok " in lines["funding-news"] and " ok " in lines["people-news"]
    assert status.returncode == 1


def test_secrets_never_appear_in_output(workspace: Workspace, feeds: FixtureServer) -> None:
    workspace.write_config(standard_sources(feeds))
    workspace.slack.failures = [Failure(500, "internal_error", {})]
    result = workspace.cli("-v", "run", "--once")
    assert result.returncode == 0
    assert SLACK_TOKEN not in result.stdout + result.stderr


def test_a_failing_source_error_never_prints_a_secret(workspace: Workspace, feeds: FixtureServer) -> None:
    feeds.route("private.xml", Reply(b"<h1>nope</h1>", 500, "text/html"))
    url = feeds.url("private.xml") + f"?token={SLACK_TOKEN}"
    workspace.write_config([{"name": "tokened", "type": "rss", "url": url}])
    result = workspace.cli("run", "--once")
    assert result.returncode == 1 and "source tokened failed" in result.stderr
    assert SLACK_TOKEN not in result.stdout + result.stderr + workspace.cli("status").stdout
