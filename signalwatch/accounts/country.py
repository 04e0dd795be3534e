"""Country names as CRMs hold them, read as the ISO 3166-1 codes rules are written in.

Rules and routes compare `account.country` with codes (`country: [US, GB, DE]`), but a HubSpot
`Country/Region` or a Salesforce `BillingCountry` is free text: "United States", "Germany",
"USA", "U.K.". Stored as it came ("UNITED STATES"), such an account never matched a country
condition, silently. `country_code` turns a name, an official name, a common name or an
alpha-3 code of ISO 3166-1 (iso_3166_1.json, from Debian's iso-codes, which keeps the ISO list),
plus the everyday English variants below, into the alpha-2 code; a value it does not know is kept
(upper-cased, as before) so nothing is lost, and `rules check`-style validation can name it.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

__all__ = ["country_code", "is_country_code"]

_TABLE = Path(__file__).with_name("iso_3166_1.json")
# Everyday names the ISO list does not carry (or carries only in an older or newer form).
_VARIANTS = {
    "usa": "US", "us": "US", "u s": "US", "u s a": "US", "america": "US", "united states of america": "US",
    "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "turkey": "TR", "czech republic": "CZ", "holland": "NL",
    "south korea": "KR", "republic of korea": "KR", "north korea": "KP", "russia": "RU", "vietnam": "VN",
    "ivory coast": "CI", "cape verde": "CV", "burma": "MM", "macedonia": "MK", "swaziland": "SZ",
    "uae": "AE", "u a e": "AE", "hong kong sar": "HK", "mainland china": "CN", "prc": "CN",
    "vatican": "VA", "vatican city": "VA", "palestine": "PS", "the bahamas": "BS", "the gambia": "GM",
    "republic of ireland": "IE", "eire": "IE", "democratic republic of the congo": "CD", "drc": "CD", "dr congo": "CD",
    "republic of the congo": "CG", "hongkong": "HK", "korea": "KR",
    # Countries as their own people write them, which CRMs of European and Latin American teams hold.
    "deutschland": "DE", "espana": "ES", "schweiz": "CH", "suisse": "CH", "svizzera": "CH", "osterreich": "AT",
    "brasil": "BR", "sverige": "SE", "norge": "NO", "danmark": "DK", "suomi": "FI", "nederland": "NL",
    "belgique": "BE", "belgie": "BE", "italia": "IT", "polska": "PL", "cesko": "CZ", "ceska republika": "CZ",
    "magyarorszag": "HU", "hellas": "GR", "ellada": "GR", "rossiya": "RU", "nippon": "JP", "nihon": "JP",
}


def _fold(text: str) -> str:
    """Lower case, accents and punctuation gone, one space between words, no leading "the"."""
    spaced = re.sub(r"[\W_]+", " ", text)  # before folding: a curly apostrophe must part words as a straight one does
    words = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode().lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


@functools.cache
def _codes() -> dict[str, str]:
    """Folded name or code -> alpha-2 code, built on first use."""
    rows: list[list[str]] = json.loads(_TABLE.read_text(encoding="utf-8"))["countries"]
    table: dict[str, str] = {}
    for alpha2, alpha3, *names in rows:
        for name in (alpha2, alpha3, *names):
            if name:
                table.setdefault(_fold(name), alpha2)
    for name, alpha2 in _VARIANTS.items():
        table[_fold(name)] = alpha2
    return table


def is_country_code(value: str) -> bool:
    """Whether `value` is an ISO 3166-1 alpha-2 code ("US", "de")."""
    return len(value) == 2 and _codes().get(value.lower()) == value.upper()


def country_code(value: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code of `value` ("United States", "usa", "DEU", "de" -> "US", "US", "DE", "DE");
    a value no list knows comes back upper-cased as it was; empty -> None."""
    text = (value or "").strip()
    if not text:
        return None
    return _codes().get(_fold(text), text.upper())
