"""An alert on its way out: what the rules engine (or a notice or digest builder) hands to the outbox.

It lives with the alerts, not the store, so the rules and payload code depend on the outbox's
row type without importing the database layer (the flow goes rules ─▶ outbox, never back).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

__all__ = ["AlertDraft", "AlertRecord"]


class AlertDraft(NamedTuple):
    """An alert the rules engine wants sent; becomes one outbox row per (rule, account, evidence, sink, target).
    A named tuple rather than a frozen dataclass: the engine makes one per alert, and it is cheaper to build."""

    alert_key: str
    rule_id: str
    account_id: int | None
    event_key: str
    sink: str
    target: str | None
    priority: str
    payload: dict[str, Any]
    not_before: datetime | None = None  # held until a delivery window opens


class AlertRecord(NamedTuple):
    """An alert already enqueued, as the rules engine rebuilds an account's cooldowns and daily
    caps from the store (`PollUnit.history`, `Engine.warm_up`): one per (rule, account, event) in
    the outbox."""

    rule_id: str  # the outbox row's rule: the first rule of an alert that names several
    account_id: int | None
    created_at: datetime  # when its first row was enqueued
    rules: tuple[str, ...] = ()  # every rule the alert names (its payload's "rules"), when several fired
    event_id: int | None = None  # the stored event it was raised for (orders alerts queued in one poll)
