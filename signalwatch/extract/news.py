"""Funding and leadership events from one news item's headline and summary.

Precision first: an event is reported only when the headline itself has the grammar of a
funding or leadership announcement; the summary fills in details (amount, round, investors,
the person) but never turns an unrelated headline into an event, because summaries mention
past rounds and executives in passing.
"""

from __future__ import annotations

import re

from signalwatch.extract.funding import extract_funding
from signalwatch.extract.leadership import extract_leadership
from signalwatch.extract.model import Extraction
from signalwatch.extract.text import clean

__all__ = ["extract_news"]

SUMMARY_LIMIT = 700  # characters of summary read: the facts are in the first sentences

# A cheap screen run before any real pattern: most feed items mention none of these.
_CUE = re.compile(
    r"rais|secur|land|clos|complet|nab|bag|snag|pull|gets|receiv|collect|score|nets|grab|attract|bank|pick|rake|haul|reel|"
    r"bring|win|won|award|emerg|launch|debut|stealth|announc|clinch|garner|obtain|draw|invest|back|lead|bet|pour|puts|adds|"
    r"appoint|name|tap|hire|join|promot|elevat|welcom|rope|select|recruit|poach|lure|step|resign|depart|exit|leav|retir|oust|"
    r"fire|quit|successor|transition|succession|strengthen|bolster|expand|boost|lose|part|bow|move|becom|elect|chief|"
    r"\b(?:ceo|cfo|cto|coo|cro|cmo|cpo)\b",
    re.IGNORECASE,
)


def extract_news(title: str, summary: str = "") -> list[Extraction]:
    """Events reported by a news item; [] when the item reports none we recognise."""
    headline = clean(title)
    if not headline or not _CUE.search(headline):
        return []
    body = clean(summary[:SUMMARY_LIMIT])
    found: list[Extraction] = []
    funding = extract_funding(headline, body)
    if funding is not None:
        found.append(funding)
    found.extend(extract_leadership(headline, body, funding.company_name if funding else None))
    return found
