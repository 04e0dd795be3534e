"""Per-field outcomes of the news extractor on a representative table of headlines."""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import Extraction, extract_news

FUNDING = [
    # (title, summary, expected attributes and company)
    (
        "Vantage Robotics raises $42M Series B to scale warehouse picking arms",
        "The round was led by Lux Capital, with participation from existing investors Eclipse and Congruent Ventures.",
        {"company": "Vantage Robotics", "amount": 42e6, "currency": "USD", "amount_usd": 42e6, "round": "series_b",
         "lead_investors": ["Lux Capital"], "investors": ["Lux Capital", "Eclipse", "Congruent Ventures"]},
    ),
    (
        "Berlin-based Klarwerk secures €8 million to digitise industrial maintenance",
        "Klarwerk has raised €8 million in a Seed round led by Cherry Ventures.",
        {"company": "Klarwerk", "amount": 8e6, "currency": "EUR", "amount_usd": None, "round": "seed",
         "lead_investors": ["Cherry Ventures"]},
    ),
    (
        "London fintech Tillpoint raises £15m Series A", "",
        {"company": "Tillpoint", "amount": 15e6, "currency": "GBP", "round": "series_a"},
    ),
    (
        "Bengaluru-based Kiranapay raises Rs 120 crore in Series B led by Elevation Capital", "",
        {"company": "Kiranapay", "amount": 1.2e9, "currency": "INR", "round": "series_b", "lead_investors": ["Elevation Capital"]},
    ),
    (
        "Toronto's Northwind AI nabs C$10 million seed round", "",
        {"company": "Northwind AI", "amount": 10e6, "currency": "CAD", "round": "seed"},
    ),
    ("Sydney startup Brightlane snags A$25M Series B", "", {"company": "Brightlane", "currency": "AUD", "round": "series_b"}),
    ("Tokyo-based Kizuna Labs raises ¥1.5 billion in Series A", "", {"company": "Kizuna Labs", "amount": 1.5e9, "currency": "JPY"}),
    ("Zurich robotics startup Alpbot raises CHF 20 million", "", {"company": "Alpbot", "currency": "CHF", "round": "undisclosed"}),
    ("Stockholm's Voltfjord pulls in SEK 150 million to build grid batteries", "The growth round was led by Norrsken VC.",
     {"company": "Voltfjord", "currency": "SEK", "round": "growth"}),
    ("Italian insurtech Polizzapiù raises 10 million euros", "", {"company": "Polizzapiù", "amount": 10e6, "currency": "EUR"}),
    ("Singapore's Gridmind raises US$18 million Series A led by Openspace", "",
     {"company": "Gridmind", "currency": "USD", "amount_usd": 18e6, "lead_investors": ["Openspace"]}),
    ("Cartwheel raises undisclosed seed round from Accel", "",
     {"company": "Cartwheel", "amount": None, "currency": None, "amount_usd": None, "round": "seed", "investors": ["Accel"]}),
    ("Harvestly secures $40M credit facility from Silicon Valley Bank", "", {"round": "debt", "investors": ["Silicon Valley Bank"]}),
    ("Nordic Fusion wins £4m Innovate UK grant to build prototype reactor", "", {"company": "Nordic Fusion", "round": "grant"}),
    ("Stealth no more: Pinecrest Health emerges with $3.2M pre-seed", "", {"company": "Pinecrest Health", "round": "pre_seed"}),
    ("Cloudhaven Raises $210M Series E to Expand Sovereign Cloud Offering", "", {"round": "series_d_plus"}),
    ("Orbital Freight raises $150 million growth round at $1.2 billion valuation", "", {"amount": 150e6, "round": "growth"}),
    ("Flowstate, now valued at $2 billion, raises $200 million Series D", "", {"company": "Flowstate", "amount": 200e6}),
    ("Mosaic Grid has raised $22M to modernise substation monitoring", "", {"company": "Mosaic Grid", "amount": 22e6}),
    ("Quotient AI raises another $40M, six months after its Series A", "", {"amount": 40e6, "round": "undisclosed"}),
    (
        "Tandem Solar Announces Series A Funding to Scale Perovskite Production",
        "Tandem Solar today announced it has raised $32 million in Series A funding led by Breakthrough Energy Ventures.",
        {"company": "Tandem Solar", "amount": 32e6, "round": "series_a", "lead_investors": ["Breakthrough Energy Ventures"]},
    ),
    ("Sequoia leads $35M Series B in developer security startup Patchwork", "",
     {"company": "Patchwork", "amount": 35e6, "lead_investors": ["Sequoia"]}),
    ("Tessellate Bio raises $75M Series B co-led by ARCH Venture Partners and GV", "",
     {"lead_investors": ["ARCH Venture Partners", "GV"]}),
    ("Kyra Health (YC S23) raises $5M seed to automate prior authorizations", "", {"company": "Kyra Health"}),
    ("Rivulet, the real-time feature store, raises $15M Series A", "", {"company": "Rivulet"}),
]

LEADERSHIP = [
    # (title, summary, change, expected)
    ("Ledgerly Appoints Sarah Kim as Chief Revenue Officer", "", "appointed",
     {"company": "Ledgerly", "person": "Sarah Kim", "title": "Chief Revenue Officer", "function": "sales", "seniority": "c_level"}),
    ("Northbeam names former Oracle executive David Osei CFO", "", "appointed",
     {"company": "Northbeam", "person": "David Osei", "title": "CFO", "function": "finance"}),
    ("Priya Raman joins Vantage Robotics as VP of Sales", "", "appointed",
     {"company": "Vantage Robotics", "person": "Priya Raman", "title": "VP of Sales", "seniority": "vp"}),
    ("Cloudhaven hires Stripe's Tom Becker as head of revenue operations", "", "appointed",
     {"person": "Tom Becker", "function": "revops", "seniority": "director"}),
    ("Crisp Cargo appoints Anna de Vries as Chief Financial Officer", "", "appointed", {"person": "Anna de Vries"}),
    ("Rivulet names Greg Holt as new chief technology officer", "", "appointed",
     {"title": "chief technology officer", "function": "engineering"}),
    ("Former Google Cloud executive Sofia Ramos named CEO of Halcyon Data", "", "appointed",
     {"company": "Halcyon Data", "person": "Sofia Ramos", "title": "CEO"}),
    ("Brightlane CEO Mark Duffy steps down", "", "departed",
     {"company": "Brightlane", "person": "Mark Duffy", "title": "CEO", "function": "executive"}),
    ("Samantha Greene to step down as Payverse chief financial officer", "", "departed",
     {"company": "Payverse", "person": "Samantha Greene", "title": "chief financial officer"}),
    ("Cyberwise announces departure of Chief Marketing Officer Holly Grant", "", "departed",
     {"company": "Cyberwise", "person": "Holly Grant", "function": "marketing"}),
    # The headline's wording of the same role wins over the summary's (real items: "Yahoo's CEO steps down" / "chief executive").
    ("Nuvoloop names new CEO", "Nuvoloop has appointed Claire Martin, previously at Schneider Electric, as chief executive.",
     "appointed", {"company": "Nuvoloop", "person": "Claire Martin", "title": "CEO"}),
    ("Kyra Health CEO exits amid board dispute", "Chief executive Dana Fox left on Friday.", "departed",
     {"company": "Kyra Health", "person": "Dana Fox", "title": "CEO"}),
]

NOT_EVENTS = [
    "Granite Ventures closes $300M Fund IV to back early-stage B2B software",
    "Accel raises $650M for new early-stage fund in Europe and Israel",
    "Venture firm Hedosophia Partners raises $300 million to back European startups",
    "How to raise a Series A in 2026: what investors want to see",
    "10 startups that raised funding this week",
    "AI startups raised a record $40B in the first quarter, PitchBook data shows",
    "Ledgerly launches AI agent for accounts payable teams",
    "Keystone Identity lands Fortune 100 bank as customer",
    "Cyberwise secures $12M contract with U.S. Department of Defense",
    "Cartwheel bags €50,000 prize at Web Summit pitch competition",
    "Quantix Bio Reports Third Quarter 2026 Financial Results and Provides Business Update",
    "Northbeam raises full-year revenue guidance to $1.2 billion",
    "Gridmind partners with Siemens to deploy AI across substations",
    "Northbeam raises $400M in IPO, shares jump 30% in debut",
    "Brightlane CEO Mark Duffy on why aged care needs better software",
    "Vantage Robotics hires Goldman Sachs to explore sale",
    "Snowflake names Halcyon Data Partner of the Year",
    "Northwell Robotics CEO Jake Harmon leaves door open to acquisition",
    "Google invests $10 billion in India",
]


def _only(found: list[Extraction], kind: EventType) -> Extraction:
    matching = [event for event in found if event.type == kind]
    assert len(matching) == 1, found
    return matching[0]


@pytest.mark.parametrize(("title", "summary", "expected"), FUNDING, ids=[row[0][:40] for row in FUNDING])
def test_funding_fields(title: str, summary: str, expected: dict) -> None:
    event = _only(extract_news(title, summary), EventType.FUNDING)
    assert event.change == "raised"
    seen = {"company": event.company_name, **event.attributes}
    assert {key: seen[key] for key in expected} == expected


@pytest.mark.parametrize(("title", "summary", "change", "expected"), LEADERSHIP, ids=[row[0][:40] for row in LEADERSHIP])
def test_leadership_fields(title: str, summary: str, change: str, expected: dict) -> None:
    event = _only(extract_news(title, summary), EventType.LEADERSHIP)
    assert event.change == change
    seen = {"company": event.company_name, **event.attributes}
    assert {key: seen[key] for key in expected} == expected


@pytest.mark.parametrize("title", NOT_EVENTS)
def test_not_an_event(title: str) -> None:
    assert extract_news(title, "") == []


def test_every_attribute_is_present_even_when_unknown() -> None:
    funding = _only(extract_news("Brickbase Secures Seed Funding", ""), EventType.FUNDING)
    assert funding.attributes == {
        "amount": None, "currency": None, "amount_usd": None, "round": "seed", "investors": [], "lead_investors": []
    }
    leader = _only(extract_news("Kyra Health CEO Dana Fox exits", ""), EventType.LEADERSHIP)
    assert set(leader.attributes) == {"person", "title", "function", "seniority"}
    assert extract_news("Kyra Health CEO exits", "") == []  # LABELLING.md: no named person, no event


def test_one_item_can_report_funding_and_an_appointment() -> None:
    found = extract_news("Gridspan raises $25M Series B and names former Tesla exec Maria Lopez as COO", "")
    assert [(e.type, e.change, e.company_name) for e in found] == [
        (EventType.FUNDING, "raised", "Gridspan"),
        (EventType.LEADERSHIP, "appointed", "Gridspan"),
    ]
    assert found[1].attributes["person"] == "Maria Lopez"


def test_successor_takes_the_departing_title() -> None:
    found = extract_news("Beacon Analytics CEO John Miller to step down; COO Lisa Tran named successor", "")
    assert [(e.change, e.attributes["person"], e.attributes["title"]) for e in found] == [
        ("departed", "John Miller", "CEO"),
        ("appointed", "Lisa Tran", "CEO"),
    ]


def test_summary_never_turns_an_unrelated_headline_into_an_event() -> None:
    summary = "The company, which raised a $25 million Series A led by Insight Partners last month, said the agent is free."
    assert extract_news("Ledgerly launches AI agent for accounts payable teams", summary) == []


def test_markup_and_typographic_quotes_are_tolerated() -> None:
    found = extract_news("Munich’s Fluxmotion bags €30 million Series B", "")
    assert found[0].company_name == "Fluxmotion"
    assert extract_news("", "") == []
    assert extract_news("   ", "Acme raised $5M") == []


def test_the_person_a_role_verb_follows_is_never_the_headline_company() -> None:
    # From the issue: the departures in the first clause belong to Microsoft, not to "Nadella",
    # the subject of the second clause's "named".
    found = extract_news("Gates and Ballmer step aside, Nadella named new Microsoft CEO")
    assert found and {e.company_name for e in found} == {"Microsoft"}
    assert {e.attributes["person"] for e in found if e.change == "departed"} == {"Gates", "Ballmer"}
