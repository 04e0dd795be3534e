"""The fifth held-out set of real news (`holdout5`): the file's integrity, not the extractor's quality.

`tests/fixtures/news/holdout5/holdout5.jsonl` holds real published items labelled by LABELLING.md
before any extractor ran on them; nobody has scored it yet (see its README). These tests only check
that the set is what its README says it is: big enough, every line well formed and labelled by the
schema, every item with its source URL and gathering date, about 40% hard negatives, at most a
quarter of the items from digest pages, and no item shared with the sets that
have been tuned on or looked at (`real/`, `train2/`, `holdout2/`, `holdout3/`, `holdout4/` and the hand-written sets).
Nothing here runs the extractor.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.extract.heldout_sets import (
    NEWS,
    check_apart,
    check_ids,
    check_items,
    check_labels,
    check_negatives,
    check_readme_counts,
    check_weak_spots,
    norm_url,
    rows_of,
)

HOLDOUT5 = NEWS / "holdout5" / "holdout5.jsonl"
README = NEWS / "holdout5" / "README.md"
OTHER_SETS = [
    *sorted((NEWS / "real").glob("*.jsonl")),
    NEWS / "train2" / "train2.jsonl",
    NEWS / "holdout2" / "holdout2.jsonl",
    NEWS / "holdout3" / "holdout3.jsonl",
    NEWS / "holdout4" / "holdout4.jsonl",
    NEWS / "items.jsonl",
    NEWS / "devset.jsonl",
    NEWS / "heldout.jsonl",
]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return rows_of(HOLDOUT5)


def test_the_set_is_big_enough_and_loads_like_the_other_holdouts(rows: list[dict[str, Any]]) -> None:
    check_ids(rows, HOLDOUT5, "rh5-", 250)


def test_the_readme_states_the_size_and_counts_of_the_file(rows: list[dict[str, Any]]) -> None:
    text = check_readme_counts(rows, README)
    assert "never been scored" in text


def test_every_item_keeps_its_source_text_url_and_date(rows: list[dict[str, Any]]) -> None:
    check_items(rows, gathered="2026-12-06")


def test_every_event_is_labelled_by_the_schema(rows: list[dict[str, Any]]) -> None:
    check_labels(rows)


def test_about_forty_percent_are_hard_negatives_of_every_sort(rows: list[dict[str, Any]]) -> None:
    check_negatives(rows, least_per_type=20)


def test_the_known_weak_spots_are_well_represented(rows: list[dict[str, Any]]) -> None:
    """Items naming two or more people, and departures, are what the issue says real text is full of."""
    check_weak_spots(rows, multi_person=15, departed=25)


def test_no_item_is_repeated_or_shared_with_the_other_sets(rows: list[dict[str, Any]]) -> None:
    check_apart(rows, OTHER_SETS, least_others=1200)


def test_digest_pages_give_at_most_a_quarter_of_the_items(rows: list[dict[str, Any]]) -> None:
    """holdout4 took 37% of its items from digest pages; this set keeps single-story pages the rule.

    A digest page is a page that gives three or more items (they share its URL)."""
    pages = Counter(norm_url(row["url"]) for row in rows)
    from_digests = sum(count for count in pages.values() if count >= 3)
    assert from_digests <= len(rows) / 4
    assert len({urlsplit(row["url"]).netloc.lower().removeprefix("www.") for row in rows}) >= 100
    assert f"Digest pages (pages giving three or more items) give {from_digests} items" in README.read_text(encoding="utf-8")
