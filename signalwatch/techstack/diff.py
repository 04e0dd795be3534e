"""Diff one domain's detections against its saved stack: adopted now, dropped after two misses.

The saved stack is a JSON-able dict kept in the connector cursor::

    {"domain": "acme.com",
     "baselined": ["dns", "web"],              sources whose first look is done
     "present": {"hubspot": {"misses": 0, "confidence": 0.95, "sources": ["web"],
                             "evidence": [["script", "https://js.hs-scripts.com/1.js"]]}},
     "generations": {"hubspot": 1}}            times each technology appeared (dedupe keys)

Rules: the first successful look at a source (web or DNS) is a baseline and reports nothing;
a technology seen again after one miss is still "present"; a source that could not be
checked this poll (timeout, robots.txt) is neither a miss nor a sighting.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from signalwatch.techstack.engine import Detection, Evidence

__all__ = ["DROP_AFTER_MISSES", "StackChange", "diff_stack"]

DROP_AFTER_MISSES = 2
MAX_SAVED_EVIDENCE = 3
MAX_SAVED_DETAIL = 120


@dataclass(frozen=True)
class StackChange:
    """A technology adopted or dropped by one domain, with the evidence that shows it."""

    tech: str
    change: str  # "adopted" | "dropped"
    generation: int
    confidence: float
    evidence: tuple[Evidence, ...]


def _saved(detection: Detection) -> dict[str, Any]:
    return {
        "misses": 0,
        "confidence": detection.confidence,
        "sources": sorted(detection.sources),
        "evidence": [[e.kind, e.detail[:MAX_SAVED_DETAIL]] for e in detection.evidence[:MAX_SAVED_EVIDENCE]],
    }


def diff_stack(
    previous: Mapping[str, Any] | None,
    domain: str,
    detections: Mapping[str, Detection],
    checked: Collection[str],
) -> tuple[list[StackChange], dict[str, Any]]:
    """Changes since `previous` and the stack to save. `checked`: sources looked at this poll."""
    if not previous or previous.get("domain") != domain:
        previous = {}  # a new account, or its domain changed: start over with a baseline
    baselined = set(previous.get("baselined", ()))
    present: dict[str, dict[str, Any]] = {tech: dict(entry) for tech, entry in previous.get("present", {}).items()}
    generations: dict[str, int] = dict(previous.get("generations", {}))
    changes: list[StackChange] = []

    for tech, detection in detections.items():
        if tech in present:
            present[tech] = _saved(detection)
            continue
        generations[tech] = generations.get(tech, 0) + 1
        present[tech] = _saved(detection)
        if detection.sources & baselined:
            changes.append(StackChange(tech, "adopted", generations[tech], detection.confidence, detection.evidence))

    for tech in sorted(set(present) - set(detections)):
        entry = present[tech]
        if not set(entry["sources"]) & set(checked):
            continue  # we could not look where we saw it: not a miss
        entry["misses"] = int(entry["misses"]) + 1
        if entry["misses"] >= DROP_AFTER_MISSES:
            evidence = tuple(Evidence(kind, detail) for kind, detail in entry["evidence"])
            changes.append(StackChange(tech, "dropped", generations.get(tech, 1), float(entry["confidence"]), evidence))
            del present[tech]

    state = {
        "domain": domain,
        "baselined": sorted(baselined | set(checked)),
        "present": dict(sorted(present.items())),
        "generations": dict(sorted(generations.items())),
    }
    return changes, state
