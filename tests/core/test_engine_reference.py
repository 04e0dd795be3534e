"""The engine's indexes, gates and caches must decide exactly what a plain evaluation decides:
every rule against every event, composite counts by scanning the account's whole history."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

from signalwatch.accounts import Account
from signalwatch.cli.core import write_starter
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.engine import Engine
from signalwatch.rules.ruleset import RuleSet, account_record, event_record, load_ruleset

START = datetime(2026, 9, 1, tzinfo=timezone.utc)
FUNCTIONS = ["sales", "marketing", "engineering", "revops"]
TECH = ["salesforce", "hubspot", "snowflake"]
KINDS = [("hiring", "posted"), ("hiring", "posted"), ("hiring", "closed"), ("funding", "raised"),
         ("leadership", "appointed"), ("tech_stack", "adopted")]
CONDITIONS = [
    "roles >= {n} and other and fit", "roles >= {n} or (other and fit)", "roles >= {n} and not other",
    "other >= 2 and fit", "(roles or other) and not fit", "roles >= {n}",
]


def rules_yaml(rng: random.Random) -> str:
    lines = ["rules:"]
    for i in range(16):
        fn, tech = rng.choice(FUNCTIONS), rng.choice(TECH)
        match = rng.choice([
            f"{{event.type: hiring, event.change: posted, event.attributes.function: {fn}, account.employees: {{gte: {rng.choice([50, 300])}}}}}",
            f"{{event.type: funding, event.attributes.amount: {{gte: {rng.randint(1, 30)}000000}}, account.tier: [A, B]}}",
            "{event.type: leadership, event.attributes.title: {regex: \"(?i)vp|chief\"}}",
            f"{{event.type: [tech_stack, hiring], event.attributes.technology: {tech}}}",
            f"{{event.attributes.function: {fn}}}",
        ])
        lines += [f"  - id: single-{i}", "    description: generated", f"    match: {match}", "    route: [{sink: console}]"]
    for i in range(16):
        fn, tech = rng.choice(FUNCTIONS), rng.choice(TECH)
        lines += [
            f"  - id: composite-{i}", "    kind: composite", "    description: generated", "    selections:",
            f"      roles: {{event.type: hiring, event.change: posted, event.attributes.function: {fn}}}",
            rng.choice([f"      other: {{event.type: tech_stack, event.attributes.technology: {tech}}}",
                        "      other: {event.type: [leadership, funding]}"]),
            f"      fit: {{account.tier: [{rng.choice(['A', 'A, B', 'C'])}]}}",
            f"    condition: {rng.choice(CONDITIONS).format(n=rng.randint(1, 4))}",
            f"    window: {rng.choice([2, 5, 10])}d",
            "    route: [{sink: console}]",
        ]
    return "\n".join(lines) + "\n"


def make_events(count: int, accounts: int, rng: random.Random) -> list[SignalEvent]:
    events = []
    for n in range(count):
        kind, change = rng.choice(KINDS)
        attributes: dict[str, object] = {
            "hiring": {"function": rng.choice(FUNCTIONS), "title": "Account Executive"},
            "funding": {"amount": rng.randint(1, 40) * 1e6},
            "leadership": {"title": rng.choice(["VP Sales", "Chief of Staff", "Head of Data"])},
            "tech_stack": {"technology": rng.choice(TECH)},
        }[kind]
        if kind == "hiring" and rng.random() < 0.2:
            attributes["technology"] = rng.choice(TECH)
        at = START + timedelta(minutes=20 * n)
        events.append(SignalEvent(type=EventType(kind), change=change, source="t", source_kind="test", source_id=str(n),
                                  title=f"{kind} {n}", occurred_at=at, detected_at=at, attributes=attributes,
                                  account_id=rng.randint(1, accounts), dedupe_key=make_dedupe_key("ref", n)))
    return events


def reference(ruleset: RuleSet, accounts: dict[int, Account], polls: list[list[SignalEvent]]) -> set[tuple[str, str]]:
    """(rule id, event key) of every rule whose condition holds for every event, the slow way.
    A composite counts the account's events seen so far that occurred within its window
    before the poll's time (the window ends at evaluation, as in the daemon)."""
    history: dict[int, list[tuple[datetime, dict]]] = defaultdict(list)
    decided = set()
    for event, now in ((event, poll[-1].detected_at) for poll in polls for event in poll):
        account = accounts[event.account_id]  # type: ignore[index]
        fit = ruleset.icp.fit(account)
        if fit.excluded_by:
            continue
        record = {"event": event_record(event), "account": account_record(account, fit)}
        history[account.id].append((event.occurred_at, record))
        for rule in ruleset.rules:
            if rule.kind == "single":
                holds = rule.condition({s.name: int(s.match.matches(record)) for s in rule.selections})
            else:
                assert rule.window is not None
                if not any(s.match.matches(record) for s in rule.event_selections):
                    continue  # only an event a composite counts can complete it
                since = now - rule.window
                counts = {s.name: sum(1 for at, past in history[account.id] if at >= since and s.match.matches(past))
                          for s in rule.selections}
                holds = rule.condition(counts)
            if holds:
                decided.add((rule.id, event.dedupe_key))
    return decided


def test_engine_decides_as_a_full_scan_does_on_random_rules_accounts_and_events(tmp_path: Path) -> None:
    for seed in (1, 2, 3):
        rng = random.Random(seed)
        folder = tmp_path / str(seed)
        write_starter(folder)
        (folder / "rules" / "signals.yaml").write_text(rules_yaml(rng), encoding="utf-8")
        (folder / "rules" / "policy.yaml").write_text("limits: {per_account_daily: null}\n", encoding="utf-8")
        ruleset = load_ruleset(folder / "rules")
        accounts = {i: Account(i, f"Company {i}", f"c{i}.example", industry=rng.choice(["software", "saas", "retail"]),
                               employees=rng.choice([15, 60, 250, 900, 4000]), country=rng.choice(["US", "DE"]))
                    for i in range(1, 61)}
        events = make_events(1500, len(accounts), rng)
        polls = [events[start : start + 7] for start in range(0, len(events), 7)]  # as the pipeline makes them
        engine = Engine(ruleset)
        decided: set[tuple[str, str]] = set()
        for poll in polls:
            evaluation = engine.evaluate(poll, accounts, poll[-1].detected_at)
            engine.apply(evaluation.delta)
            # one alert per (event, sink, target) names every rule that fired
            decided |= {(rule_id, draft.event_key) for draft in evaluation.drafts
                        for rule_id in draft.payload.get("rules") or [draft.rule_id]}
            decided |= {(rule_id, key) for rule_id, key, _ in evaluation.skipped}  # cooldowns and suppressions
        expected = reference(ruleset, accounts, polls)
        assert len(expected) > 300 and any(rule.startswith("composite") for rule, _ in expected)
        assert decided == expected, (sorted(expected - decided)[:5], sorted(decided - expected)[:5])
