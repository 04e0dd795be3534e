"""The Salesforce sink through simple-salesforce against a fake Salesforce (TLS on 127.0.0.1)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from signalwatch.config import DeliveryConfig
from signalwatch.devtools.fake_salesforce import SfScripted
from signalwatch.runtime.delivery import deliver
from signalwatch.sinks import SinkError
from signalwatch.sinks.salesforce import SalesforceConfig, SalesforceSink, build_salesforce_api
from signalwatch.store import OutboxStatus, Store
from tests.crm.conftest import SF_FIXTURES, Clock, alert_payload, enqueue


def make_sink(fake: Any, **options: Any) -> SalesforceSink:
    config = SalesforceConfig(enabled=True, instance_url=fake.instance_url, ca_bundle=str(SF_FIXTURES / "loopback-cert.pem"),
                              timeout=2, **options)
    return SalesforceSink(build_salesforce_api(config, fake.token), config)


@pytest.fixture
def acme(salesforce: Any) -> str:
    owner = salesforce.add("User", Email="ann@example.com")
    return str(salesforce.add("Account", Name="Acme", Website="http://acme.com", OwnerId=owner))


def test_task_on_the_account_with_owner_priority_and_evidence(salesforce: Any, acme: str) -> None:
    sink = make_sink(salesforce, update_fields={"Last_Signal__c": "last_signal", "Signal_Heat__c": "signal_heat"})
    remote = sink.send(alert_payload(title="Acme raises $20M"), None, "d" * 32)
    task = next(iter(salesforce.records["Task"].values()))
    assert remote == f"task:{task['Id']},account:{acme}"
    assert task["WhatId"] == acme and task["OwnerId"] == salesforce.records["Account"][acme]["OwnerId"]
    assert task["Priority"] == "High" and "https://news.example.com/acme" in task["Description"]
    assert len(task["Subject"]) <= 255
    assert salesforce.records["Account"][acme]["Signal_Heat__c"] == 3.0


def test_task_created_once_across_a_crash_between_send_and_record(salesforce: Any, acme: str, store: Store, clock: Clock) -> None:
    enqueue(store, clock.now, [("salesforce", "task")])
    item = store.due_outbox(clock.now)[0]
    store.claim(item.id, clock.now)
    make_sink(salesforce).send(item.payload, item.target, item.alert_key)  # crash before mark_sent
    report = deliver(store, {"salesforce": make_sink(salesforce)}, DeliveryConfig(), recover_all=True, clock=clock, sleep=clock.sleep)
    assert report.recovered == 1 and len(salesforce.records["Task"]) == 1
    assert store.list_outbox()[0].status == OutboxStatus.SENT


def test_a_custom_key_field_keeps_the_subject_clean(salesforce: Any, acme: str) -> None:
    sink = make_sink(salesforce, alert_key_field="Signalwatch_Alert_Key__c")
    sink.send(alert_payload(), "task", "e" * 32)
    sink.send(alert_payload(), "task", "e" * 32)
    tasks = list(salesforce.records["Task"].values())
    assert len(tasks) == 1 and tasks[0]["Signalwatch_Alert_Key__c"] == "e" * 32 and "[sw" not in tasks[0]["Subject"]


def test_account_missing_or_limit_exceeded_are_retried_later(salesforce: Any, store: Store, clock: Clock) -> None:
    sink = make_sink(salesforce)
    with pytest.raises(SinkError, match="no Account") as missing:
        sink.send(alert_payload(), "task", "f" * 32)
    assert missing.value.retryable and missing.value.retry_after == 1800
    for written in ("2h", 7200):  # a duration as every other wait in the config is written, or plain seconds
        with pytest.raises(SinkError, match="no Account") as later:
            make_sink(salesforce, account_missing_retry=written).send(alert_payload(), "task", "f" * 32)
        assert later.value.retry_after == 7200
    salesforce.scripted.append(SfScripted("/query"))
    with pytest.raises(SinkError, match="limit exceeded") as limited:
        sink.send(alert_payload(), "task", "f" * 32)
    assert limited.value.retryable and limited.value.retry_after == 3600


def test_an_invalid_session_is_permanent_and_never_echoes_the_token(salesforce: Any, acme: str) -> None:
    config = SalesforceConfig(enabled=True, instance_url=salesforce.instance_url, ca_bundle=str(SF_FIXTURES / "loopback-cert.pem"))
    sink = SalesforceSink(build_salesforce_api(config, "00Dxx!wrong-session-value"), config)
    with pytest.raises(SinkError) as caught:
        sink.send(alert_payload(), "task", "a" * 32)
    assert not caught.value.retryable and "401" in str(caught.value) and "wrong-session" not in str(caught.value)


def test_delivery_pauses_on_the_limit_then_sends(salesforce: Any, acme: str, store: Store, clock: Clock) -> None:
    enqueue(store, clock.now, [("salesforce", "task")])
    salesforce.scripted.append(SfScripted("/query"))
    config = DeliveryConfig(max_inline_wait=timedelta(hours=2))
    report = deliver(store, {"salesforce": make_sink(salesforce)}, config, clock=clock, sleep=clock.sleep)
    assert (report.retried, report.sent) == (1, 1) and len(salesforce.records["Task"]) == 1
