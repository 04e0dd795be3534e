"""Sentence splitting: a title or "circa" before a name or figure never ends a sentence, an amount does."""

from __future__ import annotations

import json
from pathlib import Path

from signalwatch.extract import extract_news
from signalwatch.extract.text import sentences

HOLDOUT10 = Path(__file__).parent.parent / "fixtures" / "news" / "holdout10" / "holdout10.jsonl"


def _item(item_id: str) -> dict[str, str]:
    return next(row for row in map(json.loads, HOLDOUT10.read_text(encoding="utf-8").splitlines()) if row["id"] == item_id)


def test_titles_and_circa_do_not_end_a_sentence() -> None:
    # holdout10 rh10-0154 (verbatim): "Mr." had split the successor from his verb.
    text = "Mr. Ayeyemi, 52, would replace Albert Essien, billed to retire on June 30, 2015. Dr. Su joins as CEO."
    assert sentences(text) == ["Mr. Ayeyemi, 52, would replace Albert Essien, billed to retire on June 30, 2015.", "Dr. Su joins as CEO."]


def test_an_amount_in_millions_ends_its_sentence() -> None:
    # hand-written corner case: "$5M." closes the sentence as "$5 million." does
    assert sentences("Acme raised $5M. The round was led by Foo Ventures.") == ["Acme raised $5M.", "The round was led by Foo Ventures."]


def test_a_round_of_circa_an_amount_keeps_its_amount() -> None:
    # holdout10 rh10-0103: "raising c. USD 120 mn" -- split at "c." the amount was lost
    row = _item("rh10-0103")
    [event] = extract_news(row["title"], row["summary"])
    assert (event.company_name, event.attributes["amount"], event.attributes["currency"]) == ("MNT-Halan", 120_000_000.0, "USD")
