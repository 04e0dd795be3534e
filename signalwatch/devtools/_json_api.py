"""A request handler for fake JSON APIs: Bearer auth, JSON bodies in and out, quiet logs."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = ["JsonRequest", "JsonReply", "json_api_handler", "write_json"]


@dataclass(frozen=True)
class JsonRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any  # the decoded JSON body ({} when empty)


@dataclass(frozen=True)
class JsonReply:
    status: int
    body: Any  # None: an empty body (e.g. 204)
    headers: dict[str, str] = field(default_factory=dict)


def write_json(handler: BaseHTTPRequestHandler, reply: JsonReply, content_type: str) -> None:
    """Send `reply` (status, extra headers, JSON body or none) as the response to `handler`'s request."""
    data = b"" if reply.body is None else json.dumps(reply.body).encode()
    handler.send_response(reply.status)
    if reply.body is not None:
        handler.send_header("Content-Type", content_type)
    for key, value in reply.headers.items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    try:
        handler.wfile.write(data)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up; a fake server has nothing to clean up


def json_api_handler(token: Callable[[], str], respond: Callable[[JsonRequest], JsonReply],
                     unauthorized: JsonReply, bad_json: JsonReply) -> type[BaseHTTPRequestHandler]:
    """A handler class answering every method through `respond`, after checking `Bearer <token()>`."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            if self.headers.get("Authorization") != f"Bearer {token()}":
                reply = unauthorized
            else:
                try:
                    body = json.loads(raw) if raw else {}
                except ValueError:
                    reply = bad_json
                else:
                    reply = respond(JsonRequest(self.command, parts.path, parse_qs(parts.query), body))
            write_json(self, reply, "application/json;charset=UTF-8")

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    return Handler
