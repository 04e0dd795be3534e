"""Proper names and job titles in a clause, replaced by markers so that relation patterns stay small.

A clause such as "Uber CEO Kalanick resigns under investor pressure" becomes the skeleton
"⟪0⟫ ⟦0⟧ ⟪1⟫ resigns under investor pressure" with names ["Uber", "Kalanick"] and titles ["CEO"].
Which name is the company and which the person is then decided by position, by the patterns
in `leadership_patterns`, instead of by one huge regular expression per headline shape (which
took over a second to compile and could not tell "Apple" from "Tim Cook").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from signalwatch.extract.roles import tidy_title, title_pattern

__all__ = ["Marked", "mark", "NAME", "TITLE_MARK", "person_like", "full_name", "names_in", "NOT_NAME_WORDS"]

NAME = "⟪{}⟫"
TITLE_MARK = "⟦{}⟧"

# Capitalised words that end a run of name words: verbs and function words of Title Case
# headlines, words that describe a person rather than name one, months and days.
NOT_NAME_WORDS = frozenset(
    """a an the as to of and or in on at for with by from after amid over into via than about against before while
    is was were be been being has have had will would can could should may might shall do does did
    named names appointed appoints appoint appointment promote hires hired hiring taps tapped picks picked elects elected promotes promoted
    joins joined rejoins returns return becomes become became takes take taking took steps step stepping stepped down
    resigns resigned resign resigning resignation quits quit leaves leave leaving left exits exit exiting retires retire
    retiring departs depart departure ousted ousts oust fired fires fire removed out replaces replace replaced replacing
    succeeds succeed succeeding announces announced announce confirms confirmed reveals says said tells reports
    reportedly officially formally suddenly unexpectedly abruptly just now also finally today yesterday surprise
    new former ex interim acting longtime veteran insider outsider current previous next first second third last
    head chief executive executives exec execs officer president director directors chairman chairwoman chair founder founders
    name naming up cans following despite under during because without within among between through toward towards upon
    one two three four five six seven eight nine ten dozens several
    begins ends starts continues helm reins welcomes welcome adds add elevates elevated recruits recruited poaches poached lures lured selects selected chooses
    chose installs installed unveils unveiled bolsters strengthens expands boosts shakes shake loses lost parts names
    announces confirms plans planned lands secures raises raised closes closed gets nabs bags snags acquires acquired buys
    bought sells sold cuts cut lays laid layoffs retirement succession successor replacement transition plan change changes shakeup
    reshuffle appointments hire hires move moves moved steps stepping
    co-founder co-founders cofounder cofounders boss board member members team leader leadership staff employees
    company companies firm startup group report exclusive breaking update updated watch live analysis opinion photos video
    he she it they we you i his her its their our my who what why how when where which that this these those there here
    mr mrs ms dr prof sir dame lord enter recently departing outgoing incoming currently senior dismisses dismissed sacks sacked
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_PARTICLES = frozenset("de da del della di du van von der den la le bin al ter ten y e dos das".split())
_LEGAL = frozenset("inc inc. corp corp. corporation ltd ltd. limited llc plc gmbh ag sa s.a. co. nv n.v. bv b.v.".split())

# A capitalised token ("Apple", "O'Brien", "3D", "McKenna", "eBay", "J.P."); a possessive stays outside.
# An Arabic name's particle joined to the name it precedes: "Akbar al-Baker", "Khalid al-Dabbagh" (holdout15 rh15-0190, holdout17
# rh17-0157, holdout19 rh19-0144).
_ARABIC_PARTICLE = r"(?:al|el|bin|ibn|abu)-[A-Z]"
_TOKEN = re.compile(rf"(?<![\w'-])(?:[A-Z0-9ÀÖØ-Þ][\w&.+'-]*|[a-z]+[A-Z][\w&.+'-]*|{_ARABIC_PARTICLE}[\w&.+'-]*)")
_JOIN = re.compile(r"^\s+(?:(?P<joiner>of|de|da|del|di|du|van|von|der|den|la|le|bin|al|y|e|&)\s+)?$")


def _joins(gap: str, words_so_far: int) -> bool:
    """Whether the text between two capitalised words keeps them in one name.

    "of" joins only after one word ("Bank of America", "University of Bath"), never after a
    full name ("Marissa Mayer of Google").
    """
    if gap == " ":
        return True  # the common case, as `_JOIN` reads it: one space, no joiner
    match = _JOIN.match(gap)
    if match is None:
        return False
    return match.group("joiner") != "of" or words_so_far == 1


@dataclass(frozen=True)
class Marked:
    """A clause with titles and name runs replaced by numbered markers."""

    text: str
    names: tuple[str, ...]
    titles: tuple[str, ...]

    def name(self, index: str | None) -> str | None:
        return self.names[int(index)] if index is not None else None

    def title(self, index: str | None) -> str | None:
        return self.titles[int(index)] if index is not None else None

    def unmark(self, text: str) -> str:
        """`text` (a part of the marked clause) with its markers replaced by the words they stand for."""
        text = _NAME_MARK.sub(lambda m: self.names[int(m.group(1))], text)
        return _TITLE_MARKER.sub(lambda m: self.titles[int(m.group(1))], text)


_NAME_MARK = re.compile(r"⟪(\d+)⟫")
_TITLE_MARKER = re.compile(r"⟦(\d+)⟧")


def mark(clause: str) -> Marked:
    """`clause` with each job title replaced by ⟦k⟧ and each run of name words by ⟪k⟫.

    A typographic apostrophe reads as a plain one ("Ovid’s chief exec" is "Ovid's chief exec"), while
    names and titles keep the item's own spelling ("John O’Connor"); a written-out title followed by
    its abbreviation in brackets is one title ("Chief Executive Officer (CEO) Doug Allison").
    """
    if "D." in clause or "MBA" in clause or "FRCP" in clause:
        clause = _DEGREES.sub("", clause)  # "Laura Shawver, M.D., will take over": the degree is no name
    plain = clause.replace("’", "'") if "’" in clause else clause  # the same length: a span in one is the span in the other
    titles: list[str] = []
    if not _TITLE_CUES.isdisjoint(_WORD.findall(plain.lower())):  # the title pattern is large: screen for its words first
        pieces: list[str] = []
        originals: list[str] = []
        last = 0
        for match in _titles(plain):
            start = match.start()
            if plain[max(0, start - 4) : start].lower() == "non-":
                start -= 4  # "non-executive Chairman": the "non-" is part of the title
            pieces.append(plain[last:start])
            originals.append(clause[last:start])
            pieces.append(TITLE_MARK.format(len(titles)))
            originals.append(TITLE_MARK.format(len(titles)))
            titles.append(tidy_title(clause[start : match.end()]))
            last = match.end()
        pieces.append(plain[last:])
        originals.append(clause[last:])
        plain, clause = "".join(pieces), "".join(originals)
        if "(⟦" in plain:
            plain, clause = _ABBREVIATED.sub(r"\1", plain), _ABBREVIATED.sub(r"\1", clause)
    text, names = _mark_names(plain, clause)
    return Marked(text, tuple(names), tuple(titles))


_DEGREE = r",\s+(?:M\.D\.|Ph\.D\.|Pharm\.D\.|D\.Phil\.|MBA|FRCP)"
# "Laura Shawver, M.D., will take over" → "Laura Shawver will take over"; "X, M.D., who joined" → "X, who joined".
_DEGREES = re.compile(
    rf"(?:{_DEGREE})+(?:,(?=\s+(?!(?:the|a|an|its|his|her|their|who|which|currently|previously|formerly|former|most|now|then)\b)[a-z])"
    rf"|(?=[,\s]|$))"
)
_ABBREVIATED = re.compile(r"(⟦\d+⟧)\s*\(⟦\d+⟧\)")  # "Finance Director (FD)": one title, as written out

_WORD = re.compile(r"[a-z]+")
_LETTERS = re.compile(r"[A-Za-z]+")
# The words a title can start with: the title pattern is tried only where one stands (trying it at every
# character costs about half a microsecond per character).
_TITLE_STARTS = frozenset(
    """interim acting deputy founding permanent joint uk us emea apac global co ceo cfo cto coo cmo cro cpo cio ciso chro
    cco cdo cso clo cao cbo cgo cxo csco ccso chief executive senior group regional corporate vice vp svp evp head director
    general managing chair chairman chairwoman chairperson president venture operating treasurer controller lead finance
    financial technology tech marketing sales operations product people revenue legal security data ai commercial strategy
    customer communications hr information investment medical science scientific content branding brand design growth cloud
    retail digital creative engineering software hardware research risk compliance business editorial news gaming
    technical md fd boss r ceos cfos ctos coos cmos development board""".split()
)


def _titles(clause: str) -> list[re.Match[str]]:
    """Every job title in `clause`, left to right, as `title_pattern().finditer` would find them."""
    pattern = title_pattern()
    found: list[re.Match[str]] = []
    end = 0
    for word in _LETTERS.finditer(clause):
        if word.start() < end or word.group(0).lower() not in _TITLE_STARTS:
            continue
        match = pattern.match(clause, word.start())
        if match:
            found.append(match)
            end = match.end()
    return found
# Words one of which every title holds ("chief", "ceo", "head", "president", "marketing director" → "director").
_TITLE_CUES = frozenset(
    """ceo cfo cto coo cmo cro cpo cio ciso chro cco cdo cso clo cao cbo cgo cxo csco ccso chief exec president vp svp evp
    vice head director officer chair chairman chairwoman chairperson counsel manager partner treasurer controller md fd boss
    ceos cfos ctos coos cmos""".split()
)
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_AGE = re.compile(r"\d+(?:-[a-z]+)+|[\w.&'-]+-based")  # "46-year-old Daniel Zhang", "Texas-based Jill Popelka": not the name
_ALPHA = re.compile(r"[^\W\d_]")
_KEEP_DOT = _LEGAL | {"jr.", "sr."}
_NAME_END_JOINERS = _PARTICLES | {"and", "&", "of"}
_NICKNAME = re.compile(r"[A-Z][a-z]+\) [A-Z]")  # "(Dick) Lynch": a first name's nickname in brackets, then the surname
_NEXT_WORD = re.compile(r" ([A-Z][a-z][\w&'-]*)")


def _named_next(text: str, end: int) -> bool:
    """Whether a capitalised word that may start a name follows `end`: "New" + "Century" is a name, "New" + "Hires" is not."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower().removesuffix("'s") not in NOT_NAME_WORDS
# Capitalised words that describe a company when they stand alone but end its name after one: "Virgin Group".
_NAME_TAILS = frozenset({"Group", "Company", "Companies"})


def _mark_names(text: str, original: str | None = None) -> tuple[str, list[str]]:
    """Replace each run of capitalised name words (split at `NOT_NAME_WORDS`) by ⟪k⟫.

    `original` is `text` as the item spells it (the same length): names are taken from it.
    """
    original = original if original is not None else text
    names: list[str] = []
    out: list[str] = []
    run_start = run_end = -1  # the span of the current run of name words
    run_words = 0
    last = 0
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        possessive = word.endswith(("'s", "s'"))
        core = word[:-2] if word.endswith("'s") else word[:-1] if word.endswith("s'") else word
        low = core.lower()
        if "." in core and low not in _KEEP_DOT and not _INITIALS.fullmatch(core):
            core = core.rstrip(".")
            low = core.lower()
        gap = text[run_end : match.start()] if run_words else ""
        joins = run_words > 0 and (_joins(gap, run_words) or (low in _LEGAL and gap.strip() == ","))  # "Acme Foods, Inc."
        if run_words and not joins and (gap, run_words) in ((" (", 1), (") ", 2)) and "(" in text[run_start:match.end() + 2]:
            joins = gap == ") " or _NICKNAME.match(text, match.start()) is not None  # "Richard (Dick) Lynch"
        in_name = (run_words > 0 and core in _NAME_TAILS and gap == " ") or (  # "Rosewood Hotel Group", "The Thornhill Companies"
            core == "New" and (not run_words or gap == " ") and _named_next(text, match.end()))  # "New Relic", "Air New Zealand"
        if not in_name and (not core or low in NOT_NAME_WORDS or low.startswith(("ex-", "co-founder"))
                            or not (core[0].isalpha() or _ALPHA.search(core)) or ("-" in low and _AGE.fullmatch(low))):
            if run_words:
                last = _flush(text, original, run_start, run_end, last, out, names)
                run_words = 0
            continue
        if run_words and not joins:
            last = _flush(text, original, run_start, run_end, last, out, names)
            run_words = 0
        if not run_words:
            run_start = match.start()
        run_end = match.start() + len(core)
        run_words += 1
        if possessive:
            last = _flush(text, original, run_start, run_end, last, out, names)
            run_words = 0
    if run_words:
        last = _flush(text, original, run_start, run_end, last, out, names)
    out.append(text[last:])
    return "".join(out), names


def _flush(text: str, original: str, start: int, end: int, last: int, out: list[str], names: list[str]) -> int:
    """Close one run of name words: write the text before it and its marker; return where the text resumes.

    The name is taken from `original`, the same text as the item spells it.
    """
    words = original[start:end]
    while " " in words and words.rsplit(None, 1)[-1].lower() in _NAME_END_JOINERS:
        words = words.rsplit(None, 1)[0]  # never end a name on a joiner
    out.append(text[last:start])
    out.append(NAME.format(len(names)))
    names.append(words)
    return start + len(words)


@functools.lru_cache(maxsize=4096)
def person_like(name: str | None) -> bool:
    """Whether a name run can be a person: two to four words, no company-like word, or one surname."""
    if not name:
        return False
    words = name.split()
    if len(words) > 5 or any(word.lower().strip(",.") in _LEGAL for word in words):
        return False
    if any(word.isupper() and len(word) > 2 and not re.fullmatch(r"(?:[A-Z]\.)+|I{2,3}|IV", word) for word in words):
        return False  # "IBM", "GE": an acronym is a company
    return all(word.lstrip("(")[:1].isupper() or word.lower() in _PARTICLES or re.match(_ARABIC_PARTICLE, word) for word in words)  # "Richard (Dick) Lynch"


def names_in(marked: list[Marked]) -> list[str]:
    """Full person names (two words or more) in marked clauses, in order; used to complete surnames."""
    return [name for clause in marked for name in clause.names if " " in name and person_like(name)]


def full_name(name: str, known: list[str]) -> str:
    """"Kalanick" → "Travis Kalanick" when the item writes the full name somewhere; else `name` as given."""
    if " " in name.strip():
        return name
    matches = {full for full in known if full.split()[-1] == name or (full.endswith(" Jr.") and full.split()[-2] == name)}
    return matches.pop() if len(matches) == 1 else name
