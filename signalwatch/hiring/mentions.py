"""Technologies named in a job posting, as ids of the shared catalog (`signalwatch.techstack.catalog`).

One dictionary for every signal family, so a rule written for "hiring a Salesforce admin"
and one for "adopted Salesforce" select on the same id.
"""

from __future__ import annotations

import threading

from signalwatch.techstack.catalog import Catalog, default_catalog

__all__ = ["technologies_in"]

# The bundled catalog is built on first use (YAML and a few large regexes, about 0.2 s), and
# job-board fetch workers ask for it at once: without the lock each of them built its own.
_FIRST_USE = threading.Lock()


def technologies_in(*texts: str) -> tuple[str, ...]:
    """Sorted technology ids named in the given texts (title, description)."""
    catalog: Catalog | None = None
    found: set[str] = set()
    for text in texts:
        if text:
            if catalog is None:
                with _FIRST_USE:
                    catalog = default_catalog()
            found.update(catalog.find_mentions(text))
    return tuple(sorted(found))
