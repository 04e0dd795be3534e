"""Retention: old events and sent alerts go; unsent and dead alerts, and the events they cite, stay."""

from __future__ import annotations

import os
import subprocess
from datetime import timedelta
from pathlib import Path

from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.store import AlertDraft, Store
from signalwatch.timeutil import utcnow
from tests.inprocess import run_signalwatch
from tests.polls import commit

NOW = utcnow()


def event(name: str, age: timedelta) -> SignalEvent:
    return SignalEvent(
        type=EventType.FUNDING, change="raised", source="news", source_kind="rss", source_id=name,
        title=f"{name} raises $5M", occurred_at=NOW - age, detected_at=NOW - age, company_name=name,
        attributes={"amount": 5e6}, dedupe_key=make_dedupe_key("retention", name),
    )


def fill(store: Store) -> dict[str, int]:
    """Events of several ages, each with one alert in a given state; returns alert ids by event name."""
    plan = {"old-sent": (400, "sent", 200), "old-sent-recently": (400, "sent", 10), "old-pending": (400, "pending", None),
            "old-dead": (400, "dead", None), "recent-sent": (20, "sent", 300), "old-no-alert": (400, None, None)}
    ids = {}
    for name, (days, state, sent_days) in plan.items():
        e = event(name, timedelta(days=days))
        drafts = [AlertDraft(make_dedupe_key("a", name), "rule", None, e.dedupe_key, "console", None, "P1", {"n": name})] if state else []
        commit(store, "news", [e], {}, e.detected_at, drafts=lambda new, d=drafts: d)
        if not state:
            continue
        (item,) = [i for i in store.list_outbox(limit=100) if i.payload == {"n": name}]
        ids[name] = item.id
        if state == "sent":
            store.claim(item.id, NOW)
            store.mark_sent(item.id, "ts", NOW - timedelta(days=sent_days))
        elif state == "dead":
            store.mark_dead(item.id, "channel_not_found")
    return ids


def prune(config: Path) -> subprocess.CompletedProcess[str]:
    """`signalwatch -c CONFIG maintenance prune`, in the test process (tests/inprocess.py)."""
    return run_signalwatch(["-c", str(config), "maintenance", "prune"], Path.cwd(), os.environ)


def titles(store: Store) -> set[str]:
    return {e.company_name or "" for _, e in store.list_events(limit=100)}


def test_prune_command_deletes_only_what_retention_allows(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'signalwatch.db'}")
    store.migrate()
    ids = fill(store)
    config = tmp_path / "signalwatch.yaml"
    config.write_text("database: signalwatch.db\nretention:\n  events: 365d\n  sent_alerts: 180d\n", encoding="utf-8")
    result = prune(config)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "pruned 3 events older than 365d and 2 sent alerts older than 180d"
    # unsent and dead alerts keep their evidence; recent events stay
    assert titles(store) == {"old-pending", "old-dead", "recent-sent"}
    left = {item.id for item in store.list_outbox(limit=100)}
    assert left == {ids["old-sent-recently"], ids["old-pending"], ids["old-dead"]}
    # a second run finds nothing more
    again = prune(config)
    assert again.stdout.startswith("pruned 0 events") and "and 0 sent alerts" in again.stdout


def test_retention_shorter_than_a_month_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "signalwatch.yaml"
    config.write_text("retention:\n  events: 7d\n", encoding="utf-8")
    result = prune(config)
    assert result.returncode == 2 and "signalwatch.yaml:2" in result.stderr and "retention.events" in result.stderr
