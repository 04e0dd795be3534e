"""One real-world event told by several outlets: a later report of a story already stored for the
account (the same funding round, leadership change, acquisition or layoffs) is marked as retold.

Feeds overlap: a Series B is on TechCrunch, Crunchbase News and FinSMEs within a day, an officer
change is in the 8-K and on the wire. Each report is its own item (its own dedupe key), so each
would alert and add heat again, and the copies fill the account's daily cap. A retold event is
stored like any other (the evidence stays), with `attributes.same_story` naming the first report;
the rules engine neither alerts on it nor counts it, and heat gives it no weight. Pure.

Two reports are one story when they are about the same account, type and change, occurred within
the type's window, both state what identifies it, and nothing they state disagrees: a funding
round's series or amount (within 15%; 30% across near-dollar currencies), the person (or, without one, the title), the acquirer and
target; layoffs need only not differ in count or share. Types without an entry (hiring, tech
stack) come from one source each and are never marked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from signalwatch.events import SignalEvent
from signalwatch.matching.names import analyze, fold

__all__ = ["SAME_STORY", "UNTOLD", "WINDOWS", "same_story", "mark_retold", "retold", "told"]

SAME_STORY = "same_story"  # the attribute a retold event carries: "<source>: <title>" of the first report
UNTOLD = "same_story_unsent"  # true when no report of the story has raised an alert yet (capped, held, matched no rule)
# How far apart two reports of one story may occur (by their own dates).
WINDOWS: dict[str, timedelta] = {
    "funding": timedelta(days=30), "leadership": timedelta(days=30),
    "acquisition": timedelta(days=30), "layoffs": timedelta(days=14),
}
_AMOUNT_TOLERANCE = 0.15  # "$16M" and "$16.5 million" are one round
# Currencies worth 0.6-1.4 dollars: an amount in one and in another (with no USD figure) are compared
# within 30%, wide enough for the exchange rate and narrow enough to tell rounds apart.
_NEAR_DOLLAR = frozenset({"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "SGD"})
_ACROSS_CURRENCIES = 0.30

# The stored events an account may share a story with, each with whether it raised an alert:
# (account ids, event types, occurred since) -> [(event, alerted)].
Lookup = Callable[[Sequence[int], Sequence[str], datetime], Iterable[tuple[SignalEvent, bool]]]


def retold(event: SignalEvent) -> str | None:
    """The first report a retold event repeats ("<source>: <title>"), or None."""
    value = event.attributes.get(SAME_STORY) if event.attributes else None
    return str(value) if value else None


def told(event: SignalEvent) -> str | None:
    """The first report, when an earlier report of the story raised an alert: then this one never
    alerts. A story no report has alerted yet (the daily cap was full, a hold, no rule matched)
    may still alert from a later report; it adds no heat either way."""
    first = retold(event)
    return first if first and not event.attributes.get(UNTOLD) else None


def _words(text: Any) -> tuple[str, ...]:
    """A person's name or a title as lower-case ASCII words, letters transliterated as the matcher
    does ("María José" → maria jose, "Ørsted" → orsted)."""
    return tuple(re.findall(r"[a-z0-9]+", fold(str(text or ""))))


def _company(name: Any) -> str:
    """A company as the matcher compares it: legal form, "The" and descriptors such as "Group" dropped."""
    return analyze(str(name or "")).core


def _person(name: Any) -> tuple[str, ...]:
    """First and last name, case and accents ignored ("María José Chen" and "Maria Chen" agree)."""
    words = _words(name)
    return (words[0], words[-1]) if words else ()


def _differ(a: Any, b: Any) -> bool:
    """Both stated, and not the same."""
    return bool(a) and bool(b) and a != b


def _amount(event: SignalEvent) -> tuple[float, str] | None:
    attributes = event.attributes
    if isinstance(attributes.get("amount_usd"), (int, float)) and attributes["amount_usd"] > 0:
        return float(attributes["amount_usd"]), "USD"
    if isinstance(attributes.get("amount"), (int, float)) and attributes["amount"] > 0:
        return float(attributes["amount"]), str(attributes.get("currency") or "")
    return None


def _amounts(a: SignalEvent, b: SignalEvent) -> bool | None:
    """True when both state the same amount (within 15%), False when they state different ones,
    None when that cannot be told (one states none, or they are in other currencies without USD)."""
    first, second = _amount(a), _amount(b)
    if first is None or second is None:
        return None
    tolerance = _AMOUNT_TOLERANCE
    if first[1] != second[1]:  # "€8 million" and "$8.7 million" are one round; "€8 million" and "$5 million" are not
        if not {first[1], second[1]} <= _NEAR_DOLLAR:
            return None
        tolerance = _ACROSS_CURRENCIES
    return abs(first[0] - second[0]) <= tolerance * max(first[0], second[0])


def _round(event: SignalEvent) -> str | None:
    value = event.attributes.get("round")
    return None if value in (None, "", "undisclosed") else str(value)


def same_story(new: SignalEvent, old: SignalEvent) -> bool:
    """Whether `new` reports the story `old` already told (see the module docstring)."""
    window = WINDOWS.get(str(new.type))
    if (window is None or new.account_id is None or new.account_id != old.account_id or new.dedupe_key == old.dedupe_key
            or new.type != old.type or new.change != old.change or abs(new.occurred_at - old.occurred_at) > window):
        return False
    a, b = new.attributes, old.attributes
    if new.type == "funding":  # the same round, or the same amount, stated by both; nothing stated differs
        amounts = _amounts(new, old)
        agree = (bool(_round(new)) and _round(new) == _round(old)) or amounts is True
        return agree and amounts is not False and not _differ(_round(new), _round(old))
    if new.type == "leadership":
        if _person(a.get("person")) and _person(b.get("person")):
            return _person(a.get("person")) == _person(b.get("person"))
        return bool(_words(a.get("title"))) and _words(a.get("title")) == _words(b.get("title"))
    if new.type == "acquisition":
        return (bool(_company(a.get("acquirer"))) and _company(a.get("acquirer")) == _company(b.get("acquirer"))
                and bool(_company(a.get("target"))) and _company(a.get("target")) == _company(b.get("target")))
    return not _differ(a.get("count"), b.get("count")) and not _differ(a.get("percentage"), b.get("percentage"))  # layoffs


def mark_retold(events: Sequence[SignalEvent], lookup: Lookup) -> list[SignalEvent]:
    """`events` with each later report of a story already stored (or earlier in `events`) marked
    `same_story`, and `same_story_unsent` when no report of it has alerted. `lookup` is asked
    once, for the accounts of the events that could be retold. An event stored before (a feed
    polled again) or an amendment (a Form D/A) is left as it is."""
    candidates = {id(e) for e in events if e.account_id is not None and str(e.type) in WINDOWS
                  and not retold(e) and not e.attributes.get("is_amendment")}
    if not candidates:
        return list(events)
    chosen = [e for e in events if id(e) in candidates]
    since = min(e.occurred_at for e in chosen) - max(WINDOWS.values())
    stored = list(lookup(sorted({e.account_id for e in chosen if e.account_id is not None}),
                         sorted({str(e.type) for e in chosen}), since))
    stored_keys = {event.dedupe_key for event, _ in stored}
    # First reports, and whether the story has alerted (an earlier report of this poll counts as told).
    known = [(event, alerted or any(same_story(retelling, event) for retelling, sent in stored if sent and retold(retelling)))
             for event, alerted in stored if not retold(event)]
    marked = []
    for event in events:
        if id(event) not in candidates or event.dedupe_key in stored_keys:
            marked.append(event)
            continue
        first = next(((old, alerted) for old, alerted in known if same_story(event, old)), None)
        if first is None:
            marked.append(event)
            known.append((event, True))
            continue
        extra: dict[str, Any] = {SAME_STORY: f"{first[0].source}: {first[0].title}"[:200]}
        if not first[1]:
            extra[UNTOLD] = True
        marked.append(event.model_copy(update={"attributes": {**event.attributes, **extra}}))
    return marked
