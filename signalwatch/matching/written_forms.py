"""A company written another way in the same item: "Ford" for Ford Motor, "GE" for General Electric, "HP" for Hewlett Packard.

When a mention fits no account by name, alias, short form or descriptors, an account may still be the one meant if the
item itself writes the account's name and the mention is a form of it: the leading words of the name ("Toyota" where the
item writes "Toyota Motor"), its last words ("Martens" where the item writes "Dr. Martens", "York Times" where it writes
"New York Times": not the words after an "and", nor a bare descriptor such as "Holdings"), its initials ("TCS" where
the item writes "Tata Consultancy Services"), or the name the account's initials stand for ("Hewlett Packard" where
the item writes "HP", in capitals). The item writing both forms is what settles it, so a namesake the item does not
name is never tied. A mention may also carry headline words before the name ("Israeli PayPal", "US United Airlines"):
its tail is tried when it is still specific (several words, one word that proves itself, or one the mention writes as a
coined name: "Online Learning Platform edX", "British Airways-owner IAG") and no "and" joins it on ("Loft and Klar" is
two companies; "With Cognizant", a sentence's first word kept, is one), the longest tail that is an account's name
only ("Container Line AP Moller-Maersk" is AP Moller-Maersk, not Maersk); or headline words and descriptors after it
("Kenya Power Due", "Metromile Auto Insurer"): its head is tried when it is still specific, every word after it is an
ordinary word that makes no other company of it ("Brex Capital", "Microsoft Xiaoice" stay untied), and the item's text
below the headline writes the head on its own but never the whole mention (there, "Walgreens Boots Alliance" is a
name). Exactly one account may qualify.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from signalwatch.matching.evidence import _OTHER_COMPANY_WORDS, GENERIC_WORDS, ItemText, _normalize
from signalwatch.matching.names import DESCRIPTORS, is_common_word, is_weak_key

__all__ = ["WrittenForms", "Written", "initials"]

# Words an initialism usually skips: "International Federation of Pharmaceutical Manufacturers and Associations" → IFPMA.
_SKIPPED = frozenset({"and", "of", "the", "for", "de", "du", "la"})
_MAX_LEAD_WORDS = 5
# A word that joins two names: "Loft and Klar" ends with Klar but names two companies.
_JOINING = frozenset({"and", "or", "with", "vs", "to", "from", "by"})  # longer names are not shortened by their leading words


def initials(key: str) -> str:
    """ "tata consultancy services" → "tcs"; "" for a one-word key."""
    words = [w for w in key.split() if w not in _SKIPPED]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


@dataclass(frozen=True)
class Written:
    """An account the item settles for a mention written another way, and how."""

    account_id: int
    reason: str


class WrittenForms:
    """Lookup tables from account keys (names and aliases) to the shorter forms news writes them in."""

    def __init__(self) -> None:
        self._by_lead: dict[str, set[int]] = defaultdict(set)  # "toyota" → Toyota Motor
        self._by_trail: dict[str, set[int]] = defaultdict(set)  # "martens" → Dr. Martens
        self._by_initials: dict[str, set[int]] = defaultdict(set)  # "tcs" → Tata Consultancy Services
        self._by_word: dict[str, set[int]] = defaultdict(set)  # one-word keys: "hp" → HP
        self._by_key: dict[str, set[int]] = defaultdict(set)  # every key: "united airlines" → United Airlines
        self._keys: dict[int, set[str]] = defaultdict(set)

    def add(self, key: str, account_id: int) -> None:
        """Index one normalized account key."""
        words = key.split()
        self._keys[account_id].add(key)
        self._by_key[key].add(account_id)
        if 1 < len(words) <= _MAX_LEAD_WORDS:
            for size in range(1, len(words)):
                if len(words[size - 1]) > 1:  # "st" of "St. Jude Medical" is no name
                    self._by_lead[" ".join(words[:size])].add(account_id)
                trail = " ".join(words[size:])
                if words[size - 1] not in _JOINING and words[size] not in _SKIPPED and _names_something(trail):
                    self._by_trail[trail].add(account_id)
        short = initials(key)
        if len(short) >= 2:
            self._by_initials[short].add(account_id)
        if len(words) == 1:
            self._by_word[key].add(account_id)

    def could_fit(self, mention: str, key: str) -> bool:
        """Whether any account could be a form of the mention (a few dict look-ups: the item is read only then)."""
        if key in self._by_lead or key in self._by_trail or (mention.isupper() and key in self._by_initials):
            return True
        words = key.split()
        if len(words) < 2:
            return False
        by_key = self._by_key
        return initials(key) in self._by_word or any(" ".join(words[size:]) in by_key or " ".join(words[:size]) in by_key
                                                     for size in range(1, len(words)))

    def settle(self, mention: str, key: str, item: ItemText | None) -> Written | None:
        """The one account the item writes in full whose name `key` (the mention's) is a form of, else None."""
        if item is None or not key:
            return None
        found: dict[int, str] = {}
        for forms, how in ((self._by_lead, f"which '{mention}' shortens"), (self._by_trail, f"which ends with '{mention}'")):
            for account_id in forms.get(key, ()):
                name = self._written(account_id, item, longer_than=key)
                if name:
                    found[account_id] = f"the item writes '{name}', {how}"
        if " " not in key and mention.isupper() and len(key) >= 2:
            for account_id in self._by_initials.get(key, ()):
                name = self._written(account_id, item, longer_than=key)
                if name:
                    found[account_id] = f"the item writes '{name}', whose initials '{mention}' are"
        short = initials(key)
        for account_id in self._by_word.get(short, ()) if len(short) >= 2 else ():
            if re.search(rf"\b{re.escape(short.upper())}\b", item.raw):
                found[account_id] = f"the item writes '{short.upper()}', the initials of '{mention}'"
        # the longest name the mention ends with: "Container Line AP Moller-Maersk" is AP Moller-Maersk, not Maersk
        tail = next((tail for tail in _tails(key, mention) if tail in self._by_key), None)
        coined = " (written as a coined name)" if tail and is_weak_key(tail) else ""
        for account_id in self._by_key[tail] if tail else ():
            found.setdefault(account_id, f"'{mention}' ends with the name '{tail}'{coined}")
        body = _body(item) if " " in key else ""  # read only for a mention of several words: only those have heads
        if body and not _writes(body, key):
            # the longest name the mention starts with that the text below writes: "Kenya Power Due" is Kenya Power, not Kenya
            head = next((head for head in _heads(key) if head in self._by_key and _writes(body, head)), None)
            for account_id in self._by_key[head] if head else ():
                found.setdefault(account_id, f"'{mention}' starts with the name '{head}', the rest headline words")
        if len(found) != 1:
            return None
        account_id, reason = next(iter(found.items()))
        return Written(account_id, reason)

    def _written(self, account_id: int, item: ItemText, longer_than: str) -> str | None:
        """An account key of more words than `longer_than` that the item writes, or None."""
        for own in sorted(self._keys[account_id]):
            if len(own) > len(longer_than) and " " in own and item.has(_normalize(own)):
                return own
        return None


def _tails(key: str, mention: str = "") -> list[str]:
    """ "us united airlines" → ["united airlines"]: the name after leading words (words an extractor kept from the
    headline: "Israeli PayPal", "BRIEF-Moderna"), longest first, when it still names something specific and no "and"
    joins it on. A last word the mention writes as a coined name is specific though short or a word: "edX", "IAG"."""
    words = key.split()
    # a joining word joins the name after it to one before it ("Loft and Klar"), not when it opens the mention ("With
    # Cognizant planning to lay off …": a sentence's first word)
    tails = (" ".join(words[size:]) for size in range(1, len(words)) if words[size - 1] not in _JOINING or size == 1)
    return [tail for tail in tails if " " in tail or not is_weak_key(tail) or _coined(mention, tail)]


def _coined(mention: str, tail: str) -> bool:
    """Whether the mention's last word, whose key is `tail`, is written as a coined name among words that are not: a
    capital inside it ("edX") or two to four capitals ("IAG"); a shouted mention ("NEW CEO FOR BOX") proves nothing."""
    words = mention.split()
    last = words[-1] if words else ""
    if last.lower() != tail or mention.isupper():
        return False
    return (2 <= len(last) <= 4 and last.isupper() and last.isalpha()) or any(
        a.islower() and b.isupper() for a, b in zip(last, last[1:]))


def _heads(key: str) -> list[str]:
    """ "kenya power due" → ["kenya power", "kenya"], "metromile auto insurer" → ["metromile"]: the name before words an
    extractor kept from the headline or a descriptor ("Kenya Power Due to Name Acting CEO", "Metromile Auto Insurer Gets"),
    longest first, when the name is still specific and every word after it is an ordinary word. A name goes on with a
    name ("Microsoft Xiaoice", "Telenor Norway") or a word that makes another company of it ("Brex Capital"): those
    are other companies or units, and stay untied."""
    words = key.split()
    heads = []
    for size in range(len(words) - 1, 0, -1):
        rest = words[size:]
        if rest[0] not in _JOINING and all(_ordinary(word) for word in rest):
            head = " ".join(words[:size])
            if " " in head or not is_weak_key(head):
                heads.append(head)
    return heads


def _body(item: ItemText) -> str:
    """The item's text below its headline, normalized, padded for whole-word look-ups ("" when it has none)."""
    _, _, body = item.raw.partition("\n")
    return f" {_normalize(body)} " if body else ""


def _writes(body: str, key: str) -> bool:
    """Whether the normalized text below the headline writes the normalized name `key` as whole words."""
    return bool(body) and f" {_normalize(key)} " in body


def _names_something(trail: str) -> bool:
    """Whether the last words of a name still name something: several words ("york times"), or one that is neither
    weak nor a descriptor ("martens", "inbev"; not "holdings", "biotech", "bank")."""
    return " " in trail or not (is_weak_key(trail) or trail in GENERIC_WORDS or trail in DESCRIPTORS)


def _ordinary(word: str) -> bool:
    """A dictionary word (or a short one: "due", "out", "ai") that does not make a company's name ("capital", "bank")."""
    return (is_common_word(word) or (len(word) <= 3 and word.isalpha())) and word not in _OTHER_COMPANY_WORDS
