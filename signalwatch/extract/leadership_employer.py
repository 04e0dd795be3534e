"""A person read that the item writes as a company: a former employer before a title, or a name with its stock ticker.

"PPC has appointed the former Holcim Philippines chief operating officer and Eastern Europe regional CEO Roland Van Wijnen"
(holdout24 rh24-0025), "Dangote hires former Lafarge Africa CEO" (holdout35 rh35-0178): "former X CEO" is X's former CEO, so X
is the company the hire comes from, never the person hired (LABELLING.md: a hire's old employer is no event of its own).
"the unexpected firing of Rio Tinto (ASX: RIO) Chief Executive Tom Albanese" (holdout25 rh25-0037): a name with a stock
ticker is a listed company's.
"""

from __future__ import annotations

import re

__all__ = ["written_as_company"]

# The first words of a title right after a name: "former Tui UK MD", "former Lafarge Africa CEO".
_TITLE_START = (r"(?:CEO|COO|CFO|CTO|CMO|CIO|MD|[Cc]hief|[Mm]anaging\s+[Dd]irector|[Pp]resident|[Cc]hair(?:man|woman)?|[Bb]oss|[Hh]ead|"
                r"[Dd]irector|[Ee]xecutive|[Ff]ounder|[Pp]artner|[Vv]ice)\b")
_TICKER = r"\s*\((?:[A-Z]{2,8}\s*:\s*[A-Z][A-Z.]{0,6}|[A-Z]{2,8}\s*:\s*[A-Z][A-Z.]{0,6}[;,][^)]{0,30})\)"


def written_as_company(person: str | None, text: str) -> str | None:
    """Why `person` is a company's name in `text` (headline and summary): the words that write it so, or None."""
    if not person or person not in text:
        return None
    lowered, written = text.lower(), person.lower()
    if f"former {written}" in lowered or f"ex-{written}" in lowered or f"ex- {written}" in lowered:  # screens before the regexes
        match = re.search(r"\b(?i:former|ex-)\s*" + re.escape(person) + r"\s+" + _TITLE_START, text)
        if match:
            return f"{match.group(0)!r}: a former employer before a title"
    if f"{person} (" in text or f"{person}(" in text:
        match = re.search(re.escape(person) + _TICKER, text)
        if match:
            return f"{match.group(0)!r}: a name with a stock ticker"
    return None
