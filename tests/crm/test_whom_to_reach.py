"""Whom to reach, end to end with the real CLI: `crm sync` brings each synced account's contacts
from the fake HubSpot / Salesforce (their real wire formats), and the alert a rule with a persona
posts to the fake Slack names the fitting people, linked to their CRM records."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.devtools.fake_salesforce import FakeSalesforce
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import SF_FIXTURES, Workspace, feed_bytes
from tests.crm.conftest import HUBSPOT_TOKEN

pytestmark = pytest.mark.slow

PORTAL = "24681357"


def with_persona(workspace: Workspace, persona: str) -> None:
    """Give the starter funding rule a `persona:` line (the bundled one may carry its own)."""
    rules = workspace.root / "rules" / "signals.yaml"
    lines = [line for line in rules.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith("    persona:")]
    text = "".join(lines)
    anchor = "    max_age: 14d\n"
    first = text.index(anchor) + len(anchor)  # the first rule is funding-round
    rules.write_text(text[:first] + f"    persona: {persona}\n" + text[first:], encoding="utf-8")


def configure(workspace: Workspace, feeds: FixtureServer, sinks: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    feeds.route("funding.xml", Reply(feed_bytes("funding-rss2.xml")))  # "Acme Robotics raises $45M Series B"
    base = {"console": {"enabled": True},
            "slack": {"enabled": True, "base_url": workspace.slack.base_url, "default_channel": "#sales-signals"}}
    workspace.write_config([{"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")}], sinks={**base, **sinks})


def synced_hubspot(hubspot: FakeHubSpot) -> dict[str, Any]:
    """The HubSpot sink against the fake, with the account sync (and so its contacts) on."""
    return {"hubspot": {"enabled": True, "host": hubspot.host, "timeout": 2, "sync": {"enabled": True, "portal_id": PORTAL}}}


def _acme_message(workspace: Workspace) -> dict[str, Any]:
    return next(m for m in workspace.slack.messages if "Acme Robotics" in json.dumps(m["blocks"]) and "funding" in m["text"])


def acme_alert(workspace: Workspace) -> str:
    """The wire text (blocks and fallback) of the Slack alert about Acme Robotics' round."""
    message = _acme_message(workspace)
    return json.dumps(message["blocks"]) + message["text"]


def reach_section(workspace: Workspace) -> str:
    return next((b["text"]["text"] for b in _acme_message(workspace)["blocks"] if b["type"] == "section" and "text" in b
                 and b["text"]["text"].startswith("*Whom to reach:*")), "")


def stored_contacts(workspace: Workspace) -> list[tuple[str, str]]:
    with sqlite3.connect(workspace.root / "signalwatch.db") as db:
        return sorted(db.execute("SELECT name, remote_id FROM crm_contacts").fetchall())


def test_a_funding_alert_names_the_cfo_from_hubspot_with_a_link_and_not_the_intern(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(workspace, feeds, synced_hubspot(hubspot), monkeypatch)
    with_persona(workspace, "finance")
    dana = hubspot.add_owner("dana@yourco.example")
    acme = hubspot.add_company("Acme Robotics", "acmerobotics.example", hubspot_owner_id=dana)
    other = hubspot.add_company("Quanta Soft", "quantasoft.example")
    cfo = hubspot.add_contact("Maria", "Lopez", "Chief Financial Officer", "maria@acmerobotics.example", [acme])
    hubspot.add_contact("Ivan", "Intern", "Finance Intern", "ivan@acmerobotics.example", [acme])
    hubspot.add_contact("Sam", "Seller", "VP Sales", "sam@acmerobotics.example", [acme])
    controller = hubspot.add_contact("Chris", "Counter", "Director of Finance", "chris@acmerobotics.example", [other, acme],
                                     hubspot_owner_id=dana)  # primary company elsewhere: still Acme's contact
    hubspot.add_contact("Quinn", "Quanta", "CFO", "quinn@quantasoft.example", [other])

    sync = workspace.cli("crm", "sync", "hubspot")
    assert sync.returncode == 0, sync.stderr
    assert "hubspot: 6 contacts of the synced accounts stored" in sync.stdout  # Chris counts for both companies
    # Only the synced companies' people: one association batch read, one contact batch read, no portal-wide list.
    assert ("GET", "/crm/v3/objects/contacts") not in hubspot.requests
    assert [path for method, path in hubspot.requests if "contacts" in path] == [
        "/crm/v4/associations/companies/contacts/batch/read", "/crm/v3/objects/contacts/batch/read"]
    assert ("Maria Lopez", cfo) in stored_contacts(workspace) and len(stored_contacts(workspace)) == 6
    run = workspace.cli("run", "--once")
    assert run.returncode == 0, run.stderr

    section = reach_section(workspace)
    assert f"<https://app.hubspot.com/contacts/{PORTAL}/record/0-1/{cfo}|Maria Lopez>, Chief Financial Officer" in section
    assert f"<https://app.hubspot.com/contacts/{PORTAL}/record/0-1/{controller}|Chris Counter>, Director of Finance" in section
    assert section.index("Maria Lopez") < section.index("Chris Counter")  # most senior first
    for absent in ("Ivan", "Intern", "Sam Seller", "Quinn"):  # not finance leaders, or another company's
        assert absent not in section
    assert f"Reach:  Maria Lopez, Chief Financial Officer https://app.hubspot.com/contacts/{PORTAL}/record/0-1/{cfo}" in run.stdout
    vandelay = next(m for m in workspace.slack.messages if "Vandelay" in json.dumps(m["blocks"]))
    assert "Whom to reach" not in json.dumps(vandelay["blocks"])  # not in the CRM: no empty section


def test_a_contact_deleted_in_hubspot_or_of_a_company_no_longer_synced_is_gone_after_the_next_sync(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(workspace, feeds, synced_hubspot(hubspot), monkeypatch)
    with_persona(workspace, "finance")
    acme = hubspot.add_company("Acme Robotics", "acmerobotics.example")
    quanta = hubspot.add_company("Quanta Soft", "quantasoft.example")
    cfo = hubspot.add_contact("Maria", "Lopez", "CFO", "maria@acmerobotics.example", [acme])
    vp = hubspot.add_contact("Victor", "Penny", "VP Finance", "victor@acmerobotics.example", [acme])
    hubspot.add_contact("Quinn", "Quanta", "CFO", "quinn@quantasoft.example", [quanta])
    sync = workspace.cli("crm", "sync", "hubspot")
    assert sync.returncode == 0, sync.stderr
    assert [name for name, _ in stored_contacts(workspace)] == ["Maria Lopez", "Quinn Quanta", "Victor Penny"]

    hubspot.archive("contacts", cfo)  # deleted in HubSpot
    hubspot.archive("companies", quanta)  # the company leaves the sync: its people go with it
    nina = hubspot.add_contact("Nina", "Noor", "Controller", "nina@acmerobotics.example", [acme])
    preview = workspace.cli("crm", "sync", "hubspot", "--dry-run")  # says what would happen, changes nothing
    assert preview.returncode == 0, preview.stderr
    assert "contacts: 2 to keep for the synced accounts (3 stored now): 1 new, 2 gone" in preview.stdout
    assert len(stored_contacts(workspace)) == 3
    sync = workspace.cli("crm", "sync", "hubspot")
    assert sync.returncode == 0, sync.stderr
    assert stored_contacts(workspace) == [("Nina Noor", nina), ("Victor Penny", vp)]

    run = workspace.cli("run", "--once")
    assert run.returncode == 0, run.stderr
    section = reach_section(workspace)
    assert "Victor Penny" in section and "Maria Lopez" not in section


def test_hostile_contact_text_from_the_crm_is_escaped_in_slack(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(workspace, feeds, synced_hubspot(hubspot), monkeypatch)
    with_persona(workspace, "finance")
    acme = hubspot.add_company("Acme Robotics", "acmerobotics.example")
    hubspot.add_contact("<!channel>", "<https://evil.example|Bank> <@U0ADMIN01>", "CFO <!here>", "x@acmerobotics.example", [acme])
    sync = workspace.cli("crm", "sync", "hubspot")
    assert sync.returncode == 0, sync.stderr
    run = workspace.cli("run", "--once")
    assert run.returncode == 0, run.stderr

    wire = acme_alert(workspace)
    assert "&lt;!channel&gt;" in reach_section(workspace) and "&lt;!here&gt;" in reach_section(workspace)
    for ping in ("<!channel>", "<!here>", "<@U0ADMIN01>", "<https://evil.example"):
        assert ping not in wire


def test_salesforce_contacts_come_with_their_lightning_links(
    workspace: Workspace, feeds: FixtureServer, salesforce: FakeSalesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESFORCE_ACCESS_TOKEN", salesforce.token)
    configure(workspace, feeds, {"salesforce": {"enabled": True, "instance_url": salesforce.instance_url, "timeout": 2,
                                                "ca_bundle": str(SF_FIXTURES / "loopback-cert.pem"), "sync": {"enabled": True}}},
              monkeypatch)
    with_persona(workspace, "[finance, executive]")
    dana = salesforce.add("User", Email="Dana@yourco.example")
    other_rep = salesforce.add("User", Email="lee@yourco.example")
    acme = salesforce.add("Account", Name="Acme Robotics", Website="https://acmerobotics.example/", OwnerId=dana)
    ceo = salesforce.add("Contact", FirstName="Ada", LastName="Boss", Title="CEO", Email="ada@acmerobotics.example",
                         AccountId=acme, OwnerId=other_rep)
    cfo = salesforce.add("Contact", FirstName="Fay", LastName="Money", Title="CFO", Email="fay@acmerobotics.example",
                         AccountId=acme, OwnerId=dana)
    salesforce.add("Contact", FirstName="Ian", LastName="Tern", Title="Accounts Payable Intern", AccountId=acme, OwnerId=dana)
    salesforce.add("Contact", FirstName="Vic", LastName="Director", Title="VP Finance", AccountId=acme, OwnerId=dana)
    salesforce.add("Contact", FirstName="Dee", LastName="Rector", Title="Director of Finance", AccountId=acme, OwnerId=dana)

    sync = workspace.cli("crm", "sync", "salesforce")
    assert sync.returncode == 0, sync.stderr
    assert any("FROM Contact WHERE AccountId IN" in q for q in salesforce.queries)
    run = workspace.cli("run", "--once")
    assert run.returncode == 0, run.stderr

    section = reach_section(workspace)
    lines = section.splitlines()[1:]
    assert len(lines) == 3  # at most three
    # Both C-level; the one the account's owner (Dana) owns first; then the VP; the director and the intern left out.
    assert lines[0].startswith(f"• <{salesforce.instance_url}/lightning/r/Contact/{cfo}/view|Fay Money>, CFO")
    assert lines[1].startswith(f"• <{salesforce.instance_url}/lightning/r/Contact/{ceo}/view|Ada Boss>, CEO")
    assert "Vic Director" in lines[2] and "Dee Rector" not in section and "Ian Tern" not in section


def test_a_broken_persona_is_a_clear_rules_check_error(workspace: Workspace, feeds: FixtureServer,
                                                        monkeypatch: pytest.MonkeyPatch, hubspot: FakeHubSpot) -> None:
    configure(workspace, feeds, {}, monkeypatch)
    with_persona(workspace, "[finance, bean-counters]")
    check = workspace.cli("rules", "check")
    assert check.returncode != 0
    rules_text = (workspace.root / "rules" / "signals.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(rules_text, 1) if text.startswith("    persona:"))
    assert f"signals.yaml:{line}:" in check.stdout + check.stderr
    assert "unknown persona 'bean-counters'" in check.stdout + check.stderr
    assert "known: executive, finance, sales" in check.stdout + check.stderr

    with_persona(workspace, "{titles: ['(\\w+\\s?)+$']}")
    check = workspace.cli("rules", "check")
    assert check.returncode != 0 and "title pattern: a repeat inside a repeat" in check.stdout + check.stderr


def test_a_new_leader_who_is_a_crm_contact_comes_first(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    feeds.route("people.xml", Reply(feed_bytes("people-atom.xml")))  # "Globex Payments appoints Maria Chen as Chief Revenue Officer"
    workspace.write_config([{"name": "people-news", "type": "rss", "url": feeds.url("people.xml")}], sinks={
        "console": {"enabled": True},
        "slack": {"enabled": True, "base_url": workspace.slack.base_url, "default_channel": "#sales-signals"},
        **synced_hubspot(hubspot)})
    globex = hubspot.add_company("Globex Payments", "globexpay.example")
    boss = hubspot.add_contact("Gina", "Globe", "Chief Executive Officer", "gina@globexpay.example", [globex])
    chen = hubspot.add_contact("Maria", "Chen", "Consultant", "maria.chen@globexpay.example", [globex])  # the CRM's title is stale
    hubspot.add_contact("Pete", "Payroll", "Payroll Specialist", "pete@globexpay.example", [globex])
    sync = workspace.cli("crm", "sync", "hubspot")
    assert sync.returncode == 0, sync.stderr
    run = workspace.cli("run", "--once")
    assert run.returncode == 0, run.stderr

    message = next(m for m in workspace.slack.messages if "Globex Payments" in json.dumps(m["blocks"]) and "leadership" in m["text"])
    section = next(b["text"]["text"] for b in message["blocks"] if b["type"] == "section" and "text" in b
                   and b["text"]["text"].startswith("*Whom to reach:*"))
    lines = section.splitlines()[1:]
    # The rule names no persona: a leadership event asks for executives (and the new leader's own function).
    assert lines[0] == f"• <https://app.hubspot.com/contacts/{PORTAL}/record/0-1/{chen}|Maria Chen>, Consultant (new in the role)"
    assert lines[1] == f"• <https://app.hubspot.com/contacts/{PORTAL}/record/0-1/{boss}|Gina Globe>, Chief Executive Officer"
    assert len(lines) == 2  # the payroll specialist fits no persona of the event


def test_a_token_without_the_contacts_scope_still_syncs_the_accounts_and_says_so(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(workspace, feeds, synced_hubspot(hubspot), monkeypatch)
    acme = hubspot.add_company("Acme Robotics", "acmerobotics.example")
    hubspot.add_contact("Maria", "Lopez", "CFO", "maria@acmerobotics.example", [acme])
    assert workspace.cli("crm", "sync", "hubspot").returncode == 0
    hubspot.add_company("Nova Ledger", "novaledger.example")
    hubspot.scripted.append(Scripted("/crm/v4/associations/companies/contacts", status=403, body={
        "status": "error", "message": "This app hasn't been granted all required scopes to make this call.",
        "correlationId": "00000000-0000-0000-0000-000000000002", "category": "MISSING_SCOPES"}))
    sync = workspace.cli("crm", "sync", "hubspot")
    assert sync.returncode == 0, sync.stderr
    assert "1 new" in sync.stdout  # Nova Ledger
    assert "contacts (the stored ones are kept): HubSpot contact associations: HTTP 403" in sync.stderr
    assert "check the private app token and its scopes" in sync.stderr
    assert [name for name, _ in stored_contacts(workspace)] == ["Maria Lopez"]


def test_a_company_hubspot_cannot_answer_for_keeps_its_people_and_crm_sync_names_it(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(workspace, feeds, synced_hubspot(hubspot), monkeypatch)
    acme = hubspot.add_company("Acme Robotics", "acmerobotics.example")
    quanta = hubspot.add_company("Quanta Soft", "quantasoft.example")
    cfo = hubspot.add_contact("Maria", "Lopez", "CFO", "maria@acmerobotics.example", [acme])
    quinn = hubspot.add_contact("Quinn", "Quanta", "CFO", "quinn@quantasoft.example", [quanta])
    assert workspace.cli("crm", "sync", "hubspot").returncode == 0

    hubspot.archive("contacts", cfo)
    nina = hubspot.add_contact("Nina", "Noor", "Controller", "nina@acmerobotics.example", [acme])
    hubspot.failing_companies = {quanta}  # HubSpot's association read answers 207 with an error for Quanta only
    preview = workspace.cli("crm", "sync", "hubspot", "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "contacts: 2 to keep for the synced accounts (2 stored now): 1 new, 1 gone" in preview.stdout
    assert f"contacts of hubspot:{quanta} (the stored ones would be kept): Invalid request" in preview.stderr
    sync = workspace.cli("crm", "sync", "hubspot")
    assert sync.returncode == 0, sync.stderr
    assert f"skipped contacts of hubspot:{quanta} (the stored ones are kept): Invalid request" in sync.stderr
    assert stored_contacts(workspace) == [("Nina Noor", nina), ("Quinn Quanta", quinn)]  # Acme's up to date, Quanta's kept
