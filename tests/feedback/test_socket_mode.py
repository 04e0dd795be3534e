"""Buttons on every Slack alert, clicked over Socket Mode through slack-sdk's own client against
a fake Slack on loopback: each action stored once, the message updated in place, a snooze
honoured by the rules engine (across a rebuild from the store, as after a restart) and a claim
changing whom the owner DM goes to."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import sqlalchemy as sa
from slack_sdk import WebClient

from signalwatch.feedback import ledger
from signalwatch.feedback.config import SlackActions
from signalwatch.feedback.handler import ActionHandler
from signalwatch.feedback.socket import SocketListener
from signalwatch.runtime.app import warmed_engine
from tests.conftest import SLACK_TOKEN
from tests.feedback.conftest import Loop

SAM, DANA, LEE = "U01SAM0001", "U01DANA001", "U01LEE0001"


@contextmanager
def listening(loop: Loop, refreshed: list[int] | None = None) -> Iterator[SocketListener]:
    """signalwatch's Socket Mode listener, connected to the fake Slack."""
    calls = refreshed if refreshed is not None else []
    handler = ActionHandler(loop.store, WebClient(token=SLACK_TOKEN, base_url=loop.slack.base_url), loop.actions,
                            on_holds_changed=lambda: calls.append(1), clock=lambda: loop.now)
    listener = SocketListener(loop.slack.app_token, WebClient(base_url=loop.slack.base_url), handler)
    listener.start()
    try:
        assert loop.slack.wait_until(lambda: bool(loop.slack.sockets)), "Socket Mode did not connect"
        yield listener
    finally:
        listener.stop()


def click(loop: Loop, message: dict, action: str, user: str, value: str | None = None, updates: int | None = None) -> str:
    """Click, wait for the acknowledgement and for the message update; the envelope id."""
    expected = len(loop.slack.updates) + 1 if updates is None else updates
    envelope = loop.slack.deliver(loop.slack.block_actions(message, action, user, value=value))
    assert loop.slack.wait_for_ack(envelope), "the click was not acknowledged"
    assert loop.slack.wait_until(lambda: len(loop.slack.updates) >= expected), "the message was not updated"
    return envelope


def status(message: dict) -> str:
    return "\n".join(e["text"] for b in message["blocks"] if b.get("block_id") == "signalwatch-status" for e in b["elements"])


def rows(loop: Loop) -> list[dict]:
    with loop.store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(sa.select(ledger.ACTIONS).order_by(ledger.ACTIONS.c.id))]


def elements(message: dict) -> dict[str, dict]:
    return {e["action_id"]: e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]}


def test_every_alert_has_useful_not_useful_snooze_claim_and_the_crm_record(loop: Loop) -> None:
    loop.store.upsert_accounts([a.__class__(**{**a.__dict__, "crm_id": "hubspot:5123"}) for a in loop.store.list_accounts()
                                if a.name == "Acme Robotics"], loop.now)
    loop.actions = SlackActions(mode="socket_mode", claim_days=21,
                                crm_links={"hubspot": "https://app.hubspot.com/contacts/4711/record/0-2/{id}"})
    assert loop.alert("Acme Robotics") == 1
    found = elements(loop.slack.messages[-1])
    assert found["signalwatch_useful"]["text"]["text"] == "Useful"
    assert [o["text"]["text"] for o in found["signalwatch_not_useful"]["options"]] == [
        "Wrong company", "Bad fit", "Bad timing", "Not a real event", "Duplicate"]
    assert [o["text"]["text"] for o in found["signalwatch_snooze"]["options"]] == ["7 days", "30 days", "90 days"]
    assert found["signalwatch_claim"]["text"]["text"] == "Claim for 21 d"
    assert found["signalwatch_crm_hubspot"]["url"] == "https://app.hubspot.com/contacts/4711/record/0-2/5123"


def test_without_interactivity_alerts_carry_no_buttons(loop: Loop) -> None:
    loop.actions = SlackActions()
    loop.alert("Acme Robotics")
    assert elements(loop.slack.messages[-1]) == {}


def test_a_claim_is_stored_acknowledged_and_shown_in_the_message(loop: Loop) -> None:
    loop.alert("Acme Robotics")
    message = loop.slack.messages[-1]
    with listening(loop):
        click(loop, message, "signalwatch_claim", SAM)
    until = (loop.now + timedelta(days=14)).strftime("%Y-%m-%d")
    assert status(message) == f"Claimed by <@{SAM}> until {until}"
    assert "signalwatch_useful" in elements(message)  # the buttons stay for the others
    assert loop.slack.updates[-1]["ts"] == message["ts"]  # in place, no new message
    assert len(loop.slack.messages) == 1
    [row] = rows(loop)
    assert (row["kind"], row["user_id"], row["user_name"], row["account_id"], row["rules"]) == (
        "claim", SAM, "sam", loop.account_id("Acme Robotics"), ["funding-round"])
    assert row["alert_key"] == message["metadata"]["event_payload"]["alert_key"]


def test_a_double_click_and_a_redelivered_envelope_store_one_action(loop: Loop) -> None:
    loop.alert("Acme Robotics")
    message = loop.slack.messages[-1]
    with listening(loop):
        payload = loop.slack.block_actions(message, "signalwatch_snooze", SAM, value="30")
        first = loop.slack.deliver(payload)
        assert loop.slack.wait_for_ack(first)
        loop.slack.deliver(payload, envelope_id=first)  # Slack sending the same envelope again
        click(loop, message, "signalwatch_snooze", SAM, value="30", updates=3)  # a second click of the same choice
    assert [(r["kind"], r["days"]) for r in rows(loop)] == [("snooze", 30)]
    until = (loop.now + timedelta(days=30)).strftime("%Y-%m-%d")
    assert status(message) == f"Snoozed 30 d by <@{SAM}> (no alerts for this account until {until})"


def test_a_changed_mind_replaces_the_vote_and_each_user_votes_once(loop: Loop) -> None:
    loop.alert("Acme Robotics")
    message = loop.slack.messages[-1]
    with listening(loop):
        click(loop, message, "signalwatch_useful", SAM)
        click(loop, message, "signalwatch_not_useful", SAM, value="wrong_company")
        click(loop, message, "signalwatch_useful", DANA)
    assert sorted((r["user_id"], r["kind"], r["reason"]) for r in rows(loop)) == [
        (DANA, "useful", None), (SAM, "not_useful", "wrong_company")]
    assert status(message) == f"Useful: <@{DANA}>\nNot useful: <@{SAM}> (wrong company)"


def test_a_snooze_silences_the_account_in_an_engine_rebuilt_from_the_store_until_it_ends(loop: Loop) -> None:
    loop.alert("Acme Robotics")
    refreshed: list[int] = []
    with listening(loop, refreshed):
        click(loop, loop.slack.messages[-1], "signalwatch_snooze", SAM, value="7")
    assert refreshed == [1]  # the daemon is told to rebuild its engine
    posted = len(loop.slack.messages)
    assert loop.alert("Acme Robotics", round="series_c", amount=60e6) == 0  # an engine built from the store, as after a restart
    assert loop.alert("Vandelay Imports") == 1  # other accounts still alert
    engine = warmed_engine(loop.rules, loop.store, loop.now)
    account = next(a for a in loop.store.list_accounts() if a.name == "Acme Robotics")
    verdicts = dict(engine.explain(loop.event("Acme Robotics"), account, loop.now))
    assert verdicts["funding-round"] == f"suppressed by snoozed in Slack by sam until {loop.now + timedelta(days=7):%Y-%m-%d %H:%M} UTC"
    loop.now += timedelta(days=7, minutes=1)
    assert loop.alert("Acme Robotics", round="series_d_plus", amount=120e6) == 1  # the snooze ended (a new round: a new story)
    assert len(loop.slack.messages) == posted + 2


def test_a_claim_sends_owner_dms_to_the_claiming_rep_until_it_ends(loop: Loop) -> None:
    assert loop.alert("Acme Robotics", kind="leadership") == 1
    assert loop.slack.messages[-1]["channel"] == "D" + DANA[1:]  # the owner from the accounts file
    with listening(loop):
        click(loop, loop.slack.messages[-1], "signalwatch_claim", SAM)
        click(loop, loop.slack.messages[-1], "signalwatch_claim", LEE)  # refused: Sam holds it
    assert [r["user_id"] for r in rows(loop)] == [SAM]
    assert status(loop.slack.messages[-1]).startswith(f"Claimed by <@{SAM}>")
    loop.alert("Acme Robotics", kind="leadership", person="Alex Roe", title="Chief Revenue Officer")
    assert loop.slack.messages[-1]["channel"] == "D" + SAM[1:]
    loop.now += timedelta(days=14, minutes=1)
    loop.alert("Acme Robotics", kind="leadership", person="Kim Poe", title="VP Marketing")
    assert loop.slack.messages[-1]["channel"] == "D" + DANA[1:]


def test_forged_or_foreign_clicks_store_nothing(loop: Loop) -> None:
    loop.alert("Acme Robotics")
    message = loop.slack.messages[-1]
    good = loop.slack.block_actions(message, "signalwatch_not_useful", SAM, value="bad_fit")
    forged = [
        {**good, "actions": [{**good["actions"][0], "selected_option": {"text": {}, "value": "<!channel>"}}]},
        {**good, "actions": [{**good["actions"][0], "block_id": "signalwatch:" + "0" * 32}]},  # no such alert
        {**good, "user": {"id": "<!here>", "name": "x"}},
        {**good, "actions": [{**good["actions"][0], "action_id": "somebody_elses_button"}]},
    ]
    with listening(loop):
        envelopes = [loop.slack.deliver(payload) for payload in forged]
        assert all(loop.slack.wait_for_ack(envelope) for envelope in envelopes)  # acknowledged, so Slack stops
    assert rows(loop) == []
    assert loop.slack.updates == []
    assert "<!channel>" not in json.dumps(message["blocks"])
