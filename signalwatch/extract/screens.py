"""Cheap screens read off a compiled pattern: the characters every match of it needs, so a text without one is never searched.

A pattern that opens with optional groups ("(?:⟪co⟫'s\\s+)?(?:its\\s+|the\\s+)?⟦t⟧ ⟪p⟫ resigns") is tried at every position of
a text before `search` gives up; a substring test for a character it cannot match without ("⟦") costs almost nothing.
The characters are found by walking the pattern's parse tree: a character counts only when every way of matching holds it
(every branch of an alternation, a repeat only when it must occur at least once; a lookahead or lookbehind counts too,
since it must find its text in the string searched). Where the tree holds a node this walk does not know, it counts
nothing there, so a screen may miss a saving but never refuses a text the pattern would match.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["required_chars", "required_words", "Screened", "AnyOf", "alternatives", "by_first_letter"]

_sre: Any
_sre_parse: Any
try:  # the parser `re` compiles with (Python 3.11+, private): without it no screen is read and every text is searched
    _sre, _sre_parse = importlib.import_module("re._constants"), importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python
    _sre = _sre_parse = None


def required_chars(pattern: re.Pattern[str], chars: str) -> str:
    """Those of `chars` that every match of `pattern` holds, in the order of `chars` ("" when unknown).

    Only for characters that no other character matches case-blindly (markers and punctuation, not letters).
    """
    if _sre_parse is None:
        return ""  # pragma: no cover
    wanted = {ord(char) for char in chars}
    try:
        found = _needed(_sre_parse.parse(pattern.pattern, pattern.flags), wanted)
    except Exception:  # noqa: BLE001 - an unknown parser: no screen, every text is searched  # pragma: no cover
        return ""
    return "".join(char for char in chars if ord(char) in found)


def _needed(items: Any, wanted: set[int]) -> set[int]:
    """The `wanted` code points a sequence of parsed nodes needs: those any of its nodes needs."""
    found: set[int] = set()
    for op, value in items:
        found |= _node(op, value, wanted)
    return found


def _node(op: Any, value: Any, wanted: set[int]) -> set[int]:
    if op is _sre.LITERAL:
        return {value} & wanted
    if op is _sre.SUBPATTERN:  # a group: (group, add flags, del flags, the sequence)
        return _needed(value[-1], wanted)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        least, _, item = value
        return _needed(item, wanted) if least >= 1 else set()
    if op is _sre.BRANCH:  # every alternative must hold it
        branches = [_needed(branch, wanted) for branch in value[1]]
        return set.intersection(*branches) if branches else set()
    if op is _sre.ASSERT:  # a lookahead or lookbehind that must match: its text is in the string searched
        return _needed(value[1], wanted)
    if op is _sre.ATOMIC_GROUP:
        return _needed(value, wanted)
    return set()  # a class, a negative lookaround, a backreference, a conditional ...: nothing known to be needed


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which every match of `pattern` holds (in any case), or None when the walk finds no
    such set. "(?i)\\s+(?:from|via)\\s+(?:an?\\s+)?(?:rights\\s+issue|ipo)\\b" → ("from", "via") or ("ipo", "rights"): of the
    parts every match passes through, the one whose strings are longest, then fewest."""
    if _sre_parse is None:
        return None  # pragma: no cover
    try:
        found = _words(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - an unknown parser: no screen  # pragma: no cover
        return None
    return tuple(sorted(found)) if found else None


def _words(items: Any) -> set[str] | None:
    """The best set of strings one of which a sequence of parsed nodes needs, else None."""
    choices: list[set[str]] = []
    run = ""  # consecutive ASCII literal characters: a string every match holds
    for op, value in items:
        if op is _sre.LITERAL and value < 128:
            run += chr(value).lower()
            continue
        if run:
            choices.append({run})
            run = ""
        found: set[str] | None = None
        if op is _sre.SUBPATTERN:
            found = _words(value[-1])
        elif op is _sre.ATOMIC_GROUP:
            found = _words(value)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            found = _words(value[2])
        elif op is _sre.ASSERT:
            found = _words(value[1])
        elif op is _sre.BRANCH:
            branches = [_words(branch) for branch in value[1]]
            if branches and all(branch for branch in branches):
                found = set().union(*branches)  # type: ignore[arg-type]
        if found:
            choices.append(found)
    if run:
        choices.append({run})
    return max(choices, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


class Screened:
    """A compiled pattern behind the screen `required_words` reads off it: an ASCII text that holds none of the words (in any
    case) gets no match without the pattern being tried. Other text is always searched: a case-blind pattern can match
    letters beyond ASCII ("ı" for "i", "K" for "k"). The whole text is screened, whatever the position asked, since a
    lookbehind may read before it. Answers as `re.Pattern` does for `search`, `match`, `fullmatch`, `findall` and `finditer`."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.compiled = pattern
        self.pattern = pattern.pattern
        self.words = required_words(pattern)

    def _passes(self, text: str) -> bool:
        return self.words is None or self.may_match(text.lower() if text.isascii() else None)

    def may_match(self, lowered: str | None) -> bool:
        """The screen on a text already lower-cased (None: a text beyond ASCII, always searched): False only when the
        text holds none of the words."""
        return self.words is None or lowered is None or any(map(lowered.__contains__, self.words))  # map: runs per pattern tried

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos) if self._passes(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos) if self._passes(text) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos) if self._passes(text) else None

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(text, pos, endpos) if self._passes(text) else []

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos) if self._passes(text) else iter(())


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source ("a|b(?:c|d)" → ["a", "b(?:c|d)"]); [source] when it has one, or when
    it cannot be split safely (a global inline flag, a backreference): each part must mean alone what it meant in the whole."""
    if (source.startswith("(?") and source[2:3].isalpha()) or "(?P=" in source or re.search(r"\\[1-9]", source):
        return [source]
    parts: list[str] = []
    depth = start = index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":  # a class: "|" and brackets inside it are literal; "]" right after "[" or "[^" is too
            index += 2 if source[index + 1 : index + 2] == "^" else 1
            index += 1 if source[index : index + 1] == "]" else 0
            while index < len(source) and source[index] != "]":
                index += 2 if source[index] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    parts.append(source[start:])
    return parts


def by_first_letter(pattern: re.Pattern[str], head: str, tail: str) -> re.Pattern[str]:
    """`pattern`, written `head(?:alternatives)tail`, with its alternatives grouped by the letter each opens with
    ("r(?:aises|aised|…)|s(?:ecures|…)|…"): the same matches, found faster. At each place it is tried, `re` passes over an
    alternative whose first letter differs for the cost of a comparison, but enters every one that opens with a group or an
    option. So an alternative that opens with one is first written out ("(?:is\\s+)?awarded" as "is\\s+awarded|awarded",
    "(?:to|will)\\s+raise" as "to\\s+raise|will\\s+raise"): the same texts tried in the same order. Alternatives of two first
    letters never match at the same place, so grouping them keeps the order that matters. A pattern this cannot regroup so
    (a case-blind one, an alternative that opens otherwise than with a letter) raises ValueError at import."""
    source = pattern.pattern
    if pattern.flags & re.IGNORECASE or not (source.startswith(head + "(?:") and source.endswith(")" + tail)):
        raise ValueError(f"not a case-sensitive head(?:...)tail pattern: {source[:60]!r}")
    groups: dict[str, list[str]] = {}
    for part in alternatives(source[len(head) + 3 : len(source) - len(tail) - 1]):
        for form in _written_out(part):
            if not ("a" <= form[:1] <= "z") or form[1:2] in ("?", "*", "+", "{"):
                raise ValueError(f"an alternative that does not open with a letter: {form!r}")
            groups.setdefault(form[0], []).append(form[1:])
    body = "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())
    return re.compile(f"{head}(?:{body}){tail}", pattern.flags)


def _written_out(alternative: str) -> list[str]:
    """An alternative that opens with a group, "(?:a|b)c" or "(?:a)?c", as the alternatives "ac", "bc" (and "c"), tried in
    that order as the group's were (a greedy option tries its text first); any other as it is."""
    if not alternative.startswith("(?:"):
        return [alternative]
    depth, index = 0, 0
    while True:  # the group's closing bracket (a class in the group is refused: its brackets would be counted)
        char = alternative[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            raise ValueError(f"a class in an opening group: {alternative!r}")
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            break
        index += 1
    inner, rest = alternative[3:index], alternative[index + 1 :]
    optional = rest.startswith("?")
    rest = rest[1:] if optional else rest
    if rest[:1] in ("?", "*", "+", "{"):  # a repeat or a lazy option: not two plain forms
        raise ValueError(f"an opening group this cannot write out: {alternative!r}")
    forms = [part + rest for part in alternatives(inner)] + ([rest] if optional else [])
    return [written for form in forms for written in _written_out(form)]


class AnyOf:
    """Whether a pattern matches anywhere in a text, asked of its top-level alternatives one by one, each behind the words
    `required_words` reads off it (an alternation is tried whole at every position of the text; most texts hold none of
    the words most alternatives need). `found_in(text)` is `bool(pattern.search(text))`: a match of the alternation at a
    position is a match of one alternative there. ASCII text only is screened, as `Screened` does."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.compiled = pattern
        self.parts = tuple(Screened(re.compile(part, pattern.flags)) for part in alternatives(pattern.pattern))

    def found_in(self, text: str) -> bool:
        lowered = text.lower() if text.isascii() else None  # once for every alternative
        return any(part.may_match(lowered) and part.compiled.search(text) is not None for part in self.parts)
