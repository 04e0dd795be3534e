"""Delivery through the real Slack sink to a fake Slack: order, retries, dead letters, recovery."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from signalwatch.config import DeliveryConfig
from signalwatch.devtools.fake_slack import Failure, FakeSlack
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.runtime.delivery import deliver
from signalwatch.sinks.slack import SlackSink
from signalwatch.store import AlertDraft, OutboxStatus, Store
from signalwatch.timeutil import utcnow
from tests.conftest import SLACK_TOKEN
from tests.polls import commit

PAYLOAD = {"rule": {"id": "r", "description": "d"}, "priority": "P2", "angle": None, "why": ["w"], "account": None,
           "event": {"type": "funding", "change": "raised", "title": "T", "summary": "", "url": None, "source": "s",
                     "occurred_at": "2026-11-20T10:00:00+00:00", "company_name": "C", "attributes": {}, "dedupe_key": "k"}}


class Clock:
    """Injected time: sleeping advances it instantly."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    s.migrate()
    return s


def enqueue(store: Store, count: int, now: datetime) -> None:
    events = [SignalEvent(type=EventType.FUNDING, change="raised", source="s", source_kind="rss", source_id=str(i),
                          title=f"T{i}", occurred_at=now, detected_at=now, dedupe_key=make_dedupe_key(i)) for i in range(count)]
    commit(store, "s", events, {}, now, drafts=lambda new: [
        AlertDraft(make_dedupe_key("a", e.dedupe_key), "r", None, e.dedupe_key, "slack", "#sales-signals", "P2",
                   {**PAYLOAD, "event": {**PAYLOAD["event"], "title": e.title}}) for e in new])


def sink(base_url: str) -> SlackSink:
    return SlackSink(SLACK_TOKEN, default_channel=None, base_url=base_url, timeout=2)


def titles(slack: FakeSlack) -> list[str]:
    return [m["text"].split("— ")[-1] for m in slack.messages]


def test_slack_down_then_back_delivers_everything_once_and_in_order(store: Store, slack: FakeSlack) -> None:
    clock = Clock()
    enqueue(store, 5, clock.now)
    slack.failures = [Failure(503, "service_unavailable", {}), Failure(503, "service_unavailable", {})]
    config = DeliveryConfig(backoff_base=timedelta(seconds=10), max_inline_wait=timedelta(minutes=5))
    report = deliver(store, {"slack": sink(slack.base_url)}, config, clock=clock, sleep=clock.sleep)
    assert (report.sent, report.retried, report.dead) == (5, 2, 0)
    assert titles(slack) == ["T0", "T1", "T2", "T3", "T4"]


def test_connection_refused_exhausts_the_budget_into_dead_letters_then_retry_dead(store: Store, slack: FakeSlack) -> None:
    clock = Clock()
    enqueue(store, 2, clock.now)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/api/"
    config = DeliveryConfig(max_attempts=3, backoff_base=timedelta(seconds=1), max_inline_wait=timedelta(minutes=5))
    report = deliver(store, {"slack": sink(closed)}, config, clock=clock, sleep=clock.sleep)
    assert report.dead == 2 and report.sent == 0
    dead = store.list_outbox(status=OutboxStatus.DEAD)
    assert len(dead) == 2 and all("URLError" in (d.last_error or "") for d in dead)

    assert store.retry_dead(clock.now) == 2
    report = deliver(store, {"slack": sink(slack.base_url)}, config, clock=clock, sleep=clock.sleep)
    assert report.sent == 2 and titles(slack) == ["T0", "T1"]


def test_a_permanent_slack_error_is_a_dead_letter_at_once(store: Store, slack: FakeSlack) -> None:
    clock = Clock()
    enqueue(store, 1, clock.now)
    slack.failures = [Failure(200, "channel_not_found", {})]
    report = deliver(store, {"slack": sink(slack.base_url)}, DeliveryConfig(), clock=clock, sleep=clock.sleep)
    assert report.dead == 1
    assert "channel_not_found" in (store.list_outbox(status=OutboxStatus.DEAD)[0].last_error or "")


def test_an_orphaned_send_is_confirmed_from_history_not_resent(store: Store, slack: FakeSlack) -> None:
    clock = Clock()
    enqueue(store, 1, clock.now)
    (item,) = store.due_outbox(clock.now)
    slack_sink = sink(slack.base_url)
    assert store.claim(item.id, clock.now)
    slack_sink.send(item.payload, item.target, item.alert_key)  # then the process "dies"
    report = deliver(store, {"slack": slack_sink}, DeliveryConfig(), recover_all=True, clock=clock, sleep=clock.sleep)
    assert (report.recovered, report.sent) == (1, 0)
    assert len(slack.messages) == 1


def test_an_orphaned_send_that_never_arrived_is_sent_again(store: Store, slack: FakeSlack) -> None:
    clock = Clock()
    enqueue(store, 1, clock.now)
    (item,) = store.due_outbox(clock.now)
    assert store.claim(item.id, clock.now)  # the process died before the request left
    report = deliver(store, {"slack": sink(slack.base_url)}, DeliveryConfig(), recover_all=True, clock=clock, sleep=clock.sleep)
    assert (report.recovered, report.sent) == (0, 1)
    assert len(slack.messages) == 1


def test_a_starting_process_leaves_a_live_instances_in_flight_rows_alone(store: Store, slack: FakeSlack) -> None:
    """Two instances share the outbox: one starting up must not resend what the other is sending
    (a Slack message would be caught by `confirm`, a console line or a CRM call with no lookup
    would not). Rows of a dead sender on this host are taken over at once."""
    clock = Clock()
    enqueue(store, 4, clock.now)
    rows = store.due_outbox(clock.now)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # a live process; it waits for nothing
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    try:
        host = socket.gethostname()
        assert store.claim(rows[0].id, clock.now, claimer=f"{host}:{other.pid}")  # alive, mid-send
        assert store.claim(rows[1].id, clock.now, claimer="another-host.example:4242")  # cannot tell
        assert store.claim(rows[2].id, clock.now, claimer=f"{host}:{finished.pid}")  # died mid-send
        report = deliver(store, {"slack": sink(slack.base_url)}, DeliveryConfig(), recover_all=True, clock=clock, sleep=clock.sleep)
        assert sorted(titles(slack)) == ["T2", "T3"]
        assert sorted(item.id for item in store.list_outbox(status=OutboxStatus.SENDING)) == sorted([rows[0].id, rows[1].id])
        clock.sleep(6 * 60)  # past UNCERTAIN_AFTER: whoever claimed them is presumed dead
        report = deliver(store, {"slack": sink(slack.base_url)}, DeliveryConfig(), clock=clock, sleep=clock.sleep)
        assert report.sent == 2 and sorted(titles(slack)) == ["T0", "T1", "T2", "T3"]
    finally:
        other.kill()
        other.wait()


def test_rows_for_a_sink_disabled_since_they_were_queued_wait_pending_not_dead(store: Store, slack: FakeSlack) -> None:
    clock = Clock()
    enqueue(store, 1, clock.now)
    report = deliver(store, {}, DeliveryConfig(), recover_all=True, clock=clock, sleep=clock.sleep)
    assert (report.dead, report.pending, report.next_due_at) == (0, 1, None)  # nothing to wait for inline either
    assert store.list_outbox()[0].status == OutboxStatus.PENDING
    later = deliver(store, {"slack": sink(slack.base_url)}, DeliveryConfig(), clock=clock, sleep=clock.sleep)
    assert later.sent == 1 and len(slack.messages) == 1  # enabled again: it goes out


def test_the_oldest_unsent_metric_leaves_out_rows_waiting_for_a_disabled_sink(store: Store) -> None:
    """Rows queued before a sink was disabled wait on purpose: counting them, the
    "oldest unsent alert" gauge grew for ever and an operator's alert on it never cleared."""
    from signalwatch.runtime.metrics import Counters, Snapshot, render
    from signalwatch.store.upkeep import outbox_summary

    clock = Clock()
    enqueue(store, 1, clock.now)  # for slack, which this daemon does not enable
    waiting = outbox_summary(store, sinks={"console"})
    assert waiting.counts == {OutboxStatus.PENDING: 1} and waiting.oldest_pending_at is None
    assert outbox_summary(store).oldest_pending_at is not None  # all sinks (status): it is there
    text = render(Counters(), Snapshot([], {}, waiting, True), clock.now + timedelta(hours=5))
    assert "signalwatch_outbox_oldest_pending_age_seconds 0.0" in text


def test_owner_found_by_email_gets_a_dm_and_unknown_owners_fall_back(store: Store, slack: FakeSlack) -> None:
    clock = Clock()
    slack.users = {"dana@yourco.example": "U0DANA0001"}
    events = [SignalEvent(type=EventType.FUNDING, change="raised", source="s", source_kind="rss", source_id=str(i),
                          title=f"T{i}", occurred_at=clock.now, detected_at=clock.now, dedupe_key=make_dedupe_key("o", i)) for i in range(3)]
    targets = ["email:dana@yourco.example|#sales-signals", "email:nobody@yourco.example|#sales-signals", "email:dana@yourco.example|"]
    commit(store, "s", events, {}, clock.now, drafts=lambda new: [
        AlertDraft(make_dedupe_key("a", e.dedupe_key), "r", None, e.dedupe_key, "slack", target, "P2", PAYLOAD)
        for e, target in zip(new, targets)])
    report = deliver(store, {"slack": sink(slack.base_url)}, DeliveryConfig(), clock=clock, sleep=clock.sleep)
    assert report.sent == 3
    assert [m["channel_arg"] for m in slack.messages] == ["U0DANA0001", "#sales-signals", "U0DANA0001"]
    assert [method for method, _ in slack.calls].count("users.lookupByEmail") == 2  # cached per address


def test_a_stopping_daemon_leaves_the_backlog_pending(store: Store, slack: FakeSlack) -> None:
    clock = Clock()
    enqueue(store, 3, clock.now)
    report = deliver(store, {"slack": sink(slack.base_url)}, DeliveryConfig(), clock=clock, sleep=clock.sleep, stopping=lambda: True)
    assert report.sent == 0 and len(store.due_outbox(clock.now)) == 3 and slack.messages == []


def test_a_slack_reply_slower_than_the_timeout_is_confirmed_not_resent(store: Store, slack: FakeSlack) -> None:
    # Slack posts each message but answers after the client gave up: the outcome is unknown,
    # so delivery asks the channel history (message metadata) before anything is sent again.
    clock = Clock()
    enqueue(store, 4, clock.now)
    slack.post_delay = 0.6
    config = DeliveryConfig(confirm_after=timedelta(seconds=20), max_inline_wait=timedelta(minutes=5))
    slow = SlackSink(SLACK_TOKEN, default_channel=None, base_url=slack.base_url, timeout=0.3)
    report = deliver(store, {"slack": slow}, config, clock=clock, sleep=clock.sleep)
    assert titles(slack) == ["T0", "T1", "T2", "T3"]  # each posted once, in order
    assert report.recovered == 4 and report.sent == 0
    assert {item.status for item in store.list_outbox(limit=10)} == {OutboxStatus.SENT}


def test_an_unknown_outcome_that_did_not_arrive_is_sent_again_after_the_check(store: Store, slack: FakeSlack) -> None:
    # A reset before Slack recorded anything: the check finds nothing, so the row is sent again.
    clock = Clock()
    enqueue(store, 1, clock.now)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed.listen(1)
    port = closed.getsockname()[1]

    def reset_once() -> None:
        connection, _ = closed.accept()
        received = b""
        while b"\r\n\r\n" not in received:  # the whole request, so the client's send has completed
            received += connection.recv(65536)
        head, _, body = received.partition(b"\r\n\r\n")
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
        while len(body) < length:
            body += connection.recv(65536)
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        connection.close()  # RST after the request was read: the client cannot know what happened

    import threading
    threading.Thread(target=reset_once, daemon=True).start()
    flaky = SlackSink(SLACK_TOKEN, default_channel=None, base_url=f"http://127.0.0.1:{port}/api/", timeout=2)
    config = DeliveryConfig(confirm_after=timedelta(seconds=20), max_inline_wait=timedelta(seconds=1))
    first = deliver(store, {"slack": flaky}, config, clock=clock, sleep=clock.sleep, wait_inline=False)
    assert first.retried == 1 and slack.messages == []
    (row,) = store.list_outbox(limit=10)
    assert row.status == OutboxStatus.SENDING and "unknown outcome" in (row.last_error or "")
    closed.close()
    clock.now += timedelta(seconds=21)
    second = deliver(store, {"slack": sink(slack.base_url)}, config, clock=clock, sleep=clock.sleep)
    assert second.sent == 1 and titles(slack) == ["T0"]


def test_a_rate_limit_and_the_order_hold_across_delivery_runs(store: Store, slack: FakeSlack) -> None:
    # The daemon drains every second without waiting inline: a 429 with Retry-After 10 must
    # keep the whole sink quiet for 10 s across those runs, and the rows arrive in order.
    clock = Clock()
    enqueue(store, 5, clock.now)
    slack.failures = [Failure(429, "ratelimited", {"Retry-After": "10"})]
    config = DeliveryConfig(max_inline_wait=timedelta(seconds=0))
    started, posted_at = clock.now, []
    for _ in range(15):
        before = len(slack.messages)
        deliver(store, {"slack": sink(slack.base_url)}, config, clock=clock, sleep=clock.sleep, wait_inline=False)
        posted_at += [clock.now - started] * (len(slack.messages) - before)
        clock.now += timedelta(seconds=1)
    assert titles(slack) == ["T0", "T1", "T2", "T3", "T4"]
    assert min(posted_at) >= timedelta(seconds=10)  # nothing went out inside the Retry-After window
