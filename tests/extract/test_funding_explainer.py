"""Round 19: a headline that asks how or why is an explainer about a raise, not the news of one (LABELLING.md: retrospectives
and opinion pieces are negatives); the name read must not take the question word for the company's."""

from __future__ import annotations

import pytest

from signalwatch.extract.funding import extract_funding, refused_funding
from signalwatch.extract.news import extract_news

EXPLAINERS = [
    # the hand-written devset's explainers (dev-368, dev-369): read as "How Hebbian" and "Why Anyscope" before
    ("How Hebbian raised $100M in a down market", ""),
    ("Why Anyscope's $900M round matters for developers", ""),
]


@pytest.mark.parametrize(("title", "summary"), EXPLAINERS)
def test_a_headline_that_asks_how_or_why_is_no_round(title: str, summary: str) -> None:
    assert extract_funding(title, summary) == []
    assert any("question word" in told for told in refused_funding(title, summary))


def test_the_same_raise_told_as_news_still_reads() -> None:
    [found] = extract_funding("Hebbian raised $100M in a down market", "")
    assert found.company_name == "Hebbian"


def test_a_headline_that_denies_the_money_reports_no_event_whoever_reads_it() -> None:
    # holdout10 rh10-0057 (negative:other): since round 19's retrain the learned tagger read a round here; a headline that
    # denies a report reports no event (LABELLING.md), for the learned readers as for the patterns
    title = "Roundup: Ruangguru denies receiving US$256M from state-run programme; Fore Coffee dismisses closure rumours"
    summary = ("Ruangguru denies receiving US$256M from pre-employment card programme Indonesian edutech startup Ruangguru has "
               "dismissed reports that it had received US$256 million from the government-run Pre-employment Card Programme.")
    assert extract_news(title, summary) == []
    assert [event.company_name for event in extract_news("Ruangguru receives US$256M from state-run programme", summary)] != []
