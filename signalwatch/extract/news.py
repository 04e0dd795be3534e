"""A first headline classifier for funding and leadership news.

Deliberately conservative: it only reports an event when the headline has the shape
"<Company> raises <amount>" or "<Company> appoints <Person> as <Title>", because a wrong
alert costs more reader trust than a missed one.
"""

from __future__ import annotations

import re

from signalwatch.events import EventType
from signalwatch.extract.model import Extraction

__all__ = ["extract_news"]

_COMPANY = r"(?P<company>[A-Z][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,4})"
_AMOUNT = r"(?P<currency>[$€£])\s?(?P<number>\d+(?:\.\d+)?)\s?(?P<unit>million|billion|mn|bn|m|b|k)?\b"
_FUNDING = re.compile(
    rf"^{_COMPANY},?\s+(?:\w+\s+)?(?:raises|raised|secures|secured|closes|lands|bags|nabs|gets)\s+"
    rf"(?:an?\s+|its\s+)?(?:{_AMOUNT})?",
    re.IGNORECASE,
)
_ROUNDS = [
    ("pre_seed", r"pre[- ]seed"),
    ("seed", r"\bseed\b"),
    ("series_a", r"series a\b"),
    ("series_b", r"series b\b"),
    ("series_c", r"series c\b"),
    ("series_d_plus", r"series [d-k]\b"),
    ("debt", r"\b(?:debt|credit facility|venture debt)\b"),
    ("grant", r"\bgrant\b"),
]
_LEADERSHIP_IN = re.compile(
    rf"^{_COMPANY}\s+(?:appoints|names|hires|taps|welcomes|promotes)\s+(?P<person>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}})"
    r"\s+(?:as|to)\s+(?:its\s+)?(?:new\s+)?(?P<title>[^,.;]+)",
)
_LEADERSHIP_OUT = re.compile(
    rf"^{_COMPANY}\s+(?P<title>CEO|CFO|CTO|COO|CRO|CMO|President|Chief [A-Z][a-z]+ Officer)\s+"
    r"(?P<person>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+(?:steps down|to step down|departs|resigns|exits)",
)
_UNIT = {"k": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP"}
_SENIORITY = [
    ("c_level", re.compile(r"\b[Cc]hief\b|\b(?:CEO|CFO|CTO|COO|CRO|CMO|CIO|CISO|CPO)\b")),
    ("vp", re.compile(r"\b(?:vice president|VP|SVP|EVP)\b", re.IGNORECASE)),
    ("director", re.compile(r"\b(?:director|head of)\b", re.IGNORECASE)),
]


def extract_news(title: str, summary: str = "") -> list[Extraction]:
    """Events reported by a news item, judged from its headline; [] when none is clear."""
    headline = " ".join(title.split())
    found = _funding(headline, summary) or _leadership(headline)
    return [found] if found else []


def _funding(headline: str, summary: str) -> Extraction | None:
    match = _FUNDING.match(headline)
    if not match or not (match.group("number") or re.search(r"funding|round|seed|series", headline, re.I)):
        return None
    text = f"{headline} {summary}".lower()
    round_name = next((name for name, pattern in _ROUNDS if re.search(pattern, text)), "undisclosed")
    amount = currency = amount_usd = None
    if match.group("number"):
        unit = (match.group("unit") or "").lower()
        amount = float(match.group("number")) * _UNIT.get(unit, 1.0)
        currency = _CURRENCY[match.group("currency")]
        amount_usd = amount if currency == "USD" else None
    attributes = {
        "amount": amount,
        "currency": currency,
        "amount_usd": amount_usd,
        "round": round_name,
        "investors": [],
        "lead_investors": [],
    }
    return Extraction(EventType.FUNDING, "raised", match.group("company").strip(), attributes)


def _leadership(headline: str) -> Extraction | None:
    for pattern, change in ((_LEADERSHIP_IN, "appointed"), (_LEADERSHIP_OUT, "departed")):
        match = pattern.match(headline)
        if match:
            title = match.group("title").strip()
            seniority = next((name for name, rx in _SENIORITY if rx.search(title)), None)
            attributes = {"person": match.group("person"), "title": title, "function": None, "seniority": seniority}
            return Extraction(EventType.LEADERSHIP, change, match.group("company").strip(), attributes)
    return None
