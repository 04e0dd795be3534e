"""A fake Slack Web API on 127.0.0.1 for the demo and tests.

It speaks the real wire format that slack-sdk's WebClient uses (POST /api/<method>,
Bearer token, JSON or form bodies, `{"ok": ...}` answers, HTTP 429 with Retry-After) and
implements the methods signalwatch calls: auth.test, chat.postMessage,
conversations.history (with message metadata), conversations.info, conversations.list,
conversations.open, users.info, users.lookupByEmail.

As Slack does, every answer to a valid token carries the token's scopes in the
`x-oauth-scopes` header, and a method the token lacks the scope for answers
`{"ok": false, "error": "missing_scope", "needed": …, "provided": …}`. The bot is a member
of every channel unless named in `not_member`: posting to such a public channel answers
`not_in_channel`; a private one (`private`) is invisible to a non-member (absent from
conversations.list, `channel_not_found` everywhere). A wrong token answers `invalid_auth`
(HTTP 200). The shapes follow Slack's documented examples (tests/fixtures/slack/README.md).
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
from signalwatch.preflight.slack import MANIFEST_SCOPES

__all__ = ["FakeSlack", "Failure"]


@dataclass
class Failure:
    """A scripted failure for chat.postMessage: an HTTP status, headers and Slack error."""

    status: int = 429
    error: str = "ratelimited"
    headers: dict[str, str] = field(default_factory=lambda: {"Retry-After": "1"})


# The scopes each method needs, per kind of conversation where that matters (Slack's method
# reference, "Scopes" / "Bot token").
_SCOPES: dict[str, str | dict[str, str]] = {
    "chat.postMessage": "chat:write",
    "conversations.open": "im:write",
    "users.lookupByEmail": "users:read.email",
    "users.info": "users:read",
    "conversations.info": {"public": "channels:read", "private": "groups:read", "im": "im:read"},
    "conversations.history": {"public": "channels:history", "private": "groups:history", "im": "im:history"},
    "conversations.list": {"public_channel": "channels:read", "private_channel": "groups:read"},
}


class FakeSlack(LoopbackServer):
    def __init__(self, token: str = "xoxb-test-token", channels: dict[str, str] | None = None,
                 users: dict[str, str] | None = None, log_path: Path | None = None) -> None:
        self.token = token
        self.channels = channels or {"sales-signals": "C0SALES001", "signals-test": "C0TEST0001"}
        self.users = users or {}
        self.scopes: list[str] = list(MANIFEST_SCOPES)  # what the installed app was granted
        self.not_member: set[str] = set()  # channel names the bot was never invited to
        self.private: set[str] = set()  # private channel names
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
            if channel.startswith("D"):
                return channel
            name = self._name_of(channel)
            return channel if name is not None and self._visible(name) else None
        if channel.startswith(("U", "W")) and channel.isupper():
            return "D" + channel[1:]
        name = channel.lstrip("#")
        return self.channels[name] if name in self.channels and self._visible(name) else None

    def _name_of(self, channel_id: str) -> str | None:
        return next((name for name, cid in self.channels.items() if cid == channel_id), None)

    def _visible(self, name: str) -> bool:
        """A private channel exists for the bot only once it is a member."""
        return name not in self.private or name not in self.not_member

    def _kind(self, channel_id: str) -> str:
        return "im" if channel_id.startswith("D") else "private" if self._name_of(channel_id) in self.private else "public"

    def _needed(self, method: str, args: dict[str, Any]) -> str | None:
        """The scope `method` needs for these arguments and the token lacks, if any."""
        need = _SCOPES.get(method)
        if isinstance(need, dict) and method == "conversations.list":
            types = str(args.get("types") or "public_channel").split(",")
            wanted = [need[t] for t in types if t in need]
        elif isinstance(need, dict):
            channel_id = self._channel_id(str(args.get("channel", "")))
            wanted = [need[self._kind(channel_id)]] if channel_id else []
        else:
            wanted = [need] if need else []
        return next((scope for scope in wanted if scope not in self.scopes), None)

    def call(self, method: str, args: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        with self._lock:
            self.calls.append((method, time.time()))
            if method == "chat.postMessage" and self.failures:
                failure = self.failures.pop(0)
                return failure.status, failure.headers, {"ok": False, "error": failure.error}
        headers = {"x-oauth-scopes": ",".join(self.scopes)}
        handler = getattr(self, "_m_" + method.replace(".", "_"), None)
        if handler is None:
            return 200, headers, {"ok": False, "error": "unknown_method"}
        needed = self._needed(method, args)
        if needed is not None:
            return 200, headers, {"ok": False, "error": "missing_scope", "needed": needed, "provided": ",".join(self.scopes)}
        return 200, headers, handler(args)

    def _m_auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "signalwatch", "team_id": "T0FAKE",
                "user_id": "U0BOT0001", "bot_id": "B0BOT0001"}

    def _m_chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        channel_id = self._channel_id(str(args.get("channel", "")))
        if channel_id is None:
            return {"ok": False, "error": "channel_not_found"}
        if self._name_of(channel_id) in self.not_member:
            return {"ok": False, "error": "not_in_channel"}
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
        if self._channel_id(channel) is None:
            return {"ok": False, "error": "channel_not_found"}
        if self._name_of(channel) in self.not_member:
            return {"ok": False, "error": "not_in_channel"}
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

    def _conversation(self, name: str, channel_id: str) -> dict[str, Any]:
        """A conversation object as conversations.info and conversations.list return it (a private
        channel created since 2021 is `is_channel` too, told apart by `is_private`)."""
        private = name in self.private
        return {"id": channel_id, "name": name, "is_channel": True, "is_group": False, "is_im": False, "is_mpim": False,
                "is_private": private, "created": 1654868334, "is_archived": False, "is_general": False, "unlinked": 0,
                "name_normalized": name, "is_shared": False, "is_frozen": False, "is_org_shared": False, "is_pending_ext_shared": False,
                "pending_shared": [], "context_team_id": "T0FAKE", "updated": 1689965803820, "parent_conversation": None,
                "creator": "U0ADMIN01", "is_ext_shared": False, "shared_team_ids": ["T0FAKE"], "pending_connected_team_ids": [],
                "is_member": name not in self.not_member,
                "topic": {"value": "", "creator": "", "last_set": 0}, "purpose": {"value": "", "creator": "", "last_set": 0},
                "properties": {"tabs": [{"id": "files", "label": "", "type": "files"}]}, "previous_names": []}

    def _m_conversations_list(self, args: dict[str, Any]) -> dict[str, Any]:
        types = str(args.get("types") or "public_channel").split(",")
        channels = [self._conversation(name, cid) for name, cid in self.channels.items() if self._visible(name)
                    and ("private_channel" if name in self.private else "public_channel") in types]
        return {"ok": True, "channels": channels, "response_metadata": {"next_cursor": ""}}

    def _m_conversations_info(self, args: dict[str, Any]) -> dict[str, Any]:
        channel_id = self._channel_id(str(args.get("channel", "")))
        name = self._name_of(channel_id) if channel_id else None
        if channel_id is None or name is None:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": self._conversation(name, channel_id)}

    def _m_users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user = str(args.get("user", ""))
        if user not in self.users.values():
            return {"ok": False, "error": "user_not_found"}
        email = next(e for e, u in self.users.items() if u == user)
        return {"ok": True, "user": {"id": user, "team_id": "T0FAKE", "name": email.split("@")[0], "deleted": False,
                                     "is_bot": False, "profile": {"email": email}}}

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
