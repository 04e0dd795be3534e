"""The "why" of an alert says its conditions in words an SDR reads ("title mentions revenue or
sales", "a funding round within 14 days", "at least 3 engineering roles in 14 days"), not the
engine's syntax or raw regexes; `signalwatch explain` keeps the raw form for the admin.
Real starter rules, engine, Slack rendering, store and CLI.

Before: `Matched event.type = leadership; …; event.attributes.title regex revenue|sales|…|\\bCMO\\b`
and `ICP tier A (Best fit): account.industry in [software, saas, fintech]; account.employees ≥ 200; …`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

from signalwatch.accounts import Account
from signalwatch.alerts.render import render_slack
from signalwatch.cli import main
from signalwatch.cli.core import write_starter
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.engine import Engine
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.app import warmed_engine
from signalwatch.runtime.pipeline import commit_events
from signalwatch.store import Store

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=timezone.utc)
ACME = Account(1, "Acme", "acme.example", industry="software", employees=800, country="US")
ENGINE_SYNTAX = ("event.", "account.", "regex", "\\b", "[", "≥", "≤", " = ")


def appointed(title: str, n: int = 0, at: datetime = NOW, account_id: int = 1) -> SignalEvent:
    return SignalEvent(type=EventType("leadership"), change="appointed", source="wire", source_kind="rss", source_id=f"l{n}",
                       title=f"Acme names {title}", occurred_at=at, detected_at=at, account_id=account_id,
                       attributes={"person": "Jo Doe", "title": title}, dedupe_key=make_dedupe_key("lead", n))


def why_of(rules: Path, events: list[SignalEvent], rule_id: str) -> list[str]:
    engine = Engine(load_ruleset(rules))
    for event in events:
        evaluation = engine.evaluate([event], {ACME.id: ACME}, event.detected_at)
        engine.apply(evaluation.delta)
        for draft in evaluation.drafts:
            if draft.rule_id == rule_id:
                return list(draft.payload["why"])
    raise AssertionError(f"{rule_id} did not fire")


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    write_starter(tmp_path)
    return tmp_path / "rules"


def test_a_single_rule_and_the_icp_read_as_words(starter: Path) -> None:
    why = why_of(starter, [appointed("VP Sales")], "new-revenue-leader")
    assert why[:2] == [
        "Rule new-revenue-leader: A new sales, revenue or marketing leader at a target account",
        "Matched: executive appointment (title mentions revenue, sales, marketing, growth, go to market, GTM, CRO or CMO);"
        " account tier A, B or C",
    ]
    assert ("ICP tier A (Best fit): account industry software, saas or fintech; account employees 200 to 5,000;"
            " account country US, GB, DE, NL, FR or SE") in why
    for line in why:
        assert not any(token in line for token in ENGINE_SYNTAX), line


def test_slack_shows_the_words(starter: Path) -> None:
    engine = Engine(load_ruleset(starter))
    (draft, *_) = [d for d in engine.evaluate([appointed("VP Sales")], {ACME.id: ACME}, NOW).drafts if d.sink == "slack"]
    _, blocks = render_slack(draft.payload)
    why = next(b for b in blocks if b["type"] == "context")["elements"][0]["text"]
    assert "• Matched: executive appointment (title mentions revenue, sales, marketing" in why
    assert "regex" not in why and "event.attributes" not in why


def test_composite_conditions_read_as_counts_in_a_window(starter: Path) -> None:
    (starter / "hiring_and_stack.yaml").write_text("""\
rules:
  - id: funded-and-hiring-engineers
    kind: composite
    description: Fresh funding and an engineering hiring push
    selections:
      funding: {event.type: funding, event.change: raised}
      roles: {event.type: hiring, event.change: posted, event.attributes.function: engineering}
      big: {account.employees: {gte: 100}}
    condition: funding and roles >= 3 and big
    window: 14d
    route: [{sink: console}]
""", encoding="utf-8")
    events: list[SignalEvent] = [SignalEvent(
        type=EventType("funding"), change="raised", source="wire", source_kind="rss", source_id="f", title="Acme raises",
        occurred_at=NOW - timedelta(days=5), detected_at=NOW - timedelta(days=5), account_id=1,
        attributes={"amount": 30e6, "round": "series_c"}, dedupe_key=make_dedupe_key("f"))]
    events += [SignalEvent(type=EventType("hiring"), change="posted", source="jobs", source_kind="jobs", source_id=f"j{n}",
                           title=f"Engineer {n}", occurred_at=NOW - timedelta(days=3 - n), detected_at=NOW - timedelta(days=3 - n),
                           account_id=1, attributes={"function": "engineering"}, dedupe_key=make_dedupe_key("j", n))
               for n in range(3)]
    why = why_of(starter, events, "funded-and-hiring-engineers")
    assert why[1] == ("Matched: a funding round within 14 days and at least 3 engineering roles in 14 days"
                      " and account employees at least 100")
    leader = why_of(starter, [appointed("Head of Sales", n, NOW - timedelta(days=9 - n)) for n in range(1)] + [
        SignalEvent(type=EventType("hiring"), change="posted", source="jobs", source_kind="jobs", source_id=f"s{n}",
                    title=f"AE {n}", occurred_at=NOW - timedelta(days=n), detected_at=NOW - timedelta(days=n), account_id=1,
                    attributes={"function": "sales"}, dedupe_key=make_dedupe_key("s", n)) for n in (3, 2, 1)],
        "sales-leader-and-hiring")
    assert leader[1] == ("Matched: an executive appointment (title mentions VP/vice president/head/director/chief … "
                         "sales/revenue or CRO) within 30 days and at least 3 sales, sales development or RevOps roles in"
                         " 30 days and account tier A or B")


def test_explain_keeps_the_raw_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    config = tmp_path / "signalwatch.yaml"
    data: dict[str, Any] = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["database"] = str(tmp_path / "sw.db")
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'sw.db'}")
    store.migrate()
    store.upsert_accounts([Account(0, "Acme", "acme.example", industry="software", employees=800)], NOW)
    accounts = {a.id: a for a in store.list_accounts()}
    ruleset = load_ruleset(tmp_path / "rules")
    event = appointed("Chief Financial Officer", 7, account_id=next(iter(accounts)))
    commit_events(store, warmed_engine(ruleset, store, NOW), accounts, "wire", [event], {}, NOW)
    (event_id, _), = store.list_events(limit=10)
    store.close()
    assert main(["-c", str(config), "explain", str(event_id)]) == 0
    out = capsys.readouterr().out
    assert ("no       new-revenue-leader: event.attributes.title regex revenue|sales|marketing|growth|go[- ]to[- ]market|"
            "\\bGTM\\b|\\bCRO\\b|\\bCMO\\b (was 'Chief Financial Officer')") in out, out


@pytest.mark.parametrize(("regex", "words"), [
    ("revenue|sales", "title mentions revenue or sales"),
    ("(?i)vp|chief|head", "title mentions vp, chief or head"),
    ("(?:senior )?account executive", "title mentions (senior) account executive"),
    ("VP.{0,40}of.{0,40}Sales", "title mentions VP … of … Sales"),
    ("\\bCRO\\b|go[- ]to[- ]market", "title mentions CRO or go to market"),
    ("[A-Z]{2,}\\d+", "title matches a custom pattern"),  # no words to say: never the raw regex
])
def test_regexes_read_as_the_words_they_look_for(regex: str, words: str) -> None:
    from signalwatch.rules.conditions import Test, compile_admin_regex
    from signalwatch.rules.wording import test_phrase

    assert test_phrase(Test("event.attributes.title", "regex", regex, compile_admin_regex(regex))) == words
