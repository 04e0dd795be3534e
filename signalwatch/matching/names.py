"""Company names and domains reduced to comparable keys, and how much a bare name can prove.

    "The Acme Robotics, Inc."  ─▶ key "acme robotics", legal suffix seen
    "ACME ROBOTICS HOLDINGS INC /DE/" ─▶ key "acme robotics holdings", core "acme robotics"
    "Overstock.com"            ─▶ key "overstock"
    "Box"                      ─▶ key "box", weak (a common English word)

Pure functions only; the word list is read once from package data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

__all__ = ["NameForm", "analyze", "normalize_name", "normalize_domain", "domain_suffixes", "is_weak_key"]

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
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DBA = re.compile(r"\s+(?:d/b/a|dba|doing business as)\s+")


@dataclass(frozen=True)
class NameForm:
    """A company name as comparable keys: `key` (legal form and "The" dropped) and `core`
    (descriptors such as "Holdings" dropped too); `legal_suffix` says one was written."""

    key: str
    core: str
    legal_suffix: bool


def _fold(value: str) -> str:
    """Lower-case ASCII: diacritics dropped ("Société" → "societe")."""
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=131_072)
def analyze(value: str | None) -> NameForm:
    """The comparable forms of one company name. Empty input gives empty keys."""
    if not value:
        return NameForm("", "", False)
    text = (value.lower() if value.isascii() else _fold(value)).strip()
    if "/" in text:
        text = _STATE_TAG.sub("", text)
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
def _common_words() -> frozenset[str]:
    text = resources.files("signalwatch.matching").joinpath("common_words.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_weak_key(key: str) -> bool:
    """A key that a bare mention cannot prove: one common English word, or three letters or fewer.

    "box", "ramp", "notion", "apple", "ge" are weak; "brex", "figma", "acme robotics" are not.
    """
    if not key or " " in key:
        return False
    return len(key) <= 3 or key in _common_words()


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
