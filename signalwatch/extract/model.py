"""The result of reading one news item: which event it reports, its details, and why it was read so."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from signalwatch.events import EventType

__all__ = ["Extraction"]


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
