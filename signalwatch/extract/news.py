"""Funding and leadership events from one news item's headline and summary.

Precision first: an event is reported only when the headline itself has the grammar of a
funding or leadership announcement; the summary fills in details (amount, round, investors,
the person) but never turns an unrelated headline into an event, because summaries mention
past rounds and executives in passing.
"""

from __future__ import annotations

from signalwatch.extract.funding import FUNDING_WORDS, extract_funding
from signalwatch.extract.leadership import LEADERSHIP_WORDS, extract_leadership
from signalwatch.extract.model import Extraction
from signalwatch.extract.text import clean, words

__all__ = ["extract_news"]

SUMMARY_LIMIT = 700  # characters of summary read: the facts are in the first sentences

# A cheap screen run before any real pattern: most feed items carry none of these words.
_CUE_WORDS = FUNDING_WORDS | LEADERSHIP_WORDS


def extract_news(title: str, summary: str = "") -> list[Extraction]:
    """Events reported by a news item; [] when the item reports none we recognise."""
    headline = clean(title)
    tokens = words(headline)
    if not tokens & _CUE_WORDS:
        return []
    body = clean(summary[:SUMMARY_LIMIT])
    found: list[Extraction] = []
    funding = extract_funding(headline, body, tokens)
    if funding is not None:
        found.append(funding)
    found.extend(extract_leadership(headline, body, funding.company_name if funding else None, tokens))
    return found
