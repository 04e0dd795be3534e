"""Two rules matching one event post ONE alert per (event, sink, target), naming every rule that
fired, at the highest priority among them; the daily cap counts it once; the alert key stays
the first rule's, so alerts sent before the merge are not sent again. Real loader and engine."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from signalwatch.accounts import Account
from signalwatch.cli import main
from signalwatch.cli.core import write_starter
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.engine import Engine
from signalwatch.rules.ruleset import load_ruleset

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=timezone.utc)
ACME = Account(1, "Acme", "acme.example", industry="software", employees=800, country="US")
ACCOUNTS = {ACME.id: ACME}

FUNDING_ROUND = """\
rules:
  - id: funding-round
    description: A target account announced a funding round
    match: {event.type: funding, event.change: raised, account.tier: [A, B]}
    priority: P3
    cooldown: 7d
    route:
      - {sink: slack, channel: "#sales-signals"}
      - {sink: console}
"""
SECOND = """\
  - id: tier-a-any-funding
    description: Any funding news at a tier A account
    match: {event.type: funding, account.tier: A}
    priority: P1
    cooldown: 7d
    route:
      - {sink: slack, channel: "#sales-signals"}
      - {sink: slack, channel: "#tier-a"}
"""


def folder(tmp_path: Path, rules: str, policy: str = "") -> Path:
    write_starter(tmp_path, force=True)
    for name in ("signals.yaml", "hiring_and_stack.yaml"):
        (tmp_path / "rules" / name).unlink()
    (tmp_path / "rules" / "funding.yaml").write_text(rules, encoding="utf-8")
    if policy:
        (tmp_path / "rules" / "policy.yaml").write_text(policy, encoding="utf-8")
    return tmp_path / "rules"


def funding(n: int = 0) -> SignalEvent:
    return SignalEvent(type=EventType("funding"), change="raised", source="t", source_kind="test", source_id=f"f{n}",
                       title=f"Acme raises $20M ({n})", occurred_at=NOW, detected_at=NOW, attributes={"amount": 20e6},
                       account_id=1, dedupe_key=make_dedupe_key("funding", "raised", 1, NOW, n))


def test_two_rules_on_one_event_post_one_alert_per_target(tmp_path: Path) -> None:
    engine = Engine(load_ruleset(folder(tmp_path / "both", FUNDING_ROUND + SECOND)))
    evaluation = engine.evaluate([funding()], ACCOUNTS, NOW)
    by_target = {(d.sink, d.target): d for d in evaluation.drafts}
    assert sorted(by_target) == [("console", None), ("slack", "#sales-signals"), ("slack", "#tier-a")]
    shared = by_target[("slack", "#sales-signals")]
    assert shared.rule_id == "funding-round" and shared.payload["rules"] == ["funding-round", "tier-a-any-funding"]
    assert shared.payload["why"][0] == "Rules: funding-round, tier-a-any-funding"
    assert "Rule tier-a-any-funding: Any funding news at a tier A account" in shared.payload["why"]
    assert shared.priority == shared.payload["priority"] == "P1"  # the highest of P3 and P1
    # the routes only one rule has are that rule's alone
    assert by_target[("console", None)].payload["why"][0].startswith("Rule funding-round:")
    assert by_target[("console", None)].priority == "P3"
    assert by_target[("slack", "#tier-a")].payload.get("rules") is None
    # the key is the one funding-round alone makes: an alert sent before the upgrade is not re-sent
    alone = Engine(load_ruleset(folder(tmp_path / "alone", FUNDING_ROUND))).evaluate([funding()], ACCOUNTS, NOW)
    assert shared.alert_key == {(d.sink, d.target): d for d in alone.drafts}[("slack", "#sales-signals")].alert_key
    # both rules fired: both cool down
    engine.apply(evaluation.delta)
    again = engine.evaluate([funding(1)], ACCOUNTS, NOW)
    assert again.drafts == [] and sorted(r for r, _, why in again.skipped if why.startswith("cooldown")) == [
        "funding-round", "tier-a-any-funding"]


def test_the_daily_cap_counts_a_joined_alert_once(tmp_path: Path) -> None:
    one_route = SECOND.replace('      - {sink: slack, channel: "#tier-a"}\n', "")
    rules = folder(tmp_path, FUNDING_ROUND + one_route, policy="limits: {per_account_daily: 1}\n")
    engine = Engine(load_ruleset(rules))
    evaluation = engine.evaluate([funding()], ACCOUNTS, NOW)
    assert evaluation.skipped == []  # the second rule joins the first's alert: the cap is not reached by it
    assert [(d.sink, d.payload.get("rules")) for d in evaluation.drafts] == [
        ("slack", ["funding-round", "tier-a-any-funding"]), ("console", None)]
    assert evaluation.delta.daily == {(1, NOW.date()): 1}


def test_rules_test_sees_every_rule_an_alert_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = folder(tmp_path, FUNDING_ROUND + SECOND)
    case = tmp_path / "case.yaml"
    case.write_text("""\
tests:
  - name: both rules fire, one message per channel
    now: 2026-11-20T15:00:00Z
    accounts: [{name: Acme, domain: acme.example, industry: software, employees: 800}]
    steps:
      - {at: 0, events: [{type: funding, change: raised, company: Acme}],
         expect: {funding-round: [Acme], tier-a-any-funding: [Acme]}}
""", encoding="utf-8")
    assert main(["rules", "test", str(case), "--rules", str(rules)]) == 0, capsys.readouterr().out
