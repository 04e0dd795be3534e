"""Checks of the rounds found against the item as a whole, after the shapes (`funding`).

Money an investment firm's fund, a purchase, a share issue or a government programme is dropped; a range is no amount;
a round the summary tells on unnamed sources is `reported`; a Title Case headline's subject is cut to the name the
summary writes; and a time that opens a sentence ("On Wednesday, the startup said") is never a company.
"""


from __future__ import annotations

import re

from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.funding_fields import TITLE_DESCRIPTORS, close_money, has_word, own_word, same_company
from signalwatch.extract.funding_summary import Round
from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.screens import Screened
from signalwatch.extract.text import (
    company_from_subject,
)

__all__ = [
    "fund_money_dropped", "range_end", "unnamed_source", "summary_spelling", "headline_lead_name", "lead_name_of",
    "without_time_names", "SHARE_ISSUE", "GOVERNMENT_BODY", "PURCHASE_AFTER"
]

# Money a listed company takes by issuing shares to the market, right after its amount: never a round (LABELLING.md: IPOs).
SHARE_ISSUE = Screened(re.compile(
    r"(?i)(?:\s+[\w-]+){0,3}?\s+(?:from|through|via|in)\s+(?:an?\s+|its\s+|the\s+)?(?:rights\s+issue|ipo|initial\s+public\s+offering|"
    r"(?:follow-on\s+)?public\s+offering)\b"
))


# A government body gives money, it does not raise a round: "Biomedical Advanced Research and Development Authority has announced
# up to $500 million in Project NextGen funding" is a programme (LABELLING.md: a grant programme is a negative).
GOVERNMENT_BODY = re.compile(r"\b(?:Authority|Agency|Ministry|Department|Commission|Government|Administration|Council)\b")


# What follows an amount that is an investment firm's fund: "$537 million new fund", "$1.1B Fund For New Biotech Cos.".
_FUND_AFTER = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}?fund\b(?!ing)")


# What follows an amount that is a price or a contract, not a round (a minority stake in a startup is a round: LABELLING.md).
PURCHASE_AFTER = re.compile(
    r"(?i)\s+(?:(?!to\b|for\b)[\w-]+\s+){0,2}?(?:(?:majority|controlling)\s+stake|contracts?|acquisition|buyout|purchase|merger|takeover|tender)\b"
)
_FUND_WORD = re.compile(r"(?i)\bfund\b")  # a cheap screen


def fund_money_dropped(rounds: list[Round], headline: str, summary: str) -> list[Round]:
    """The rounds whose money is not an investment firm's own fund.

    "Flagship banks $537M to back the next batch of biotechs" over "Flagship Ventures put together a $537 million new
    fund": the headline's money is the fund. Under a headline about a fund ("VC Firm Closes On $1.1B Fund"), a round
    the summary tells without an amount ("said it closed on its seventh such capital raise") is the same fund; a
    round with an amount of its own ("leading a $25 million Series A for Foundation Medicine") stays.
    """
    if not rounds or not (_FUND_WORD.search(headline) or _FUND_WORD.search(summary)):
        return rounds
    funds = [m for text in (headline, summary) for m in find_amounts(text) if _FUND_AFTER.match(text, m.end)]
    if not funds:
        return rounds
    headline_fund = any(_FUND_AFTER.match(headline, m.end) for m in find_amounts(headline))
    return [r for r in rounds if not (r.money is None and headline_fund) and not (r.money and any(close_money(r.money, f) for f in funds))]


# An unnamed source for what a sentence tells (LABELLING.md: "cites unnamed sources", "media reports count as unnamed sources").
_UNNAMED_SOURCE = Screened(re.compile(
    r"(?i)\baccording\s+to\s+(?:(?:two|three|several)\s+)?(?:people|sources|a\s+person|persons|(?:media|press|news)\s+reports|those)\b"
    # a report whose outlet the sentence leaves out or names only after it: "..., according to a report.", "according to a
    # report by The Information", "As per reports, Mamaearth has raised" (a named outlet's "Mint reported" is labelled both ways)
    r"|\baccording\s+to\s+an?\s+(?:media\s+|news\s+|press\s+)?report\b|\bas\s+per\s+(?:media\s+|news\s+)?reports\b"
    r"|\bpeople\s+(?:familiar|with\s+knowledge|close\s+to|briefed)\b|\bsources?\s+(?:said|say|says|told|close|familiar)\b"
    r"|\b(?:has|have)\s+learned\b|\bunderstands\b"
))


# The start of a range just before an amount: "$100 million to ", "20 billion to ", "$14 million-", "between £300 million and ".
_RANGE_UNIT = r"(?:million|billion|trillion|mln|bln|mn|bn|m|b|crore)"
_RANGE_NUMBER = rf"(?:(?:[$€£¥₹]|us\$|a\$)\d[\d.,]*(?:\s*{_RANGE_UNIT})?|\d[\d.,]*\s*{_RANGE_UNIT})"
_RANGE_START = re.compile(  # a figure with a currency or a unit: "15 March 2021 – $1.9bn" is a date, then the amount
    rf"(?i)(?:(?<!from\s){_RANGE_NUMBER}\s*(?:to|-|–)|\bbetween\s+{_RANGE_NUMBER}\s*and)\s*$"
)


_RANGE_MARK = re.compile(r"\d\s*(?:[A-Za-z]+\s*)?(?:to|-|–|and)\s*(?:[$€£¥₹]|[A-Za-z]{0,2}\$)?\s*\d")  # a cheap screen


# A range whose unit is written once, after its top: "$150-200 million", "Rs3,000-4,000 crore", "$700-750-million".
_SHARED_UNIT_RANGE = re.compile(
    r"(?i)(?:[$€£¥₹]|\b(?:us\$|rs\.?|inr)\s?)\s?(?P<low>\d[\d,]*(?:\.\d+)?)\s*(?:-|–)\s*(?P<high>\d[\d,]*(?:\.\d+)?)[\s-]*"
    r"(?P<unit>million|billion|crore|mn|bn|m|b)\b"
)
_UNIT_SIZE = {"million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "crore": 1e7}


def _shared_unit_range(money: Money, text: str) -> bool:
    """Whether `money` is one end of a range written with one unit ("$150-200 million"), or its bare low figure ("$700")."""
    for match in _SHARED_UNIT_RANGE.finditer(text):
        size = _UNIT_SIZE[match.group("unit").lower()]
        low, high = (float(match.group(key).replace(",", "")) for key in ("low", "high"))
        if any(abs(money.amount - value) <= 1e-6 * max(1.0, value) for value in (low * size, high * size, low)):
            return True
    return False


def range_end(money: Money, texts: list[str]) -> bool:
    """Whether the round's amount is the top of a range somewhere in the item ("has invested around $100 million to $150
    million", "20 billion to 30 billion won", "$150-200 million"), not "from $4.5bn to $6.2bn" (a change)."""
    for text in texts:
        if not _RANGE_MARK.search(text):
            continue
        if _shared_unit_range(money, text):
            return True
        for other in find_amounts(text):
            if other.amount == money.amount and other.currency == money.currency and \
                    _RANGE_START.search(text[max(0, other.start - 40) : other.start]):
                return True
    return False


_DEBT_WORDS = re.compile(r"(?i)\b(?:facility|credit\s+line|loan|notes)\b")


def unnamed_source(found: Round, summary_sentences: list[str]) -> bool:
    """Whether the summary sentence that states this round cites unnamed sources: "Danantara has lined up a ... credit
    facility equivalent to US$1 billion, according to people familiar with the matter".

    The sentence must state the round's amount (or, for a round without one, name the company): a source for the
    valuation ("valued at $2.7 billion ..., according to a person familiar") or for who led ("sources close to the deal
    have confirmed that Uber spearheaded") leaves a round the company announced as raised.
    """
    own = own_word(found.company)
    for sentence in summary_sentences[:3]:
        if not _UNNAMED_SOURCE.search(sentence) or not (rules.SUMMARY_FUNDING.search(sentence) or _DEBT_WORDS.search(sentence)):
            continue
        if any(close_money(found.money, m) for m in find_amounts(sentence)) if found.money else bool(own and has_word(sentence, own)):
            return True
    return False


def summary_spelling(company: str, headline: str, summary: str) -> str:
    """The part of a Title Case headline's subject that the summary writes as the name.

    "Online Design Platform Legends Canva" over "Canva is an online design platform" is "Canva" (a description
    before the name); "Tempus Targets Diseases Beyond Cancer" over "privately held Tempus last week raised" is
    "Tempus" (three words or more of the headline run on after it). Only when the summary never writes the
    headline's words as they are: a summary that shortens a name ("Cullinan" for "Cullinan Oncology", "Stacked"
    for "Stacked Farm") leaves the headline's spelling.
    """
    words_ = company.split()
    if len(words_) < 2 or not summary or company not in headline or has_word(summary, company):
        return company
    for cut in range(1, len(words_)):
        head, name = words_[:cut], " ".join(words_[cut:])
        if any(word.lower() in TITLE_DESCRIPTORS for word in head) and has_word(summary, name) \
                and company_from_subject(name) == name:
            return name  # the name after the description's last noun
    for size in range(1, len(words_) - 2):
        name = " ".join(words_[:size])
        if len(name) >= 3 and has_word(summary, name) and not has_word(summary, " ".join(words_[: size + 1])) \
                and company_from_subject(name) == name:
            return name
    return company
_LEAD_NAME = re.compile(r"^(?:[A-Z][\w.&'-]*)(?:\s+[A-Z][\w.&'-]*){0,3}(?=\s+[a-z]|'s\s|\s*[:,])")


def headline_lead_name(headline: str, summary: str = "") -> str | None:
    """The company a headline opens with ("Zorbly becomes unicorn after latest raise"): what "the company" of its summary means.

    With a summary, only a name the summary writes too: "Food sharing made easy" over "OLIO, an app which lets people share
    their leftover food" opens with a word, not a name.
    """
    name = lead_name_of(headline)
    if name is not None and summary and not _DETERMINER.match(headline) and not has_word(summary, name.split()[0]):
        return None
    return name


# A sentence opener that is not a name: a time ("On Wednesday", "In June 2021") or a quantifier ("Some", "Additional").
_TIME_NAME = re.compile(
    r"(?:(?:In|On|By|Since|Until|During|From|Through|Last|This|Next|Early|Late|Earlier|Later|Mid)\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|"
    r"Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|(?:19|20)\d\d)(?:\s+\d{1,4})?"
    r"|Some|Additional|Others?|Many|Several|Most|Both|All|Each|Meanwhile"
)


def without_time_names(rounds: list[Round], headline: str, summary: str) -> list[Round]:
    """The rounds with a company that is a name: "In April, the light shone a bit brighter with news of a US$1.7 million seed
    round" under "Bridgit: Built on diversity" is the headline's Bridgit (when the summary writes it); "On Wednesday, the
    startup said it had raised $43 million" under a headline that names the startup is that headline's round, already found."""
    if not any(found.company and _TIME_NAME.fullmatch(found.company) for found in rounds):
        return rounds
    lead_name = headline_lead_name(headline, summary)
    kept = []
    for found in rounds:
        if found.company and _TIME_NAME.fullmatch(found.company):
            if lead_name is None or any(same_company(r.company, lead_name) for r in rounds):
                continue
            found.why += f"; company: the headline's {lead_name}, not {found.company!r}"
            found.company = lead_name
        kept.append(found)
    return kept


def lead_name_of(headline: str) -> str | None:
    if _DETERMINER.match(headline):
        # "Our deal of the week goes to Boston-based Rhythm Pharmaceuticals, a developer of ...": the company it introduces
        based = _BASED_NAME.search(headline)
        return company_from_subject(based.group("co")) if based else None
    match = _LEAD_NAME.match(headline)
    if match is None or rules.INVESTOR_VERB.match(headline[match.end() :].lstrip()):
        return None  # "Pfizer leads $21M Series B for a Michigan startup": the investor, not the company
    return company_from_subject(match.group(0))


# Words that open a headline without naming anyone: "Our deal of the week", "Decoding Rapido's $120 Mn unicorn round".
_DETERMINER = re.compile(r"(?:Our|Your|My|His|Her|Their|Its|This|These|Those|That)\s")
_BASED_NAME = re.compile(r"-based\s+(?P<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})")
