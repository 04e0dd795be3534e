"""Rule evaluation: who alerts, who never does, and what the alert explains."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from signalwatch.accounts import Account
from signalwatch.cli.core import write_starter
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.engine import Engine
from signalwatch.rules.ruleset import RuleSet, load_ruleset
from signalwatch.timeutil import utcnow

NOW = utcnow()
ACME = Account(1, "Acme Robotics", "acmerobotics.example", industry="software", employees=850, country="US",
               owner_email="dana@yourco.example", owner_slack_id="U01DANA001", tags=("strategic",))
GLOBEX = Account(2, "Globex", "globex.example", industry="fintech", employees=1200, country="GB")
HOOLI = Account(3, "Hooli", "hooli.example", industry="software", employees=4000, tags=("customer",))
ACCOUNTS = {a.id: a for a in (ACME, GLOBEX, HOOLI)}


def evaluate(events: list[SignalEvent], accounts: dict[int, Account], ruleset: RuleSet, now: datetime) -> list:
    engine = Engine(ruleset)
    return engine.evaluate(events, accounts, now).drafts


def explain(event: SignalEvent, account: Account | None, ruleset: RuleSet, now: datetime) -> list:
    return Engine(ruleset).explain(event, account, now)


@pytest.fixture
def ruleset(tmp_path: Path) -> RuleSet:
    write_starter(tmp_path)
    return load_ruleset(tmp_path / "rules")


def ev(kind: str, change: str, account: int | None, age: timedelta = timedelta(hours=2), **attrs: object) -> SignalEvent:
    return SignalEvent(
        type=EventType(kind), change=change, source="news", source_kind="rss", source_id=f"{kind}{account}{age}",
        title=f"{kind} {account}", occurred_at=NOW - age, detected_at=NOW, attributes=attrs, account_id=account,
        dedupe_key=make_dedupe_key(kind, change, account, age),
    )


def test_funding_at_tiered_accounts_alerts_with_routes(ruleset: RuleSet) -> None:
    drafts = evaluate([ev("funding", "raised", 1, amount=45e6, round="series_b")], ACCOUNTS, ruleset, NOW)
    assert {(d.rule_id, d.sink, d.target, d.priority) for d in drafts} == {
        ("funding-round", "slack", "#sales-signals", "P1"), ("funding-round", "console", None, "P1")}
    why = drafts[0].payload["why"]
    assert why[0].startswith("Rule funding-round") and any(line.startswith("ICP tier A (Best fit)") for line in why)


def test_anti_icp_accounts_never_alert(ruleset: RuleSet) -> None:
    assert evaluate([ev("funding", "raised", 3, amount=1e8)], ACCOUNTS, ruleset, NOW) == []
    verdicts = dict(explain(ev("funding", "raised", 3), HOOLI, ruleset, NOW))
    assert verdicts["funding-round"] == "account excluded by anti-ICP entry 'existing customer'"


def test_stale_and_unmatched_events_do_not_alert(ruleset: RuleSet) -> None:
    stale = ev("funding", "raised", 1, age=timedelta(days=30))
    unmatched = ev("funding", "raised", None)
    assert evaluate([stale, unmatched], ACCOUNTS, ruleset, NOW) == []
    verdicts = dict(explain(unmatched, None, ruleset, NOW))
    assert verdicts["funding-round"] == "account.tier in [A, B] (was None)"


def test_owner_route_dms_the_owner_and_falls_back_to_the_channel(ruleset: RuleSet) -> None:
    acme = evaluate([ev("leadership", "appointed", 1, title="Chief Revenue Officer")], ACCOUNTS, ruleset, NOW)
    globex = evaluate([ev("leadership", "appointed", 2, title="VP Marketing")], ACCOUNTS, ruleset, NOW)
    assert {d.target for d in acme if d.sink == "slack"} == {"U01DANA001"}
    assert {d.target for d in globex if d.sink == "slack"} == {"#sales-signals"}
    assert evaluate([ev("leadership", "appointed", 2, title="Chief Legal Officer")], ACCOUNTS, ruleset, NOW) == []


def test_editing_a_rule_text_keeps_alert_keys(tmp_path: Path, ruleset: RuleSet) -> None:
    event = ev("funding", "raised", 1)
    before = {d.alert_key for d in evaluate([event], ACCOUNTS, ruleset, NOW)}
    rules = tmp_path / "rules" / "signals.yaml"
    rules.write_text(rules.read_text().replace("A target account announced a funding round", "Reworded"), encoding="utf-8")
    after = {d.alert_key for d in evaluate([event], ACCOUNTS, load_ruleset(tmp_path / "rules"), NOW)}
    assert before == after


def test_icp_tiers_and_fit_score(ruleset: RuleSet) -> None:
    fit = ruleset.icp.fit(ACME)
    assert (fit.tier, fit.fit_score) == ("A", 1.0)
    assert ruleset.icp.fit(GLOBEX).fit_score == 0.5
    assert ruleset.icp.fit(Account(9, "Tiny", employees=5)).tier is None
