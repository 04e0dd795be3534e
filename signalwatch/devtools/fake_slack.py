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

Interactivity, as Slack delivers a button click: `chat.update` rewrites a posted message;
`apps.connections.open` (with the app-level token, `app_token`) answers a ws:// URL of this
server, where Slack's Socket Mode protocol is spoken (hello, then `interactive` envelopes with
an `envelope_id` each, acknowledged by the client sending that id back; pings answered).
`block_actions(...)` builds the interaction payload of a click on a posted message in the shape
Slack sends (tests/fixtures/slack/block-actions-button.json); `deliver` sends it over Socket
Mode, `post_interaction` to a request URL, signed with `signing_secret` as Slack signs.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from signalwatch.devtools._json_api import JsonReply, write_json
from signalwatch.devtools._server import LoopbackServer
from signalwatch.devtools._websocket import CLOSE, PING, PONG, TEXT, WebSocket
from signalwatch.preflight.slack import MANIFEST_SCOPES

__all__ = ["FakeSlack", "Failure"]


@dataclass
class Failure:
    """A scripted failure for chat.postMessage: an HTTP status, headers and Slack error, answered after `delay` seconds."""

    status: int = 429
    error: str = "ratelimited"
    headers: dict[str, str] = field(default_factory=lambda: {"Retry-After": "1"})
    delay: float = 0.0


# The scopes each method needs, per kind of conversation where that matters (Slack's method
# reference, "Scopes" / "Bot token").
_SCOPES: dict[str, str | dict[str, str]] = {
    "chat.postMessage": "chat:write",
    "chat.update": "chat:write",
    "conversations.open": "im:write",
    "users.lookupByEmail": "users:read.email",
    "users.info": "users:read",
    "conversations.info": {"public": "channels:read", "private": "groups:read", "im": "im:read"},
    "conversations.history": {"public": "channels:history", "private": "groups:history", "im": "im:history"},
    "conversations.list": {"public_channel": "channels:read", "private_channel": "groups:read"},
}


class FakeSlack(LoopbackServer):
    def __init__(self, token: str = "xoxb-test-token", channels: dict[str, str] | None = None,
                 users: dict[str, str] | None = None, log_path: Path | None = None, app_token: str = "xapp-1-A0FAKEAPP1-test",
                 signing_secret: str = "8f742231b10e8888abcd99yyyzzz85a5") -> None:
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
        self.history_page_limit: int | None = None  # at most this many messages a conversations.history page
        self.log_path = log_path
        self._lock = threading.Lock()
        self._last_ts = 0.0
        # Interactivity: the app-level token, the signing secret, open Socket Mode connections,
        # envelopes sent and acknowledged, and every chat.update.
        self.app_token = app_token
        self.signing_secret = signing_secret
        self.sockets: list[WebSocket] = []
        self.connections_opened = 0
        self.envelopes: list[dict[str, Any]] = []
        self.acks: dict[str, dict[str, Any]] = {}
        self.updates: list[dict[str, Any]] = []
        self._changed = threading.Condition(self._lock)
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
            failure = self.failures.pop(0) if method == "chat.postMessage" and self.failures else None
        if failure is not None:
            time.sleep(failure.delay)  # a slow answer: Retry-After counts from when it arrives
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

    def _m_chat_update(self, args: dict[str, Any]) -> dict[str, Any]:
        channel_id = self._channel_id(str(args.get("channel", "")))
        blocks = args.get("blocks")
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        with self._lock:
            message = next((m for m in self.messages if m["channel"] == channel_id and m["ts"] == str(args.get("ts"))), None)
            if message is None:
                return {"ok": False, "error": "message_not_found"}
            if not args.get("text") and not blocks:
                return {"ok": False, "error": "no_text"}
            message["text"], message["blocks"] = args.get("text", ""), blocks or []
            self.updates.append({"channel": channel_id, "ts": message["ts"], "text": message["text"], "blocks": message["blocks"],
                                 "received_at": time.time()})
            self._changed.notify_all()
        return {"ok": True, "channel": channel_id, "ts": message["ts"], "text": message["text"],
                "message": {"type": "message", "text": message["text"], "ts": message["ts"]}}

    def _m_apps_connections_open(self, args: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self.connections_opened += 1
        ticket = uuid.uuid4().hex
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/link/?ticket={ticket}&app_id=A0FAKEAPP1"}

    def _m_conversations_history(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        if self._channel_id(channel) is None:
            return {"ok": False, "error": "channel_not_found"}
        if self._name_of(channel) in self.not_member:
            return {"ok": False, "error": "not_in_channel"}
        oldest = float(args.get("oldest") or 0)
        latest = float(args.get("latest") or "inf")
        include_meta = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        with self._lock:
            found = [m for m in self.messages if m["channel"] == channel and oldest <= float(m["ts"]) <= latest]
        # As Slack pages it: newest first, `limit` (default 100, at most 999) a page, or fewer
        # (`history_page_limit`: Slack may return fewer than asked before the end), and an opaque
        # cursor to the rest while `has_more`.
        start = int(base64.b64decode(str(args["cursor"])).decode().removeprefix("offset:")) if args.get("cursor") else 0
        size = min(int(args.get("limit") or 100), 999, self.history_page_limit or 999)
        newest_first = list(reversed(found))
        out = []
        for m in newest_first[start:start + size]:
            item = {"type": "message", "ts": m["ts"], "text": m["text"]}
            if include_meta and m.get("metadata"):
                item["metadata"] = m["metadata"]
            out.append(item)
        more = start + size < len(newest_first)
        page: dict[str, Any] = {"ok": True, "messages": out, "has_more": more}
        if more:
            page["response_metadata"] = {"next_cursor": base64.b64encode(f"offset:{start + size}".encode()).decode()}
        return page

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
                app_level = method == "apps.connections.open"  # the one method taking the app-level token
                if auth == f"Bearer {fake.app_token if app_level else fake.token}":
                    status, headers, body = fake.call(method, args)
                elif auth in (f"Bearer {fake.token}", f"Bearer {fake.app_token}"):  # the other one of our tokens
                    status, headers, body = 200, dict[str, str](), {"ok": False, "error": "not_allowed_token_type"}
                else:
                    status, headers, body = 200, dict[str, str](), {"ok": False, "error": "invalid_auth"}
                write_json(self, JsonReply(status, body, headers), "application/json; charset=utf-8")

            def do_GET(self) -> None:  # noqa: N802
                if self.path.startswith("/link"):
                    fake._serve_socket(self)
                else:
                    self.do_POST()

        return Handler

    # -- Socket Mode and interactions ---------------------------------------------------

    HELLO = {"type": "hello", "num_connections": 1, "debug_info": {"host": "applink-fake", "build_number": 10,
                                                                   "approximate_connection_time": 18060},
             "connection_info": {"app_id": "A0FAKEAPP1"}}

    def _serve_socket(self, handler: BaseHTTPRequestHandler) -> None:
        """One Socket Mode connection, in its request's thread: hello, then acks and pings until it ends."""
        ws = WebSocket.accept(handler)
        if ws is None:
            return
        with self._lock:
            self.sockets.append(ws)
            self._changed.notify_all()
        try:
            ws.send_text(json.dumps(self.HELLO))
            while (message := ws.receive()) is not None:
                opcode, data = message
                if opcode == PING:
                    ws.send(PONG, data)
                elif opcode == CLOSE:
                    break
                elif opcode == TEXT:
                    answer = json.loads(data.decode("utf-8"))
                    with self._lock:
                        if isinstance(answer, dict) and answer.get("envelope_id"):
                            self.acks[str(answer["envelope_id"])] = answer
                        self._changed.notify_all()
        except (OSError, ValueError, ConnectionError):
            pass
        finally:
            ws.close()
            with self._lock:
                if ws in self.sockets:
                    self.sockets.remove(ws)
                self._changed.notify_all()
            handler.close_connection = True

    def wait_until(self, condition: Any, timeout: float = 10.0) -> bool:
        """Wait until `condition()` (read under the fake's lock) holds; False at the deadline."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def message_with(self, text: str) -> dict[str, Any]:
        """The newest posted message whose text or blocks mention `text`."""
        with self._lock:
            return next(m for m in reversed(self.messages) if text in m["text"] + json.dumps(m["blocks"]))

    def block_actions(self, message: dict[str, Any], action_id: str, user: str, *, value: str | None = None,
                      action_ts: str | None = None) -> dict[str, Any]:
        """The `block_actions` payload Slack sends when `user` (a Slack user id) uses the element
        `action_id` of a posted message: a button, or a static_select with the option `value`."""
        block, element = next((b, e) for b in message["blocks"] if b.get("type") == "actions"
                              for e in b.get("elements", []) if e.get("action_id") == action_id)
        name = next((email.split("@")[0] for email, uid in self.users.items() if uid == user), user.lower())
        action: dict[str, Any] = {"action_id": action_id, "block_id": block["block_id"], "type": element["type"],
                                  "action_ts": action_ts or f"{time.time():.6f}"}
        if element["type"] == "static_select":
            action["selected_option"] = next(o for o in element["options"] if o["value"] == value)
            action["placeholder"] = element["placeholder"]
        else:
            action.update(text=element["text"], value=element.get("value"))
        channel = message["channel"]
        return {
            "type": "block_actions",
            "user": {"id": user, "username": name, "name": name, "team_id": "T0FAKE"},
            "api_app_id": "A0FAKEAPP1", "token": "verification-token",
            "container": {"type": "message", "message_ts": message["ts"], "channel_id": channel, "is_ephemeral": False},
            "trigger_id": f"{int(time.time())}.1379717998065.{uuid.uuid4().hex}",
            "team": {"id": "T0FAKE", "domain": "fake"}, "enterprise": None, "is_enterprise_install": False,
            "channel": {"id": channel, "name": self._name_of(channel) or "directmessage"},
            "message": {"bot_id": "B0BOT0001", "type": "message", "text": message["text"], "user": "U0BOT0001", "ts": message["ts"],
                        "team": "T0FAKE", "blocks": message["blocks"]},
            "state": {"values": {}},
            "response_url": f"https://hooks.slack.com/actions/T0FAKE/{int(time.time())}/{uuid.uuid4().hex[:24]}",
            "actions": [action],
        }

    def deliver(self, payload: dict[str, Any], envelope_id: str | None = None, timeout: float = 10.0) -> str:
        """Send an interaction over the newest Socket Mode connection (waiting for one); its envelope id.
        Passing the id of an earlier envelope delivers it again, as Slack does when unacknowledged."""
        if not self.wait_until(lambda: bool(self.sockets), timeout):
            raise AssertionError("no Socket Mode connection to deliver to")
        envelope = {"envelope_id": envelope_id or str(uuid.uuid4()), "payload": payload, "type": "interactive",
                    "accepts_response_payload": False}
        with self._lock:
            ws = self.sockets[-1]
            self.envelopes.append(envelope)
        ws.send_text(json.dumps(envelope))
        return str(envelope["envelope_id"])

    def wait_for_ack(self, envelope_id: str, timeout: float = 10.0) -> bool:
        return self.wait_until(lambda: envelope_id in self.acks, timeout)

    def signed(self, body: bytes, timestamp: int | None = None, secret: str | None = None) -> dict[str, str]:
        """The headers Slack sends with a request to a request URL: its timestamp and signature."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        digest = hmac.new((secret or self.signing_secret).encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
        return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}

    def post_interaction(self, url: str, payload: dict[str, Any], headers: dict[str, str] | None = None) -> int:
        """POST an interaction to a request URL as Slack does (form-encoded `payload`, signed
        unless `headers` replaces the signature headers); the HTTP status of the answer."""
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
            **(self.signed(body) if headers is None else headers)})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)

    def stop(self) -> None:
        with self._lock:
            sockets = list(self.sockets)
        for ws in sockets:
            ws.close(1001)
        super().stop()
