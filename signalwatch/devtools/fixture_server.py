"""An HTTP server on 127.0.0.1 serving recorded payloads, with ETags and scripted failures."""

from __future__ import annotations

import email.utils
import hashlib
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler
from typing import Any

from signalwatch.devtools._server import LoopbackServer

__all__ = ["Exchange", "FixtureServer", "Reply", "relative_dates", "strong_etag"]

_DATE_TOKEN = re.compile(rb"@@(RFC822|ISO):-(\d+)([hd])@@")


def relative_dates(body: bytes, now: datetime) -> bytes:
    """Replace @@RFC822:-2d@@ / @@ISO:-5h@@ tokens with dates that far before `now`,
    so recorded feeds stay fresh whenever the demo or a test runs."""

    def render(match: re.Match[bytes]) -> bytes:
        amount = int(match.group(2))
        when = now - (timedelta(days=amount) if match.group(3) == b"d" else timedelta(hours=amount))
        if match.group(1) == b"RFC822":
            return email.utils.format_datetime(when.replace(microsecond=0), usegmt=True).encode()
        return when.replace(microsecond=0).isoformat().replace("+00:00", "Z").encode()

    return _DATE_TOKEN.sub(render, body)


@dataclass
class Reply:
    """One scripted answer. `delay` sleeps before the headers; `drip` sleeps between body chunks."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0
    conditional: bool = True


def strong_etag(body: bytes) -> str:
    """The ETag a `FixtureServer` gives a body unless told otherwise: a strong digest of its bytes."""
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Exchange:
    """One request as the server saw it (header names in lower case) and the status it was answered with."""

    path: str
    headers: dict[str, str]
    status: int


class FixtureServer(LoopbackServer):
    """Serve `path -> [Reply, ...]`: replies are used in order, the last one repeats.

    A conditional reply carries the ETag `etag` makes of its body (a fake of a Rails API passes one that makes weak
    `W/"…"` tags); a request whose If-None-Match names it, alone or in a list, is answered 304. `requests` logs every
    request as it arrives, `exchanges` every answer with its status.
    """

    def __init__(self, render: Callable[[bytes], bytes] | None = None, etag: Callable[[bytes], str] = strong_etag) -> None:
        self._routes: dict[str, list[Reply]] = {}
        self._render = render
        self._etag = etag
        self._lock = threading.Lock()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.exchanges: list[Exchange] = []
        super().__init__()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def route(self, path: str, *replies: Reply) -> None:
        with self._lock:
            self._routes["/" + path.lstrip("/")] = list(replies)

    def _next_reply(self, path: str) -> Reply | None:
        with self._lock:
            replies = self._routes.get(path)
            if not replies:
                return None
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                path = self.path.split("?")[0]
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    server.requests.append((self.path, headers))
                reply = server._next_reply(path)
                if reply is None:
                    reply = Reply(b"<html><body>Not Found</body></html>", 404, "text/html")
                if reply.delay:
                    time.sleep(reply.delay)
                body = server._render(reply.body) if server._render else reply.body
                etag = server._etag(body)
                sent = {tag.strip() for tag in headers.get("if-none-match", "").split(",")}
                fresh = reply.conditional and reply.status == 200 and etag in sent
                with server._lock:
                    server.exchanges.append(Exchange(self.path, headers, 304 if fresh else reply.status))
                if fresh:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                if reply.conditional and reply.status == 200:
                    self.send_header("ETag", etag)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    if reply.drip:
                        for i in range(0, len(body), 64):
                            self.wfile.write(body[i : i + 64])
                            self.wfile.flush()
                            time.sleep(reply.drip)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


