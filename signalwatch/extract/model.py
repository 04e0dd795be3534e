"""The result of reading one news item: which event it reports, its details, and why it was read so."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from signalwatch.events import EventType

__all__ = ["Extraction", "triggers", "EVENT_SUMMARY_LIMIT"]

EVENT_SUMMARY_LIMIT = 1000  # characters of an item's summary kept on the events made of it (what the resolver and alerts read)


@dataclass(frozen=True)
class Extraction:
    """One event found in a news item. Attribute names follow DESIGN.md's event table.

    `why` names the rule and the words that decided the event ("funding.headline: 'Acme raises
    $5M'"), for `signalwatch extract --explain`; it is not part of the event itself, so it is
    left out of equality and of `to_dict`. `model` is set only on events the learned detector
    (learned.py) decided: its probability and the features that weighed most, also for `--explain`.
    """

    type: EventType
    change: str
    company_name: str | None
    attributes: dict[str, Any] = field(default_factory=dict)
    why: str = field(default="", compare=False)
    model: dict[str, Any] | None = field(default=None, compare=False)  # for an event the learned detector decided: probability, top features

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape `signalwatch extract` prints: type, change, company_name, attributes."""
        return {"type": str(self.type), "change": self.change, "company_name": self.company_name, "attributes": dict(self.attributes)}


def triggers(extractions: Iterable[Extraction]) -> Iterator[tuple[str | None, dict[str, Any], Extraction]]:
    """(company, attributes, extraction) per event to emit: an acquisition is one for the target and one for the acquirer."""
    for found in extractions:
        if found.type != EventType.ACQUISITION:
            yield found.company_name, dict(found.attributes), found
            continue
        yield found.company_name, {**found.attributes, "role": "target"}, found
        acquirer = found.attributes.get("acquirer")
        if acquirer:
            yield acquirer, {**found.attributes, "role": "acquirer"}, found
