"""Funding and leadership events from one news item's headline and summary.

Precision first: an event is reported when the headline has the grammar of a funding or
leadership announcement; the summary fills in details (amount, round, investors, the person).
A summary alone makes an event only in two narrow shapes: a feature headline whose summary
*opens* with "<the headline's company> has raised $X in a ... round", and a headline such as
"Acme announces leadership transition" whose summary names who comes and goes. Summaries
mention past rounds and executives in passing, so nothing else in them counts.
"""

from __future__ import annotations

from signalwatch.extract.funding import FUNDING_WORDS, extract_funding
from signalwatch.extract.leadership import LEADERSHIP_WORDS, extract_leadership
from signalwatch.extract.model import Extraction
from signalwatch.extract.text import clean, strip_dateline, words

__all__ = ["extract_news"]

SUMMARY_LIMIT = 700  # characters of summary read: the facts are in the first sentences

# A cheap screen run before any real pattern: most feed items carry none of these words.
_CUE_WORDS = FUNDING_WORDS | LEADERSHIP_WORDS
# A summary that opens with a raise can carry a feature headline ("Acme wants to fix payroll").
_SUMMARY_VERBS = (" raised ", " secured ", " closed ", " landed ")
_LEAD_SPAN = 250


def extract_news(title: str, summary: str = "") -> list[Extraction]:
    """Events reported by a news item; [] when the item reports none we recognise."""
    headline = clean(title)
    tokens = words(headline)
    if not headline or not (tokens & _CUE_WORDS or any(verb in summary[:_LEAD_SPAN] for verb in _SUMMARY_VERBS)):
        return []
    body = strip_dateline(clean(summary[:SUMMARY_LIMIT]))
    found: list[Extraction] = []
    funding = extract_funding(headline, body, tokens)
    if funding is not None:
        found.append(funding)
    found.extend(extract_leadership(headline, body, funding.company_name if funding else None, tokens))
    return found
