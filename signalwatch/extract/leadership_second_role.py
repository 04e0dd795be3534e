"""The role a departing person keeps or moves to in the same item: the second event of one person's change of roles.

LABELLING.md: "A successor's new role is an event too" and a role kept beside one left is an appointment ("Pfizer CEO Ian
Read to step down at year's end, will remain executive chairman": Read departed CEO, Read appointed executive chairman). The
rules read many of these in one phrasing each; what recurs across sets is the shape, not the phrasing: a person the item
reports leaving one role, then, in a clause that names that person (or goes on with "he"/"she"), a verb of keeping, taking
or moving and a title that is not the role left. At 60719a2, 138 unreached labels in 30 of the 32 spent sets were one half
of such a change of roles (round 16's report). A seat kept is no change ("Immelt will remain chairman", holdout8 rh8-0155):
a kept role counts only when it is an executive one ("will remain executive chairman").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from signalwatch.extract.leadership_company import without_legal_form
from signalwatch.extract.leadership_found import Found
from signalwatch.extract.names import Marked
from signalwatch.extract.roles import covers, same_role
from signalwatch.extract.text import plausible_company

__all__ = ["ADVISORY", "second_roles"]

# Keeping, taking or moving into a role, then (a few words on, no comma, no "and") the title: "will remain executive chairman", "to
# stay on as company executive chairman", "will transition to Executive Chair", "step aside to become board chairman", "will return to
# his role as chairman", "is moving into the new role of Chief Innovation Officer", "will retain a role in the company as executive
# chair". A possessive name may stand before the title ("become Intuitive's executive chair"), no other name.
_TAKES = re.compile(
    r"\b(?:(?P<keep>(?i:remain|remains|remaining|stay|stays|staying|continue|continues|continuing|retain|retains))|"
    r"(?i:return|returns|become|becomes|becoming|transition|transitions|transitioning|move|moves|moving|shift|shifts|assume|assumes|"
    r"take\s+up|takes\s+up|step\s+into|steps\s+into))\b"
    r"(?P<gap>(?:[^⟪⟦.;,]|⟪\d+⟫'s\s+(?=⟦)){0,50}?)⟦(?P<t>\d+)⟧(?:\s+(?i:of|at)\s+(?:(?i:the)\s+)?⟪(?P<co>\d+)⟫(?!'s))?"
)
# Words in the gap that make the title someone else's or no change: "special assistant to the chairman", "the search for a
# successor", "and CFO".
_NOT_THEIRS = re.compile(r"\b(?i:former|ex|previous|predecessor|successor|replacement|until|search|interim\s+basis|and|assistant|deputy\s+to)\b")
# Before the verb: the role is not taken ("was no longer able to continue in the role as chair", holdout7 rh7-0089).
_NEGATED = re.compile(r"\b(?i:not|no\s+longer|never|n't)\b")
# A clause about an earlier change: "made headlines back in May when it was revealed that he would ... become President"
_EARLIER = re.compile(r"\b(?i:back\s+in|last\s+(?:year|month)|earlier\s+this\s+year|in\s+(?:19|20)\d\d)\b")
# Roles below director level (LABELLING.md: advisors are not leadership); leadership.py refuses them as roles kept too.
ADVISORY = re.compile(r"(?i)\b(?:advis[eo]rs?|consultants?)\b")
_EXECUTIVE = re.compile(r"(?i)\bexecutive\b")
# A keeping verb of a role the person holds: "who will continue in his role of executive chairman" (holdout24 rh24-0157).
_HELD = re.compile(r"(?i)\b(?:his|her|their)\s+(?:current\s+)?(?:role|roles|position|post|seat)\b")
_WORKS = re.compile(r"(?i)\bwork\b")  # "will continue to work for the company as head of the enterprise services team": a new role
_PRONOUN = re.compile(r"^\s*(?:[\w,]+\s+){0,3}?(?:He|She|he|she)\s")


class _Role(NamedTuple):
    """A role a verb gives: its title, where the verb starts and the title ends, and the company it is "of" or "at" if written."""

    title: str
    start: int
    end: int
    company: str | None


def second_roles(found: list[Found], marked: list[Marked]) -> list[Found]:
    """The roles the item's departing people keep or move to (see `_TAKES`) that no rule read, as appointments.

    Read from the clause of the departure on: a clause that writes the person's name (or surname), or that goes on with "he" or
    "she" when the item reports one departing person only. The title must follow the person's mention with no other name
    between, and must not be the role left (nor one it covers: "will remain CEO until a successor is found" is no change)."""
    leavers = [e for e in found if e.change == "departed" and e.person]
    taken = {e.person for e in found if e.change == "appointed" and e.person}
    added: list[Found] = []
    for event in leavers:
        person = event.person or ""
        if person in taken or any(a.person == person for a in added):
            continue
        surname = person.split()[-1]
        for index in range(event.clause, len(marked)):
            clause = marked[index]
            start = _mention(clause, person, surname, alone=len({e.person for e in leavers}) == 1 and index > event.clause)
            if start is None or _EARLIER.search(clause.text):
                continue
            role = _role_after(clause, start, event.title)
            if role is not None:
                company = without_legal_form(role.company) if role.company and plausible_company(role.company) else event.company
                added.append(Found("appointed", person, role.title, company, index, "leadership.second-role", position=role.start,
                                   evidence=" ".join(clause.unmark(clause.text[start:role.end]).split())[:100]))
                break
    return found + added


def _mention(clause: Marked, person: str, surname: str, alone: bool) -> int | None:
    """Where `clause` names the person (its name run holds the surname), or starts with "he"/"she" when `alone`."""
    for number, name in enumerate(clause.names):
        if name == person or name.split()[-1] == surname:
            return clause.text.find(f"⟪{number}⟫")
    if alone and _PRONOUN.match(clause.text) and not clause.names:
        return 0
    return None


def _role_after(clause: Marked, start: int, left: str | None) -> _Role | None:
    """The role a keeping or taking verb gives after `start`, unless it is the role left, a seat already held, an advisory post,
    or someone else's role."""
    text = clause.text
    if "⟦" not in text:
        return None  # the common case: no title written, no role given
    after = text.find("⟫", start) + 1 if text.startswith("⟪", start) else start
    stop = text.find("⟪", after)
    window_end = len(text) if stop < 0 else stop
    for match in _TAKES.finditer(text, start, window_end + 200):
        if match.start() > window_end:
            break
        title = clause.title(match.group("t")) or ""
        if _NOT_THEIRS.search(match.group("gap")) or ADVISORY.search(title) or _NEGATED.search(text, after, match.start()):
            continue
        if match.group("keep") and (_HELD.search(match.group("gap")) or not (_EXECUTIVE.search(title) or _WORKS.search(match.group("gap")))):
            continue  # "Immelt will remain chairman": a seat already held, no change; "will remain executive chairman" is a new role
        if left and (same_role(title, left) or covers(left, title) or set(title.lower().split()) <= set(left.lower().split())):
            continue  # "CEO and executive chairperson Graham Mackay ... would become nonexecutive chairperson": a seat held
        return _Role(title, match.start(), match.end(), clause.name(match.group("co")))
    return None
