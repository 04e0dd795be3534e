"""Technologies named in a job posting, as ids of the shared catalog (`signalwatch.techstack.catalog`).

One dictionary for every signal family, so a rule written for "hiring a Salesforce admin"
and one for "adopted Salesforce" select on the same id.
"""

from __future__ import annotations

from signalwatch.techstack.catalog import find_mentions

__all__ = ["technologies_in"]


def technologies_in(*texts: str) -> tuple[str, ...]:
    """Sorted technology ids named in the given texts (title, description)."""
    found: set[str] = set()
    for text in texts:
        if text:
            found.update(find_mentions(text))
    return tuple(sorted(found))
