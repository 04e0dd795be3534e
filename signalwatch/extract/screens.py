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
from typing import Any

__all__ = ["required_chars"]

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
