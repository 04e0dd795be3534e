"""A CRM record not found holds only that account's rows, not the sink: HubSpot's "no company with
domain = vandelay.example" (retried after company_missing_retry) and Salesforce's missing Account
(account_missing_retry) let every other account's alerts through, while the account's own later
rows keep their place behind its held row. A sink-wide failure (a 5xx) still pauses the sink.
Through hubspot-api-client / simple-salesforce against the fake HubSpot and Salesforce."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from signalwatch.config import DeliveryConfig
from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.runtime.delivery import deliver
from signalwatch.store import AlertDraft, OutboxStatus, Store
from tests.crm.conftest import Clock, alert_payload
from tests.crm.test_hubspot_sink import make_sink as hubspot_sink
from tests.crm.test_salesforce_sink import make_sink as salesforce_sink
from tests.polls import commit

VANDELAY, ACME = 2, 1
DOMAINS = {VANDELAY: "vandelay.example", ACME: "acme.com"}
CONFIG = DeliveryConfig(max_attempts=5, max_inline_wait=timedelta(seconds=0))


def queue(store: Store, now: datetime, sink: str, alerts: list[tuple[int, str]]) -> None:
    """One event and one `sink` row per (account, title), in this order, as a poll queues them."""
    events = [SignalEvent(type=EventType.FUNDING, change="raised", source="wire", source_kind="rss", source_id=title,
                          title=title, occurred_at=now, detected_at=now, dedupe_key=make_dedupe_key(title), account_id=account)
              for account, title in alerts]
    payloads = {title: alert_payload(domain=DOMAINS[account], title=title) for account, title in alerts}
    commit(store, "wire", events, {}, now, drafts=lambda new: [
        AlertDraft(make_dedupe_key("alert", e.dedupe_key, sink), "funding-a", e.account_id, e.dedupe_key, sink, "task", "P1",
                   payloads[e.title]) for e in new])


def rows(store: Store) -> dict[str, tuple[str, int]]:
    """title -> (status, attempts) of every row."""
    return {item.payload["event"]["title"]: (item.status, item.attempts) for item in store.list_outbox(limit=1000)}


def test_a_company_missing_in_hubspot_holds_only_that_accounts_rows(hubspot: FakeHubSpot, store: Store, clock: Clock) -> None:
    hubspot.add_owner("ann@example.com")
    hubspot.add_company("Acme", "acme.com")
    queue(store, clock.now, "hubspot", [(VANDELAY, "Vandelay raises"), (ACME, "Acme raises"), (VANDELAY, "Vandelay hires"),
                                        (ACME, "Acme hires")])
    sinks = {"hubspot": hubspot_sink(hubspot)}
    first = deliver(store, sinks, CONFIG, clock=clock, sleep=clock.sleep)
    assert (first.sent, first.retried) == (2, 1)
    state = rows(store)
    assert state["Acme raises"][0] == state["Acme hires"][0] == OutboxStatus.SENT  # the other account is not held
    assert state["Vandelay raises"] == (OutboxStatus.PENDING, 1)
    assert state["Vandelay hires"] == (OutboxStatus.PENDING, 0)  # untried: it stays behind its account's held row
    assert "no company with domain = vandelay.example" in (store.list_outbox(status="pending")[-1].last_error or "")

    clock.sleep(60)  # a later run (the hold is read back from the store): new alerts of others still go out at once
    queue(store, clock.now, "hubspot", [(ACME, "Acme adopts Salesforce"), (VANDELAY, "Vandelay adopts Salesforce")])
    later = deliver(store, sinks, CONFIG, clock=clock, sleep=clock.sleep)
    assert (later.sent, later.retried) == (1, 0)
    state = rows(store)
    assert state["Acme adopts Salesforce"][0] == OutboxStatus.SENT
    assert state["Vandelay hires"] == state["Vandelay adopts Salesforce"] == (OutboxStatus.PENDING, 0)

    hubspot.add_company("Vandelay Industries", "vandelay.example")  # a rep adds the company
    clock.sleep(timedelta(minutes=31).total_seconds())
    found = deliver(store, sinks, CONFIG, clock=clock, sleep=clock.sleep)
    assert found.sent == 3
    bodies = [task["properties"]["hs_task_body"] for task in hubspot.live("tasks")]  # in the order they were created
    vandelay = [body for body in bodies if "Vandelay" in body]
    assert len(vandelay) == 3 and "Vandelay raises" in vandelay[0]  # in queue order: the held row first
    assert "Vandelay adopts" in vandelay[2]


def test_a_server_error_still_pauses_the_whole_hubspot_sink(hubspot: FakeHubSpot, store: Store, clock: Clock) -> None:
    hubspot.add_owner("ann@example.com")
    hubspot.add_company("Acme", "acme.com")
    hubspot.add_company("Vandelay", "vandelay.example")
    hubspot.scripted.append(Scripted("/objects/tasks", status=503))
    queue(store, clock.now, "hubspot", [(ACME, "Acme raises"), (VANDELAY, "Vandelay raises")])
    report = deliver(store, {"hubspot": hubspot_sink(hubspot)}, CONFIG, clock=clock, sleep=clock.sleep)
    assert report.sent == 0
    assert rows(store)["Vandelay raises"] == (OutboxStatus.PENDING, 0)  # another account, but the sink is down: it waits


def test_an_account_missing_in_salesforce_holds_only_that_accounts_rows(salesforce: Any, store: Store, clock: Clock) -> None:
    owner = salesforce.add("User", Email="ann@example.com")
    salesforce.add("Account", Name="Acme", Website="http://acme.com", OwnerId=owner)
    queue(store, clock.now, "salesforce", [(VANDELAY, "Vandelay raises"), (ACME, "Acme raises"), (VANDELAY, "Vandelay hires")])
    sinks = {"salesforce": salesforce_sink(salesforce)}
    first = deliver(store, sinks, CONFIG, clock=clock, sleep=clock.sleep)
    assert (first.sent, first.retried) == (1, 1)
    state = rows(store)
    assert state["Acme raises"][0] == OutboxStatus.SENT
    assert state["Vandelay raises"] == (OutboxStatus.PENDING, 1) and state["Vandelay hires"] == (OutboxStatus.PENDING, 0)

    salesforce.add("Account", Name="Vandelay", Website="https://vandelay.example", OwnerId=owner)
    clock.sleep(timedelta(minutes=31).total_seconds())
    assert deliver(store, sinks, CONFIG, clock=clock, sleep=clock.sleep).sent == 2
    assert len(salesforce.records["Task"]) == 3


def test_a_long_queue_behind_a_missing_company_does_not_crowd_out_other_accounts(
    hubspot: FakeHubSpot, store: Store, clock: Clock
) -> None:
    hubspot.add_owner("ann@example.com")
    hubspot.add_company("Acme", "acme.com")
    backlog = [(VANDELAY, f"Vandelay news {i}") for i in range(120)]  # more than delivery reads at once (100)
    queue(store, clock.now, "hubspot", [*backlog, (ACME, "Acme raises")])
    report = deliver(store, {"hubspot": hubspot_sink(hubspot)}, CONFIG, clock=clock, sleep=clock.sleep)
    assert (report.sent, report.retried) == (1, 1)
    assert rows(store)["Acme raises"][0] == OutboxStatus.SENT
    assert sum(1 for status, attempts in rows(store).values() if attempts == 0 and status == OutboxStatus.PENDING) == 119
