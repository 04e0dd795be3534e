"""The sink contract, checked for every registered sink against the fakes of its remote.

    Config                strict: an unknown key is an error; secrets only through required_env
    send(payload, ...)    untrusted text arrives as text: no live mention, markup or bidi control
    confirm(...)          after a crash mid-send, finds what arrived, so delivery never sends twice

Each sink runs the recipe in `SINK_CASES` (tests/contract/conftest.py); payloads are built by
`signalwatch.alerts.payload` from a hostile event, as the rules engine builds them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from signalwatch.config import DeliveryConfig
from signalwatch.runtime.delivery import deliver
from signalwatch.sinks import SINKS, Sink
from signalwatch.store import OutboxStatus, Store
from signalwatch.timeutil import utcnow

from .conftest import BIDI_CONTROLS, MENTIONS, SINK_CASES, Clock, SinkRig, Surface, enqueue_alert, hostile_event, hostile_payload, marked

SINK_NAMES = sorted(SINK_CASES)
CONFIRMING = [name for name in SINK_NAMES if name in SINKS and SINKS[name].confirm is not Sink.confirm]
DEDUPING = [name for name in SINK_NAMES if SINK_CASES[name].dedupes_sends]


def test_every_registered_sink_has_a_case() -> None:
    missing, stale = sorted(set(SINKS) - set(SINK_CASES)), sorted(set(SINK_CASES) - set(SINKS))
    assert not missing, f"sinks without a contract recipe: {missing}; add one to SINK_CASES in tests/contract/conftest.py"
    assert not stale, f"SINK_CASES names sinks that are not registered: {stale}"


@pytest.mark.parametrize("name", SINK_NAMES)
def test_config_forbids_unknown_keys(name: str, rig: SinkRig) -> None:
    config = SINKS[name].Config
    assert config.model_validate(rig.config).enabled  # the recipe's own block is valid
    with pytest.raises(ValidationError, match="enabeld"):  # a typo every sink's block could have
        config.model_validate({**rig.config, "enabeld": True})


@pytest.mark.parametrize("name", SINK_NAMES)
def test_secrets_are_read_only_by_the_names_required_env_lists(name: str, rig: SinkRig) -> None:
    config = SINKS[name].Config.model_validate(rig.config)
    required = config.required_env()
    asked: list[str] = []

    def secret(env: str) -> str | None:
        asked.append(env)
        return rig.secrets.get(env)

    SINKS[name].from_config(config, secret, rig.stream)
    assert set(asked) <= set(required), f"{name} reads {sorted(set(asked) - set(required))}, not listed in required_env()"
    if not required:
        return
    with pytest.raises(ValueError) as refused:  # enabled without its secret: refused at start, naming it
        SINKS[name].from_config(config, lambda env: None, rig.stream)
    assert any(env in str(refused.value) for env in required), refused.value


def delivered_hostile(name: str, rig: SinkRig) -> list[Surface]:
    """Send the hostile alert once and return every text that reached the remote."""
    rig.build(name).send(hostile_payload(hostile_event(utcnow())), rig.target, "c" * 32)
    surfaces = rig.surfaces()
    assert any("bold" in text for _, text in surfaces), f"{name}: the untrusted text never reached the remote"
    return surfaces


@pytest.mark.parametrize("name", marked("mentions", SINK_NAMES))
def test_untrusted_text_pings_no_one(name: str, rig: SinkRig) -> None:
    # Slack parses <!channel> and <@U…> in mrkdwn; in HTML they would be raw markup. Plain text
    # (console, Salesforce fields, Slack plain_text) has no mention syntax to fear.
    live = [(medium, mention) for medium, text in delivered_hostile(name, rig) if medium in ("mrkdwn", "html")
            for mention in MENTIONS if mention in text]
    assert live == []


@pytest.mark.parametrize("name", marked("markup", SINK_NAMES))
def test_untrusted_markup_stays_literal(name: str, rig: SinkRig) -> None:
    live = [text for medium, text in delivered_hostile(name, rig) if medium == "mrkdwn" and "*bold*" in text]
    assert live == [], f"{name}: untrusted *bold* reaches Slack as live mrkdwn formatting"


@pytest.mark.parametrize("name", marked("bidi", SINK_NAMES))
def test_bidi_controls_never_reach_the_remote(name: str, rig: SinkRig) -> None:
    found = sorted({f"U+{ord(char):04X} ({medium})" for medium, text in delivered_hostile(name, rig)
                    for char in text if char in BIDI_CONTROLS})
    assert found == [], f"{name}: bidirectional controls from untrusted text reach the remote: {found}"


@pytest.mark.parametrize("name", CONFIRMING)
def test_a_crash_after_sending_is_settled_by_confirm_not_a_second_send(name: str, rig: SinkRig, tmp_path: Path) -> None:
    clock = Clock(utcnow())
    store = Store(f"sqlite:///{tmp_path / 'outbox.sqlite'}")
    store.migrate()
    enqueue_alert(store, name, rig.target, clock.now)
    [item] = store.due_outbox(clock.now)
    assert store.claim(item.id, clock.now)
    rig.build(name).send(item.payload, item.target, item.alert_key)  # the process dies before recording it
    arrived = rig.deliveries()
    assert rig.build(name).confirm(item.target, item.alert_key, clock.now) is not None, "confirm misses the first send"
    # The next start delivers the same alert key again through the outbox.
    report = deliver(store, {name: rig.build(name)}, DeliveryConfig(), recover_all=True, clock=clock, sleep=clock.sleep)
    assert (report.recovered, report.sent) == (1, 0)
    assert rig.deliveries() == arrived, f"{name}: the alert reached the remote again after the restart"
    assert [row.status for row in store.list_outbox()] == [OutboxStatus.SENT]


@pytest.mark.parametrize("name", DEDUPING)
def test_sending_one_alert_key_twice_creates_one_record(name: str, rig: SinkRig) -> None:
    payload = hostile_payload(hostile_event(utcnow()))
    first = rig.build(name).send(payload, rig.target, "d" * 32)
    once = rig.deliveries()
    second = rig.build(name).send(payload, rig.target, "d" * 32)  # a retry after a timeout, from a fresh process
    assert once >= 1 and rig.deliveries() == once, f"{name}: a second send of one alert key created another record"
    assert second == first  # and answers with the records the first send made
