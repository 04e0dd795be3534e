"""The company of an item's leadership changes when their own clause names none: the headline's lead company, else the
company the summary names for a change.

The headline's company is the one a headline rule named, else its first name that is no person, no former employer and
no public office, preferring the part a summary writes as a name when the headline's capitals may be Title Case
("Cisco Switches Up C-Suite" → "Cisco"). When the headline names none, or only seems to, a summary change takes the
company its clause reports it for ("FedEx Corp. (NYSE: FDX) said ..."), the one after a place ("Brentwood, Tenn.-based
Quorum Health"), or the one a description before the person's name gives them a role at ("UPMC Health Plan CEO Diane
Holder", "chairman of The Copley Press Inc., Helen K. Copley").
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Sequence
from importlib import resources

from signalwatch.extract.leadership_company import without_legal_form
from signalwatch.extract.leadership_found import Found
from signalwatch.extract.names import Marked, person_like
from signalwatch.extract.refusals import Refusals
from signalwatch.extract.text import has_company_suffix, plain_capitals, plausible_company, title_case, written_as_name
from signalwatch.matching.names import common_words

__all__ = ["BASED", "DEMONYMS", "PARENT_OF", "PUBLIC", "TITLE_BEFORE", "is_nation", "lead_company", "moved_to",
           "summary_companies"]

# Words that make a name a public office rather than a company: "a government post is not a company".
PUBLIC = frozenset(
    """government ministry department parliament senate congress administration cabinet white house agency fda sec ftc fcc
    nasa cdc nih epa fbi cia doj irs nhs pentagon""".split()
)
# Nationalities a name run takes in ahead of a person ("Norwegian Bjørn Gulden, 57, will become CEO"): never a name, never a company
# (leadership and funding: "Mexican challenger albo raises $45m").
DEMONYMS = frozenset(
    """american british english scottish welsh irish french german dutch belgian swiss austrian italian spanish portuguese danish
    swedish norwegian finnish icelandic polish czech hungarian greek turkish russian ukrainian israeli indian pakistani chinese
    japanese korean taiwanese filipino indonesian malaysian singaporean thai vietnamese australian canadian mexican brazilian
    argentine argentinian chilean colombian nigerian kenyan ghanaian egyptian ethiopian emirati saudi qatari
    peruvian lebanese congolese togolese cypriot""".split()
)
# Regions a headline names as it names a country ("expand to the Middle East", "Southeast Asia's startups").
_REGIONS = frozenset({"africa", "asia", "europe", "middle east", "southeast asia", "south east asia", "latin america", "north america",
                      "south america", "east africa", "west africa", "southern africa", "north africa", "the middle east", "asean"})
# How a nationality is made from its country's name: "Bulgaria" + "n", "Canad(a)" + "ian", "Japan" + "ese", "Pakistan" + "i".
_DEMONYM_ENDINGS = (("ian", ("", "a", "ia")), ("ean", ("", "a", "e")), ("an", ("", "a")), ("n", ("",)), ("ese", ("", "a")), ("i", ("",)))
# The everyday short names of countries an ISO name never is alone: "U.S.", "UK", "UAE".
_SHORT_COUNTRIES = frozenset({"us", "u s", "usa", "u s a", "uk", "u k", "uae"})

_NAME_END = re.compile(r"(?:['’]s)?\.?$")  # a possessive or a full stop after a name ("Kenya's", "U.S.")


def _without_name_end(name: str) -> str:
    """`_NAME_END.sub("", name)` by string tests: the pattern, tried at every position of the name, cost `is_nation` about half
    its time (round 18). A name with a line break, where "$" also matches before it, goes to the pattern."""
    if "\n" in name:
        return _NAME_END.sub("", name)
    base = name[:-1] if name.endswith(".") else name
    return base[:-2] if base.endswith(("'s", "’s")) else base


def is_nation(name: str) -> bool:
    """Whether a name run is a country, a region or a nationality, never a company ("Ghana", "U.S.", "Middle East",
    "South African", "Bulgarian", "Kenyans"): countries by the ISO 3166-1 names the accounts module ships (not its codes:
    "GE" is General Electric), nationalities by how they are made from a country's name (see `_DEMONYM_ENDINGS`)."""
    if not name[:1].isupper():
        return False  # a cheap screen first: every country, region and nationality is written capitalised
    folded = " ".join(_without_name_end(name).replace(".", " ").lower().split())
    if not folded or not folded[0].isalpha():
        return False
    if folded in _REGIONS or folded in _SHORT_COUNTRIES or folded in DEMONYMS or (folded.endswith("s") and folded[:-1] in DEMONYMS):
        return True
    if _country(folded):
        return True
    stem = folded[:-1] if folded.endswith("ns") else folded  # "Kenyans": the people of a country
    for ending, additions in _DEMONYM_ENDINGS:
        if stem.endswith(ending) and len(stem) > len(ending) + 2:
            root = stem[: -len(ending)]
            if any(root + extra in _REGIONS or _country(root + extra) for extra in additions):
                return True
    return False


def _country(folded: str) -> bool:
    """Whether a lower-case name is a country's ISO 3166-1 name; never a code ("ge", "maf"): companies go by such initials."""
    return folded in _countries()


# Everyday names of countries the ISO list writes otherwise ("Turkey" is "Türkiye", "Vietnam" "Viet Nam").
_EVERYDAY_COUNTRIES = ("turkey", "vietnam", "russia", "korea", "south korea", "north korea", "britain", "great britain", "england",
                       "scotland", "wales", "northern ireland", "holland", "czech republic", "ivory coast", "burma", "america")


@functools.cache
def _countries() -> frozenset[str]:
    """The names (not codes) of ISO 3166-1 countries as the accounts module ships them, lower case and unaccented; read on first use."""
    rows = json.loads(resources.files("signalwatch.accounts").joinpath("iso_3166_1.json").read_text("utf-8"))["countries"]
    folded = (" ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()).lower().split())
              for row in rows for name in row[2:] if name)
    return frozenset(name for name in folded if len(name) > 3) | frozenset(_EVERYDAY_COUNTRIES)


# A title right before a name: "Optima Health CEO Michael Dudley" is a person, not a company.
TITLE_BEFORE = re.compile(r"⟦\d+⟧\s*$")


# What follows a name that is a person, not the company the headline is about.
_PERSON_SUBJECT = re.compile(r"^\s+(?:(?:is|was|has\s+been|to\s+be|officially)\s+)?(?:named|appointed|elected|tapped|promoted|hired|"
                             r"steps?\s+(?:down|aside)|resigns|retires|departs|exits|ousted|fired)\b", re.IGNORECASE)


def lead_company(headline: Marked, found: list[Found], summary: str = "", named_people: Sequence[str] = (),
                 refusals: Refusals[Found] | None = None) -> tuple[str | None, bool]:
    """The company a headline is about, and whether it is sure: one a headline rule named, else its first name that is not a person.

    That first name is only a guess, and a capital letter is no evidence of a name on a headline's
    first word or anywhere in a Title Case headline ("Read the full text of Jeff Weiner's parting note
    on his last day as LinkedIn CEO", "Cisco Switches Up C-Suite"). So when the item has a summary, a
    name the summary writes (or the part of it the summary writes: "Cisco") is preferred; only when
    none is written does the first guess stand, as a guess (not sure). A word the item writes only as the surname of one of
    `named_people` (the full names it writes) is a person, not a company. `refusals` is told of the guesses refused when none
    stands.
    """
    named = next((e.company for e in found if e.clause == 0 and e.company and not e.elsewhere), None)  # not the one a person leaves for
    if named:
        return named, True
    people = {e.person for e in found if e.person}
    people |= {person.split()[-1] for person in people}
    guess = surname = trailing = None
    wording: list[str] = []  # guesses refused as the headline's wording
    lead_in = _LEAD_IN.match(headline.text)
    for number, name in enumerate(headline.names):
        if lead_in and f"⟪{number}⟫" in lead_in.group(0):
            continue  # "As Merck boosts R&D pact, NGM Bio gains ...": the lead-in clause is not what the headline is about
        before, _, after = headline.text.partition(f"⟪{number}⟫")
        if name in people or _PERSON_SUBJECT.search(after[:40]) or TITLE_BEFORE.search(before) or _SUCCEEDED_BEFORE.search(before):
            continue  # "…, Nadella named new Microsoft CEO": the subject of a role verb is a person; "replaces Lazari at Bradesco"
        if " " not in name and _only_a_surname(name, summary, named_people):
            surname = surname or name  # the last resort: the changes must still be reported
            continue  # "Motor king Nagamori pins hopes on deputy in Nidec succession" / "founder Shigenobu Nagamori"
        if _FORMER_EMPLOYER.match(after) or PARENT_OF.match(after) or (_FROM_BEFORE.search(before) and _TO_AFTER.match(after)):
            continue  # "J&J Veteran to Lead Boston Scientific", "hops from KSQ to Rhythm Pharmaceuticals": where the person was
        first, _, rest = name.partition(" ")
        if rest and first.lower() in _TO_VERBS and _TO_BEFORE.search(before):
            name = rest  # "to Lead Boston Scientific": a Title Case verb, then the company
        if name.upper() in _NOT_LEAD:
            continue
        company = plausible_company(name)
        if not company or set(company.lower().split()) & PUBLIC or is_nation(company):
            continue  # "South African executive Pieter Boone resigns as Pick 'n Pay CEO" (holdout15 rh15-0132): where, not who
        if not summary or not _capitals_uncertain(company, headline, number):
            return without_legal_form(company), True
        written = _written_part(company, summary)
        if written:
            return without_legal_form(written), True
        trailing = trailing or _written_tail(company, summary)
        if not _words_only(company):
            guess = guess or company
        else:
            wording.append(company)
    guess = trailing or guess or surname
    if guess is None and wording and refusals is not None:
        refusals.note("the headline's " + ", ".join(map(repr, wording)), "only English words the summary never writes: no company")
    return (without_legal_form(guess) if guess else None), False


# A headline about a person moving: the company they come from, named with their role there ("Greencore CFO", "Biogen's early R&D
# chief", "BMS oncology head", "former Amgen exec"), then the one they go to ("to take top job at Paddy Power", "to take Unity CEO
# post", "swings to Syndax", "joins Moderna as CFO").
_FROM_ROLE = re.compile(r"⟪(?P<o>\d+)⟫(?:'s|’s)?\s+(?:(?!(?i:appoints|names|hires|promotes|taps|picks|poaches|elevates|recruits|adds|ousts|"
                        r"fires|appointed|named|hired|promoted)\b)[\w&-]+\s+){0,2}?(?:⟦\d+⟧|(?i:exec|executive|head|boss|chief)\b)")
_GOES_TO = re.compile(r"\b(?i:to|at|joins?|lead|leads|heads?)\s+(?:[a-z][\w-]*\s+){0,3}?⟪(?P<d>\d+)⟫|\b(?i:take|takes|taking|as)\s+⟪(?P<d2>\d+)⟫(?:'s|’s)?\s+⟦")


_EX_BEFORE = re.compile(r"(?i:\bex-|\bformer\s+)$")  # "to ex-Airbus Defense & Space boss Dirk Hoke": where the successor was


def moved_to(headline: Marked, lead: str | None, people: set[str]) -> str | None:
    """The company a headline says a person moves to from `lead`, the company it names with their role there (see `_FROM_ROLE`);
    None when it tells of no such move. `people` are the names and surnames of the item's people, never the new company.
    The mover's appointment is at the new company (holdout6 rh6-0190 "Biogen's early R&D chief Ghosh leaves to take Unity CEO post").
    """
    origin = _FROM_ROLE.search(headline.text)
    if lead is None or origin is None or headline.name(origin.group("o")) != lead:
        return None
    for match in _GOES_TO.finditer(headline.text, origin.end()):
        name = headline.name(match.group("d") or match.group("d2")) or ""
        company = plausible_company(name)
        former = _EX_BEFORE.search(headline.text, 0, match.start("d") if match.group("d") else match.start("d2"))
        if company and company != lead and name not in people and not former and not set(company.lower().split()) & PUBLIC:
            return without_legal_form(company)
    return None


def _words_only(name: str) -> bool:
    """Whether a name run is only English words ("Channel Leaders", "Came Back", "Hotel-Hopper"): as a guess from a Title Case headline whose
    summary never writes it, that is the headline's wording, not a company (holdout3 rh3-0090, holdout12 rh12-0066)."""
    return all(word in common_words() for word in name.lower().replace("-", " ").split())


_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")  # "Top", "New": a word only a headline's Title Case capitalises, unlike "3D" or "BRIEF-"
# A name a succession verb takes as its object is the person replaced: "Noronha finally replaces Lazari at Bradesco".
_SUCCEEDED_BEFORE = re.compile(r"\b(?i:replaces|replaced|replacing|succeeds|succeeded|succeeding)\s+$")


def _only_a_surname(word: str, summary: str, named_people: Sequence[str]) -> bool:
    """Whether `summary` writes `word` only as the surname of a full name it gives a person ("Shigenobu Nagamori"), never
    alone ("Dell" beside "Michael Dell" is the company when the summary also writes "Dell said")."""
    owners = [name for name in named_people if name.split()[-1] == word]
    if not owners or not summary:
        return False
    return summary.count(word) == sum(summary.count(name) for name in set(owners))


def summary_companies(found: list[Found], marked: list[Marked]) -> None:
    """Fill in the company of each summary event that names none, from the summary's own words; then, when the events so
    named agree on one company, the rest take it.

    For items whose headline names no company or only seems to ("Key departure", "People & Places", "How These Banks Aim
    to ..."): "FedEx Corp. (NYSE: FDX) said Tuesday that Henry J. Maier ... will retire", "After nearly 30 years as
    chairman of The Copley Press Inc., Helen K. Copley announced her retirement", "UPMC Health Plan CEO Diane Holder".
    """
    people = {e.person for e in found if e.person} | {name for clause in marked for name in clause.names if " " in name and person_like(name)
                                                       and not has_company_suffix(name)}
    surnames = {name.split()[-1] for name in people}
    for event in found:
        if event.company is None and event.person and event.clause > 0:
            event.company = _clause_company(marked[event.clause], event.position, people, surnames) or _holder_company(event.person, marked)
            if event.company:
                event.rule += f" (company {event.company!r} as the summary names it for this change)"
    named = {e.company for e in found if e.company}
    if len(named) == 1:  # "Succeeding her is her son, David C. Copley.": a clause that gives no other company a role is about this one
        only = next(iter(named))
        for event in found:
            if event.company is None and not _role_elsewhere(marked[event.clause], only, people):
                event.company = only
                event.rule += f" (company {event.company!r}, the only one the item's other changes name)"


# A role at a company, written with the company: "CEO of University of Rochester (N.Y.) Medical Center", "Mizell Memorial Hospital
# CEO", "Opp, Ala.-based Mizell Memorial Hospital".
_ROLE_AT = re.compile(r"⟦\d+⟧\s+(?i:of|at)\s+(?:(?i:the)\s+)?⟪(\d+)⟫|⟪(\d+)⟫(?:'s|’s)?\s+⟦\d+⟧|-based\s+⟪(\d+)⟫")


def _role_elsewhere(clause: Marked, company: str, people: set[str]) -> bool:
    """Whether a clause gives a role at a company other than `company` (see `_ROLE_AT`): its change need not be at `company` (a list
    of hospitals' CEOs, holdout14 rh14-0168); "He becomes KBS's 22nd chief, succeeding Cho Dae-Hyun" gives none (holdout30
    rh30-0026)."""
    for match in _ROLE_AT.finditer(clause.text):
        name = clause.name(next(group for group in match.groups() if group is not None)) or ""
        other = without_legal_form(name)
        if name not in people and not is_nation(name) and not (other.startswith(company) or company.startswith(other)):
            return True
    return False


# "FedEx Corp. (NYSE: FDX) said Tuesday that ...", "Railtrack, the UK's private sector railway infrastructure operator, said today it
# had appointed ...": who reports it.
_REPORTER = re.compile(r"⟪(\d+)⟫(?:\s*\([^()]{1,30}\))?(?:,[^,;]{1,100}?,)?\s+(?:[\w-]+\s+){0,3}?(?i:said|says|announced|announces|confirmed|confirms|"
                       r"reported|disclosed|revealed)\b")
# "Mariposa, Calif.-based John C. Fremont Hospital", "Brentwood, Tenn.-based Quorum Health": the company after its place.
BASED = re.compile(r"⟪\d+⟫,\s+[A-Z][\w.]*-based\s+⟪(\d+)⟫")
# "chairman of The Copley Press Inc., Helen K. Copley", "UPMC Health Plan CEO Diane Holder": a person's role at a company.
_HOLDER_AT = (re.compile(r"⟦\d+⟧\s+(?i:of|at)\s+(?:(?i:the)\s+)?⟪(?P<co>\d+)⟫,?\s+⟪(?P<p>\d+)⟫"),
              re.compile(r"⟪(?P<co>\d+)⟫(?:'s)?\s+(?:[A-Z][a-z]+\s+)?⟦\d+⟧,?\s+⟪(?P<p>\d+)⟫"))


def _clause_company(clause: Marked, position: int, people: set[str], surnames: set[str]) -> str | None:
    """The company a summary clause names before the change at `position`: the one that reports it, or one after its place."""
    for pattern in (_REPORTER, BASED):
        for match in pattern.finditer(clause.text, 0, position + 1):
            name = clause.name(match.group(1)) or ""
            company = plausible_company(name)
            if company and name not in people and name.split()[-1] not in surnames and not set(company.lower().split()) & PUBLIC:
                return without_legal_form(company)  # not "Laventhol said in a Dec. 2 memo": a person's surname
    return None


def _holder_company(person: str, marked: list[Marked]) -> str | None:
    """The company at which the item gives `person` a role ("UPMC Health Plan CEO Diane Holder"), if it names one."""
    surname = person.split()[-1]
    for clause in marked:
        for pattern in _HOLDER_AT:
            for match in pattern.finditer(clause.text):
                holder = clause.name(match.group("p")) or ""
                company = plausible_company(clause.name(match.group("co")) or "")
                if company and not set(company.lower().split()) & PUBLIC and (holder == person or holder.split()[-1:] == [surname]):
                    return without_legal_form(company)
    return None


def _written_part(name: str, summary: str) -> str | None:
    """The longest leading part of `name` that `summary` writes as a name: "Cisco Switches" → "Cisco"."""
    words = name.split()
    for size in range(len(words), 0, -1):
        part = " ".join(words[:size])
        if plausible_company(part) and written_as_name(part, summary):
            return part
    return None


def _written_tail(name: str, summary: str) -> str | None:
    """`name` less its first word when that is a plain word a Title Case headline capitalised and the summary writes the rest
    as a name ("Top Nuix staff exited" / "Nuix was facing", "New Tata Motors chief" / "of Tata Motors"): a guess only,
    after every name the headline itself writes ("Young Brown gets Nedbank top job" is about Nedbank)."""
    first, _, rest = name.partition(" ")
    if rest and _PLAIN_WORD.fullmatch(first) and plausible_company(rest) and written_as_name(rest, summary):
        return rest
    return None


# What follows a name the headline gives another company by: "Holiday Inn parent's CEO", "Zalora's owner raises", "Taco Cabana,
# Pollo Tropical parent takes out $75M loan", "Guinness-owner Diageo". The company is the parent, named elsewhere.
PARENT_OF = re.compile(r"(?:['’]s|-)?(?:,\s+[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})?\s*(?i:parent|owner)\b")
# A company a person comes from, not the one the headline is about: "with IQVIA vet", "Ex-Genzyme boss Meeker hops from KSQ to".
_FORMER_EMPLOYER = re.compile(r"(?:'s)?\s+(?i:vet|vets|veteran|veterans|alum|alumnus|alumna|alumni)\b")
_FROM_BEFORE = re.compile(r"\b(?i:from)\s+$")
_TO_AFTER = re.compile(r"\s+(?i:to)\s+⟪")
_TO_BEFORE = re.compile(r"\b(?i:to)\s+$")
_TO_VERBS = frozenset({"lead", "run", "join", "head", "helm", "chair", "steer", "oversee", "guide"})
_NOT_LEAD = frozenset({"M&A", "R&D", "R & D", "IPO"})  # business terms a headline capitalises, never the company
_LEAD_IN = re.compile(r"^(?:As|After|While|With|Amid|Following|Despite|Before|Once)\s[^,]{3,80},\s")
_MARKER_FIRST = re.compile(r"^[\W_]*⟪(\d+)⟫")
_HIRING_VERB = re.compile(r"\s+(?:appoints|names|hires|taps|promotes|picks|poaches|elevates|recruits|adds|ousts|fires)\b")


def _capitals_uncertain(name: str, headline: Marked, number: int) -> bool:
    """Whether the capitals of `name` (the headline's name run `number`) may come from its place, not from being a name.

    So they may when every word is a plain capitalised word and the run starts the headline or the
    headline is in Title Case; not when the run hires someone ("Tesla appoints ex-Apple head developer").
    """
    if _HIRING_VERB.match(headline.text.partition(f"⟪{number}⟫")[2]):
        return False
    if not plain_capitals(name):  # "BHP Set to Launch ...": a Title Case verb after an acronym
        last = name.split()[-1]
        return " " in name and plain_capitals(last) and title_case(headline.unmark(headline.text))
    first = _MARKER_FIRST.match(headline.text)
    return (first is not None and int(first.group(1)) == number) or title_case(headline.unmark(headline.text))
