"""Fixtures for the CRM tests: a migrated store, an injected clock (the fake HubSpot and Salesforce
are the `hubspot` and `salesforce` fixtures of tests/conftest.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.store import AlertDraft, Store
from tests.conftest import HUBSPOT_TOKEN, SF_FIXTURES  # noqa: F401  (the CRM tests import them from here)
from tests.core.test_delivery import Clock
from tests.polls import commit


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    s.migrate()
    return s


def alert_payload(domain: str | None = "acme.com", title: str = "Acme raises $20M Series B", priority: str = "P1",
                  owner_email: str | None = "ann@example.com") -> dict[str, Any]:
    return {
        "rule": {"id": "funding-a", "description": "Tier A account raised money"}, "priority": priority,
        "angle": "Congratulate on the round", "why": ["Rule funding-a: Tier A account raised money"],
        "account": {"id": 1, "name": "Acme", "domain": domain, "tier": "A", "tier_label": "Best fit",
                    "owner_email": owner_email, "owner_slack_id": None},
        "event": {"type": "funding", "change": "raised", "title": title, "summary": "", "url": "https://news.example.com/acme",
                  "source": "wire", "occurred_at": "2026-11-20T10:00:00+00:00", "company_name": "Acme",
                  "attributes": {"amount": 20000000, "currency": "USD", "round": "series_b"}, "dedupe_key": "k"},
    }


def enqueue(store: Store, now: datetime, routes: list[tuple[str, str | None]], payload: dict[str, Any] | None = None,
            source_id: str = "1", account_id: int | None = 1, event_type: EventType = EventType.FUNDING) -> None:
    """One event and one outbox row per (sink, target) route, as the rules engine would enqueue them."""
    event = SignalEvent(type=event_type, change="raised" if event_type == EventType.FUNDING else "appointed", source="wire",
                        source_kind="rss", source_id=source_id, title=f"Acme news {source_id}", occurred_at=now, detected_at=now,
                        dedupe_key=make_dedupe_key(source_id), account_id=account_id)
    body = payload or alert_payload()
    commit(store, "wire", [event], {}, now, drafts=lambda new: [
        AlertDraft(make_dedupe_key("alert", e.dedupe_key, sink, target), "funding-a", 1, e.dedupe_key, sink, target, "P1", body)
        for e in new for sink, target in routes])


