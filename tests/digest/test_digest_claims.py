"""A rep who claims an account with the Slack button owns it in the digest while the claim runs: the
account's line and the per-owner rollup name them, not the account's stored owner; when the claim
ends, the stored owner is back. The alert goes through the real Slack sink to a fake Slack, the
click through the real action handler, and the digest out through the outbox and the Slack sink."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from signalwatch.accounts.csv_import import read_accounts_csv
from signalwatch.config import DeliveryConfig
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.digest.claims import with_claimed_owners
from signalwatch.digest.config import DigestConfig
from signalwatch.digest.send import deliver_digests, digest_key, queue_digest, rank_period
from signalwatch.feedback.config import SlackActions
from signalwatch.feedback.handler import ActionHandler
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.sinks.slack import SlackSink
from signalwatch.store import Store
from signalwatch.timeutil import utcnow
from tests.conftest import FIXTURES, SLACK_TOKEN
from tests.feedback.conftest import ROOT, USERS, Loop

SAM, DANA = USERS["sam@yourco.example"], USERS["dana@yourco.example"]
CHANNEL = "#signals-test"


@pytest.fixture
def loop(tmp_path: Path) -> Iterator[Loop]:
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.migrate()
    accounts, _ = read_accounts_csv(FIXTURES / "accounts.csv")
    store.upsert_accounts(accounts, utcnow() - timedelta(days=30))
    with FakeSlack(token=SLACK_TOKEN, users=dict(USERS)) as slack:
        yield Loop(store, slack, load_ruleset(ROOT / "rules"), SlackActions(mode="socket_mode", claim_days=14))
    store.close()


def claim(loop: Loop, account: str, user: str) -> None:
    message = next(m for m in reversed(loop.slack.messages) if account in json.dumps(m["blocks"]))
    handler = ActionHandler(loop.store, WebClient(token=SLACK_TOKEN, base_url=loop.slack.base_url), loop.actions,
                            clock=lambda: loop.now)
    handler.handle(loop.slack.block_actions(message, "signalwatch_claim", user))


def team_digest(loop: Loop, now: datetime) -> dict[str, Any]:
    """The team's digest of the day before `now`, with the claims in force, posted to the channel."""
    known = with_claimed_owners(loop.store, loop.store.list_accounts(), now)
    digest = rank_period(loop.store, loop.rules, now - timedelta(days=1), now, known).digest(15)
    audience = f"channel:{CHANNEL}"
    queued = [queue_digest(loop.store, digest, audience, digest_key(now.isoformat(), audience), now)]
    sink = SlackSink(SLACK_TOKEN, default_channel=None, base_url=loop.slack.base_url, timeout=5)
    (result,) = deliver_digests(loop.store, {"slack": sink}, DeliveryConfig(), queued, clock=lambda: now)
    assert result.outcome == "sent", result
    return loop.slack.messages[-1]


def rollup(message: dict[str, Any]) -> list[str]:
    section = next(b["text"]["text"] for b in message["blocks"] if "Who has what to act on" in json.dumps(b))
    return section.splitlines()[1:]


def test_a_claimed_account_is_listed_under_the_rep_who_claimed_it_until_the_claim_ends(loop: Loop) -> None:
    start = loop.now
    assert loop.alert("Acme Robotics") == 1  # Dana's account
    assert loop.alert("Globex Payments") == 1  # Sam's
    claim(loop, "Acme Robotics", SAM)

    during = rollup(team_digest(loop, start + timedelta(minutes=5)))
    sams = next(line for line in during if f"<@{SAM}>" in line)
    assert "2 accounts heating up" in sams and "Acme Robotics" in sams and "Globex Payments" in sams
    assert not any(f"<@{DANA}>" in line for line in during)  # one line per person: Sam's email joins them

    # The claim runs 14 days; a new signal after it ended is Dana's again.
    loop.now = start + timedelta(days=15)
    loop.alert("Acme Robotics", round="series_c", amount=60e6)  # a new round: a new story
    after = rollup(team_digest(loop, loop.now + timedelta(minutes=5)))
    assert any(f"<@{DANA}>" in line and "Acme Robotics" in line for line in after)
    assert not any(f"<@{SAM}>" in line and "Acme Robotics" in line for line in after)


def test_an_owners_own_digest_follows_the_claim(loop: Loop) -> None:
    assert loop.alert("Acme Robotics") == 1
    claim(loop, "Acme Robotics", SAM)
    now = loop.now + timedelta(minutes=5)
    ranking = rank_period(loop.store, loop.rules, now - timedelta(days=1), now,
                          with_claimed_owners(loop.store, loop.store.list_accounts(), now))
    assert [line.name for line in ranking.digest(15, SAM).accounts] == ["Acme Robotics"]
    assert ranking.digest(15, DANA).accounts == ()
    assert DigestConfig().owners  # owners get their DMs by default: Sam's now lists Acme


# The daemon's digest job (and `signalwatch digest`) send a claimed account in the claiming rep's DM.
def test_the_daemons_digest_job_sends_the_claimed_account_in_the_claiming_reps_dm(loop: Loop) -> None:
    from signalwatch.digest.send import run_due_digest

    assert loop.alert("Acme Robotics") == 1 and loop.alert("Globex Payments") == 1
    claim(loop, "Acme Robotics", SAM)
    now = loop.now + timedelta(minutes=5)
    config = DigestConfig(enabled=True, channels=[CHANNEL], days="*", hour=now.hour, minute=0)
    before = len(loop.slack.messages)
    queued = run_due_digest(loop.store, loop.rules, config, now)
    sink = SlackSink(SLACK_TOKEN, default_channel=None, base_url=loop.slack.base_url, timeout=5)
    assert {r.outcome for r in deliver_digests(loop.store, {"slack": sink}, DeliveryConfig(), queued, clock=lambda: now)} == {"sent"}
    posted = {m["channel"]: json.dumps(m["blocks"]) for m in loop.slack.messages[before:]}
    dm = {user: "D" + user[1:] for user in (SAM, DANA)}  # the fake Slack's DM channel of a user
    assert "Acme Robotics" in posted[dm[SAM]]
    assert "Acme Robotics" not in posted.get(dm[DANA], "")
