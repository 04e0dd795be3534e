"""Round 15's speed work changes no reading: each shortcut answers as the slow path it stands in for.

The shortcuts: `NOT_A_ROUND` asked alternative by alternative behind each one's words (`screens.AnyOf`), and the
resolver's "used as a company" and "does a company's deal" patterns compiled once per name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signalwatch.extract import funding_patterns
from signalwatch.extract.screens import AnyOf, alternatives
from signalwatch.extract.text import lower, sentences
from signalwatch.matching.evidence import ItemText

DEVSET = Path(__file__).parent.parent / "fixtures" / "news" / "devset.jsonl"


@pytest.mark.parametrize(("source", "parts"), [
    (r"a|b(?:c|d)", [r"a", r"b(?:c|d)"]),
    (r"[|\]]x|y\|z", [r"[|\]]x", r"y\|z"]),  # a "|" in a class or escaped is no alternative
    (r"[]|]a|b", [r"[]|]a", r"b"]),  # "]" first in a class is literal
    (r"(?i)a|b", [r"(?i)a|b"]),  # a global flag belongs to the whole: not split
    (r"(a)|\1", [r"(a)|\1"]),  # a backreference needs its group: not split
])
def test_a_pattern_splits_into_its_top_level_alternatives(source: str, parts: list[str]) -> None:
    assert alternatives(source) == parts


def test_not_a_round_answers_as_its_whole_pattern() -> None:
    # every devset headline and summary sentence, lower-cased as not_a_round reads them, and shapes each alternative names
    items = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [lower(text) for item in items for text in [item["title"], *sentences(item.get("summary", ""))]]
    texts += ["acme closes $100m fund iii", "raised in its ipo, priced at $12", "a $40 million new fund", "to back startups",
              "raises $5m via ipo", "in new funds", "raised in new funds", "ıpo via spac"]
    screened = AnyOf(funding_patterns.NOT_A_ROUND)
    assert len(screened.parts) >= 10
    assert all(screened.found_in(text) == bool(funding_patterns.NOT_A_ROUND.search(text)) for text in texts)
    assert sum(screened.found_in(text) for text in texts) >= 5  # the shapes do match


@pytest.mark.parametrize(("text", "mention", "as_company", "deals"), [
    ("Ramp CEO Eric Glyman said the company will hire", "Ramp", True, False),
    ("Ola raises $500 million from Temasek", "Ola", False, True),
    ("Salesforce to buy Slack for $27.7 billion", "Slack", False, True),
    ("C++ Labs (NASDAQ: CPP) said", "C++ Labs", True, False),  # a name with pattern characters is escaped
    ("C++ Labs rose; C++ Labs raises $5M", "C++ Labs", False, True),
    ("The notion that sales teams ramp faster", "Ramp", False, False),
])
def test_a_name_used_as_a_company_or_doing_a_deal_reads_the_same_twice(text: str, mention: str, as_company: bool,
                                                                       deals: bool) -> None:
    item = ItemText.of(text)
    for _ in range(2):  # the second answer comes from the patterns compiled for the name the first time
        assert item.treats_as_company(mention) is as_company
        assert item.does_deals(mention) is deals
        assert item.treats_as_company(mention.upper()) is as_company  # case-blind, as before
