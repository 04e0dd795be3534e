"""The buttons under every Slack alert, and Slack's `block_actions` payload read back as clicks.

Pure functions. The actions block carries the alert's outbox key in its `block_id`
("signalwatch:<key>"), so every click names the alert it belongs to, whichever element was
used; element values carry only the choice (a reason, a number of days). What comes back from
Slack is checked field by field (ids, keys, reasons, day counts from fixed lists) before
anything is stored; a click on something else (the CRM link button) yields no click.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from signalwatch.alerts.render import plain_safe, slack_escape, truncate, web_url
from signalwatch.events import strip_controls
from signalwatch.feedback.config import SlackActions

__all__ = [
    "Click", "Kind", "REASONS", "SNOOZE_DAYS", "BLOCK_PREFIX", "STATUS_BLOCK", "ACTION_IDS", "action_blocks", "status_block",
    "clicks_of", "crm_link", "Status",
]

Kind = Literal["useful", "not_useful", "snooze", "claim"]
# The reasons a rep can give for "not useful", in the order the menu shows them.
REASONS: dict[str, str] = {
    "wrong_company": "wrong company", "bad_fit": "bad fit", "bad_timing": "bad timing",
    "not_real": "not a real event", "duplicate": "duplicate",
}
SNOOZE_DAYS = (7, 30, 90)
BLOCK_PREFIX = "signalwatch:"
STATUS_BLOCK = "signalwatch-status"
ACTION_IDS: dict[str, Kind] = {
    "signalwatch_useful": "useful", "signalwatch_not_useful": "not_useful",
    "signalwatch_snooze": "snooze", "signalwatch_claim": "claim",
}
CRM_LABELS = {"hubspot": "Open in HubSpot", "salesforce": "Open in Salesforce"}
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")
_CHANNEL_ID = re.compile(r"^[CDG][A-Z0-9]{2,30}$")
_TS = re.compile(r"^\d{1,12}\.\d{1,9}$")
_KEY = re.compile(r"^[A-Za-z0-9:._|@#-]{1,200}$")


@dataclass(frozen=True)
class Click:
    """One element used on one alert, as Slack reported it (checked, nothing else kept)."""

    kind: Kind
    alert_key: str
    user_id: str
    user_name: str
    action_ts: str
    reason: str | None = None  # not_useful: a key of REASONS
    days: int | None = None  # snooze: one of SNOOZE_DAYS; claim: the days the button offered
    channel_id: str | None = None
    message_ts: str | None = None


def _button(text: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": text, "emoji": False},
                              "value": value}
    if style:
        button["style"] = style
    return button


def _select(placeholder: str, action_id: str, options: Sequence[tuple[str, str]]) -> dict[str, Any]:
    return {"type": "static_select", "action_id": action_id, "placeholder": {"type": "plain_text", "text": placeholder, "emoji": False},
            "options": [{"text": {"type": "plain_text", "text": label, "emoji": False}, "value": value} for label, value in options]}


def crm_link(account: Mapping[str, Any] | None, templates: Mapping[Any, str]) -> list[tuple[str, str]]:
    """(crm, URL) of the account's CRM records that `templates` can link to, in crm_id order.
    A stored crm_id holds "hubspot:123;salesforce:001…" (see `signalwatch.crm.sync`)."""
    found = []
    for entry in str((account or {}).get("crm_id") or "").split(";"):
        crm, colon, record = entry.strip().partition(":")
        template = templates.get(crm)
        if colon and template and re.fullmatch(r"[A-Za-z0-9_-]{1,64}", record):
            url = web_url(template.replace("{id}", record), 3000)
            if url:
                found.append((crm, url))
    return found


def action_blocks(payload: Mapping[str, Any], alert_key: str, actions: SlackActions) -> list[dict[str, Any]]:
    """The actions block of an alert: Useful, Not useful (a reason), Snooze account (days), Claim,
    and a link to the account's CRM record when one is known and `crm_links` says where."""
    elements = [
        _button("Useful", "signalwatch_useful", "useful", "primary"),
        _select("Not useful…", "signalwatch_not_useful", [(label.capitalize(), key) for key, label in REASONS.items()]),
    ]
    account = payload.get("account")
    if isinstance(account, Mapping) and account.get("id") is not None:  # snooze and claim act on the account
        elements.append(_select("Snooze account…", "signalwatch_snooze", [(f"{days} days", str(days)) for days in SNOOZE_DAYS]))
        elements.append(_button(f"Claim for {actions.claim_days} d", "signalwatch_claim", str(actions.claim_days)))
        for crm, url in crm_link(account, actions.crm_links):
            elements.append({**_button(CRM_LABELS[crm], f"signalwatch_crm_{crm}", crm), "url": url})
    return [{"type": "actions", "block_id": BLOCK_PREFIX + alert_key, "elements": elements}]


@dataclass(frozen=True)
class Status:
    """What has been done about one alert and its account, for the line under its buttons."""

    useful: tuple[str, ...] = ()  # Slack user ids
    not_useful: tuple[tuple[str, str], ...] = ()  # (user id, reason key)
    snoozed: tuple[str, int, datetime] | None = None  # (user id, days, until): the account's snooze in force
    claimed: tuple[str, datetime] | None = None  # (user id, until): the account's claim in force

    def lines(self) -> list[str]:
        """Slack mrkdwn lines: "Claimed by <@U…> until 2027-01-05", "Snoozed 30 d by <@U…> …"."""
        lines = []
        if self.claimed:
            lines.append(f"Claimed by {_mention(self.claimed[0])} until {self.claimed[1]:%Y-%m-%d}")
        if self.snoozed:
            user, days, until = self.snoozed
            lines.append(f"Snoozed {days} d by {_mention(user)} (no alerts for this account until {until:%Y-%m-%d})")
        if self.useful:
            lines.append("Useful: " + ", ".join(_mention(user) for user in self.useful))
        if self.not_useful:
            lines.append("Not useful: " + ", ".join(f"{_mention(user)} ({slack_escape(REASONS.get(reason, reason))})"
                                                  for user, reason in self.not_useful))
        return lines


def _mention(user_id: str) -> str:
    return f"<@{user_id}>" if _USER_ID.match(user_id) else slack_escape(user_id)


def status_block(status: Status) -> list[dict[str, Any]]:
    """A context block saying what was done, or nothing when nothing was."""
    lines = status.lines()
    if not lines:
        return []
    return [{"type": "context", "block_id": STATUS_BLOCK, "elements": [{"type": "mrkdwn", "text": truncate("\n".join(lines), 2000)}]}]


def clicks_of(payload: Mapping[str, Any]) -> list[Click]:
    """The clicks on signalwatch's buttons in a `block_actions` payload; [] for anything else."""
    if payload.get("type") != "block_actions":
        return []
    user = _mapping(payload.get("user"))
    user_id = str(user.get("id") or "")
    if not _USER_ID.match(user_id):
        return []
    name = truncate(plain_safe(strip_controls(str(user.get("username") or user.get("name") or user_id))), 80)
    container = _mapping(payload.get("container"))
    channel = str(container.get("channel_id") or _mapping(payload.get("channel")).get("id") or "")
    message_ts = str(container.get("message_ts") or "")
    clicks = []
    for action in payload.get("actions") or []:
        click = _click(action, user_id, name, channel if _CHANNEL_ID.match(channel) else None,
                       message_ts if _TS.match(message_ts) else None)
        if click is not None:
            clicks.append(click)
    return clicks


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _click(action: Any, user_id: str, name: str, channel: str | None, message_ts: str | None) -> Click | None:
    if not isinstance(action, Mapping):
        return None
    kind = ACTION_IDS.get(str(action.get("action_id") or ""))
    block = str(action.get("block_id") or "")
    key = block.removeprefix(BLOCK_PREFIX)
    action_ts = str(action.get("action_ts") or "")
    if kind is None or not block.startswith(BLOCK_PREFIX) or not _KEY.match(key) or not _TS.match(action_ts):
        return None
    chosen = _mapping(action.get("selected_option"))
    value = str(chosen.get("value") or "") if chosen else str(action.get("value") or "")
    reason: str | None = None
    days: int | None = None
    if kind == "not_useful":
        if value not in REASONS:
            return None
        reason = value
    elif kind == "snooze":
        if value not in {str(n) for n in SNOOZE_DAYS}:
            return None
        days = int(value)
    elif kind == "claim":
        if not (value.isdigit() and 1 <= int(value) <= 365):
            return None
        days = int(value)
    return Click(kind, key, user_id, name, action_ts, reason, days, channel, message_ts)
