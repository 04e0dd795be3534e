"""A name misspelt by one letter, or spaced otherwise, where the item also writes it right: "Hotsuite" beside "Hootsuite",
"Fitibit" beside "Fitbit", "Natural Motion" beside "NaturalMotion".

Headlines carry typos the text below does not. When a mention fits no account, the item's word runs that start as the
mention starts (its first three letters) are compared with it, letters only: the same letters spaced otherwise, or one
letter added, dropped or changed. Only a mention of six letters or more: shorter names are one letter apart from too many
others ("Oze", "Ola"). The run must be an account's name the item writes, so a company the item does not name is never
tied; the scan reads only the places where a word starts with the mention's first letters (a substring search).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from signalwatch.matching.names import fold, strip_possessive

__all__ = ["near_spellings"]

_MIN_LETTERS = 6
_PREFIX = 2
_LETTERS = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"\S+")
_OPENING = "(\"'‘“"


def _letters(text: str) -> str:
    return "".join(_LETTERS.findall(text.lower() if text.isascii() else fold(text)))


def _one_apart(first: str, second: str) -> bool:
    """Whether two different strings are one letter added, dropped or changed apart."""
    if abs(len(first) - len(second)) > 1 or first == second:
        return False
    if len(first) > len(second):
        first, second = second, first
    i = 0
    while i < len(first) and first[i] == second[i]:
        i += 1
    if len(first) == len(second):
        return first[i + 1:] == second[i + 1:]
    return first[i:] == second[i + 1:]


def near_spellings(mention: str, raw: str) -> Iterator[tuple[int, str]]:
    """(where, run) for the word runs of `raw` (as many words as the mention, or one more or fewer) that spell the mention
    one letter apart or spaced otherwise, not the mention as written."""
    letters = _letters(mention)
    if len(letters) < _MIN_LETTERS:
        return
    prefix = letters[:_PREFIX]
    if not _starts_a_word(prefix, (raw.lower() if raw.isascii() else fold(raw)).replace(mention.lower(), " ")):
        return  # the item writes the mention's first letters nowhere but in the mention
    size = len(mention.split())
    tokens = list(_WORD.finditer(raw))
    for start, token in enumerate(tokens):
        if not token.group().lower().lstrip(_OPENING).startswith(prefix) or not _letters(token.group()).startswith(prefix):
            continue
        for count in range(max(1, size - 1), size + 2):
            if start + count > len(tokens):
                break
            run = raw[token.start():tokens[start + count - 1].end()].strip(" ,;:.()\"'‘’“”")
            run = strip_possessive(run) or run
            other = _letters(run)
            if run != mention.strip() and (other == letters or _one_apart(other, letters)):
                yield token.start(), run


def _starts_a_word(prefix: str, text: str) -> bool:
    """Whether a word of `text` starts with `prefix` (a string search: a pattern per prefix would be compiled again and
    again as re's cache turns over)."""
    at = text.find(prefix)
    while at != -1:
        if at == 0 or not text[at - 1].isalnum():
            return True
        at = text.find(prefix, at + 1)
    return False
