"""The rules engine for admins: composites, suppressions, cooldowns, caps, windows, routing, heat."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from signalwatch.accounts import Account
from signalwatch.cli import main
from signalwatch.cli.core import write_starter
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.engine import Engine
from signalwatch.rules.policy import Scoring
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.rules.scoring import HeatState, account_heat
from signalwatch.yamlload import AdminInputError

MONDAY_NOON = datetime(2026, 11, 23, 17, 0, tzinfo=timezone.utc)  # 12:00 in New York
ACME = Account(1, "Acme", "acme.example", industry="software", employees=800, country="US",
               owner_email="dana@yourco.example", tags=("strategic",))
BERLIN = Account(2, "Berlin GmbH", "berlin.example", industry="saas", employees=300, country="DE", owner_slack_id="U0BERLIN1")
PAUSED = Account(3, "Paused Co", "paused.example", industry="software", employees=900, tags=("open_deal",))
ACCOUNTS = {a.id: a for a in (ACME, BERLIN, PAUSED)}


def folder_with(tmp_path: Path, rules: str, policy: str | None = None) -> Path:
    write_starter(tmp_path, force=True)
    folder = tmp_path / "rules"
    (folder / "signals.yaml").write_text(rules, encoding="utf-8")
    if policy is not None:
        (folder / "policy.yaml").write_text(policy, encoding="utf-8")
    return folder


def ev(kind: str, change: str, account: int | None, at: datetime, n: int = 0, **attrs: object) -> SignalEvent:
    return SignalEvent(type=EventType(kind), change=change, source="t", source_kind="test", source_id=f"{kind}-{account}-{at}-{n}",
                       title=f"{kind} {n}", occurred_at=at, detected_at=at, attributes=attrs, account_id=account,
                       dedupe_key=make_dedupe_key(kind, change, account, at, n))


def run(engine: Engine, events: list[SignalEvent], now: datetime) -> list:
    evaluation = engine.evaluate(events, ACCOUNTS, now)
    engine.apply(evaluation.delta)
    return evaluation.drafts


COMPOSITE = """\
rules:
  - id: leader-plus-hiring
    kind: composite
    description: leader and 3 roles
    selections:
      leader: {event.type: leadership, event.change: appointed}
      role: {event.type: hiring, event.change: posted, event.attributes.function: sales}
      fit: {account.tier: [A, B]}
    condition: leader and role >= 3 and fit
    window: 30d
    route: [{sink: console}]
"""


def test_composite_fires_once_when_the_counts_are_reached_within_the_window(tmp_path: Path) -> None:
    engine = Engine(load_ruleset(folder_with(tmp_path, COMPOSITE)))
    t0 = MONDAY_NOON - timedelta(days=20)
    assert run(engine, [ev("leadership", "appointed", 1, t0)], t0) == []
    assert run(engine, [ev("hiring", "posted", 1, t0 + timedelta(days=1), n, function="sales") for n in range(2)], t0 + timedelta(days=1)) == []
    assert run(engine, [ev("hiring", "posted", 1, t0 + timedelta(days=1), 7, function="marketing")], t0 + timedelta(days=1)) == []
    fired = run(engine, [ev("hiring", "posted", 1, t0 + timedelta(days=2), 9, function="sales")], t0 + timedelta(days=2))
    assert [d.rule_id for d in fired] == ["leader-plus-hiring"]
    assert len(fired[0].payload["evidence"]) == 4
    assert run(engine, [ev("hiring", "posted", 1, t0 + timedelta(days=3), 10, function="sales")], t0 + timedelta(days=3)) == []  # cooldown = window


def test_composite_counts_only_inside_the_window(tmp_path: Path) -> None:
    engine = Engine(load_ruleset(folder_with(tmp_path, COMPOSITE)))
    old = MONDAY_NOON - timedelta(days=45)
    run(engine, [ev("leadership", "appointed", 1, old)], old)
    roles = [ev("hiring", "posted", 1, MONDAY_NOON, n, function="sales") for n in range(5)]
    assert run(engine, roles, MONDAY_NOON) == []
    verdicts = dict(engine.explain(roles[0], ACME, MONDAY_NOON))
    assert "leader=0" in (verdicts["leader-plus-hiring"] or "") and "role=5" in (verdicts["leader-plus-hiring"] or "")


def test_cooldown_and_daily_cap(tmp_path: Path) -> None:
    rules = """\
rules:
  - id: any-funding
    description: f
    match: {event.type: funding}
    cooldown: 2d
  - id: any-leadership
    description: l
    match: {event.type: leadership}
  - id: any-hiring
    description: h
    match: {event.type: hiring}
"""
    engine = Engine(load_ruleset(folder_with(tmp_path, rules, "limits: {per_account_daily: 2}\n")))
    now = MONDAY_NOON
    assert len(run(engine, [ev("funding", "raised", 1, now, 1)], now)) == 1
    assert run(engine, [ev("funding", "raised", 1, now, 2)], now + timedelta(days=1)) == []  # cooldown
    day = now + timedelta(days=3)
    fired = run(engine, [ev("funding", "raised", 1, day, 3), ev("leadership", "appointed", 1, day, 4), ev("hiring", "posted", 1, day, 5)], day)
    assert [d.rule_id for d in fired] == ["any-funding", "any-leadership"]  # the third hits the cap of 2


def test_suppressions_need_an_expiry_and_stop_alerts_until_then(tmp_path: Path) -> None:
    base = "rules:\n  - id: any-funding\n    description: f\n    match: {event.type: funding}\n"
    with pytest.raises(AdminInputError, match="needs `expires: YYYY-MM-DD` or an explicit `permanent: true`"):
        load_ruleset(folder_with(tmp_path, base + "  - id: s\n    kind: suppression\n    description: s\n    match: {account.tags: {contains: open_deal}}\n"))
    rules = base + ("  - id: open-deal\n    kind: suppression\n    description: worked by the AE\n"
                    "    match: {account.tags: {contains: open_deal}}\n    expires: 2026-12-01\n")
    engine = Engine(load_ruleset(folder_with(tmp_path, rules)))
    assert run(engine, [ev("funding", "raised", 3, MONDAY_NOON)], MONDAY_NOON) == []
    assert dict(engine.explain(ev("funding", "raised", 3, MONDAY_NOON), PAUSED, MONDAY_NOON))["any-funding"] == "suppressed by open-deal"
    later = datetime(2026, 12, 2, 15, tzinfo=timezone.utc)
    assert len(run(engine, [ev("funding", "raised", 3, later, 1)], later)) == 1


def test_routes_by_region_owner_and_delivery_window(tmp_path: Path) -> None:
    rules = """\
rules:
  - id: funding
    description: f
    match: {event.type: funding}
    route:
      - {sink: slack, channel: "#emea", when: {account.country: [DE, FR, GB]}}
      - {sink: slack, channel: "#amer", when: {account.country: [US, CA]}}
      - {sink: slack, to: owner, channel: "#owners-fallback", window: business_hours}
"""
    engine = Engine(load_ruleset(folder_with(tmp_path, rules, "delivery_windows:\n  business_hours: {timezone: America/New_York}\n")))
    saturday = datetime(2026, 11, 21, 15, tzinfo=timezone.utc)
    berlin = run(engine, [ev("funding", "raised", 2, saturday)], saturday)
    acme = run(engine, [ev("funding", "raised", 1, saturday)], saturday)
    assert {(d.target, d.not_before) for d in berlin} == {("#emea", None), ("U0BERLIN1", datetime(2026, 11, 23, 13, tzinfo=timezone.utc))}
    assert {d.target for d in acme} == {"#amer", "email:dana@yourco.example|#owners-fallback"}


def test_auto_priority_follows_heat_and_heat_is_incremental(tmp_path: Path) -> None:
    rules = "rules:\n  - id: all\n    description: a\n    match: {event.type: [funding, leadership, hiring]}\n    priority: auto\n    max_age: 60d\n"
    engine = Engine(load_ruleset(folder_with(tmp_path, rules, "limits: {per_account_daily: null}\n")))
    now = MONDAY_NOON
    first = run(engine, [ev("hiring", "posted", 1, now - timedelta(days=20))], now)
    assert first[0].priority == "P3"
    events = [ev("leadership", "appointed", 1, now - timedelta(days=3)), ev("funding", "raised", 1, now - timedelta(hours=2))]
    later = run(engine, events, now)
    assert later[-1].priority == "P1" and later[-1].payload["heat"] > 8
    reference = account_heat([ev("hiring", "posted", 1, now - timedelta(days=20)), *events], "A", Scoring(), now)
    assert engine.heat(ACME, now) == pytest.approx(reference.value)
    state = HeatState()
    for e in reversed([ev("hiring", "posted", 1, now - timedelta(days=20)), *events]):  # order must not matter
        state.add(str(e.type), e.change, e.occurred_at, Scoring())
    assert state.value("A", Scoring(), now) == pytest.approx(reference.value)


def test_lint_strict_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = """\
rules:
  - id: lint-me
    description: x
    selections:
      funding: {event.type: funding}
      unused: {event.type: hiring}
    condition: funding and fundng
"""
    folder = folder_with(tmp_path, rules)
    assert main(["rules", "check", str(folder), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    messages = {(i["line"], i["severity"], i["message"]) for i in report["issues"]}
    assert (7, "error", "condition names unknown selection 'fundng' (did you mean 'funding'?)") in messages
    assert (6, "warning", "selection 'unused' is not used in the condition") in messages
    (folder / "signals.yaml").write_text(rules.replace("funding and fundng", "funding"), encoding="utf-8")
    assert main(["rules", "check", str(folder)]) == 0
    assert main(["rules", "check", str(folder), "--strict"]) == 3


def test_composite_and_count_misuse_is_reported(tmp_path: Path) -> None:
    rules = """\
rules:
  - id: no-window
    kind: composite
    description: x
    selections: {a: {event.type: hiring}}
    condition: a >= 2
  - id: count-in-single
    description: x
    selections: {a: {event.type: hiring}}
    condition: a >= 2
  - id: bad-window-name
    description: x
    match: {event.type: funding}
    route: [{sink: slack, window: bussiness_hours}]
"""
    with pytest.raises(AdminInputError) as caught:
        load_ruleset(folder_with(tmp_path, rules, "delivery_windows:\n  business_hours: {}\n"))
    text = str(caught.value)
    assert ":3: a composite rule needs a window" in text
    assert ":10: counts like `>= 3` need `kind: composite`" in text
    assert ":14: delivery window 'bussiness_hours' is not defined in policy.yaml (did you mean 'business_hours'?)" in text


def test_the_shipped_rule_tests_pass_and_a_wrong_expectation_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    tests = tmp_path / "rules" / "tests" / "signals_test.yaml"
    assert main(["rules", "test", str(tests), "--rules", str(tmp_path / "rules")]) == 0
    assert "all rule tests passed" in capsys.readouterr().out
    tests.write_text(tests.read_text().replace("sales-leader-and-hiring: []      # the 30-day", "sales-leader-and-hiring: [Globex Payments]  # the 30-day"))
    assert main(["rules", "test", str(tests), "--rules", str(tmp_path / "rules")]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "sales-leader-and-hiring expected ['Globex Payments'], got []" in out


def test_crm_routes_carry_their_action(tmp_path: Path) -> None:
    rules = "rules:\n  - id: f\n    description: f\n    match: {event.type: funding}\n    route: [{sink: hubspot, action: [note, properties]}]\n"
    engine = Engine(load_ruleset(folder_with(tmp_path, rules)))
    (draft,) = run(engine, [ev("funding", "raised", 1, MONDAY_NOON)], MONDAY_NOON)
    assert (draft.sink, draft.target) == ("hubspot", "note+properties")
    assert draft.payload["account"]["crm_id"] is None


def test_daily_memory_sweeps_keep_cooldowns_and_windows_that_still_apply(tmp_path: Path) -> None:
    rules = COMPOSITE + """\
  - id: any-funding
    description: every round, at most every 3 days
    match: {event.type: funding}
    cooldown: 3d
    max_age: 30d
"""
    engine = Engine(load_ruleset(folder_with(tmp_path, rules, "limits: {per_account_daily: null}\n")))
    t0 = MONDAY_NOON - timedelta(days=20)
    assert [d.rule_id for d in run(engine, [ev("funding", "raised", 1, t0)], t0)] == ["any-funding"]
    run(engine, [ev("leadership", "appointed", 1, t0)], t0)
    for day in (1, 2):  # each new day of evaluations sweeps the engine's memory
        at = t0 + timedelta(days=day)
        assert run(engine, [ev("funding", "raised", 1, at, day), ev("hiring", "posted", 1, at, day, function="sales")], at) == []
    at = t0 + timedelta(days=4)
    fired = run(engine, [ev("funding", "raised", 1, at, 4), ev("hiring", "posted", 1, at, 4, function="sales")], at)
    assert sorted(d.rule_id for d in fired) == ["any-funding", "leader-plus-hiring"]  # 3 roles + the leader, 4 days apart
    later = t0 + timedelta(days=40)  # the leader and the roles are now outside the 30-day window
    assert run(engine, [ev("hiring", "posted", 1, later, n, function="sales") for n in range(5, 8)], later) == []


def test_a_composite_needing_a_fit_fires_only_for_accounts_that_fit(tmp_path: Path) -> None:
    small = Account(4, "Small Co", "small.example", industry="software", employees=25)  # tier C
    accounts = {**ACCOUNTS, small.id: small}
    engine = Engine(load_ruleset(folder_with(tmp_path, COMPOSITE)))
    t0 = MONDAY_NOON - timedelta(days=5)
    fired = []
    for account in (1, 4):
        events = [ev("leadership", "appointed", account, t0), *(ev("hiring", "posted", account, t0, n, function="sales") for n in range(3))]
        evaluation = engine.evaluate(events, accounts, t0)
        engine.apply(evaluation.delta)
        fired += [(d.rule_id, d.account_id) for d in evaluation.drafts]
    assert fired == [("leader-plus-hiring", 1)]
    assert dict(engine.explain(ev("hiring", "posted", 4, t0, 9, function="sales"), small, t0))["leader-plus-hiring"] == \
        "condition 'leader and role >= 3 and fit' is false within 30d (fit=0, leader=1, role=4): fit (account) does not hold"


def test_a_rule_on_the_crm_id_can_be_tested(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    (tmp_path / "rules" / "crm.yaml").write_text("""rules:
  - id: funding-at-crm-accounts
    description: funding at accounts synced from HubSpot
    match:
      event.type: funding
      account.crm_id: {contains: "hubspot:"}
""", encoding="utf-8")
    tests = tmp_path / "crm_test.yaml"
    tests.write_text("""tests:
  - name: only the account synced from HubSpot alerts
    now: 2026-11-20T15:00:00Z
    accounts:
      - {name: Acme Robotics, domain: acmerobotics.example, crm_id: "hubspot:123", boards: ["greenhouse:acme"]}
      - {name: Hooli, domain: hooli.example}
    steps:
      - events:
          - {type: funding, change: raised, company: Acme Robotics}
          - {type: funding, change: raised, company: Hooli}
        expect:
          funding-at-crm-accounts: [Acme Robotics]
""", encoding="utf-8")
    assert main(["rules", "test", str(tests), "--rules", str(tmp_path / "rules")]) == 0, capsys.readouterr().out
