"""The words an extractor quotes in its "why": a clause shortened to a length, at a word boundary.

`signalwatch extract --explain` shows the "why" to people: a quote cut mid-word ("… $200 million in c")
reads as a bug, so a long clause ends at its last whole word, with an ellipsis to say there is more.
"""

from __future__ import annotations

__all__ = ["ELLIPSIS", "excerpt"]

ELLIPSIS = "…"
_TRAILING = " ,;:-–—/("  # what a shortened quote does not end on


def excerpt(text: str, limit: int) -> str:
    """`text` on one line (runs of white space made one space), at most `limit` characters and an ellipsis.

    A text that fits is returned whole; a longer one is cut after its last whole word within `limit`
    (a single word longer than `limit` is cut inside it), its trailing punctuation dropped, then "…".
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[:limit]
    if flat[limit] != " " and " " in head:
        head = head[: head.rindex(" ")]  # the word `limit` falls in is left out whole
    return head.rstrip(_TRAILING) + ELLIPSIS
