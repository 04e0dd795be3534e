"""Text helpers shared by the news extractors: cleaning, sentences, and company names from headline subjects."""

from __future__ import annotations

import re

__all__ = ["clean", "strip_dateline", "lower", "words", "sentences", "company_from_subject", "CAP_WORD", "NAME_LIST", "split_names"]

_SPACES = re.compile(r"\s+")
_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})

# A capitalised word of a proper name ("Acme", "O'Brien", "a16z", "8VC", "Maki.vc", "Oak HC/FT").
CAP_WORD = r"(?:[a-z]+[A-Z][\w&'/+-]*|[A-Z0-9À-ÖØ-Þ][\w&'/+-]*(?:\.[\w&'/+-]+)*|a16z|e\.ventures|b2venture)"
# One investor or company name: capitalised words with a few lower-case joiners inside.
_NAME = rf"{CAP_WORD}(?:\s+(?:{CAP_WORD}|of|de|du|la|von|van|der|&)(?=[\s,.;]|$))*"
# A list of names: "A", "A and B", "A, B, and C", "A & B".
_LIST_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:existing|new|returning)\s+(?:investors?|backers?)\s+)?(?:the\s+)?"
NAME_LIST = rf"{_NAME}(?:{_LIST_JOIN}{_NAME})*"

# Sentence ends: a period not after a lone initial ("J.P. Morgan"), "?" or "!", then a capital.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)%\"'][.!?])\s+(?=[A-Z\"'])")

# Words that describe a company rather than name it: "Berlin-based AI startup Acme".
_DESCRIPTOR_HEADS = re.compile(
    r"^(?:startups?|start-ups?|scale-?ups?|company|firm|unicorn|maker|developer|provider|specialist|"
    r"spin-?out|spin-?off|rival|challenger|lender|neobank|insurtech|fintech|healthtech|medtech|edtech|"
    r"agritech|agtech|proptech|legaltech|regtech|cleantech|climatetech|deeptech|biotech|"
    r"robotics|platform|marketplace|app|lab|operator|manufacturer|alum's|alums'|execs'|founders'|"
    r"veteran's|spinoff|player|outfit|newcomer|darling|retailer|brand|software|saas)$",
    re.IGNORECASE,
)
# Heads that are often part of a real name when capitalised ("Kizuna Labs", "Platform Science").
_LOWER_ONLY_HEADS = {"platform", "marketplace", "app", "lab", "robotics", "software", "brand", "player", "operator"}
_PREFIX_CUT = re.compile(r"^.*(?::\s+|\s+\|\s+|\s+-\s+)")
_PARENS = re.compile(r"\s*\([^)]*\)")
_LEGAL = re.compile(r"^(?:Inc|Inc\.|LLC|Ltd|Ltd\.|Corp|Corp\.|GmbH|AG|SA|S\.A\.|plc|PLC|B\.V\.|N\.V\.|AB|Oy|ApS|SE|Co\.)$")
_ADVERBS = {"reportedly", "quietly", "officially", "now", "also", "just", "finally", "today", "has", "have", "had", "successfully"}
_JOINERS = {"de", "of", "and", "&", "the", "for", "la", "von", "van", "der", "da", "du", "y", "del"}
_ROLE_WORDS = {"ceo", "cfo", "cto", "coo", "cmo", "cro", "founder", "co-founder", "cofounder", "chief", "president", "executive", "exec"}
# Places that head many headlines ("India raises $2B from the World Bank") but are not companies.
_PLACES = frozenset(
    "india china japan germany france uk britain us usa america europe eu africa asia brazil canada australia mexico "
    "spain italy israel singapore indonesia nigeria kenya egypt texas california florida ohio york london paris berlin "
    "tokyo beijing shanghai dubai riyadh seoul korea taiwan vietnam pakistan bangladesh turkey ukraine poland sweden "
    "norway denmark finland ireland scotland wales netherlands belgium switzerland austria portugal greece argentina "
    "chile colombia peru philippines thailand malaysia saudi qatar uae abu dhabi hong kong".split()
)
_NOT_COMPANIES = {"we", "they", "i", "it", "he", "she", "you", "this", "that", "who", "which", "board", "investors", "sources"}


def clean(text: str) -> str:
    """One line of text with typographic quotes and dashes made plain."""
    if not text.isascii():
        text = text.translate(_TRANSLATE)
    return " ".join(text.split())


def lower(text: str) -> str:
    """`text` in lower case with every character kept in place, so match positions map back.

    Matching lower-case text without re.IGNORECASE is several times faster in CPython.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


# "NEW YORK, Oct. 14, 2026 /PRNewswire/ --", "CHICAGO--(BUSINESS WIRE)--", "(GLOBE NEWSWIRE) --"
_DATELINE = re.compile(
    r"^.{0,80}?"
    r"(?:/\s*PRNewswire(?:-\w+)?\s*/|\(?\s*(?:BUSINESS\s+WIRE|GLOBE\s+NEWSWIRE|ACCESSWIRE|Newsfile|EQS-News)\s*\)?)"
    r"\s*(?:--|-)?\s*"
)


def strip_dateline(text: str) -> str:
    """Wire copy without its dateline, so the first sentence starts with the company."""
    return _DATELINE.sub("", text, count=1) if "WIRE" in text[:90].upper() else text


_WORD_RE = re.compile(r"[a-z]+")


def words(text: str) -> frozenset[str]:
    """The lower-case words of `text`, for cheap keyword screens before the real patterns run."""
    return frozenset(_WORD_RE.findall(text.lower()))


def sentences(text: str) -> list[str]:
    """`text` split into sentences (good enough for wire copy; keeps "J.P. Morgan" whole)."""
    return [part for part in _SENTENCE_END.split(text) if part]


# Generic words before a name in an investor list; "New" alone may start a name (New Enterprise Associates).
_LIST_PREFIX = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?i:existing|new|other|returning)\s+(?:investors?|backers?)\s+)?(?:(?i:investors|backers|including|firms?)\s+)?"
)


def split_names(listing: str) -> list[str]:
    """"A, B and C" → ["A", "B", "C"], dropping generic words such as "existing investors"."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listing)
    names = []
    for part in parts:
        part = _LIST_PREFIX.sub("", part.strip()).rstrip(".")
        if part and not part.endswith("'s") and part.lower() not in {"others", "investors", "more", "the company"}:
            names.append(part)
    return names


def company_from_subject(subject: str) -> str | None:
    """The company named by a headline's subject: "Exclusive: Berlin-based AI startup Acme" → "Acme".

    Returns None when the subject is not a company (a pronoun, "AI startups", a clause).
    """
    text = _PREFIX_CUT.sub("", subject).strip(" ,")
    text = _PARENS.sub("", text)
    text = _cut_appositive(text)
    words = text.split()
    while words and words[-1].lower() in _ADVERBS:
        words.pop()
    words = _drop_descriptors(words)
    if not words:
        return None
    if words[-1].endswith(("'s", "s'")) and len(words[-1]) > 2:
        words[-1] = words[-1][:-2] if words[-1].endswith("'s") else words[-1][:-1]
    return _valid(words)


def _cut_appositive(text: str) -> str:
    """"Acme, the AI CRM," → "Acme"; "Acme Robotics, Inc." stays whole."""
    pieces = text.split(", ")
    kept = pieces[0]
    for piece in pieces[1:]:
        if _LEGAL.match(piece.strip(" ,")):
            kept += ", " + piece
        else:
            break
    return kept.strip(" ,")


def _drop_descriptors(words: list[str]) -> list[str]:
    """Remove "Berlin-based", "Y Combinator-backed", "Paris'", "fintech startup" before the name."""
    cut = 0
    for index, word in enumerate(words[:-1]):
        lower = word.lower()
        if lower.endswith(("-based", "-backed", "-headquartered", "-born", "-founded", "-led", "-owned")):
            cut = index + 1
        elif _DESCRIPTOR_HEADS.match(word) and (word[0].islower() or lower not in _LOWER_ONLY_HEADS):
            cut = index + 1
        elif index <= cut + 2 and (lower.endswith("'s") or lower.endswith("s'")) and index + 1 < len(words):
            # "Toronto's Northwind", "Paris' Nuvoloop", "Cape Town's Loop Health": a place in front of the name.
            if all(w[0].isupper() for w in words[cut : index + 1]):
                cut = index + 1
    return words[cut:]


def _valid(words: list[str]) -> str | None:
    if len(words) > 6 or words[0].lower() in _NOT_COMPANIES or any(w.lower() in _ROLE_WORDS for w in words):
        return None
    if all(w.lower() in _PLACES for w in words):
        return None
    first = words[0]
    if not (first[0].isupper() or first[0].isdigit() or any(c.isupper() or c.isdigit() for c in first[1:])):
        return None
    for word in words[1:]:
        if word[0].islower() and word.lower() not in _JOINERS and not any(c.isupper() or c.isdigit() for c in word):
            return None  # a clause, not a name: "Startups that", "Burrow's founder explains"
    return " ".join(words)
