"""Money amounts as news writes them: "$20M", "€1.5bn", "Rs 120 crore", "SEK 150 million", "10 million euros", "KSh20 Billion"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from signalwatch.extract.text import lower

__all__ = ["Money", "AMOUNT", "find_amounts"]

# Symbol or code written before the number. Longer forms first so "US$" wins over "$".
_PREFIXES = {
    "$us": "USD", "$a": "AUD", "$nz": "NZD",  # "$US200 million", "$A10m": Australian and New Zealand papers
    "us$": "USD", "us $": "USD", "usd": "USD", "$": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "a$": "AUD", "au$": "AUD",
    "aud": "AUD", "nz$": "NZD", "nzd": "NZD", "s$": "SGD", "sgd": "SGD", "hk$": "HKD", "hkd": "HKD", "r$": "BRL",
    "brl": "BRL", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "₹": "INR",
    "inr": "INR", "rs": "INR", "rs.": "INR", "chf": "CHF", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN",
    "₩": "KRW", "krw": "KRW", "aed": "AED", "sar": "SAR", "₦": "NGN", "ngn": "NGN", "kes": "KES", "zar": "ZAR",
    "cny": "CNY", "rmb": "CNY", "mxn": "MXN", "ils": "ILS", "₪": "ILS", "try": "TRY", "egp": "EGP", "idr": "IDR",
    # South-East Asian and Taiwanese papers: "MYR 4 million", "RM29.8 billion", "Rp 100 billion", "NT$500 million"
    "myr": "MYR", "rm": "MYR", "rp": "IDR", "php": "PHP", "₱": "PHP", "thb": "THB", "vnd": "VND", "twd": "TWD", "nt$": "TWD",
    # East and South African papers: "KSh20 Billion", "Sh8.2Bn" (Kenyan shillings), "R340M" (rand)
    "ksh": "KES", "kshs": "KES", "sh": "KES", "tsh": "TZS", "ush": "UGX", "r": "ZAR",
}
# Currency written after the number ("10 million euros", "50 crore rupees", "SEK" after is rare but seen).
_SUFFIXES = {
    "euro": "EUR", "euros": "EUR", "pounds": "GBP", "pound": "GBP", "dollars": "USD", "yen": "JPY",
    "yuan": "CNY", "rupees": "INR", "rupee": "INR", "francs": "CHF", "swiss francs": "CHF", "kronor": "SEK",
    "krona": "SEK", "kroner": "NOK", "zloty": "PLN", "won": "KRW", "naira": "NGN", "dirhams": "AED", "riyals": "SAR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "sek": "SEK", "inr": "INR", "cad": "CAD", "aud": "AUD",
    "jpy": "JPY", "pln": "PLN", "nok": "NOK", "dkk": "DKK", "ringgit": "MYR", "rupiah": "IDR", "baht": "THB",
    # the dollar named with its country: "25 million US dollars", "107 million U.S. dollars" (wire copy, Xinhua), "2.8bn
    # Australian dollars"; without these the country word stands between the unit and "dollars" and no amount is read
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "canadian dollars": "CAD", "australian dollars": "AUD",
    "singapore dollars": "SGD", "hong kong dollars": "HKD", "new zealand dollars": "NZD",
}
_UNITS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "mm": 1e6, "billion": 1e9,
    "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5,
    "mil": 1e6, "bil": 1e9,  # "$250Mil Series D"
    "milion": 1e6,  # a typo seen in wire copy: "around $9.7 milion"
}


def _alternation(keys: Iterable[str]) -> str:
    return "|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True))


# "1,200,000", "2.5", and the European decimal comma "1,5" when a unit follows ("€1,5 million").
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3},\d{1,2}(?=\s?(?:million|billion|mln|bln|mn|bn|m\b))|\d+(?:\.\d+)?"
_UNIT = rf"(?:{_alternation(_UNITS)})"
_PREFIX = rf"(?:{_alternation(_PREFIXES)})"
_SUFFIX = rf"(?:{_alternation(_SUFFIXES)})"
# Either "<prefix> <number> [unit] [suffix]" or "<number> <unit> <suffix>" (the suffix alone tells the currency).
AMOUNT = (
    rf"(?:(?<![\w$])(?P<pre>{_PREFIX})\s?(?P<num>{_NUMBER})(?:\s?-?\s?(?P<unit>{_UNIT})\b)?(?:\s+(?P<post>{_SUFFIX})\b)?"
    rf"|(?<![\w.,])(?P<num2>{_NUMBER})\s?-?\s?(?P<unit2>{_UNIT})\s+(?P<post2>{_SUFFIX})\b)"
)
_AMOUNT_RE = re.compile(AMOUNT)  # matched against lower-cased text: every key above is lower case
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Money:
    """An amount in its original currency, and where it sits in the text."""

    amount: float
    currency: str
    start: int
    end: int


def find_amounts(text: str) -> list[Money]:
    """Every money amount in `text`, in order of appearance (a new list; the readers of one item
    ask for the same sentences' amounts several times, so the reading is kept for recent texts)."""
    if not _DIGIT.search(text):
        return []
    return list(_amounts_in(text))


@lru_cache(maxsize=1024)
def _amounts_in(text: str) -> tuple[Money, ...]:
    """`find_amounts` uncached. The amount pattern is tried only near numbers (a currency written
    before a number is at most a few characters long): scanning every character of a sentence with
    it is several times slower."""
    low = lower(text)
    found: list[Money] = []
    done = 0  # text before this is read
    for number in _NUMBER_RUN.finditer(low):
        if number.start() < done:
            continue  # part of the amount just read ("1,5 million")
        for match in _AMOUNT_RE.finditer(low, max(done, number.start() - _PREFIX_REACH), number.end() + _SUFFIX_REACH):
            if match.end() <= number.start():
                continue
            if match.start() <= number.start():  # the amount this number belongs to
                money = _money(match)
                if money is not None:
                    found.append(money)
                    done = money.end
            break
        done = max(done, number.end())
    return tuple(found)


_NUMBER_RUN = re.compile(r"\d[\d.,]*")
_PREFIX_REACH = 5  # "us $ ", "sek ", "rs. "
_SUFFIX_REACH = 30  # " million swiss francs"


def _money(match: re.Match[str]) -> Money | None:
    number = match.group("num") or match.group("num2")
    unit = (match.group("unit") or match.group("unit2") or "").lower()
    prefix = (match.group("pre") or "").lower()
    suffix = (match.group("post") or match.group("post2") or "").lower()
    currency = _PREFIXES.get(prefix) or _SUFFIXES.get(suffix)
    if currency is None:
        return None
    if prefix in ("$",) and suffix and _SUFFIXES[suffix] != "USD":
        currency = _SUFFIXES[suffix]  # "$10 million CAD"
    if prefix.isalpha() and not unit and "," not in number and float(number) < 1000:
        return None  # "Rs 5" or "SEK 3" with no unit is a price or a ratio, not a round size
    if re.fullmatch(r"\d{1,3},\d{1,2}", number):
        number = number.replace(",", ".")  # a decimal comma
    scale = 1e3 if unit == "mil" and currency == "BRL" else _UNITS.get(unit, 1.0)  # "R$ 50 mil" is fifty thousand reais
    amount = float(number.replace(",", "")) * scale
    return Money(round(amount, 2), currency, match.start(), match.end())
