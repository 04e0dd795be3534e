"""A threaded HTTP server on 127.0.0.1 with a free port, started and stopped as a context manager."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["LoopbackServer"]


class _QuietServer(ThreadingHTTPServer):
    """Clients that hang up early (timeouts under test) are expected, not errors to print."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class LoopbackServer:
    """Base for the fake remote services: subclasses provide `_handler()`."""

    def __init__(self) -> None:
        handler = self._handler()
        # As production servers do (nginx's tcp_nodelay): a reply's body, written after its headers,
        # must not wait for the client to acknowledge them (40 ms a reply on a kept-alive connection).
        handler.disable_nagle_algorithm = True
        self._server = _QuietServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        raise NotImplementedError

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> Any:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
