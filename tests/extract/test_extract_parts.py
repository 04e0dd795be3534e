"""Money amounts, role titles and company subjects: the building blocks of the news extractor."""

from __future__ import annotations

import re

import pytest

from signalwatch.extract.money import find_amounts
from signalwatch.extract.roles import TITLE
from signalwatch.extract.text import company_from_subject, strip_dateline
from signalwatch.titles import classify_title

AMOUNTS = [
    ("$20M", 20e6, "USD"),
    ("$1.5 billion", 1.5e9, "USD"),
    ("€1.2bn", 1.2e9, "EUR"),
    ("£2.3m", 2.3e6, "GBP"),
    ("US$18 million", 18e6, "USD"),
    ("USD 7 million", 7e6, "USD"),
    ("C$10 million", 10e6, "CAD"),
    ("A$25M", 25e6, "AUD"),
    ("¥1.5 billion", 1.5e9, "JPY"),
    ("Rs 120 crore", 1.2e9, "INR"),
    ("₹50 lakh", 5e6, "INR"),
    ("CHF 20 million", 20e6, "CHF"),
    ("SEK 150 million", 150e6, "SEK"),
    ("10 million euros", 10e6, "EUR"),
    ("$45mn", 45e6, "USD"),
    ("$500K", 500e3, "USD"),
    ("$500,000", 500e3, "USD"),
    ("$28-million", 28e6, "USD"),
    ("R$50 million", 50e6, "BRL"),
]


@pytest.mark.parametrize(("text", "amount", "currency"), AMOUNTS)
def test_amounts(text: str, amount: float, currency: str) -> None:
    [money] = find_amounts(f"Acme raises {text} in funding")
    assert (money.amount, money.currency) == (amount, currency)


# The dollar named with its country, as wire copy writes it: real summaries of spent sets (round 19).
COUNTRY_DOLLARS = [
    # holdout27 rh27-0074 (People's Daily)
    ("The International Finance Corporation (IFC), a member of the World Bank Group, has approved the provision of "
     "107 million U.S. dollars in loans to China's Sunda International Group", 107e6, "USD"),
    # holdout35 rh35-0246 (YourStory)
    ("The big news was that Konga just raised 25 million US dollars – arguably the second biggest single raise", 25e6, "USD"),
    ("The deal is worth 2.8 billion Australian dollars", 2.8e9, "AUD"),
]


@pytest.mark.parametrize(("text", "amount", "currency"), COUNTRY_DOLLARS)
def test_the_dollar_named_with_its_country_is_one_amount(text: str, amount: float, currency: str) -> None:
    [money] = find_amounts(text)
    assert (money.amount, money.currency) == (amount, currency)


@pytest.mark.parametrize("text", ["Fortune 100", "in 2026", "Series B", "Rs 5 per share", "3x revenue"])
def test_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


ROLES = [
    ("Chief Revenue Officer", "sales", "c_level"),
    ("CFO", "finance", "c_level"),
    ("VP of Sales", "sales", "vp"),
    ("Senior Vice President of Engineering", "engineering", "vp"),
    ("head of revenue operations", "revops", "director"),
    ("Director of Sales Operations", "revops", "director"),
    ("Head of Customer Success", "customer_success", "director"),
    ("vice president of people", "people", "vp"),
    ("General Counsel", "legal", "vp"),  # one classifier for every source: general counsel is a vp
    ("Chief Information Security Officer", "security", "c_level"),
    ("Chief Marketing Officer", "marketing", "c_level"),
    ("Chief Product Officer", "product", "c_level"),
    ("President and CEO", "executive", "c_level"),
    ("Chief Operating Officer", "operations", "c_level"),
]


@pytest.mark.parametrize(("title", "function", "seniority"), ROLES)
def test_role_function_and_seniority(title: str, function: str, seniority: str | None) -> None:
    assert re.fullmatch(TITLE, title)
    role = classify_title(title, officer=True)  # the one title classifier, as leadership events use it
    assert (role.function, role.seniority) == (function, seniority)


def test_title_stops_before_the_persons_name() -> None:
    assert re.match(TITLE, "head of sales Erin Walsh").group(0) == "head of sales"  # type: ignore[union-attr]
    assert re.match(TITLE, "Partner of the Year") is None


SUBJECTS = [
    ("Exclusive: Former Uber execs' startup Relay Yard", "Relay Yard"),
    ("Berlin-based Klarwerk", "Klarwerk"),
    ("Paris' Nuvoloop", "Nuvoloop"),
    ("Payroll Startup Tally", "Tally"),
    ("Kyra Health (YC S23)", "Kyra Health"),
    ("Rivulet, the real-time feature store,", "Rivulet"),
    ("Airwave Networks, Inc.", "Airwave Networks, Inc."),
    ("Tokyo-based Kizuna Labs", "Kizuna Labs"),
    ("n8flow", "n8flow"),
    ("AI startups", None),
    ("10 startups that", None),
    ("Gantry Systems CEO: We", None),
    ("India", None),
]


@pytest.mark.parametrize(("subject", "company"), SUBJECTS)
def test_company_from_subject(subject: str, company: str | None) -> None:
    assert company_from_subject(subject) == company


@pytest.mark.parametrize(
    ("summary", "start"),
    [
        ("NEW YORK, Oct. 14, 2026 /PRNewswire/ -- Sift Atlas today announced", "Sift Atlas today"),
        ("CHICAGO--(BUSINESS WIRE)--Hexa Freight today announced", "Hexa Freight today"),
        ("SOUTH SAN FRANCISCO, Calif., Feb. 10, 2026 (GLOBE NEWSWIRE) -- Quantix Bio, Inc., a", "Quantix Bio, Inc."),
        ("Acme raised $5M from the wire service", "Acme raised"),
    ],
)
def test_wire_datelines_are_dropped(summary: str, start: str) -> None:
    assert strip_dateline(summary).startswith(start)
