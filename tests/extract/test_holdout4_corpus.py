"""The fourth held-out set of real news (`holdout4`): the file's integrity, not the extractor's quality.

`tests/fixtures/news/holdout4/holdout4.jsonl` holds real published items labelled by LABELLING.md
before any extractor ran on them (see its README). These tests only check that the set is what its
README says it is: big enough, every line well formed and labelled by the schema, every item with
its source URL and gathering date, about 40% hard negatives, and no item shared with the sets that
have been tuned on or looked at (`real/`, `train2/`, `holdout2/`, `holdout3/` and the hand-written sets).
Nothing here runs the extractor.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from signalwatch.events import CHANGES
from signalwatch.extract.evaluate import TYPES, load_labelled

NEWS = Path(__file__).parent.parent / "fixtures" / "news"
HOLDOUT4 = NEWS / "holdout4" / "holdout4.jsonl"
README = NEWS / "holdout4" / "README.md"
OTHER_SETS = [
    *sorted((NEWS / "real").glob("*.jsonl")),
    NEWS / "train2" / "train2.jsonl",
    NEWS / "holdout2" / "holdout2.jsonl",
    NEWS / "holdout3" / "holdout3.jsonl",
    NEWS / "items.jsonl",
    NEWS / "devset.jsonl",
    NEWS / "heldout.jsonl",
]

KINDS = {"funding", "leadership", "acquisition", "layoffs"} | {
    f"negative:{what}"
    for what in ("vc_fund", "grant_programme", "earnings", "ipo", "lawsuit", "contract", "partnership", "product", "opinion", "statistics", "other")
}
ROUNDS = {"pre_seed", "seed", "series_a", "series_b", "series_c", "series_d_plus", "debt", "grant", "undisclosed"}
ATTRIBUTES = {
    "funding": {"amount", "currency", "round", "investors", "lead_investors"},
    "leadership": {"person", "title"},
    "acquisition": {"acquirer", "target", "amount", "currency"},
    "layoffs": {"count", "percentage"},
}
# The labelling guide's `change` values (a subset of what the event types allow, checked too).
GUIDE_CHANGES = {"funding": {"raised", "reported"}, "leadership": {"appointed", "departed"}, "acquisition": {"acquired", "reported"}, "layoffs": {"announced"}}


def _rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue  # items.jsonl keeps a deliberately broken line for the CLI's tests
        if isinstance(row, dict):
            rows.append(row)
    return rows


def _norm_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def _norm_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    query = "&".join(p for p in parts.query.split("&") if p and not p.startswith("utm_"))
    return host + parts.path.rstrip("/").lower() + ("?" + query.lower() if query else "")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return _rows(HOLDOUT4)


def test_the_set_is_big_enough_and_loads_like_the_other_holdouts(rows: list[dict[str, Any]]) -> None:
    items = load_labelled(HOLDOUT4)
    assert len(rows) == len(items) >= 300
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == len(ids)
    assert ids == [f"rh4-{number:04d}" for number in range(1, len(ids) + 1)]


def test_the_readme_states_the_size_and_counts_of_the_file(rows: list[dict[str, Any]]) -> None:
    text = README.read_text(encoding="utf-8")
    assert f"holds {len(rows)} news items" in text
    kinds = Counter(row["kind"] for row in rows)
    negatives = sum(count for kind, count in kinds.items() if kind.startswith("negative:"))
    assert f"| hard negatives | {negatives} items" in text
    for kind in TYPES:
        assert f"| {kind} | {kinds[kind]} items |" in text, kind


def test_every_item_keeps_its_source_text_url_and_date(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert set(row) == {"id", "url", "title", "summary", "kind", "events", "gathered"}, row["id"]
        assert urlsplit(row["url"]).scheme in {"http", "https"} and urlsplit(row["url"]).netloc, row["id"]
        assert row["title"].strip() == row["title"] and row["title"], row["id"]
        assert isinstance(row["summary"], str) and row["summary"].strip() == row["summary"], row["id"]
        assert row["gathered"] == "2026-12-06", row["id"]
        assert row["kind"] in KINDS, row["id"]


def _check_event(item_id: str, event: dict[str, Any]) -> None:
    kind = event["type"]
    assert set(event) == {"type", "change", "company_name", "attributes"}, item_id
    assert kind in TYPES and event["change"] in GUIDE_CHANGES[kind] and event["change"] in CHANGES[kind], item_id
    assert isinstance(event["company_name"], str) and event["company_name"].strip(), item_id
    attributes = event["attributes"]
    assert set(attributes) == ATTRIBUTES[kind], item_id
    if kind in {"funding", "acquisition"}:
        amount, currency = attributes["amount"], attributes["currency"]
        assert (amount is None) == (currency is None), item_id
        assert amount is None or (isinstance(amount, float) and amount > 0), item_id
        assert currency is None or re.fullmatch(r"[A-Z]{3}", currency), item_id
    if kind == "funding":
        assert attributes["round"] in ROUNDS, item_id
        assert set(attributes["lead_investors"]) <= set(attributes["investors"]), item_id
    if kind == "acquisition":
        assert attributes["target"] == event["company_name"] and attributes["acquirer"], item_id
    if kind == "leadership":
        assert attributes["person"], item_id
        assert attributes["title"] is None or (isinstance(attributes["title"], str) and attributes["title"].strip()), item_id
    if kind == "layoffs":
        assert attributes["count"] is None or (isinstance(attributes["count"], int) and attributes["count"] > 0), item_id
        assert attributes["percentage"] is None or 0 < attributes["percentage"] <= 100, item_id


def test_every_event_is_labelled_by_the_schema(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        for event in row["events"]:
            _check_event(row["id"], event)
        if row["kind"].startswith("negative:"):
            assert row["events"] == [], row["id"]
        else:
            assert any(event["type"] == row["kind"] for event in row["events"]), row["id"]


def test_about_forty_percent_are_hard_negatives_of_every_sort(rows: list[dict[str, Any]]) -> None:
    kinds = Counter(row["kind"] for row in rows)
    negatives = sum(count for kind, count in kinds.items() if kind.startswith("negative:"))
    assert 0.35 <= negatives / len(rows) <= 0.45
    assert {kind for kind in kinds if kind.startswith("negative:")} == {kind for kind in KINDS if kind.startswith("negative:")}
    assert all(kinds[kind] >= 15 for kind in TYPES)


def test_the_known_weak_spots_are_well_represented(rows: list[dict[str, Any]]) -> None:
    """Items naming two or more people, and departures, are what the issue says real text is full of."""
    leadership = [row for row in rows if any(event["type"] == "leadership" for event in row["events"])]
    multi_person = [row for row in leadership if len({event["attributes"]["person"] for event in row["events"] if event["type"] == "leadership"}) >= 2]
    departed = [event for row in rows for event in row["events"] if event["type"] == "leadership" and event["change"] == "departed"]
    assert len(multi_person) >= 15 and len(departed) >= 25


def test_no_item_is_repeated_or_shared_with_the_other_sets(rows: list[dict[str, Any]]) -> None:
    titles = [_norm_title(row["title"]) for row in rows]
    assert len(set(titles)) == len(titles)  # digest stories share their page's URL, never a headline
    others = [row for path in OTHER_SETS for row in _rows(path)]
    assert len(others) > 1200
    other_titles = {_norm_title(row.get("title") or "") for row in others} - {""}
    other_urls = {_norm_url(row["url"]) for row in others if row.get("url")}
    assert not [row["id"] for row in rows if _norm_title(row["title"]) in other_titles]
    assert not [row["id"] for row in rows if _norm_url(row["url"]) in other_urls]
