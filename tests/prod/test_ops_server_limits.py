"""The daemon's /healthz and /metrics endpoint under hostile or unlucky conditions, against the real
daemon (`signalwatch run`) with real sockets on 127.0.0.1: idle and slow-loris connections cannot
exhaust it, and an instance that starts while another holds the port serves it once the port frees."""

from __future__ import annotations

import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.devtools.fixture_server import FixtureServer
from signalwatch.runtime.server import IDLE_TIMEOUT, MAX_CONNECTIONS, REQUEST_DEADLINE
from tests.conftest import SLACK_TOKEN, Workspace, make_workspace
from tests.e2e.test_run_once import standard_sources
from tests.prod.helpers import free_port, get, get_json, start_daemon, wait_for

IDLE_CLIENTS = 120  # far more than the server may have threads
THREAD_SLACK = 8  # the scheduler's pools start threads lazily as jobs run


def threads_of(pid: int) -> int:
    """The process's thread count, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    raise AssertionError("no thread count in /proc")


def closed_by_peer(sock: socket.socket) -> bool:
    """True once the server hung up on this client (EOF or reset); never blocks."""
    sock.setblocking(False)
    try:
        return sock.recv(1024) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


class SlowLoris:
    """A client that sends a request head one header line at a time, never finishing it."""

    def __init__(self, port: int, every: float = 0.5) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        self.cut_after: float | None = None
        self._every, self._started, self._stop = every, time.monotonic(), threading.Event()
        self._thread = threading.Thread(target=self._drip, daemon=True)
        self._thread.start()

    def _drip(self) -> None:
        n = 0
        while not self._stop.wait(self._every) and time.monotonic() - self._started < 60:
            n += 1
            try:
                self.sock.sendall(f"X-Drip-{n}: 1\r\n".encode())
            except OSError:
                break
            if closed_by_peer(self.sock):
                break
            self.sock.setblocking(True)
        self.cut_after = time.monotonic() - self._started

    def wait(self, timeout: float) -> float | None:
        self._thread.join(timeout)
        return self.cut_after

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """One daemon for the tests below (starting one costs seconds): each closes the connections it
    opened, and the slow-client test waits until the daemon's connection threads are gone."""
    port = free_port()
    with FakeSlack(token=SLACK_TOKEN) as slack:
        workspace = make_workspace(tmp_path_factory.mktemp("endpoint"), slack)
        workspace.write_config([], server={"enabled": True, "host": "127.0.0.1", "port": port})
        process = workspace.popen("run")
        try:
            wait_for(lambda: get(f"http://127.0.0.1:{port}/healthz")[0] == 200, what="/healthz to answer")
            yield process, port
        finally:
            process.send_signal(signal.SIGTERM)
            process.communicate(timeout=30)


def test_idle_and_slow_clients_cannot_exhaust_the_endpoint(daemon: tuple[subprocess.Popen[str], int]) -> None:
    process, port = daemon
    baseline = threads_of(process.pid)
    with ExitStack() as stack:
        idle = [stack.enter_context(socket.create_connection(("127.0.0.1", port))) for _ in range(IDLE_CLIENTS)]
        loris = SlowLoris(port)
        stack.callback(loris.close)

        # No wait needed: the server accepts connections in the order they came, so it has taken
        # every idle client and the slow one before it reads this request.
        started = time.monotonic()
        status, _, _ = get(f"http://127.0.0.1:{port}/healthz", timeout=5)
        assert status == 200 and time.monotonic() - started < 2.0
        assert threads_of(process.pid) <= baseline + MAX_CONNECTIONS + THREAD_SLACK, "one thread per idle connection"

        # Silent clients are hung up on after the idle timeout, the drip after the request deadline.
        wait_for(lambda: all(closed_by_peer(sock) for sock in idle), timeout=IDLE_TIMEOUT + 5, what="idle clients to be cut")
        cut_after = loris.wait(timeout=REQUEST_DEADLINE + 10)
        assert cut_after is not None and cut_after < REQUEST_DEADLINE + 3, cut_after
    assert get(f"http://127.0.0.1:{port}/healthz", timeout=5)[0] == 200
    wait_for(lambda: threads_of(process.pid) <= baseline + THREAD_SLACK, timeout=10, what="connection threads to end")


def test_keep_alive_scrapes_still_work(daemon: tuple[subprocess.Popen[str], int]) -> None:
    """A scraper reusing its connection gets every answer (the limits only cut silence)."""
    _, port = daemon
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        reader = sock.makefile("rb")
        for _ in range(3):
            sock.sendall(b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert reader.readline().startswith(b"HTTP/1.1 200")
            length = 0
            while (line := reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            assert b"signalwatch_up" in reader.read(length)


def test_the_instance_that_takes_over_serves_healthz_once_the_port_frees(workspace: Workspace, feeds: FixtureServer,
                                                                         tmp_path: Path) -> None:
    port = free_port()
    healthz = f"http://127.0.0.1:{port}/healthz"
    workspace.write_config(standard_sources(feeds), server={"enabled": True, "host": "127.0.0.1", "port": port},
                           cluster={"lease_ttl": "8s"}, delivery={"interval": "1s"})
    logs = tmp_path / "a.log", tmp_path / "b.log"
    a = start_daemon(workspace, logs[0])
    b: subprocess.Popen[bytes] | None = None
    try:
        wait_for(lambda: get_json(healthz)[1]["role"] == "leader", what="a to lead and serve /healthz")
        b = start_daemon(workspace, logs[1])  # same SQLite file, same port: the port is a's
        # b stands by and says it cannot listen (two log lines, in either order)
        wait_for(lambda: all(said in logs[1].read_text() for said in ("stands by", "cannot listen")),
                 what="b to stand by, unable to listen on a's port")

        a.send_signal(signal.SIGKILL)  # the leader dies holding the lease; its port frees at once
        a.wait(timeout=10)
        status, body = wait_for(lambda: get_json(healthz), timeout=10, what="b to serve /healthz")
        # b serves at once; it may still stand by or may already lead: a holder on this host whose process is gone
        # loses the lease at b's next renewal (every lease_ttl / 4), which can come before this first answer on a busy
        # machine (CI saw it once)
        assert (status, body["status"], body["role"] in ("standby", "leader")) == (200, "ok", True)
        wait_for(lambda: get_json(healthz)[1]["role"] == "leader", timeout=30, what="b to take over the lease")
        assert "now schedules polls" in logs[1].read_text()
    finally:
        for process in (a, b):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
