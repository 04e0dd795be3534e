"""An alert held by a delivery window says until when, in the window's own time zone, in
`outbox list` and in `status` (it used to read "pending", with no hint it was waiting on purpose)."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from signalwatch.devtools.fixture_server import FixtureServer, Reply
from signalwatch.timeutil import utcnow
from tests.conftest import Workspace, feed_bytes

pytestmark = pytest.mark.slow

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def test_a_held_alert_shows_until_when_in_the_windows_time_zone(workspace: Workspace, feeds: FixtureServer) -> None:
    # A window open only tomorrow (London) from 09:00: whenever the test runs, the alert is held until then.
    tomorrow = (utcnow().astimezone(ZoneInfo("Europe/London")) + timedelta(days=1)).weekday()
    policy = workspace.root / "rules" / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8") + (
        f"  uk_mornings:\n    days: [{DAYS[tomorrow]}]\n    start: \"09:00\"\n    end: \"12:00\"\n    timezone: Europe/London\n"),
        encoding="utf-8")
    rules = workspace.root / "rules" / "signals.yaml"
    text = rules.read_text(encoding="utf-8")
    funding_slack = text.index('        channel: "#sales-signals"\n') + len('        channel: "#sales-signals"\n')  # funding-round's
    rules.write_text(text[:funding_slack] + "        window: uk_mornings\n" + text[funding_slack:], encoding="utf-8")
    feeds.route("funding.xml", Reply(feed_bytes("funding-rss2.xml")))
    workspace.write_config([{"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")}])

    run = workspace.cli("run", "--once")
    assert run.returncode == 0, run.stderr
    assert not [m for m in workspace.slack.messages if "funding" in m["text"]]  # held, not posted

    expected = f"held until {NAMES[tomorrow]} 09:00 Europe/London"
    listed = workspace.cli("outbox", "list")
    held = [line for line in listed.stdout.splitlines() if "funding-round" in line and "slack" in line]
    assert held and all(expected in line for line in held), listed.stdout
    console = [line for line in listed.stdout.splitlines() if "funding-round" in line and "console" in line]
    assert console and all(" sent " in line for line in console)  # a route without a window is not held

    status = workspace.cli("status")
    slack_row = next(line for line in status.stdout.splitlines() if line.startswith("slack "))
    assert f"{len(held)}, {expected}" in slack_row, status.stdout
    assert "held (delivery window)" in status.stdout
