"""Round 19: a headline that asks how or why is an explainer about a raise, not the news of one (LABELLING.md: retrospectives
and opinion pieces are negatives); the name read must not take the question word for the company's."""

from __future__ import annotations

import pytest

from signalwatch.extract.funding import extract_funding, refused_funding

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
