"""A typographic apostrophe cuts a name at its possessive exactly as a plain one does ("Kellogg’s" as "Kellogg's")."""

from __future__ import annotations

import pytest

from signalwatch.extract.news import extract_news
from signalwatch.extract.text import company_from_subject, split_names


@pytest.mark.parametrize(
    ("subject", "company"),
    [
        ("Kellogg{a}s", "Kellogg"),  # a possessive subject: the owner
        ("Toronto{a}s Northwind", "Northwind"),  # a place in front of the name
        ("Paris{a} Nuvoloop", "Nuvoloop"),
        ("Rice Robotics{a}", "Rice Robotics"),  # "SoftBank invests in Rice Robotics’ deliveries"
    ],
)
@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_company_from_subject_cuts_either_apostrophe(subject: str, company: str, apostrophe: str) -> None:
    assert company_from_subject(subject.format(a=apostrophe)) == company


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_split_names_drops_a_possessive_with_either_apostrophe(apostrophe: str) -> None:
    """"Sequoia, Accel and Kellogg’s" in a list: the possessive is the start of another phrase, not an investor."""
    assert split_names(f"Sequoia, Accel and Kellogg{apostrophe}s") == ["Sequoia", "Accel"]


def test_extracted_names_do_not_depend_on_the_apostrophe() -> None:
    """The whole extractor: the same events for a headline written with either apostrophe."""
    for title in ("Ferrero acquires Kellogg{a}s for $3.1 billion", "Metromile{a}s layoffs hit 50 staff", "Macy{a}s to cut 2,000 jobs"):
        plain, typographic = extract_news(title.format(a="'")), extract_news(title.format(a="’"))
        assert plain and [e.to_dict() for e in plain] == [e.to_dict() for e in typographic]
