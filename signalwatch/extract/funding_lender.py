"""Loans told from the lender's side: "EBRD extends 25 mln euros loan to copper producer Sofia Med", "DOE loans Tesla $465M".

Development banks, government loan programmes and venture lenders headline their loans with themselves as the subject, the
borrower after "to" or "for" (or as the object of "loans" / "to give"); the round readers find no round there, or take
the lender or a nationality ("Bulgarian") for the company. This module reads the borrower from such a headline; the
summary may spell its name out ("Tesla" → "Tesla Motors"). The round is debt and the lender its investor. A borrower
written only as a place, a nationality, a currency or in the plural ("loan to largest Romanian building materials
producer", "to SMEs") is no company: nothing is read, and `why_none` says so. Measured on the 34 spent sets (round 17):
+10 right alerts, no wrong one, in 6 sets; the same shape in a summary sentence found nothing the readers had not.

A round the readers took from a lender's headline that names no lending verb ("EIB signs €50million loan with European
Spallation Source", "Garrington Group Closes New $19MM Credit Facility for Aleafia Health") goes to the company after the
loan (funding.py's `_lent_to` until round 18).
"""

from __future__ import annotations

import re

from signalwatch.extract.funding_fields import same_company
from signalwatch.extract.funding_summary import Round
from signalwatch.extract.leadership_item_company import is_nation
from signalwatch.extract.money import find_amounts
from signalwatch.extract.refusals import Refusals
from signalwatch.extract.screens import Screened
from signalwatch.extract.text import fuller_name, is_place, quote, written_as_name
from signalwatch.matching.names import common_words

__all__ = ["lender_round", "lent_by", "LENDER_WORDS"]

# Verbs only a lender uses, for the screen that lets the funding reader run ("Proparco lends subordinated finance to Manuchar").
LENDER_WORDS = frozenset("lends lent loans".split())
_VERB = (r"extends|extended|extending|provides|provided|providing|gives|gave|lends|lent|lending|issues|issued|approves|approved|"
         r"offers|offered|loans|agents|arranges|arranged|(?:to|will)\s+(?:give|lend|provide|extend|offer|loan|issue)")
_NOUN = r"(?:loans?|credit\s+(?:facility|facilities|lines?)|financing|finance|facility|facilities|debt|guarantee)"
_NAME = r"(?P<co>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|de|of))*)"
# Words between "to" and the borrower's name that describe it: "to copper producer Sofia Med", "for Vietnam’s VPBank".
_DESCRIPTOR = r"(?:(?:[a-z][\w-]*|[A-Z][\w-]*(?:’s|'s)|[A-Z][\w]*-based)\s+){0,4}?"
_TO_BORROWER = re.compile(rf"\b(?i:{_NOUN})\b[^;:,]*?\b(?:to|for)\s+{_DESCRIPTOR}{_NAME}")
# "DOE loans Tesla $465M", "IFC to give VPBank 125 million USD finance package": the borrower is the verb's first object.
_OBJECT_BORROWER = re.compile(rf"^{_NAME}\s+(?:US\$|[$€£\d])")
_OBJECT_VERB = re.compile(r"^(?:loans|to\s+give|will\s+give)$", re.IGNORECASE)
_HEADLINE = Screened(re.compile(rf"^(?P<lender>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,5}})\s+(?P<verb>(?i:{_VERB}))\s+(?P<rest>.+)$"))
# Substrings every headline `_HEADLINE` reads holds one of (the nouns of `_NOUN` and the verbs of `_OBJECT_VERB`).
_SCREEN = ("loan", "credit", "financ", "facilit", "debt", "guarantee", "give")
_CURRENCY = re.compile(r"^(?:USD|EUR|GBP|US|EU)\b")
_WHOSE = re.compile(r"^([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:’s|'s|-based)\s+")
# Borrowers in the plural are a programme's, not one company's: "EIB to lend EUR 5.6 billion to SMEs".
_MANY = re.compile(r"\b(?:M?SMEs|Startups|Companies|Businesses|Entrepreneurs|Farmers)$")


def _borrower(name: str) -> str | None:
    """The borrower's name, or None when the words read name a place, a nationality, a currency or many borrowers."""
    name = name.strip(" .,'’")
    if (whose := _WHOSE.match(name)) is not None and (is_nation(whose.group(1)) or is_place(whose.group(1))):
        name = name[whose.end():]  # "Vietnam’s VPBank", "Vietnam-based Orient Commercial Joint Stock Bank"
    if not name or _CURRENCY.match(name) or _MANY.search(name) or is_nation(name) or is_place(name):
        return None
    return name


def _read(rest: str, verb: str) -> str | None:
    """The borrower written after a lending verb."""
    match = _TO_BORROWER.search(rest)
    if match is None and _OBJECT_VERB.match(verb):
        match = _OBJECT_BORROWER.match(rest)
    if match is None:
        return None
    return match.group("co")


def lender_round(headline: str) -> Round | None:
    """The loan a lender's headline gives a named borrower (its company None when the borrower is written as no name)."""
    lowered = headline.lower()
    if not any(map(lowered.__contains__, _SCREEN)):
        return None  # a plain substring screen: no loan noun and no "give", so no lender's headline
    head = _HEADLINE.match(headline)
    if head is None or (borrower := _read(head.group("rest"), head.group("verb"))) is None:
        return None
    money = find_amounts(head.group("rest"))
    return Round(_borrower(borrower), money[0] if money else None, round="debt", investors=[head.group("lender")],
                 why=f"funding.lender-loan: {quote(headline, 90)}", tail=head.group("rest"))


# A headline round read of the lender: "EIB signs €50million loan with European Spallation Source in Sweden", "Garrington Group Closes New
# $19MM Credit Facility for Aleafia Health". The company is the one the loan goes to, not the lender.
_LENT_TO = Screened(re.compile(r"\b(?i:loan|credit\s+facility|debt\s+facility|financing|check|cheque)\s+(?i:to|for|with)\s+"
                      r"(?P<co>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"))


def _given_to_borrower(kept: list[Round], headline: str, summary: str) -> list[Round]:
    """`kept` with a lender's headline round given to the company it lends to (see `_LENT_TO`); a summary round of that company
    is the same round. Only when the headline names the lender before the loan and the summary writes the borrower as a name."""
    match = _LENT_TO.search(headline)
    if match is None:
        return kept
    borrower = match.group("co")
    lender = next((r for r in kept if r.why.startswith("funding.headline") and r.company and r.company in headline[: match.start()]), None)
    if lender is None or same_company(lender.company, borrower) or all(w in common_words() for w in borrower.lower().split()):
        return kept
    if summary and not written_as_name(borrower, summary):
        return kept
    lender.why += f"; company: {borrower!r}, which the loan goes to (not the lender {lender.company!r})"
    lender.company = borrower
    return [r for r in kept if r is lender or not same_company(r.company, borrower)]


def lent_by(kept: list[Round], headline: str, summary: str, summary_sentences: list[str], refusals: Refusals[Round]) -> list[Round]:
    """`kept` with a loan headlined from the lender's side read as the borrower's: a headline round read of the lender goes to
    the borrower (`_given_to_borrower`); else the loan `lender_round` reads is added, where a round of its borrower already
    read stands, and it replaces the rounds read of the lender, of a nationality or of no company (`summary_sentences` may
    spell the borrower out in full)."""
    kept = _given_to_borrower(kept, headline, summary)
    lent = lender_round(headline)
    if lent is None:
        return kept
    if not refusals.keep(lent, None if lent.company else "the borrower is written only as a place, a nationality, a currency or many borrowers"):
        return kept
    if any(same_company(r.company, lent.company) for r in kept):
        return kept
    lender = lent.investors[0] if lent.investors else ""
    lent.company = fuller_name(lent.company or "", [headline, *summary_sentences])
    others = [r for r in kept if r.company and not same_company(r.company, lender) and not is_nation(r.company)]
    return [lent, *others]
