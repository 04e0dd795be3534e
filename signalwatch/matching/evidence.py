"""What a news item says about which company a bare name means.

A name alone cannot tell Apollo Global Management from Apollo Hospitals, or Notion the software
company from "notion" the word. The item around the mention usually can: it names the company
in full ("Apollo Hospitals Enterprise"), an alias, the industry ("hospital chain", "flights",
"private equity firm"), or treats the word as a company ("Notion CEO Ivan Zhao"). This module
turns an account into the terms that point to it (`Profile`) and counts them in the item's text
(`ItemText`). Everything here is built once per account list or once per item; matching is set
and substring lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from signalwatch.accounts import Account
from signalwatch.matching.names import analyze, fold, normalize_domain

__all__ = ["ItemText", "Profile", "profile_of", "industry_terms", "GENERIC_WORDS", "COMPANY_CONTEXT"]

# Words that follow a company's distinctive first word in its full name without naming a
# different business: "Delta Air Lines" is often just "Delta", "Mistral AI" just "Mistral".
# An account whose name is such a word plus only these gets that word as a short form.
GENERIC_WORDS = frozenset(
    """ai air airline airlines airways aviation bank banking bio biosciences biotech capital commerce
    dental electronics energy financial foods global group health healthcare holdings hospital hospitals
    hospitality insurance labs lines management medical medicine motors networks partners pharma
    pharmaceuticals reit rental rentals robotics software systems technologies technology therapeutics
    tires tyres ventures""".split()
)
# Name words that say nothing about which company is meant ("Global", "Group").
_WEAK_NAME_WORDS = frozenset("global group holdings management systems technologies technology company inc corp".split())
# Words that, right after a shared or ordinary name, make it another company's name:
# "Notion Capital", "Mercury Marine", "Delta Faucet", "Apollo Education".
_OTHER_COMPANY_WORDS = frozenset(
    """capital venture ventures partners investments fund funds marine education faucet faucets records
    bank insurance airlines airways energy health healthcare therapeutics pharmaceuticals motors labs
    hospitals hospital tyres tires dental electronics rentals systems technologies group""".split()
)
# The text treats the word as a company: "Apple CEO", "CEO of Apple", "Meta's COO", "Snap (NYSE:SNAP)".
COMPANY_CONTEXT = (
    r"(?:['’]s)?\s+(?:co-?founder|founder|ceo|cfo|coo|cto|chief|president|chairman|board|shares|stock|inc\b|corp\b"
    r"|employees|staff|workforce|layoffs?|lays off|to lay off|to cut|cuts|laid off|sacks|announced|said)"
)
_COMPANY_BEFORE = r"(?:ceo|chief executive|founder|co-founder|shares|stock|employees|staff) of\s+"
# The subject of a company's own deal, raise, hire or cut ("Ola raises $500m", "Snap names first CMO", "Indeed to slash
# 2,200 jobs"), and the object of a deal ("Salesforce to buy Slack", "Visa's acquisition of Plaid"): a word that does
# these things is a company, though not which one (`ItemText.does_deals`).
_DEAL_VERB_AFTER = (
    r"(?:['’]s)?\s+(?:raises|raised|secures|secured|lands|nabs|bags|clinches|appoints|names|hires|taps|promotes|ousts"
    r"|acquires|acquired|buys|bought|axes|slashes|culls|fires|gets|announces|seeks"
    r"|(?:to|will) (?:acquire|buy|raise|cut|slash|fire|lay off|shed|axe|eliminate)"
    r"|has (?:reportedly )?(?:raised|secured|acquired|appointed|named))\b"
)
# "Spade, an API for transaction enrichment, raised $5m": the subject of a raise with an appositive between (not a list:
# "Loft, and Klar, raised" is two companies).
_RAISE_AFTER_APPOSITIVE = r",\s+(?!(?:and|or)\b)[^,;:]{3,200}?,\s+(?:raises|raised|secures|secured|lands|landed|has raised)\b"
# What only an organisation does, beyond a deal, raise, hire or cut: it restructures, reshuffles its management, trims or
# is cutting its staff, scores a round, plans, agrees or is in talks to buy, merges ("Orange reshuffles top management",
# "N26 Restructures Leadership Team", "Article is trimming its headcount", "C3 scores $80m", "Sprint wants to buy
# T-Mobile"): the word is a company, though not which one (`ItemText.acts_as_company`).
_STAFF = (r"(?:\d[\d,.]*%?\s+(?:of\s+)?)?(?:(?:its|their|the)\s+)?(?:\d[\d,.]*\s+)?"
          r"(?:staff|workforce|headcount|jobs|workers|employees|roles)")  # "14% of its staff", "its headcount", "300 jobs"
_COMPANY_ACT_AFTER = (
    r"(?:['’]s)?\s+(?:restructures|reshuffles|overhauls|revamps|shakes up|streamlines|downsizes|furloughs|merges with"
    rf"|(?:scores|snags|pockets|rakes in)\s+(?:[$€£₹₦]|us\$|\d)"
    rf"|(?:trims|is (?:reportedly )?(?:trimming|cutting|shedding|laying off|reducing))\s+{_STAFF}"
    r"|is (?:reportedly )?(?:restructuring|downsizing)"
    r"|confirms (?:\S+\s+){0,2}?(?:acquisition|layoffs|job cuts|funding|deal|merger|takeover)"
    r"|(?:wants|agrees|plans|looks|is set|is in talks|in talks) to (?:acquire|buy|merge|raise|cut|lay off|shed))\b"
)
_DEAL_VERB_BEFORE = r"(?:acquires|acquired|acquiring|to acquire|to buy|buys|bought|buying|acquisition of|purchase of|takeover of)\s+"
_TICKER_AFTER = r"\s*\((?:nyse|nasdaq|tsx|lse|otc)\b"
# "the start-up Plaid", "Plaid, a fintech firm that …": an appositive that names a kind of company.
_KIND = r"(?:start-?up|company|firm|maker|provider|platform|unicorn|giant|retailer|lender|developer|insurer|carrier|chain|group)"
_KIND_BEFORE = rf"\b{_KIND}\s+"
_WORD = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


def _norm_word(word: str) -> str:
    """Plurals folded so "flights" finds "flight": a trailing s is dropped from longer words."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _normalize(text: str) -> str:
    """The comparable form of a text or a term: folded, words singularized, space-separated."""
    return " ".join(_norm_word(w) for w in _WORD.findall(fold(text).replace("&", " and ")))


@dataclass(frozen=True)
class ItemText:
    """A news item's title and summary, prepared once for many evidence look-ups."""

    raw: str
    padded: str  # " word word … " for whole-phrase `in` tests

    @classmethod
    def of(cls, text: str | None) -> ItemText:
        """Prepare `text` (None or empty gives an item with no words)."""
        return cls(text or "", f" {_normalize(text)} " if text else " ")

    def has(self, phrase: str) -> bool:
        """Whether the normalized phrase occurs as whole words."""
        return bool(phrase) and f" {phrase} " in self.padded

    def follower_of(self, name: str) -> set[str]:
        """Normalized words that follow `name` in the text ("notion capital" → {"capital"})."""
        found: set[str] = set()
        needle = f" {name} "
        start = self.padded.find(needle)
        while start != -1:
            rest = self.padded[start + len(needle):].split(" ", 1)[0]
            if rest:
                found.add(rest)
            start = self.padded.find(needle, start + 1)
        return found

    def other_company_named(self, name: str, own_phrases: frozenset[str]) -> str | None:
        """A different company the item names with this name: "Notion Capital" for "notion".

        Only phrases made with a word that names a kind of business count ("Mercury Marine",
        not "Mercury Raises"), and only when no candidate account carries that phrase.
        """
        for word in sorted(self.follower_of(name)):
            phrase = f"{name} {word}"
            if word in _OTHER_COMPANY_WORDS and not any(p.startswith(phrase) for p in own_phrases):
                return phrase
        return None

    def treats_as_company(self, mention: str) -> bool:
        """Whether the text uses the mention as a company: "Apple CEO", "CEO of Apple", "(NYSE:…".

        Only the spelling given (case-insensitive), so a common word in running text rarely counts.
        """
        name = re.escape(mention.strip())
        return bool(name) and any(_as_company_pattern(name, shape).search(self.raw) for shape in range(len(_AS_COMPANY_SHAPES)))

    def does_deals(self, mention: str) -> bool:
        """Whether the mention raises, hires, buys or cuts, or is bought ("Ola raises", "Salesforce to buy Slack").

        A company, but not which one: a namesake in another industry raises money too, so this counts only for an
        account whose industry the CRM does not give (see `AccountMatcher`)."""
        name = re.escape(mention.strip())
        return bool(name) and bool(_deal_pattern(name).search(self.raw))

    def acts_as_company(self, mention: str) -> bool:
        """Whether the mention does what only an organisation does ("Orange reshuffles", "Article is trimming its
        headcount", "Sprint wants to buy"; `_COMPANY_ACT_AFTER`): like `does_deals`, a company but not which one."""
        name = re.escape(mention.strip())
        return bool(name) and bool(_act_pattern(name).search(self.raw))


# The shapes `ItemText.treats_as_company` tries, in order, with the name escaped in place of {name}.
_AS_COMPANY_SHAPES = (
    rf"\b{{name}}{COMPANY_CONTEXT}",
    rf"{_COMPANY_BEFORE}{{name}}\b",
    rf"\b{{name}}{_TICKER_AFTER}",
    rf"{_KIND_BEFORE}{{name}}\b",
    rf"\b{{name}},\s+(?:a|an|the)\s+(?:[\w$.-]+\s+){{0,5}}?{_KIND}\b",
)


@lru_cache(maxsize=8192)  # a poll meets the same names again; compiling per mention also evicted shared patterns from re's cache
def _as_company_pattern(name: str, shape: int) -> re.Pattern[str]:
    """`_AS_COMPANY_SHAPES[shape]` for one escaped name, compiled when first tried (`any` stops at the first that matches)."""
    return re.compile(_AS_COMPANY_SHAPES[shape].replace("{name}", name), re.IGNORECASE)


@lru_cache(maxsize=4096)
def _deal_pattern(name: str) -> re.Pattern[str]:
    """`ItemText.does_deals`'s pattern for one escaped name, compiled once."""
    return re.compile(rf"\b{name}{_DEAL_VERB_AFTER}|{_DEAL_VERB_BEFORE}{name}\b|\b{name}{_RAISE_AFTER_APPOSITIVE}", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _act_pattern(name: str) -> re.Pattern[str]:
    """`ItemText.acts_as_company`'s pattern for one escaped name, compiled once."""
    return re.compile(rf"\b{name}{_COMPANY_ACT_AFTER}", re.IGNORECASE)


@dataclass(frozen=True)
class Profile:
    """What points to one account in a news item: its full names, name words, industry terms."""

    account_id: int
    label: str
    phrases: frozenset[str]  # normalized full names and aliases of two words or more
    name_words: frozenset[str]  # distinctive words of its names beyond their first word
    terms: frozenset[str]  # industry terms
    weak_terms: frozenset[str]  # everyday words that point to the industry only weakly
    domain_stem: str | None

    def has_full_name(self, item: ItemText) -> bool:
        """Whether the item writes one of the account's names or aliases of two words or more."""
        return any(item.has(p) for p in self.phrases)

    def has_longer_name(self, item: ItemText, key: str) -> bool:
        """Whether the item writes one of the account's names or aliases of two words or more other than `key` (a
        normalized name): "Apple Hospitality REIT" for the mention "Apple", not "Walt Disney" for "Walt Disney"."""
        own = _normalize(key)
        return any(p != own and item.has(p) for p in self.phrases)

    def evidence(self, item: ItemText) -> list[str]:
        """The evidence the item holds for this account, strongest first, as readable strings."""
        found = [f"'{p}'" for p in sorted(self.phrases) if item.has(p)]
        if self.domain_stem and item.has(self.domain_stem):
            found.append(f"'{self.domain_stem}'")
        words = [w for w in sorted(self.name_words) if item.has(w) and not any(w in p for p in self.phrases if item.has(p))]
        found.extend(f"'{w}'" for w in words[:2])
        found.extend(f"'{t}'" for t in sorted(t for t in self.terms if item.has(t))[:3])
        found.extend(f"'{t}'" for t in sorted(t for t in self.weak_terms if item.has(t))[:2])
        return found

    def weight(self, item: ItemText) -> int:
        """Evidence strength in half points: a full name or alias 6, the domain 4, a name word or
        industry term 2, an everyday industry word 1 (so one of those alone settles nothing)."""
        full = sum(6 for p in self.phrases if item.has(p))
        domain = 4 if self.domain_stem and item.has(self.domain_stem) else 0
        words = min(4, sum(2 for w in self.name_words if item.has(w)))
        terms = min(6, sum(2 for t in self.terms if item.has(t)) + sum(1 for t in self.weak_terms if item.has(t)))
        return full + domain + words + terms


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    text = resources.files("signalwatch.matching").joinpath("industry_terms.txt").read_text("utf-8")
    lexicon: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or ":" not in line:
            continue
        name, terms = line.split(":", 1)
        raw = [t.strip() for t in terms.split(",") if t.strip()]
        strong = frozenset(_normalize(t) for t in raw if not t.startswith("~") and _normalize(t))
        weak = frozenset(_normalize(t[1:]) for t in raw if t.startswith("~") and _normalize(t[1:]))
        lexicon[name.strip().lower()] = (strong, weak - strong)
    return lexicon


@lru_cache(maxsize=4096)
def industry_terms(industry: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The (strong, weak) terms for an account's industry: its lexicon line, or the lines its words make up.

    "health insurance" → its own line; "fintech / payments" → fintech and payments; an industry
    the lexicon does not know → its own words, so an admin's "widgets" still counts "widget".
    """
    if not industry or not industry.strip():
        return frozenset(), frozenset()
    key = industry.strip().lower()
    lexicon = _lexicon()
    if key in lexicon:
        return lexicon[key]
    words = set(_normalize(key).split())
    strong: set[str] = set()
    weak: set[str] = set()
    for name, (line_strong, line_weak) in lexicon.items():
        if set(_normalize(name).split()) <= words:
            strong |= line_strong
            weak |= line_weak
    if not strong and not weak:
        strong = {w for w in words if len(w) > 2 and w not in {"and", "the"}}
    return frozenset(strong), frozenset(weak - strong)


def profile_of(account: Account) -> Profile:
    """The evidence profile of one account (built once per account list)."""
    names = [account.name, *account.aliases]
    keys = [analyze(n).key for n in names]
    phrases = frozenset(_normalize(k) for k in keys if k and " " in k)
    name_words = frozenset(
        _norm_word(w)
        for k in keys
        for w in k.split()[1:]
        if (len(w) > 2 or w in GENERIC_WORDS) and w not in _WEAK_NAME_WORDS
    )
    domain = normalize_domain(account.domain)
    stem = domain.split(".")[0] if domain else None
    own_words = {w for k in keys for w in k.split()} | {k.replace(" ", "") for k in keys}
    stem = stem if stem and len(stem) > 3 and stem not in own_words else None
    strong, weak = industry_terms(account.industry)
    return Profile(account.id, account.name, phrases, name_words, strong, weak, stem)
