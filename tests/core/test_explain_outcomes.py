"""`signalwatch explain EVENT_ID` (and `rules explain`) tells what the engine really did with a
stored event, replayed through the daemon's own evaluate: fired, held by a delivery window
until when, blocked by a cooldown, the daily cap or a suppression, or the first failing
condition (for a composite, the count or selection it lacks). Real store, pipeline and CLI."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from signalwatch.accounts import Account
from signalwatch.cli import main
from signalwatch.cli.core import write_starter
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.app import warmed_engine
from signalwatch.runtime.pipeline import commit_events
from signalwatch.store import Store

SATURDAY = datetime(2026, 11, 21, 12, 0, tzinfo=timezone.utc)
RULES = """\
rules:
  - id: any-funding
    description: funding, at most one alert a week
    match: {event.type: funding, account.tier: [A, B]}
    cooldown: 7d
    route: [{sink: console}]
  - id: weekday-funding
    description: funding, delivered in business hours
    match: {event.type: funding, event.change: raised}
    route: [{sink: console, channel: weekday, window: business_hours}]
  - id: leader-and-roles
    kind: composite
    description: a leader and 3 roles
    selections:
      leader: {event.type: leadership, event.change: appointed}
      role: {event.type: hiring, event.change: posted}
    condition: leader and role >= 3
    window: 30d
    route: [{sink: console}]
"""
POLICY = "delivery_windows: {business_hours: {days: [mon, tue, wed, thu, fri], start: '09:00', end: '17:00'}}\n"


def event(kind: str, change: str, at: datetime, n: int) -> SignalEvent:
    return SignalEvent(type=EventType(kind), change=change, source="t", source_kind="test", source_id=f"{kind}-{n}",
                       title=f"{kind} {n}", occurred_at=at, detected_at=at, attributes={}, account_id=1,
                       dedupe_key=make_dedupe_key(kind, change, 1, at, n))


@pytest.fixture
def explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    write_starter(tmp_path)
    for name in ("signals.yaml", "hiring_and_stack.yaml"):
        (tmp_path / "rules" / name).unlink()
    (tmp_path / "rules" / "mine.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "rules" / "policy.yaml").write_text(POLICY, encoding="utf-8")
    config = tmp_path / "signalwatch.yaml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["database"] = str(tmp_path / "sw.db")
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'sw.db'}")
    store.migrate()
    store.upsert_accounts([Account(0, "Acme", "acme.example", industry="software", employees=800)], SATURDAY)
    accounts = {a.id: a for a in store.list_accounts()}
    ruleset = load_ruleset(tmp_path / "rules")
    steps = [(SATURDAY, [event("funding", "raised", SATURDAY, 1), event("leadership", "appointed", SATURDAY, 2)]),
             (SATURDAY + timedelta(hours=1), [event("funding", "raised", SATURDAY + timedelta(hours=1), 3),
                                              event("hiring", "posted", SATURDAY + timedelta(hours=1), 4)])]
    for now, events in steps:  # as the daemon commits polls, a fresh (warmed) engine each time
        commit_events(store, warmed_engine(ruleset, store, now), accounts, "t", events, {}, now)
    ids = {e.source_id: n for n, e in store.list_events(limit=100)}
    store.close()

    def run(source_id: str, *command: str) -> str:
        assert main(["-c", str(config), *(command or ("explain",)), str(ids[source_id])]) == 0
        return capsys.readouterr().out
    return run


def test_explain_reports_fired_held_blocked_and_why_not(explain) -> None:  # type: ignore[no-untyped-def]
    first = explain("funding-1")
    assert "  FIRED    any-funding: console" in first
    assert "  HELD     weekday-funding: until 2026-11-23 09:00 UTC (delivery window): console weekday" in first
    second = explain("funding-3")
    # it used to print FIRES here: the cooldown had blocked it
    assert "  BLOCKED  any-funding: cooldown until 2026-11-28 12:00" in second, second
    assert "  HELD     weekday-funding" in second
    roles = explain("hiring-4", "rules", "explain")
    assert "  no       leader-and-roles: condition 'leader and role >= 3' is false within 30d (leader=1, role=1):" \
           " role has 1 of the 3 needed" in roles, roles
    assert "  no       any-funding: event.type = funding (was 'hiring')" in roles
    leader = explain("leadership-2")
    assert "leader-and-roles: condition 'leader and role >= 3' is false within 30d (leader=1, role=0)" in leader, leader


def test_explain_shows_the_heat_the_alert_was_sent_with(explain, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """It printed the heat before the event (0.0 for a first signal) beside an alert that said another figure."""
    store = Store(f"sqlite:///{tmp_path / 'sw.db'}")
    sent = {item.payload["event"]["title"]: item.payload["heat"] for item in store.list_outbox(limit=100)}
    store.close()
    first = explain("funding-1")
    assert "heat 0.0 before this event" in first
    assert f"{sent['funding 1']:.1f} with it (the alert's)" in first and sent["funding 1"] > 0
    roles = explain("hiring-4")  # no alert: only the heat before it
    assert "before this event)" in roles and "(the alert's)" not in roles
