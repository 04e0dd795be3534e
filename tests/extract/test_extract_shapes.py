"""General shapes of funding and leadership news (written for the pattern families, not copied from the corpus)."""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import extract_news
from signalwatch.extract.evaluate import FOLDS, fold_of


@pytest.mark.parametrize(
    ("title", "summary", "company", "amount"),
    [
        ("$30M Series B for Verdigris Energy", "", "Verdigris Energy", 30e6),
        ("Halcyon's $50M Series C puts it on track for expansion", "", "Halcyon", 50e6),
        ("Revolut in $500M funding round", "", "Revolut", 500e6),
        ("With $50M in new funding, Pachama sets out to restore forests", "", "Pachama", 50e6),
        ("Investors pump $25M into Seattle startup Kiteline", "", "Kiteline", 25e6),
        ("General Catalyst leads Brightpath's $30M round", "", "Brightpath", 30e6),
        ("Cambridge biotech Arvelle pockets $45M to push lupus drug into the clinic", "", "Arvelle", 45e6),
        ("Digital bank Monzo attracts £60m investment", "", "Monzo", 60e6),
        ("Vexa wants to fix payroll", "Vexa, a San Francisco startup, today announced a $14 million Series A led by Accel.", "Vexa", 14e6),
        ("Corvid Bio to expand trials", "Corvid Bio announced the close of a $30 million Series B financing.", "Corvid Bio", 30e6),
        ("This startup wants to kill the password", "The $18 million Series A round announced by Keyless this week is the largest yet.",
         "Keyless", 18e6),
    ],
)
def test_funding_shapes(title: str, summary: str, company: str, amount: float) -> None:
    found = [e for e in extract_news(title, summary) if e.type == EventType.FUNDING]
    assert [(e.company_name, e.attributes["amount"]) for e in found][:1] == [(company, amount)]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Vexa launches new product", "Vexa today announced a new investment in its European operations."),
        ("Corvid partners with Pfizer", "Corvid Bio announced a $30 million partnership with Pfizer."),
        ("Northwind reports results", "Northwind announced $2 billion in revenue for the quarter."),
        ("Accel closes $650 million fund for early-stage startups", ""),
        ("Acme secures $40 million contract with US Army", ""),
        ("Nvidia raises guidance after record quarter", ""),
    ],
)
def test_look_alikes_stay_quiet(title: str, summary: str) -> None:
    assert [e for e in extract_news(title, summary) if e.type == EventType.FUNDING] == []


def test_departure_and_colon_appointment() -> None:
    out = [e for e in extract_news("Twitter CFO Ned Segal is out") if e.type == EventType.LEADERSHIP]
    assert [(e.change, e.company_name, e.attributes["person"]) for e in out] == [("departed", "Twitter", "Ned Segal")]
    named = [e for e in extract_news("Helios Energy names new CEO: Anna Berg") if e.type == EventType.LEADERSHIP]
    assert [(e.change, e.attributes["person"], e.attributes["title"]) for e in named] == [("appointed", "Anna Berg", "CEO")]


def test_folds_are_stable() -> None:
    assert {fold_of(f"rf-{n:04d}") for n in range(200)} == set(range(1, FOLDS + 1))
    assert fold_of("rf-0002") == fold_of("rf-0002")
