"""The account lookup tables and the decision of which account, if any, a company mention names.

Evidence, strongest first (confidence in brackets):

    domain (1.0)        the mention's domain or a parent of it is an account's domain
    name (0.9)          normalized name equals an account's normalized name
    alias (0.85)        normalized name equals one of an account's aliases
    name, weak (0.8)    a one-common-word name ("Box") proven by a written legal form ("Box, Inc.")
    name_variant (0.7)  one side is the other plus descriptors ("Acme Robotics Holdings" ~ "Acme Robotics"),
                        only when the bare name is not a single common word; two different
                        descriptors ("Kovira Labs" vs "Kovira Systems") are two companies

and what is refused rather than guessed:

    ambiguous           two accounts claim the same domain or name
    common_name         a bare one-common-word name ("Ramp", "Notion") without domain, alias or legal form
    domain_mismatch     the name fits an account but the mention's domain contradicts the account's
    none                nothing fits

An account whose name is a common word still matches a bare mention when the admin lists that
name as an alias too: the alias is the explicit "yes, bare 'Ramp' means us".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from signalwatch.accounts import Account
from signalwatch.matching.names import analyze, domain_suffixes, is_weak_key, name_parts, normalize_domain

__all__ = ["AccountMatcher", "Resolution", "CONFIDENCE"]

CONFIDENCE = {"domain": 1.0, "name": 0.9, "alias": 0.85, "name_weak": 0.8, "name_variant": 0.7}


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one mention: an account id or None, and how sure we are."""

    account_id: int | None
    confidence: float
    method: str  # "domain", "name", "alias", "name_variant", "ambiguous", "common_name", "domain_mismatch", "none"


_EMPTY: frozenset[int] = frozenset()
_NONE = Resolution(None, 0.0, "none")
_AMBIGUOUS = Resolution(None, 0.0, "ambiguous")


class AccountMatcher:
    """Lookup tables built once per account list; `resolve` is a handful of dict lookups."""

    def __init__(self, accounts: Iterable[Account]) -> None:
        self._by_domain: dict[str, set[int]] = defaultdict(set)
        self._by_name: dict[str, set[int]] = defaultdict(set)
        self._by_alias: dict[str, set[int]] = defaultdict(set)
        self._by_key: dict[str, set[int]] = defaultdict(set)  # names and aliases
        self._by_core: dict[str, set[int]] = defaultdict(set)  # bare cores of names that carry descriptors
        self._domain_of: dict[int, str] = {}
        for account in accounts:
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
        if form.core != form.key and _variant_ok(form.core):
            self._by_core[form.core].add(account_id)

    def resolve(self, company_name: str | None, company_domain: str | None = None) -> Resolution:
        """Which account `company_name` / `company_domain` names; see the module docstring."""
        domain = normalize_domain(company_domain)
        if domain:
            for candidate in domain_suffixes(domain):
                ids = self._by_domain.get(candidate)
                if ids:
                    return Resolution(next(iter(ids)), CONFIDENCE["domain"], "domain") if len(ids) == 1 else _AMBIGUOUS
        if not company_name:
            return _NONE
        parts = name_parts(company_name)
        if len(parts) == 1:
            return self._by_text(parts[0], domain)
        results = [self._by_text(part, domain) for part in parts]
        return max(results, key=lambda r: (r.account_id is not None, r.confidence), default=_NONE)

    def _by_text(self, text: str, domain: str | None) -> Resolution:
        form = analyze(text)
        if not form.key:
            return _NONE
        by_name = self._by_name.get(form.key, _EMPTY)
        by_alias = self._by_alias.get(form.key, _EMPTY)
        exact = by_name | by_alias if by_name and by_alias else by_name or by_alias
        if len(exact) > 1:
            return _AMBIGUOUS
        if exact:
            account_id = next(iter(exact))
            weak = is_weak_key(form.key)
            if account_id in by_name and not weak:
                return self._checked(account_id, domain, "name", CONFIDENCE["name"])
            if account_id in by_alias:  # the admin's explicit word, even for a common-word name
                return self._checked(account_id, domain, "alias", CONFIDENCE["alias"])
            if form.legal_suffix:
                return self._checked(account_id, domain, "name", CONFIDENCE["name_weak"])
            return Resolution(None, 0.0, "common_name")
        variants = self._by_core.get(form.key, _EMPTY) if _variant_ok(form.key) else _EMPTY
        if form.core != form.key and _variant_ok(form.core):
            variants = variants | self._by_key.get(form.core, _EMPTY)
        if len(variants) > 1:
            return _AMBIGUOUS
        if variants:
            return self._checked(next(iter(variants)), domain, "name_variant", CONFIDENCE["name_variant"])
        return _NONE

    def _checked(self, account_id: int, domain: str | None, method: str, confidence: float) -> Resolution:
        """Refuse a name match that the mention's own domain contradicts."""
        known = self._domain_of.get(account_id)
        if domain and known and known not in domain_suffixes(domain):
            return Resolution(None, 0.0, "domain_mismatch")
        return Resolution(account_id, confidence, method)


def _variant_ok(core: str) -> bool:
    """A descriptor-stripped name may only match when it still names something specific."""
    return bool(core) and not is_weak_key(core)
