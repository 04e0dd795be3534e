"""The third held-out set of real news (`holdout3`): the file's integrity, not the extractor's quality.

`tests/fixtures/news/holdout3/holdout3.jsonl` holds real published items labelled by LABELLING.md
before any extractor ran on them (see its README). These tests only check that the set is what its
README says it is: big enough, every line well formed and labelled by the schema, every item with
its source URL and gathering date, about 40% hard negatives, and no item shared with the sets that
have been tuned on or looked at (`real/`, `train2/`, `holdout2/` and the hand-written sets).
Nothing here runs the extractor.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from signalwatch.extract.evaluate import load_labelled
from tests.extract.heldout_sets import KINDS, NEWS, check_apart, check_event, check_negatives, rows_of

HOLDOUT3 = NEWS / "holdout3" / "holdout3.jsonl"
OTHER_SETS = [*sorted((NEWS / "real").glob("*.jsonl")), NEWS / "train2" / "train2.jsonl", NEWS / "holdout2" / "holdout2.jsonl",
              NEWS / "items.jsonl", NEWS / "devset.jsonl", NEWS / "heldout.jsonl"]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return rows_of(HOLDOUT3)


def test_the_set_is_big_enough_and_loads_like_holdout2(rows: list[dict[str, Any]]) -> None:
    items = load_labelled(HOLDOUT3)
    assert len(rows) == len(items) >= 250
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"rh3-\d{4}", item_id) for item_id in ids)


def test_every_item_keeps_its_source_text_url_and_date(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert set(row) == {"id", "url", "title", "summary", "kind", "events", "gathered"}, row["id"]
        assert urlsplit(row["url"]).scheme in {"http", "https"} and urlsplit(row["url"]).netloc, row["id"]
        assert row["title"].strip() and isinstance(row["summary"], str), row["id"]
        assert row["gathered"] == "2026-12-06", row["id"]
        assert row["kind"] in KINDS, row["id"]


def test_every_event_is_labelled_by_the_schema(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        for event in row["events"]:
            check_event(row["id"], event)
        if not row["kind"].startswith("negative:"):
            assert any(event["type"] == row["kind"] for event in row["events"]), row["id"]


def test_about_forty_percent_are_hard_negatives_of_every_sort(rows: list[dict[str, Any]]) -> None:
    check_negatives(rows, least_per_type=10)


def test_no_item_is_repeated_or_shared_with_the_other_sets(rows: list[dict[str, Any]]) -> None:
    check_apart(rows, OTHER_SETS, least_others=900)
