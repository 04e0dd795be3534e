"""Choosing whom an alert names, and keeping them in the stored payload: personas against the one
title classifier, the order (new leader, seniority, the owner's own contacts), at most three."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from signalwatch.alerts.contacts import choose_contacts, same_person
from signalwatch.alerts.render import render_slack, render_text
from signalwatch.config import DeliveryConfig
from signalwatch.crm.alerttext import body_html, body_text
from signalwatch.crm.contacts import CrmContact, replace_contacts
from signalwatch.feedback.holds import with_claims
from signalwatch.rules.persona import parse_persona, persona_for_event
from signalwatch.runtime.app import warmed_engine
from signalwatch.runtime.delivery import deliver
from signalwatch.runtime.pipeline import commit_events
from signalwatch.store import Store
from tests.feedback.conftest import Loop, loop  # noqa: F401  (the fixture)


def person(name: str, title: str | None, owner: str | None = None, remote_id: str | None = None, email: str | None = None) -> CrmContact:
    return CrmContact("hubspot", "900", remote_id or name.lower().replace(" ", "-"), name, title, email, owner,
                      f"https://app.hubspot.com/contacts/1/record/0-1/{remote_id or 1}")


def names(chosen: list[dict[str, Any]]) -> list[str]:
    return [c["name"] for c in chosen]


FUNDING = {"type": "funding", "change": "raised", "attributes": {"amount": 3e7}}


@pytest.mark.parametrize(("raw", "fits", "misses"), [
    ("finance", ["CFO", "VP, Finance", "Head of Finance", "Finance Director"], ["Finance Intern", "Accountant", "CEO", "VP Sales"]),
    ("sales", ["Chief Revenue Officer", "VP of Sales", "Head of Sales Development"], ["Account Executive", "CFO"]),
    ("hr", ["Chief People Officer", "Head of Talent Acquisition", "HR Manager"], ["Recruiting Coordinator", "CTO"]),
    (["engineering", "executive"], ["CTO", "Engineering Manager", "CEO", "Co-founder"], ["Software Engineer", "Sales Manager"]),
    ({"titles": [r"\bchief of staff\b"], "names": ["finance"]}, ["Chief of Staff to the CEO", "CFO"], ["Staff Engineer"]),
])
def test_personas_read_titles_through_the_one_classifier(raw: Any, fits: list[str], misses: list[str]) -> None:
    persona, problems = parse_persona(raw)
    assert problems == [] and persona is not None
    assert [t for t in fits if not persona.fits(t)] == []
    assert [t for t in misses if persona.fits(t)] == []


@pytest.mark.parametrize(("raw", "where", "message"), [
    ("finanse", (), "unknown persona 'finanse' (did you mean 'finance'?)"),
    (["finance", 3], (1,), "a persona is a name, got 3"),
    ([], (), "an empty persona list"),
    ({"title": ["cfo"]}, ("title",), "unknown persona key 'title'"),
    ({"titles": ["(a+)+$"]}, ("titles", 0), "title pattern: a repeat inside a repeat"),
    (42, (), "persona is a name, a list of names or {titles"),
])
def test_a_broken_persona_says_where_and_why(raw: Any, where: tuple[Any, ...], message: str) -> None:
    persona, problems = parse_persona(raw)
    assert persona is None and problems[0][0] == where and message in problems[0][1]


def test_most_senior_first_then_the_owners_own_contacts_and_at_most_three() -> None:
    people = [person("Dir Finance", "Director of Finance", "dana@x.example"), person("Vic Finance", "VP Finance"),
              person("Fay Cfo", "CFO", "lee@x.example"), person("Ceo Ada", "CEO", "dana@x.example"),
              person("Ian Intern", "Finance Intern", "dana@x.example")]
    chosen = choose_contacts(people, persona_for_event(FUNDING), FUNDING, "Dana@x.example")
    assert names(chosen) == ["Ceo Ada", "Fay Cfo", "Vic Finance"]  # two C-levels (Dana's own first), the VP; three at most


def test_one_person_in_two_places_is_named_once() -> None:
    twice = [person("Fay Cfo", "CFO", email="fay@x.example", remote_id="1"), person("Fay Cfo", "CFO", email="FAY@x.example", remote_id="2")]
    assert names(choose_contacts(twice, persona_for_event(FUNDING), FUNDING, None)) == ["Fay Cfo"]


def test_defaults_follow_the_event() -> None:
    people = [person("Sal Vp", "VP Sales"), person("Fay Cfo", "CFO"), person("Ted Cto", "CTO"), person("Mo Marketing", "Head of Marketing")]
    hiring = {"type": "hiring", "change": "posted", "attributes": {"title": "Account Executive", "function": "sales"}}
    assert names(choose_contacts(people, persona_for_event(hiring), hiring, None)) == ["Sal Vp"]
    stack = {"type": "tech_stack", "change": "adopted", "attributes": {"category": "marketing_automation"}}
    assert names(choose_contacts(people, persona_for_event(stack), stack, None)) == ["Mo Marketing"]
    assert names(choose_contacts(people, persona_for_event(FUNDING), FUNDING, None)) == ["Fay Cfo", "Ted Cto"]


def test_the_new_leader_comes_first_and_a_departed_one_does_not() -> None:
    people = [person("Gina Globe", "CEO"), person("Maria L. Chen", "Advisor")]
    appointed = {"type": "leadership", "change": "appointed", "attributes": {"person": "María Chen", "title": "Chief Revenue Officer"}}
    chosen = choose_contacts(people, persona_for_event(appointed), appointed, None)
    assert names(chosen) == ["Maria L. Chen", "Gina Globe"] and chosen[0]["new_leader"] is True
    departed = {**appointed, "change": "departed"}
    assert names(choose_contacts(people, persona_for_event(departed), departed, None)) == ["Gina Globe"]


def test_no_fitting_contact_shows_nothing_and_hostile_text_is_escaped_everywhere() -> None:
    payload: dict[str, Any] = {"priority": "P1", "why": ["Rule r"], "angle": None, "account": {"name": "Acme"},
                               "event": {"type": "funding", "change": "raised", "title": "Acme raises", "source": "wire",
                                         "url": None, "occurred_at": "2026-12-01T10:00:00+00:00", "attributes": {}}}
    plain_text, plain_blocks = render_slack(payload)
    assert "Whom to reach" not in str(plain_blocks) and "Whom to reach" not in body_text(payload, "k")
    payload["contacts"] = [{"name": "<!channel> Eve", "title": "CFO <@U0ADMIN01>", "url": "https://app.hubspot.com/x|<!here>"}]
    _, blocks = render_slack(payload)
    section = blocks[-1]["text"]["text"]
    assert section.startswith("*Whom to reach:*\n• <https://app.hubspot.com/x%7C%3C!here%3E|&lt;!channel&gt; Eve>, CFO &lt;@U0ADMIN01&gt;")
    assert "&lt;!channel&gt;" in body_html(payload, "k") and "<!channel>" not in body_html(payload, "k")
    assert "Whom to reach:\n<!channel> Eve, CFO <@U0ADMIN01>\nhttps://app.hubspot.com/x|<!here>" in body_text(payload, "k")  # a CRM task: plain text
    assert "Reach:  <!channel> Eve, CFO" in render_text(payload)  # the console is plain text


def test_the_stored_alert_keeps_its_people_when_the_crm_changes_before_delivery(loop: Loop) -> None:  # noqa: F811
    acme = next(a for a in loop.store.list_accounts() if a.name == "Acme Robotics")
    loop.store.upsert_accounts([acme.__class__(**{**acme.__dict__, "crm_id": "hubspot:900"})], loop.now)
    replace_contacts(loop.store, "hubspot", [person("Fay Cfo", "CFO", remote_id="501")], {"900"}, loop.now)
    engine = warmed_engine(loop.rules, loop.store, loop.now)
    accounts = with_claims({a.id: a for a in loop.store.list_accounts()}, loop.store.engine, loop.now)
    commit_events(loop.store, engine, accounts, "news", [loop.event("Acme Robotics")], None, loop.now)
    replace_contacts(loop.store, "hubspot", [], {"900"}, loop.now)  # the CFO left the CRM since
    url = loop.store.engine.url
    loop.store.close()
    loop.store = Store(str(url))  # a restart
    report = deliver(loop.store, {"slack": loop.sink()}, DeliveryConfig(), clock=lambda: loop.now + timedelta(minutes=5))
    assert report.sent == 1
    assert "Fay Cfo" in str(loop.slack.messages[-1]["blocks"])


def test_a_poll_reads_the_contacts_inside_its_own_transaction(loop: Loop) -> None:  # noqa: F811
    """One unit of work: the alert's people are read on the poll's connection, not on a second one
    beside it (on SQLite a second connection is a second reader beside the writer)."""
    acme = next(a for a in loop.store.list_accounts() if a.name == "Acme Robotics")
    loop.store.upsert_accounts([acme.__class__(**{**acme.__dict__, "crm_id": "hubspot:900"})], loop.now)
    replace_contacts(loop.store, "hubspot", [person("Fay Cfo", "CFO", remote_id="501")], {"900"}, loop.now)
    engine = warmed_engine(loop.rules, loop.store, loop.now)
    accounts = {a.id: a for a in loop.store.list_accounts()}
    open_now, most_open = [0], [0]

    def checkout(*_: object) -> None:
        open_now[0] += 1
        most_open[0] = max(most_open[0], open_now[0])

    def checkin(*_: object) -> None:
        open_now[0] -= 1
    sa.event.listen(loop.store.engine, "checkout", checkout)
    sa.event.listen(loop.store.engine, "checkin", checkin)
    committed = commit_events(loop.store, engine, accounts, "news", [loop.event("Acme Robotics")], None, loop.now)
    assert committed.new_alerts >= 1
    assert most_open[0] == 1  # never a second connection beside the poll's
    assert "Fay Cfo" in str(loop.store.list_outbox())


@pytest.mark.parametrize(("contact", "person"), [("Maria L. Chen", "Maria Chen"), ("José  O'Neil", "Jose ONeil"),
                                                  ("Søren Kierkegaard", "Soren Kierkegaard"), ("Łukasz Nowak", "Lukasz Nowak")])
def test_a_person_is_matched_across_middle_names_accents_and_letters_unicode_does_not_decompose(contact: str, person: str) -> None:
    assert same_person(contact, person)
    assert not same_person(contact, "Someone Else")
