"""Companies whose names open in lower case: "d.light Secures $300 Million ...", "Mexican challenger albo raises $45m".

The round readers take a company's name to open with a capital, so a headline led by such a name reads no round. When
they find none, this module looks for a headline word that opens in lower case, is no word of the spelling dictionary,
and is written as a name: with a capital, a dot or a digit inside ("d.light", "mPharma", "uLesson"), or, in the summary,
opening a sentence or set off by commas ("Mexican challenger bank, albo, has raised"). The item is read again with the
word capitalised, and the names read are given back their own spelling. A sector word the dictionary lacks ("fintech",
"edtech") is neither: nothing is read again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from signalwatch.extract.model import Extraction
from signalwatch.matching.names import common_words

__all__ = ["lower_case_name", "read_with_lower_case_name"]

# A headline word that opens in lower case: letters, digits and inner dots ("d.light"; not a trailing full stop).
_WORD = re.compile(r"(?<![\w.’'-])[a-z][\w]*(?:\.[a-z]\w*)?(?![\w’'-])")
_INSIDE = re.compile(r"[A-Z0-9.]")  # a capital, a digit or a dot inside a word: "mPharma", "d.light"


def _written_as_name(word: str, summary: str) -> bool:
    """Whether the summary writes `word` (in its own case) opening a sentence or set off by commas ("bank, albo, has")."""
    escaped = re.escape(word)
    return re.search(rf"(?:^|[.!?]\s+|,\s+){escaped}(?:,|\s+(?:has|had|is|was|said|says|announced|raised|secured|closed)\b)",
                     summary) is not None


def lower_case_name(headline: str, summary: str) -> str | None:
    """The headline's name that opens in lower case (see the module), or None."""
    if headline.islower() or summary.islower():
        return None  # a text written all in lower case tells no names apart
    dictionary = common_words()
    for match in _WORD.finditer(headline):
        word = match.group(0)
        if word in dictionary or (summary and word not in summary) or word.lower() in dictionary:
            continue  # plain set and substring tests first: most headline words fail here
        if not _INSIDE.search(word[1:]) and not (summary and _may_be_written_as_name(word, summary) and _written_as_name(word, summary)):
            continue
        if summary and not re.search(rf"(?<![\w.]){re.escape(word)}(?![\w’'-]|\.\w)", summary):
            continue  # the summary, when there is one, writes the name as the headline does
        return word
    return None


def _may_be_written_as_name(word: str, summary: str) -> bool:
    """A plain substring screen for `_written_as_name`: the summary opens with the word or writes it after a comma or a
    sentence's end and one space (the regex's other whitespace is not met in news summaries)."""
    return summary.startswith(word) or any(f"{mark} {word}" in summary for mark in ",.?!")


def read_with_lower_case_name(read: Callable[[str, str], Sequence[Extraction]], headline: str, summary: str) -> list[Extraction]:
    """The events `read` finds in the item with its lower-case name capitalised, that name spelled back as written; [] when
    the headline holds no such name (`lower_case_name`)."""
    word = lower_case_name(headline, summary)
    if word is None:
        return []
    capital = word[0].upper() + word[1:]
    written = re.compile(rf"(?<![\w.]){re.escape(word)}(?![\w’'-]|\.\w)")
    found = list(read(written.sub(capital, headline), written.sub(capital, summary)))
    back = re.compile(rf"(?<![\w.]){re.escape(capital)}(?![\w’'-]|\.\w)")

    def spelled(name: str) -> str:
        return back.sub(word, name)

    return [replace(event, company_name=spelled(event.company_name) if event.company_name else event.company_name,
                    attributes={**event.attributes, **{key: [spelled(name) for name in event.attributes.get(key, [])]
                                                       for key in ("investors", "lead_investors")}},
                    why=f"{event.why}; read with {word!r} capitalised (a name that opens in lower case)") for event in found]
