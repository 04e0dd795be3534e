"""Heat reflects buying intent: commodity technologies (jQuery, CDNs, free analytics tags) carry
no heat, marked per technology in the catalog data; tech-stack changes together add at most a
capped heat; the policy documents every weight. The case from the field: a homepage redesign
(14 tech adopted/dropped events, jQuery and a CDN among them) must not lift an account above
an otherwise identical one that raised a Series C. Real catalog, rules loader, engine and
`signalwatch accounts top`.

Before: every tech change weighed 6, so the redesign added 84 and outranked the round (10)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from signalwatch.accounts import Account
from signalwatch.cli import main
from signalwatch.cli.core import write_starter
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.engine import Engine
from signalwatch.rules.policy import Scoring
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.rules.scoring import HeatState, account_heat
from signalwatch.store import Store
from signalwatch.techstack.catalog import default_catalog, load_catalog
from signalwatch.timeutil import utcnow

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=timezone.utc)
ROUND = Account(1, "Series C Co", "round.example", industry="software", employees=800, country="US")
REDESIGN = Account(2, "Redesign Co", "redesign.example", industry="software", employees=800, country="US")
ACCOUNTS = {ROUND.id: ROUND, REDESIGN.id: REDESIGN}
# What a homepage redesign looks like to the tech-stack connector: one poll, 14 changes.
ADOPTED = ["nextjs", "vercel", "cloudflare", "google_tag_manager", "hotjar", "segment", "intercom", "optimizely", "webflow",
           "onetrust"]
DROPPED = ["jquery", "wordpress", "drift", "google_optimize"]


def event(kind: str, change: str, account: Account, n: int, at: datetime, **attributes: object) -> SignalEvent:
    return SignalEvent(type=EventType(kind), change=change, source="t", source_kind="test", source_id=f"{account.id}-{n}",
                       title=f"{kind} {change} {n}", occurred_at=at, detected_at=at, attributes=attributes,
                       account_id=account.id, dedupe_key=make_dedupe_key(kind, change, account.id, n))


def history(account: Account, now: datetime) -> list[SignalEvent]:
    """The same earlier signals at both accounts: a new VP and two job posts."""
    return [event("leadership", "appointed", account, 1, now - timedelta(days=20), title="VP Sales"),
            event("hiring", "posted", account, 2, now - timedelta(days=10), function="sales"),
            event("hiring", "posted", account, 3, now - timedelta(days=6), function="sales")]


def redesign(now: datetime) -> list[SignalEvent]:
    changes = [("adopted", tech) for tech in ADOPTED] + [("dropped", tech) for tech in DROPPED]
    return [event("tech_stack", change, REDESIGN, 10 + n, now, technology=tech, confidence=0.95)
            for n, (change, tech) in enumerate(changes)]


def series_c(now: datetime) -> list[SignalEvent]:
    return [event("funding", "raised", ROUND, 10, now, amount=30e6, currency="USD", round="series_c")]


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    write_starter(tmp_path)
    return tmp_path / "rules"


def test_a_redesign_does_not_outrank_a_series_c(rules: Path) -> None:
    assert {"jquery", "cloudflare"} <= set(ADOPTED + DROPPED) and len(ADOPTED + DROPPED) == 14
    ruleset = load_ruleset(rules)
    engine = Engine(ruleset)
    events = history(ROUND, NOW) + history(REDESIGN, NOW) + series_c(NOW) + redesign(NOW)
    engine.apply(engine.evaluate(events, ACCOUNTS, NOW).delta)
    round_heat, redesign_heat = engine.heat(ROUND, NOW), engine.heat(REDESIGN, NOW)
    assert redesign_heat < round_heat, (redesign_heat, round_heat)
    # the digest and `accounts top` score with account_heat: the same figures, the same order
    scoring = ruleset.policy.scoring
    assert account_heat(history(ROUND, NOW) + series_c(NOW), "A", scoring, NOW).value == pytest.approx(round_heat)
    assert account_heat(history(REDESIGN, NOW) + redesign(NOW), "A", scoring, NOW).value == pytest.approx(redesign_heat)


def test_accounts_top_ranks_the_round_first(rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = rules.parent
    config = root / "signalwatch.yaml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["database"] = str(root / "sw.db")
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    store = Store(f"sqlite:///{root / 'sw.db'}")
    store.migrate()
    now = utcnow()
    store.upsert_accounts([Account(0, a.name, a.domain, industry="software", employees=800, country="US")
                           for a in (ROUND, REDESIGN)], now)
    ids = {a.name: a.id for a in store.list_accounts()}
    with store.poll_unit("t", now) as unit:
        events = history(ROUND, now) + series_c(now) + history(REDESIGN, now) + redesign(now)
        unit.insert([e.model_copy(update={"account_id": ids["Series C Co" if e.account_id == 1 else "Redesign Co"]})
                     for e in events])
        unit.save_cursor({})
    store.close()
    assert main(["-c", str(config), "accounts", "top"]) == 0
    out = capsys.readouterr().out
    assert out.index("Series C Co") < out.index("Redesign Co"), out


def test_commodity_technologies_are_marked_in_the_catalog_and_add_no_heat(rules: Path, tmp_path: Path) -> None:
    catalog = default_catalog()
    assert {"jquery", "cloudflare", "google_analytics"} <= catalog.commodity
    assert not catalog["hubspot"].commodity and not catalog["salesforce"].commodity
    extra = tmp_path / "mine.yaml"
    extra.write_text("technologies:\n- {id: google_fonts, name: Google Fonts, category: other, commodity: true}\n",
                     encoding="utf-8")
    assert "google_fonts" in load_catalog(extra).commodity  # a catalog file marks its own
    engine = Engine(load_ruleset(rules))
    engine.apply(engine.evaluate([event("tech_stack", "adopted", REDESIGN, 1, NOW, technology="jquery"),
                                  event("tech_stack", "dropped", REDESIGN, 2, NOW, technology="cloudflare")],
                                 ACCOUNTS, NOW).delta)
    assert engine.heat(REDESIGN, NOW) == 0.0
    engine.apply(engine.evaluate([event("tech_stack", "adopted", REDESIGN, 3, NOW, technology="hubspot")], ACCOUNTS, NOW).delta)
    assert engine.heat(REDESIGN, NOW) == pytest.approx(6.0)  # a CRM is intent: its full weight


def test_tech_stack_heat_is_capped_and_decays(rules: Path) -> None:
    scoring = load_ruleset(rules).policy.scoring
    assert scoring.cap("tech_stack") == 8.0 < scoring.weight("funding", "raised")
    events = redesign(NOW)
    assert account_heat(events, "A", scoring, NOW).value == pytest.approx(8.0)  # 10 changes with heat (60): capped at 8
    month = NOW + timedelta(days=30)  # one half-life later, the capped heat has halved like any signal's
    assert account_heat(events, "A", scoring, month).value == pytest.approx(4.0)
    state = HeatState()
    for e in reversed(events):  # the engine's incremental heat agrees, in any order
        state.add(str(e.type), e.change, e.occurred_at, scoring, e.attributes)
    assert state.value("A", scoring, month) == pytest.approx(4.0)
    # two month-old changes (6 + 6, halved): the cap, halved since the newest of them, still binds
    old = [event("tech_stack", "adopted", REDESIGN, n, NOW - timedelta(days=30), technology=tech)
           for n, tech in ((1, "hubspot"), (2, "segment"))]
    state = HeatState()
    for e in old:
        state.add(str(e.type), e.change, e.occurred_at, scoring, e.attributes)
    assert state.value("A", scoring, NOW) == pytest.approx(account_heat(old, "A", scoring, NOW).value) == pytest.approx(4.0)
    lifted = Scoring(caps={"tech_stack": 100})  # a policy file may raise it
    assert account_heat(events, "A", lifted, NOW).value == pytest.approx(10 * 6.0)  # jQuery, the CDN, GTM, Next.js: 0


def test_the_policy_documents_every_weight() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    legend = Scoring.__doc__ or ""
    for key, weight in Scoring().weights.items():
        row = re.compile(rf"\|\s*`?{re.escape(key)}`?\s*\|\s*{weight:g}\s*\|")
        assert row.search(legend), f"{key} ({weight:g}) is not in Scoring's heat legend"
        assert row.search(readme), f"{key} ({weight:g}) is not in the README's heat legend"
    for kind, cap in Scoring().caps.items():
        assert re.search(rf"{kind}.*capped.*{cap:g}", readme), f"the {kind} cap ({cap:g}) is not in the README"
    assert "commodity" in readme and "commodity" in legend
