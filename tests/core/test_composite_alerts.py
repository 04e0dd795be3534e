"""A composite alert leads with what matters: its headline is the rule's meaning with the
account's numbers, its evidence starts with the strongest event of every selection (the
funding round before the job posts), and its count is exact. Slack, HubSpot and Salesforce
show it: real sinks, through slack_sdk / hubspot-api-client / simple-salesforce, against the
fake servers on 127.0.0.1.

Before: "funding and >= 5 engineering roles" fired on the last job post with that post as
headline, the 5 newest hits (all job posts) as evidence and "5 related signal(s)" when 6
matched; the $30M Series C appeared nowhere."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from signalwatch.accounts import Account
from signalwatch.cli.core import write_starter
from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.engine import Engine
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.sinks.hubspot import HubSpotConfig, HubSpotSink, build_hubspot_api
from signalwatch.sinks.salesforce import SalesforceConfig, SalesforceSink, build_salesforce_api
from signalwatch.sinks.slack import SlackSink
from tests.conftest import SLACK_TOKEN

HUBSPOT_TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"
SF_FIXTURES = Path(__file__).parent.parent / "fixtures" / "salesforce"
NOW = datetime(2026, 11, 23, 15, 0, tzinfo=timezone.utc)
ACME = Account(1, "Acme", "acme.com", industry="software", employees=800, country="US", owner_email="ann@example.com")
FUNDING_URL = "https://news.example.com/acme-series-c"
RULES = """\
rules:
  - id: funded-and-hiring-engineers
    kind: composite
    description: Fresh funding and an engineering hiring push
    selections:
      funding: {event.type: funding, event.change: raised}
      roles: {event.type: hiring, event.change: posted, event.attributes.function: engineering}
      target: {account.tier: [A, B]}
    condition: funding and roles >= 5 and target
    window: 30d
    priority: P2
    route:
      - {sink: slack, channel: "#sales-signals"}
      - {sink: hubspot, channel: task}
      - {sink: salesforce, channel: task}
"""


def folder(tmp_path: Path) -> Path:
    write_starter(tmp_path)
    for name in ("signals.yaml", "hiring_and_stack.yaml"):
        (tmp_path / "rules" / name).unlink()
    (tmp_path / "rules" / "composite.yaml").write_text(RULES, encoding="utf-8")
    return tmp_path / "rules"


def funding(at: datetime, detected: datetime | None = None) -> SignalEvent:
    return SignalEvent(type=EventType("funding"), change="raised", source="wire", source_kind="rss", source_id="round",
                       title="Acme closes $30 million Series C to scale its platform", url=FUNDING_URL, occurred_at=at,
                       detected_at=detected or at, attributes={"amount": 30e6, "currency": "USD", "round": "series_c"}, account_id=1,
                       dedupe_key=make_dedupe_key("funding", "acme-c"))


def role(n: int, at: datetime) -> SignalEvent:
    return SignalEvent(type=EventType("hiring"), change="posted", source="greenhouse", source_kind="jobs", source_id=f"job{n}",
                       title=f"Backend Engineer {n}", url=f"https://boards.example.com/acme/jobs/{n}", occurred_at=at,
                       detected_at=at, attributes={"function": "engineering", "title": f"Backend Engineer {n}"}, account_id=1,
                       dedupe_key=make_dedupe_key("job", n))


@pytest.fixture
def fired(tmp_path: Path) -> dict[str, Any]:
    """The alert the engine makes: the round 12 days ago, then five engineering roles, the last now."""
    engine = Engine(load_ruleset(folder(tmp_path)))
    timeline = [funding(NOW - timedelta(days=12)), *(role(n, NOW - timedelta(days=days))
                                                      for n, days in enumerate((10, 8, 6, 3, 0), start=1))]
    drafts = []
    for event in timeline:  # one poll per event, as they were detected
        evaluation = engine.evaluate([event], {ACME.id: ACME}, event.detected_at)
        engine.apply(evaluation.delta)
        drafts += evaluation.drafts
    assert {d.sink for d in drafts} == {"slack", "hubspot", "salesforce"} and len(drafts) == 3
    return drafts[0].payload


HEADLINE = "Raised $30M Series C 12 days ago and posted 5 engineering roles since"


def test_the_headline_says_what_the_rule_means_with_exact_numbers(fired: dict[str, Any]) -> None:
    assert fired["summary"] == HEADLINE
    evidence = fired["evidence"]
    assert [item["what"] for item in evidence[:2]] == ["Raised $30M Series C", "Hiring posted: Backend Engineer 5"]
    assert evidence[0]["url"] == FUNDING_URL  # the strongest event of each selection first, funding before jobs
    assert [item["title"] for item in evidence[1:]] == [f"Backend Engineer {n}" for n in (5, 4, 3, 2)]  # then newest first
    assert fired["evidence_total"] == 6
    assert "6 related signals within 30 days (5 shown, strongest first)" in fired["why"]


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(token=SLACK_TOKEN) as fake:
        yield fake


def test_slack_shows_the_headline_and_the_round_first(fired: dict[str, Any], slack: FakeSlack) -> None:
    sink = SlackSink(SLACK_TOKEN, default_channel="#sales-signals", base_url=slack.base_url, timeout=5)
    sink.send(fired, "#sales-signals", "k" * 32)
    (message,) = slack.messages
    header = next(b["text"]["text"] for b in message["blocks"] if b["type"] == "header")
    assert header == "P2 · funding + hiring · Acme · Tier A"
    body = message["blocks"][1]["text"]["text"]
    assert body.startswith(f"*{HEADLINE}*\n*Related signals (strongest first, 5 of 6 shown):*\n")
    assert f"• 2026-11-11 <{FUNDING_URL}|Raised $30M Series C>" in body.splitlines()[2]
    assert HEADLINE in message["text"] and FUNDING_URL in message["text"]


def test_hubspot_task_shows_the_headline_and_the_round(fired: dict[str, Any]) -> None:
    with FakeHubSpot(token=HUBSPOT_TOKEN) as hubspot:
        hubspot.add_owner("ann@example.com")
        hubspot.add_company("Acme Corp", "acme.com")
        config = HubSpotConfig(enabled=True, host=hubspot.host, timeout=2.0)
        api = build_hubspot_api(config, HUBSPOT_TOKEN)
        api.ensure_properties(config.property_group)
        HubSpotSink(api, config).send(fired, "task", "h" * 32)
        (task,) = hubspot.live("tasks")
    body = task["properties"]["hs_task_body"]
    assert HEADLINE in task["properties"]["hs_task_subject"]
    assert body.startswith(f"<p>{HEADLINE}</p><p>Related signals (strongest first, 5 of 6 shown):</p>")
    assert f'<p>Signal: 2026-11-11 Raised $30M Series C<br><a href="{FUNDING_URL}">' in body


def test_salesforce_task_shows_the_headline_and_the_round(fired: dict[str, Any]) -> None:
    from signalwatch.devtools.fake_salesforce import FakeSalesforce

    with FakeSalesforce(SF_FIXTURES / "loopback-cert.pem", SF_FIXTURES / "loopback-key.pem") as salesforce:
        owner = salesforce.add("User", Email="ann@example.com")
        salesforce.add("Account", Name="Acme", Website="http://acme.com", OwnerId=owner)
        config = SalesforceConfig(enabled=True, instance_url=salesforce.instance_url,
                                  ca_bundle=str(SF_FIXTURES / "loopback-cert.pem"), timeout=2)
        SalesforceSink(build_salesforce_api(config, salesforce.token), config).send(fired, "task", "s" * 32)
        (task,) = salesforce.records["Task"].values()
    assert task["Subject"].startswith(HEADLINE)
    lines = task["Description"].splitlines()
    assert lines[:4] == [HEADLINE, "Related signals (strongest first, 5 of 6 shown):",
                         "Signal: 2026-11-11 Raised $30M Series C", FUNDING_URL]
    assert "Why: 6 related signals within 30 days (5 shown, strongest first)" in lines


def test_a_count_that_is_not_after_the_other_signal_reads_in_the_window(tmp_path: Path) -> None:
    """Roles posted before the round are not "since" it: the headline says "in the last 30 days"."""
    engine = Engine(load_ruleset(folder(tmp_path)))
    timeline = [*(role(n, NOW - timedelta(days=days)) for n, days in enumerate((20, 18, 16, 14, 13), start=1)),
                funding(NOW - timedelta(days=1), detected=NOW)]  # reported a day late
    drafts = []
    for event in timeline:
        evaluation = engine.evaluate([event], {ACME.id: ACME}, event.detected_at)
        engine.apply(evaluation.delta)
        drafts += evaluation.drafts
    payload = drafts[0].payload
    assert payload["summary"] == "Raised $30M Series C yesterday and posted 5 engineering roles in the last 30 days"
    assert [item["title"] for item in payload["evidence"]][1:] == [f"Backend Engineer {n}" for n in (5, 4, 3, 2)]
    assert payload["evidence"][0]["url"] == FUNDING_URL


def test_a_composite_joining_a_single_rules_alert_brings_its_headline_and_count(tmp_path: Path) -> None:
    rules = folder(tmp_path)
    (rules / "composite.yaml").write_text("""\
rules:
  - id: funding-round
    description: A target account announced a funding round
    match: {event.type: funding, event.change: raised}
    route: [{sink: slack, channel: "#sales-signals"}]
""" + RULES.removeprefix("rules:\n").replace("roles >= 5", "roles >= 3"), encoding="utf-8")
    engine = Engine(load_ruleset(rules))
    timeline = [*(role(n, NOW - timedelta(days=days)) for n, days in enumerate((9, 7, 5), start=1)),
                funding(NOW - timedelta(days=10), detected=NOW)]
    drafts = []
    for event in timeline:
        evaluation = engine.evaluate([event], {ACME.id: ACME}, event.detected_at)
        engine.apply(evaluation.delta)
        drafts += [d for d in evaluation.drafts if d.sink == "slack"]
    (one,) = drafts
    assert one.payload["rules"] == ["funding-round", "funded-and-hiring-engineers"]
    assert one.payload["summary"] == "Raised $30M Series C 10 days ago and posted 3 engineering roles since"
    assert "4 related signals within 30 days" in one.payload["why"] and one.payload["evidence_total"] == 4
