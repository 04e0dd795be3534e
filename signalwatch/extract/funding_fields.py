"""The round and amount readers shared by the funding headline shapes and the item's assembly (`funding`).

A round is named by the headline first, then by the summary's sentences that tell this round, not its history ("six
months after its Series A"); an amount is the first one a clause gives, unless it is a valuation or a total; two
amounts that differ only by rounding are one.
"""


from __future__ import annotations

import re

from signalwatch.extract import funding_patterns as rules
from signalwatch.extract.funding_clause import other_figure
from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.screens import Screened
from signalwatch.extract.text import (
    lower,
    quote,
    words,
)

__all__ = [
    "TITLE_DESCRIPTORS", "has_word", "close_money", "same_company", "quoted", "first_amount", "headline_amount",
    "own_word", "summary_amount", "summary_amount_from", "round_of", "round_in"
]

# Nouns of a Title Case description before a name: "Online Design Platform Legends Canva", "European Tech Blog Tech.eu".
TITLE_DESCRIPTORS = frozenset(
    "platform blog startup start-up firm company site app marketplace maker developer provider fintech unicorn biotech "
    "lender neobank retailer brand player service outfit upstart legends pioneer specialist".split()
)


def has_word(text: str, name: str) -> bool:
    """Whether `text` writes `name` as whole words, in its own case (a string search: a pattern per name would be compiled
    for every item)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_.-") and not (after.isalnum() or after in "_-"):
            return True
        start = text.find(name, start + 1)
    return False


def close_money(first: Money, second: Money) -> bool:
    """The same round written twice: same currency, amounts within 15% ("$16M" and "$16.5 million")."""
    return first.currency == second.currency and abs(first.amount - second.amount) <= 0.15 * max(first.amount, second.amount)


def same_company(first: str | None, second: str | None) -> bool:
    if not first or not second:
        return False
    a, b = first.lower(), second.lower()
    return a == b or (a.split()[0] == b.split()[0] and (a.startswith(b) or b.startswith(a))) or a.endswith(" " + b) or b.endswith(" " + a)


def quoted(text: str) -> str:
    return quote(text, 100)


def first_amount(text: str) -> Money | None:
    for money in find_amounts(text):
        if not rules.BEFORE_EXCLUDED.search(text[max(0, money.start - 60) : money.start]) and not rules.AFTER_EXCLUDED.match(text[money.end:]):
            return money
    return None


def headline_amount(tail: str) -> Money | None:
    money = first_amount(tail)
    if money is None or rules.NOT_ROUND_AMOUNT.match(tail[money.end:]):
        return None
    if not (rules.FILLER.match(tail[: money.start]) or rules.ROUND_PREFIX.match(tail[: money.start])):
        return None
    return money


def own_word(company: str | None) -> str:
    """The word of a company's name a sentence about it must contain: "Nuvalent", "Bank" for "The Bank of London"."""
    for word in (company or "").split():
        if word.lower() not in ("the", "a", "an") and len(word) > 1:
            return word
    return company or ""


# A sentence that goes on about the one before: "The transactions amounted to ...", "It was led by ...".
_CONTINUES = re.compile(r"(?:The|This|That|It|Its|These|Their)\s")


def summary_amount(summary_sentences: list[str], company: str | None = None) -> Money | None:
    """The first round's amount the summary's first sentences state; with `company`, only in a sentence that names it."""
    return summary_amount_from(summary_sentences, company)[0]


def summary_amount_from(summary_sentences: list[str], company: str | None = None) -> tuple[Money | None, str]:
    """`summary_amount` and the sentence it was read from (for `--explain`)."""
    own = own_word(company)
    named = False  # the sentence before named the company: "The transactions amounted to ~ €283 million" follows it
    for sentence in summary_sentences[:3]:
        follows, named = named and bool(_CONTINUES.match(sentence)), own in sentence
        if not rules.SUMMARY_FUNDING.search(sentence) or rules.EARLIER_SENTENCE.search(sentence):
            continue
        if own and own not in sentence and not follows:
            continue
        if own and own in sentence:
            # "... with $50 million in the pocket, cancer startup Nuvalent completed another financing round, this time in a
            # $135 million Series B": the figure told after the company's name
            sentence = sentence[sentence.find(own) :]
        money = first_amount(sentence)
        if money is not None and own and other_figure(sentence, money):
            continue
        if money is not None and not rules.NOT_ROUND_AMOUNT.match(sentence[money.end:]):
            return money, sentence
    return None, ""


def round_of(headline: str, summary_sentences: list[str], company: str = "") -> str:
    found = round_in(headline)
    if found:
        return found
    own = own_word(company)
    for sentence in summary_sentences:
        earlier = rules.EARLIER_SENTENCE.search(sentence)
        if earlier and not (own and own in sentence[: earlier.start()]):
            continue
        # "Paystack has raised $8 million in Series A funding ..., a follow-up from the $1.3 million it raised in 2016":
        # the words before the history, naming the company, still name this round
        found = round_in(sentence[: earlier.start()] if earlier else sentence)
        if found and (earlier is None or found.startswith(("series", "seed", "pre_seed"))):
            return found  # a lettered round, not "debt issuance" told among the history
    return "undisclosed"


# Debt told beside the equity round, which is the event (LABELLING.md: "Mixed equity+debt: the equity round").
_DEBT_BESIDE = re.compile(r"\b(?:together\s+with|along\s+with|alongside|in\s+addition\s+to|as\s+well\s+as|plus)\b")
_EQUITY_ROUND = re.compile(r"(?<!private\s)\bequity\s+(?:funding|financing|round|investment|raise)\b")  # lower-cased text
# `rules.EARLIER` behind its words ("after", "since", "last", ...): the 40 characters before a round seldom hold one, and the
# pattern, tried at every position, costs a round several microseconds (round 18: the same answers, screens.Screened).
_EARLIER = Screened(rules.EARLIER)


def round_in(text: str) -> str | None:
    if not words(text) & rules.ROUND_WORDS:
        return None
    text = lower(text)
    for match in rules.ROUND.finditer(text):
        if _EARLIER.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        if match.group("letter") or match.group("letter2"):
            letter = (match.group("letter") or match.group("letter2")).lower()
            return f"series_{letter}" if letter in "abc" else "series_d_plus"
        if match.group("pre_a") or match.group("pre_later"):
            return "undisclosed"  # "pre-Series A", "pre-Series B": no letter of their own (LABELLING.md)
        if match.group("debt") and (_DEBT_BESIDE.search(text[max(0, match.start() - 60) : match.start()]) or _EQUITY_ROUND.search(text)):
            continue  # "The equity funding was secured together with a $2.8bn revolving credit facility": the equity is the round
        name = next(key for key in ("pre_seed", "seed", "growth", "debt", "grant") if match.group(key))
        return name
    return None
