"""Delivery in its own process: woken by each poll that queued alerts, never missing a wake-up that
arrives mid-run, replaced when it dies, and still sending each alert once."""

from __future__ import annotations

import collections
import os
import re
import signal
import socket
import threading
import time

from signalwatch.devtools.fixture_server import FixtureServer, Reply
from signalwatch.runtime.deliverer import run_when_woken
from tests.conftest import Workspace, feed_bytes
from tests.e2e.test_crash_and_daemon import alert_keys, wait_for
from tests.e2e.test_run_once import EXPECTED, received, standard_sources

HOUR = "3600s"  # a delivery interval no test waits for: only wake-ups can deliver in time


def test_a_wake_up_during_a_run_causes_another_run() -> None:
    # apscheduler dropped a "run now" that came while the delivery job ran ("skipped: maximum
    # number of running instances"), so an alert queued then waited for the next interval.
    ours, theirs = socket.socketpair()
    signals, _ = socket.socketpair()
    stop = threading.Event()
    in_first_run, woken = threading.Event(), threading.Event()
    runs: list[float] = []

    def run() -> float:
        runs.append(time.monotonic())
        if len(runs) == 1:
            in_first_run.set()
            assert woken.wait(10)  # a poll queues an alert and wakes the worker while it sends
        else:
            stop.set()
            return 0.0
        return 3600.0  # the next run, without a wake-up, an hour later

    loop = threading.Thread(target=run_when_woken, args=(theirs, signals, run, stop))
    loop.start()
    assert in_first_run.wait(10)
    ours.send(b"!")
    woken.set()
    loop.join(10)
    assert not loop.is_alive() and len(runs) == 2 and runs[1] - runs[0] < 5


def test_the_worker_stops_when_the_daemon_goes_away() -> None:
    ours, theirs = socket.socketpair()
    signals, _ = socket.socketpair()
    ran = threading.Event()
    loop = threading.Thread(target=run_when_woken, args=(theirs, signals, lambda: ran.set() or 3600.0, threading.Event()))
    loop.start()
    assert ran.wait(10)  # now waiting for a wake-up, for up to an hour
    ours.close()  # the daemon stops, or dies: end-of-file
    loop.join(10)
    assert not loop.is_alive()


def test_each_poll_that_queues_alerts_wakes_delivery_at_once(workspace: Workspace, feeds: FixtureServer) -> None:
    sources = standard_sources(feeds)
    feeds.route("people.xml", Reply(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'),
                Reply(feed_bytes("people-atom.xml")))  # the people news appear at the second poll
    for source in sources:
        source["interval"] = "2s"
        source["jitter"] = "0s"
    workspace.write_config(sources, delivery={"interval": HOUR, "backoff_base": "1s"}, server={"enabled": False},
                           source_health={"enabled": False})
    process = workspace.popen("run")
    try:
        wait_for(lambda: len(workspace.slack.messages) == len(EXPECTED), timeout=60)
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert sorted(received(workspace.slack)) == sorted(EXPECTED) and max(alert_keys(workspace).values()) == 1
    worker = re.search(r"delivery: worker ready \(process (\d+)\)", err)
    assert worker is not None and int(worker.group(1)) != process.pid  # delivery ran beside the pollers, not among them


def test_a_killed_worker_is_replaced_and_nothing_is_sent_twice(workspace: Workspace, feeds: FixtureServer) -> None:
    sources = standard_sources(feeds)
    feeds.route("people.xml", *([Reply(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>')] * 6),
                Reply(feed_bytes("people-atom.xml")))  # the people news come once the first worker is gone
    for source in sources:
        source["interval"] = "1s"
        source["jitter"] = "0s"
    workspace.write_config(sources, delivery={"interval": HOUR, "backoff_base": "1s"}, server={"enabled": False},
                           source_health={"enabled": False})
    process = workspace.popen("run")
    assert process.stderr is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stderr.readline, "")), daemon=True)  # type: ignore[union-attr]
    reader.start()
    try:
        wait_for(lambda: any("worker ready" in line for line in lines), timeout=60)
        first = int(re.search(r"process (\d+)", next(line for line in lines if "worker ready" in line)).group(1))  # type: ignore[union-attr]
        wait_for(lambda: len(workspace.slack.messages) == 2, timeout=60)  # the funding alerts
        os.kill(first, signal.SIGKILL)  # the delivery process dies (out of memory, a bug)
        wait_for(lambda: sum("worker ready" in line for line in lines) == 2, timeout=60)
        wait_for(lambda: len(workspace.slack.messages) == len(EXPECTED), timeout=60)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        reader.join(10)
    assert process.returncode == 0
    assert any("delivery: worker exited" in line for line in lines)
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)
    assert collections.Counter(alert_keys(workspace)).most_common(1)[0][1] == 1
