"""Leadership changes in news: who was appointed or departed, to or from which role, where.

The headline is read first; its summary is read too when the headline is about leadership
(a title, a hiring or departure verb), because real items often name the person, the
successor or the exact title only there: "Uber CEO resigns under shareholders pressure" /
"Uber CEO and co-founder Travis Kalanick ... has resigned". A change that names no person is
not reported (LABELLING.md: events without a named person are not labelled), and a surname
becomes the full name when the item writes it somewhere.

This module reads the changes and completes them; beside it, leadership_found.py holds the change as a rule reads it,
leadership_item_company.py the company of a change its clause names none for (the headline's, else the summary's),
leadership_company.py the company's name as the item writes it (in full, a brand's 's, no legal form, its initials spelled
out), leadership_titles.py the titles not written for a person, the person of an unnamed change and the merging of
mentions into one event per person, and leadership_second_role.py the role a departing person keeps or moves to.
"""

from __future__ import annotations

import re
from dataclasses import replace

from signalwatch.events import EventType
from signalwatch.extract.leadership_company import brand_name, fuller_form, without_legal_form
from signalwatch.extract.leadership_earlier import PAST_TIME, background_departure
from signalwatch.extract.leadership_employer import written_as_company
from signalwatch.extract.leadership_found import Found
from signalwatch.extract.leadership_item_company import (
    BASED,
    DEMONYMS,
    PUBLIC,
    TITLE_BEFORE,
    is_nation,
    lead_company,
    moved_to,
    summary_companies,
)
from signalwatch.extract.leadership_patterns import HEADLINE_CUES, HEADLINE_ONLY, LEADERSHIP_WORDS, NEEDS_TITLE, Rule, candidate_rules
from signalwatch.extract.leadership_second_role import ADVISORY, second_roles
from signalwatch.extract.leadership_titles import (
    FORMER,
    FORMER_BEFORE,
    ORGANISATION,
    fill_unnamed,
    final_title,
    headline_wording,
    inherit_titles,
    merge,
)
from signalwatch.extract.model import Extraction
from signalwatch.extract.names import Marked, full_name, mark, names_in, person_like
from signalwatch.extract.refusals import Refusals
from signalwatch.extract.roles import covers, same_role
from signalwatch.extract.text import has_company_suffix, is_place, plausible_company, sentences, words
from signalwatch.matching.names import common_words
from signalwatch.titles import classify_title

__all__ = ["extract_leadership", "headline_denies", "refused_leadership", "LEADERSHIP_WORDS", "SUMMARY_CHANGE_WORDS"]

SUMMARY_SENTENCES = 4
SUMMARY_ONLY_SENTENCES = 3  # read under a headline that speaks of no change, when the summary does
# A summary that reports a change under a headline that does not: a change verb and a title word both in it.
SUMMARY_CHANGE_WORDS = frozenset(
    """appointed named resigned resigns resigning retire retires retiring step steps stepping stepped quit quits leave leaves leaving
    succeed succeeds succeeded replace replaces replaced promoted hired join joins joined joining ousted fired departs departed
    rejoin rejoins rejoining rejoined exits exit dismissed retired resignation retirement departure succeeding replacing moving moves""".split()
)
# A headline that denies or corrects a report of the change it names: the item reports no change ("Citigroup Denies Rumors That CEO
# Will Resign", holdout20 rh20-0240; "Porsche denys CEO leaving", holdout23 rh23-0177).
_DENIED = re.compile(r"\b(?i:den(?:y|ies|ied|ys)|refutes?|rebuts?|clarif(?:y|ies)\s+(?:reports?|rumou?rs?))\b")
_DENIAL_STEMS = ("den", "refut", "rebut", "clarif")  # every _DENIED match holds one, lower-cased
_TAKES_OVER = re.compile(r"\b(?:take|takes|taking|took)\s+over\b", re.IGNORECASE)  # "Laura Shawver, M.D., will take over as CEO"
_TITLE_WORDS = frozenset("ceo cfo cto coo cmo cro cpo cio chief president chairman chair executive director officer head".split())


def headline_denies(headline: str) -> str | None:
    """The word by which `headline` denies or corrects a report ("denies", "clarifies reports"), or None: such an item
    reports no event (LABELLING.md), whoever reads it, the patterns or the learned detector."""
    lowered = headline.lower()  # a cheap screen first: most headlines hold none of _DENIED's stems
    denied = _DENIED.search(headline) if any(map(lowered.__contains__, _DENIAL_STEMS)) else None
    return denied.group(0) if denied else None


def _summary_reports_change(summary: str) -> bool:
    tokens = words(summary[:400])
    return bool(tokens & SUMMARY_CHANGE_WORDS or _TAKES_OVER.search(summary[:400])) and bool(tokens & _TITLE_WORDS)


def extract_leadership(
    headline: str, summary: str, company_hint: str | None = None, tokens: frozenset[str] | None = None, keep_unnamed: bool = False
) -> list[Extraction]:
    """The appointments and departures an item reports, headline first.

    `company_hint` is the company another extractor found in the same headline; `tokens` is
    `words(headline)` when the caller already has it. A change with a person but no company is dropped, unless
    `keep_unnamed` (the learned tagger may name its company: learned_tagger.fill_company).
    """
    return _changes(headline, summary, company_hint, tokens, keep_unnamed, Refusals(_told))


def refused_leadership(headline: str, summary: str, company_hint: str | None = None) -> list[str]:
    """The changes read in an item that the checks refused, each with why (for `extract --explain`)."""
    refusals = Refusals(_told)
    _changes(headline, summary, company_hint, None, False, refusals)
    return refusals.told


def _told(event: Found) -> str:
    """A change read, in words ("Megan Smith appointed Chief Technology Officer at U.S.")."""
    return f"{event.person or 'someone unnamed'} {event.change} {event.title or 'to a role'} at {event.company or 'no company'}"


def _changes(headline: str, summary: str, company_hint: str | None, tokens: frozenset[str] | None, keep_unnamed: bool,
             refusals: Refusals[Found]) -> list[Extraction]:
    """`extract_leadership`, telling `refusals` the changes its checks refuse."""
    tokens = tokens if tokens is not None else words(headline)
    denied = headline_denies(headline)
    if denied:  # "Asustek denies its CEO has resigned", "Safaricom clarifies reports on CEO exit": no change (LABELLING.md)
        if tokens & LEADERSHIP_WORDS:
            refusals.note("any change the headline names", f"the headline denies or corrects a report ({denied!r}): no change")
        return []
    clauses = [headline]
    if tokens & HEADLINE_CUES and summary:
        clauses += sentences(summary)[:SUMMARY_SENTENCES]
    elif summary and _summary_reports_change(summary):
        clauses += sentences(summary)[:SUMMARY_ONLY_SENTENCES]  # "Making sense of the past seven days" over "... said he would step down"
    elif not tokens & LEADERSHIP_WORDS:
        return []
    marked = [mark(clause) for clause in clauses]
    known = names_in(marked)
    marked = [_SILENT if _not_yet(clause) else clause for clause in marked]
    found = _read(marked[0], 0, known, frozenset())
    companies = frozenset(e.company for e in found if e.company)  # a name the headline gives a company is no person
    for index, clause in enumerate(marked[1:], 1):
        found += _read(clause, index, known, companies)
    found = [e for e in found if _beside_a_departure(e, found)]
    if not found:
        return []
    found = [_complete_person(event, known) for event in found]
    found = _resolve_pronouns(found, marked)
    found = [e for e in found if _stays_beside_departure(e, found)]
    lead, sure = lead_company(marked[0], found, summary, known, refusals)
    if not sure:  # no headline company, or only a guess from its capitals: the summary's own naming of the company, where it has one
        summary_companies(found, marked)
    lead = lead or company_hint
    text = f"{headline} {summary}"
    joined = _joined(found, marked[0], lead) if sure else None
    for event in found:
        event.guessed = event.company is None
        company = event.company or lead
        if joined and event is joined[0]:
            company = joined[1]
            event.rule += f" (company {company!r}: the headline's move from {lead!r})"
        event.company, event.person = brand_name(company, text), _without_company(event.person, lead)
    if _public_post(marked):  # "Megan Smith Named U.S. Chief Technology Officer": the role is a government post, not a company's
        found = refusals.drop(found, lambda e: e.guessed or _nation(e.company or ""),
                              "the item tells of a government post, not a change at a company")
    forms: dict[str, str] = {}  # each company as the summary writes it in full ("Crown" → "Crown Resorts")
    for event in found:
        if event.company:
            if event.company not in forms:
                forms[event.company] = fuller_form(event.company, summary, [*known, *(e.person or "" for e in found)])
            if forms[event.company] != event.company:
                event.rule += f" (company {event.company!r} as the summary writes it: {forms[event.company]!r})"
                event.company = forms[event.company]
    found = inherit_titles(found, marked)
    found = [e for e in found if _stays_beside_departure(e, found)]  # again, with the role left now known where inherited
    headline_roles = [(e.change, e.title) for e in found if e.clause == 0 and e.title]
    found = second_roles([event for event in fill_unnamed(found, marked, known) if not event.filler], marked)
    merged = [final_title(headline_wording(event, marked[0], headline_roles), clauses) for event in merge(found)]
    # "Samsung Electronics named Lee Yoon-woo ...", "Sullivan Vineyards has new CEO": a name the item's changes are at is no person
    # (holdout17 rh17-0245, holdout23 rh23-0199, holdout25 rh25-0091)
    at = {e.company for e in merged if e.company} | ({company_hint} if company_hint else set())
    named = refusals.drop([e for e in merged if e.person], lambda e: e.person in at, "the person read is the company the changes are at")
    named = refusals.drop(named, lambda e: _organisation(e.person or ""), "the person read is an organisation's name, not a person's")
    named = refusals.drop(named, lambda e: _leaves_it(e, named), "the item reads the same person leaving that role at that company")
    told = f"{headline}. {summary}"  # a predecessor who left or died before the news: background (leadership_earlier.py)
    named = [e for e in named if refusals.keep(e, background_departure(e, told))]
    named = [e for e in named if refusals.keep(e, written_as_company(e.person, told))]  # leadership_employer.py
    if not keep_unnamed:
        named = refusals.drop(named, lambda e: not e.company, "no company named for it")
    return [_extraction(_plain_person(event)) for event in _at_the_successors(named)]


# A country or the federal government before a title, or a title "of" a country: "U.S. Chief Technology Officer", "New Federal Chief
# Technology Officer", "Chief Technology Officer of the US" (LABELLING.md: a government post is not a company).
_OFFICE = re.compile(r"⟪(?P<a>\d+)⟫(?:'s|’s)?\s+⟦\d+⟧|⟦\d+⟧\s+(?i:of|for)\s+(?:the\s+)?⟪(?P<b>\d+)⟫|\b(?i:federal)\s+⟦")
_NATIONS = frozenset({"us", "u.s", "usa", "u.s.a", "america", "united states", "the united states", "federal", "new federal"})


def _nation(name: str) -> bool:
    """Whether a name is the country or federal government a public office belongs to ("U.S.", "America", "New Federal")."""
    return re.sub(r"(?:['’]s)?\.?$", "", name.lower()) in _NATIONS


def _public_post(marked: list[Marked]) -> bool:
    """Whether an item tells of a government post (see `_OFFICE`; holdout3 rh3-0054, holdout25 rh25-0039): its changes are not at
    the company the headline names (the appointee's employer) nor at the country."""
    for clause in marked:
        for match in _OFFICE.finditer(clause.text):
            number = match.group("a") or match.group("b")
            if number is None or _nation(clause.name(number) or ""):
                return True
    return False


def _joined(found: list[Found], headline: Marked, lead: str | None) -> tuple[Found, str] | None:
    """The appointment of the person a headline moves from `lead` to another company, and that company (`moved_to`): the
    appointment read at `lead` (or at no company) of the headline's person, or of the item's only appointee when the headline
    names no one. "BMS oncology head swings to Syndax" / "Nicholas Botwood is swinging into the biotech world as the new chief
    medical officer" is at Syndax (holdout3 rh3-0150)."""
    people = {name for e in found if e.person for name in (e.person, e.person.split()[-1])}
    company = moved_to(headline, lead, people)
    if company is None:
        return None
    at_lead = [e for e in found if e.change == "appointed" and e.person and e.company in (None, lead)]
    named = {e.person for e in found if e.clause == 0 and e.person}
    if not named and any(" " in name and person_like(name) for name in headline.names if name not in (lead, company)):
        return None  # "Amtrak President & Chief Executive Officer George D Warrington ... to return to New Jersey Transit": not read
    movers = [e for e in at_lead if e.person in named] if named else at_lead
    return (movers[0], company) if len(movers) == 1 else None


def _read(clause: Marked, index: int, known: list[str], companies: frozenset[str]) -> list[Found]:
    """Every change the rules find in one marked clause; `known` are the full names the item writes, `companies` its companies."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []  # spans earlier rules read: a later rule may not read them another way
    for rule in candidate_rules(words(clause.text), clause.text):  # only the rules whose keywords (and markers) the clause holds
        if (index > 0 and rule.name in HEADLINE_ONLY) or (rule.name in NEEDS_TITLE and "⟦" not in clause.text):
            continue
        position = 0
        while (match := rule.pattern.search(clause.text, position)) is not None:
            position = match.start() + 1  # a candidate rejected below must not hide one that starts inside it
            start, end = _core(match)
            if rule.name not in _MAY_OVERLAP and any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
                continue
            if index > 0 and ((_BACKGROUND.match(clause.text, match.end()) and not _FUTURE.search(match.group(0)))
                              or _HISTORY.match(clause.text) or (_PLUPERFECT.search(match.group(0)) and (
                                  _DATED.search(match.group(0)) or not _REPORTED.search(clause.text, 0, match.start() + 1)))):
                continue  # "Taylor was promoted to co-CEO last year", "In 1987, Intel cofounder Robert Noyce handed the reins": history
            if rule.name in _NOT_AFTER and _AFTER.search(clause.text, max(0, match.start() - 45), match.start()):
                continue  # "after Mr Lewis's retirement", "after the announcement of CFO Patrick Pichette's departure": said before
            if (rule.name in _DATED_AFTER and _PAST_TIME.match(clause.text, match.end())
                    and _AFTER.search(clause.text, max(0, match.start() - 45), match.start())):
                continue  # "appointed Enos Njeru as its chairman following the exit of David Ichoho last week": why the seat was free
            events = _events(rule, match, clause, index)
            named = [e for e in events if _named_enough(e, rule, known) and not _is_company(e.person, companies)]
            if rule.kind in _SUCCESSIONS and any(e.change == "appointed" and _full_person(e.person, known) for e in named):
                # "Noronha finally replaces Lazari at Bradesco" / "Marcelo Noronha": the one a named successor replaces is a person
                # too, by the surname the item gives (LABELLING.md: "otherwise the surname as given")
                named += [e for e in events if e not in named and e.change == "departed" and _replaced_surname(e.person, match, clause, known)
                          and not _is_company(e.person, companies)]
            events = named
            if rule.kind in _LISTS and all(_no_one(e.person, known) for e in events):
                events = []
            if events:
                if rule.name not in _LEAVES_FOR:
                    taken.append(_core(match))
                found.extend(events)
                position = max(match.end(), position)
    return found


# A clause that cites unnamed sources or tells of a pick being weighed reports no change yet (LABELLING.md: reported CEO picks
# are not labelled; leadership has no "reported" change): "is preparing to resign ..., sources say", "is considering former
# Cigna Group executive Tim Wentworth to be its next chief executive officer, according to people familiar with the matter".
_UNNAMED_SOURCES = re.compile(
    r"(?i:\bpeople\s+familiar\s+with\b|\bsources?\s+(?:say|said|says|told|familiar|close)\b|\baccording\s+to\s+(?:people|sources|a\s+person)\b"
    r"|\bthere\s+(?:are|were)\s+(?:media\s+)?reports\b)"  # "there are reports that Crown's chief executive Ken Barton is going to resign"
)
_WEIGHED = re.compile(r"\b(?:is|are)\s+(?:considering|weighing)\s+[^,;.⟪]{0,60}?⟪\d+⟫\s+(?:to\s+be|for|as)\b")
_SILENT = Marked("", (), ())


def _not_yet(clause: Marked) -> bool:
    """Whether a clause tells of a change only sources speak of, or of a pick still weighed (see `_UNNAMED_SOURCES`)."""
    words = f"{clause.text} {' '.join(clause.names)}".lower()
    if not any(cue in words for cue in ("source", "familiar", "according", "consider", "weighing", "reports")):
        return False  # the common case, without the patterns
    return bool(_WEIGHED.search(clause.text) or _UNNAMED_SOURCES.search(clause.unmark(clause.text)))


# Rules that read a second change of a person another rule already read: "would relinquish his role as chief
# executive and become the software giant's executive chairman".
_MAY_OVERLAP = frozenset({"person-and-becomes", "person-leaves-to-become", "person-leaves-to-run", "person-takes-on-role", "departs-alongside",
                          "person-departs-to-become", "person-stays-on-as", "pronoun-stays-on-as"})
# Rules that name a successor only beside a departure read in the same clause: "will step down in 2026, making way for
# Ariel Szarfsztejn", never "is retiring its old wallet, making way for Apple Pay".
_AFTER_A_DEPARTURE = frozenset({"making-way-for"})
# ... or beside a departure read anywhere in the item: "hand over the keys of his company to 46-year-old Daniel Zhang".
_WITH_A_DEPARTURE = frozenset({"hands-role-to", "replacement-is", "replacing-him-is", "in-his-place-named"})


def _beside_a_departure(event: Found, found: list[Found]) -> bool:
    """Whether a successor's rule has the departure it needs (see `_AFTER_A_DEPARTURE`, `_WITH_A_DEPARTURE`)."""
    rule = event.rule.removeprefix("leadership.")
    if rule in _AFTER_A_DEPARTURE:
        return any(other.change == "departed" and other.clause == event.clause for other in found)
    if rule in _WITH_A_DEPARTURE:
        return any(other.change == "departed" for other in found)
    return True
# Rules of a role a person keeps or takes beside the one they leave ("will remain at GM as a vice chairman"): an event only when
# the item reports that person leaving another role; "will continue as chief executive until a replacement is found" is none.
_STAYS = ("leadership.person-stays-on-as", "leadership.pronoun-stays-on-as")


def _stays_beside_departure(event: Found, found: list[Found]) -> bool:
    """Whether a role kept (see `_STAYS`) goes with its person's departure from another role read in the same item."""
    if not event.rule.startswith(_STAYS):
        return True
    if not event.person or not event.title or ADVISORY.search(event.title):
        return False
    surname = event.person.split()[-1]
    return any(other.change == "departed" and other.person and other.person.split()[-1] == surname
               and not (other.title and (same_role(other.title, event.title) or covers(event.title, other.title))) for other in found)


# Rules of a move to another role: the departure in the same words is read by the departure rules too.
_LEAVES_FOR = frozenset({"person-leaves-to-become", "person-leaves-to-run", "person-takes-on-role", "person-departs-to-become"})


def _events(rule: Rule, match: re.Match[str], clause: Marked, index: int) -> list[Found]:
    """The changes one match stands for, with its company checked (a place or an office is no company)."""
    groups = match.groupdict()
    # an appointment's apposition names where the person works now ("Garijo, currently CEO of Merck Healthcare, will succeed")
    company = _company(clause, groups, appointed=rule.kind in ("appointed", "appointed_also", "successor", "succession"))
    if company == _NOT_A_COMPANY:
        return []  # the clause names a place or a public office where the role is
    appos = groups.get("at") if rule.kind.startswith("departed") else None  # "X, former Avila CEO, takes helm": not the new role
    title = clause.title(groups.get("t") or groups.get("dt") or appos) or ("board member" if groups.get("board") else None)
    founder = title is None and groups.get("ft")  # "Monzo founder Tom Blomfield leaves": the role, unless the item states another
    title = title or groups.get("ft")
    if title and index == 0 and (groups.get("fb") or groups.get("fa")):  # a headline's "co-founder and CEO" is its wording of the role
        title = f"{groups.get('fb') or ''}{title}{groups.get('fa') or ''}"
    if rule.kind == "departed" and groups.get("t") and FORMER_BEFORE.search(clause.text, 0, match.start("t") - 1):
        title = None  # "co-founder and former chief technology officer Jonas Templestein ... to leave": not the role left
    person = _without_demonym(clause.name(groups.get("p")))
    if person is not None and not _person_ok(person, rule):
        return []
    if company and person and company.split()[-1] == person.split()[-1] and person_like(company):
        company = None  # "takes over as CEO & MD of the auto major Gunter Butschek": a repeated sentence's person, not the company
    if (rule.kind == "appointed" and groups.get("p") and _SUCCEEDED.search(clause.text, 0, match.start("p") - 1)
            and not _OWN_MOVE.match(clause.text, match.end("p") + 1)):
        return []  # "TY Wu will succeed Dr. Gordon Chen to be the new TSIA President": Chen is the one succeeded
    kind = rule.kind
    name = f"leadership.{rule.name}"
    co = company or None
    events = _by_kind(kind, name, co, person, title, groups, clause, index, rule, match)
    leaver = "p2" if groups.get("p2") is not None else "p"
    if kind in _REPLACES and groups.get(leaver) is not None and (_GONE_BEFORE.match(clause.text, match.end(leaver) + 1) or (
            _GONE_ADJECTIVE.search(clause.text, 0, match.start(leaver) - 1) and not _STILL_THERE.match(clause.text, match.end(leaver) + 1))):
        events = [e for e in events if e.change != "departed"]  # "She replaces Stephane Richard who resigned last year": background
    evidence = " ".join(clause.unmark(match.group(0)).split())
    held_elsewhere = groups.get("tco") is not None and plausible_company(clause.name(groups["tco"]) or "") not in (None, company)
    for event in events:
        event.vouched, event.position, event.evidence = rule.surname_ok, match.start(), evidence[:100]
        event.explicit = event.explicit and not founder
        if held_elsewhere:  # "SoftBank taps Arm CEO Rene Haas": the role he holds at Arm, not the one SoftBank gives him
            event.title, event.elsewhere = None, True
    return events


def _by_kind(
    kind: str, name: str, co: str | None, person: str | None, title: str | None, groups: dict[str, str | None], clause: Marked,
    index: int, rule: Rule, match: re.Match[str],
) -> list[Found]:
    """The events one rule's match stands for."""
    if kind in ("appointed", "departed", "appointed_also"):
        other = plausible_company(clause.name(groups.get("xco")) or "") if groups.get("xco") else None
        if other and TITLE_BEFORE.search(clause.text, 0, match.start("xco") - 1):  # before its "⟪"
            other = None  # "CareFirst CEO Chet Burrell, Optima Health CEO Michael Dudley": a person the title before names
        also = [Found(kind, person, title, without_legal_form(other), index, name)] if other and co and other != co else []
        return also + [Found(kind.removesuffix("_also"), person, title, co, index, name)]  # one departure per company
    if kind in ("departed_pronoun", "appointed_pronoun"):
        return [Found(kind.removesuffix("_pronoun"), None, title, co, index, name, pronoun=True)]
    if kind == "pronoun_succession":  # "He succeeds Morten Albæk": the item's person takes the role the other leaves
        other = clause.name(groups.get("p2"))
        if other is None or not _person_ok(other, rule):
            return []
        other_title = clause.title(groups.get("t2"))
        return [Found("appointed", None, other_title, co, index, name, pronoun=True, explicit=False, inherit=other_title is None),
                Found("departed", other, other_title, co, index, name)]
    if kind == "filler":
        return [Found("appointed", person, None, co, index, name, filler=True)]
    if kind == "appointed_board":
        return [Found("appointed", person, "board member", co, index, name)]
    if kind in ("unnamed_appointed", "unnamed_departed"):
        return [Found(kind.removeprefix("unnamed_"), None, title, co, index, name)]
    if kind == "appointed_elsewhere":  # the new role is the one written here or none: never the one the person leaves
        return [Found("appointed", person, title, co, index, name, elsewhere=True)]
    if kind == "wording_appointed":  # not a bare "boss" or "chief": "looks inside for a new boss" names no role
        return [] if title and title.lower() in ("boss", "chief") else [Found("appointed", None, title, co, index, name, wording=True)]
    if kind == "departed_inherit":
        return [Found("departed", person, title, co, index, name, inherit=title is None)]
    if kind == "successor":  # the role of the one replaced, unless written: "replacing him with X as interim CEO"
        return [Found("appointed", person, title, co, index, name, inherit=title is None, interim=bool(groups.get("interim")))]
    if kind in ("succession", "succession_rev"):
        other = clause.name(groups.get("p2"))
        other_title = clause.title(groups.get("t2"))
        if other is None or not _person_ok(other, rule):
            return []
        incoming = title if kind == "succession" else None
        outgoing = other_title if kind == "succession_rev" or other_title else title
        taken = incoming or (_FOUNDING.sub("", outgoing) if outgoing else None)  # a successor does not found the company again
        return [
            Found("appointed", person, taken, co, index, name, explicit=incoming is not None,
                   inherit=not (incoming or outgoing), interim=bool(groups.get("interim"))),
            Found("departed", other, outgoing or incoming, co, index, name),
        ]
    if kind == "departed_pairs":
        pairs = _PAIR.findall(groups["pairs"] or "")
        return [Found("departed", clause.name(who), clause.title(role), co, index, name)
                for role, who in pairs if _person_ok(clause.name(who) or "", rule)]
    if kind == "appointed_list":
        people = _listed_people(clause, groups["plist"])
        role = _singular(title)
        return [Found("appointed", who, role, co, index, name) for who in people if who and _person_ok(who, rule)]
    if kind == "departed_list":
        people = _listed_people(clause, groups["plist"])
        titles = _respective(title, len(people))
        return [Found("departed", who, role, co, index, name) for who, role in zip(people, titles) if who and _person_ok(who, rule)]
    return []


# Patterns compiled once: `re`'s cache of string patterns is shared with the whole process and may evict them.
_PAIR = re.compile(r"⟦(\d+)⟧,?\s+⟪(\d+)⟫")
_NAME_NUMBER = re.compile(r"⟪(\d+)⟫")
_PLURAL = re.compile(r"(?<=[A-Z])s$")
_HEAD_NAME = re.compile(r"⟪\d+⟫")
_TAIL_NAME = re.compile(r"⟪\d+⟫$")
_TITLE_PARTS = re.compile(r"\s+(?:and|&)\s+|,\s+")
_FOUNDING = re.compile(r"^founding\s+", re.IGNORECASE)
_SUCCEEDED = re.compile(r"\b(?i:succeed|succeeds|succeeding|replace|replaces|replacing)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$")
# ... unless a relative clause gives the one succeeded a role of their own: "will replace Pascal Soriot, who will become COO of
# Roche's pharma division" (holdout2 rh-0116; LABELLING.md: a successor's new role is an event too).
_OWN_MOVE = re.compile(r",?\s+(?i:who)\s+(?:[a-z]+\s+){0,2}?(?i:becomes?|take|takes|moves?|moved|assumes?|transitions?|shifts?|steps)\b")


def _listed_people(clause: Marked, listing: str | None) -> list[str | None]:
    """The names of a list of people; in a list of full names a lone word is a company ("Facebook Inc's Instagram, Kevin
    Systrom and Mike Krieger, have resigned"), while "Gates and Ballmer step aside" lists two surnames."""
    people = [clause.name(number) for number in _NAME_NUMBER.findall(listing or "")]
    if any(who and " " in who for who in people):
        people = [who for who in people if who and " " in who]
    return people


def _singular(title: str | None) -> str | None:
    """"co-CEOs" → "co-CEO": the role each of several people takes."""
    return _PLURAL.sub("", title) if title else title


def _core(match: re.Match[str]) -> tuple[int, int]:
    """A match's span less a name at either end: two rules may share a person ("takes over from X, who has moved to")."""
    text, (start, end) = match.group(0), match.span()
    head = _HEAD_NAME.match(text)
    tail = _TAIL_NAME.search(text)
    return start + (head.end() if head else 0), end - (len(tail.group(0)) if tail else 0)


# A time phrase right after a change makes it history: "was promoted to co-CEO last year".
_BACKGROUND = re.compile(  # the time phrase must belong to this change: not "will become CEO after first joining in 2021"
    r"(?:(?!\b(?:after|before|when|since|who|which|following)\b)[^,.;]){0,40}?\b(?:last\s+(?:year|month|fall|spring|summer|winter|autumn)|(?:years?|months?|decades?)\s+ago|in\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d|"
    r"previously|earlier\s+this\s+year)\b",
    re.IGNORECASE,
)


# A time in the past right after a change: "following the departure of Yang Jie last week".
_PAST_TIME = re.compile(r"[^.;⟪⟦]{0,40}?\b" + PAST_TIME, re.IGNORECASE)
# Rules of a departure named as the reason a seat was free: with "after"/"following" before it and a past time after it, it is
# background ("following the exit of David Ichoho last week"), not the item's news.
_DATED_AFTER = frozenset({"departure-of"})
# Kinds of rule whose departed person is the one a successor replaces; the departure is background when a relative clause dates it
# in the past ("replace Mbuvi Ngunze who resigned last year"; LABELLING.md: a predecessor's earlier exit is background).
_REPLACES = frozenset({"succession", "departed_inherit", "pronoun_succession"})
_GONE_BEFORE = re.compile(
    r",?\s+(?i:who|which)\s+(?:(?i:had)\s+)?(?i:resigned|quit|left|departed|retired|stepped\s+down|exited|was\s+(?:ousted|fired|sacked|"
    r"dismissed|removed|forced\s+out))\b" + _PAST_TIME.pattern,
    re.IGNORECASE,
)
# ... or when a word before the name says so: "has been chosen to replace ousted Travis Kalanick".
_GONE_ADJECTIVE = re.compile(r"\b(?i:former|ousted|late|previous|fired|sacked)\s+(?:⟦\d+⟧,?\s+)?$")
# ... unless a relative clause says the one replaced goes now: "replaces former CEO Paul R. S. Lee, who will transition to ...".
_STILL_THERE = re.compile(r",?\s+(?i:who|which)\s+(?i:will|is\s+(?:set|expected|due|to)|plans|intends)\b")
# Rules whose change is background when a time word comes before it: "after Mr Lewis's retirement on December 31st".
_NOT_AFTER = frozenset({"person-s-appointment-as", "title-person-s-departure"})
_AFTER = re.compile(r"\b(?:after|following|since|before|until|ahead\s+of)\b", re.IGNORECASE)
# "had joined the firm in 2015 as the managing director": the pluperfect tells the backstory of an appointment (not of a
# departure: "advise that Martin Purvis had resigned" is reported news).
# ... but not in reported speech, where the tense is the reporting verb's: "said on Monday its board had appointed ... Talib Sadik".
_REPORTED = re.compile(r"\b(?:said|says|announced|announces|confirmed|confirms|told)\b[^.;]{0,60}$", re.IGNORECASE)
_DATED = re.compile(r"\b(?:19|20)\d\d\b|\bago\b|\blast\s+(?:year|month)\b", re.IGNORECASE)  # "said she had joined in 2015 as CFO": history
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:joined|named|appointed|promoted|hired|become)\b", re.IGNORECASE)
# A change said to come is news whatever year it names: "will step down in 2026".
_FUTURE = re.compile(r"\b(?:will|shall|is\s+set\s+to|is\s+to|are\s+to|plans\s+to|expected\s+to)\s", re.IGNORECASE)
# A sentence that opens on a year of the last century tells history: "In 1987, Intel cofounder Robert Noyce handed the reins".
_HISTORY = re.compile(r"(?:In|By|Back\s+in)\s+19\d\d\b")


# Words in an organisation's name that no person's name holds: "Sweet Briar College" (holdout27 rh27-0073), "Sugar Company"
# (holdout27 rh27-0026), "Jumia Food" (holdout8 rh8-0102), "TikTok Owner ByteDance" (holdout21 rh21-0251), "Airlines Ilker Ayci"
# (holdout19 rh19-0234): a name read across an organisation's, never the person of a change.
_ORGANISATION_WORDS = frozenset("company college university food foods airlines airways owner".split())


def _organisation(person: str) -> bool:
    """Whether a person read is (or runs into) an organisation's name: a word of _ORGANISATION_WORDS or a company's ending."""
    return not _ORGANISATION_WORDS.isdisjoint(person.lower().split()) or has_company_suffix(person)


_SUCCESSION_RULE = re.compile(r"leadership\.[a-z-]*(?:succe|replac)")  # "person-replaces-person", "pronoun-succeeds", ...


def _at_the_successors(found: list[Found]) -> list[Found]:
    """The changes with each departure read from a succession ("He'll replace Josh Silverman") at the company of the item's
    one appointment, when it was put elsewhere: the predecessor leaves the role the successor takes, not the company the
    headline moves the successor from ("Cisco Exec to Take Over as Skype CEO", holdout28 rh28-0155; "Generali boss Mario Greco
    leaving to take up chief exec role at rival Zurich Insurance", holdout7 rh7-0236; "Greencore CFO to take top job at Paddy
    Power", holdout20 rh20-0037)."""
    appointed = [event for event in found if event.change == "appointed"]
    company = appointed[0].company if len(appointed) == 1 else None
    if company is None:
        return found
    for event in found:
        if event.change == "departed" and event.company != company and _SUCCESSION_RULE.match(event.rule):
            event.rule += f" (company {company!r}: the successor's, not {event.company!r})"
            event.company = company
    return found


def _leaves_it(event: Found, found: list[Found]) -> bool:
    """Whether `event` appoints a person the item reads, by name, leaving the same role at the same company: one role is not
    taken and left in one item, and the departure is the reading to keep ("Hays announces CEO departure" over "the departure
    of CEO Dirk Hahn", holdout28 rh28-0136; "Shoprite gets new CEO, Whitey Basson to retire", holdout25 rh25-0228; "... take
    over from Andrew Mackenzie as CEO", holdout13 rh13-0134). A departure read through "he" is the weaker reading: it stops
    nothing ("he would be stepping down as CEO" after "the appointment of Ravi Kumar S as CEO", holdout16 rh16-0165)."""
    if event.change != "appointed":
        return False
    role = (event.title or "").lower()
    return any(other.change == "departed" and other.person == event.person and other.company == event.company
               and (other.title or "").lower() == role and "(he/she = " not in other.rule for other in found)


def _is_company(person: str | None, companies: frozenset[str]) -> bool:
    """"Acme Robotics named Jordan Blake VP": "Acme Robotics" is the headline's company (or says Robotics), not the person."""
    return person is not None and (person in companies or has_company_suffix(person))


def _named_enough(event: Found, rule: Rule, known: list[str]) -> bool:
    """A lone surname is a person only where a title vouches for it or the item writes the full name."""
    if rule.name in _NAMED_SUCCESSOR and event.change == "appointed" and " " not in (event.person or " "):
        return full_name(event.person or "", known) != event.person  # "Uber To Replace Kalanick As CEO": "Uber" is no successor
    if (rule.name == "surname-named-title" and event.person and " " not in event.person and event.company in known
            and full_name(event.person, known) == event.person):
        return False  # "Toyota named Koji Sato president and CEO": the company named a person, not "Toyota" named Koji Sato's CEO
    return event.person is None or " " in event.person or rule.surname_ok or full_name(event.person, known) != event.person


_LISTS = frozenset({"departed_list", "appointed_list"})  # kinds of rule that read a list of people


def _no_one(person: str | None, known: list[str]) -> bool:
    """Whether a name a list rule read is a lone English word or place the item never writes in a full name: a list of only
    these lists no one ("Raises $60M in Equity and Debt, Leaves ...", holdout16 rh16-0217; "CREW GOLD of London, U.K., has stepped
    down", holdout23 rh23-0200), while "Gates and Ballmer step aside" lists two surnames."""
    if not person or " " in person or full_name(person, known) != person:
        return False
    return is_place(person) or _nation(person) or person.lower().rstrip(".") in ("uk", "u.k") or person.lower() in common_words()


# Kinds of rule that read both people of a succession.
_SUCCESSIONS = frozenset({"succession", "succession_rev"})
_SURNAME = re.compile(r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?")


def _full_person(person: str | None, known: list[str]) -> bool:
    """Whether a successor is a person the item names in full: words that are names, not English words ("Pick The Right
    Leader' To Replace Clark")."""
    words = full_name(person, known).split() if person else []
    return len(words) > 1 and all(_NAME_WORD.fullmatch(word) for word in words) and not all(
        word.lower() in common_words() for word in words)


_NAME_WORD = re.compile(r"[A-Z][\w.-]*(?:['’][A-Z][\w-]*)?|[a-z]{1,3}")  # "O’Connor", "de", "van"


def _replaced_surname(person: str | None, match: re.Match[str], clause: Marked, known: list[str]) -> bool:
    """Whether the lone word a succession replaces is a surname: a plain capitalised word, no owner of what follows
    ("replace Regions' Dowd Ritter"), no English word ("Father passes reins to son"), and no part of a full name the item
    writes (that name would have completed it)."""
    if not person or not _SURNAME.fullmatch(person) or person.lower() in common_words():
        return False
    after = clause.text[match.end("p2"):match.end("p2") + 3] if match.groupdict().get("p2") else ""
    if after.startswith(("⟫'", "⟫’")):
        return False
    return not any(person in name.split() for name in known)


# Rules whose lone surnames are vouched for by the role, except the successor's, which the item must name in full somewhere.
_NAMED_SUCCESSOR = frozenset({"person-replaces-person-as"})


def _respective(title: str | None, count: int) -> list[str | None]:
    """"CEO and president" for two people: one title each; otherwise the same title for all."""
    if title and count > 1:
        parts = _TITLE_PARTS.split(title)
        if len(parts) == count:
            return parts
    return [title] * count




def _without_demonym(person: str | None) -> str | None:
    """"Norwegian Bjørn Gulden" → "Bjørn Gulden"; a nationality alone ("Filipino") is no one."""
    if person is None:
        return None
    first, _, rest = person.partition(" ")
    if first.lower() in DEMONYMS:
        return rest if " " in rest else ""
    return person


def _person_ok(person: str, rule: Rule) -> bool:
    """A name run that can be the person of a change: not "Kalpavriksh Fund Exits D2C Brand" (a fund is an organisation)."""
    return person_like(person) and not ORGANISATION & set(person.lower().split())


_NOT_A_COMPANY = ""  # what `_company` returns when the clause names a place or an office where the role is


def _company(clause: Marked, groups: dict[str, str | None], appointed: bool = False) -> str | None:
    """The company a match names (None when it names none), or `_NOT_A_COMPANY` when the name is not a company.

    For an appointment, the company in the person's apposition is where they work now, not where the new
    role is ("Briggs Morrison, a senior vice president of research at Merck, Pfizer's rival, will become ...").
    """
    for key in ("co", "co2", "co3", "dco", "dco2", "dco3", "dco4", "aco", "aco2"):
        if appointed and key.startswith("aco"):
            continue
        if groups.get(key) is not None:
            if key.startswith("aco") and FORMER.search(groups.get("appos") or ""):
                continue  # "Jane Doe, a former Oracle executive,": not where the role is
            based = BASED.match(clause.text, clause.text.find(f"⟪{groups[key]}⟫"))
            if based:  # "CEO of Brentwood, Tenn.-based Quorum Health": the place, then the company
                groups = {**groups, key: based.group(1)}
            company = plausible_company(clause.name(groups[key]) or "")
            if company is not None and is_nation(company):
                # "Maybank Philippines' first Filipino president": where the person is from; "quits as CEO of Zimbabwe's
                # state-controlled Kuvimba Mining House" (holdout17 rh17-0148): where the company is
                continue
            if company is None or set(company.lower().split()) & PUBLIC:
                if key == "co":
                    return _NOT_A_COMPANY  # "First US CTO Aneesh Chopra": the role is not at a company
                continue  # "at the Volkswagen-owned subsidiary": no name given after all
            return without_legal_form(company)
    return None


def _complete_person(event: Found, known: list[str]) -> Found:
    if event.person is not None:
        completed = full_name(event.person, known)
        if completed != event.person:
            event.rule += f" ({event.person!r} is {completed!r} in the item)"
        event.person = completed
    return event


def _resolve_pronouns(found: list[Found], marked: list[Marked]) -> list[Found]:
    """"he leaves Apple" is about the person named last before it; with no one named before, it is dropped.

    With no change read for anyone before it, "he" is the one person the sentences before name, if they name
    exactly one ("Anders Monrad Rendtorff ... will join Vestas in his new position ... He succeeds Morten Albæk").
    """
    resolved = []
    for number, event in enumerate(found):
        if event.pronoun:
            before = [e.person for e in found[:number] if e.person and (e.clause < event.clause or e.position < event.position)]
            if not before:
                companies = {e.company for e in found if e.company}
                before = list(dict.fromkeys(name for clause in marked[: event.clause] for name in clause.names if " " in name
                                            and person_like(name) and name not in companies and not has_company_suffix(name)
                                            and not ORGANISATION & set(name.lower().split())))
            people = {p for p in before}
            if len(people) != 1:
                continue  # two people could be "he": do not guess
            event = replace(event, person=before[-1], pronoun=False, rule=f"{event.rule} (he/she = {before[-1]})")
        resolved.append(event)
    return resolved


# Honorifics a name run takes in ahead of a person's name that labels never keep ("Captain Xu Lirong", holdout25 rh25-0042;
# "Ato Tewolde Gebremariam", holdout15 rh15-0213; "Alhaji Aliko Dangote", holdout21 rh21-0138; "Hon Oliver F. Clarke", holdout26
# rh26-0068). Not "Sir", which labels keep (LABELLING.md writes the name as the item does).
_HONORIFICS = frozenset("captain capt hon honourable honorable alhaji ato engr professor".split())


def _plain_person(event: Found) -> Found:
    """The change with its person's name less an honorific (`_HONORIFICS`) the name run took in ahead of it; the name keeps
    two words at least (a surname alone after the honorific stays as read)."""
    person = event.person or ""
    first, _, rest = person.partition(" ")
    if first.lower().rstrip(".") in _HONORIFICS and " " in rest:
        event.rule += f" (person {person!r} without the honorific)"
        event.person = rest
    return event


def _without_company(person: str | None, company: str | None) -> str | None:
    """"Instagram Kevin Systrom" → "Kevin Systrom" when the item is about Instagram (a name run took both)."""
    if person and company and person.startswith(company + " ") and len(person.split()) - len(company.split()) >= 2:
        return person[len(company) + 1 :]
    return person


def _extraction(event: Found) -> Extraction:
    role = classify_title(event.title, officer=True) if event.title else None  # the one title classifier
    attributes = {
        "person": event.person,
        "title": event.title,
        "function": role.function if role else None,
        "seniority": role.seniority if role else None,
    }
    why = f"{event.rule} ({event.where}): {event.evidence!r}" + ("; title taken from the predecessor" if not event.explicit else "")
    return Extraction(EventType.LEADERSHIP, event.change, event.company, attributes, why=why)
