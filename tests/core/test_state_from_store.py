"""The store is the one source of truth for what the rules engine counts: hits of composite
windows, cooldowns and daily caps committed by another writer on the same database (a second
instance, `signalwatch backfill` with `backfill: alert` rules) are honoured by the daemon's
engine, also when it was just rebuilt by a rules reload."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from signalwatch.config import load_settings
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.app import App, build_app
from signalwatch.runtime.pipeline import commit_events
from signalwatch.timeutil import utcnow
from tests.conftest import SLACK_TOKEN, Workspace

NOW = utcnow().replace(hour=12, minute=0, second=0, microsecond=0)  # midday: every alert falls on one UTC day


class Writers:
    """Two applications on one database: the daemon, and another writer (a second process)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.daemon = build_app(load_settings(workspace.config))
        self.other = build_app(load_settings(workspace.config))
        self.acme = next(a for a in self.daemon.store.list_accounts() if a.name == "Acme Robotics")
        self.serial = 0

    def event(self, kind: EventType, change: str, minutes: int, **attributes: Any) -> SignalEvent:
        self.serial += 1
        at = NOW + timedelta(minutes=minutes)
        return SignalEvent(type=kind, change=change, source="news", source_kind="rss", source_id=f"s{self.serial}",
                           title=f"Acme Robotics {kind} {self.serial}", occurred_at=at, detected_at=at,
                           company_name="Acme Robotics", account_id=self.acme.id, attributes=attributes,
                           dedupe_key=make_dedupe_key("state", self.serial))

    def poll(self, app: App, *events: SignalEvent) -> list[str]:
        """Commit `events` through `app`'s engine as a poll does; the rules that alerted."""
        before = {item.id for item in app.store.list_outbox(limit=10_000)}
        accounts = {a.id: a for a in app.store.list_accounts()}
        at = max(event.detected_at for event in events)
        with app.engine_lock:
            commit_events(app.store, app.engine, accounts, "news", list(events), {}, at)
        return sorted({item.rule_id for item in app.store.list_outbox(limit=10_000) if item.id not in before})


@pytest.fixture
def writers(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Iterator[Writers]:
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    both = Writers(workspace)
    yield both
    both.daemon.close()
    both.other.close()


def surge(writers: Writers, minutes: int) -> SignalEvent:
    return writers.event(EventType.HIRING, "surge", minutes, function="sales", open_roles=12)


def test_a_reloaded_engine_keeps_a_cooldown_another_writer_started_after_the_reload_began(writers: Writers) -> None:
    writers.daemon.swap_rules(load_ruleset(writers.workspace.root / "rules"))  # an admin edits the rules
    assert writers.poll(writers.other, surge(writers, 1)) == ["sales-team-growing"]  # its 30-day cooldown starts
    assert writers.poll(writers.daemon, surge(writers, 2)) == []  # the daemon's reloaded engine honours it
    assert writers.poll(writers.other, surge(writers, 3)) == []  # and so does the other writer


def test_the_daemon_counts_a_composite_window_from_events_another_writer_stored(writers: Writers) -> None:
    role = {"function": "sales", "title": "Account Executive"}
    assert writers.poll(writers.daemon, writers.event(EventType.HIRING, "posted", 0, **role)) == []  # the daemon holds Acme now
    leader = writers.event(EventType.LEADERSHIP, "appointed", 1, title="VP of Sales", person="Pat Doe")
    other = writers.poll(writers.other, leader, writers.event(EventType.HIRING, "posted", 2, **role))
    assert "sales-leader-and-hiring" not in other  # a leader and two roles: one short
    third = writers.event(EventType.HIRING, "posted", 3, **role)
    assert writers.poll(writers.daemon, third) == ["sales-leader-and-hiring"]


def test_the_daily_cap_counts_alerts_another_writer_made_today(writers: Writers) -> None:
    assert writers.poll(writers.daemon, surge(writers, 0)) == ["sales-team-growing"]  # the daemon holds Acme now
    departed = writers.event(EventType.LEADERSHIP, "departed", 1, title="CFO", person="Jo Roe")
    funding = writers.event(EventType.FUNDING, "raised", 2, amount=3e7, currency="USD", round="series_b")
    assert writers.poll(writers.other, departed, funding) == ["executive-departure", "funding-round"]  # 3 today: the cap
    another = writers.event(EventType.FUNDING, "raised", 3, amount=5e7, currency="USD", round="series_c")
    assert writers.poll(writers.daemon, another) == []

