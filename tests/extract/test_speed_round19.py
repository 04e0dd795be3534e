"""Round 19's speed work changes no reading: each shortcut answers as the slow form it stands in for.

The shortcuts: the funding headline's verb is found with `funding_patterns.VERB_BY_LETTER`, `VERB` with its alternatives
grouped by first letter (`screens.by_first_letter`).
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from signalwatch.extract import funding_patterns
from signalwatch.extract.screens import by_first_letter
from signalwatch.extract.text import clean, lower, sentences

DEVSET = Path(__file__).parent.parent / "fixtures" / "news" / "devset.jsonl"


def _devset_texts() -> list[str]:
    items = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [text for item in items for text in [clean(item["title"]), *sentences(clean(item.get("summary", "")))[:4]] if text]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@pytest.mark.parametrize(("source", "grouped"), [
    (r"(?:ab|b|ac)", r"(?:a(?:b|c)|b(?:))"),
    (r"(?:(?:is\s+)?awarded|(?:to|will)\s+raise)", r"(?:i(?:s\s+awarded)|a(?:warded)|t(?:o\s+raise)|w(?:ill\s+raise))"),
    (r"(?:(?:(?:has|have)\s+been\s+|was\s+)won)", r"(?:h(?:as\s+been\s+won|ave\s+been\s+won)|w(?:as\s+won))"),
])
def test_alternatives_are_written_out_and_grouped_by_their_first_letter(source: str, grouped: str) -> None:
    assert by_first_letter(re.compile(source), "", "").pattern == grouped


@pytest.mark.parametrize("source", [r"(?:\w+s|b)", r"(?:a?b|c)", r"(?:(?:a)*b)", r"(?:(?:a)??b)", r"(?:[ab]c)"])
def test_an_alternative_that_opens_with_no_plain_letter_is_refused(source: str) -> None:
    with pytest.raises(ValueError):
        by_first_letter(re.compile(source), "", "")


def test_a_case_blind_pattern_is_refused() -> None:
    with pytest.raises(ValueError):
        by_first_letter(re.compile(r"(?:a|b)", re.IGNORECASE), "", "")


def test_the_grouped_verb_pattern_finds_the_verbs_of_the_devset_as_verb() -> None:
    texts = [lower(text) for text in _devset_texts()]
    assert sum(len(_spans(funding_patterns.VERB, text)) for text in texts) > 200
    assert all(_spans(funding_patterns.VERB_BY_LETTER, text) == _spans(funding_patterns.VERB, text) for text in texts)


def test_the_grouped_verb_pattern_reads_phrases_of_the_verb_words_as_verb() -> None:
    words = sorted(set(re.findall(r"[a-z]+", funding_patterns.VERB.pattern))) + ["x", "up-"]
    for first, second, third in itertools.islice(itertools.product(words, repeat=3), 0, None, 7):
        for joint in (" ", "-", ", "):
            text = f"{first}{joint}{second} {third}"
            assert _spans(funding_patterns.VERB_BY_LETTER, text) == _spans(funding_patterns.VERB, text), text
