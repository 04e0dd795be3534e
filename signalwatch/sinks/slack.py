"""Slack sink: Block Kit messages through slack-sdk's WebClient with a bot token.

It posts every kind of outbox row: alerts and admin notices rendered here, digests as they
were rendered when queued. Each message carries Slack message metadata with the row's key
(alert or digest key alike), so after a crash between sending and recording, `confirm` finds
the message in the channel history instead of posting it twice. Retries belong to the delivery loop (the client's own retry handlers
are disabled: no retry inside a retry).
"""

from __future__ import annotations

import logging
import re
import socket
import urllib.error
from datetime import datetime
from typing import Any, TextIO

from slack_sdk.errors import SlackApiError, SlackClientError

from signalwatch.alerts.payload import ALERT, DIGEST, kind_of, read_digest
from signalwatch.alerts.render import render_slack
from signalwatch.feedback.actions import action_blocks
from signalwatch.feedback.config import SlackActions
from signalwatch.http import HttpUrlText, parse_retry_after
from signalwatch.preflight import Finding, SinkUse
from signalwatch.sinks.base import SecretLookup, Sink, SinkConfig, SinkError
from signalwatch.sinks.slack_http import KeepAliveWebClient

__all__ = ["SlackSink", "SlackConfig", "METADATA_EVENT_TYPE"]

log = logging.getLogger(__name__)

METADATA_EVENT_TYPE = "signalwatch_alert"
# Errors an operator must fix (auth, channel membership); retrying will not help.
PERMANENT_ERRORS = frozenset({
    "channel_not_found", "not_in_channel", "is_archived", "invalid_auth", "not_authed",
    "account_inactive", "token_revoked", "missing_scope", "invalid_blocks", "msg_too_long",
    "no_text", "restricted_action", "user_not_found", "users_not_found", "cannot_dm_bot",
})
# Errors saying the token itself is refused: every call fails alike until it is replaced.
CREDENTIAL_ERRORS = frozenset({"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"})
_HISTORY_PAGES = 25  # of 200 messages: how far back a crash check reads a channel's history
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{6,}$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{6,}$")


class SlackConfig(SinkConfig):
    """Slack delivery; the bot token comes from the environment variable named by `token_env`."""

    default_channel: str | None = None
    token_env: str = "SLACK_BOT_TOKEN"
    base_url: HttpUrlText = "https://slack.com/api/"
    timeout: float = 15.0
    actions: SlackActions = SlackActions()  # buttons on alerts, and how clicks reach us (signalwatch.feedback)

    def required_env(self) -> list[str]:
        return [self.token_env]

    def daemon_env(self) -> list[str]:
        return self.actions.required_env()  # the listener for button clicks runs in the daemon only

    def missing_secret(self, name: str, env_name: str) -> tuple[tuple[str, ...], str]:
        if env_name in self.actions.required_env():  # asked for by the buttons' mode, not by `enabled`
            return ("actions", "mode"), f"sinks.{name}.actions.mode is {self.actions.mode}: {self.actions.missing_secret(env_name)}"
        return super().missing_secret(name, env_name)


class SlackSink(Sink):
    name = "slack"
    Config = SlackConfig

    @classmethod
    def from_config(cls, config: Any, secret: SecretLookup, stream: TextIO | None) -> SlackSink:
        token = secret(config.token_env)
        if not token:
            raise ValueError(f"slack is enabled but ${config.token_env} is not set")
        sink = cls(token, default_channel=config.default_channel, base_url=config.base_url, timeout=config.timeout,
                   actions=config.actions)
        actions = config.actions  # only the secret its mode needs (daemon_env lists it)
        sink._action_secrets = (secret(actions.app_token_env) if actions.mode == "socket_mode" else None,
                                secret(actions.signing_secret_env) if actions.mode == "http" else None)
        return sink

    def __init__(self, token: str, *, default_channel: str | None, base_url: str, timeout: float,
                 actions: SlackActions | None = None) -> None:
        # slack_sdk annotates the timeout as int but hands it to urllib, which takes seconds as a
        # float; int() would turn a sub-second timeout into 0, a non-blocking socket.
        # One client per sink, its connections kept alive between alerts (slack_http).
        self._client = KeepAliveWebClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=[])  # type: ignore[arg-type]
        self._token = token
        self._default_channel = default_channel
        self._channel_ids: dict[str, str] = {}
        self._users_by_email: dict[str, str | None] = {}
        self._actions = actions or SlackActions()
        self._action_secrets: tuple[str | None, str | None] = (None, None)  # app-level token, signing secret (doctor)
        self._base_url, self._timeout = base_url, timeout

    def _destination(self, target: str | None) -> str | None:
        """A channel or user id; `email:ADDR|FALLBACK` is the account owner found by email (cached)."""
        if not target or not target.startswith("email:"):
            return target or self._default_channel
        email, _, fallback = target.removeprefix("email:").partition("|")
        if email not in self._users_by_email:
            try:
                found = self._call("users.lookupByEmail", self._client.users_lookupByEmail, email=email)
                self._users_by_email[email] = str((found.get("user") or {}).get("id") or "") or None
            except SinkError as exc:
                if exc.retryable or exc.credentials:  # a refused token is no answer about this user
                    raise
                self._users_by_email[email] = None  # not a Slack user: use the fallback channel
        return self._users_by_email[email] or fallback or self._default_channel

    def send(self, payload: dict[str, Any], target: str | None, alert_key: str) -> str | None:
        channel = self._destination(target)
        if not channel:
            raise SinkError("no Slack channel: set the rule's route channel or sinks.slack.default_channel", retryable=False)
        text, blocks = _rendered(payload)
        if self._actions.enabled and kind_of(payload) == ALERT:
            blocks = [*blocks, *action_blocks(payload, alert_key, self._actions)]
        metadata = {"event_type": METADATA_EVENT_TYPE, "event_payload": {"alert_key": alert_key}}
        response = self._call(
            "chat.postMessage", self._client.chat_postMessage, channel=channel, text=text, blocks=blocks,
            unfurl_links=False, unfurl_media=False, metadata=metadata,
        )
        self._channel_ids.setdefault(channel, str(response.get("channel", "")))
        return str(response.get("ts")) if response.get("ts") else None

    def secrets(self) -> tuple[str, ...]:
        return (self._token, *(secret for secret in self._action_secrets if secret))

    def preflight(self, use: SinkUse) -> list[Finding]:
        """The token and its scopes, each routed channel (exists, bot is a member), the owners to DM."""
        from signalwatch.feedback.preflight import check_actions
        from signalwatch.preflight.slack import check_slack

        return [*check_slack(self._client, default_channel=self._default_channel, use=use),
                *check_actions(self._actions, self._base_url, self._timeout, *self._action_secrets)]

    def confirm(self, target: str | None, alert_key: str, claimed_at: datetime) -> str | None:
        try:
            channel = self._destination(target)
            if not channel:
                return None
            channel_id = self._resolve_channel(channel)
            if channel_id is None:
                return None
            return self._find_in_history(channel_id, alert_key, claimed_at)
        except SinkError as exc:
            raise SinkError(f"cannot check Slack history for alert {alert_key}: {exc}", retryable=True, uncertain=True) from None

    def _find_in_history(self, channel_id: str, alert_key: str, claimed_at: datetime) -> str | None:
        """The ts of the message carrying `alert_key`, posted since the claim, or None. Every page
        since then is read (newest first; Slack may return fewer than `limit` before the end): in a
        busy channel the alert is not on the first. Reading stops after `_HISTORY_PAGES` pages
        (5,000 messages since the send); a retry could never read more, so the alert counts as absent."""
        cursor = None
        for _ in range(_HISTORY_PAGES):
            page = self._call(
                "conversations.history", self._client.conversations_history, channel=channel_id,
                oldest=f"{claimed_at.timestamp() - 60:.6f}", include_all_metadata=True, limit=200, cursor=cursor,
            )
            for message in page.get("messages", []):
                meta = message.get("metadata") or {}
                if meta.get("event_type") == METADATA_EVENT_TYPE and (meta.get("event_payload") or {}).get("alert_key") == alert_key:
                    return str(message.get("ts"))
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not page.get("has_more") or not cursor:
                return None
        log.warning("slack: alert %s not among the %d messages posted since its send; sending it again", alert_key[:12], 200 * _HISTORY_PAGES)
        return None

    def _resolve_channel(self, channel: str) -> str | None:
        if _CHANNEL_ID.match(channel):
            return channel
        if channel in self._channel_ids and self._channel_ids[channel]:
            return self._channel_ids[channel]
        if _USER_ID.match(channel):
            opened = self._call("conversations.open", self._client.conversations_open, users=channel)
            found = str((opened.get("channel") or {}).get("id") or "") or None
        else:
            found = self._find_channel_by_name(channel.lstrip("#"))
        if found:
            self._channel_ids[channel] = found
        return found

    def _find_channel_by_name(self, name: str) -> str | None:
        cursor = None
        for _ in range(50):  # at most 10,000 channels
            page = self._call(
                "conversations.list", self._client.conversations_list, types="public_channel,private_channel",
                exclude_archived=True, limit=200, cursor=cursor,
            )
            for item in page.get("channels", []):
                if item.get("name") == name:
                    return str(item["id"])
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        return None

    def _call(self, method: str, function: Any, **kwargs: Any) -> Any:
        try:
            return function(**kwargs)
        except SlackApiError as exc:
            response = exc.response
            error = str(response.get("error", "unknown_error")) if hasattr(response, "get") else "unknown_error"
            status = getattr(response, "status_code", 0)
            if status == 429 or error == "ratelimited":
                retry_after = parse_retry_after((response.headers or {}).get("Retry-After") or (response.headers or {}).get("retry-after"))
                raise SinkError(f"Slack {method}: rate limited", retryable=True, retry_after=retry_after or 1.0) from None
            retryable = status >= 500 or error not in PERMANENT_ERRORS
            raise SinkError(f"Slack {method}: {error} (HTTP {status})", retryable=retryable,
                            credentials=error in CREDENTIAL_ERRORS) from None
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, SlackClientError) as exc:
            raise SinkError(f"Slack {method}: {type(exc).__name__}: {exc}", retryable=True, uncertain=_maybe_sent(exc)) from None


def _maybe_sent(exc: BaseException) -> bool:
    """Whether Slack may have acted on the request. urllib wraps failures to connect and to send
    the request in URLError: nothing reached Slack. A timeout or a reset while reading the reply
    comes unwrapped, after the whole request was sent: Slack may have posted the message."""
    return not isinstance(exc, (urllib.error.URLError, SlackClientError))


def _rendered(payload: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, blocks): a digest arrives rendered (and escaped) when it was queued, so a
    resend posts what was built; alerts and notices are rendered from their data here."""
    if kind_of(payload) == DIGEST:
        digest = read_digest(payload)
        return digest.slack_text, digest.slack_blocks
    return render_slack(payload)
