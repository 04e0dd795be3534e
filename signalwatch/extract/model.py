"""The result of reading one news item: which event it reports and its details."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from signalwatch.events import EventType

__all__ = ["Extraction"]


@dataclass(frozen=True)
class Extraction:
    """One event found in a news item. Attribute names follow docs/design.md's event table."""

    type: EventType
    change: str
    company_name: str | None
    attributes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape `signalwatch extract` prints: type, change, company_name, attributes."""
        return {"type": str(self.type), "change": self.change, "company_name": self.company_name, "attributes": dict(self.attributes)}
