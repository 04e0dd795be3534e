"""The third held-out set of real news (`holdout3`): the file's integrity, not the extractor's quality.

`tests/fixtures/news/holdout3/holdout3.jsonl` holds real published items labelled by LABELLING.md
before any extractor ran on them (see its README). These tests only check that the set is what its
README says it is: big enough, every line well formed and labelled by the schema, every item with
its source URL and gathering date, about 40% hard negatives, and no item shared with the sets that
have been tuned on or looked at (`real/`, `train2/`, `holdout2/` and the hand-written sets).
Nothing here runs the extractor.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.heldout_sets import (
    NEWS,
    check_apart,
    check_ids,
    check_items,
    check_labels,
    check_negatives,
    check_readme_counts,
    rows_of,
)

HOLDOUT3 = NEWS / "holdout3" / "holdout3.jsonl"
README = NEWS / "holdout3" / "README.md"
OTHER_SETS = [
    *sorted((NEWS / "real").glob("*.jsonl")),
    NEWS / "train2" / "train2.jsonl",
    NEWS / "holdout2" / "holdout2.jsonl",
    NEWS / "items.jsonl",
    NEWS / "devset.jsonl",
    NEWS / "heldout.jsonl",
]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return rows_of(HOLDOUT3)


def test_the_set_is_big_enough_and_loads_like_the_other_holdouts(rows: list[dict[str, Any]]) -> None:
    check_ids(rows, HOLDOUT3, "rh3-", 250)


def test_the_readme_states_the_size_and_counts_of_the_file(rows: list[dict[str, Any]]) -> None:
    check_readme_counts(rows, README)


def test_every_item_keeps_its_source_text_url_and_date(rows: list[dict[str, Any]]) -> None:
    check_items(rows, gathered="2026-12-06")


def test_every_event_is_labelled_by_the_schema(rows: list[dict[str, Any]]) -> None:
    check_labels(rows)


def test_about_forty_percent_are_hard_negatives_of_every_sort(rows: list[dict[str, Any]]) -> None:
    check_negatives(rows, least_per_type=10)


def test_no_item_is_repeated_or_shared_with_the_other_sets(rows: list[dict[str, Any]]) -> None:
    check_apart(rows, OTHER_SETS, least_others=900)
