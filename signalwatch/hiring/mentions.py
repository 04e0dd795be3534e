"""Technologies named in a job posting, via the shared catalog in `signalwatch.technologies`.

The catalog is built on its own branch; until it is merged, postings simply carry no
technologies rather than a second, diverging dictionary living here.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["technologies_in", "CATALOG_AVAILABLE"]

try:
    from signalwatch.technologies import find_mentions as _find_mentions
except ImportError:  # the shared catalog is not merged yet
    _find_mentions = None

CATALOG_AVAILABLE = _find_mentions is not None
_finder: Callable[[str], list[str]] | None = _find_mentions


def technologies_in(*texts: str) -> tuple[str, ...]:
    """Sorted technology ids named in the given texts (title, description)."""
    if _finder is None:
        return ()
    found: set[str] = set()
    for text in texts:
        if text:
            found.update(_finder(text))
    return tuple(sorted(found))
