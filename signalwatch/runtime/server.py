"""The daemon's operator endpoint: GET /healthz (JSON, 200 or 503) and GET /metrics (Prometheus)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from signalwatch.runtime.metrics import CONTENT_TYPE

__all__ = ["OpsServer"]

log = logging.getLogger(__name__)
HealthProbe = Callable[[], tuple[bool, dict[str, Any]]]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class OpsServer:
    """Serves `health()` and `metrics()` in a background thread until `stop()`."""

    def __init__(self, host: str, port: int, health: HealthProbe, metrics: Callable[[], str]) -> None:
        self._server = _Server((host, port), _handler(health, metrics))
        self._thread = threading.Thread(target=self._server.serve_forever, name="ops-server", daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def start(self) -> OpsServer:
        self._thread.start()
        log.info("ops server: http://%s:%d/healthz and /metrics", *self.address)
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(health: HealthProbe, metrics: Callable[[], str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # scrapes every 15 s would drown the log
            pass

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
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler
