"""The server side of RFC 6455 websockets, just enough for a fake Slack's Socket Mode: the
opening handshake on an HTTP request handler, then text, ping/pong and close frames.

Client frames arrive masked (the client must mask them), server frames leave unmasked; a
fragmented message is joined before it is returned. Sends are serialized by a lock, so a test
thread may push an envelope while the handler thread answers a ping.
"""

from __future__ import annotations

import base64
import hashlib
import socket
import struct
import threading
from http.server import BaseHTTPRequestHandler
from io import BufferedIOBase

__all__ = ["WebSocket", "accept_key", "TEXT", "CLOSE", "PING", "PONG"]

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
CONTINUATION, TEXT, BINARY, CLOSE, PING, PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA


def accept_key(key: str) -> str:
    """The Sec-WebSocket-Accept answer to a client's Sec-WebSocket-Key."""
    return base64.b64encode(hashlib.sha1((key + _GUID).encode("ascii")).digest()).decode("ascii")


class WebSocket:
    """One accepted websocket, over the connection of `handler` (which it takes over)."""

    def __init__(self, handler: BaseHTTPRequestHandler) -> None:
        self._reader: BufferedIOBase = handler.rfile
        self._writer = handler.wfile
        self._socket: socket.socket = handler.connection
        self._lock = threading.Lock()
        self.closed = False
        self.unmasked_frames = 0  # client frames that broke the rule that they be masked

    @classmethod
    def accept(cls, handler: BaseHTTPRequestHandler) -> WebSocket | None:
        """Answer the upgrade request with 101 Switching Protocols; None (and a 400) when it is not one."""
        key = handler.headers.get("Sec-WebSocket-Key")
        if handler.headers.get("Upgrade", "").lower() != "websocket" or not key:
            handler.send_error(400, "expected a websocket upgrade")
            return None
        handler.send_response(101, "Switching Protocols")
        handler.send_header("Upgrade", "websocket")
        handler.send_header("Connection", "Upgrade")
        handler.send_header("Sec-WebSocket-Accept", accept_key(key))
        handler.end_headers()
        handler.wfile.flush()
        return cls(handler)

    def send(self, opcode: int, payload: bytes = b"") -> None:
        size = len(payload)
        if size < 126:
            head = struct.pack("!BB", 0x80 | opcode, size)
        elif size < 1 << 16:
            head = struct.pack("!BBH", 0x80 | opcode, 126, size)
        else:
            head = struct.pack("!BBQ", 0x80 | opcode, 127, size)
        with self._lock:
            if self.closed:
                raise ConnectionError("websocket closed")
            self._writer.write(head + payload)
            self._writer.flush()

    def send_text(self, text: str) -> None:
        self.send(TEXT, text.encode("utf-8"))

    def receive(self) -> tuple[int, bytes] | None:
        """The next message (opcode, payload), fragments joined; None when the connection ended."""
        opcode, parts = None, []
        while True:
            frame = self._frame()
            if frame is None:
                return None
            fin, code, data = frame
            if code in (CLOSE, PING, PONG):  # control frames may arrive between fragments
                return code, data
            opcode = code if code != CONTINUATION else opcode
            parts.append(data)
            if fin:
                return opcode or TEXT, b"".join(parts)

    def _frame(self) -> tuple[bool, int, bytes] | None:
        head = self._read(2)
        if head is None:
            return None
        first, second = head
        size = second & 0x7F
        if size == 126:
            raw = self._read(2)
            size = struct.unpack("!H", raw)[0] if raw else 0
        elif size == 127:
            raw = self._read(8)
            size = struct.unpack("!Q", raw)[0] if raw else 0
        mask = self._read(4) if second & 0x80 else b""
        if not second & 0x80:
            self.unmasked_frames += 1
        data = self._read(size) if size else b""
        if mask is None or data is None:
            return None
        if mask:
            data = bytes(byte ^ mask[index % 4] for index, byte in enumerate(data))
        return bool(first & 0x80), first & 0x0F, data

    def _read(self, count: int) -> bytes | None:
        try:
            data = self._reader.read(count)
        except (OSError, ValueError):
            return None
        return data if data and len(data) == count else None

    def close(self, code: int = 1000) -> None:
        """Send a close frame (when still open) and end the connection."""
        try:
            self.send(CLOSE, struct.pack("!H", code))
        except (OSError, ValueError, ConnectionError):
            pass
        with self._lock:
            self.closed = True
        try:
            self._socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
