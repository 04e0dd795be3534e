"""Finding catalog phrases in free text: one alternation, run only over the phrases the text can contain.

A job description is ~2 KB and the catalog has hundreds of phrases; scanning with the
alternation of all of them costs milliseconds per description. Every phrase match is
bounded by non-word characters (see `BEFORE`/`AFTER`), so each run of word characters in
a phrase appears in the text as a whole word. The matcher indexes each phrase by its
longest word, collects the text's words, and scans with the alternation of just the
phrases all of whose words occur, in the same longest-first order.
A phrase that cannot match anywhere changes nothing at any position, so the matches are
exactly those of the full alternation (a test compares the two over a varied corpus).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

__all__ = ["AFTER", "BEFORE", "PhraseMatcher"]

# A mention must stand alone: not glued to a word, nor part of an e-mail address, URL path or
# host name ("jobs@hubspot.com", "cdn.segment.com"), which name a company, not its use.
BEFORE = r"(?<![\w@/.])"
AFTER = r"(?!\w)"

_WORD = re.compile(r"\w+")
# Characters that `re.IGNORECASE` matches to an ASCII letter but `str.lower` does not turn
# into one (found by scanning every code point): folded here so the word index agrees.
_ASCII_TWINS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_CACHE_LIMIT = 4096  # distinct candidate sets kept compiled


class PhraseMatcher:
    """Phrases (already normalized: words separated by single spaces), matched longest first.

    `ignore_case` phrases must be case-folded; their matches ignore case as `re.IGNORECASE` does.
    """

    def __init__(self, phrases: Sequence[str], *, ignore_case: bool) -> None:
        self._phrases = sorted(phrases, key=len, reverse=True)  # stable: ties keep their given order
        self._flags = re.IGNORECASE if ignore_case else 0
        self._ignore_case = ignore_case
        self._alternatives = [r"\s+".join(re.escape(word) for word in key.split()) for key in self._phrases]
        self.full = self._compile(range(len(self._phrases)))
        self._by_word: dict[str, list[tuple[int, frozenset[str]]]] = {}
        self._unindexed: list[int] = []
        for index, phrase in enumerate(self._phrases):
            words = frozenset(_WORD.findall(phrase))
            # A folded non-ASCII word could be matched by case variants `str.lower` does not
            # produce; such phrases (none in the bundled catalog) are always scanned.
            if not words or (ignore_case and not phrase.isascii()):
                self._unindexed.append(index)
            else:
                self._by_word.setdefault(max(words, key=len), []).append((index, words))
        self._compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    @staticmethod
    def words(text: str) -> frozenset[str]:
        """The words of `text`, as `finditer` takes them (collect once for several matchers)."""
        return frozenset(_WORD.findall(text))

    def finditer(self, text: str, words: frozenset[str] | None = None) -> Iterator[re.Match[str]]:
        """The matches of the full alternation in `text`, found by scanning with the candidates only."""
        regex = self._candidates_regex(self.words(text) if words is None else words)
        return regex.finditer(text) if regex is not None else iter(())

    def _candidates_regex(self, words: frozenset[str]) -> re.Pattern[str] | None:
        if self._ignore_case:  # the twins are not ASCII: an ASCII word (nearly every one) needs no translation
            words = frozenset((word if word.isascii() else word.translate(_ASCII_TWINS)).lower() for word in words)
        found = [index for word in words & self._by_word.keys()
                 for index, needed in self._by_word[word] if needed <= words]
        candidates = tuple(sorted(found + self._unindexed))
        try:
            return self._compiled[candidates]
        except KeyError:
            pass
        if len(self._compiled) >= _CACHE_LIMIT:
            self._compiled.clear()
        regex = self._compile(candidates) if candidates else None
        self._compiled[candidates] = regex
        return regex

    def _compile(self, indexes: Sequence[int] | range) -> re.Pattern[str] | None:
        if not indexes:
            return None
        alternatives = "|".join(self._alternatives[index] for index in indexes)
        return re.compile(BEFORE + "(?:" + alternatives + ")" + AFTER, self._flags)
