"""A departure the item tells as background: the one replaced left, or died, before the change the item reports.

LABELLING.md (ruling 1 of round 17, and "a predecessor's death is background"): an exit dated before the announcement
("who resigned in December", "whose contract concluded on March 19", "has been interim CEO since Ametsreiter's exit") or a
death is background, not a departure; a predecessor still leaving when the successor is named is one. leadership.py
already refuses "replace Mbuvi Ngunze who resigned last year" right after a succession rule's name; this module reads the
same facts wherever the item writes them about the departing person, so that a headline's "Christel Heydemann replaces
Richard" is background when the summary says "She replaces Stephane Richard who resigned last year" (holdout7 rh7-0085).
"""

from __future__ import annotations

import re

from signalwatch.extract.leadership_found import Found

__all__ = ["background_departure", "left_before", "PAST_TIME"]

# The surname a cue is about: the word before ", who ...", with a parenthesis ("Naim Bilal (right) whose term expired") or
# an apposition ("Christophe de Margerie, the executive chairman who died") between.
_NAME = r"(?P<who>[A-Z][\w'’-]+)(?:\s*\([^)]{0,20}\))?(?:,\s+(?:the|a|an|its|his|her)\s+[^,;.]{0,40}?)?,?\s+"
# A time before the news ("last year", "two months ago", "in March"); leadership.py's `_GONE_BEFORE` reads it too.
PAST_TIME = (r"(?:last\s+(?:year|month|week|fall|spring|summer|winter|autumn)|earlier\s+this\s+(?:year|month|week)|"
              r"(?:\d+|two|three|four|five|six|several)\s+(?:years?|months?|weeks?)\s+ago|in\s+(?:January|February|March|April|May|"
              r"June|July|August|September|October|November|December|(?:19|20)\d\d))\b")
# Each cue, and what it tells (for `why_none`).
_CUES = (
    (re.compile(_NAME + r"who\s+(?:had\s+)?(?:\w+ly\s+)?(?:died|passed\s+away|was\s+killed)\b"), "died"),
    (re.compile(r"\b(?i:death|passing)\s+of\s+(?:[A-Z][\w.'’-]*\s+){0,3}?(?P<who>[A-Z][\w'’-]+)\b(?!\s+[A-Z])"), "died"),
    (re.compile(_NAME + r"who\s+(?:had\s+)?(?:\w+ly\s+)?(?:resigned|quit|left|departed|retired|stepped\s+down|exited|"
                r"was\s+(?:ousted|fired|sacked|dismissed|removed))\b(?![^.;,]{0,60}?\b(?:of|at)\s+[A-Z])[^.;,]{0,60}?\b" + PAST_TIME),
     "left at a time before the news"),
    (re.compile(_NAME + r"whose\s+(?:contract|term|tenure|mandate)\b[^.;]{0,40}?\b(?:expired|ended|concluded|lapsed|ran\s+out)\b"),
     "whose term had ended"),
    (re.compile(r"\b(?i:since)\s+(?:[\w.-]+\s+){0,3}?(?P<who>[A-Z][\w-]+)(?:'s|’s|'|’)\s+(?:\w+\s+)?"
                r"(?i:exit|departure|resignation|retirement|death|ouster|dismissal|passing)\b"), "left before (\"since X's exit\")"),
)
_CUE_WORDS = ("died", "passed away", "killed", "death", "passing", "who ", "whose", "since")
# Someone has held the role on an acting basis since a past date: whoever held it before left earlier ("has been acting CEO since
# September, succeeding Claudio G Loddo", holdout12 rh12-0173; "after holding the post temporarily since July", holdout26
# rh26-0124), unless the departing person is that someone ("Les Guthrie who has been acting as interim CEO since May",
# holdout29 rh29-0201).
_INTERIM_SINCE = re.compile(r"\b(?i:acting|interim|temporarily)\b[^.;]{0,40}?\bsince\b")


# Rules that read a successor's predecessor: the only departures a headline reads that may still be background ("Christel
# Heydemann replaces Richard at Orange", holdout7 rh7-0085); a headline's own departure verb ("MTN Business Kenya begins search
# for successor as boss steps down", holdout10 rh10-0235) is the item's news (LABELLING.md).
_SUCCESSION_WORDS = ("replace", "succe", "takes-over")


def background_departure(event: Found, text: str) -> str | None:
    """Why a departure read in the item `text` (headline, ". ", summary) is background, or None (see `left_before`)."""
    if event.change != "departed" or (event.clause == 0 and not any(word in event.rule for word in _SUCCESSION_WORDS)):
        return None
    return left_before(event.person, text)


def left_before(person: str | None, text: str) -> str | None:
    """Why the departure of `person` is background in `text` (headline and summary), or None when nothing says so."""
    if not person:
        return None
    lowered = text.lower()
    if not any(word in lowered for word in _CUE_WORDS):  # the common case: no cue, no regex
        return None
    surname = person.split()[-1].lower()
    if surname not in lowered:
        return None
    for cue, told in _CUES:
        for match in cue.finditer(text):
            if match.group("who").lower().rstrip("'’") == surname:
                return f"{person} {told}: {match.group(0)!r}"
    if "since" in lowered:
        for match in _INTERIM_SINCE.finditer(text):
            sentence_start = max(text.rfind(". ", 0, match.start()), 0)
            if surname not in lowered[sentence_start:match.start()]:
                return f"the role was held on an acting basis before the news, so {person} left earlier: {match.group(0)!r}"
    return None
