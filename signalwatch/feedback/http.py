"""The HTTP request-URL alternative to Socket Mode: Slack POSTs each click to a URL that a TLS
proxy forwards here.

Every request must carry Slack's signature of its body (`X-Slack-Signature`, an HMAC-SHA256
with the app's signing secret, over `v0:<timestamp>:<body>`) and a timestamp at most five
minutes old; unsigned, mis-signed and stale (replayed) requests are refused with 401 before
the body is parsed. The clicks are stored before the 200 that acknowledges them, the message
is updated after it.
"""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from slack_sdk.signature import SignatureVerifier

from signalwatch.feedback.handler import ActionHandler, Handled
from signalwatch.store import StoreError

__all__ = ["HttpListener", "MAX_BODY"]

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000  # bytes: a click carries its whole message, well under this


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:  # a client hanging up is not our error
        log.debug("feedback: request from %s ended with an error", client_address)


class HttpListener:
    """Serves Slack's interactivity request URL on `host:port` at `path`."""

    def __init__(self, host: str, port: int, path: str, signing_secret: str, handler: ActionHandler) -> None:
        self._path = path
        self._verifier = SignatureVerifier(signing_secret)
        self._handler = handler
        self._server = _Server((host, port), self._request_handler())
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="slack-actions-http", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> None:
        self._thread.start()
        log.info("feedback: Slack interactivity requests served on %s:%d%s", self._server.server_address[0], self.port, self._path)

    def stop(self) -> None:
        if self._thread.is_alive():  # shutdown() waits for a serve loop, which must have started
            self._server.shutdown()
        self._server.server_close()

    def verified(self, body: bytes, headers: Any) -> bool:
        try:
            return self._verifier.is_valid(body, headers.get("X-Slack-Request-Timestamp"), headers.get("X-Slack-Signature"))
        except (ValueError, TypeError):  # a timestamp that is not a number
            return False

    def _request_handler(self) -> type[BaseHTTPRequestHandler]:
        listener = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self, status: int, text: str = "") -> None:
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                self.wfile.flush()

            def do_GET(self) -> None:  # noqa: N802
                self._answer(405, "POST only")

            def do_POST(self) -> None:  # noqa: N802
                if self.path.split("?", 1)[0] != listener._path:
                    self._answer(404, "not found")
                    return
                length = int(self.headers.get("Content-Length") or 0)
                if length <= 0 or length > MAX_BODY:
                    self._answer(413 if length > MAX_BODY else 400, "bad request")
                    self.close_connection = True
                    return
                body = self.rfile.read(length)
                if not listener.verified(body, self.headers):
                    log.warning("feedback: refused a request to %s without a valid, current Slack signature", listener._path)
                    self._answer(401, "invalid signature")
                    return
                handled = self._record(body)
                if handled is None:
                    return
                self._answer(200)
                listener._handler.finish(handled)

            def _record(self, body: bytes) -> Handled | None:
                try:
                    raw = parse_qs(body.decode("utf-8")).get("payload", [""])[0]
                    payload = json.loads(raw)
                except (UnicodeDecodeError, ValueError):
                    self._answer(400, "no interaction payload")
                    return None
                if not isinstance(payload, dict):
                    self._answer(400, "no interaction payload")
                    return None
                try:
                    return listener._handler.record(payload)
                except StoreError as exc:  # not acknowledged: Slack retries
                    log.error("feedback: a click could not be stored: %s", exc)
                    self._answer(503, "try again")
                    return None

        return Handler
