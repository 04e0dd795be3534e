"""The HubSpot sink through hubspot-api-client against a fake HubSpot: once-only, 429, missing company."""

from __future__ import annotations

from datetime import timedelta

import pytest

from signalwatch.config import DeliveryConfig
from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.runtime.delivery import deliver
from signalwatch.sinks import SinkError
from signalwatch.sinks.hubspot import HubSpotConfig, HubSpotSink, build_hubspot_api
from signalwatch.sinks.slack import SlackSink
from signalwatch.store import OutboxStatus, Store
from tests.conftest import SLACK_TOKEN
from tests.crm.conftest import HUBSPOT_TOKEN, Clock, alert_payload, enqueue


def make_sink(fake: FakeHubSpot, **options: object) -> HubSpotSink:
    config = HubSpotConfig(enabled=True, host=fake.host, timeout=1.0, **options)  # type: ignore[arg-type]
    api = build_hubspot_api(config, HUBSPOT_TOKEN)
    api.ensure_properties(config.property_group)
    return HubSpotSink(api, config)


@pytest.fixture
def acme(hubspot: FakeHubSpot) -> str:
    hubspot.add_owner("ann@example.com")
    return hubspot.add_company("Acme Corp", "acme.com")


def test_task_note_and_properties_land_on_the_company_with_owner_and_evidence(hubspot: FakeHubSpot, acme: str) -> None:
    sink = make_sink(hubspot)
    remote = sink.send(alert_payload(title="Acme <raises> $20M"), "task+note+properties", "a" * 32)
    task, note = hubspot.live("tasks")[0], hubspot.live("notes")[0]
    assert remote == f"task:{task['id']},note:{note['id']},company:{acme}"
    assert task["properties"]["hs_task_priority"] == "HIGH"
    assert task["properties"]["hubspot_owner_id"] == hubspot.owners[0]["id"]
    assert "https://news.example.com/acme" in task["properties"]["hs_task_body"]
    assert "&lt;raises&gt;" in task["properties"]["hs_task_body"] and "<raises>" not in task["properties"]["hs_task_body"]
    assert ("tasks", task["id"], acme, 192) in hubspot.associations and ("notes", note["id"], acme, 190) in hubspot.associations
    company = hubspot.objects["companies"][acme]["properties"]
    assert company["signalwatch_signal_heat"] == "3.0" and company["signalwatch_last_signal_date"].startswith("2026-11-20T10:00")
    assert company["name"] == "Acme Corp"  # nothing but the signal fields is written


def test_task_created_once_across_a_crash_between_send_and_record(hubspot: FakeHubSpot, acme: str, store: Store, clock: Clock) -> None:
    enqueue(store, clock.now, [("hubspot", "task")])
    sink = make_sink(hubspot)
    item = store.due_outbox(clock.now)[0]
    assert store.claim(item.id, clock.now)
    sink.send(item.payload, item.target, item.alert_key)  # the process dies here, before mark_sent
    report = deliver(store, {"hubspot": make_sink(hubspot)}, DeliveryConfig(), recover_all=True, clock=clock, sleep=clock.sleep)
    assert (report.recovered, report.sent) == (1, 0)
    assert len(hubspot.live("tasks")) == 1
    row = store.list_outbox()[0]
    assert row.status == OutboxStatus.SENT


def test_a_timeout_after_the_task_was_created_does_not_create_a_second_one(hubspot: FakeHubSpot, acme: str, store: Store, clock: Clock) -> None:
    enqueue(store, clock.now, [("hubspot", "task")])
    sink = make_sink(hubspot)
    hubspot.delay_creates = 2.0  # HubSpot stores the task, but its answer comes after our 1 s timeout
    config = DeliveryConfig(backoff_base=timedelta(seconds=5), max_inline_wait=timedelta(minutes=1))
    first = deliver(store, {"hubspot": sink}, config, wait_inline=False, clock=clock, sleep=clock.sleep)
    assert (first.sent, first.retried) == (0, 1)
    hubspot.delay_creates = 0
    clock.sleep(60)
    second = deliver(store, {"hubspot": sink}, config, clock=clock, sleep=clock.sleep)
    assert (second.sent, second.recovered) == (0, 1)  # the timeout was an unknown outcome: confirm found the task
    assert len(hubspot.live("tasks")) == 1


def test_429_then_success_waits_the_policy_window_and_sends_once(hubspot: FakeHubSpot, acme: str, store: Store, clock: Clock) -> None:
    enqueue(store, clock.now, [("hubspot", "task")])
    hubspot.scripted.append(Scripted("/objects/tasks", status=429))
    start = clock.now
    config = DeliveryConfig(max_inline_wait=timedelta(minutes=1))
    report = deliver(store, {"hubspot": make_sink(hubspot)}, config, clock=clock, sleep=clock.sleep)
    assert (report.sent, report.retried, report.dead) == (1, 1, 0)
    assert clock.now - start >= timedelta(seconds=10)  # TEN_SECONDLY_ROLLING: wait out the window
    assert len(hubspot.live("tasks")) == 1


def test_company_not_found_still_alerts_slack_and_the_crm_row_retries_later(
    hubspot: FakeHubSpot, slack: FakeSlack, store: Store, clock: Clock
) -> None:
    enqueue(store, clock.now, [("slack", "#sales-signals"), ("hubspot", "task")])
    sinks = {"slack": SlackSink(SLACK_TOKEN, default_channel=None, base_url=slack.base_url, timeout=2), "hubspot": make_sink(hubspot)}
    config = DeliveryConfig(max_attempts=3, max_inline_wait=timedelta(seconds=0))
    report = deliver(store, sinks, config, clock=clock, sleep=clock.sleep)
    assert report.sent == 1 and len(slack.messages) == 1
    crm_row = next(r for r in store.list_outbox() if r.sink == "hubspot")
    assert crm_row.status == OutboxStatus.PENDING and "no company with domain = acme.com" in (crm_row.last_error or "")
    status = store.source_status()[0]
    assert (status.alerts_sent, status.alerts_pending) == (1, 1)

    hubspot.add_company("Acme", "acme.com")  # a rep adds the company; the next try after the wait finds it
    clock.sleep(timedelta(minutes=31).total_seconds())
    later = deliver(store, sinks, config, clock=clock, sleep=clock.sleep)
    assert later.sent == 1 and len(hubspot.live("tasks")) == 1 and len(slack.messages) == 1


def test_a_company_that_never_appears_becomes_a_dead_letter(hubspot: FakeHubSpot, store: Store, clock: Clock) -> None:
    enqueue(store, clock.now, [("hubspot", "task")])
    config = DeliveryConfig(max_attempts=2, max_inline_wait=timedelta(hours=2))
    report = deliver(store, {"hubspot": make_sink(hubspot)}, config, clock=clock, sleep=clock.sleep)
    assert report.dead == 1
    assert store.source_status()[0].alerts_dead == 1


def test_missing_signal_properties_fail_with_the_setup_hint(hubspot: FakeHubSpot, acme: str) -> None:
    config = HubSpotConfig(enabled=True, host=hubspot.host, timeout=1.0)
    sink = HubSpotSink(build_hubspot_api(config, HUBSPOT_TOKEN), config)
    with pytest.raises(SinkError, match="crm setup hubspot") as caught:
        sink.send(alert_payload(), "properties", "b" * 32)
    assert not caught.value.retryable


def test_a_bad_token_is_a_permanent_error_that_does_not_echo_the_token(hubspot: FakeHubSpot, acme: str) -> None:
    config = HubSpotConfig(enabled=True, host=hubspot.host, timeout=1.0)
    sink = HubSpotSink(build_hubspot_api(config, "pat-na1-wrong-token-value"), config)
    with pytest.raises(SinkError) as caught:
        sink.send(alert_payload(), "task", "c" * 32)
    assert not caught.value.retryable and "401" in str(caught.value) and "wrong-token" not in str(caught.value)


def test_a_late_retry_of_an_older_signal_does_not_overwrite_a_newer_one(hubspot: FakeHubSpot, acme: str) -> None:
    sink = make_sink(hubspot)
    newer = alert_payload(title="Acme hires a CRO")
    newer["event"] = {**newer["event"], "occurred_at": "2026-11-22T09:00:00+00:00"}
    sink.send(newer, "properties", "1" * 32)
    sink.send(alert_payload(title="Acme raises"), "properties", "2" * 32)  # occurred 2026-11-20: older
    company = hubspot.objects["companies"][acme]["properties"]
    assert company["signalwatch_last_signal_date"].startswith("2026-11-22T09:00")


def test_a_crash_before_the_property_update_sends_again_without_a_second_task(hubspot: FakeHubSpot, acme: str, store: Store, clock: Clock) -> None:
    enqueue(store, clock.now, [("hubspot", "task+properties")])
    sink = make_sink(hubspot)
    item = store.due_outbox(clock.now)[0]
    store.claim(item.id, clock.now)
    sink.send(item.payload, "task", item.alert_key)  # the task went out; the process died before the property update
    report = deliver(store, {"hubspot": sink}, DeliveryConfig(), recover_all=True, clock=clock, sleep=clock.sleep)
    assert (report.recovered, report.sent) == (0, 1)
    assert len(hubspot.live("tasks")) == 1
    assert hubspot.objects["companies"][acme]["properties"]["signalwatch_signal_heat"] == "3.0"
