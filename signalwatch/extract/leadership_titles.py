"""Completing the changes the leadership rules read: the titles not written for a person, the person of a change a clause
names nobody for, and one event per person.

A headline often names the role and the summary the person ("Yahoo's CEO steps down" / "chief executive Scott Thompson
has stepped down"), or a successor takes the role of the one who leaves ("Andy Jassy to take over"); LABELLING.md's
"Which title" decides whose wording stands. leadership.py reads the changes clause by clause and calls these in turn:
`inherit_titles`, `fill_unnamed`, `merge`, then `headline_wording` and `final_title` for each merged event.
"""

from __future__ import annotations

import re
from dataclasses import replace

from signalwatch.extract.leadership_found import Found
from signalwatch.extract.leadership_item_company import DEMONYMS
from signalwatch.extract.leadership_patterns import holder_patterns
from signalwatch.extract.names import Marked, full_name, person_like
from signalwatch.extract.roles import covers, same_role
from signalwatch.extract.text import has_company_suffix, is_place

__all__ = ["FORMER", "FORMER_BEFORE", "ORGANISATION", "fill_unnamed", "headline_wording", "inherit_titles", "merge", "final_title"]

FORMER_BEFORE = re.compile(r"\b(?:former|ex-|previous)\s*$", re.IGNORECASE)
_LEAVING_BEFORE = re.compile(r"\b(?:former|ex-|previous|retiring|outgoing|departing|ousted|late)\s*$", re.IGNORECASE)
_INTERIM_WORD = re.compile(r"\b(?:interim|acting)\b", re.IGNORECASE)


def inherit_titles(found: list[Found], marked: list[Marked]) -> list[Found]:
    """Titles not written for a person: whoever holds it per the item, or the role a successor takes over."""
    held = []
    for event in found:
        if event.person and not event.title and not event.inherit and not event.elsewhere:
            title = _held_title(event.person, marked, current=event.change == "appointed", leaving=event.change == "departed")
            if title:
                event = replace(event, title=title, explicit=True)
        held.append(event)
    found, completed = held, []  # every held title first: a successor named before the one leaving takes theirs
    for event in found:
        if not event.title and not event.elsewhere and (event.inherit or event.change == "departed"):
            source = _counterpart(event, found, marked)
            if source is not None:
                source = _headline_twin(source, found)
                stand_in, said = _stand_in(event, marked)
                title = f"{stand_in} {_INTERIM.sub('', source.title)}" if stand_in and source.title else source.title
                if title and not stand_in:
                    title = _INTERIM.sub("", title)  # the role itself, not the stand-in's: "Ellen Pao resigns. Steve Huffman takes over."
                rule = f"{event.rule} ({stand_in}: {said!r})" if said and title else event.rule
                event = replace(event, title=title, explicit=False, rule=rule)
        completed.append(event)
    return completed


# How a clause says its successor only stands in: "will take over on an interim basis", "will be temporarily replaced by".
_STAND_IN = re.compile(r"(?i)\b(?:on an? (?:interim|acting|temporary) basis|in an? (?:interim|acting|temporary) capacity|temporarily)\b")


def _stand_in(event: Found, marked: list[Marked]) -> tuple[str | None, str | None]:
    """("interim" or "acting", the clause's words or None) for a successor who takes the role left only until another is found
    (LABELLING.md: "his role will be filled on an interim basis by Scott Arnold" is interim CEO), as the rule read it or as the
    successor's clause says it: "Rohit Manocha, chairman of Fridays' biggest shareholder, will take over on an interim basis"
    (holdout23 rh23-0082); (None, None) for one who takes the role itself."""
    if event.interim:
        return "interim", None
    text = marked[event.clause].text
    if event.change != "appointed" or not ("basis" in text or "capacity" in text or "temporar" in text):  # cheap screen first
        return None, None
    said = _STAND_IN.search(text)
    if said is None:
        return None, None
    return ("acting" if "acting" in said.group(0).lower() else "interim"), said.group(0)


def _headline_twin(source: Found, found: list[Found]) -> Found:
    """The headline's event of the same change and role as `source`, if any: its wording is the role's ("CEO stands down")."""
    if source.clause == 0 or not source.title:
        return source
    twins = [e for e in found if e.clause == 0 and e.change == source.change and e.title and e.person in (None, source.person)
             and same_role(e.title, source.title) and _is_interim(e.title) == _is_interim(source.title)]
    return twins[0] if len(twins) == 1 else source


def _held_title(person: str, marked: list[Marked], current: bool = False, leaving: bool = False) -> str | None:
    """"Senior Vice President of Retail, John Browett": the title the item gives a person next to the name.

    With `current`, a title the person no longer holds ("Javier Soltero, a former head of strategy") does not count;
    with `leaving`, the role a departing person leaves: "outgoing" or "previously" is that role, "former" is not
    ("co-founder and former chief technology officer Jonas Templestein ... to leave").
    """
    surname = person.split()[-1]
    stale = FORMER if current else _EX if leaving else None
    for clause in marked:
        for pattern in holder_patterns():
            for match in pattern.finditer(clause.text):
                if stale and (stale.search(match.group(0)) or FORMER_BEFORE.search(clause.text, 0, match.start())):
                    continue
                holder = clause.name(match.group("p")) or ""
                if holder == person or holder.split()[-1:] == [surname]:
                    return clause.title(match.group("t"))
    return None


FORMER = re.compile(r"(?i)\b(?:former|formerly|previously|ex-|outgoing)")
_EX = re.compile(r"(?i)\b(?:former|formerly|ex-)")


def _counterpart(event: Found, found: list[Found], marked: list[Marked]) -> Found | None:
    """The event whose title `event` takes: the opposite change in the same part of the clause.

    A successor takes the title of whoever departed anywhere in the item; a departure with no
    title takes the appointment's unless a ";" separates them ("Tim Cook named CEO as Steve
    Jobs resigns", not "John Reed named CFO; Sarah Lang to retire").
    """
    opposite = "departed" if event.change == "appointed" else "appointed"
    candidates = [e for e in found if e.change == opposite and e.title and e.person != event.person]
    candidates = [e for e in candidates if e.explicit] or candidates  # a role written for the person, before a founder's "founder"
    text = marked[event.clause].text
    same_clause = [e for e in candidates if e.clause == event.clause
                   and ";" not in text[min(e.position, event.position) : max(e.position, event.position)]]
    if event.inherit:
        return next(iter(same_clause or candidates), None)
    other_clauses = [e for e in candidates if e.clause != event.clause]
    return next(iter(same_clause or other_clauses), None)


def fill_unnamed(found: list[Found], marked: list[Marked], known: list[str]) -> list[Found]:
    """Give each unnamed change the person a later clause names for it; drop the ones no clause names.

    The later clause's event takes the unnamed one's place and, when both give the same role,
    its wording ("Yahoo's CEO steps down" / "chief executive Scott Thompson has stepped down": CEO).
    """
    filled = [e for e in found if e.person]
    for event in found:
        if event.person:
            continue
        match = _summary_match(event, filled)
        if event.wording and (match is None or match.title and not same_role(match.title, event.title)):
            continue  # "raises $11 million and gets a new CEO": no one named for the role here
        if match is not None:
            keep_own = event.title and (not match.title or not match.explicit or (
                covers(match.title, event.title) and _is_interim(match.title) == _is_interim(event.title)))
            filled[filled.index(match)] = replace(
                match, title=event.title if keep_own else match.title, company=_filled_company(event, match),
                clause=event.clause, position=event.position, rule=f"{event.rule} + {match.rule}", explicit=True, filler=False,
                evidence=f"{event.evidence} / {match.evidence}",
            )
            continue
        person = _holder(event.title, marked[event.clause + 1 :], known, appointed=event.change == "appointed")
        if person:
            filled.append(replace(event, person=person, rule=f"{event.rule} + holder"))
            continue
        # "Rakuten Mobile's new boss sets out 'fast-paced' growth plan": a headline that writes the role as a noun tells of no
        # change by itself; only a clause that reads one names its person (holdout13 rh13-0145, holdout19 rh19-0193)
        person = None if event.rule.startswith(_NOUN_ROLE) else _only_person(event, marked, filled)
        if person:
            filled.append(replace(event, person=person, rule=f"{event.rule} + the only person the summary names"))
    return sorted(filled, key=lambda e: (e.clause, e.position))


def _filled_company(unnamed: Found, named: Found) -> str | None:
    """The company of an unnamed change completed by a later clause: its own, unless only guessed and the later clause names one.

    "Michigan hospital CEO departs" / "Chris Squire, president and CEO of Munson Healthcare Otsego Memorial Hospital
    ..., is leaving": the summary's hospital, not the headline's first name.
    """
    if unnamed.guessed and named.company and not named.guessed:
        return named.company
    return unnamed.company or named.company


def _only_person(event: Found, marked: list[Marked], named: list[Found]) -> str | None:
    """The person of a headline's unnamed change when the summary names exactly one person and nothing else is said of them.

    "Lovesac taps Crocs veteran as first chief brand and marketing officer" / "As chief marketing officer at
    the footwear brand, Heidi Cooley helped drive profitability": the hire the headline speaks of.
    """
    if event.clause != 0 or len(marked) < 2 or any(e.clause == 0 for e in named):
        return None
    headline = set(marked[0].names)  # a headline that names nobody for the role names companies and places
    people = {name for clause in marked[1:] for number, name in enumerate(clause.names)
              if " " in name and person_like(name) and not _OF_PLACE.search(clause.text.partition(f"⟪{number}⟫")[0])}
    companies = {e.company for e in named if e.company} | {event.company}
    people = {name for name in people if name not in companies | headline and not has_company_suffix(name)
              and not ORGANISATION & set(name.lower().split()) and not _no_name(name, companies)}
    if len(people) != 1:
        return None
    person = people.pop()
    if any(e.person == person for e in named) or _held_title(person, marked[1:]):
        return None  # "Roberts joins CEO David Epstein": someone who holds another post
    return person


_NOUN_ROLE = "leadership.company-new-title"  # the rule of "X's new CEO" in a headline


def _no_name(name: str, companies: set[str | None]) -> bool:
    """Whether a name run is a company, a place or a round rather than a person, for want of other evidence: it starts with the
    company's name ("CareFirst BlueCross BlueShield", holdout14 rh14-0230), it is a place ("South Korea", holdout17 rh17-0244), or
    its first word is a nationality or a round ("Kenyan State", "Series D": holdout7 rh7-0016, holdout12 rh12-0092)."""
    first = name.split()[0]
    return first.lower() in DEMONYMS or first == "Series" or is_place(name) or any(
        company and name.startswith(company + " ") for company in companies)


_OF_PLACE = re.compile(r"\b(?i:of|at|from|for|by)\s+(?:(?i:the)\s+)?$")  # "the former UK boss of Credit Suisse"
# Words that make a run of capitalised words an organisation rather than a person.
ORGANISATION = frozenset(
    """capital management partners ventures labs therapeutics pharmaceuticals bank group holdings health hospital university
    foundation fund network networks systems technologies software media institute association council
    times journal newspaper gazette tribune""".split()  # "..., the Financial Times reports": the outlet, no person
)


def headline_wording(event: Found, headline: Marked, roles: list[tuple[str, str]]) -> Found:
    """The headline's wording of a role the summary names someone to (LABELLING.md "Which title").

    Only for a role the headline gives the same change and when the headline names nobody for it: "BlackBerry
    ousts COO and CMO" / "let go of Chief Operating Officer Kristian Tear" is COO; "Nestle Dismisses CEO Freixe"
    says nothing of the successor's title.
    """
    if event.clause == 0 or not event.title or not headline.titles or headline.names and any(
            event.person and event.person.split()[-1] in name.split() for name in headline.names):
        return event
    if any(person_like(name) and " " in name for name in headline.names):
        return event  # the headline's titles may belong to the people it names
    pieces = [piece for change, title in roles if change == event.change and title for piece in _PIECES.split(title)]
    same = [piece for piece in pieces if same_role(piece, event.title) and _is_interim(piece) == _is_interim(event.title)]
    if len(same) != 1 or same[0] == event.title:
        return event
    return replace(event, title=same[0], rule=f"{event.rule} (the headline's wording of the title)")


_PIECES = re.compile(r"\s+(?:and|&)\s+|\s*/\s*|,\s+")


_INTERIM = re.compile(r"^(?:interim|acting)\s+", re.IGNORECASE)


def _is_interim(title: str | None) -> bool:
    return bool(title and _INTERIM_WORD.search(title))


def _summary_match(event: Found, named: list[Found]) -> Found | None:
    """The later event an unnamed one is about: the same role, else the one without a title, else the only one."""
    same_change = [e for e in named if e.change == event.change and e.clause >= event.clause]
    for candidates in ([e for e in same_change if same_role(e.title, event.title)], [e for e in same_change if not e.title]):
        if candidates:
            return candidates[0]
    people = {e.person.split()[-1] for e in same_change if e.person}
    return same_change[0] if len(people) == 1 else None  # one person, maybe read twice ("Diane Greene has stepped down ...")


def _holder(title: str | None, marked: list[Marked], known: list[str], appointed: bool = False) -> str | None:
    """Who the item says holds `title`; for an appointment never one it calls retiring or former ("replacing retiring CEO Dave
    Calhoun" does not name Boeing's new CEO)."""
    if not title:
        return None
    for clause in marked:
        for pattern in holder_patterns():
            for match in pattern.finditer(clause.text):
                if appointed and _LEAVING_BEFORE.search(clause.text, 0, match.start()):
                    continue
                person = clause.name(match.group("p"))
                held = clause.title(match.group("t"))
                if person and person_like(person) and same_role(held, title) and _is_interim(held) == _is_interim(title):
                    return full_name(person, known)
    return None


def merge(found: list[Found]) -> list[Found]:
    """One event per (change, person): the headline's, completed by later clauses.

    Two mentions with the same change, company and role are one person even when spelled
    differently ("Krzanich", "Kraznich"). An explicit title beats one inherited from a
    successor; between two explicit titles the first wins (the headline's wording, LABELLING.md "Which title").
    """
    kept: list[Found] = []
    for event in found:
        twin = next((k for k in kept if _same_person(k, event) and not _second_seat(k, event) and not _other_company(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        title = twin.title
        if event.title and (not twin.title or (event.explicit and not twin.explicit)):
            title = event.title  # the headline's wording of a role it states for the person stands (LABELLING.md "Which title")
        kept[kept.index(twin)] = replace(twin, title=title, explicit=twin.explicit or event.explicit,
                                         person=_longer(twin.person, event.person), company=twin.company or event.company)
    return kept


def _other_company(first: Found, second: Found) -> bool:
    """The same words read one role at two companies ("Prosus, Naspers CEO Bob van Dijk"): two events, not one."""
    return first.clause == second.clause and first.position == second.position and first.company != second.company


_BOARD_TITLE = re.compile(r"(?i)\b(?:director|chair|chairman|chairwoman|board)\b")


def _second_seat(first: Found, second: Found) -> bool:
    """A board seat taken besides a role: "Mozilla appointed Chris Beard as its interim CEO ... Beard, who will also join Mozilla's board"."""
    if first.change != "appointed" or second.change != "appointed" or not (first.title and second.title and first.explicit and second.explicit):
        return False
    seats = [title for title in (first.title, second.title) if title == "board member"]
    other = second.title if first.title == "board member" else first.title
    return len(seats) == 1 and not _BOARD_TITLE.search(other)  # "independent director" is the seat itself


def _same_person(first: Found, second: Found) -> bool:
    if first.change != second.change or not first.person or not second.person:
        return False
    if first.person == second.person or first.person.split()[-1] == second.person.split()[-1]:
        return True
    return first.company == second.company and same_role(first.title, second.title) and first.person.split()[0] == second.person.split()[0]


def _longer(first: str | None, second: str | None) -> str | None:
    if first and second and len(second.split()) > len(first.split()) and second.split()[-1] == first.split()[-1]:
        return second
    return first or second


# "of its FedEx Ground parcel-delivery division", "of Amazon's hardware research and development group": the unit a role is of,
# written right after the title. A company's own name after "of" ("CEO of Tropicana") is no unit: the tail needs a possessive
# and a unit word.
_UNIT_TAIL = re.compile(
    r"\s+of\s+(?:its|the company['’]s|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}['’]s)\s+(?:[\w&-]+\s+){0,5}?"
    r"(?:division|unit|business|group|arm|subsidiary|segment)\b"
)


_LONGER_BEFORE = re.compile(r"(?:[\w-]|\b(?i:vice|senior|executive|deputy|assistant|associate)\s+)$")


def final_title(event: Found, clauses: list[str]) -> Found:
    """The title as LABELLING.md writes it, once the events are merged: without a "founding" the headline does not write, and with
    the unit the role is of (`clauses`: the headline and the summary sentences read, as written)."""
    return _unit_of_title(_without_founding(event, clauses[0]), clauses)


_FOUNDING = re.compile(r"^founding\s+(?=\S)", re.IGNORECASE)


def _without_founding(event: Found, headline: str) -> Found:
    """A departure's title without "founding" (LABELLING.md, holdout3: "outgoing" and "founding" are dropped) unless the headline
    writes the role so ("Why are Founding CEOs Stepping Down", holdout29 rh29-0206, LABELLING.md "Which title"): "replacing outgoing
    founding CEO Peter Hecht" is CEO (holdout3 rh3-0149)."""
    if event.change != "departed" or not event.title or not _FOUNDING.match(event.title) or "founding" in headline.lower():
        return event
    return replace(event, title=_FOUNDING.sub("", event.title), rule=f"{event.rule} (\"founding\" is no part of the title)")


def _unit_of_title(event: Found, clauses: list[str]) -> Found:
    """The title with the unit it is of, when a clause that names the person writes the two together (LABELLING.md: divisional
    roles are kept in full, the parent is the company): "Henry J. Maier, president and CEO of its FedEx Ground parcel-delivery
    division, will retire" is "president and CEO of its FedEx Ground parcel-delivery division" (holdout14 rh14-0147)."""
    if not event.title or not event.person:
        return event
    surname = event.person.split()[-1]
    tails: set[str] = set()
    for clause in clauses:
        if " of " not in clause or surname not in clause:
            continue
        start = clause.find(event.title)
        while start >= 0:
            unit = _UNIT_TAIL.match(clause, start + len(event.title))
            if unit and not _LONGER_BEFORE.search(clause, 0, start):  # not the "president" of "vice president of its ... unit"
                tails.add(unit.group(0))
            start = clause.find(event.title, start + 1)
    if len(tails) != 1:
        return event
    tail = tails.pop()
    return replace(event, title=event.title + tail, rule=f"{event.rule} (the title with the unit it is of: {tail.strip()!r})")
