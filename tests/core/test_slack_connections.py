"""The Slack sink keeps its connection to Slack between alerts, and still tells "never left" from
"may have arrived" when a kept connection fails."""

from __future__ import annotations

import socket
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from signalwatch.config import DeliveryConfig
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.runtime.delivery import deliver
from signalwatch.sinks import SinkError
from signalwatch.sinks.slack import SlackSink
from signalwatch.store import OutboxStatus, Store
from tests.conftest import SLACK_TOKEN
from tests.core.test_delivery import PAYLOAD, Clock, enqueue, titles


def count_connections(fake: FakeSlack) -> list[socket.socket]:
    """Record each TCP connection the fake Slack accepts (its server's accept, wrapped)."""
    accepted: list[socket.socket] = []
    server = fake._server
    accept = server.get_request

    def counted() -> Any:
        request = accept()
        accepted.append(request[0])
        return request

    server.get_request = counted  # type: ignore[method-assign]
    return accepted


def test_a_delivery_run_posts_every_alert_over_one_connection(tmp_path: Path, slack: FakeSlack) -> None:
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.migrate()
    clock = Clock()
    enqueue(store, 6, clock.now)
    accepted = count_connections(slack)
    sink = SlackSink(SLACK_TOKEN, default_channel=None, base_url=slack.base_url, timeout=2)
    report = deliver(store, {"slack": sink}, DeliveryConfig(), clock=clock, sleep=clock.sleep)
    assert report.sent == 6 and titles(slack) == ["T0", "T1", "T2", "T3", "T4", "T5"]
    assert len(accepted) == 1  # urllib opened one per alert: a TCP and TLS handshake each against slack.com


def test_a_connection_the_server_closed_while_idle_is_replaced_without_an_error(slack: FakeSlack) -> None:
    sink = SlackSink(SLACK_TOKEN, default_channel=None, base_url=slack.base_url, timeout=2)
    accepted = count_connections(slack)
    assert sink.send(PAYLOAD, "#sales-signals", "key-1")
    accepted[0].shutdown(socket.SHUT_RDWR)  # the server drops the idle keep-alive connection, as servers do
    assert sink.send(PAYLOAD, "#sales-signals", "key-2")  # sent on a new connection: no error, no unknown outcome
    assert len(slack.messages) == 2 and len(accepted) == 2


def test_an_answer_that_never_comes_on_a_kept_connection_is_an_unknown_outcome(tmp_path: Path, slack: FakeSlack) -> None:
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.migrate()
    clock = Clock()
    enqueue(store, 2, clock.now)
    sink = SlackSink(SLACK_TOKEN, default_channel=None, base_url=slack.base_url, timeout=0.3)
    sink.send(PAYLOAD, "#sales-signals", "warm-up")  # the connection is open and kept
    slack.post_delay = 0.6
    config = DeliveryConfig(confirm_after=timedelta(seconds=20), max_inline_wait=timedelta(seconds=0))
    report = deliver(store, {"slack": sink}, config, clock=clock, sleep=clock.sleep, wait_inline=False)
    assert report.retried == 1 and report.sent == 0
    statuses = sorted(item.status for item in store.list_outbox(limit=10))
    assert statuses == [OutboxStatus.PENDING, OutboxStatus.SENDING]  # the second waits behind the unknown one


def test_a_refused_connection_is_known_not_sent(slack: FakeSlack) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/api/"
    sink = SlackSink(SLACK_TOKEN, default_channel=None, base_url=closed, timeout=2)
    with pytest.raises(SinkError) as raised:
        sink.send(PAYLOAD, "#sales-signals", "key")
    assert raised.value.retryable and not raised.value.uncertain and "URLError" in str(raised.value)
