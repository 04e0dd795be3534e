"""Company names and domains reduced to comparable keys, and how much a bare name can prove.

    "The Acme Robotics, Inc."  ─▶ key "acme robotics", legal suffix seen
    "ACME ROBOTICS HOLDINGS INC /DE/" ─▶ key "acme robotics holdings", core "acme robotics"
    "Overstock.com"            ─▶ key "overstock"
    "Box"                      ─▶ key "box", weak (a common English word)
    "Ørsted"                   ─▶ key "orsted" (Ø, Æ, ß, Ł… are transliterated, not deleted)

How much a bare one-word name proves is `word_sense`: a distinctive word ("brex"), a brand that is
an ordinary word but means the company when capitalised in business news ("target", "visa"), a
name several well-known companies share ("apollo", "delta"), or an ordinary word ("notion").

Pure functions only; the word lists are read once from package data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

__all__ = [
    "NameForm",
    "Sense",
    "analyze",
    "normalize_name",
    "normalize_domain",
    "domain_suffixes",
    "is_weak_key",
    "common_words",
    "is_common_word",
    "word_sense",
    "strip_possessive",
    "split_possessor",
    "fold",
]

# Legal forms, stripped from the end of a name. Seeing one is evidence that the text names a
# registered company rather than using an ordinary word ("Box, Inc." vs "box").
LEGAL_SUFFIXES = frozenset(
    """inc incorporated llc lllp llp lp ltd limited corp corporation co company plc pllc pc pbc
    gmbh ag kg ug se sa sas sarl sl srl spa bv nv pty oy oyj ab as asa aps kk sro doo ltda
    bhd sdn pte aktiengesellschaft""".split()
)
# Words that make a name more specific without naming a different business: "Acme Robotics
# Holdings" is taken to be Acme Robotics' group (a weaker, "name_variant" match), whereas
# "Ramp Network" is not "Ramp": "network" is not in this list, and a one-common-word core
# never matches by variant at all.
DESCRIPTORS = frozenset(
    """holdings holding group technologies technology labs software systems solutions
    international global worldwide usa""".split()
)
_WEB_SUFFIX = re.compile(r"\.(?:com|net|org|io|ai|co|app)\b")
_STATE_TAG = re.compile(r"\s*/[a-z]{2,3}/?\s*$")  # EDGAR conformed names: "ACME CORP /DE/"
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")  # "s.a." "l.l.c." "n.v."
_SLASHED_FORM = re.compile(r"\ba/s\s*$")  # the Danish and Norwegian "A/S" at the end: the legal form "as"
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DBA = re.compile(r"\s+(?:d/b/a|dba|doing business as)\s+")


@dataclass(frozen=True)
class NameForm:
    """A company name as comparable keys: `key` (legal form and "The" dropped) and `core`
    (descriptors such as "Holdings" dropped too); `legal_suffix` says one was written."""

    key: str
    core: str
    legal_suffix: bool


# Letters that Unicode does not decompose into a base letter plus an accent: NFKD-then-ASCII would
# delete them ("Ørsted" → "rsted"), so they are spelled out the way English text writes them.
_TRANSLITERATE = str.maketrans(
    {
        "Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss", "ẞ": "SS",
        "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "TH", "þ": "th",
        "ı": "i", "Ħ": "H", "ħ": "h", "Ŧ": "T", "ŧ": "t", "ĸ": "k", "Ŋ": "N", "ŋ": "n",
        "\u2018": "'", "\u2019": "'", "\u02bc": "'",
    }
)


def fold(value: str) -> str:
    """Lower-case ASCII: letters transliterated, then diacritics dropped.

    "Société" → "societe", "Ørsted" → "orsted", "Straße" → "strasse", "Łódź" → "lodz".
    """
    text = value.translate(_TRANSLITERATE)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


_fold = fold  # the old private name, kept for callers inside the package


@lru_cache(maxsize=131_072)
def analyze(value: str | None) -> NameForm:
    """The comparable forms of one company name. Empty input gives empty keys."""
    if not value:
        return NameForm("", "", False)
    text = (value.lower() if value.isascii() else fold(value)).strip()
    if "/" in text:
        text = _SLASHED_FORM.sub("as", _STATE_TAG.sub("", text))
    if "." in text:
        text = _WEB_SUFFIX.sub("", text)
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    words = _NON_WORD.sub(" ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    legal = False
    while len(words) > 1 and (words[-1] in LEGAL_SUFFIXES or words[-1] in ("and", "the")):
        legal = legal or words[-1] in LEGAL_SUFFIXES
        words.pop()
    key = " ".join(words)
    while len(words) > 1 and words[-1] in DESCRIPTORS:
        words.pop()
    return NameForm(key, " ".join(words), legal)


def normalize_name(value: str | None) -> str:
    """"The Acme Robotics, Inc." → "acme robotics"; "&" reads as "and"."""
    return analyze(value).key


def name_parts(value: str) -> list[str]:
    """The names a text gives: "Acme Holdings LLC d/b/a Acme Robotics" gives both."""
    lower = value.lower()
    if "d/b/a" not in lower and "dba" not in lower and "doing business" not in lower:
        return [value]
    return [part for part in _DBA.split(value.strip(), maxsplit=1) if part.strip()]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The spelling dictionary (common_words.txt), read once by `_word_list`."""
    return _word_list("common_words.txt")


def is_common_word(key: str) -> bool:
    """Whether the spelling dictionary lists the word ("box", "notion"; not "ibm")."""
    return key in common_words()


@lru_cache(maxsize=None)
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("signalwatch.matching").joinpath(name).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


class Sense(StrEnum):
    """How much a one-word name proves on its own, from the words' use in business news."""

    DISTINCTIVE = "distinctive"  # "brex", "figma", or any name of two words or more
    BRAND = "brand"  # an ordinary word that, capitalised, means one company: "target", "visa"
    SHARED = "shared"  # several well-known companies carry it: "apollo", "delta"
    ORDINARY = "ordinary"  # a common word or three letters or fewer: "notion", "box", "ge"


def word_sense(key: str) -> Sense:
    """What a bare mention with this key proves; see `Sense`.

    The spelling dictionary alone says only that a word exists, not how often it means a
    company, so two curated lists override it: brand_words.txt (company-dominant words) and
    shared_names.txt (names several well-known companies share).
    """
    if not key or " " in key:
        return Sense.DISTINCTIVE
    if key in _word_list("shared_names.txt"):
        return Sense.SHARED
    if key in _word_list("brand_words.txt"):
        return Sense.BRAND
    if len(key) <= 3 or key in common_words():
        return Sense.ORDINARY
    return Sense.DISTINCTIVE


def is_weak_key(key: str) -> bool:
    """A key that a bare mention cannot prove: an ordinary word, a shared name, or ≤ 3 letters.

    "box", "ramp", "notion", "apple", "ge", "delta" are weak; "brex", "figma", "acme robotics",
    and brand words such as "target" or "visa" are not.
    """
    return word_sense(key) in (Sense.ORDINARY, Sense.SHARED)


_POSSESSIVE = re.compile(r"['\u2019\u02bc][sS]$")
_POSSESSOR = re.compile(r"^(.+?)['\u2019\u02bc]s\s+(\S.*)$")


def strip_possessive(value: str) -> str | None:
    """ "Nestlé’s" → "Nestlé", "Lowe's" → "Lowe"; None when the text does not end in 's."""
    text = value.strip()
    if not _POSSESSIVE.search(text):
        return None
    stripped = text[:-2].rstrip()
    return stripped or None


def split_possessor(value: str) -> tuple[str, str] | None:
    """ "Alphabet's Waymo" → ("Alphabet", "Waymo"): the owner named before the company."""
    found = _POSSESSOR.match(value.strip())
    return (found.group(1), found.group(2)) if found else None


def normalize_domain(value: str | None) -> str | None:
    """"https://www.Acme.com/about" → "acme.com"; None for empty input."""
    if not value:
        return None
    text = value.strip().lower()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:  # "[::1" and other broken hosts: no domain rather than a crash
        return None
    host = host.removeprefix("www.").rstrip(".")
    return host or None


# Hosts where every subdomain is somebody else: "acme.github.io" says nothing about GitHub.
SHARED_HOSTS = frozenset(
    """github.io gitlab.io herokuapp.com vercel.app netlify.app pages.dev web.app firebaseapp.com
    azurewebsites.net cloudfront.net amazonaws.com appspot.com wordpress.com blogspot.com medium.com
    substack.com notion.site webflow.io wixsite.com squarespace.com myshopify.com hubspotpagebuilder.com
    greenhouse.io lever.co ashbyhq.com workable.com co.uk com.au co.jp com.br co.in""".split()
)


def domain_suffixes(domain: str) -> list[str]:
    """"careers.eu.acme.com" → ["careers.eu.acme.com", "eu.acme.com", "acme.com"].

    Never a bare TLD, and never a shared host's own domain: "acme.github.io" stops at itself.
    """
    parts = domain.split(".")
    found = []
    for i in range(max(1, len(parts) - 1)):
        candidate = ".".join(parts[i:])
        if i > 0 and candidate in SHARED_HOSTS:
            break
        found.append(candidate)
    return found
