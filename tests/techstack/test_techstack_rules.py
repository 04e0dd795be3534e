"""Rules select tech-stack events on technology, category, change and confidence."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from signalwatch.accounts import Account
from signalwatch.connectors import get_connector_class
from signalwatch.connectors.base import Fetched
from signalwatch.rules.engine import Engine
from signalwatch.rules.ruleset import load_ruleset

from .conftest import saved_dns, saved_pages

T0 = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
PAGE = next(case for case in saved_pages() if case["page"] == "northwind_wordpress_hubspot.html")
DNS = next(case for case in saved_dns() if case["domain"] == "northwind-analytics.com")
RULES = """
rules:
  - id: competitor-dropped
    description: A target account dropped a marketing automation tool we replace
    match:
      event.type: tech_stack
      event.change: dropped
      event.attributes.technology: [hubspot, marketo, pardot]
    priority: P1
    route: [{sink: console}]
  - id: adopted-chat
    description: A target account adopted a chat tool we integrate with (strong evidence only)
    match:
      event.type: tech_stack
      event.change: adopted
      event.attributes.category: chat
      event.attributes.confidence: {gte: 0.8}
    priority: P2
    route: [{sink: console}]
"""


def item(html: str, txt: list[str]) -> dict:
    page = {"url": PAGE["url"], "status": 200, "headers": PAGE["headers"], "body": html}
    return {"account_id": 7, "account_name": "Northwind Analytics", "domain": "northwind-analytics.com",
            "pages": [page], "web_checked": True, "dns": {"mx": DNS["mx"], "txt": txt}}


def test_rules_pick_the_right_tech_stack_events(tmp_path: Path) -> None:
    (tmp_path / "signals.yaml").write_text(RULES)
    ruleset = load_ruleset(tmp_path)
    cls = get_connector_class("techstack")
    connector = cls("stack", cls.Options())  # normalize only: no network is touched
    no_hubspot = re.sub(r"<!-- Start of HubSpot Embed Code -->.*?<!-- End of HubSpot Embed Code -->", "",
                        PAGE["html"], flags=re.S)
    no_drift = re.sub(r"<!-- Start of Async Drift Code -->.*?<!-- End of Async Drift Code -->", "", PAGE["html"], flags=re.S)
    txt_without_hubspot = [t.replace(" include:4382917.spf03.hubspotemail.net", "") for t in DNS["txt"]]
    polls = [item(no_drift, DNS["txt"]), item(PAGE["html"], DNS["txt"]),
             item(no_hubspot, txt_without_hubspot), item(no_hubspot, txt_without_hubspot)]
    cursor: dict = {}
    fired: list[tuple[str, str]] = []
    account = Account(id=7, name="Northwind Analytics", domain="northwind-analytics.com", employees=300, industry="saas")
    engine = Engine(ruleset)
    for day, poll in enumerate(polls):
        now = T0 + timedelta(days=day)
        result = connector.normalize(Fetched(cursor=cursor, items=[poll]), now)
        cursor = result.cursor
        evaluation = engine.evaluate(result.events, {7: account}, now)
        engine.apply(evaluation.delta)
        for draft in evaluation.drafts:
            fired.append((draft.rule_id, draft.payload["event"]["attributes"]["technology"]))
    assert fired == [("adopted-chat", "drift"), ("competitor-dropped", "hubspot")]
