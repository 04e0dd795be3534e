"""A name shortened to the first letters of its words, as news writes it: "StanChart", "SingTel", "HCL Tech", "Air NZ", "A-B".

Initials ("TCS") are one such form (`written_forms`); news also keeps more of each word: "StanChart" is Standard
Chartered, "SingTel" Singapore Telecommunications, "HCL Tech" HCL Technologies, "Air NZ" Air New Zealand, "A-B"
Anheuser-Busch, "M&S" Marks and Spencer, "USS" U.S. Steel. A mention that looks shortened (a capital inside a word, or a
word of 2-5 capitals) is read as the start of each word of a name, in order, the small joining words ("and", "of") and a
generic tail ("Bank", "Ltd") allowed to go unwritten. The name must be one the item writes in full: the item settles it,
so a namesake the item does not name is never tied. The item's words are scanned only for such a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from signalwatch.matching.evidence import GENERIC_WORDS
from signalwatch.matching.names import DESCRIPTORS, fold

__all__ = ["looks_shortened", "shortened_names"]

_SKIPPABLE = frozenset({"and", "of", "the", "de"})
_TAIL = GENERIC_WORDS | DESCRIPTORS | frozenset({"co", "cos", "corp", "inc", "ltd", "plc", "group", "company"})
_MAX_NAME_WORDS = 6
_CAPITALS = re.compile(r"^[A-Z][A-Z&.-]{1,6}$")  # "USS", "M&S", "A-B", "NZ"
_CAMEL = re.compile(r"[a-z][A-Z]")  # "StanChart", "SingTel"
_WORDS = re.compile(r"[a-z0-9]+")


def looks_shortened(mention: str) -> bool:
    """Whether a mention of one or two words has a capital inside a word or a word of 2-5 capitals."""
    words = mention.split()
    if not 1 <= len(words) <= 2:
        return False
    return any(_CAMEL.search(word) or (_CAPITALS.match(word) and sum(c.isalpha() for c in word) <= 5) for word in words)


def _letters(mention: str) -> str:
    """The mention's letters and digits, lower-case, its "&" dropped (it stands for the "and" the name may write)."""
    return "".join(_WORDS.findall(fold(mention).lower()))


@lru_cache(maxsize=65536)
def _covers(letters: str, words: tuple[str, ...]) -> bool:
    """Whether `letters` is the start of each word in turn (joining words may be skipped, a generic tail left out),
    covering at least two words."""
    def walk(i: int, j: int, used: int) -> bool:
        if i == len(letters):
            return used >= 2 and all(word in _TAIL or word in _SKIPPABLE for word in words[j:])
        if j == len(words):
            return False
        word = words[j]
        if word in _SKIPPABLE and walk(i, j + 1, used):
            return True
        size = 1
        while size <= len(word) and i + size <= len(letters) and letters[i + size - 1] == word[size - 1]:
            if walk(i + size, j + 1, used + 1):
                return True
            size += 1
        return False

    return bool(letters) and bool(words) and walk(0, 0, 0)


def _joined_letters(words: list[str]) -> list[str]:
    """Single letters in a row joined, as a name's key joins them: "U.S. Steel" is "us steel"."""
    out: list[str] = []
    letters = False  # whether the last word out is single letters joined
    for word in words:
        single = len(word) == 1 and word.isalpha()
        if single and letters:
            out[-1] += word
        else:
            out.append(word)
        letters = single
    return out


def shortened_names(mention: str, raw: str) -> Iterator[tuple[int, str]]:
    """The word runs of `raw` (the item's text, normalized to keys' words) that `mention` shortens, with the word they
    start at, longest first at each place the item writes a word starting with the mention's first letter; nothing
    unless the mention `looks_shortened`."""
    if not looks_shortened(mention):
        return
    letters = _letters(mention)
    if len(letters) < 2:
        return
    words = _joined_letters(_WORDS.findall(fold(raw).lower().replace("&", " and ")))
    for start, first in enumerate(words):
        if first[0] != letters[0]:
            continue
        for size in range(min(_MAX_NAME_WORDS, len(words) - start), 1, -1):
            run = tuple(words[start:start + size])
            if " ".join(run) != letters and _covers(letters, run):
                yield start, " ".join(run)
