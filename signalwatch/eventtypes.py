"""One declaration per event type: its changes, heat weight and half-life, attributes, and how it reads.

Everything that differs between event types lives here, so a new type is one `EventKind`
plus the connector that emits it:

    events.CHANGES            which `change` values a type allows (SignalEvent validates them)
    rules.policy.Scoring      default heat weight per type/change and half-life per type
    alerts.render             the "what happened" line in Slack, the console, CRM notes, the digest
    digest.build              the order of an account's signals (`rank`) and which ones collapse

Third-party packages add types through the `signalwatch.event_types` entry point group: each
entry point names an `EventKind` (see docs/extending.md). Pure: no I/O at import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from importlib.metadata import entry_points
from typing import Any

__all__ = ["EventKind", "KINDS", "register", "kind_of", "money", "load_plugin_kinds", "NUMBER", "TEXT", "LIST", "YES_NO"]

# Attribute value types, as an admin reads them in `rules check` ("gte compares numbers, but … is text").
NUMBER, TEXT, LIST, YES_NO = "a number", "text", "a list", "yes/no"

Describe = Callable[[str, Mapping[str, Any]], str | None]


@dataclass(frozen=True)
class EventKind:
    """What signalwatch knows about one event type."""

    name: str  # "funding": the `type` of a SignalEvent and in rule files
    changes: Mapping[str, float]  # change → default heat weight ("raised": 10)
    half_life: timedelta  # heat halves after this age
    attributes: Mapping[str, str]  # documented attribute names (README order) → value type (NUMBER, TEXT, …)
    describe: Describe  # one plain-text line: "Raised $28M Series B, led by DCVC"; None → the source title
    rank: int  # order inside an account in the digest: lower first (funding before job posts)
    minor: bool = False  # collapsed in the digest when an account has many ("and 14 tech changes")

    @property
    def noun(self) -> str:
        return self.name.replace("_", " ")


def money(amount: Any, currency: Any) -> str | None:
    """"$28M", "€8M", "INR 500M"; None when no amount is known."""
    if not isinstance(amount, (int, float)) or isinstance(amount, bool):
        return None
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(str(currency), f"{currency} " if currency else "")
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if amount >= size:
            return f"{symbol}{amount / size:.3g}{suffix}"
    return f"{symbol}{amount:.0f}"


def _funding(change: str, attrs: Mapping[str, Any]) -> str:
    parts = ["Reportedly raising" if change == "reported" else "Raised"]
    parts.append(money(attrs.get("amount"), attrs.get("currency")) or "an undisclosed amount")
    if attrs.get("round") and attrs["round"] != "undisclosed":
        parts.append(str(attrs["round"]).replace("_", " ").title().replace("Plus", "+"))
    leads = attrs.get("lead_investors") or []
    return " ".join(parts) + (f", led by {', '.join(map(str, leads))}" if leads else "")


def _leadership(change: str, attrs: Mapping[str, Any]) -> str:
    person = attrs.get("person") or "An executive"
    role = f" as {attrs['title']}" if attrs.get("title") else ""
    return f"{person} {'appointed' if change == 'appointed' else 'departed'}{role}"


def _hiring(change: str, attrs: Mapping[str, Any]) -> str | None:
    title = attrs.get("title")
    return f"Hiring {change}: {title}" if title else None


def _tech(change: str, attrs: Mapping[str, Any]) -> str:
    return f"{change.title()} {attrs.get('name') or attrs.get('technology') or 'a technology'}"


def _acquisition(change: str, attrs: Mapping[str, Any]) -> str:
    target = attrs.get("target") or "a company"
    acquirer = attrs.get("acquirer") or "a buyer"
    price = money(attrs.get("amount"), attrs.get("currency"))
    verb = "in talks to acquire" if change == "reported" else "acquires"
    return f"{acquirer} {verb} {target}" + (f" for {price}" if price else "")


def _layoffs(change: str, attrs: Mapping[str, Any]) -> str:
    if attrs.get("count"):  # both when the item gives both: "9 jobs" alone hides that it is 15% of the company
        size = f"{int(attrs['count']):,} jobs" + (f" ({float(attrs['percentage']):g}% of staff)" if attrs.get("percentage") else "")
    elif attrs.get("percentage"):
        size = f"{float(attrs['percentage']):g}% of staff"
    else:
        size = "staff"
    return f"Layoffs announced: cutting {size}"


KINDS: dict[str, EventKind] = {}


def register(kind: EventKind) -> EventKind:
    """Add `kind` to the registry; a second declaration of a name is a programming error."""
    if kind.name in KINDS and KINDS[kind.name] != kind:
        raise ValueError(f"event type {kind.name!r} is declared twice")
    KINDS[kind.name] = kind
    return kind


def kind_of(name: str) -> EventKind | None:
    return KINDS.get(str(name))


for _kind in (
    EventKind("funding", {"raised": 10, "reported": 6}, timedelta(days=30),
              {"amount": NUMBER, "currency": TEXT, "amount_usd": NUMBER, "round": TEXT, "investors": LIST,
               "lead_investors": LIST, "source": TEXT}, _funding, rank=0),
    EventKind("acquisition", {"acquired": 9, "reported": 5}, timedelta(days=45),
              {"acquirer": TEXT, "target": TEXT, "role": TEXT, "amount": NUMBER, "currency": TEXT}, _acquisition, rank=1),
    EventKind("leadership", {"appointed": 8, "departed": 4}, timedelta(days=45),
              {"person": TEXT, "title": TEXT, "function": TEXT, "seniority": TEXT, "source": TEXT}, _leadership, rank=2),
    EventKind("layoffs", {"announced": 6}, timedelta(days=45), {"count": NUMBER, "percentage": NUMBER}, _layoffs, rank=3),
    EventKind("hiring", {"surge": 7, "posted": 2, "closed": 0}, timedelta(days=14),
              {"title": TEXT, "function": TEXT, "seniority": TEXT, "location": TEXT, "remote": YES_NO,
               "technologies": LIST, "open_roles": NUMBER}, _hiring, rank=4,
              minor=True),
    EventKind("tech_stack", {"adopted": 6, "dropped": 6, "mentioned": 1}, timedelta(days=30),
              {"technology": TEXT, "name": TEXT, "category": TEXT, "evidence": LIST, "confidence": NUMBER}, _tech, rank=5,
              minor=True),
):
    register(_kind)


def load_plugin_kinds(group: str = "signalwatch.event_types") -> Iterator[EventKind]:
    """Register the event types that installed packages declare; yields each one added."""
    for entry in entry_points(group=group):
        found = entry.load()
        if not isinstance(found, EventKind):
            raise TypeError(f"entry point {entry.name!r} in {group} is not an EventKind")
        yield register(found)


for _kind in load_plugin_kinds():  # third-party types are known before any event is validated
    pass
