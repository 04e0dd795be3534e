"""Rules can select hiring events on function, seniority, title, technologies and counts."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

from hiring_boardserver import NOW, BoardServer, Route, make_connector, poll

from signalwatch.accounts import Account
from signalwatch.rules.engine import Engine
from signalwatch.rules.ruleset import load_ruleset

RULES = Path(__file__).resolve().parents[2] / "rules"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HIRING_RULES = """
rules:
  - id: revops-leader-hire
    description: A target account is hiring a revenue-operations leader
    match:
      event.type: hiring
      event.change: posted
      event.attributes.function: revops
      event.attributes.seniority: [director, vp, c_level]
    priority: P1
    route: [{sink: console}]
  - id: salesforce-admin-hire
    description: Hiring someone who will run Salesforce
    match:
      event.type: hiring
      event.change: posted
      event.attributes.technologies: {contains: salesforce}
      event.attributes.title: {regex: "(?i)admin|ops|operations"}
    priority: P2
    route: [{sink: console}]
  - id: sales-team-growing
    description: Sales hiring surge
    match:
      event.type: hiring
      event.change: surge
      event.attributes.function: [sales, sales_development]
      event.attributes.new_roles: {gte: 3}
    priority: P1
    route: [{sink: console}]
"""


def test_hiring_rules_fire_on_the_right_postings(board_server: BoardServer, http, tmp_path: Path) -> None:
    for name in ("icp.yaml", "policy.yaml"):
        shutil.copy(RULES / name, tmp_path / name)
    (tmp_path / "hiring.yaml").write_text(HIRING_RULES)
    ruleset = load_ruleset(tmp_path)
    account = Account(id=1, name="Acme", domain="acme.com", industry="software", employees=400,
                      boards=("greenhouse:acme",))
    board_server.serve("greenhouse", "acme", Route(b'{"jobs": [], "meta": {"total": 0}}'))
    connector = make_connector(board_server, threshold=3)
    _, start = poll(connector, http, [account], {}, NOW)
    document = json.loads((FIXTURES / "greenhouse/acme.json").read_bytes())
    titles = ["Account Executive", "Enterprise AE"]
    extra = [{**document["jobs"][0], "id": 9000 + n, "title": title} for n, title in enumerate(titles)]
    document["jobs"] += extra
    board_server.serve("greenhouse", "acme", Route(json.dumps(document).encode()))
    now = NOW + timedelta(hours=1)
    _, result = poll(connector, http, [account], start.state, now)
    drafts = Engine(ruleset).evaluate(result.events, {1: account}, now).drafts
    # one alert per (event, target) names every rule that fired for it (payload "rules")
    fired = sorted((rule_id, next(e.title for e in result.events if e.dedupe_key == d.event_key))
                   for d in drafts for rule_id in d.payload.get("rules") or [d.rule_id])
    assert fired == [
        ("revops-leader-hire", "Acme is hiring: Head of Revenue Ops"),
        ("sales-team-growing", "Acme is growing its sales team: 3 new roles in 30 days"),
        ("salesforce-admin-hire", "Acme is hiring: Head of Revenue Ops"),
    ]
