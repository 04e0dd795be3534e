"""Whom an alert names: a rule's `persona:`, checked here, and whether a CRM contact's title fits it.

A persona is a set of people by role. The built-in ones (PERSONAS) are read off the one title
classifier, `signalwatch.titles`: a contact fits `finance` when their title's function is
finance at director level or above (a CFO, a VP Finance, a Head of Finance; not a finance
intern). A rule names one or more of them, or its own title patterns:

    persona: finance
    persona: [finance, executive]
    persona: {titles: ['\\bchief of staff\\b', 'procurement']}
    persona: {names: [it], titles: ['\\bcloud\\b']}

A rule without `persona:` gets its event type's default (DEFAULT_PERSONAS; hiring follows the
function of the role posted: a sales opening asks for sales leaders). Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from signalwatch.rules.conditions import AdminPattern, RegexRefused, compile_admin_regex
from signalwatch.titles import TitleClass, classify_title
from signalwatch.yamlload import suggest

__all__ = ["Persona", "PersonaDef", "PERSONAS", "ALIASES", "DEFAULT_PERSONAS", "parse_persona", "default_persona",
           "seniority_rank", "persona_for_event"]

# Most senior first; a board seat is no one to call about a trigger.
_RANK = {"c_level": 4, "vp": 3, "director": 2, "manager": 1, "ic": 0, "board": -1}


def seniority_rank(title: str | None) -> int:
    """How senior a title is (4 = C-level … 0 = individual contributor; -1 for a board seat or no title)."""
    return _RANK.get(classify_title(title).seniority, 0) if title else -1


@dataclass(frozen=True)
class PersonaDef:
    """A built-in persona: any of `ways`, each (functions or None for any, lowest seniority)."""

    description: str
    ways: tuple[tuple[frozenset[str] | None, str], ...]

    def fits(self, found: TitleClass) -> bool:
        rank = _RANK.get(found.seniority, -1)
        return any((functions is None or found.function in functions) and rank >= _RANK[lowest] for functions, lowest in self.ways)


def _leaders(*functions: str, lowest: str = "director") -> tuple[tuple[frozenset[str] | None, str], ...]:
    return ((frozenset(functions), lowest),)


PERSONAS: dict[str, PersonaDef] = {
    "executive": PersonaDef("C-level officers of any function; CEO, founder, president, managing director",
                            ((None, "c_level"), (frozenset({"executive"}), "director"))),
    "finance": PersonaDef("finance leaders: CFO, VP / head / director of finance", _leaders("finance")),
    "sales": PersonaDef("sales leaders: CRO, VP / head / director of sales, sales development and revenue operations",
                        _leaders("sales", "sales_development", "revops")),
    "revops": PersonaDef("revenue operations, from manager up", _leaders("revops", lowest="manager")),
    "marketing": PersonaDef("marketing, from manager up: CMO, VP / head of marketing, demand generation",
                            _leaders("marketing", lowest="manager")),
    "engineering": PersonaDef("engineering and data leaders, from manager up: CTO, VP engineering",
                              _leaders("engineering", "data", lowest="manager")),
    "it": PersonaDef("IT and security, from manager up: CIO, CISO, head of IT", _leaders("it", "security", lowest="manager")),
    "security": PersonaDef("security, from manager up: CISO, head of security", _leaders("security", lowest="manager")),
    "product": PersonaDef("product and design leaders: CPO, VP / head / director of product", _leaders("product", "design")),
    "people": PersonaDef("HR and recruiting, from manager up: CHRO, head of people, talent acquisition",
                         _leaders("people", lowest="manager")),
    "operations": PersonaDef("operations leaders: COO, VP / head / director of operations", _leaders("operations")),
    "customer_success": PersonaDef("customer success and support leaders", _leaders("customer_success", "support")),
    "legal": PersonaDef("legal leaders: general counsel, chief legal officer", _leaders("legal")),
}
ALIASES = {"hr": "people", "exec": "executive", "executives": "executive", "cs": "customer_success", "ops": "operations"}

# Whom to reach when a rule names no persona, by event type (see the README, "Whom to reach").
DEFAULT_PERSONAS: dict[str, tuple[str, ...]] = {
    "funding": ("finance", "executive"),
    "acquisition": ("executive", "finance"),
    "leadership": ("executive",),  # and the new leader's own function (persona_for_event)
    "hiring": ("executive",),  # only when the posted role's function is unknown (persona_for_event)
    "tech_stack": ("engineering", "it"),
    "layoffs": ("people", "executive"),
}
# A role's function (titles.FUNCTIONS) -> the persona whose leaders own it.
_FUNCTION_PERSONA = {
    "sales": "sales", "sales_development": "sales", "revops": "revops", "marketing": "marketing",
    "customer_success": "customer_success", "support": "customer_success", "engineering": "engineering",
    "data": "engineering", "product": "product", "design": "product", "finance": "finance", "people": "people",
    "legal": "legal", "operations": "operations", "security": "security", "it": "it", "executive": "executive",
}
# Technology categories (tech_stack events) whose owners are not engineering.
_CATEGORY_PERSONA = {"crm": ("revops", "sales"), "marketing_automation": ("marketing", "revops"),
                     "sales_engagement": ("sales", "revops"), "analytics": ("marketing", "engineering")}


@dataclass(frozen=True)
class Persona:
    """Built-in personas by name and/or title patterns; a title fits when any of them does."""

    names: tuple[str, ...] = ()
    titles: tuple[AdminPattern, ...] = ()

    def fits(self, title: str | None) -> bool:
        if not title:
            return False
        if any(pattern.search(title[:200]) for pattern in self.titles):
            return True
        found = classify_title(title)
        return any(PERSONAS[name].fits(found) for name in self.names)

    def describe(self) -> str:
        parts = list(self.names) + [f"title ~ /{p.pattern}/" for p in self.titles]
        return ", ".join(parts)


def _name_problem(value: Any) -> tuple[str | None, str | None]:
    """(canonical persona name, problem)."""
    if not isinstance(value, str) or not value.strip():
        return None, f"a persona is a name, got {value!r}"
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    key = ALIASES.get(key, key)
    if key not in PERSONAS:
        return None, (f"unknown persona {value!r}{suggest(key, [*PERSONAS, *ALIASES])}; known: {', '.join(PERSONAS)}"
                      f" (or {{titles: [regex, ...]}})")
    return key, None


def parse_persona(raw: Any) -> tuple[Persona | None, list[tuple[tuple[str | int, ...], str]]]:
    """A rule's `persona:` value compiled, and its problems as (location inside it, message)."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    names: list[str] = []
    patterns: list[AdminPattern] = []

    def add_names(values: Any, where: tuple[str | int, ...]) -> None:
        for i, value in enumerate(values if isinstance(values, list) else [values]):
            name, problem = _name_problem(value)
            if problem:
                problems.append(((*where, i) if isinstance(values, list) else where, problem))
            elif name is not None and name not in names:
                names.append(name)

    if isinstance(raw, Mapping):
        for key in raw:
            if key not in ("names", "titles"):
                problems.append(((str(key),), f"unknown persona key {key!r}: a persona mapping has `names` and/or `titles`"))
        add_names(raw.get("names") or [], ("names",))
        titles = raw.get("titles") or []
        if not isinstance(titles, list):
            titles = [titles]
        for i, text in enumerate(titles):
            if not isinstance(text, str):
                problems.append((("titles", i), f"a title pattern is a regex string, got {text!r}"))
                continue
            try:
                patterns.append(compile_admin_regex(text))
            except RegexRefused as exc:
                problems.append((("titles", i), f"title pattern: {exc}"))
        if not names and not patterns and not problems:
            problems.append(((), "an empty persona: give `names: [...]` and/or `titles: [regex, ...]`"))
    elif isinstance(raw, (str, list)):
        if isinstance(raw, list) and not raw:
            problems.append(((), "an empty persona list: name at least one, e.g. `persona: finance`"))
        add_names(raw, ())
    else:
        problems.append(((), f"persona is a name, a list of names or {{titles: [regex, ...]}}, got {raw!r}"))
    if problems:
        return None, problems
    return Persona(tuple(names), tuple(patterns)), []


@lru_cache(maxsize=64)
def default_persona(names: tuple[str, ...]) -> Persona:
    return Persona(names)


def persona_for_event(event: Mapping[str, Any]) -> Persona:
    """The default persona for an alert's event (a rule without `persona:`)."""
    kind = str(event.get("type") or "")
    attributes = event.get("attributes") or {}
    names = list(DEFAULT_PERSONAS.get(kind, ("executive",)))
    if kind in ("hiring", "leadership"):
        function = attributes.get("function") or (classify_title(str(attributes["title"])).function if attributes.get("title") else None)
        own = _FUNCTION_PERSONA.get(str(function)) if function else None
        if own:  # hiring: the leaders of the role's own function only (a sales opening asks for sales leaders)
            names = [own] if kind == "hiring" else [*names, own]
    elif kind == "tech_stack":
        names = list(_CATEGORY_PERSONA.get(str(attributes.get("category") or ""), names))
    return default_persona(tuple(dict.fromkeys(names)))
