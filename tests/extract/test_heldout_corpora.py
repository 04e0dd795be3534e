"""The held-out sets of real news (holdout3 to holdout29): each file's integrity, not the extractor's quality.

Each holds real published items labelled by tests/fixtures/news/LABELLING.md before any extractor
ran on them (see each set's README). These tests only check that a set is what its README says it
is: big enough, numbered without a gap, every item with its source text, URL and gathering date,
every event by the labelling schema, about 40% hard negatives, the README's counts, and no item
shared with the sets gathered before it (tuned on or looked at). Nothing here runs the extractor.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from signalwatch.events import CHANGES
from signalwatch.extract.evaluate import TYPES, load_labelled

NEWS = Path(__file__).parent.parent / "fixtures" / "news"
EARLIER = [*sorted((NEWS / "real").glob("*.jsonl")), NEWS / "train2" / "train2.jsonl", NEWS / "holdout2" / "holdout2.jsonl",
           NEWS / "items.jsonl", NEWS / "devset.jsonl", NEWS / "heldout.jsonl"]


@dataclass(frozen=True)
class HeldOut:
    """One held-out set and what its README promises of it."""

    name: str
    least: int  # items
    least_per_type: int  # items of each event type
    least_others: int  # items in the sets it is kept apart from (a guard that they were read)
    most_per_site: int | None = None  # the most items one site may give (None: no digest-page rule)

    @property
    def path(self) -> Path:
        return NEWS / self.name / f"{self.name}.jsonl"

    @property
    def readme(self) -> Path:
        return NEWS / self.name / "README.md"

    @property
    def prefix(self) -> str:
        return f"rh{self.name.removeprefix('holdout')}-"

    def others(self) -> list[Path]:
        """The sets gathered before this one."""
        before = [held.path for held in SETS[: SETS.index(self)]]
        return EARLIER + before


SETS = [
    HeldOut("holdout3", least=250, least_per_type=10, least_others=900),
    HeldOut("holdout4", least=300, least_per_type=15, least_others=1200),
    HeldOut("holdout5", least=250, least_per_type=20, least_others=1200, most_per_site=31),
    HeldOut("holdout6", least=245, least_per_type=30, least_others=1400, most_per_site=40),
    HeldOut("holdout7", least=255, least_per_type=35, least_others=2500, most_per_site=15),
    HeldOut("holdout8", least=235, least_per_type=30, least_others=3000, most_per_site=15),
    HeldOut("holdout9", least=245, least_per_type=25, least_others=3200, most_per_site=12),
    HeldOut("holdout10", least=250, least_per_type=25, least_others=3400, most_per_site=12),
    HeldOut("holdout11", least=250, least_per_type=30, least_others=3600, most_per_site=12),
    HeldOut("holdout12", least=250, least_per_type=25, least_others=3800, most_per_site=12),
    HeldOut("holdout13", least=250, least_per_type=30, least_others=4000, most_per_site=12),
    HeldOut("holdout14", least=265, least_per_type=30, least_others=4200, most_per_site=12),
    HeldOut("holdout15", least=265, least_per_type=25, least_others=4400, most_per_site=12),
    HeldOut("holdout16", least=215, least_per_type=25, least_others=4600, most_per_site=12),
    HeldOut("holdout17", least=285, least_per_type=25, least_others=4800, most_per_site=12),
    HeldOut("holdout18", least=205, least_per_type=20, least_others=5000, most_per_site=12),
    HeldOut("holdout19", least=255, least_per_type=20, least_others=5200, most_per_site=12),
    HeldOut("holdout20", least=270, least_per_type=30, least_others=5400, most_per_site=12),
    HeldOut("holdout21", least=250, least_per_type=20, least_others=5650, most_per_site=12),
    HeldOut("holdout22", least=250, least_per_type=25, least_others=6500, most_per_site=12),
    HeldOut("holdout23", least=250, least_per_type=25, least_others=6750, most_per_site=12),
    HeldOut("holdout24", least=260, least_per_type=25, least_others=7000, most_per_site=12),
    HeldOut("holdout25", least=285, least_per_type=25, least_others=7300, most_per_site=12),
    HeldOut("holdout26", least=255, least_per_type=25, least_others=7550, most_per_site=12),
    HeldOut("holdout27", least=255, least_per_type=35, least_others=7850, most_per_site=12),
    HeldOut("holdout28", least=255, least_per_type=25, least_others=8100, most_per_site=12),
    HeldOut("holdout29", least=250, least_per_type=20, least_others=8400, most_per_site=12),
    HeldOut("holdout30", least=255, least_per_type=25, least_others=8600, most_per_site=12),
    HeldOut("holdout31", least=135, least_per_type=15, least_others=8950, most_per_site=12),
    HeldOut("holdout32", least=250, least_per_type=20, least_others=9050, most_per_site=12),
    HeldOut("holdout33", least=190, least_per_type=25, least_others=9300, most_per_site=12),
    HeldOut("holdout34", least=245, least_per_type=25, least_others=9500, most_per_site=60),
    HeldOut("holdout35", least=250, least_per_type=25, least_others=9500, most_per_site=60),
    HeldOut("holdout36", least=195, least_per_type=24, least_others=10000, most_per_site=60),
    HeldOut("holdout37", least=255, least_per_type=25, least_others=10000, most_per_site=60),
    HeldOut("holdout38", least=210, least_per_type=25, least_others=10000, most_per_site=60),
    HeldOut("holdout39", least=200, least_per_type=25, least_others=10000, most_per_site=60),
]


@pytest.fixture(scope="module", params=SETS, ids=[held.name for held in SETS])
def held(request: pytest.FixtureRequest) -> tuple[HeldOut, list[dict[str, Any]]]:
    return request.param, rows_of(request.param.path)


def test_the_set_is_big_enough_and_numbered_without_a_gap(held: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    spec, rows = held
    assert len(rows) == len(load_labelled(spec.path)) >= spec.least
    assert [row["id"] for row in rows] == [f"{spec.prefix}{number:04d}" for number in range(1, len(rows) + 1)]


def test_the_readme_states_the_size_and_counts_of_the_file(held: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    spec, rows = held
    text = spec.readme.read_text(encoding="utf-8")
    assert f"holds {len(rows)} news items" in text
    kinds = Counter(row["kind"] for row in rows)
    negatives = sum(count for kind, count in kinds.items() if kind.startswith("negative:"))
    assert f"| hard negatives | {negatives} items" in text
    for kind in TYPES:
        assert f"| {kind} | {kinds[kind]} items |" in text, kind


def test_every_item_keeps_its_source_text_url_and_date(held: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    for row in held[1]:
        assert set(row) == {"id", "url", "title", "summary", "kind", "events", "gathered"}, row["id"]
        assert urlsplit(row["url"]).scheme in {"http", "https"} and urlsplit(row["url"]).netloc, row["id"]
        assert row["title"].strip() == row["title"] and row["title"], row["id"]
        assert isinstance(row["summary"], str) and row["summary"].strip() == row["summary"], row["id"]
        assert row["gathered"] in {"2026-12-06", "2026-12-07", "2026-12-08"}, row["id"]
        assert row["kind"] in KINDS, row["id"]


def test_every_event_is_labelled_by_the_schema(held: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    for row in held[1]:
        for event in row["events"]:
            check_event(row["id"], event)
        if row["kind"].startswith("negative:"):
            assert row["events"] == [], row["id"]
        else:
            assert any(event["type"] == row["kind"] for event in row["events"]), row["id"]


def test_about_forty_percent_are_hard_negatives_of_every_sort(held: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    spec, rows = held
    kinds = Counter(row["kind"] for row in rows)
    negatives = sum(count for kind, count in kinds.items() if kind.startswith("negative:"))
    assert 0.35 <= negatives / len(rows) <= 0.45
    assert {kind for kind in kinds if kind.startswith("negative:")} == {kind for kind in KINDS if kind.startswith("negative:")}
    assert all(kinds[kind] >= spec.least_per_type for kind in TYPES)


def test_the_known_weak_spots_are_well_represented(held: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    """Items naming two or more people, and departures, are what the issue says real text is full of."""
    spec, rows = held
    relabelled = RELABELLED_DEPARTURES.get(spec.name, 0)
    people = [{event["attributes"]["person"] for event in row["events"] if event["type"] == "leadership"} for row in rows]
    assert sum(1 for names in people if len(names) >= 2) >= 15 - relabelled
    assert sum(1 for row in rows for event in row["events"] if event["type"] == "leadership" and event["change"] == "departed") >= 25 - relabelled


# Departures a later ruling removed from a set gathered at the bar above (round 17, labels17: holdout33 rh33-0182's Thabo
# Dloti, an exit before the appointment, is background by LABELLING.md's ruling 1; the set was gathered with 15 and 25).
RELABELLED_DEPARTURES = {"holdout33": 1}


def test_no_item_is_repeated_or_shared_with_the_sets_gathered_before(held: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    spec, rows = held
    titles = [norm_title(row["title"]) for row in rows]
    assert len(set(titles)) == len(titles)  # digest stories share their page's URL, never a headline
    others = [row for path in spec.others() for row in rows_of(path)]
    assert len(others) > spec.least_others
    other_titles = {norm_title(row.get("title") or "") for row in others} - {""}
    other_urls = {norm_url(row["url"]) for row in others if row.get("url")}
    assert not [row["id"] for row in rows if norm_title(row["title"]) in other_titles]
    assert not [row["id"] for row in rows if norm_url(row["url"]) in other_urls]


DIGEST_RULED = [held for held in SETS if held.most_per_site is not None]


@pytest.mark.parametrize("spec", DIGEST_RULED, ids=[held.name for held in DIGEST_RULED])
def test_single_story_pages_are_the_rule_and_the_readme_keeps_a_scoring_record(spec: HeldOut) -> None:
    """holdout4 took 37% of its items from digest pages; the later sets keep single-story pages the rule
    (digest pages give at most a quarter of the items, at least 100 sites) and cap how many items one
    site gives (holdout6 took 40 from one). A digest page is a page that gives three or more items
    (they share its URL). The README says how often the set was scored, so the next person knows
    whether it is still a clean judge."""
    rows = rows_of(spec.path)
    text = spec.readme.read_text(encoding="utf-8")
    assert "## Scoring record" in text
    pages = Counter(norm_url(row["url"]) for row in rows)
    from_digests = sum(count for count in pages.values() if count >= 3)
    assert from_digests <= len(rows) / 4
    sites = Counter(urlsplit(row["url"]).netloc.lower().removeprefix("www.").removeprefix("m.") for row in rows)
    assert len(sites) >= 100
    assert max(sites.values()) <= (spec.most_per_site or 0)
    assert f"Digest pages (pages giving three or more items) give {from_digests} items" in text


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
