"""A fake Slack Web API on 127.0.0.1 for the demo and tests.

It speaks the real wire format that slack-sdk's WebClient uses (POST /api/<method>,
Bearer token, JSON or form bodies, `{"ok": ...}` answers, HTTP 429 with Retry-After) and
implements the methods signalwatch calls: auth.test, chat.postMessage,
conversations.history (with message metadata), conversations.list, conversations.open,
users.lookupByEmail.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from signalwatch.devtools._json_api import JsonReply, write_json
from signalwatch.devtools._server import LoopbackServer

__all__ = ["FakeSlack", "Failure"]


@dataclass
class Failure:
    """A scripted failure for chat.postMessage: an HTTP status, headers and Slack error."""

    status: int = 429
    error: str = "ratelimited"
    headers: dict[str, str] = field(default_factory=lambda: {"Retry-After": "1"})


class FakeSlack(LoopbackServer):
    def __init__(self, token: str = "xoxb-test-token", channels: dict[str, str] | None = None,
                 users: dict[str, str] | None = None, log_path: Path | None = None) -> None:
        self.token = token
        self.channels = channels or {"sales-signals": "C0SALES001", "signals-test": "C0TEST0001"}
        self.users = users or {}
        self.messages: list[dict[str, Any]] = []
        self.calls: list[tuple[str, float]] = []
        self.failures: list[Failure] = []
        self.post_delay = 0.0  # seconds to hold a chat.postMessage answer after recording it
        self.log_path = log_path
        self._lock = threading.Lock()
        self._last_ts = 0.0
        super().__init__()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    # -- methods ----------------------------------------------------------------------

    def _channel_id(self, channel: str) -> str | None:
        if channel.startswith(("C", "D", "G")) and channel.isupper():
            return channel if channel in self.channels.values() or channel.startswith("D") else None
        if channel.startswith(("U", "W")) and channel.isupper():
            return "D" + channel[1:]
        return self.channels.get(channel.lstrip("#"))

    def call(self, method: str, args: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        with self._lock:
            self.calls.append((method, time.time()))
            if method == "chat.postMessage" and self.failures:
                failure = self.failures.pop(0)
                return failure.status, failure.headers, {"ok": False, "error": failure.error}
        handler = getattr(self, "_m_" + method.replace(".", "_"), None)
        if handler is None:
            return 200, {}, {"ok": False, "error": "unknown_method"}
        return 200, {}, handler(args)

    def _m_auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "signalwatch", "team_id": "T0FAKE",
                "user_id": "U0BOT0001", "bot_id": "B0BOT0001"}

    def _m_chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        channel_id = self._channel_id(str(args.get("channel", "")))
        if channel_id is None:
            return {"ok": False, "error": "channel_not_found"}
        if not args.get("text") and not args.get("blocks"):
            return {"ok": False, "error": "no_text"}
        blocks = args.get("blocks")
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        metadata = args.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        with self._lock:
            self._last_ts = max(time.time(), self._last_ts + 0.000001)
            ts = f"{self._last_ts:.6f}"
            message = {"channel": channel_id, "channel_arg": args.get("channel"), "ts": ts, "text": args.get("text", ""),
                       "blocks": blocks or [], "metadata": metadata, "received_at": time.time()}
            self.messages.append(message)
            if self.log_path:
                with open(self.log_path, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(message) + "\n")
        if self.post_delay:
            time.sleep(self.post_delay)
        return {"ok": True, "channel": channel_id, "ts": ts, "message": {"type": "message", "text": message["text"], "ts": ts}}

    def _m_conversations_history(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        oldest = float(args.get("oldest") or 0)
        include_meta = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        with self._lock:
            found = [m for m in self.messages if m["channel"] == channel and float(m["ts"]) >= oldest]
        out = []
        for m in reversed(found):
            item = {"type": "message", "ts": m["ts"], "text": m["text"]}
            if include_meta and m.get("metadata"):
                item["metadata"] = m["metadata"]
            out.append(item)
        return {"ok": True, "messages": out, "has_more": False}

    def _m_conversations_list(self, args: dict[str, Any]) -> dict[str, Any]:
        channels = [{"id": cid, "name": name, "is_channel": True} for name, cid in self.channels.items()]
        return {"ok": True, "channels": channels, "response_metadata": {"next_cursor": ""}}

    def _m_conversations_open(self, args: dict[str, Any]) -> dict[str, Any]:
        user = str(args.get("users", ""))
        return {"ok": True, "channel": {"id": "D" + user[1:]}}

    def _m_users_lookupByEmail(self, args: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(str(args.get("email", "")).lower())
        return {"ok": True, "user": {"id": user}} if user else {"ok": False, "error": "users_not_found"}

    # -- HTTP -------------------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8") if length else ""
                query = self.path.split("?", 1)[1] if "?" in self.path else ""
                args: dict[str, Any] = dict(parse_qsl(query))
                if "json" in (self.headers.get("Content-Type") or ""):
                    args.update(json.loads(raw or "{}"))
                else:
                    args.update(dict(parse_qsl(raw)))
                method = self.path.split("?")[0].rsplit("/", 1)[-1]
                auth = self.headers.get("Authorization", "")
                if auth != f"Bearer {fake.token}":
                    status, headers, body = 200, dict[str, str](), {"ok": False, "error": "invalid_auth"}
                else:
                    status, headers, body = fake.call(method, args)
                write_json(self, JsonReply(status, body, headers), "application/json; charset=utf-8")

            do_GET = do_POST

        return Handler
