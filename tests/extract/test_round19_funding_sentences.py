"""Funding, issue 14 round 19: a headline that is a whole standfirst sentence (funding_headline_sentence.py), and "to fund"
read as a verb, not as an investment fund (funding_patterns.NOT_A_ROUND and FUND_SUMMARY).

Every positive text is verbatim from a spent labelled set (the set and item id are in the comment before it) and found no
event the resolver could tie before this round. The refusal cases guard what must still not be read: written for the guard.
"""

from __future__ import annotations

from signalwatch.events import EventType
from signalwatch.extract import Extraction, extract_news
from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.funding_headline_sentence import is_sentence_headline
from signalwatch.extract.text import lower, words


def _rounds(title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_news(title, summary) if e.type == EventType.FUNDING]


# holdout21 rh21-0084: a long description between the name and its verb, and "financing to fund early development"
_SOTERIA = ("Soteria Biotherapeutics Inc., a company developing switchable bispecific T-cell engagers to treat patients with solid"
            " tumors, has raised $42 million in series A financing to fund early development of a pipeline of candidates with"
            " potential in validated cancer targets, it said.")
# holdout24 rh24-0088: a clause before the subject
_VEDERE = ("Less than a year after Novartis AG's acquisition of optogenetics specialist Vedere Bio Inc., its successor Vedere Bio II"
           " Inc. is launching with $77 million in series A financing, led by Octagon Capital.")


def test_a_round_told_to_fund_something_is_still_a_round() -> None:
    found = _rounds(_SOTERIA, "Roche Venture Fund and 5AM Ventures led the round, with further investments from M Ventures,"
                              " Novartis Venture Fund and Alexandria Venture Investments.")
    assert [(e.company_name, e.attributes["amount"]) for e in found] == [("Soteria Biotherapeutics", 42_000_000.0)]


def test_to_fund_is_a_verb_not_an_investment_fund() -> None:
    text = "Acme has raised a $20 million Series A to fund its expansion into Europe."
    assert not rules.about_a_fund(text)
    assert not rules.not_a_round(lower(text), words(text))
    assert [e.company_name for e in _rounds("Acme raises $20M", text)] == ["Acme"]


def test_a_firm_closing_its_own_fund_is_still_no_round() -> None:
    # guards: the fund the firm raises, not a verb
    assert rules.about_a_fund("The firm has raised a $500 million fund to back early-stage startups.")
    assert rules.not_a_round("lion capital closes its new fund", words("lion capital closes its new fund"))
    assert _rounds("Lion Capital raises $500M", "The firm has raised a new $500 million fund to back startups.") == []


def test_a_sentence_headline_is_read_as_a_summary_sentence() -> None:
    found = _rounds(_VEDERE, "The company will develop earlier-stage assets than those Novartis purchased.")
    assert len(found) == 1
    assert found[0].company_name.startswith("Vedere Bio") and found[0].attributes["amount"] == 77_000_000.0
    assert "headline read as a sentence" in found[0].why  # `extract --explain` names the shape


def test_only_long_headlines_with_clauses_are_sentences() -> None:
    assert is_sentence_headline(_VEDERE) and is_sentence_headline(_SOTERIA)
    assert not is_sentence_headline("Acme raises $20M Series A led by Sequoia to expand in Europe")
    # long, but one run of words without a clause: a Title Case headline
    assert not is_sentence_headline("Acme Robotics Raises Twenty Million Dollars In Series A Funding Led By Sequoia Capital And"
                                    " Index Ventures For Warehouse Robots")
