"""Tie an event to a target account: domain first, then normalized name or alias.

Precision beats recall: a name shared by two accounts is reported as ambiguous and left
unresolved rather than guessed, and unresolved events are still stored.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from signalwatch.accounts import Account
from signalwatch.events import SignalEvent

__all__ = ["AccountIndex", "Resolution", "normalize_domain", "normalize_name"]

_LEGAL_SUFFIXES = {
    "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
    "gmbh", "ag", "sa", "sas", "bv", "nv", "plc", "pty", "oy", "ab", "as", "srl", "spa", "kk", "lp", "llp",
}


def normalize_domain(value: str | None) -> str | None:
    """"https://www.Acme.com/about" → "acme.com"; None for empty input."""
    if not value:
        return None
    text = value.strip().lower()
    if "//" not in text:
        text = "//" + text
    host = urlsplit(text).hostname or ""
    host = host.removeprefix("www.").rstrip(".")
    return host or None


def normalize_name(value: str | None) -> str:
    """"The Acme Robotics, Inc." → "acme robotics"; "&" reads as "and"."""
    if not value:
        return ""
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one event: an account id or None, and how sure we are."""

    account_id: int | None
    confidence: float
    method: str  # "domain", "name", "alias", "ambiguous", "none"


class AccountIndex:
    """Lookup tables built once per poll from the account list."""

    def __init__(self, accounts: Iterable[Account]) -> None:
        self._by_domain: dict[str, int] = {}
        self._by_name: dict[str, set[int]] = defaultdict(set)
        self._by_alias: dict[str, set[int]] = defaultdict(set)
        for account in accounts:
            domain = normalize_domain(account.domain)
            if domain:
                self._by_domain[domain] = account.id
            name = normalize_name(account.name)
            if name:
                self._by_name[name].add(account.id)
            for alias in account.aliases:
                if normalize_name(alias):
                    self._by_alias[normalize_name(alias)].add(account.id)

    def resolve(self, company_name: str | None, company_domain: str | None) -> Resolution:
        domain = normalize_domain(company_domain)
        if domain:
            parts = domain.split(".")
            for i in range(len(parts) - 1):  # careers.acme.com → acme.com
                account_id = self._by_domain.get(".".join(parts[i:]))
                if account_id is not None:
                    return Resolution(account_id, 1.0, "domain")
        name = normalize_name(company_name)
        if not name:
            return Resolution(None, 0.0, "none")
        for table, method, confidence in ((self._by_name, "name", 0.9), (self._by_alias, "alias", 0.8)):
            ids = table.get(name, set())
            if len(ids) == 1:
                return Resolution(next(iter(ids)), confidence, method)
            if len(ids) > 1:
                return Resolution(None, 0.0, "ambiguous")
        return Resolution(None, 0.0, "none")

    def apply(self, event: SignalEvent) -> SignalEvent:
        """A copy of `event` with account, confidence and method set."""
        if event.account_id is not None:
            return event
        found = self.resolve(event.company_name, event.company_domain)
        return event.model_copy(
            update={"account_id": found.account_id, "match_confidence": found.confidence, "match_method": found.method}
        )
