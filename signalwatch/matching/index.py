"""The account lookup tables and the decision of which account, if any, a company mention names.

Evidence, strongest first (confidence in brackets):

    domain (1.0)        the mention's domain or a parent of it is an account's domain
    name (0.9)          normalized name equals an account's normalized name, and the name proves
                        itself: a distinctive word ("Brex"), a brand word ("Target", "Visa"), or
                        several words ("Acme Robotics")
    alias (0.85)        normalized name equals one of an account's aliases
    name, weak (0.8)    a one-common-word name ("Box") proven by a written legal form ("Box, Inc.")
    context (0.75)      the name alone does not settle it, the item does: a shared name ("Apollo"),
                        an ordinary word ("Notion") or a name two accounts answer to, decided by
                        what the item's title and summary say (full name, alias, industry words,
                        the word used as a company: "Notion CEO …"; for an account without an
                        industry, the word raising, hiring, buying or cutting, or being bought:
                        "Ola raises …", doing what only an organisation does: "Orange reshuffles
                        top management", or capitalised inside a sentence: "drugmaker Shire"); or a mention that fits no account by name, when the item
                        writes an account's name whose leading words or initials the mention is
                        ("Toyota" / Toyota Motor, "GE" / General Electric, "Hewlett-Packard" / HP:
                        `written_forms`); or a mention the item pairs with an account's name in brackets
                        ("Zimbabwe Broadcasting Corporation (ZBC)": `defined_names`), or that shortens the
                        first letters of each word of a name the item writes in full ("StanChart", "Air NZ":
                        `abbreviations`), or that the item writes inside an account's name, cut where an
                        extractor cuts names ("Bay Company" in "Hudson’s Bay Company", "Macy" in "Macy’s":
                        `enclosing_names`), or that misspells by a letter, or spaces otherwise, a name the
                        item writes right ("Hotsuite" / Hootsuite, "Natural Motion" / NaturalMotion:
                        `near_spellings`). A 2-3 letter name the item writes only in capitals
                        ("IBM") is a name, not a short word
    name_variant (0.7)  one side is the other plus descriptors ("Acme Robotics Holdings" ~ "Acme Robotics"),
                        only when the bare name is not a single common word; two different
                        descriptors ("Kovira Labs" vs "Kovira Systems") are two companies
    short_form (0.7)    the mention is an account's name without its generic tail ("Mistral" for
                        "Mistral AI", "Delta" for "Delta Air Lines"), and the item settles it

An account whose own name (normalized, or another spelling of it) the mention is comes before accounts that answer to
it only by an alias or a short form: "Facebook" is the account Facebook, not Meta with its alias Facebook; "Mistral" is
Mistral, not Mistral AI. Not for a name several well-known companies share ("United"), nor when the item writes another
candidate's longer name ("Apple Hospitality REIT"): the item decides those, as it decides between two accounts of one name.
Of two accounts of one name, the one written as the mention is written comes before one whose name only runs together to
it ("Gojek" before "Go-Jek": a CRM holding a company twice).

and what is refused rather than guessed:

    ambiguous           two accounts claim the name equally, or a shared name / short form the item does not settle
    common_name         a bare one-common-word name ("Ramp", "Notion") without domain, alias, legal form or
                        supporting context
    domain_mismatch     the name fits an account but the mention's domain contradicts the account's
    none                nothing fits

Every Resolution carries a one-line `reason` for `signalwatch explain`. The common case (a
distinctive name, a domain) is a handful of dict lookups; the item's text is read only when the
name alone cannot decide.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from signalwatch.accounts import Account
from signalwatch.matching.abbreviations import shortened_names
from signalwatch.matching.defined_names import defined_names
from signalwatch.matching.enclosing_names import EnclosingNames
from signalwatch.matching.evidence import GENERIC_WORDS, ItemText, Profile, profile_of
from signalwatch.matching.names import (
    DESCRIPTORS,
    NameForm,
    Sense,
    analyze,
    domain_suffixes,
    is_common_word,
    is_weak_key,
    name_parts,
    normalize_domain,
    split_possessor,
    strip_possessive,
    word_sense,
)
from signalwatch.matching.near_spellings import near_spellings
from signalwatch.matching.written_forms import WrittenForms

__all__ = ["AccountMatcher", "Resolution", "CONFIDENCE"]

CONFIDENCE = {
    "domain": 1.0,
    "name": 0.9,
    "alias": 0.85,
    "name_weak": 0.8,
    "context": 0.75,
    "name_variant": 0.7,
    "short_form": 0.7,
}


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one mention: an account id or None, how sure, how, and why."""

    account_id: int | None
    confidence: float
    method: str  # "domain", "name", "alias", "context", "name_variant", "short_form", "ambiguous", "common_name", …
    reason: str = ""


_EMPTY: frozenset[int] = frozenset()
_NONE = Resolution(None, 0.0, "none", "no account has this name or domain")


@dataclass(frozen=True)
class _Candidates:
    """The accounts a mention's name could mean, by how they answer to it."""

    key: str
    exact: frozenset[int]  # the name or an alias equals the mention
    by_alias: frozenset[int]  # of those, the ones that answer by an alias
    short: frozenset[int]  # the mention is the account's name without its generic tail
    variant: frozenset[int]  # one is the other plus descriptors
    legal_suffix: bool

    @property
    def all(self) -> frozenset[int]:
        return self.exact | self.short | self.variant


class AccountMatcher:
    """Lookup tables built once per account list; `resolve` is a handful of dict lookups."""

    def __init__(self, accounts: Iterable[Account]) -> None:
        self._by_domain: dict[str, set[int]] = defaultdict(set)
        self._by_name: dict[str, set[int]] = defaultdict(set)
        self._by_alias: dict[str, set[int]] = defaultdict(set)
        self._by_key: dict[str, set[int]] = defaultdict(set)  # names and aliases
        self._by_core: dict[str, set[int]] = defaultdict(set)  # bare cores of names that carry descriptors
        self._by_spelling: dict[str, set[int]] = defaultdict(set)  # "lowe" for "Lowe's", "gojek" for "Go-Jek"
        self._by_short: dict[str, set[int]] = defaultdict(set)  # "delta" for "Delta Air Lines"
        self._domain_of: dict[int, str] = {}
        self._accounts: dict[int, Account] = {}
        self._profiles: dict[int, Profile] = {}
        self._written = WrittenForms()
        self._enclosing = EnclosingNames()
        for account in accounts:
            self._accounts[account.id] = account
            domain = normalize_domain(account.domain)
            if domain:
                self._by_domain[domain].add(account.id)
                self._domain_of[account.id] = domain
            self._add(self._by_name, account.name, account.id)
            for alias in account.aliases:
                self._add(self._by_alias, alias, account.id)

    def _add(self, table: dict[str, set[int]], name: str, account_id: int) -> None:
        form = analyze(name)
        if not form.key:
            return
        table[form.key].add(account_id)
        self._by_key[form.key].add(account_id)
        self._written.add(form.key, account_id)
        self._enclosing.add(name, form.key)
        if form.core != form.key and _variant_ok(form.core):
            self._by_core[form.core].add(account_id)
        for spelling in _other_spellings(name, form.key):
            self._by_spelling[spelling].add(account_id)
        for short in _short_forms(form.key):
            if short != form.core:  # a descriptors-only tail is a name_variant, matched without context
                self._by_short[short].add(account_id)

    def resolve(
        self, company_name: str | None, company_domain: str | None = None, context: str | None = None,
        searched: int | None = None,
    ) -> Resolution:
        """Which account `company_name` / `company_domain` names; see the module docstring.

        `context` is the item's text (title and summary): read only when the name alone cannot
        decide, to settle a shared name, a short form or an ordinary word, or to refuse it.
        `searched` is the account whose own news search found the item: it settles an ordinary
        word that is exactly that account's name ("Slack" found by the search for Slack), unless
        the item names another company of that name. It never settles a shared name or a name
        two accounts answer to: the search engine cannot tell those apart either.
        """
        domain = normalize_domain(company_domain)
        if domain:
            for candidate in domain_suffixes(domain):
                ids = self._by_domain.get(candidate)
                if ids:
                    if len(ids) == 1:
                        account_id = next(iter(ids))
                        return Resolution(account_id, CONFIDENCE["domain"], "domain",
                                          f"domain {candidate} is {self._label(account_id)}'s")
                    return Resolution(None, 0.0, "ambiguous", f"domain {candidate} belongs to {len(ids)} accounts")
        if not company_name:
            return _NONE
        item = _LazyItem(context, searched)
        parts = name_parts(company_name)
        if len(parts) == 1:
            return self._by_mention(parts[0], domain, item)
        results = [self._by_mention(part, domain, item) for part in parts]
        return max(results, key=lambda r: (r.account_id is not None, r.confidence), default=_NONE)

    def _by_mention(self, text: str, domain: str | None, item: _LazyItem) -> Resolution:
        """Resolve one written name; "Alphabet's Waymo" falls back to the company after the owner."""
        found = self._by_text(text, domain, item)
        if found.account_id is None and found.method == "none":
            owned = split_possessor(text)
            if owned:
                inner = self._by_text(owned[1], domain, item)
                if inner.account_id is not None:
                    return Resolution(inner.account_id, inner.confidence, inner.method,
                                      f"'{owned[0]}' is the owner named before the company; {inner.reason}")
        return found

    def _candidates(self, text: str, form: NameForm) -> _Candidates | None:
        """Every account the written name could mean (`form` is `analyze(text)`), trying its other spellings in turn."""
        if not form.key:
            return None
        keys = [form.key]
        stripped = strip_possessive(text)
        if stripped:
            keys.append(analyze(stripped).key)
        keys.extend(_other_spellings(text, form.key))
        for key in dict.fromkeys(k for k in keys if k):
            by_name = self._by_name.get(key, _EMPTY)
            by_alias = self._by_alias.get(key, _EMPTY)
            exact = frozenset(by_name | by_alias | self._by_spelling.get(key, _EMPTY))
            short = frozenset(self._by_short.get(key, _EMPTY)) - exact
            if exact or short:
                return _Candidates(key, exact, frozenset(by_alias), short, frozenset(), form.legal_suffix)
        variants: frozenset[int] = frozenset(self._by_core.get(form.key, _EMPTY)) if _variant_ok(form.key) else _EMPTY
        if form.core != form.key and _variant_ok(form.core):
            variants = variants | self._by_key.get(form.core, _EMPTY)
        if variants:
            return _Candidates(form.key, _EMPTY, _EMPTY, _EMPTY, variants, form.legal_suffix)
        return None

    def _by_text(self, text: str, domain: str | None, item: _LazyItem) -> Resolution:
        form = analyze(text)
        found = self._candidates(text, form)
        if found is None:
            mention, key = text.strip(), form.key
            written = self._written.settle(mention, key, item.get()) if self._written.could_fit(mention, key) else None
            if written is None:
                return self._defined(mention, domain, item)
            return self._checked(written.account_id, domain, "context", f"{written.reason} → {self._label(written.account_id)}",
                                 CONFIDENCE["context"])
        key = found.key
        sense = word_sense(key)
        if sense is Sense.ORDINARY and (_is_camel_case(text) or _is_initialism(text, key, item)):
            sense = Sense.DISTINCTIVE  # "BlackBerry", "LinkedIn", "IBM": not the fruit, a word or a short word
        narrowed = self._name_first(found, sense, item)
        if narrowed is None:
            return self._decide(text, found, sense, domain, item)
        decided = self._decide(text, narrowed, sense, domain, item)
        others = ", ".join(sorted(self._label(a) for a in found.all - narrowed.exact))
        return replace(decided, reason=f"{decided.reason} (before {others}, which answer to '{key}' only by alias or short form)")

    def _defined(self, mention: str, domain: str | None, item: _LazyItem) -> Resolution:
        """The one account the item names with the mention in brackets ("Zimbabwe Broadcasting Corporation (ZBC)" for
        "ZBC"; `defined_names`), the first such name that is an account's deciding; else the one account whose name
        the item writes in full and the mention shortens ("StanChart"; `shortened_names`); else no account."""
        raw = item.raw  # both look-ups read the text as written: no need to prepare it
        if not raw:
            return _NONE
        for other in defined_names(mention, raw):
            key = analyze(other).key
            ids = self._by_key.get(key)
            if ids:
                if len(ids) > 1 or is_weak_key(key):
                    return _NONE
                account_id = next(iter(ids))
                return self._checked(account_id, domain, "context",
                                     f"the item pairs '{mention}' with '{other}' in brackets → {self._label(account_id)}",
                                     CONFIDENCE["context"])
        for written_around in (self._shortened, self._enclosed, self._near):
            found = written_around(mention, domain, raw)
            if found.method != "none":
                return found
        return _NONE

    def _shortened(self, mention: str, domain: str | None, raw: str) -> Resolution:
        """The one account whose name the item writes in full and the mention shortens ("StanChart", "Air NZ")."""
        return self._one_named(((start, run, run) for start, run in shortened_names(mention, raw)), domain,
                               lambda run: f"the item writes '{run}', which '{mention}' shortens")

    def _enclosed(self, mention: str, domain: str | None, raw: str) -> Resolution:
        """The one account whose name the item writes around the mention ("Hudson’s Bay Company" for "Bay Company";
        `enclosing_names`), the longest at each place the item writes the mention."""
        key = analyze(mention).key
        bare = analyze(strip_possessive(mention) or mention).key
        if not self._enclosing.could_enclose(bare):
            return _NONE
        weak = " " not in bare and (is_weak_key(bare) or bare in GENERIC_WORDS or bare in DESCRIPTORS)
        runs = ((where, run, run_key) for where, run, run_key in self._enclosing.runs(mention, raw, weak) if run_key != key)
        return self._one_named(runs, domain, lambda run: f"the item writes '{mention}' inside '{run}'")

    def _near(self, mention: str, domain: str | None, raw: str) -> Resolution:
        """The one account whose name the item writes one letter apart from the mention, or spaced otherwise ("Hootsuite"
        for "Hotsuite": `near_spellings`)."""
        return self._one_named(((where, run, analyze(run).key) for where, run in near_spellings(mention, raw)), domain,
                               lambda run: f"the item also writes '{run}', which '{mention}' misspells or spaces otherwise")

    def _one_named(self, runs: Iterable[tuple[int, str, str]], domain: str | None, why: Callable[[str], str]) -> Resolution:
        """The one account the item's word runs (place, run as written, its key) name, tied by the item's context with
        `why(run)` for a reason; at each place the first run that is an account's name wins there (the longest: "Standard
        Chartered Bank"); no account for none or two."""
        found: dict[int, str] = {}
        taken: set[int] = set()
        for where, run, key in runs:
            ids = self._by_key.get(key) if where not in taken else None
            if ids:
                taken.add(where)
                for account_id in ids:
                    found.setdefault(account_id, run)
        if len(found) != 1:
            return _NONE
        account_id, run = next(iter(found.items()))
        return self._checked(account_id, domain, "context", f"{why(run)} → {self._label(account_id)}", CONFIDENCE["context"])

    def _name_first(self, found: _Candidates, sense: Sense, item: _LazyItem) -> _Candidates | None:
        """The one account whose own name the mention is, when others answer to it only by an alias or a short form
        ("Facebook" is the account Facebook before Meta with its alias Facebook; "Mistral" is Mistral before Mistral AI),
        or None when that precedence does not apply: no account of that name, a name several well-known companies share
        ("United" may be United Airlines whatever the CRM calls it), or an item that writes a longer name of another
        candidate ("Apple Hospitality REIT"). Two accounts of that name stay candidates together, for the item's
        evidence to decide between or, as it usually cannot, to refuse."""
        key = found.key
        # the name written as the account writes it comes before a name that only runs together to it ("Gojek" / "Go-Jek")
        named = found.exact & self._by_name.get(key, _EMPTY) or found.exact & self._by_spelling.get(key, _EMPTY)
        if not named or named == found.all or sense is Sense.SHARED:
            return None
        written = item.get()
        if written is not None and any(self._profile(a).has_longer_name(written, key) for a in found.all - named):
            return None
        return replace(found, exact=frozenset(named), by_alias=_EMPTY, short=_EMPTY)

    def _decide(self, text: str, found: _Candidates, sense: Sense, domain: str | None, item: _LazyItem) -> Resolution:
        """Tie the mention to one of `found`'s accounts by how it answers to the name, or by the item's evidence."""
        key = found.key
        if not found.exact and len(found.short) == 1 and " " in key and sense is Sense.DISTINCTIVE:
            account_id = next(iter(found.short))
            return self._checked(account_id, domain, "short_form",
                                 f"'{key}' is the start of {self._label(account_id)}'s name, the rest generic",
                                 CONFIDENCE["short_form"])
        if len(found.exact) == 1 and not found.short:
            account_id = next(iter(found.exact))
            label = self._label(account_id)
            if sense is Sense.DISTINCTIVE and account_id in self._by_name.get(key, _EMPTY):
                return self._checked(account_id, domain, "name", f"name '{key}' matches {label}")
            if account_id in found.by_alias and sense is not Sense.SHARED:  # the admin's explicit word
                return self._checked(account_id, domain, "alias", f"'{key}' is an alias of {label}")
            if sense is Sense.DISTINCTIVE:
                return self._checked(account_id, domain, "name", f"name '{key}' matches {label}")
            if sense is Sense.BRAND:
                return self._checked(account_id, domain, "name",
                                     f"'{key}' is an ordinary word that, capitalised in business news, means {label}")
            if found.legal_suffix and sense is Sense.ORDINARY:
                return self._checked(account_id, domain, "name_weak",
                                     f"'{key}' is a common word, but it is written with a legal form → {label}",
                                     CONFIDENCE["name_weak"])
        if found.variant and len(found.variant) == 1:
            account_id = next(iter(found.variant))
            return self._checked(account_id, domain, "name_variant",
                                 f"'{key}' is {self._label(account_id)}'s name with or without descriptors")
        return self._by_evidence(text, found, sense, domain, item)

    def _by_evidence(self, text: str, found: _Candidates, sense: Sense, domain: str | None, item: _LazyItem) -> Resolution:
        """Decide between the candidates, or confirm a lone weak one, by what the item says."""
        key = found.key
        candidates = sorted(found.all)
        refused = "ambiguous" if len(candidates) > 1 or sense is Sense.SHARED or not found.exact else "common_name"
        what = _what(key, sense, len(candidates))
        text_of_item = item.get()
        if text_of_item is None:
            if sense is Sense.BRAND and len(found.exact) == 1:  # the brand is the default reading
                account_id = next(iter(found.exact))
                return self._checked(account_id, domain, "name",
                                     f"'{key}' means {self._label(account_id)} when capitalised in business news")
            return Resolution(None, 0.0, refused, f"refused: {what} and there is no item text to settle it")
        profiles = [self._profile(a) for a in candidates]
        phrases = frozenset(p for profile in profiles for p in profile.phrases)
        other = text_of_item.other_company_named(key, phrases) if " " not in key else None
        as_company = sense in (Sense.ORDINARY, Sense.BRAND) and text_of_item.treats_as_company(text)
        # A company's use of the word that says nothing of which company: counted only for an account the CRM gives no
        # industry to tell a namesake by. The first that holds, tried in this order.
        unchecked_use = None
        if sense in (Sense.ORDINARY, Sense.BRAND) and not as_company:
            if text_of_item.does_deals(text):
                unchecked_use = "the word doing a company's deal"
            elif text_of_item.acts_as_company(text):
                unchecked_use = "the word doing what only an organisation does"
            elif _written_as_name(text, text_of_item):
                unchecked_use = "the word capitalised inside a sentence, as a name"
        scored = []
        for profile in profiles:
            evidence = profile.weight(text_of_item)
            reasons = profile.evidence(text_of_item)
            prior = 0
            if profile.account_id in found.short and sense is Sense.ORDINARY and not profile.has_full_name(text_of_item):
                # "Spring" for Spring Health: an ordinary word as a short form is too often another
                # company ("Spring", "Current", "Sword"); only the full name written out settles it.
                evidence, reasons = 0, []
            if profile.account_id in found.exact and sense is not Sense.SHARED:
                prior = 4 if sense is Sense.BRAND else 2
                if as_company:
                    evidence += 2
                    reasons.append("the word used as a company")
                elif unchecked_use and not profile.terms and not profile.weak_terms:
                    evidence += 2
                    reasons.append(f"{unchecked_use} (the account has no industry to check)")
            scored.append((evidence + prior, evidence, profile, reasons))
        scored.sort(key=lambda s: (-s[0], s[2].account_id))
        total, evidence, best, reasons = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0
        full_name = any(text_of_item.has(p) for p in best.phrases)
        if other and not full_name:
            return Resolution(None, 0.0, refused,
                              f"refused: the item names '{other}', another company called '{key}'")
        brand_default = sense is Sense.BRAND and best.account_id in found.exact
        if (evidence < 2 and not brand_default) or total <= runner_up:
            if refused == "common_name" and candidates == [item.searched]:
                return self._checked(candidates[0], domain, "context",
                                     f"{what}; the news search for {self._label(candidates[0])} found the item", CONFIDENCE["context"])
            return Resolution(None, 0.0, refused, f"refused: {what} and nothing in the item settles it")
        shown = ", ".join(reasons[:3]) or "nothing pointing elsewhere"
        if best.account_id in found.short:
            method, confidence = "short_form", CONFIDENCE["short_form"]
        else:
            method, confidence = "context", CONFIDENCE["context"]
        return self._checked(best.account_id, domain, method, f"{what}; item mentions {shown} → {best.label}", confidence)

    def _profile(self, account_id: int) -> Profile:
        """The evidence profile of an account, built the first time the account is a candidate."""
        profile = self._profiles.get(account_id)
        if profile is None:
            profile = self._profiles[account_id] = profile_of(self._accounts[account_id])
        return profile

    def _label(self, account_id: int) -> str:
        account = self._accounts.get(account_id)
        return account.name if account else f"account {account_id}"

    def _checked(self, account_id: int, domain: str | None, method: str, reason: str,
                 confidence: float | None = None) -> Resolution:
        """Refuse a name match that the mention's own domain contradicts."""
        known = self._domain_of.get(account_id)
        if domain and known and known not in domain_suffixes(domain):
            return Resolution(None, 0.0, "domain_mismatch",
                              f"refused: the name fits {self._label(account_id)} but the domain {domain} is not {known}")
        return Resolution(account_id, CONFIDENCE[method] if confidence is None else confidence, method, reason)


class _LazyItem:
    """The item's text, prepared the first time a decision needs it (most never do), and the
    account whose news search found the item, if one did."""

    __slots__ = ("_text", "_item", "searched")

    def __init__(self, text: str | None, searched: int | None = None) -> None:
        self._text = text
        self._item: ItemText | None = None
        self.searched = searched

    @property
    def raw(self) -> str:
        """The text as written ("" for none), without preparing it."""
        return self._text or ""

    def get(self) -> ItemText | None:
        if not self._text:
            return None
        if self._item is None:
            self._item = ItemText.of(self._text)
        return self._item


def _is_camel_case(text: str) -> bool:
    """ "BlackBerry", "LinkedIn", "YouTube": a capital inside one word marks a coined brand."""
    word = text.strip()
    return " " not in word and any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def _is_initialism(text: str, key: str, item: _LazyItem) -> bool:
    """ "IBM", "BHP", "MTN": a short name the item writes only in capitals, among words that are not ("BOX CUTS 10%
    OF STAFF" shouts the word; "Box cuts staff, BOX said" writes it both ways)."""
    word = text.strip()
    if not (2 <= len(word) <= 3 and word.isupper() and word.isalpha() and key == word.lower()):
        return False
    written = item.get()
    if written is None or written.raw.isupper() or is_common_word(key):
        return False
    return all(found.isupper() for found in re.findall(rf"\b{word}\b", written.raw, re.IGNORECASE))


def _written_as_name(mention: str, item: ItemText) -> bool:
    """ "… and Line are going to merge", "drugmaker Shire": an ordinary word the item capitalises after a lower-case word,
    where only a name is capitalised; a word that opens a sentence or a title-case headline ("Slack Off: Why Rest
    Matters") or a shouted one ("THE BOX IS BACK") proves nothing. A name, not whose: it counts, as a deal does, only
    for an account whose industry the CRM does not give."""
    name = mention.strip()
    if not name or not name[0].isupper() or name.isupper() or name not in item.raw:
        return False
    return _after_lower_word(name).search(item.raw) is not None


@lru_cache(maxsize=4096)
def _after_lower_word(name: str) -> re.Pattern[str]:
    """The pattern of `name` written after a lower-case word ("drugmaker Shire"), compiled once a name."""
    return re.compile(rf"\b[a-z][\w'’]*,?\s+{re.escape(name)}\b")


def _what(key: str, sense: Sense, count: int) -> str:
    """How the reason names the difficulty: "'delta' is shared by 3 accounts"."""
    if count > 1:
        return f"name '{key}' is shared by {count} accounts"
    if sense is Sense.SHARED:
        return f"'{key}' is a name several well-known companies share"
    if sense is Sense.ORDINARY:
        return f"'{key}' is an ordinary word"
    return f"'{key}' is a short form"


def _short_forms(key: str) -> list[str]:
    """ "apollo global management" → ["apollo global", "apollo"]: leading words, when the rest is generic.

    "Mistral AI" gives "mistral"; "Acme Widgets Europe" gives nothing ("europe" is not generic).
    """
    words = key.split()
    if len(words) < 2 or len(words) > 4 or len(words[0]) < 3:
        return []
    return [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1) if all(w in GENERIC_WORDS for w in words[n:])]


def _other_spellings(text: str, key: str) -> list[str]:
    """Keys the same name is also written as: without a possessive, or a hyphenated name run together."""
    found = []
    stripped = strip_possessive(text)
    if stripped:
        alt = analyze(stripped).key
        if alt and alt != key:
            found.append(alt)
    if "-" in text and " " in key:
        joined = key.replace(" ", "")
        if joined != key:
            found.append(joined)
    return found


def _variant_ok(core: str) -> bool:
    """A descriptor-stripped name may only match when it still names something specific."""
    return bool(core) and not is_weak_key(core)
