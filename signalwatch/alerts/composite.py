"""What a composite alert says first: the rule's meaning with the account's own numbers.

    funding and roles >= 3     ─▶  "Raised $30M Series C 12 days ago and posted 4 engineering roles since"

and its evidence: the strongest event of every selection first (funding before job posts),
then the others, newest first. The rules engine picks the events (`Part`); this module only
words them. Pure: `now` is passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from signalwatch.eventtypes import kind_of
from signalwatch.rules.conditions import Match
from signalwatch.rules.hitlog import Hit
from signalwatch.rules.wording import block_kind, days, noun, qualifier

__all__ = ["Part", "headline", "evidence_item", "described"]

# What a count of events of a type and change did: "posted 4 engineering roles".
_VERBS: dict[tuple[str, str], tuple[str, str, str]] = {  # (verb, singular, plural)
    ("hiring", "posted"): ("posted", "role", "roles"),
    ("hiring", "closed"): ("closed", "role", "roles"),
    ("leadership", "appointed"): ("appointed", "executive", "executives"),
    ("leadership", "departed"): ("lost", "executive", "executives"),
    ("tech_stack", "adopted"): ("adopted", "technology", "technologies"),
    ("tech_stack", "dropped"): ("dropped", "technology", "technologies"),
}


class Part(NamedTuple):
    """One selection of a composite rule as it stands for the account when the rule fires."""

    selection: str
    match: Match
    hits: Sequence[Hit]  # the selection's events within the window
    leader: Hit  # the strongest of them
    counted: bool  # the condition asks how many (`roles >= 3`), not whether one happened


def described(hit: Hit) -> str:
    """One plain line saying what the event was ("Raised $30M Series C"), else its title."""
    kind = kind_of(hit.kind) if hit.kind else None
    line = kind.describe(hit.change, hit.attributes) if kind is not None else None
    return line or hit.title


def _ago(age: timedelta) -> str:
    whole = int(age.total_seconds() // 86_400)
    return "today" if whole <= 0 else "yesterday" if whole == 1 else f"{whole} days ago"


def _count(part: Part) -> str:
    """"posted 4 engineering roles", "2 Series B funding rounds"."""
    n = len(part.hits)
    types, changes = block_kind(part.match)
    kind = types[0] if len(types) == 1 else part.leader.kind if all(h.kind == part.leader.kind for h in part.hits) else None
    change = changes[0] if len(changes) == 1 else part.leader.change if all(h.change == part.leader.change for h in part.hits) else None
    adjectives = qualifier(part.match)
    verb = _VERBS.get((kind or "", change or ""))
    if verb is not None:
        thing = verb[1] if n == 1 else verb[2]
        return " ".join(word for word in (verb[0], str(n), adjectives, thing) if word)
    return " ".join(word for word in (str(n), adjectives, noun(kind, change, plural=n != 1)) if word)


def headline(parts: Sequence[Part], now: datetime, window: timedelta | None) -> str:
    """The rule's meaning with exact numbers, strongest part first: a selection the condition
    counts reads as a count ("posted 4 engineering roles since" — since the event before it —
    or "in the last 30 days"); any other as its strongest event and its age."""
    clauses: list[str] = []
    anchor: datetime | None = None
    for part in parts:
        if part.counted:
            first = min(hit.occurred_at for hit in part.hits)
            when = "since" if anchor is not None and first >= anchor else f"in the last {days(window)}"
            clauses.append(f"{_count(part)} {when}")
            continue
        what, age = described(part.leader), _ago(now - part.leader.occurred_at)
        clauses.append(f"{what} ({age})" if "," in what else f"{what} {age}")
        anchor = part.leader.occurred_at if anchor is None else anchor
    if not clauses:
        return ""
    text = clauses[0] if len(clauses) == 1 else f"{', '.join(clauses[:-1])} and {clauses[-1]}"
    return text[:1].upper() + text[1:]


def evidence_item(hit: Hit) -> dict[str, Any]:
    """An evidence entry of the alert payload (what Slack, the console and the CRM list)."""
    return {"title": hit.title, "url": hit.url, "occurred_at": hit.occurred_at.isoformat(),
            "type": hit.kind, "change": hit.change, "what": described(hit)}
