"""Another name the headline writes, for an event whose own company ties to no account: "Viehbacher swings the axe at Biogen".

The extractor sometimes takes the wrong words of a headline for the company: a person ("Thodey Gets Top Telstra Job"),
a place ("R & D 'brains' to stay in Cambridge as Darktrace changes CEO"), a headline word ("Psychedelic CEO steps
down"). When that mention ties to nothing, the account may still be named by another capitalised span of the same
headline. It is taken only when all of these hold, each a guard measured on the spent sets (round 16):

- the event is a leadership change or a layoff: an acquisition's or a raise's other span is usually the other party
  (the acquirer, which has its own event; the investor: "SoftBank Cuts a $500M Check for CMT"), so those are left out
  by the caller (measured: funding gained 4 right alerts for 3 wrong);
- the mention is written in the headline (a mention read from the summary is a second event of the item, whose
  headline company the first event already holds);
- the span is not part of the mention, nor the mention part of it: a name's own words are its short form, which the
  resolver's rules already judge ("Carta Healthcare" is not Carta, "Telenor Norway" a unit of Telenor);
- the span ties by name, alias, domain or a legal form, never by the item's context alone;
- the text below the headline writes the span too (or there is none): a name the item only drops in its headline
  ("former Mastercard CEO to lead World Bank") is seldom what the item is about;
- exactly one account ties: two candidate spans that tie to two accounts are a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from signalwatch.matching.evidence import ItemText, _normalize
from signalwatch.matching.names import strip_possessive

__all__ = ["HeadlineName", "name_spans", "other_headline_name", "TRUSTED_METHODS"]

# A run of capitalised words (or numbers), joined by the small words names keep inside them: "Bank of Africa",
# "Marks & Spencer". Its contiguous parts are tried too: "Greencore CFO to take top job at Paddy Power" gives "Paddy Power".
_RUN = re.compile(r"[A-Z0-9][\w&'’.-]*(?:\s+(?:of|&|and|de|the)?\s*[A-Z0-9][\w&'’.-]*)*")
_MAX_WORDS = 8  # longer runs are shouted headlines; their parts are bounded so the look-ups stay a handful
# How a span must tie: by what it is called, never by what the item says around it.
TRUSTED_METHODS = frozenset({"name", "alias", "domain", "name_weak"})


@dataclass(frozen=True)
class HeadlineName:
    """The one account another span of the headline ties to, and the span."""

    account_id: int
    span: str


def name_spans(title: str) -> Iterator[str]:
    """The capitalised spans of a headline and their contiguous parts, longest first within each run, each once."""
    seen: set[str] = set()
    for run in _RUN.finditer(title):
        words = run.group(0).split()[:_MAX_WORDS]
        for start in range(len(words)):
            for end in range(len(words), start, -1):
                span = " ".join(words[start:end])
                if span not in seen:
                    seen.add(span)
                    yield span


def _written_below(span: str, below: ItemText) -> bool:
    """Whether the text below the headline writes the span (its possessive dropped) as whole words."""
    return below.has(_normalize(strip_possessive(span) or span))


def other_headline_name(
    mention: str, title: str, summary: str, tie: Callable[[str], tuple[int | None, str]]
) -> HeadlineName | None:
    """The one account another span of `title` ties to by `tie` (span → (account id or None, method)), under the module's
    guards (the event's type is the caller's to check); None when no span or several accounts qualify."""
    if not mention or mention not in title:
        return None
    found: dict[int, str] = {}
    below = ItemText.of(summary) if summary else None  # prepared once for every span
    for span in name_spans(title):
        if span in mention or mention in span or (below is not None and not _written_below(span, below)):
            continue
        account_id, method = tie(span)
        if account_id is not None and method in TRUSTED_METHODS:
            found.setdefault(account_id, span)
            if len(found) > 1:
                return None
    if len(found) != 1:
        return None
    account_id, span = next(iter(found.items()))
    return HeadlineName(account_id, span)
