"""What a CRM record says about an alert: subject, body, priority and the alert-key marker. Pure."""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import Any, Literal

from signalwatch.alerts.render import CONTACTS_HEADING, contact_label, evidence_heading, headline, signal_label, what_happened
from signalwatch.events import strip_controls

__all__ = [
    "Action", "ACTIONS", "parse_actions", "subject", "body_text", "body_html", "key_marker",
    "PRIORITY_WEIGHT", "alert_heat", "due_date",
]

Action = Literal["task", "note", "properties"]
ACTIONS: tuple[Action, ...] = ("task", "note", "properties")
PRIORITY_WEIGHT = {"P1": 3.0, "P2": 2.0, "P3": 1.0}
_DUE_AFTER = {"P1": timedelta(days=1), "P2": timedelta(days=3), "P3": timedelta(days=7)}


def parse_actions(target: str | None, default: tuple[Action, ...]) -> tuple[Action, ...]:
    """The CRM actions a route asks for, read from its target ("task", "note+properties", ...).

    Rule routes have no `action` field yet, so a CRM route names its action in `channel`;
    anything else there (or nothing) means the sink's configured default.
    """
    if not target:
        return default
    parts = [part.strip().lower() for part in target.replace(",", "+").split("+")]
    if parts and all(part in ACTIONS for part in parts):
        return tuple(dict.fromkeys(part for part in parts))  # type: ignore[misc]
    return default


def key_marker(alert_key: str) -> str:
    """The line written into every CRM record so a lookup can find it after a crash."""
    return f"signalwatch alert {alert_key}"


def subject(payload: dict[str, Any], limit: int = 250) -> str:
    text = strip_controls(f"{what_happened(payload)} — {headline(payload)}")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _web(url: Any) -> str | None:
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def _lines(payload: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(text, link) lines of the body; link is an http(s) URL or None. A composite alert lists its
    related signals, strongest first, with the exact count (as Slack shows them)."""
    event = payload["event"]
    lines: list[tuple[str, str | None]] = [(what_happened(payload), None)]
    related = payload.get("evidence") or []
    if not payload.get("summary"):
        lines.append((f"Evidence: {event['title']}", _web(event.get("url"))))
    if related:
        lines.append((f"{evidence_heading(payload)}:", None))
        lines += [(f"Signal: {item['occurred_at'][:10]} {signal_label(item)}", _web(item.get("url"))) for item in related]
    lines += [(f"Why: {line}", None) for line in payload.get("why") or []]
    if payload.get("angle"):
        lines.append((f"Suggested angle: {payload['angle']}", None))
    if payload.get("contacts"):
        lines.append((f"{CONTACTS_HEADING}:", None))
        lines += [(contact_label(contact), _web(contact.get("url"))) for contact in payload["contacts"]]
    return [(strip_controls(text), link) for text, link in lines]  # stored payloads of older releases too


def body_text(payload: dict[str, Any], alert_key: str) -> str:
    """Plain text body (Salesforce Task Description)."""
    out = []
    for text, link in _lines(payload):
        out.append(f"{text}\n{link}" if link else text)
    out.append(key_marker(alert_key))
    return "\n".join(out)


def body_html(payload: dict[str, Any], alert_key: str) -> str:
    """HTML body (HubSpot task and note bodies are rich text); every web string escaped."""
    out = []
    for text, link in _lines(payload):
        escaped = html.escape(text)
        if link:
            escaped += f'<br><a href="{html.escape(link, quote=True)}">{html.escape(link)}</a>'
        out.append(f"<p>{escaped}</p>")
    out.append(f"<p>{html.escape(key_marker(alert_key))}</p>")
    return "".join(out)


def alert_heat(payload: dict[str, Any]) -> float:
    """The heat written to the CRM: the account heat the engine put in the payload, else the priority weight."""
    heat = payload.get("heat")
    if isinstance(heat, (int, float)):
        return float(heat)
    return PRIORITY_WEIGHT.get(str(payload.get("priority")), 1.0)


def due_date(priority: str, now: datetime) -> datetime:
    """Task due date: sooner for higher priorities."""
    return now + _DUE_AFTER.get(priority, timedelta(days=3))
