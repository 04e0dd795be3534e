"""Load the rules folder, validated strictly, every problem reported at once as `file:line`.

    rules/icp.yaml      tiers (must / nice criteria) and anti-ICP exclusions — WHO
    rules/policy.yaml   heat scoring, priority bands, alert limits, delivery windows (optional)
    rules/*.yaml        alert rules — WHEN: single-event, composite and suppression rules
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from signalwatch.accounts import ACCOUNT_FIELDS, Account
from signalwatch.accounts.country import country_code, is_country_code
from signalwatch.events import SignalEvent
from signalwatch.eventtypes import KINDS, LIST, TEXT, YES_NO
from signalwatch.rules.conditions import NUMBER, Match, Test, compile_match
from signalwatch.rules.expr import Expr, ExprError, parse_expr
from signalwatch.rules.persona import Persona, parse_persona
from signalwatch.rules.policy import DEFAULT_POLICY, POLICY_FILE, Policy
from signalwatch.sinks import SINKS
from signalwatch.timeutil import coerce_duration
from signalwatch.yamlload import (
    AdminInputError,
    Issue,
    LoadedYaml,
    load_yaml,
    suggest,
    validation_issues,
)

__all__ = [
    "RuleSet", "Rule", "Route", "Selection", "Suppression", "Icp", "Fit", "load_ruleset",
    "ICP_FILE", "event_record", "event_recorder", "account_record", "slack_channel_problem",
]

ICP_FILE = "icp.yaml"
EVENT_FIELDS = set(SignalEvent.model_fields) - {"attributes"}
ACCOUNT_PATHS = {*ACCOUNT_FIELDS, "tier", "fit_score"}  # `account.<name>` in rules: the record plus its ICP fit
MAX_ANGLE = 1500  # leaves room in a 3000-character Block Kit section


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_duration = coerce_duration


# -- file schemas ---------------------------------------------------------------------

class TierSpec(_Strict):
    name: str
    label: str | None = None
    must: dict[str, Any] = {}
    nice: dict[str, Any] = {}
    min_nice: int = Field(default=0, ge=0)


class ExclusionSpec(_Strict):
    name: str
    match: dict[str, Any]


class IcpFile(_Strict):
    """The file's top level; tiers and exclusions are validated one by one so all errors show."""

    tiers: list[Any] = Field(min_length=1)
    exclude: list[Any] = []


class Route(_Strict):
    """Where an alert goes. `to: owner` DMs the account owner, falling back to `channel`;
    `when` limits the route to matching accounts/events; `window` holds delivery until a
    delivery window (from policy.yaml) opens."""

    sink: str
    channel: str | None = None
    to: Literal["channel", "owner"] = "channel"
    when: dict[str, Any] | None = None
    window: str | None = None
    action: list[Literal["task", "note", "properties"]] | None = Field(
        default=None, description="CRM sinks: what to write (default: the sink's default_action)")

    @field_validator("sink")
    @classmethod
    def _known_sink(cls, value: str) -> str:
        if value not in SINKS:
            raise ValueError(f"unknown sink {value!r}{suggest(value, SINKS)}; known: {', '.join(sorted(SINKS))}")
        return value


class RuleSpec(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,79}$")
    description: str
    enabled: bool = True
    kind: Literal["single", "composite", "suppression"] = "single"
    match: dict[str, Any] | None = None
    selections: dict[str, dict[str, Any]] | None = None
    condition: str | None = None
    window: timedelta | None = None
    cooldown: timedelta | None = None
    priority: Literal["P1", "P2", "P3", "auto"] = "P2"
    max_age: timedelta = timedelta(days=14)
    backfill: Literal["alert", "quiet"] = Field(
        default="quiet", description="events stored by a backfill (an account's recent history): alert on them, or not")
    angle: str | None = None
    persona: Any = Field(default=None, description="whom the alert names among the account's CRM contacts (rules/persona.py)")
    route: list[Route] = Field(default_factory=lambda: [Route(sink="console")], min_length=1)
    expires: date | datetime | None = None
    permanent: bool = False
    suppresses: list[str] | None = None
    reason: str | None = None
    after: str | None = Field(default=None, description="suppressions: an event type that starts a hold for its account")
    within: timedelta | None = Field(default=None, description="suppressions with `after`: how long the hold lasts")

    _durations = field_validator("window", "cooldown", "max_age", "within", mode="before")(_duration)


class RuleFile(_Strict):
    rules: list[Any] = []


# -- compiled forms -------------------------------------------------------------------

@dataclass(frozen=True)
class Tier:
    name: str
    label: str
    must: Match
    nice: Match
    min_nice: int


@dataclass(frozen=True)
class Fit:
    """An account's ICP verdict: a tier (or none), an exclusion, and the criteria that matched."""

    tier: str | None
    tier_label: str | None
    excluded_by: str | None
    matched: tuple[Test, ...]
    fit_score: float

    @property
    def criteria(self) -> tuple[str, ...]:
        """The matched criteria in words; built on demand (fits are computed for every account)."""
        return tuple(test.described for test in self.matched)


@dataclass(frozen=True)
class Icp:
    tiers: tuple[Tier, ...]
    exclusions: tuple[tuple[str, Match], ...]

    def fit(self, account: Account) -> Fit:
        record = {"account": account.as_fields()}
        for name, match in self.exclusions:
            if match.matches(record):
                return Fit(None, None, name, match.tests, 0.0)
        for tier in self.tiers:
            if not tier.must.matches(record):
                continue
            nice_hits = [t for t in tier.nice.tests if t.check(record)]
            if len(nice_hits) < tier.min_nice:
                continue
            score = len(nice_hits) / len(tier.nice.tests) if tier.nice.tests else 1.0
            return Fit(tier.name, tier.label, None, (*tier.must.tests, *nice_hits), round(score, 2))
        return Fit(None, None, None, (), 0.0)


NO_ICP = Icp(tiers=(), exclusions=())


@dataclass(frozen=True)
class Selection:
    """A named match block. Event-level selections are counted over a composite window;
    account-level ones (only `account.*` fields) hold or not for the account."""

    name: str
    match: Match
    event_level: bool


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    kind: str
    selections: tuple[Selection, ...]
    condition: Expr
    priority: str
    max_age: timedelta
    window: timedelta | None
    cooldown: timedelta | None
    angle: str | None
    routes: tuple[tuple[Route, Match | None], ...]
    file: str
    event_types: frozenset[str] | None = None  # None: any type can match
    backfill: bool = False  # alert on backfilled history too (`backfill: alert`); quiet by default
    persona: Persona | None = None  # whom to reach; None: the event type's default (rules/persona.py)

    @cached_property
    def event_selections(self) -> tuple[Selection, ...]:
        return tuple(s for s in self.selections if s.event_level)


@dataclass(frozen=True)
class Suppression:
    id: str
    description: str
    match: Match
    expires: datetime | None
    rule_ids: frozenset[str] | None  # None: every rule
    after: str | None = None  # a hold: starts when the account has an event of this type ...
    within: float = 0.0  # ... and lasts this many seconds after that event occurred

    def active(self, now: datetime) -> bool:
        return self.expires is None or now < self.expires

    def holds(self, last_seen: Mapping[str, float] | None, now: float) -> bool:
        """For a hold: whether the account's newest `after` event occurred within the window."""
        if self.after is None:
            return True
        seen = last_seen.get(self.after) if last_seen is not None else None
        return seen is not None and 0 <= now - seen <= self.within


@dataclass(frozen=True)
class RuleSet:
    """The validated rules folder, swapped as a whole on reload."""

    icp: Icp
    rules: tuple[Rule, ...]
    warnings: tuple[Issue, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    policy: Policy = DEFAULT_POLICY
    files: tuple[str, ...] = field(default=())

    @property
    def alerts_on_history(self) -> bool:
        """Whether some rule says `backfill: alert`: only then is history (backfill, events tied later) worth an engine."""
        return any(rule.backfill for rule in self.rules)


def account_record(account: Account | None, fit: Fit | None) -> dict[str, Any] | None:
    if account is None:
        return None
    fields = account.as_fields()
    fields["tier"] = fit.tier if fit else None
    fields["fit_score"] = fit.fit_score if fit else 0.0
    return fields


_EVENT_VALUES: dict[str, Callable[[SignalEvent], Any]] = {
    "type": lambda e: str(e.type), "occurred_at": lambda e: e.occurred_at.isoformat(),
    "detected_at": lambda e: e.detected_at.isoformat(),
}


def event_recorder(fields: Iterable[str]) -> Callable[[SignalEvent], dict[str, Any]]:
    """`event_record` limited to `fields` (the ones some rule reads): the engine builds one
    record per event, and most fields — two of them formatted dates — are never looked at."""
    wanted = sorted(set(fields) & (EVENT_FIELDS | {"attributes"}))
    formatted = [(name, _EVENT_VALUES[name]) for name in wanted if name in _EVENT_VALUES]
    plain = tuple(name for name in wanted if name not in _EVENT_VALUES)
    if len(plain) < 2:
        getters = [(name, _EVENT_VALUES.get(name) or attrgetter(name)) for name in wanted]
        return lambda event: {name: get(event) for name, get in getters}
    read = attrgetter(*plain)  # all plain fields in one call, as a tuple

    def record(event: SignalEvent) -> dict[str, Any]:
        values = dict(zip(plain, read(event)))
        for name, get in formatted:
            values[name] = get(event)
        return values
    return record


_WHOLE_EVENT = event_recorder(EVENT_FIELDS | {"attributes"})


def event_record(event: SignalEvent) -> dict[str, Any]:
    """The whole event as conditions see it."""
    return _WHOLE_EVENT(event)


# -- loading --------------------------------------------------------------------------

def _check_rule_path(path: str) -> str | None:
    root, _, rest = path.partition(".")
    if root == "event":
        field_name = rest.split(".")[0]
        if field_name == "attributes" and "." in rest:
            return None
        if field_name in EVENT_FIELDS:
            return None
        return f"unknown event field {rest!r}{suggest(rest, EVENT_FIELDS | {'attributes.<name>'})}"
    if root == "account":
        return None if rest in ACCOUNT_PATHS else f"unknown account field {rest!r}{suggest(rest, ACCOUNT_PATHS)}"
    known = ["event." + f for f in EVENT_FIELDS] + ["account." + f for f in ACCOUNT_PATHS]
    return f"unknown field {path!r}: fields start with 'event.' or 'account.'{suggest(path, known)}"


# -- field types: a test that cannot hold on a field's type is an error, not a silent no-op ----

DATE, MAPPING = "a date (ISO text)", "a mapping"  # number, text, list, yes/no: as eventtypes names them



def _type_name(annotation: Any) -> str | None:
    """How a field's Python type reads to an admin ("a number", "text", …); None if unknown.
    `X | None` is X: a missing value never matches anyway."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        named = {_type_name(arg) for arg in typing.get_args(annotation) if arg is not type(None)}
        return named.pop() if len(named) == 1 else None
    base = typing.get_origin(annotation) or annotation
    if base is bool:
        return YES_NO
    if base in (int, float):
        return NUMBER
    if base is str:
        return TEXT
    if base in (datetime, date):
        return DATE  # records hold dates as ISO text
    if base in (list, tuple, set, frozenset):
        return LIST
    return MAPPING if base is dict else None


EVENT_TYPES = {name: _type_name(info.annotation) for name, info in SignalEvent.model_fields.items()}
ACCOUNT_TYPES = {**{name: _type_name(hint) for name, hint in typing.get_type_hints(Account).items()},
                 "tier": TEXT, "fit_score": NUMBER}


def _attribute_type(name: str) -> str | None:
    """The type of `event.attributes.<name>` across the event types declaring it; None when a
    plugin type declares it, no type does, or the declarations disagree."""
    found: set[str] = set()
    for kind in KINDS.values():
        if name in kind.attributes:
            found.add(kind.attributes[name])
    return found.pop() if len(found) == 1 else None


def _rule_field_type(path: str) -> str | None:
    """The type of a rule field (`event.title`, `event.attributes.amount`, `account.tags`); ICP
    criteria are compiled with the `account.` prefix, so this serves them too."""
    root, _, rest = path.partition(".")
    if root == "account":
        return ACCOUNT_TYPES.get(rest)
    if root != "event":
        return None
    if rest.startswith("attributes."):
        name = rest.removeprefix("attributes.")
        return None if "." in name else _attribute_type(name)
    return EVENT_TYPES.get(rest)


# -- values: a compared value no source produces would make a rule silently never fire -------

def _selected(scope: tuple[Mapping[str, Any], ...], key: str) -> list[str] | None:
    """The values the innermost block of `scope` naming `key` selects with eq/in (lower-cased);
    None when no block does, or one tests it otherwise (ne, regex, …)."""
    for block in reversed(scope):
        if key not in block:
            continue
        spec = block[key]
        if isinstance(spec, Mapping):
            values = spec.get("in") if set(spec) == {"in"} else [spec["eq"]] if set(spec) == {"eq"} else None
        else:
            values = spec if isinstance(spec, list) else [spec]
        return [str(v).lower() for v in values] if isinstance(values, list) else None
    return None


def _attribute_values(kind: str, name: str) -> tuple[Collection[str], bool] | None:
    """What a bundled event type's attribute can hold: (values, strict). None: not a closed
    vocabulary. Not strict: technologies, since fingerprint files may add ids to the catalog."""
    if kind in ("hiring", "leadership") and name in ("function", "seniority"):
        from signalwatch.titles import FUNCTIONS, SENIORITIES

        return (FUNCTIONS if name == "function" else SENIORITIES), True
    if (kind, name) in (("tech_stack", "technology"), ("hiring", "technologies")):
        from signalwatch.techstack.catalog import default_catalog

        return [tech.id for tech in default_catalog()], False
    if (kind, name) == ("tech_stack", "category"):
        from signalwatch.techstack.catalog import CATEGORIES

        return CATEGORIES, True
    return None


def _check_icp_path(path: str) -> str | None:
    name = path.removeprefix("account.")
    fields = set(ACCOUNT_FIELDS)
    return None if name in fields else f"unknown account field {name!r}{suggest(name, fields)}"


class _Warning(str):
    """A value problem that may be intended: reported as a warning, not an error."""


@dataclass
class _Loader:
    """Collects issues across all files of one rules folder."""

    issues: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    tier_names: set[str] = field(default_factory=set)

    def at(self, loaded: LoadedYaml, loc: tuple[str | int, ...], message: str, warning: bool = False) -> None:
        issue = Issue(loaded.path, loaded.line_of(loc), message, "warning" if warning else "error")
        (self.warnings if warning else self.issues).append(issue)

    def compile(self, raw: Any, loaded: LoadedYaml, loc: tuple[str | int, ...], check: Any, prefix: str,
                allow_empty: bool = False) -> Match:
        """Compile a match block, its problems reported at their lines. An empty block matches
        everything, so it is an error unless `allow_empty` (an ICP tier without criteria)."""
        match, problems = compile_match(raw, check, prefix, field_type=_rule_field_type, allow_empty=allow_empty,
                                        check_value=self.value_problem)
        for inner, message in problems:
            self.at(loaded, (*loc, *inner), message, warning=isinstance(message, _Warning))
        return match

    def value_problem(self, path: str, value: Any, scope: tuple[Mapping[str, Any], ...]) -> str | None:
        """Why `value` can never be the value of rule field `path` (an error), or None. A value
        that only might be wrong (a technology the bundled catalog lacks) is a warning."""
        text = str(value)
        folded = text.lower()
        if path == "event.type":
            if folded in KINDS:
                return None
            return f"unknown event type {text!r}{suggest(folded, KINDS)}; known: {', '.join(KINDS)}"
        if path == "event.change":
            types = [t for t in _selected(scope, "event.type") or [] if t in KINDS] or list(KINDS)
            allowed = {change for t in types for change in KINDS[t].changes}
            if folded in allowed:
                return None
            for_types = " or ".join(types) if len(types) < len(KINDS) else "any event type"
            elsewhere = [t for t in KINDS if folded in KINDS[t].changes]
            hint = f" ({text!r} is a change of {', '.join(elsewhere)})" if elsewhere else suggest(folded, allowed)
            return f"{text!r} is not a change of {for_types}{hint}; known: {', '.join(sorted(allowed))}"
        if path == "account.country":
            code = country_code(text)
            if code != text.upper():  # a country's name: accounts hold its code, so the name never matches
                return f"account.country holds ISO 3166-1 codes, as imports and CRM syncs store it: {text!r} is {code!r}"
            if not is_country_code(text):
                return _Warning(f"{text!r} is not an ISO 3166-1 country code: only an account imported with exactly this text can match it")
            return None
        if path == "account.tier":
            if not self.tier_names or text in self.tier_names:
                return None
            return f"tier {value!r} is not defined in {ICP_FILE}{suggest(text, self.tier_names)}"
        if path.startswith("event.attributes.") and path.count(".") == 2:
            return self._attribute_problem(path.rsplit(".", 1)[1], text, scope)
        return None

    def _attribute_problem(self, name: str, text: str, scope: tuple[Mapping[str, Any], ...]) -> str | None:
        selected = [t for t in _selected(scope, "event.type") or [] if t in KINDS]
        kinds = [t for t in selected or KINDS if name in KINDS[t].attributes]
        vocabularies = [_attribute_values(kind, name) for kind in kinds]
        if not kinds or any(v is None for v in vocabularies):
            return None  # no type declares it, or one (a plugin's) leaves it open
        allowed = {str(item) for values, _ in filter(None, vocabularies) for item in values}
        if text in allowed or text.lower() in allowed:
            return None
        message = (f"{text!r} is not a {name} that {' or '.join(kinds)} events have"
                   f"{suggest(text.lower(), allowed)}")
        if all(strict for _, strict in filter(None, vocabularies)):
            return message + (f"; known: {', '.join(sorted(allowed))}" if len(allowed) <= 30 else "")
        if not suggest(text.lower(), allowed):
            return _Warning(message + ": only a technology your fingerprint_files add can match it")
        return message

    def validate(self, model: type[Any], raw: Any, loaded: LoadedYaml, loc: tuple[str | int, ...]) -> Any:
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            self.issues.extend(validation_issues(exc, loaded, model, prefix=loc))
            return None

    def read(self, path: Path, model: type[BaseModel]) -> tuple[LoadedYaml | None, Any]:
        loaded, found = load_yaml(path)
        self.issues.extend(found)
        if loaded is None:
            return None, None
        data = loaded.data if loaded.data is not None else {}
        if not isinstance(data, Mapping):
            self.at(loaded, (), "the file must be a mapping")
            return loaded, None
        try:
            return loaded, model.model_validate(data)
        except ValidationError as exc:
            self.issues.extend(validation_issues(exc, loaded, model))
            return loaded, model.model_construct(**{k: _as_list(data.get(k)) for k in model.model_fields})  # type: ignore[arg-type]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _raw(raw: Any, key: str) -> Any:
    return raw.get(key) if isinstance(raw, Mapping) else None


def _load_icp(path: Path, loader: _Loader) -> Icp:
    loaded, spec = loader.read(path, IcpFile)
    if loaded is None or spec is None:
        return NO_ICP
    tiers: list[Tier] = []
    names: set[str] = set()
    for i, raw in enumerate(spec.tiers):
        loc = ("tiers", i)
        tier = loader.validate(TierSpec, raw, loaded, loc)
        must = loader.compile(_raw(raw, "must"), loaded, (*loc, "must"), _check_icp_path, "account.", allow_empty=True)
        nice = loader.compile(_raw(raw, "nice"), loaded, (*loc, "nice"), _check_icp_path, "account.", allow_empty=True)
        if tier is None:
            continue
        if tier.min_nice > len(nice.tests):
            loader.at(loaded, (*loc, "min_nice"), "min_nice is larger than the number of nice criteria")
        if tier.name in names:
            loader.at(loaded, (*loc, "name"), f"duplicate tier name {tier.name!r}")
        names.add(tier.name)
        tiers.append(Tier(tier.name, tier.label or tier.name, must, nice, tier.min_nice))
    exclusions = []
    for i, raw in enumerate(spec.exclude):
        exclusion = loader.validate(ExclusionSpec, raw, loaded, ("exclude", i))
        match = loader.compile(_raw(raw, "match"), loaded, ("exclude", i, "match"), _check_icp_path, "account.")
        if exclusion is not None:
            exclusions.append((exclusion.name, match))
    return Icp(tuple(tiers), tuple(exclusions))


def _load_policy(path: Path, loader: _Loader) -> Policy:
    loaded, found = load_yaml(path)
    loader.issues.extend(found)
    if loaded is None:
        return DEFAULT_POLICY
    policy = loader.validate(Policy, loaded.data or {}, loaded, ())
    return policy or DEFAULT_POLICY


@dataclass
class _Context:
    tier_names: set[str]
    windows: set[str]
    seen: dict[str, str] = field(default_factory=dict)
    placed: list[tuple[Rule, LoadedYaml, tuple[str | int, ...]]] = field(default_factory=list)
    sinks: Collection[str] | None = None  # the sinks the config enables, when known
    disabled_warned: set[tuple[str, str]] = field(default_factory=set)  # (file, sink) already warned about


def _constraints(match: Match | None) -> dict[str, frozenset[Any]]:
    """The values a block's top-level eq/in tests allow, per field (case-folded)."""
    found: dict[str, frozenset[Any]] = {}
    for test in match.tests if match is not None else ():
        if test.op in ("eq", "in"):
            values = frozenset(v.casefold() if isinstance(v, str) else v
                               for v in (test.value if test.op == "in" else [test.value]))
            found[test.path] = found[test.path] & values if test.path in found else values
    return found


def _disjoint(a: Mapping[str, frozenset[Any]], b: Mapping[str, frozenset[Any]]) -> bool:
    return any(not (a[path] & b[path]) for path in a.keys() & b.keys())


def _overlaps(placed: list[tuple[Rule, LoadedYaml, tuple[str | int, ...]]], loader: _Loader) -> None:
    """Warn about two single rules that can post the same event to the same channel: both select
    an event type (and change) in common, no field both test with eq/in takes disjoint values,
    and they have a route to the same sink and channel (or both DM the owner). A simple,
    conservative check: other tests (regexes, numbers, any_of) are assumed to overlap."""
    routed = []
    for rule, loaded, loc in placed:
        if rule.kind != "single" or rule.event_types is None or len(rule.selections) != 1:
            continue
        base = _constraints(rule.selections[0].match)
        targets = {}
        for route, when in rule.routes:
            if route.channel is None and route.to != "owner":
                continue
            where = (route.sink, "the account owner" if route.to == "owner" else route.channel)
            if where not in targets:
                extra = _constraints(when)
                targets[where] = {**base, **{p: base[p] & v if p in base else v for p, v in extra.items()}}
        if targets:
            routed.append((rule, loaded, loc, targets))
    for n, (rule, loaded, loc, targets) in enumerate(routed):
        for other, _, _, others in routed[:n]:
            shared = [where for where in targets if where in others and not _disjoint(targets[where], others[where])]
            if not shared:
                continue
            sink, channel = shared[0]
            kinds = "/".join(sorted(rule.event_types & (other.event_types or frozenset()))) if rule.event_types else "any"
            loader.at(loaded, (*loc, "id"), f"rules {other.id!r} and {rule.id!r} can both alert on the same {kinds} event"
                      f" in {sink} {channel}: it is posted once, naming both (narrow one, or route it elsewhere)",
                      warning=True)


def _selections(spec: RuleSpec, raw: Any, loaded: LoadedYaml, loc: tuple[str | int, ...], loader: _Loader) -> tuple[list[Selection], Expr | None]:
    """Compile `match` (one selection named `match`) or `selections` + `condition`."""
    if spec.match is not None and spec.selections is not None:
        loader.at(loaded, (*loc, "selections"), "use either match or selections + condition, not both")
        return [], None
    blocks: dict[str, Any] = {"match": spec.match} if spec.match is not None else dict(spec.selections or {})
    if not blocks:
        loader.at(loaded, loc, "a rule needs match, or selections and a condition")
        return [], None
    selections = []
    for name, block in blocks.items():
        where = (*loc, "match") if spec.match is not None else (*loc, "selections", name)
        match = loader.compile(block, loaded, where, _check_rule_path, "")
        event_level = any(p.startswith("event.") for p in match.paths())
        selections.append(Selection(name, match, event_level))
    text = spec.condition if spec.condition is not None else (" and ".join(blocks) if spec.match is not None or len(blocks) == 1 else None)
    if text is None:
        loader.at(loaded, loc, "a rule with several selections needs a condition, e.g. `condition: a and not b`")
        return selections, None
    try:
        expr = parse_expr(text)
    except ExprError as exc:
        loader.at(loaded, (*loc, "condition"), f"condition: {exc}")
        return selections, None
    for name in sorted(expr.names - set(blocks)):
        loader.at(loaded, (*loc, "condition"), f"condition names unknown selection {name!r}{suggest(name, blocks)}")
    for name in sorted(set(blocks) - expr.names):
        loader.at(loaded, (*loc, "selections", name), f"selection {name!r} is not used in the condition", warning=True)
    return selections, expr


def _event_types(selections: list[Selection]) -> frozenset[str] | None:
    """The event types any event-level selection can match (for indexing), None if unconstrained."""
    types: set[str] = set()
    for selection in selections:
        if not selection.event_level:
            continue
        constraint = next((t for t in selection.match.tests if t.path == "event.type" and t.op in ("eq", "in")), None)
        if constraint is None or selection.match.any_of:
            return None
        values = constraint.value if isinstance(constraint.value, list) else [constraint.value]
        types.update(str(v).lower() for v in values)
    return frozenset(types) if types else None


_SLACK_ID = re.compile(r"^[CGDUW][A-Z0-9]{6,}$")  # a channel, DM or user id


def slack_channel_problem(channel: str) -> str | None:
    """Slack channel names are lower-case, at most 80 characters, without spaces or periods;
    anything else can never be found by name (ids such as C0123ABCD are fine)."""
    name = channel.removeprefix("#")
    if _SLACK_ID.match(channel) or (name and len(name) <= 80 and name == name.lower() and not re.search(r"[\s.,#]", name)):
        return None
    fixed = re.sub(r"[\s.,#]+", "-", name.lower()).strip("-")[:80]
    return (f"Slack channel {channel!r} cannot exist: channel names are lower-case, at most 80 characters, without"
            f" spaces or periods" + (f" (did you mean '#{fixed}'?)" if fixed else ""))


def _build_rule(spec: RuleSpec, raw: Any, loaded: LoadedYaml, loc: tuple[str | int, ...], loader: _Loader, ctx: _Context) -> Rule | Suppression | None:
    selections, expr = _selections(spec, raw, loaded, loc, loader)
    if spec.kind == "suppression":
        return _build_suppression(spec, selections, expr, loaded, loc, loader)
    if spec.kind == "composite" and spec.window is None:
        loader.at(loaded, (*loc, "kind"), "a composite rule needs a window, e.g. `window: 30d`")
    if spec.kind == "single" and expr is not None and expr.max_count > 1:
        loader.at(loaded, (*loc, "condition"), "counts like `>= 3` need `kind: composite` and a window")
    if spec.kind == "single" and spec.window is not None:
        loader.at(loaded, (*loc, "window"), "window only applies to composite rules")
    if spec.kind == "composite" and selections and not any(s.event_level for s in selections):
        loader.at(loaded, (*loc, "selections"), "a composite rule needs at least one selection on event fields")
    if spec.angle and len(spec.angle) > MAX_ANGLE:
        loader.at(loaded, (*loc, "angle"), f"angle is {len(spec.angle)} characters; Slack shows at most {MAX_ANGLE} here", warning=True)
    persona, problems = parse_persona(spec.persona) if spec.persona is not None else (None, [])
    for inner, message in problems:
        loader.at(loaded, (*loc, "persona", *inner), message)
    routes = []
    for i, route in enumerate(spec.route):
        when = None
        if route.when is not None:
            when = loader.compile(route.when, loaded, (*loc, "route", i, "when"), _check_rule_path, "")
        if route.window is not None and route.window not in ctx.windows:
            loader.at(loaded, (*loc, "route", i, "window"), f"delivery window {route.window!r} is not defined in {POLICY_FILE}"
                      f"{suggest(route.window, ctx.windows)}")
        if ctx.sinks is not None and route.sink not in ctx.sinks and (str(loaded.path), route.sink) not in ctx.disabled_warned:
            ctx.disabled_warned.add((str(loaded.path), route.sink))  # once per file and sink: the starter config has Slack off
            loader.at(loaded, (*loc, "route", i, "sink"), f"sink {route.sink!r} is not enabled in the config: alerts routed"
                      f" to it here and further down this file are not queued while it is off (enabled: "
                      f"{', '.join(sorted(ctx.sinks)) or 'none'})", warning=True)
        if route.sink == "slack" and route.channel is not None and (problem := slack_channel_problem(route.channel)):
            loader.at(loaded, (*loc, "route", i, "channel"), problem)
        routes.append((route, when))
    if expr is None:
        return None
    cooldown = spec.cooldown if spec.cooldown is not None else (spec.window if spec.kind == "composite" else None)
    return Rule(spec.id, spec.description, spec.kind, tuple(selections), expr, spec.priority, spec.max_age,
                spec.window, cooldown, spec.angle, tuple(routes), loaded.path, _event_types(selections),
                spec.backfill == "alert", persona)


def _build_suppression(spec: RuleSpec, selections: list[Selection], expr: Expr | None, loaded: LoadedYaml,
                       loc: tuple[str | int, ...], loader: _Loader) -> Suppression | None:
    if spec.persona is not None:  # a suppression sends nothing, so it names no one
        loader.at(loaded, (*loc, "persona"), "a suppression sends no alert, so `persona` has no effect: remove it")
    if spec.after is not None or spec.within is not None:
        return _build_hold(spec, selections, expr, loaded, loc, loader)
    if spec.expires is None and not spec.permanent:
        loader.at(loaded, loc, "a suppression needs `expires: YYYY-MM-DD` or an explicit `permanent: true`")
    if spec.expires is not None and spec.permanent:
        loader.at(loaded, (*loc, "permanent"), "a suppression has either expires or permanent: true, not both")
    if len(selections) != 1 or expr is None:
        loader.at(loaded, loc, "a suppression has one `match` block on account fields")
        return None
    if selections[0].event_level:
        loader.at(loaded, (*loc, "match"), "a suppression matches accounts: use account.* fields only")
    expires = spec.expires
    if isinstance(expires, date) and not isinstance(expires, datetime):
        expires = datetime(expires.year, expires.month, expires.day, tzinfo=timezone.utc) + timedelta(days=1)
    elif isinstance(expires, datetime) and expires.tzinfo is None:
        expires = expires.replace(tzinfo=timezone.utc)
    return Suppression(spec.id, spec.description, selections[0].match, expires,
                       frozenset(spec.suppresses) if spec.suppresses else None)


def _build_hold(spec: RuleSpec, selections: list[Selection], expr: Expr | None, loaded: LoadedYaml,
                loc: tuple[str | int, ...], loader: _Loader) -> Suppression | None:
    """A suppression started by an event: `after: layoffs`, `within: 60d`, and a `match` on the
    alerts it holds (event and account fields)."""
    if spec.after is None or spec.after not in KINDS:
        given = spec.after or ""
        loader.at(loaded, (*loc, "after"), f"`after` names the event type that starts the hold: {given!r} is not one"
                  f"{suggest(given, KINDS)}; known: {', '.join(KINDS)}")
        return None
    if spec.within is None or spec.within <= timedelta(0):
        loader.at(loaded, (*loc, "within"), "a hold needs `within`, e.g. `within: 60d`")
        return None
    if spec.expires is not None or spec.permanent:
        loader.at(loaded, loc, "a hold ends `within` after its event: it takes neither expires nor permanent")
    if len(selections) != 1 or expr is None:
        loader.at(loaded, loc, "a hold has one `match` block saying which alerts it holds")
        return None
    return Suppression(spec.id, spec.description, selections[0].match, None,
                       frozenset(spec.suppresses) if spec.suppresses else None, spec.after, spec.within.total_seconds())


def _load_rule_file(path: Path, loader: _Loader, ctx: _Context) -> list[Rule | Suppression]:
    loaded, spec = loader.read(path, RuleFile)
    if loaded is None or spec is None:
        return []
    found: list[Rule | Suppression] = []
    for i, raw in enumerate(spec.rules):
        loc = ("rules", i)
        rule_id = _raw(raw, "id")
        if isinstance(rule_id, str):  # checked even when the rule has other errors
            if rule_id in ctx.seen:
                loader.at(loaded, (*loc, "id"), f"duplicate rule id {rule_id!r} (first in {ctx.seen[rule_id]})")
            ctx.seen[rule_id] = loaded.path
        rule_spec = loader.validate(RuleSpec, raw, loaded, loc)
        if rule_spec is None:
            # still compile its match blocks so their errors show in the same pass
            for key in ("match",):
                if isinstance(_raw(raw, key), Mapping):
                    loader.compile(_raw(raw, key), loaded, (*loc, key), _check_rule_path, "")
            continue
        built = _build_rule(rule_spec, raw, loaded, loc, loader, ctx)
        if built is not None and rule_spec.enabled:
            found.append(built)
            if isinstance(built, Rule):
                ctx.placed.append((built, loaded, loc))
    return found


def load_ruleset(folder: Path | str, now: datetime | None = None, enabled_sinks: Collection[str] | None = None) -> RuleSet:
    """Load and validate the whole rules folder; raise AdminInputError on any error.
    `enabled_sinks` (the config's, when known) adds a warning for each route to another sink."""
    folder = Path(folder)
    if not folder.is_dir():
        raise AdminInputError([Issue(str(folder), 1, "rules folder not found")])
    loader = _Loader()
    icp_path = folder / ICP_FILE
    if icp_path.exists():
        icp = _load_icp(icp_path, loader)
    else:
        icp = NO_ICP
        loader.warnings.append(Issue(str(icp_path), 1, "no ICP file: every account is untiered", "warning"))
    policy_path = folder / POLICY_FILE
    policy = _load_policy(policy_path, loader) if policy_path.exists() else DEFAULT_POLICY
    ctx = _Context({t.name for t in icp.tiers}, set(policy.delivery_windows), sinks=enabled_sinks)
    loader.tier_names = ctx.tier_names
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.name not in (ICP_FILE, POLICY_FILE))
    built: list[Rule | Suppression] = []
    for path in files:
        built += _load_rule_file(path, loader, ctx)
    rules = tuple(r for r in built if isinstance(r, Rule))
    _overlaps(ctx.placed, loader)
    suppressions = tuple(s for s in built if isinstance(s, Suppression))
    known = {r.id for r in rules}
    for suppression in suppressions:
        for rule_id in sorted((suppression.rule_ids or frozenset()) - known):
            loader.warnings.append(Issue(str(folder), 1, f"suppression {suppression.id!r} names unknown rule {rule_id!r}{suggest(rule_id, known)}", "warning"))
        if now is not None and suppression.expires is not None and suppression.expires <= now:
            loader.warnings.append(Issue(str(folder), 1, f"suppression {suppression.id!r} expired on {suppression.expires:%Y-%m-%d}", "warning"))
    if not files:
        loader.warnings.append(Issue(str(folder), 1, "no rule files: nothing will alert", "warning"))
    if loader.issues:
        raise AdminInputError(loader.issues + loader.warnings)
    return RuleSet(icp, rules, tuple(sorted(loader.warnings)), suppressions, policy, tuple(str(p) for p in files))
