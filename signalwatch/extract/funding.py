"""Funding rounds in news headlines: who raised, how much, which round, and from whom."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from signalwatch.events import EventType
from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.text import (
    company_from_subject,
    lower,
    sentences,
    split_names,
    words,
)

__all__ = ["extract_funding", "FUNDING_WORDS"]

FUNDING_WORDS = rules.FUNDING_WORDS


@dataclass
class _Hit:
    company: str
    tail: str  # the headline after the verb: where the amount and round are read first
    leads: list[str] = field(default_factory=list)
    investors: list[str] = field(default_factory=list)
    money: Money | None = None  # the amount right after the verb, when there is one


def extract_funding(headline: str, summary: str, tokens: frozenset[str] | None = None) -> Extraction | None:
    """The funding round a headline reports, enriched from the summary; None when it reports none.

    `tokens` is `words(headline)` when the caller already has it.
    """
    tokens = tokens if tokens is not None else words(headline)
    if tokens & rules.NOT_A_ROUND_WORDS and rules.NOT_A_ROUND.search(lower(headline)):
        return None
    hit = None
    if tokens & rules.FUNDING_WORDS:
        hit = _company_raises(headline) or _investor_backs(headline)
        if hit is None and "valued" in tokens:
            hit = _valued_after(headline)
    if hit is None and summary[:1].isupper():
        hit = _summary_lead(headline, summary)
    if hit is None or rules.FUND_SUMMARY.search(summary):
        return None
    summary_sentences = sentences(summary)[:4]
    money = hit.money if hit.money is not None else _headline_amount(hit.tail)
    if money is None:
        money = _summary_amount(summary_sentences)
    parts = [headline, *summary_sentences]
    screen = " ".join(parts).lower()
    leads = _dedupe(hit.leads + _names(rules.LEAD_PATTERNS, parts, screen), hit.company)
    investors = _dedupe(leads + hit.investors + _names(rules.INVESTOR_PATTERNS, parts, screen), hit.company)
    attributes = {
        "amount": money.amount if money else None,
        "currency": money.currency if money else None,
        "amount_usd": money.amount if money and money.currency == "USD" else None,
        "round": _round(headline, summary_sentences),
        "investors": investors,
        "lead_investors": leads,
    }
    return Extraction(EventType.FUNDING, "raised", hit.company, attributes)


def _company_raises(headline: str) -> _Hit | None:
    for verb in rules.VERB.finditer(lower(headline)):
        before = headline[: verb.start()]
        meet = rules.MEET.match(before) if before.startswith(("Meet", "Inside", "meet", "inside")) else None
        if meet:
            before = meet.group("co")
        elif not before.strip() or rules.SUBORDINATE.search(before[-40:]):
            continue
        tail = headline[verb.end():]
        reports, money = _reports_round(verb.group(0), tail)
        if not reports:
            continue
        company = company_from_subject(before)
        if company is None:
            return None  # "AI startups raised $40B": the subject is not one company
        return _Hit(company, tail, money=money)
    return None


def _reports_round(verb: str, tail: str) -> tuple[bool, Money | None]:
    """Whether the words after a funding verb describe money raised (not a contract, not prices), and the amount."""
    if rules.OTHER_OBJECT.match(tail):
        return False, None
    first = _first_amount(tail)
    if first is not None and not rules.FILLER.match(tail[: first.start]):
        first = None  # "raises minimum wage to $20": the amount is not what was raised
    if first is not None and rules.NOT_ROUND_AMOUNT.match(tail[first.end:]):
        return False, None  # "$12M contract", "€50,000 prize"
    if rules.FUNDING_NOUN.search(lower(" ".join(tail.split()[:8]))):
        return True, first
    if rules.NEEDS_NOUN.match(" ".join(verb.split())):
        return False, None
    return first is not None, first


def _summary_lead(headline: str, summary: str) -> _Hit | None:
    """A feature headline ("Acme wants to fix payroll") whose summary opens with "Acme has raised $10M ...".

    Only when the summary's first words are the company the headline opens with, so that an
    aside about an earlier round ("Acme, which raised $20M last year, ...") never counts.
    """
    lead = rules.LEADING_WORDS.match(headline)
    if lead is None or not summary.startswith(lead.group(0)) or rules.OTHER_NEWS.search(headline):
        return None
    first = sentences(summary)[0]
    match = rules.SUMMARY_LEAD.match(first, len(lead.group(0)))
    if match is None or rules.EARLIER_SENTENCE.search(first) or not rules.FUNDING_NOUN.search(lower(first)):
        return None
    company = company_from_subject(lead.group(0))
    money = _first_amount(first[match.end() - 1 :]) if company else None
    if company is None or money is None or rules.NOT_ROUND_AMOUNT.match(first[money.end + match.end() - 1 :]):
        return None
    return _Hit(company, first[match.end() - 1 :], money=money)


def _valued_after(headline: str) -> _Hit | None:
    """"Acme valued at $2 bln after $300 mln funding round": the round is the amount that is not the valuation."""
    match = rules.VALUED.match(headline)
    if not match or not rules.FUNDING_NOUN.search(lower(match.group("rest"))):
        return None
    company = company_from_subject(match.group("co"))
    if company is None:
        return None
    money = next((m for m in find_amounts(match.group("rest")) if not rules.AFTER_EXCLUDED.match(match.group("rest")[m.end:])), None)
    return _Hit(company, match.group("rest"), money=money)


def _investor_backs(headline: str) -> _Hit | None:
    for pattern, lead in ((rules.INVESTOR_LEADS, True), (rules.INVESTOR_BACKS, False)):
        if not rules.INVESTOR_VERB.search(headline):
            return None
        match = pattern.match(headline)
        if not match:
            continue
        investor = company_from_subject(match.group("inv"))
        company = company_from_subject(match.group("co"))
        deal = " ".join(filter(None, (match.group("deal"), match.groupdict().get("deal2"))))
        if investor is None or company is None:
            continue
        if not (rules.FUNDING_NOUN.search(lower(deal)) or find_amounts(deal)):
            continue
        names = split_names(investor)
        return _Hit(company, deal, leads=names if lead else [], investors=names)
    return None


def _first_amount(text: str) -> Money | None:
    for money in find_amounts(text):
        if not rules.BEFORE_EXCLUDED.search(text[max(0, money.start - 60) : money.start]) and not rules.AFTER_EXCLUDED.match(text[money.end:]):
            return money
    return None


def _headline_amount(tail: str) -> Money | None:
    money = _first_amount(tail)
    if money is None or rules.NOT_ROUND_AMOUNT.match(tail[money.end:]):
        return None
    if not (rules.FILLER.match(tail[: money.start]) or rules.ROUND_PREFIX.match(tail[: money.start])):
        return None
    return money


def _summary_amount(summary_sentences: list[str]) -> Money | None:
    for sentence in summary_sentences[:3]:
        if not rules.SUMMARY_FUNDING.search(sentence) or rules.EARLIER_SENTENCE.search(sentence):
            continue
        money = _first_amount(sentence)
        if money is not None and not rules.NOT_ROUND_AMOUNT.match(sentence[money.end:]):
            return money
    return None


def _round(headline: str, summary_sentences: list[str]) -> str:
    found = _round_in(headline)
    if found:
        return found
    for sentence in summary_sentences:
        if rules.EARLIER_SENTENCE.search(sentence):
            continue
        found = _round_in(sentence)
        if found:
            return found
    return "undisclosed"


def _round_in(text: str) -> str | None:
    if not words(text) & rules.ROUND_WORDS:
        return None
    text = lower(text)
    for match in rules.ROUND.finditer(text):
        if rules.EARLIER.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        if match.group("letter"):
            letter = match.group("letter").lower()
            return f"series_{letter}" if letter in "abc" else "series_d_plus"
        if match.group("pre_a"):
            return "seed"
        name = next(key for key in ("pre_seed", "seed", "growth", "debt", "grant") if match.group(key))
        return name
    return None


def _names(patterns: list[tuple[str, re.Pattern[str]]], parts: list[str], screen_text: str) -> list[str]:
    """Names the patterns find in the sentences `parts`; `screen_text` is all of them in lower case."""
    names: list[str] = []
    lowered_parts = [part.lower() for part in parts]
    for screen, pattern in patterns:
        keys = rules.SCREENS[screen]
        if not any(key in screen_text for key in keys):
            continue
        for sentence, lowered in zip(parts, lowered_parts):
            if any(key in lowered for key in keys):
                for match in pattern.finditer(sentence):
                    names.extend(split_names(match.group("list")))
    return names


def _dedupe(names: list[str], company: str) -> list[str]:
    seen = {company.lower()}
    kept = []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            kept.append(name)
    return kept
