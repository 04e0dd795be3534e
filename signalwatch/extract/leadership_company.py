"""The company of a leadership change as the item writes its name: in full, with a brand's "'s", without a legal form.

Headlines shorten names the standfirst writes out ("Walgreens names health care vet as next CEO" /
"Walgreens Boots Alliance Inc. appointed Tim Wentworth"); LABELLING.md's company is the name as the
item gives it, and a CRM holds the full one. Only a form the summary writes, and only when it is the
one way the summary writes the company: two different longer forms ("Google Cloud", "Google DeepMind")
say nothing about which one the headline meant, so the short form stays. Initials ("RBS") become the name they spell
("Royal Bank of Scotland") unless the summary itself also writes the company by them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from signalwatch.extract.names import NOT_NAME_WORDS
from signalwatch.extract.roles import title_pattern

__all__ = ["brand_name", "fuller_form", "spelled_out", "without_legal_form"]

# A run of capitalised words right after the short form: "Boots Alliance Inc.", "Group Corp.", "Resorts Ken".
_TAIL = re.compile(r"(?: [A-Z][\w&.'’-]*){1,4}")
# Words that end a name without changing which company it is: a legal form, a group ("Alibaba Group" is Alibaba), or
# the "Motor Co." of a carmaker's registered name ("Ford Motor Co." is Ford).
_LEGAL = frozenset("inc corp corporation ltd limited llc plc gmbh ag sa s.a co nv n.v bv b.v se group holding holdings motor motors".split())
# Capitalised words that end a company's name when they follow it: a role or a word of the sentence.
_STOP = NOT_NAME_WORDS | frozenset(
    """ceo cfo cto coo cmo cro cpo cio ciso chief president chairman chairwoman chair director head executive officer board
    vice svp evp vp md managing founder cofounder co-founder""".split()
)
# A longer form followed by one of these words names a part of the company: "the new Propeller San Francisco office".
_UNIT = re.compile(r"\s+(?:office|offices|unit|division|arm|subsidiary|branch|team|business|operations|board)\b")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
# "of" and a place or a field after the name, which the name keeps: "Blue Shield of California", "Minerals Council of Australia".
_OF_TAIL = re.compile(r" of((?: [A-Z][\w&.'’-]*){1,3})")


def fuller_form(company: str, summary: str, people: Iterable[str] = ()) -> str:
    """`company` as the summary writes it in full, when that is the only way it writes it; else `company`.

    A longer form starts with the short one ("Crown" → "Crown Resorts") or spells out its last word
    ("Samsung Elec" → "Samsung Electronics"). Legal forms and groups are dropped, and a person's name
    glued to the company by a missing comma is no part of it ("Crown Resorts Ken Barton").
    A summary that also writes the short form alone ("Ovid Therapeutics' C-suite ... Ovid's chief exec")
    names the company that way too, and a longer form that names a unit ("Amazon Web Services",
    "the new Propeller San Francisco office") is the short form's company: both keep the short form.
    A name keeps the place or field it is "of" ("Blue Shield" → "Blue Shield of California").
    """
    if not summary or not company:
        return company
    if _ACRONYM.fullmatch(company):
        return company if _written_alone(company, summary) else spelled_out(company, summary) or company
    firsts = {name.split()[0] for name in people if " " in name}
    forms = _mentions(company, summary, firsts)
    if company in forms or len(forms) != 1:
        return company
    return forms.pop()


# A company written as its initials: "RBS", "GM", "L&T", "A-B", "SAMI" (two to six capitals, "&" or "-" between them).
_ACRONYM = re.compile(r"[A-Z](?:[&-]?[A-Z]){1,5}")
# A run of capitalised words, with the small words a name keeps inside it: "Royal Bank of Scotland", "Larsen & Toubro".
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][\w'’.-]*)*")
_SMALL = frozenset({"of", "and", "for", "the", "&"})
_NOT_IN_NAME = frozenset({"the", "ceo", "cfo", "chief", "president", "chairman", "director", "officer", "board", "mr", "mrs", "ms", "dr"})


def _written_alone(initials: str, summary: str) -> bool:
    """Whether the summary itself writes the company by its initials ("the Head of IBM’s cloud ... unit"), not only in
    brackets after the name spelled out ("Larsen & Toubro (L&T)", "(RBS.L)"): then the initials are a name the item gives."""
    start = summary.find(initials)
    while start >= 0:
        end = start + len(initials)
        if (start == 0 or not summary[start - 1].isalnum() and summary[start - 1] != "(") and (end == len(summary) or not summary[end].isalnum()):
            return True
        start = summary.find(initials, end)
    return False


def spelled_out(acronym: str, text: str) -> str | None:
    """The name `text` writes whose initials `acronym` is ("RBS" → "Royal Bank of Scotland", "L&T" → "Larsen & Toubro",
    "CCE" → "Coca-Cola Enterprises", "A-B" → "Anheuser-Busch"), when it writes exactly one; else None.

    Headlines shorten a company to its initials that the standfirst writes out, and LABELLING.md's company is the name
    the item gives, as a CRM holds it. The small words a name keeps ("of", "&") spell nothing; each part of a hyphenated
    word spells its letter; a legal form ("Corp.") is no part of the name.
    """
    letters = acronym.replace("&", "").replace("-", "")
    found: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(text):
        words = [_POSSESSIVE.sub("", word).rstrip(".,") for word in without_legal_form(run.group(0)).split()]
        for start in range(len(words)):
            if words[start] in _SMALL or words[start].lower() in _NOT_IN_NAME:
                continue
            initials = ""
            for end in range(start, len(words)):
                word = words[end]
                if word.lower() in _NOT_IN_NAME:
                    break
                if word not in _SMALL:
                    initials += "".join(part[:1] for part in word.split("-") if part)
                if not letters.startswith(initials):
                    break
                if initials == letters and word not in _SMALL:
                    name = " ".join(words[start : end + 1])
                    if not title_pattern().fullmatch(name):  # "General Manager" spells "GM" too
                        found.add(name)
                    break
    return found.pop() if len(found) == 1 else None


def _mentions(company: str, summary: str, firsts: set[str]) -> set[str]:
    """Each form in which the summary writes `company`: itself, or a longer form that starts with it or spells out its last word."""
    head, _, last = company.rpartition(" ")
    forms: set[str] = set()
    start = summary.find(company)
    while start >= 0:  # str.find, not a pattern per company name: compiling one per item is slow
        before = summary[start - 1] if start else " "
        end = start + len(company)
        start = summary.find(company, end)
        if before.isalnum() or before in "'’-":
            continue
        completed, cut = _completed_word(summary, end, last)
        if completed is None:
            continue  # another word that starts the same way ("SoftBankX")
        tail = _TAIL.match(summary, cut)
        words = _name_words(tail.group(0).split() if tail else [], firsts)
        after = (tail.start() if tail else cut) + len(" ".join(("", *words)))
        of_tail = _OF_TAIL.match(summary, after) if not tail or len(words) == len(tail.group(0).split()) else None
        place = _name_words(of_tail.group(1).split(), firsts) if of_tail else []
        if of_tail and place:  # up to a role or a unit: "Minerals Council of Australia Board" is the Minerals Council of Australia
            words, after = [*words, "of", *place], of_tail.start(1) + len(" ".join(("", *place)))
        unit = _UNIT.match(summary, after)
        forms.add(company if unit else " ".join(filter(None, (head, completed or last, *words))))
    return forms


def _completed_word(summary: str, end: int, last: str) -> tuple[str | None, int]:
    """How the summary's word at `end` goes on: ("", end) when it ends there, ("Electronics", its end) when it spells out
    the short form's last word ("Elec" → "Electronics"), (None, end) for another word; "Borlands" is "Borland"."""
    cut = end
    while cut < len(summary) and summary[cut].isalpha():
        cut += 1
    rest = summary[end:cut]
    if not rest or rest in ("s", "es"):
        return "", cut
    if len(last) >= 3 and len(rest) >= 3 and rest.islower():
        return summary[end - len(last) : cut], cut
    return None, end


def _name_words(tail: list[str], firsts: set[str]) -> list[str]:
    """The words of a tail that belong to the company: up to a role, a sentence word, a person or a legal form."""
    words: list[str] = []
    for word in tail:
        bare = _POSSESSIVE.sub("", word).rstrip(".,")
        if bare.lower() in _STOP or bare.lower() in _LEGAL or bare in firsts or bare.isupper() and len(bare) > 1:
            break
        words.append(bare)
        if bare != word:
            break  # a possessive or the end of a sentence closes the name
    return words


_LEGAL_TAIL = re.compile(r"(?:,?\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|plc|PLC|GmbH|AG|SA|Co)\.?)+$")


def without_legal_form(name: str) -> str:
    """"Quorum Health Corp." → "Quorum Health"; a name that is nothing but a legal form stays as it is."""
    return _LEGAL_TAIL.sub("", name).strip() or name


def brand_name(company: str | None, text: str) -> str | None:
    """"Macy's", "McDonald's", "Chili's": a company whose name ends in 's, which the marker reads as a possessive.

    The item shows it when the name with 's is the subject of a verb ("McDonald's announced the promotion",
    "Chili's names George Felix") or is followed by a ticker ("Macy's (M) longtime CEO"); "Apple's CFO" stays Apple.
    """
    if not company or company.endswith("s"):
        return company
    start = text.find(company)
    while start >= 0:  # str.find, not a pattern per company name: compiling one per item is slow
        end = start + len(company)
        if (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "'")) and _BRAND_NEXT.match(text, end):
            return text[start : end + 2]
        start = text.find(company, end)
    return company


_BRAND_NEXT = re.compile(r"['’]s\s+(?:\(|(?:announced|announces|has|have|is|was|said|says|names|named|appoints|appointed|taps|tapped|"
                         r"hires|hired|promotes|promoted|will|confirmed|confirms|reported)\b)")
