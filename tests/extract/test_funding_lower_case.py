"""Names that open in lower case (round 18, `funding_lower_case`): "d.light Secures $300 Million", "challenger albo raises".

Every title and summary is real and verbatim from the spent set named beside it (summaries cut at a sentence's end); each
test of a round failed before the class: the readers, which take a name to open with a capital, found no round.
"""

from __future__ import annotations

import pytest

from signalwatch.extract.funding_lower_case import lower_case_name
from signalwatch.extract.news import extract_news


def _funding(title: str, summary: str) -> list[tuple[str | None, float | None, str | None]]:
    return [(event.company_name, event.attributes["amount"], event.attributes["currency"])
            for event in extract_news(title, summary) if str(event.type) == "funding"]


@pytest.mark.parametrize(("title", "summary", "company", "amount"), [
    # holdout35 rh35-0124: a dot inside the name; the body's figure in its own currency wins over the headline's shillings
    ("d.light secures Sh22.9bn to grow affordable off-grid solar in EAC",
     "Provider of household products and affordable finance for low-income households, d.light, has secured a new $176 million "
     "(Sh22.9 billion) facility to grow its operations in Kenya, Tanzania, and Uganda.",
     "d.light", 176_000_000.0),
    # holdout27 rh27-0225: the name opens the headline
    ("d.light Secures $300 Million to Expand Solar Financing for Off-Grid Communities in Africa",
     "Solar energy startup d.light has secured over $300 million in new capital to purchase consumer receivables.",
     "d.light", 300_000_000.0),
    # holdout10 rh10-0055: a plain lower-case name, which the summary sets off by commas
    ("Mexican challenger albo raises $45m in Series B funding round",
     "Mexican challenger bank, albo, has raised $45 million in a Series B funding round, putting its total raised at more than "
     "$72 million.",
     "albo", 45_000_000.0),
])
def test_a_name_that_opens_in_lower_case_is_the_company(title: str, summary: str, company: str, amount: float) -> None:
    assert _funding(title, summary) == [(company, amount, "USD")]


def test_a_sector_word_the_dictionary_lacks_is_no_name() -> None:
    # "fintech" is no dictionary word, but the summary writes it as a noun, never as a name
    assert lower_case_name("Nigerian fintech raises funding to expand", "The Lagos-based fintech said it will hire staff.") is None
    assert lower_case_name("Lagos fintech raises funding", "Fintech Kuda said the fintech will hire.") is None


def test_the_why_says_the_name_was_read_capitalised() -> None:
    found = extract_news("d.light Secures $300 Million to Expand Solar Financing for Off-Grid Communities in Africa",
                         "Solar energy startup d.light has secured over $300 million in new capital to purchase consumer receivables.")
    assert "'d.light' capitalised" in found[0].why
