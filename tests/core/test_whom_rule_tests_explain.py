"""Whom an alert names, where an admin checks rules: a rule test case gives its account's CRM
contacts and expects whom the alert names (chosen by the pipeline's own code), and
`signalwatch explain` shows them for a stored alert or one that would fire. Real CLI and store."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone

from signalwatch.crm.contacts import CrmContact, replace_contacts
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.resolve import AccountIndex
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.app import warmed_engine
from signalwatch.runtime.pipeline import commit_events
from signalwatch.store import Store
from tests.conftest import Workspace

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=timezone.utc)

CASE = """\
tests:
  - name: a funding alert names the finance people
    now: 2026-11-20T15:00:00Z
    accounts:
      - name: Acme Robotics
        domain: acmerobotics.example
        industry: software
        employees: 850
        country: US
        crm_id: hubspot:101
        contacts:
          - {name: Ted Tech, title: CTO}
          - {name: Fay Cfo, title: Chief Financial Officer, email: fay@acmerobotics.example}
          - {name: Ivan Intern, title: Finance Intern}
    steps:
      - events: [{type: funding, change: raised, company: Acme Robotics, attributes: {round: series_b}}]
        expect: {funding-round: [Acme Robotics], contacts: [%s]}
"""


def rule_test(workspace: Workspace, text: str) -> tuple[int, str, str]:
    path = workspace.root / "contacts_test.yaml"
    path.write_text(text, encoding="utf-8")
    result = workspace.cli("rules", "test", str(path))
    return result.returncode, result.stdout, result.stderr


def test_a_rule_test_checks_whom_the_alert_names_in_order(workspace: Workspace) -> None:
    code, out, err = rule_test(workspace, CASE % "Fay Cfo, Ted Tech")
    assert code == 0, out + err
    assert "ok   " in out and "all rule tests passed" in out


def test_a_wrong_contacts_expectation_fails_showing_expected_and_chosen_with_titles(workspace: Workspace) -> None:
    code, out, _ = rule_test(workspace, CASE % "Ted Tech, Ivan Intern")
    assert code == 1
    assert ("step 1 (at 0): funding-round alert for Acme Robotics: contacts expected [Ted Tech, Ivan Intern],"
            " chosen [Fay Cfo (Chief Financial Officer), Ted Tech (CTO)] by persona finance, executive") in out, out
    none_expected = rule_test(workspace, CASE % "")
    assert none_expected[0] == 1 and "contacts expected [], chosen [Fay Cfo (Chief Financial Officer), Ted Tech (CTO)]" \
        in none_expected[1]


def test_expecting_no_one_passes_when_no_contact_fits_and_fails_when_no_alert_fired(workspace: Workspace) -> None:
    nobody = CASE.replace("{name: Ted Tech, title: CTO}", "{name: Sam Seller, title: VP Sales}").replace(
        "title: Chief Financial Officer, email: fay@acmerobotics.example", "title: null")
    code, out, err = rule_test(workspace, nobody % "")
    assert code == 0, out + err
    quiet = nobody.replace("Acme Robotics], contacts", "], contacts").replace("company: Acme Robotics", "company: Nobody Inc")
    code, out, _ = rule_test(workspace, quiet % "")
    assert code == 1 and "contacts expected [], but no alert fired to name them" in out, out


def test_malformed_contacts_are_loader_errors_at_their_lines(workspace: Workspace) -> None:
    bad = """\
tests:
  - name: malformed
    now: 2026-11-20T15:00:00Z
    accounts:
      - name: Acme Robotics
        contacts:
          - {name: Fay Cfo, title: CFO}
      - name: Globex Payments
        crm_id: salesforce:001A
        contacts:
          - {name: Gil Globex, titel: CEO}
          - Gina Globex
          - {name: '  ', title: CFO}
    steps:
      - events: [{type: funding, change: raised, company: Acme Robotics}]
        expect: {funding-round: [Acme Robotics], contacts: [Fay Cfoo]}
"""
    code, out, err = rule_test(workspace, bad)
    assert code == 1 and "ok " not in out
    path = workspace.root / "contacts_test.yaml"
    lines = err.splitlines()
    assert f"{path}:11: unknown key 'titel' (did you mean 'title'?)" in lines, err
    assert f"{path}:11: tests.0.accounts.1.contacts.0.title: Field required" in lines
    assert any(line.startswith(f"{path}:12: tests.0.accounts.1.contacts.1: Input should be a valid dictionary") for line in lines)
    assert any(line.startswith(f"{path}:13: tests.0.accounts.1.contacts.2.name: String should match pattern") for line in lines)
    fixed = bad.replace("titel", "title").replace("- Gina Globex", "- {name: Gina Globex, title: null}").replace("'  '", "Gus")
    code, _, err = rule_test(workspace, fixed)
    assert code == 1
    assert f"{path}:6: contacts need the account's `crm_id` naming its CRM, e.g. `crm_id: hubspot:101`" in err, err
    assert f"{path}:16: expected contact 'Fay Cfoo' is not a contact of this case's accounts (did you mean 'Fay Cfo'?)" in err


RULES = """\
rules:
  - id: funding-to-finance
    description: a funding round, to the finance people
    match: {event.type: funding}
    persona: finance
    route: [{sink: console}]
  - id: funding-to-counsel
    description: a funding round, to counsel
    match: {event.type: funding}
    persona: legal
    route: [{sink: slack, channel: "#legal"}]
"""
BEFORE = "rules:\n  - id: leaders\n    description: leaders\n    match: {event.type: leadership}\n    route: [{sink: console}]\n"


def funding(company: str, n: int, at: datetime) -> SignalEvent:
    return SignalEvent(type=EventType.FUNDING, change="raised", source="t", source_kind="test", source_id=f"funding-{n}",
                       title=f"{company} raises $20M", occurred_at=at, detected_at=at, company_name=company,
                       attributes={"round": "series_b"}, dedupe_key=make_dedupe_key("funding", n))


def contact(company: str, n: int, name: str, title: str, email: str | None = None) -> CrmContact:
    return CrmContact("hubspot", company, f"c{n}", name, title, email)


def test_explain_names_the_contacts_of_a_stored_alert_and_of_one_that_would_fire(workspace: Workspace) -> None:
    rules = workspace.root / "rules"
    for name in ("signals.yaml", "hiring_and_stack.yaml"):
        (rules / name).unlink()
    (rules / "mine.yaml").write_text(RULES, encoding="utf-8")
    older = workspace.root / "older-rules"  # the rules as they were when the second event was stored
    older.mkdir()
    for name in ("icp.yaml", "policy.yaml"):
        shutil.copy(rules / name, older / name)
    (older / "mine.yaml").write_text(BEFORE, encoding="utf-8")
    (workspace.root / "crm.csv").write_text("name,domain,crm_id\nAcme Robotics,acmerobotics.example,hubspot:101\n"
                                            "Globex Payments,globexpay.example,hubspot:202\n", encoding="utf-8")
    assert workspace.cli("accounts", "import", "crm.csv").returncode == 0

    store = Store(f"sqlite:///{workspace.root / 'signalwatch.db'}")
    replace_contacts(store, "hubspot", [contact("101", 1, "Fay Cfo", "CFO", "fay@acmerobotics.example"),
                                        contact("101", 2, "Sam Seller", "VP Sales")], {"101", "202"}, NOW)
    accounts = {a.id: a for a in store.list_accounts()}
    index = AccountIndex(accounts.values())  # resolved as the daemon resolves a polled event
    commit_events(store, warmed_engine(load_ruleset(rules), store, NOW), accounts, "t",
                  [index.apply(funding("Acme Robotics", 1, NOW))], {}, NOW)
    later = NOW + timedelta(hours=2)  # a later sync: Acme has a new CFO; Globex's people arrive
    replace_contacts(store, "hubspot", [contact("101", 3, "Nora New", "CFO"), contact("101", 2, "Sam Seller", "VP Sales"),
                                        contact("202", 4, "Gail Globex", "VP Finance")], {"101", "202"}, later)
    commit_events(store, warmed_engine(load_ruleset(older), store, later), accounts, "t",
                  [index.apply(funding("Globex Payments", 2, later))], {}, later)
    ids = {e.source_id: n for n, e in store.list_events(limit=10)}
    store.close()

    stored = workspace.cli("explain", str(ids["funding-1"]))
    assert stored.returncode == 0, stored.stderr
    assert ("  FIRED    funding-to-finance: console\n"
            "           console: pending\n"
            "           whom to reach (as stored with the alert):\n"
            "             Fay Cfo (CFO, fay@acmerobotics.example)\n") in stored.stdout, stored.stdout
    assert "Nora New" not in stored.stdout  # the alert named whom it named when it was built
    assert ("           whom to reach: no contact fits persona legal (of 2 CRM contact(s) stored for Acme Robotics)"
            in stored.stdout)

    would = workspace.cli("rules", "explain", str(ids["funding-2"]))
    assert would.returncode == 0, would.stderr
    assert ("  FIRED    funding-to-finance: console\n"
            "           console: not in the outbox (the rules changed since?)\n"
            "           whom to reach (chosen now from the stored CRM contacts):\n"
            "             Gail Globex (VP Finance)\n") in would.stdout, would.stdout
    assert "no contact fits persona legal (of 1 CRM contact(s) stored for Globex Payments)" in would.stdout
