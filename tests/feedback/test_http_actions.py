"""The request-URL alternative to Socket Mode: Slack's signed POSTs accepted, everything else
(unsigned, mis-signed, stale or replayed, elsewhere) refused before anything is stored."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from signalwatch.feedback.handler import ActionHandler
from signalwatch.feedback.http import HttpListener
from tests.conftest import SLACK_TOKEN
from tests.feedback.conftest import Loop
from tests.feedback.test_socket_mode import SAM, rows, status


@pytest.fixture
def served(loop: Loop) -> Iterator[str]:
    """The listener on a free loopback port, with the fake Slack's signing secret; its URL."""
    handler = ActionHandler(loop.store, WebClient(token=SLACK_TOKEN, base_url=loop.slack.base_url), loop.actions, clock=lambda: loop.now)
    listener = HttpListener("127.0.0.1", 0, "/slack/actions", loop.slack.signing_secret, handler)
    listener.start()
    yield f"http://127.0.0.1:{listener.port}/slack/actions"
    listener.stop()


def test_a_signed_click_is_stored_and_the_message_updated(loop: Loop, served: str) -> None:
    loop.alert("Acme Robotics")
    message = loop.slack.messages[-1]
    payload = loop.slack.block_actions(message, "signalwatch_not_useful", SAM, value="bad_timing")
    assert loop.slack.post_interaction(served, payload) == 200
    assert loop.slack.wait_until(lambda: bool(loop.slack.updates))
    assert status(message) == f"Not useful: <@{SAM}> (bad timing)"
    assert loop.slack.post_interaction(served, payload) == 200  # a repeat is acknowledged and stored once
    assert [(r["kind"], r["reason"]) for r in rows(loop)] == [("not_useful", "bad_timing")]


def test_unsigned_missigned_and_stale_requests_are_refused(loop: Loop, served: str) -> None:
    loop.alert("Acme Robotics")
    payload = loop.slack.block_actions(loop.slack.messages[-1], "signalwatch_useful", SAM)
    import json
    import urllib.parse

    body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
    refused = {
        "unsigned": {},
        "signed with another secret": loop.slack.signed(body, secret="not-the-signing-secret"),
        "six minutes old (a replay)": loop.slack.signed(body, timestamp=int(time.time()) - 360),
        "timestamp not a number": {**loop.slack.signed(body), "X-Slack-Request-Timestamp": "soon"},
    }
    for why, headers in refused.items():
        assert loop.slack.post_interaction(served, payload, headers=headers) == 401, why
    assert loop.slack.post_interaction(served.replace("/slack/actions", "/elsewhere"), payload) == 404
    assert rows(loop) == [] and loop.slack.updates == []
