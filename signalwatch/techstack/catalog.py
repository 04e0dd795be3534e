"""The shared technology catalog (ids, names, categories, aliases) and free-text mention finding.

Every signal family names technologies the same way: the tech-stack connector reports
`hubspot` when it fingerprints a homepage, and a hiring connector reports `hubspot` when a
job posting asks for "experience with HubSpot". Rules then select on one id and category.

    >>> find_mentions("Experience with Salesforce and HubSpot; market segment analysis")
    ['salesforce', 'hubspot']

Matching prefers precision: a name that is an everyday word ("Segment", "Drift", "Front")
only matches through qualified aliases ("Segment.io", "Twilio Segment"), and `exact` names
match only with their own capitalisation ("Snowflake", never "snowflake").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from signalwatch.techstack.phrases import PhraseMatcher

__all__ = [
    "CATEGORIES",
    "Catalog",
    "CatalogError",
    "Technology",
    "default_catalog",
    "find_mentions",
    "load_catalog",
    "technologies_from_entries",
]

# The categories rules can select on; a catalog entry with any other category is an error
# so that a typo ("analytic") cannot silently create a category no rule matches.
CATEGORIES: frozenset[str] = frozenset(
    {
        "ab_testing", "abm", "advertising", "analytics", "ats", "attribution", "bi", "cdn",
        "cdp", "chat", "cloud", "cms", "collaboration", "consent", "conversation_intelligence",
        "crm", "data_pipeline", "data_warehouse", "ecommerce", "email", "email_delivery",
        "email_marketing", "email_security", "erp", "esign", "forms", "hosting", "hris",
        "identity", "js_library", "landing_pages", "marketing_automation", "monitoring",
        "payments", "personalization", "reviews", "sales_enablement", "sales_engagement",
        "sales_intelligence", "scheduling", "search", "security", "support", "tag_manager",
        "other", "video", "web_framework",
    }
)  # fmt: skip

_ID = r"^[a-z0-9][a-z0-9_]*$"


class CatalogError(ValueError):
    """A catalog file is invalid; the message lists every problem, one per line."""


@dataclass(frozen=True)
class Technology:
    """One technology: its stable id, display name, category and the names text may use."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    common_word: bool = False
    commodity: bool = False  # on nearly every website (jQuery, a CDN, an analytics tag): no buying intent

    def phrases(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(case-insensitive phrases, case-sensitive phrases) that name this technology."""
        loose = self.aliases if self.common_word else (self.name, *self.aliases)
        return tuple(dict.fromkeys(loose)), tuple(dict.fromkeys(self.exact))


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID)
    name: str = Field(min_length=1)
    category: str
    aliases: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    common_word: bool = False
    commodity: bool = False


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")

    technologies: list[dict[str, object]]


class Catalog:
    """An immutable set of technologies, indexed by id, with a compiled mention matcher."""

    def __init__(self, technologies: Iterable[Technology]) -> None:
        self._by_id: dict[str, Technology] = {}
        for tech in technologies:
            if tech.id in self._by_id:
                raise CatalogError(f"technology id {tech.id!r} defined twice")
            self._by_id[tech.id] = tech
        self._loose, self._loose_ids = _compile(self._by_id.values(), case_sensitive=False)
        self._exact, self._exact_ids = _compile(self._by_id.values(), case_sensitive=True)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Technology]:
        return iter(self._by_id.values())

    def __contains__(self, tech_id: object) -> bool:
        return tech_id in self._by_id

    def __getitem__(self, tech_id: str) -> Technology:
        try:
            return self._by_id[tech_id]
        except KeyError:
            raise KeyError(f"unknown technology {tech_id!r}") from None

    def get(self, tech_id: str) -> Technology | None:
        return self._by_id.get(tech_id)

    @property
    def commodity(self) -> frozenset[str]:
        """Ids of the technologies marked `commodity: true`: they add no heat to an account."""
        return frozenset(tech.id for tech in self._by_id.values() if tech.commodity)

    def by_category(self, category: str) -> list[Technology]:
        return [tech for tech in self._by_id.values() if tech.category == category]

    def extended(self, technologies: Iterable[Technology]) -> Catalog:
        """A new catalog with `technologies` added; an id already present is replaced."""
        merged = dict(self._by_id)
        merged.update((tech.id, tech) for tech in technologies)
        return Catalog(merged.values())

    def find_mentions(self, text: str, *, prefilter: bool = True) -> list[str]:
        """Ids of the technologies named in `text`, in order of first mention, each once.

        `prefilter=False` scans with the alternation of every phrase: the same result, slower;
        it is the reference the word-index prefilter is tested against."""
        found: dict[str, int] = {}
        words = PhraseMatcher.words(text)
        for matcher, ids, fold in ((self._loose, self._loose_ids, True), (self._exact, self._exact_ids, False)):
            if matcher is None:
                continue
            matches = matcher.finditer(text, words) if prefilter else matcher.full.finditer(text) if matcher.full else ()
            for match in matches:
                key = _norm(match.group(0)) if fold else " ".join(match.group(0).split())
                tech_id = ids[key]
                found.setdefault(tech_id, match.start())
        return sorted(found, key=found.__getitem__)


def _norm(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


def _compile(techs: Iterable[Technology], *, case_sensitive: bool) -> tuple[PhraseMatcher | None, dict[str, str]]:
    """One alternation over every phrase, longest first so "HubSpot CMS" beats "HubSpot"."""
    ids: dict[str, str] = {}
    for tech in techs:
        loose, exact = tech.phrases()
        for phrase in exact if case_sensitive else loose:
            key = " ".join(phrase.split()) if case_sensitive else _norm(phrase)
            owner = ids.setdefault(key, tech.id)
            if owner != tech.id:
                raise CatalogError(f"phrase {phrase!r} names both {owner!r} and {tech.id!r}")
    if not ids:
        return None, ids
    return PhraseMatcher(list(ids), ignore_case=not case_sensitive), ids


def _parse(text: str, origin: str) -> list[Technology]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogError(f"{origin}: not valid YAML: {exc}") from exc
    try:
        document = _File.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(f"{origin}: expected a mapping with a `technologies` list: {exc}") from exc
    return technologies_from_entries(document.technologies, origin)


def technologies_from_entries(items: Iterable[object], origin: str) -> list[Technology]:
    """Validate catalog entries (as parsed from YAML); every problem is reported at once."""
    errors: list[str] = []
    techs: list[Technology] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append(f"{origin}: technologies[{index}]: expected a mapping, got {type(item).__name__}")
            continue
        label = f"{origin}: technologies[{index}] ({item.get('id', '?')})"
        try:
            entry = _Entry.model_validate(item)
        except ValidationError as exc:
            errors.extend(f"{label}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            continue
        if entry.category not in CATEGORIES:
            errors.append(f"{label}: unknown category {entry.category!r}")
            continue
        if entry.common_word and not (entry.aliases or entry.exact):
            errors.append(f"{label}: common_word needs at least one alias or exact name to be findable")
        techs.append(
            Technology(entry.id, entry.name, entry.category, tuple(entry.aliases), tuple(entry.exact), entry.common_word,
                       entry.commodity)
        )
    if errors:
        raise CatalogError("\n".join(errors))
    return techs


def load_catalog(*extra_files: str | Path) -> Catalog:
    """The bundled catalog, extended by admin files in the same format (later files win)."""
    bundled = resources.files("signalwatch.techstack").joinpath("catalog.yaml").read_text(encoding="utf-8")
    catalog = Catalog(_parse(bundled, "catalog.yaml"))
    for path in extra_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise CatalogError(f"{path}: cannot read: {exc}") from exc
        catalog = catalog.extended(_parse(text, str(path)))
    return catalog


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The bundled catalog, loaded once per process (it is immutable)."""
    return load_catalog()


def find_mentions(text: str) -> list[str]:
    """Ids of bundled-catalog technologies named in free text such as a job description."""
    return default_catalog().find_mentions(text)
