"""What every held-out set of real news must be, shared by their integrity tests (holdout3, 4, 5):
numbered ids, each item's source text, URL and gathering date, the labelling schema of
LABELLING.md, the counts its README states, and the normalised URL and headline by which a set is
kept apart from every other. Nothing here runs the extractor."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from signalwatch.events import CHANGES
from signalwatch.extract.evaluate import TYPES, load_labelled

__all__ = ["NEWS", "KINDS", "rows_of", "norm_title", "norm_url", "check_event", "check_negatives", "check_apart",
           "check_ids", "check_items", "check_labels", "check_readme_counts", "check_weak_spots"]

NEWS = Path(__file__).parent.parent / "fixtures" / "news"

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


def rows_of(path: Path) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue  # items.jsonl keeps a deliberately broken line for the CLI's tests
        if isinstance(row, dict):
            rows.append(row)
    return rows


def norm_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def norm_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    query = "&".join(p for p in parts.query.split("&") if p and not p.startswith("utm_"))
    return host + parts.path.rstrip("/").lower() + ("?" + query.lower() if query else "")


def check_event(item_id: str, event: dict[str, Any]) -> None:
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


def check_negatives(rows: list[dict[str, Any]], least_per_type: int) -> None:
    """About 40% hard negatives, of every sort the guide names, and each event type well represented."""
    kinds = Counter(row["kind"] for row in rows)
    negatives = sum(count for kind, count in kinds.items() if kind.startswith("negative:"))
    assert 0.35 <= negatives / len(rows) <= 0.45
    assert {kind for kind in kinds if kind.startswith("negative:")} == {kind for kind in KINDS if kind.startswith("negative:")}
    assert all(kinds[kind] >= least_per_type for kind in TYPES)


def check_apart(rows: list[dict[str, Any]], other_sets: Sequence[Path], least_others: int) -> None:
    """No headline twice in the set, and no headline or page shared with any of `other_sets`."""
    titles = [norm_title(row["title"]) for row in rows]
    assert len(set(titles)) == len(titles)  # digest stories share their page's URL, never a headline
    others = [row for path in other_sets for row in rows_of(path)]
    assert len(others) > least_others
    other_titles = {norm_title(row.get("title") or "") for row in others} - {""}
    other_urls = {norm_url(row["url"]) for row in others if row.get("url")}
    assert not [row["id"] for row in rows if norm_title(row["title"]) in other_titles]
    assert not [row["id"] for row in rows if norm_url(row["url"]) in other_urls]


def check_ids(rows: list[dict[str, Any]], path: Path, prefix: str, least: int) -> None:
    """At least `least` items, loadable by `load_labelled`, numbered `{prefix}0001` on without a gap."""
    assert len(rows) == len(load_labelled(path)) >= least
    assert [row["id"] for row in rows] == [f"{prefix}{number:04d}" for number in range(1, len(rows) + 1)]


def check_items(rows: list[dict[str, Any]], gathered: str) -> None:
    """Each item: its headline and lead as copied (no stray whitespace), an http(s) URL, the day it was gathered."""
    for row in rows:
        assert set(row) == {"id", "url", "title", "summary", "kind", "events", "gathered"}, row["id"]
        assert urlsplit(row["url"]).scheme in {"http", "https"} and urlsplit(row["url"]).netloc, row["id"]
        assert row["title"].strip() == row["title"] and row["title"], row["id"]
        assert isinstance(row["summary"], str) and row["summary"].strip() == row["summary"], row["id"]
        assert row["gathered"] == gathered, row["id"]
        assert row["kind"] in KINDS, row["id"]


def check_labels(rows: list[dict[str, Any]]) -> None:
    """Every event by the schema; a hard negative has none, a positive item has one of its kind."""
    for row in rows:
        for event in row["events"]:
            check_event(row["id"], event)
        if row["kind"].startswith("negative:"):
            assert row["events"] == [], row["id"]
        else:
            assert any(event["type"] == row["kind"] for event in row["events"]), row["id"]


def check_readme_counts(rows: list[dict[str, Any]], readme: Path) -> str:
    """The README states the set's size and its count of each kind; returns the README's text."""
    text = readme.read_text(encoding="utf-8")
    assert f"holds {len(rows)} news items" in text
    kinds = Counter(row["kind"] for row in rows)
    negatives = sum(count for kind, count in kinds.items() if kind.startswith("negative:"))
    assert f"| hard negatives | {negatives} items" in text
    for kind in TYPES:
        assert f"| {kind} | {kinds[kind]} items |" in text, kind
    return text


def check_weak_spots(rows: list[dict[str, Any]], multi_person: int, departed: int) -> None:
    """Enough items naming two or more people, and enough departures: what real text is full of."""
    people = [{event["attributes"]["person"] for event in row["events"] if event["type"] == "leadership"} for row in rows]
    assert sum(1 for names in people if len(names) >= 2) >= multi_person
    assert sum(1 for row in rows for event in row["events"] if event["type"] == "leadership" and event["change"] == "departed") >= departed
