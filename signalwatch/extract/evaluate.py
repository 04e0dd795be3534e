"""Scoring the news extractor against a labelled set: precision and recall per event type, field accuracy.

Used by the benchmark script and by the test that keeps the development set above its targets.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signalwatch.extract.model import Extraction
from signalwatch.resolve import normalize_name

__all__ = ["LabelledItem", "Scores", "load_labelled", "score", "shortfalls", "FIELDS", "TARGETS"]

# The fields compared on each correctly detected event, per event type.
FIELDS: dict[str, tuple[str, ...]] = {
    "funding": ("company", "amount", "currency", "round", "lead_investors", "investors"),
    "leadership": ("company", "person", "title", "function", "seniority"),
}

# The bar set by issue 4: per event type precision and recall, and exact-match accuracy of key fields.
TARGETS = {
    "precision": 0.95,
    "recall": 0.90,
    "fields": {("funding", "amount"): 0.90, ("funding", "round"): 0.90, ("leadership", "person"): 0.90, ("leadership", "title"): 0.90},
}


@dataclass(frozen=True)
class LabelledItem:
    """One news item and the events a careful reader finds in it."""

    id: str
    title: str
    summary: str
    events: tuple[dict[str, Any], ...]


@dataclass
class Scores:
    """Counts behind the metrics; `errors` lists what went wrong, item by item, for reading."""

    true_positive: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    field_right: Counter[tuple[str, str]] = field(default_factory=Counter)
    field_total: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def precision(self, kind: str) -> float:
        return self.true_positive[kind] / self.predicted[kind] if self.predicted[kind] else 1.0

    def recall(self, kind: str) -> float:
        return self.true_positive[kind] / self.gold[kind] if self.gold[kind] else 1.0

    def accuracy(self, kind: str, name: str) -> float:
        total = self.field_total[(kind, name)]
        return self.field_right[(kind, name)] / total if total else 1.0

    def table(self) -> str:
        """The metrics as a Markdown table."""
        lines = ["| type | gold | predicted | precision | recall | field accuracy (on detected events) |", "|---|---|---|---|---|---|"]
        for kind, names in FIELDS.items():
            fields = ", ".join(f"{name} {self.accuracy(kind, name):.2f}" for name in names)
            lines.append(
                f"| {kind} | {self.gold[kind]} | {self.predicted[kind]} | {self.precision(kind):.3f} | {self.recall(kind):.3f} | {fields} |"
            )
        return "\n".join(lines)


def shortfalls(scores: Scores) -> list[str]:
    """Each metric below its target, as "funding precision 0.93 < 0.95"; empty when all are met."""
    misses = []
    for kind in FIELDS:
        for name, value in (("precision", scores.precision(kind)), ("recall", scores.recall(kind))):
            if value < TARGETS[name]:  # type: ignore[operator]
                misses.append(f"{kind} {name} {value:.3f} < {TARGETS[name]}")
    for (kind, name), target in TARGETS["fields"].items():  # type: ignore[union-attr]
        if scores.accuracy(kind, name) < target:
            misses.append(f"{kind} {name} accuracy {scores.accuracy(kind, name):.3f} < {target}")
    return misses


def load_labelled(path: Path) -> list[LabelledItem]:
    """Items from a JSON-lines file of `{"id", "title", "summary", "events": [...]}`."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            items.append(LabelledItem(row["id"], row["title"], row.get("summary", ""), tuple(row["events"])))
    return items


def score(items: Iterable[LabelledItem], extract: Callable[[str, str], Sequence[Extraction]]) -> Scores:
    """Run `extract` over `items` and count hits, misses and field agreement."""
    scores = Scores()
    for item in items:
        predicted = [found.to_dict() for found in extract(item.title, item.summary)]
        gold = list(item.events)
        for event in gold:
            scores.gold[event["type"]] += 1
        for event in predicted:
            scores.predicted[event["type"]] += 1
        for mine, theirs in _pair(predicted, gold):
            if theirs is None:
                scores.errors.append(f"{item.id} false {mine['type']}/{mine['change']}: {item.title!r} -> {mine}")
                continue
            scores.true_positive[mine["type"]] += 1
            _compare_fields(scores, item, mine, theirs)
        for event in gold:
            if not any(event is theirs for _, theirs in _pair(predicted, gold)):
                scores.errors.append(f"{item.id} missed {event['type']}/{event['change']}: {item.title!r}")
    return scores


def _pair(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Each predicted event with the gold event it matches (same type and change; same person first)."""
    free = list(gold)
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for mine in predicted:
        candidates = [g for g in free if g["type"] == mine["type"] and g["change"] == mine["change"]]
        same_person = [g for g in candidates if g["attributes"].get("person") == mine["attributes"].get("person")]
        chosen = (same_person or candidates or [None])[0]
        if chosen is not None:
            free.remove(chosen)
        pairs.append((mine, chosen))
    return pairs


def _compare_fields(scores: Scores, item: LabelledItem, mine: dict[str, Any], theirs: dict[str, Any]) -> None:
    kind = mine["type"]
    for name in FIELDS.get(kind, ()):
        if name == "company":
            ok = normalize_name(mine["company_name"]) == normalize_name(theirs["company_name"])
            got, want = mine["company_name"], theirs["company_name"]
        else:
            got, want = mine["attributes"].get(name), theirs["attributes"].get(name)
            ok = _same(got, want)
        scores.field_total[(kind, name)] += 1
        if ok:
            scores.field_right[(kind, name)] += 1
        else:
            scores.errors.append(f"{item.id} {kind}.{name}: got {got!r}, want {want!r} ({item.title!r})")


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, float) or isinstance(got, float):
        return got is not None and want is not None and abs(float(got) - float(want)) <= 1e-6 * max(1.0, abs(float(want)))
    if isinstance(want, str) and isinstance(got, str):
        return " ".join(got.split()).lower() == " ".join(want.split()).lower()
    if isinstance(want, list) and isinstance(got, list):
        return sorted(x.lower() for x in got) == sorted(x.lower() for x in want)
    return bool(got == want)
