"""The fake Slack's interactivity speaks in the shapes of recorded Slack traffic: the Socket Mode
hello and envelope, and the `block_actions` payload of a click (tests/fixtures/slack/README.md)."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import FIXTURES
from tests.feedback.conftest import Loop


def recorded(name: str) -> Any:
    return json.loads((FIXTURES / "slack" / name).read_text(encoding="utf-8"))


def shape(value: Any) -> Any:
    """Keys and value types, recursively (lists by their first item)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def test_a_click_on_a_button_has_every_key_of_a_recorded_click(loop: Loop) -> None:
    loop.alert("Acme Robotics")
    ours = loop.slack.block_actions(loop.slack.messages[-1], "signalwatch_useful", "U01SAM0001")
    real = recorded("block-actions-button.json")
    for part in ("user", "container", "team", "channel"):
        assert shape(ours[part]) == shape(real[part]), part
    assert set(real) <= set(ours)
    assert set(real["message"]) <= set(ours["message"])
    assert shape(ours["actions"][0]) == shape(real["actions"][0])


def test_a_choice_in_a_select_menu_has_the_keys_of_a_recorded_one(loop: Loop) -> None:
    loop.alert("Acme Robotics")
    ours = loop.slack.block_actions(loop.slack.messages[-1], "signalwatch_snooze", "U01SAM0001", value="30")
    real = recorded("socket-mode-block-actions-envelope.json")["payload"]["actions"][0]
    assert set(real) <= set(ours["actions"][0])
    assert shape(ours["actions"][0]["selected_option"]) == shape(real["selected_option"])


def test_socket_mode_hello_and_envelope_have_the_recorded_keys(loop: Loop) -> None:
    hello = recorded("socket-mode-hello.json")
    assert shape(loop.slack.HELLO) == shape(hello)
    envelope = recorded("socket-mode-block-actions-envelope.json")
    loop.alert("Acme Robotics")
    from tests.feedback.test_socket_mode import listening

    with listening(loop):
        loop.slack.deliver(loop.slack.block_actions(loop.slack.messages[-1], "signalwatch_useful", "U01SAM0001"))
    assert set(loop.slack.envelopes[-1]) == set(envelope)
