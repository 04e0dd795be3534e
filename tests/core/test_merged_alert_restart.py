"""A merged alert (one message naming several rules) starts every named rule's cooldown, and
that survives a restart: the application is built again from its config and database, as
`signalwatch run` does at start, and a second event inside the cooldown posts nothing.

Before: after the restart only the first rule's cooldown was rebuilt (the outbox row carries
the first rule), so the rule that had joined the alert posted again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import yaml

from signalwatch.accounts import Account
from signalwatch.cli.core import write_starter
from signalwatch.config import load_settings
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.runtime.app import build_app
from signalwatch.runtime.pipeline import commit_events
from signalwatch.timeutil import utcnow

RULES = """\
rules:
  - id: funding-round
    description: A target account announced a funding round
    match: {event.type: funding, event.change: raised, account.tier: [A, B]}
    priority: P3
    cooldown: 7d
    route: [{sink: console, channel: "#sales-signals"}]
  - id: tier-a-any-funding
    description: Any funding news at a tier A account
    match: {event.type: funding, account.tier: A}
    priority: P1
    cooldown: 7d
    route: [{sink: console, channel: "#sales-signals"}]
"""


def workspace(root: Path) -> Path:
    write_starter(root)
    for name in ("signals.yaml", "hiring_and_stack.yaml"):
        (root / "rules" / name).unlink()
    for case in (root / "rules" / "tests").iterdir():
        case.unlink()
    (root / "rules" / "funding.yaml").write_text(RULES, encoding="utf-8")
    config = root / "signalwatch.yaml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["database"] = str(root / "sw.db")
    data["server"] = {"enabled": False}
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    return config


def funding(n: int, at: object) -> SignalEvent:
    return SignalEvent(type=EventType("funding"), change="raised", source="wire", source_kind="rss", source_id=f"f{n}",
                       title=f"Acme raises round {n}", occurred_at=at, detected_at=at, attributes={"amount": 20e6 * n},  # round n: a new story
                       account_id=1, dedupe_key=make_dedupe_key("funding", n))


def poll(config: Path, n: int, at: object) -> list[tuple[str, list[str]]]:
    """Start the application from its config and database, commit one funding event as a poll
    does, stop; the outbox rows the poll added, as (rule, rules named)."""
    app = build_app(load_settings(config))
    try:
        before = {item.id for item in app.store.list_outbox(limit=1000)}
        accounts = {account.id: account for account in app.store.list_accounts()}
        commit_events(app.store, app.engine, accounts, "wire", [funding(n, at)], {}, at)  # type: ignore[arg-type]
        return [(item.rule_id, list(item.payload.get("rules") or [item.rule_id]))
                for item in app.store.list_outbox(limit=1000) if item.id not in before]
    finally:
        app.close()


def test_every_rule_a_merged_alert_names_stays_cooling_down_after_a_restart(tmp_path: Path) -> None:
    config = workspace(tmp_path)
    app = build_app(load_settings(config))
    app.store.upsert_accounts([Account(0, "Acme", "acme.example", industry="software", employees=800, country="US")], utcnow())
    app.close()
    now = utcnow()

    first = poll(config, 1, now - timedelta(days=1))
    assert first == [("funding-round", ["funding-round", "tier-a-any-funding"])]  # one message naming both

    # a new process: engine state is rebuilt from the database; a day later, inside both 7d cooldowns
    second = poll(config, 2, now)
    assert second == [], f"a rule that joined the first alert posted again after the restart: {second}"


def test_a_merged_alert_counts_once_toward_the_daily_cap_after_a_restart(tmp_path: Path) -> None:
    config = workspace(tmp_path)
    (tmp_path / "rules" / "policy.yaml").write_text("limits: {per_account_daily: 2}\n", encoding="utf-8")
    (tmp_path / "rules" / "funding.yaml").write_text(RULES.replace("cooldown: 7d", "cooldown: 1m"), encoding="utf-8")
    app = build_app(load_settings(config))
    app.store.upsert_accounts([Account(0, "Acme", "acme.example", industry="software", employees=800, country="US")], utcnow())
    app.close()
    now = utcnow().replace(hour=12, minute=0)
    assert len(poll(config, 1, now - timedelta(hours=2))) == 1  # one alert, two rules: 1 of 2 today
    assert len(poll(config, 2, now - timedelta(hours=1))) == 1  # after a restart: 2 of 2
    assert poll(config, 3, now) == []  # the cap holds across restarts
