"""Slack Socket Mode: signalwatch dials out to Slack over a websocket (slack-sdk's built-in
client, with an app-level token), so a self-hosted install needs no public URL.

Each interaction arrives in an envelope that must be acknowledged within 3 seconds, or Slack
delivers it again. The clicks are stored first and the envelope acknowledged after: a crash in
between costs a redelivery, which the ledger stores once, never a lost click. The message is
updated after the acknowledgement. The client reconnects by itself (a `disconnect` message,
a dropped connection).
"""

from __future__ import annotations

import logging
import socket

from slack_sdk import WebClient
from slack_sdk.socket_mode import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from signalwatch.feedback.handler import ActionHandler
from signalwatch.store import StoreError

__all__ = ["SocketListener"]

log = logging.getLogger(__name__)


class SocketListener:
    """Receives clicks over Socket Mode and hands them to an `ActionHandler`."""

    def __init__(self, app_token: str, web_client: WebClient, handler: ActionHandler) -> None:
        self._handler = handler
        self._stopping = False
        # The client's errors go to the "slack_sdk.socket_mode" log, except the reset it reports
        # when we close the connection ourselves.
        logger = logging.Logger("slack_sdk.socket_mode")
        logger.parent = logging.getLogger("slack_sdk.socket_mode")
        logger.addFilter(lambda record: not self._stopping)
        self._client = SocketModeClient(app_token=app_token, web_client=web_client, logger=logger)
        self._client.socket_mode_request_listeners.append(self._on_request)  # type: ignore[arg-type]

    def start(self) -> None:
        """Open the connection (apps.connections.open, then the websocket); returns at once."""
        self._client.connect()
        log.info("feedback: Slack Socket Mode %s", "connected" if self._client.is_connected() else "not connected yet, retrying")

    def connected(self) -> bool:
        return bool(self._client.is_connected())

    def stop(self) -> None:
        """Close the connection. The socket is shut down first: the client's reader holds its
        lock through a receive that would otherwise wait out its 3-second timeout."""
        self._stopping = True
        self._client.auto_reconnect_enabled = False
        sock = getattr(self._client.current_session, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._client.close()

    def _on_request(self, client: SocketModeClient, request: SocketModeRequest) -> None:
        if request.type != "interactive":
            client.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
            return
        try:
            handled = self._handler.record(request.payload)
        except StoreError as exc:  # not acknowledged: Slack delivers the click again
            log.error("feedback: a click could not be stored, Slack will send it again: %s", exc)
            return
        client.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
        self._handler.finish(handled)
