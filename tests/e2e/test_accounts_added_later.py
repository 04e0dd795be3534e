"""News polled before its account existed is tied to the account when it is added (`runtime.retie`):
stored tied and marked backfill, listed, alerting once and only through rules that say `backfill: alert`."""

from __future__ import annotations

import re
import sqlite3

from signalwatch.cli.core import write_starter
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import FIXTURES, Workspace, feed_bytes

HISTORY_RULE = """rules:
  - id: funding-history
    description: funding rounds, including those polled before the account was added
    match: {event.type: funding, account.tier: [A, B, C]}
    backfill: alert
    route: [{sink: slack, channel: "#signals-test"}]
"""
TIED = ["Acme Robotics", "Hooli", "Vandelay Imports"]  # the feed's recent rounds of companies among the accounts


def _workspace(root: object, slack: FakeSlack, feeds: FixtureServer) -> Workspace:
    """The starter rules plus a `backfill: alert` rule, one general news feed, and no accounts yet."""
    ws = Workspace(root, slack)  # type: ignore[arg-type]
    write_starter(ws.root)
    (ws.root / "rules" / "history.yaml").write_text(HISTORY_RULE)
    (ws.root / "accounts.csv").write_text((FIXTURES / "accounts.csv").read_text(encoding="utf-8"), encoding="utf-8")
    feeds.route("funding.xml", Reply(feed_bytes("funding-rss2.xml")))
    ws.write_config([{"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")}])
    return ws


def _history(slack: FakeSlack) -> list[str]:
    return sorted(m["channel_arg"] for m in slack.messages)


def test_news_polled_before_the_accounts_is_tied_on_import_and_alerts_once_through_backfill_alert_rules(
        tmp_path: object, slack: FakeSlack, feeds: FixtureServer) -> None:
    ws = _workspace(tmp_path, slack, feeds)
    first = ws.cli("run", "--once")  # no accounts: every item is stored without one
    assert first.returncode == 0, first.stderr
    assert slack.messages == [] and "unmatched" in ws.cli("events", "list").stdout

    imported = ws.cli("accounts", "import", "accounts.csv")
    assert imported.returncode == 0, imported.stderr
    assert "tied 3 stored event(s) of the last 30 days to these accounts" in imported.stdout
    # The `backfill: alert` rule's, in the outbox the daemon drains: Acme's and Vandelay's (Hooli, a customer, is anti-ICP).
    assert "2 alert(s) queued" in imported.stdout
    listed = ws.cli("events", "list").stdout
    for name in TIED:  # listed with the account's name now, not "unmatched"
        assert re.search(rf"funding/raised\s+{name}\s", listed), listed
    assert "Pied Piper" in listed and listed.count("unmatched") == 1

    delivered = ws.cli("run", "--once")  # delivers the queued alerts; the poll finds nothing new
    assert delivered.returncode == 0, delivered.stderr
    # One per tied round of a tiered account from the `backfill: alert` rule; the starter's funding-round rule (Tier A/B
    # funding to #sales-signals) matches Acme and Vandelay too, and stays quiet on history.
    assert _history(slack) == ["#signals-test"] * 2
    assert all("#sales-signals" != m["channel_arg"] for m in slack.messages)

    event_id = re.search(r"^\s*(\d+)\s.*funding/raised\s+Acme Robotics", listed, re.M)
    assert event_id is not None
    explained = ws.cli("explain", event_id.group(1))
    assert explained.returncode == 0, explained.stderr
    assert "tied later: stored " in explained.stdout and "without an account, tied " in explained.stdout
    assert re.search(r"FIRED\s+funding-history", explained.stdout), explained.stdout

    again = ws.cli("accounts", "import", "accounts.csv")  # the same file again: nothing is tied or sent twice
    assert again.returncode == 0, again.stderr
    assert "tied" not in again.stdout
    assert ws.cli("run", "--once").returncode == 0
    assert _history(slack) == ["#signals-test"] * 2


def test_a_retie_that_fails_part_way_keeps_the_accounts_and_ties_everything_at_the_next_import(
        tmp_path: object, slack: FakeSlack, feeds: FixtureServer) -> None:
    """The database refuses the second event's write (a trigger standing in for a crash or a full disk
    mid-transaction): the first event's write is rolled back with it. What survives: the accounts
    (committed before), every event untied, nothing queued; the next import ties them all, once."""
    ws = _workspace(tmp_path, slack, feeds)
    assert ws.cli("run", "--once").returncode == 0
    with sqlite3.connect(ws.root / "signalwatch.db") as db:
        db.execute("CREATE TRIGGER fail_second_tie BEFORE UPDATE OF account_id ON events "
                   "WHEN (SELECT count(*) FROM events WHERE account_id IS NOT NULL) >= 1 "
                   "BEGIN SELECT RAISE(ABORT, 'the disk is full'); END")

    failed = ws.cli("accounts", "import", "accounts.csv")
    assert failed.returncode == 1
    assert "imported 6 accounts (6 new, 0 updated)" in failed.stdout
    assert "stored events not tied to the accounts" in failed.stderr and "the disk is full" in failed.stderr
    assert "Acme Robotics" in ws.cli("accounts", "list").stdout
    assert ws.cli("events", "list").stdout.count("unmatched") == 4
    assert "#signals-test" not in ws.cli("outbox", "list").stdout

    with sqlite3.connect(ws.root / "signalwatch.db") as db:
        db.execute("DROP TRIGGER fail_second_tie")
    retried = ws.cli("accounts", "import", "accounts.csv")
    assert retried.returncode == 0, retried.stderr
    assert "tied 3 stored event(s)" in retried.stdout
    assert ws.cli("run", "--once").returncode == 0
    assert _history(slack) == ["#signals-test"] * 2
