"""Once-only CRM writes when HubSpot's search index lags, and unknown outcomes made explicit.

Everything goes through hubspot-api-client / simple-salesforce against the fakes on 127.0.0.1;
a crash is the process stopping between `sink.send` and the outbox recording it.
"""

from __future__ import annotations

import socket
from datetime import timedelta
from typing import Any

import pytest

from signalwatch.config import DeliveryConfig
from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_salesforce import SfScripted
from signalwatch.runtime.delivery import deliver
from signalwatch.sinks import SinkError
from signalwatch.sinks.hubspot import HubSpotConfig, HubSpotSink, build_hubspot_api
from signalwatch.sinks.salesforce import SalesforceConfig, SalesforceSink, build_salesforce_api
from signalwatch.store import OutboxStatus, Store
from tests.crm.conftest import HUBSPOT_TOKEN, SF_FIXTURES, Clock, alert_payload, enqueue

ALERTS = 30
CRASHES = 4


def hubspot_sink(fake: FakeHubSpot, clock: Clock, *, setup: bool, host: str | None = None) -> HubSpotSink:
    """The sink as the daemon builds it; `setup` runs `crm setup hubspot`'s step first."""
    config = HubSpotConfig(enabled=True, host=host or fake.host, timeout=1.0, search_per_second=100)
    api = build_hubspot_api(config, HUBSPOT_TOKEN)
    if setup:
        api.ensure_properties(config.property_group)
    return HubSpotSink(api, config, clock=clock)


def salesforce_sink(fake: Any, clock: Clock, instance_url: str | None = None) -> SalesforceSink:
    config = SalesforceConfig(enabled=True, instance_url=instance_url or fake.instance_url,
                              ca_bundle=str(SF_FIXTURES / "loopback-cert.pem"), timeout=1.0)
    return SalesforceSink(build_salesforce_api(config, fake.token), config, clock=clock)


def crash_while_sending(store: Store, sink: HubSpotSink, clock: Clock, count: int) -> None:
    """`count` rows are claimed and sent; the process dies before any of them is recorded."""
    for item in store.due_outbox(clock.now)[:count]:
        assert store.claim(item.id, clock.now)
        sink.send(item.payload, item.target, item.alert_key)


def lagging_hubspot_with_alerts(hubspot: FakeHubSpot, store: Store, clock: Clock) -> None:
    hubspot.add_owner("ann@example.com")
    hubspot.add_company("Acme Corp", "acme.com")
    hubspot.search_lag = 30.0  # longer than the test: nothing it writes shows in search
    for n in range(ALERTS):
        enqueue(store, clock.now, [("hubspot", "task")], source_id=f"crash-{n}")


def free_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("setup", [True, False], ids=["alert-key-property", "search-only"])
def test_a_crash_and_an_immediate_restart_create_no_duplicate_while_search_lags(
    hubspot: FakeHubSpot, store: Store, clock: Clock, setup: bool
) -> None:
    lagging_hubspot_with_alerts(hubspot, store, clock)
    crash_while_sending(store, hubspot_sink(hubspot, clock, setup=setup), clock, CRASHES)

    restarted = hubspot_sink(hubspot, clock, setup=False)  # a new process: nothing cached
    deliver(store, {"hubspot": restarted}, DeliveryConfig(), recover_all=True, clock=clock, sleep=clock.sleep)
    assert len(hubspot.live("tasks")) == ALERTS  # no second task for the 4 alerts in flight at the crash

    hubspot.index_now()  # later, the index has caught up; the daemon's next runs settle every row
    clock.sleep(timedelta(minutes=6).total_seconds())
    deliver(store, {"hubspot": restarted}, DeliveryConfig(), clock=clock, sleep=clock.sleep)
    assert len(hubspot.live("tasks")) == ALERTS
    assert {row.status for row in store.list_outbox(limit=100)} == {OutboxStatus.SENT}


def test_with_the_alert_key_property_confirm_reads_the_task_by_key_at_once(hubspot: FakeHubSpot, store: Store, clock: Clock) -> None:
    lagging_hubspot_with_alerts(hubspot, store, clock)
    sink = hubspot_sink(hubspot, clock, setup=True)
    [item] = store.due_outbox(clock.now)[:1]
    remote = sink.send(item.payload, item.target, item.alert_key)
    assert sink.confirm(item.target, item.alert_key, clock.now) == remote  # no search, no waiting
    task = hubspot.live("tasks")[0]
    assert task["properties"]["signalwatch_alert_key"] == item.alert_key
    assert sink.send(item.payload, item.target, item.alert_key) == remote  # HubSpot refuses a second one (409)
    assert len(hubspot.live("tasks")) == 1


def test_without_it_confirm_will_not_call_an_alert_absent_while_the_index_may_lag(hubspot: FakeHubSpot, clock: Clock) -> None:
    hubspot.add_company("Acme Corp", "acme.com")
    sink = hubspot_sink(hubspot, clock, setup=False)
    with pytest.raises(SinkError, match="cannot be told before") as waiting:
        sink.confirm("task", "a" * 32, clock.now)  # nothing was sent, but search cannot prove it yet
    assert waiting.value.uncertain
    clock.sleep(timedelta(minutes=5).total_seconds())
    assert sink.confirm("task", "a" * 32, clock.now - timedelta(minutes=5)) is None  # the index has caught up


def test_crm_setup_creates_the_unique_alert_key_property_on_tasks_and_notes(hubspot: FakeHubSpot) -> None:
    api = build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=1.0), HUBSPOT_TOKEN)
    created = api.ensure_properties("companyinformation")
    assert "tasks.signalwatch_alert_key" in created and "notes.signalwatch_alert_key" in created
    assert hubspot.schemas["tasks"]["signalwatch_alert_key"]["hasUniqueValue"] is True
    assert api.has_unique_key("tasks") and api.has_unique_key("notes")
    assert api.ensure_properties("companyinformation") == []  # idempotent


# -- unknown outcomes ---------------------------------------------------------------------


def test_hubspot_a_reset_after_the_create_is_an_unknown_outcome_settled_by_confirm(
    hubspot: FakeHubSpot, store: Store, clock: Clock
) -> None:
    hubspot.add_company("Acme Corp", "acme.com")
    sink = hubspot_sink(hubspot, clock, setup=True)
    hubspot.reset_creates = 1  # HubSpot stores the task, then the connection drops before the answer
    with pytest.raises(SinkError) as reset:
        sink.send(alert_payload(), "task", "r" * 32)
    assert reset.value.uncertain and reset.value.retryable
    assert len(hubspot.live("tasks")) == 1

    enqueue(store, clock.now, [("hubspot", "task")])
    hubspot.reset_creates = 1
    config = DeliveryConfig(max_inline_wait=timedelta(minutes=1))
    report = deliver(store, {"hubspot": sink}, config, clock=clock, sleep=clock.sleep)
    assert (report.sent, report.recovered) == (0, 1)  # settled by confirm, never sent twice
    assert len(hubspot.live("tasks")) == 2


def test_hubspot_a_read_timeout_is_uncertain_and_a_refused_connection_is_not(hubspot: FakeHubSpot, clock: Clock) -> None:
    hubspot.add_company("Acme Corp", "acme.com")
    sink = hubspot_sink(hubspot, clock, setup=True)
    hubspot.delay_creates = 2.0  # longer than the 1 s timeout
    with pytest.raises(SinkError) as late:
        sink.send(alert_payload(), "task", "t" * 32)
    assert late.value.uncertain and late.value.retryable
    hubspot.delay_creates = 0

    refused = hubspot_sink(hubspot, clock, setup=False, host=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(SinkError) as never_sent:
        refused.send(alert_payload(), "task", "u" * 32)
    assert never_sent.value.retryable and not never_sent.value.uncertain


def test_salesforce_a_reset_after_the_create_is_uncertain_and_a_refused_connection_is_not(salesforce: Any, clock: Clock) -> None:
    owner = salesforce.add("User", Email="ann@example.com")
    salesforce.add("Account", Name="Acme", Website="http://acme.com", OwnerId=owner)
    sink = salesforce_sink(salesforce, clock)
    salesforce.reset_creates = 1
    with pytest.raises(SinkError) as reset:
        sink.send(alert_payload(), "task", "s" * 32)
    assert reset.value.uncertain and reset.value.retryable
    assert sink.confirm("task", "s" * 32, clock.now) is not None  # it did arrive
    assert len(salesforce.records["Task"]) == 1

    refused = salesforce_sink(salesforce, clock, instance_url=f"https://127.0.0.1:{free_port()}")
    with pytest.raises(SinkError) as never_sent:
        refused.send(alert_payload(), "task", "v" * 32)
    assert never_sent.value.retryable and not never_sent.value.uncertain


def test_salesforce_confirm_waits_out_a_create_that_may_still_be_in_flight(salesforce: Any, store: Store, clock: Clock) -> None:
    owner = salesforce.add("User", Email="ann@example.com")
    salesforce.add("Account", Name="Acme", Website="http://acme.com", OwnerId=owner)
    sink = salesforce_sink(salesforce, clock)
    with pytest.raises(SinkError, match="in flight") as waiting:
        sink.confirm("task", "w" * 32, clock.now)
    assert waiting.value.uncertain
    assert sink.confirm("task", "w" * 32, clock.now - timedelta(minutes=1)) is None
    salesforce.scripted.append(SfScripted("/query", status=500, body=[{"errorCode": "UNKNOWN_EXCEPTION", "message": "boom"}]))
    with pytest.raises(SinkError, match="cannot look up"):  # a failed lookup is "cannot tell", never "absent"
        sink.confirm("task", "w" * 32, clock.now - timedelta(minutes=1))
