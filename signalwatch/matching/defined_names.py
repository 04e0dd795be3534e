"""A name the item itself defines as another: "Zimbabwe Broadcasting Corporation (ZBC)", "Anglo American Platinum (Amplats)".

News introduces a company once with its other name in brackets and then writes either: the headline says "ZBC chief
executive suspended", the summary "Zimbabwe Broadcasting Corporation (ZBC)". When a mention fits no account, the name the
item pairs it with that way may: the bracketed name after the mention ("Infrastructure Leasing & Financial Services
(IL&FS)" for the mention "Infrastructure Leasing & Financial Services"), or the name before the mention in brackets
("Maldives Airports Company Limited (MACL)" for "MACL"), whose last words are tried, longest first, since the words
before a name run into it ("The national broadcaster, Zimbabwe Broadcasting Corporation"). The item stating the pair
is what settles it, in whatever case ("Worldsteel" for "World Steel Association (worldsteel)"); a ticker in the brackets
("(NYSE: X)") is not a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["defined_names"]

_MAX_WORDS_BEFORE = 8  # a company's name, not the sentence before it
_BRACKETED = r"\(\s*([^()]{2,60}?)\s*\)"
_TICKER = re.compile(r"^(?:nyse|nasdaq|tsx|lse|otc|asx|jse|bse|nse|tase|otcpk|hkex)\b|:", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"[\w&.'’-]+")


def defined_names(mention: str, raw: str) -> Iterator[str]:
    """The names `raw` (the item's text) pairs with `mention` by brackets: the bracketed name after it, then the last
    words of the text before "(mention)", longest first. Nothing when the text has no bracket (a substring test)."""
    name = mention.strip()
    if not name or "(" not in raw or name.lower() not in raw.lower():
        return
    escaped = re.escape(name)
    for found in re.finditer(rf"(?<![\w&]){escaped}\s*{_BRACKETED}", raw, re.IGNORECASE):
        inner = found.group(1)
        if not _TICKER.search(inner):
            yield inner
    for found in re.finditer(rf"\(\s*{escaped}\s*\)", raw, re.IGNORECASE):
        words = _WORD_BEFORE.findall(raw[max(0, found.start() - 200):found.start()])[-_MAX_WORDS_BEFORE:]
        for start in range(len(words)):
            yield " ".join(words[start:])
