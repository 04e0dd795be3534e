"""The daemon's operator endpoint: GET /healthz (JSON, 200 or 503) and GET /metrics (Prometheus).

The endpoint must keep answering the health check whatever else connects to it, so it is bounded:
each connection has a thread, at most `MAX_CONNECTIONS` of them; a client that says nothing for
`IDLE_TIMEOUT` seconds, or takes longer than `REQUEST_DEADLINE` to send a request head (a
slow-loris drip), is hung up on; and when all slots are taken, the connection that has waited
longest for its request gives way to the new one. A port still held by another process (the
previous leader on the same host) is retried in the background until it frees.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

from signalwatch.runtime.metrics import CONTENT_TYPE

__all__ = ["OpsServer", "MAX_CONNECTIONS", "IDLE_TIMEOUT", "REQUEST_DEADLINE", "BIND_RETRY_SECONDS"]

log = logging.getLogger(__name__)
HealthProbe = Callable[[], tuple[bool, dict[str, Any]]]

MAX_CONNECTIONS = 16  # threads serving connections; scrapers and health checks need a handful
IDLE_TIMEOUT = 5.0  # seconds a client may stay silent on a read or a write
REQUEST_DEADLINE = 10.0  # seconds from waiting for a request to having its whole head
BIND_RETRY_SECONDS = 1.0  # one bind() a second while the port is taken costs nothing
_BUSY_REPLY = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"


def _hang_up(sock: socket.socket) -> None:
    """End a connection another thread is blocked on: shutdown wakes its read at once. The fd is
    closed by the owning thread only, so it cannot be reused under that thread's feet."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already gone


class _Connections:
    """The open connections, each either waiting for a request (since when) or handling one.

    Only waiting connections are hung up (oldest first, or past the deadline): a request being
    answered is never cut, and answering takes milliseconds."""

    def __init__(self, limit: int, deadline: float) -> None:
        self._limit = limit
        self._deadline = deadline
        self._lock = threading.Lock()
        self._waiting: dict[socket.socket, float] = {}
        self._handling: set[socket.socket] = set()

    def admit(self, sock: socket.socket) -> bool:
        """Take a new connection, making room by hanging up the longest waiting one; False when
        every slot is answering a request."""
        with self._lock:
            if len(self._waiting) + len(self._handling) >= self._limit:
                if not self._waiting:
                    return False
                oldest = min(self._waiting, key=self._waiting.__getitem__)
                del self._waiting[oldest]
                _hang_up(oldest)
            self._waiting[sock] = time.monotonic()
            return True

    def waiting(self, sock: socket.socket) -> None:
        """The connection waits for its next request head (keep-alive); the deadline restarts."""
        with self._lock:
            if sock in self._handling:
                self._handling.discard(sock)
                self._waiting[sock] = time.monotonic()

    def handling(self, sock: socket.socket) -> None:
        """A whole request head arrived: the connection is answered and may not be evicted."""
        with self._lock:
            if self._waiting.pop(sock, None) is not None:
                self._handling.add(sock)

    def closed(self, sock: socket.socket) -> None:
        with self._lock:
            self._waiting.pop(sock, None)
            self._handling.discard(sock)

    def expire(self) -> None:
        """Hang up connections that have not sent a whole request head within the deadline."""
        cutoff = time.monotonic() - self._deadline
        with self._lock:
            late = [sock for sock, since in self._waiting.items() if since < cutoff]
            for sock in late:
                del self._waiting[sock]
        for sock in late:
            _hang_up(sock)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64  # a burst of connects waits for accept() instead of being refused

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        self.connections = _Connections(MAX_CONNECTIONS, REQUEST_DEADLINE)
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """A thread for the connection if a slot is free or can be freed; else an immediate 503."""
        if self.connections.admit(request):
            super().process_request(request, client_address)
            return
        try:
            request.settimeout(1.0)
            request.sendall(_BUSY_REPLY)
        except OSError:
            pass
        self.shutdown_request(request)

    def shutdown_request(self, request: Any) -> None:
        self.connections.closed(request)
        super().shutdown_request(request)

    def service_actions(self) -> None:
        """Called by serve_forever between polls (every 0.5 s): enforce the request deadline."""
        self.connections.expire()

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("ops server: connection from %s failed", client_address, exc_info=True)


class OpsServer:
    """Serves `health()` and `metrics()` in a background thread until `stop()`."""

    def __init__(self, host: str, port: int, health: HealthProbe, metrics: Callable[[], str],
                 retry_every: float = BIND_RETRY_SECONDS) -> None:
        self._host, self._port = host, port
        self._handler = _handler(health, metrics)
        self._retry_every = retry_every
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._server: _Server | None = None

    @property
    def address(self) -> tuple[str, int] | None:
        """Where it listens; None while the port is still taken."""
        with self._lock:
            if self._server is None:
                return None
            host, port = self._server.server_address[:2]
            return str(host), int(port)

    def start(self) -> OpsServer:
        """Listen now, or, if the port is taken (another instance still holds it), keep trying in
        the background: the instance that takes over the lease must become reachable too."""
        try:
            self._serve(_Server((self._host, self._port), self._handler))
        except OSError as exc:
            log.error("ops server: cannot listen on %s:%d: %s; retrying every %gs", self._host, self._port, exc, self._retry_every)
            threading.Thread(target=self._retry_bind, name="ops-server-bind", daemon=True).start()
        return self

    def _retry_bind(self) -> None:
        while not self._stopped.wait(self._retry_every):
            try:
                server = _Server((self._host, self._port), self._handler)
            except OSError:
                continue
            self._serve(server)
            return

    def _serve(self, server: _Server) -> None:
        with self._lock:
            if self._stopped.is_set():  # stop() came first: do not start serving after it
                server.server_close()
                return
            self._server = server
            threading.Thread(target=server.serve_forever, name="ops-server", daemon=True).start()
        log.info("ops server: http://%s:%d/healthz and /metrics", *server.server_address[:2])

    def stop(self) -> None:
        with self._lock:
            self._stopped.set()
            server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()


def _handler(health: HealthProbe, metrics: Callable[[], str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = IDLE_TIMEOUT  # applied to the socket by StreamRequestHandler.setup()

        def log_message(self, *args: Any) -> None:  # scrapes every 15 s would drown the log
            pass

        @property
        def _connections(self) -> _Connections:
            return cast(_Server, self.server).connections

        def handle_one_request(self) -> None:
            """Each request on a keep-alive connection gets the whole deadline for its head."""
            self._connections.waiting(self.connection)
            super().handle_one_request()

        def parse_request(self) -> bool:
            parsed = super().parse_request()
            if parsed:
                self._connections.handling(self.connection)
            return parsed

        def do_GET(self) -> None:  # noqa: N802 - http.server naming
            path = self.path.split("?")[0]
            try:
                if path == "/healthz":
                    ok, body = health()
                    self._reply(200 if ok else 503, "application/json", json.dumps(body, indent=1).encode())
                elif path == "/metrics":
                    self._reply(200, CONTENT_TYPE, metrics().encode())
                else:
                    self._reply(404, "text/plain; charset=utf-8", b"not found: try /healthz or /metrics\n")
            except Exception as exc:  # a probe bug must answer 500, not kill the server thread
                log.exception("ops server: %s failed", path)
                self._reply(500, "text/plain; charset=utf-8", f"{type(exc).__name__}\n".encode())

        def _reply(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                pass

    return Handler
