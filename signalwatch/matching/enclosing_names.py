"""A mention the item writes inside a longer name: "Bay Company" in "Hudson’s Bay Company", "Macy" in "Macy’s", "Pay" in
"Pick ‘n Pay".

An extractor cuts a name at an apostrophe, a full stop or a quote more often than anywhere else ("St. Louis
Post-Dispatch" gives "Louis Post-Dispatch", "Research in Motion's" gives "Motion's"), and keeps a bare word of a name
("International" of "Network International"). When such a mention fits no account, the account may be the name the item
writes around the mention, at the place it writes the mention: the words next to it, taken while they are words of some
account's name, up to `_MAX_EXTRA` on either side, longest first. The item writing the name there is what settles it,
so a company the item does not name is never tied; two accounts at the mention's places are a guess, refused.
The look-up reads the item only when every word of the mention is a word of some account's name (a set test).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from signalwatch.matching.names import LEGAL_SUFFIXES, analyze, strip_possessive

__all__ = ["EnclosingNames"]

_MAX_EXTRA = 4  # words added on either side of the mention: a name, not the sentence around it
_JOINERS = LEGAL_SUFFIXES | {"the", "and", "of", "in"}  # words a name keeps inside it that its key may drop
_AND = frozenset({"and", "&", "or", "with", "vs", "vs."})  # "O2 and BE Broadband" is two companies, whatever the label
_MARK = re.compile(r"['\u2018\u2019\u02bc]")  # an apostrophe or a quote: where extractors cut names
_TOKEN = re.compile(r"\S+")
_REACH = 160  # characters either side of a mention read for its words: more than `_MAX_EXTRA` words of a name
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)  # a name's key drops it; the reason shows the name without it
_POSSESSIVE_IN = re.compile(r"['\u2019\u02bc]s\b")


class EnclosingNames:
    """The words of the account names (and of those names without an inner possessive: "macy" of "Macy’s"), and the
    word runs of an item that enclose a mention."""

    def __init__(self) -> None:
        self._words: set[str] = set()

    def add(self, name: str, key: str) -> None:
        """Index the words of one account name (`key` is `analyze(name).key`)."""
        self._words.update(key.split())
        if "'" in name or "\u2019" in name:
            self._words.update(analyze(_POSSESSIVE_IN.sub("", name)).key.split())

    def could_enclose(self, key: str) -> bool:
        """Whether every word of the mention's key is a word of some account's name (the item is read only then)."""
        words = key.split()
        return bool(words) and all(word in self._words for word in words)

    def _joins(self, token: str) -> bool:
        words = analyze(token).key.split()
        return all(word in self._words or word in _JOINERS for word in words)

    def runs(self, mention: str, raw: str, weak: bool = False) -> Iterator[tuple[int, str, str]]:
        """(where, run, key) for the word runs of `raw` that enclose a place `raw` writes `mention`, longest first at
        each place, with the key of the run (its possessive dropped when that is how an account writes it: the caller
        looks both up). A run never reaches across an "and" next to the mention ("BE Broadband" of "O2 and BE
        Broadband"). A `weak` mention (an ordinary word or a descriptor: "Bay", "Holdings") counts only where the item
        cuts a name at an apostrophe or a quote beside it ("Hudson’s Bay", "Pick ‘n Pay"), not as a word in a sentence."""
        name = mention.strip()
        if not name or name.lower() not in raw.lower():
            return
        for start, end in _places(name, raw):
            tokens = _tokens_near(raw, start, end)
            words = [raw[begin:stop] for begin, stop in tokens]
            first = next(i for i, (_, stop) in enumerate(tokens) if stop > start)
            last = next(i for i in range(first, len(tokens)) if tokens[i][1] >= end)
            if weak and not any(_MARK.search(word) for word in words[max(0, first - 1):last + 1]):
                continue
            low = first
            if not (low > 0 and words[low - 1].lower() in _AND):
                while low > 0 and first - low < _MAX_EXTRA and self._joins(words[low - 1]):
                    low -= 1
            high = last
            if not (high + 1 < len(tokens) and words[high + 1].lower() in _AND):
                while high + 1 < len(tokens) and high - last < _MAX_EXTRA and self._joins(words[high + 1]):
                    high += 1
            spans = sorted(((a, b) for a in range(low, first + 1) for b in range(last, high + 1)), key=lambda span: span[0] - span[1])
            for a, b in spans:
                run = _LEADING_THE.sub("", raw[tokens[a][0]:tokens[b][1]].strip(" ,;:.()\"'‘’“”"))
                yield start, run, analyze(run).key
                bare = strip_possessive(run)
                if bare:
                    yield start, run, analyze(bare).key


def _tokens_near(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the whole words of `raw` within `_REACH` characters of `raw[start:end]`: a name's words, not the
    item's (an item can be long, and most mentions have no name around them)."""
    low, high = max(0, start - _REACH), min(len(raw), end + _REACH)
    tokens = [(found.start(), found.end()) for found in _TOKEN.finditer(raw, low, high)]
    if low > 0 and not raw[low - 1].isspace():
        tokens = tokens[1:]  # a word cut at the window's edge
    if high < len(raw) and not raw[high].isspace():
        tokens = tokens[:-1]
    return tokens


def _places(name: str, raw: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each place `raw` writes `name` as whole words, in any case (a string search: a pattern per mention
    would be compiled for every mention, as each is another)."""
    lower, needle = raw.lower(), name.lower()
    if len(lower) != len(raw):  # a letter whose lower case is longer ("İ"): the places would not be the item's
        yield from ((found.start(), found.end()) for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", raw, re.IGNORECASE))
        return
    at = lower.find(needle)
    while at != -1:
        end = at + len(needle)
        if (at == 0 or not lower[at - 1].isalnum()) and (end == len(lower) or not lower[end].isalnum()):
            yield at, end
        at = lower.find(needle, at + 1)
