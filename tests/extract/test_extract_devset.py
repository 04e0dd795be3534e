"""The labelled development set: well-formed, hard enough, and the extractor meets the issue's targets on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalwatch.events import CHANGES, EventType
from signalwatch.extract import extract_news
from signalwatch.extract.evaluate import LabelledItem, load_labelled, score, shortfalls

FIXTURES = Path(__file__).parent.parent / "fixtures" / "news"
ROUNDS = {"pre_seed", "seed", "series_a", "series_b", "series_c", "series_d_plus", "growth", "debt", "grant", "undisclosed"}
SENIORITIES = {"c_level", "vp", "director", None}


@pytest.fixture(scope="module")
def devset() -> list[LabelledItem]:
    return load_labelled(FIXTURES / "devset.jsonl")


@pytest.fixture(scope="module", params=["devset.jsonl", "heldout.jsonl"])
def labelled(request: pytest.FixtureRequest) -> list[LabelledItem]:
    """The hand-written sets: written by the same hands as the first patterns, so a regression guard, not a quality figure.

    Their labels follow LABELLING.md (acquisitions, layoffs, reported rounds and successions are events;
    events without a named person are not); the quality figures are the real corpus's (test_extract_real.py).
    """
    return load_labelled(FIXTURES / request.param)


def test_devset_is_large_and_mostly_hard_negatives(devset: list[LabelledItem]) -> None:
    assert len(devset) >= 150
    assert len({item.id for item in devset}) == len(devset)
    negatives = sum(1 for item in devset if not item.events)
    assert negatives / len(devset) >= 0.40


def test_labels_use_the_event_vocabulary(labelled: list[LabelledItem]) -> None:
    for item in labelled:
        for event in item.events:
            kind = EventType(event["type"])
            assert event["change"] in CHANGES[kind], item.id
            attributes = event["attributes"]
            if kind == EventType.FUNDING:
                assert set(attributes) == {"amount", "currency", "amount_usd", "round", "investors", "lead_investors"}
                assert attributes["round"] in ROUNDS, item.id
                assert (attributes["amount_usd"] is not None) == (attributes["currency"] == "USD"), item.id
            elif kind == EventType.ACQUISITION:
                assert set(attributes) == {"acquirer", "target", "amount", "currency"}
                assert event["company_name"] == attributes["target"], item.id
            elif kind == EventType.LAYOFFS:
                assert set(attributes) == {"count", "percentage"}
            else:
                assert set(attributes) == {"person", "title", "function", "seniority"}
                assert attributes["seniority"] in SENIORITIES, item.id
                assert attributes["person"], f"{item.id}: events without a named person are not labelled"


def test_extractor_meets_the_targets(labelled: list[LabelledItem]) -> None:
    """On the devset and on the held-out slice (which was written after tuning, so it guards regressions)."""
    scores = score(labelled, extract_news)
    assert shortfalls(scores) == [], scores.table() + "\n" + "\n".join(scores.errors)


def test_scoring_counts_a_wrong_answer() -> None:
    """The scorer itself must notice misses, false alarms and wrong fields, or the target test proves nothing."""
    gold = {"type": "funding", "change": "raised", "company_name": "Acme",
            "attributes": {"amount": 5e6, "currency": "USD", "amount_usd": 5e6, "round": "seed", "investors": [], "lead_investors": []}}
    items = [
        LabelledItem("1", "Acme raises $6M seed round", "", (gold,)),
        LabelledItem("2", "Beta raises $1M", "", ()),
        LabelledItem("3", "Gamma names Jane Doe CFO", "", ()),
    ]
    scores = score(items, extract_news)
    assert scores.predicted["funding"] == 2 and scores.true_positive["funding"] == 1
    assert scores.accuracy("funding", "amount") == 0.0
    assert scores.precision("leadership") == 0.0
    assert any("funding precision" in miss for miss in shortfalls(scores))
