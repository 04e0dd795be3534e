"""One Slack interaction: the clicks stored (before Slack is acknowledged), then the message
rebuilt from the stored alert and its actions and updated in place with `chat.update`.

The message is rendered again from the outbox's copy of the alert, never from the blocks Slack
sends back with the click, so everything in it is escaped exactly as when it was first posted.
"""

from __future__ import annotations

import logging
import socket
import urllib.error
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from signalwatch.alerts.render import render_slack
from signalwatch.feedback import ledger
from signalwatch.feedback.actions import Click, action_blocks, clicks_of, status_block
from signalwatch.feedback.config import SlackActions
from signalwatch.store import OutboxItem, Store, StoreError
from signalwatch.timeutil import utcnow

__all__ = ["ActionHandler", "Handled", "message_for"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Handled:
    """What one interaction did: the clicks stored (or not), and the alerts whose message to update."""

    recorded: list[ledger.Recorded]
    alerts: dict[str, tuple[OutboxItem, str, str]]  # alert key → (its row, channel, message ts)

    @property
    def holds_changed(self) -> bool:
        """Whether a snooze or claim was made or renewed: the engine must see it."""
        return any(r.outcome in ("new", "changed") and r.click.kind in ("snooze", "claim") for r in self.recorded)


def message_for(item: OutboxItem, actions: SlackActions, status: Any) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, blocks) of an alert's Slack message: as the sink posts it, plus what was done."""
    text, blocks = render_slack(item.payload)
    return text, [*blocks, *action_blocks(item.payload, item.alert_key, actions), *status_block(status)]


class ActionHandler:
    """Turns `block_actions` payloads into stored actions and updated messages."""

    def __init__(self, store: Store, client: WebClient, actions: SlackActions, *,
                 on_holds_changed: Callable[[], object] = lambda: None, clock: Callable[[], datetime] = utcnow) -> None:
        self._store = store
        self._client = client
        self._actions = actions
        self._on_holds_changed = on_holds_changed  # e.g. FeedbackService.refresh
        self._clock = clock

    def record(self, payload: Mapping[str, Any]) -> Handled:
        """Store every click of `payload` once. Raises StoreError when the database cannot be
        written (Slack is then not acknowledged, and delivers the click again)."""
        recorded: list[ledger.Recorded] = []
        alerts: dict[str, tuple[OutboxItem, str, str]] = {}
        for click in clicks_of(payload):
            item = self._alert(click)
            if item is None:
                log.warning("feedback: a click on alert %s, which is not in the outbox (pruned?): ignored", click.alert_key[:16])
                continue
            account = item.payload.get("account") or {}
            rules = tuple(item.payload.get("rules") or [item.rule_id])
            done = ledger.record(self._store.engine, click, ledger.AlertRef(rules, account.get("id")), self._clock())
            recorded.append(done)
            log.info("feedback: %s %s on alert %s by %s: %s%s", click.kind, click.reason or click.days or "", click.alert_key[:16],
                     click.user_id, done.outcome, f" ({done.detail})" if done.detail else "")
            if click.channel_id and click.message_ts:
                alerts[click.alert_key] = (item, click.channel_id, click.message_ts)
        return Handled(recorded, alerts)

    def _alert(self, click: Click) -> OutboxItem | None:
        found = self._store.find_outbox(alert_key=click.alert_key)
        return found[0] if found else None

    def finish(self, handled: Handled) -> None:
        """After Slack was acknowledged: let the engine see new holds, and update each message."""
        if handled.holds_changed:
            try:
                self._on_holds_changed()
            except Exception:  # the click is stored; the next refresh applies it
                log.exception("feedback: could not apply a new snooze or claim yet")
        for item, channel, ts in handled.alerts.values():
            self.update(item, channel, ts)

    def update(self, item: OutboxItem, channel: str, ts: str) -> bool:
        """Rewrite the alert's message in place; False (logged) when Slack refused or was unreachable."""
        try:
            account = (item.payload.get("account") or {}).get("id")
            status = ledger.status_of(self._store.engine, item.alert_key, account, self._clock())
        except StoreError as exc:
            log.error("feedback: cannot read the actions of alert %s: %s", item.alert_key[:16], exc)
            return False
        text, blocks = message_for(item, self._actions, status)
        try:
            self._client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        except SlackApiError as exc:
            log.warning("feedback: Slack chat.update of alert %s failed: %s", item.alert_key[:16], exc.response.get("error"))
            return False
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, SlackClientError) as exc:
            log.warning("feedback: Slack chat.update of alert %s failed: %s", item.alert_key[:16], type(exc).__name__)
            return False
        return True

    def handle(self, payload: Mapping[str, Any]) -> Handled:
        """`record` then `finish`, for callers that acknowledge Slack on their own."""
        handled = self.record(payload)
        self.finish(handled)
        return handled
