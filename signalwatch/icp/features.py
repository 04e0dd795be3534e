"""What a closed deal's account was: firmographics, technologies, and the signals before the close.

Pure. Each deal gets a set of `Attribute`s and the set of fields known for it, so a comparison
only counts deals where the field was known: an account whose industry nobody recorded is
neither "fintech" nor "not fintech". Firmographics are the watched account's values, else the
CRM's (today's values: the CRM keeps no history of them). Technologies are the account's stack
as last detected (adopted or mentioned, not dropped since), known for accounts with any
tech-stack event. Signals are the stored events that occurred in the window before the close
(default 180 days), known for deals whose company is a watched account.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from signalwatch.accounts import Account
from signalwatch.accounts.country import country_code
from signalwatch.icp.deals import ClosedDeal
from signalwatch.icp.history import StoredEvent

__all__ = ["Attribute", "DealFacts", "deal_facts", "Firmographics", "firmographics", "window_of", "EMPLOYEE_BANDS",
           "REVENUE_BANDS", "FIRMOGRAPHIC_FIELDS", "band_of", "technologies", "signal_attributes", "TECHNOLOGY", "SIGNAL"]

FIRMOGRAPHIC_FIELDS = ("industry", "employees", "revenue", "country")  # account fields an ICP tier can test
TECHNOLOGY, SIGNAL = "technology", "signal"
# Size bands: (lowest, highest) employees, both included; None: no upper end.
EMPLOYEE_BANDS: tuple[tuple[int, int | None], ...] = ((1, 49), (50, 199), (200, 999), (1000, 4999), (5000, None))
# Revenue bands in the account's revenue unit (USD as imported): [lowest, below) ; None: no upper end.
REVENUE_BANDS: tuple[tuple[float, float | None], ...] = ((0, 1e6), (1e6, 1e7), (1e7, 5e7), (5e7, 2.5e8), (2.5e8, 1e9), (1e9, None))
_SENIORITY = {"c_level": "C-level", "vp": "VP", "director": "director", "manager": "manager", "board": "board member"}


@dataclass(frozen=True, order=True)
class Attribute:
    """One thing an account can be or have had: `industry = fintech`, `employees 200-999`, a signal."""

    kind: str  # one of FIRMOGRAPHIC_FIELDS, TECHNOLOGY or SIGNAL
    value: str  # the industry word, band index, country code, technology id or signal key
    label: str = field(compare=False)


@dataclass(frozen=True)
class Firmographics:
    industry: str | None = None
    employees: int | None = None
    revenue: float | None = None
    country: str | None = None


@dataclass(frozen=True)
class DealFacts:
    """One closed deal as the analysis sees it."""

    deal: ClosedDeal
    account: Account | None  # the watched account, when the deal's company is one
    firmographics: Firmographics
    known: frozenset[str]  # the fields known for this deal: FIRMOGRAPHIC_FIELDS, TECHNOLOGY, SIGNAL
    attributes: frozenset[Attribute]


def _money(amount: float) -> str:
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if amount >= size:
            return f"${amount / size:g}{suffix}"
    return f"${amount:g}"


def band_of(bands: Sequence[tuple[float, float | None]], value: float, closed_top: bool) -> int | None:
    """The index of the band holding `value`; `closed_top`: the upper end is included (employees)."""
    for index, (low, high) in enumerate(bands):
        if value >= low and (high is None or (value <= high if closed_top else value < high)):
            return index
    return None


def firmographics(deal: ClosedDeal, account: Account | None) -> Firmographics:
    """The watched account's values, each falling back to the CRM's (or the export's) when missing."""
    company = deal.company
    pick: dict[str, Any] = {}
    for name in FIRMOGRAPHIC_FIELDS:
        ours = getattr(account, name) if account is not None else None
        pick[name] = ours if ours not in (None, "") else (getattr(company, name) if company is not None else None)
    industry, country = pick["industry"], pick["country"]
    return Firmographics(str(industry).strip().lower() if industry else None, pick["employees"], pick["revenue"],
                         country_code(str(country)) if country else None)


def _firmographic_attributes(values: Firmographics) -> tuple[set[Attribute], set[str]]:
    found, known = set(), set()
    if values.industry:
        found.add(Attribute("industry", values.industry, f"industry = {values.industry}"))
    if values.country:
        found.add(Attribute("country", values.country, f"country = {values.country}"))
    if values.employees is not None and (index := band_of(EMPLOYEE_BANDS, values.employees, True)) is not None:
        low, high = EMPLOYEE_BANDS[index]
        found.add(Attribute("employees", str(index), f"employees {low:,}-{high:,}" if high else f"employees {low:,}+"))
    if values.revenue is not None and (index := band_of(REVENUE_BANDS, values.revenue, False)) is not None:
        low_r, high_r = REVENUE_BANDS[index]
        found.add(Attribute("revenue", str(index), f"revenue {_money(low_r)}-{_money(high_r)}" if high_r else f"revenue {_money(low_r)}+"))
    for name in FIRMOGRAPHIC_FIELDS:
        if getattr(values, name) not in (None, ""):
            known.add(name)
    return found, known


def technologies(events: Iterable[StoredEvent]) -> dict[str, str] | None:
    """The stack as last detected: technology id -> name; None when no tech-stack event was ever stored."""
    stack: dict[str, str] = {}
    seen = False
    for event in sorted(events, key=lambda e: e.occurred_at):
        tech = str(event.attributes.get("technology") or "")
        if event.type != "tech_stack" or not tech:
            continue
        seen = True
        if event.change == "dropped":
            stack.pop(tech, None)
        else:
            stack[tech] = str(event.attributes.get("name") or tech)
    return stack if seen else None


def _detail(event: StoredEvent) -> str | None:
    """The finer half of a signal: who was hired or sought, which round."""
    attrs = event.attributes
    function = str(attrs.get("function") or "").replace("_", " ") or None
    if event.type == "leadership":
        seniority = _SENIORITY.get(str(attrs.get("seniority") or ""))
        return " ".join(part for part in (seniority, function) if part) or None
    if event.type == "hiring":
        return function
    if event.type == "funding" and attrs.get("round") not in (None, "", "undisclosed"):
        return str(attrs["round"]).replace("_", " ")
    return None


def signal_attributes(events: Iterable[StoredEvent]) -> set[Attribute]:
    """`funding raised`, `leadership appointed · VP sales`, …: each event type and change seen, and the
    same with its detail. Closed job postings are no signal; technologies count as `tech_stack adopted` only."""
    found = set()
    for event in events:
        if (event.type, event.change) == ("hiring", "closed"):
            continue
        base = f"{event.type} {event.change}"
        found.add(Attribute(SIGNAL, base, base))
        detail = _detail(event) if event.type != "tech_stack" else None
        if detail:
            found.add(Attribute(SIGNAL, f"{base} · {detail}", f"{base} · {detail}"))
    return found


def window_of(closed_on: date, before: timedelta) -> tuple[datetime, datetime]:
    """[start, end) of the signal window of a deal closed on `closed_on` (the close day included)."""
    end = datetime.combine(closed_on + timedelta(days=1), time(), tzinfo=timezone.utc)
    return end - timedelta(days=1) - before, end


def deal_facts(deal: ClosedDeal, account: Account | None, events: Sequence[StoredEvent],
               tech_events: Sequence[StoredEvent], window: timedelta) -> DealFacts:
    """The attributes of one deal. `events`: the account's stored events around its close (any
    range covering the window); `tech_events`: all its tech-stack events."""
    values = firmographics(deal, account)
    attributes, known = _firmographic_attributes(values)
    if account is not None:
        stack = technologies(tech_events)
        if stack is not None:
            known.add(TECHNOLOGY)
            attributes |= {Attribute(TECHNOLOGY, tech, f"uses {name}") for tech, name in stack.items()}
        start, end = window_of(deal.closed_on, window)
        known.add(SIGNAL)
        attributes |= signal_attributes(e for e in events if start <= e.occurred_at < end)
    return DealFacts(deal, account, values, frozenset(known), frozenset(attributes))

