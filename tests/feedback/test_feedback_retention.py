"""Feedback rows (Slack button clicks) are pruned by the daily retention like old alerts and events,
but never what `rules report --since 90d`, `rules check` or the digest's weekly block still read,
nor a claim or snooze still running."""

from __future__ import annotations

import json
from datetime import timedelta

from slack_sdk import WebClient

from signalwatch.config import RetentionConfig
from signalwatch.feedback import ledger
from signalwatch.feedback.handler import ActionHandler
from signalwatch.runtime.operations import run_prune
from signalwatch.store.upkeep import FEEDBACK_KEEP
from tests.conftest import SLACK_TOKEN
from tests.feedback.conftest import USERS, Loop

SAM, DANA, LEE = USERS["sam@yourco.example"], USERS["dana@yourco.example"], USERS["lee@yourco.example"]


def click(loop: Loop, account: str, action: str, user: str, value: str | None = None) -> None:
    message = next(m for m in reversed(loop.slack.messages) if account in json.dumps(m["blocks"]))
    handler = ActionHandler(loop.store, WebClient(token=SLACK_TOKEN, base_url=loop.slack.base_url), loop.actions,
                            clock=lambda: loop.now)
    handler.handle(loop.slack.block_actions(message, action, user, value=value))


def test_old_feedback_goes_with_the_daily_prune_and_what_the_report_reads_stays(loop: Loop) -> None:
    now = loop.now
    loop.actions = loop.actions.model_copy(update={"claim_days": 365})
    loop.now = now - timedelta(days=200)
    assert loop.alert("Acme Robotics") == 1
    click(loop, "Acme Robotics", "signalwatch_useful", SAM)  # old, nothing running: pruned
    click(loop, "Acme Robotics", "signalwatch_claim", LEE)  # old, but the claim runs for a year: kept
    loop.now = now - timedelta(days=100)  # inside the 180 days kept (more than the report's 90)
    assert loop.alert("Vandelay Imports") == 1
    click(loop, "Vandelay Imports", "signalwatch_not_useful", DANA, "bad_fit")
    loop.now = now - timedelta(days=2)
    assert loop.alert("Globex Payments") == 1
    click(loop, "Globex Payments", "signalwatch_snooze", SAM, "7")
    assert len(ledger.actions_since(loop.store.engine, now - timedelta(days=400))) == 4

    run_prune(loop.store, RetentionConfig(), now)

    kept = ledger.actions_since(loop.store.engine, now - timedelta(days=400))
    assert sorted(a.kind for a in kept) == ["claim", "not_useful", "snooze"]
    assert ledger.claims(loop.store.engine, now)[loop.account_id("Acme Robotics")].user_id == LEE  # still Lee's
    assert [h.account_id for h in ledger.snoozes(loop.store.engine, now)] == [loop.account_id("Globex Payments")]


def test_feedback_is_kept_as_long_as_the_sent_alerts_when_those_are_kept_longer(loop: Loop) -> None:
    now = loop.now
    loop.now = now - timedelta(days=250)
    assert loop.alert("Acme Robotics") == 1
    click(loop, "Acme Robotics", "signalwatch_not_useful", DANA, "wrong_company")
    run_prune(loop.store, RetentionConfig(sent_alerts=timedelta(days=300)), now)
    assert [a.kind for a in ledger.actions_since(loop.store.engine, now - timedelta(days=400))] == ["not_useful"]
    run_prune(loop.store, RetentionConfig(sent_alerts=timedelta(days=7)), now)  # short alert retention: feedback keeps 180 d
    assert FEEDBACK_KEEP == timedelta(days=180)
    assert ledger.actions_since(loop.store.engine, now - timedelta(days=400)) == []

