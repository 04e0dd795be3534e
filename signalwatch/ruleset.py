"""Load the rules folder: the ICP file and the alert rule files, validated strictly.

    rules/icp.yaml        tiers (must / nice criteria) and anti-ICP exclusions
    rules/*.yaml          alert rules: match block, priority, angle, routes

Every problem in every file is collected and reported at once as `file:line: message`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from signalwatch.accounts import Account
from signalwatch.conditions import Match, compile_match
from signalwatch.events import SignalEvent
from signalwatch.sinks import SINKS
from signalwatch.timeutil import parse_duration
from signalwatch.yamlload import AdminInputError, Issue, LoadedYaml, load_yaml, suggest, validation_issues

__all__ = ["RuleSet", "Rule", "Route", "Icp", "Fit", "load_ruleset", "ICP_FILE", "event_record", "account_record"]

ICP_FILE = "icp.yaml"
EVENT_FIELDS = set(SignalEvent.model_fields) - {"attributes"}
ACCOUNT_FIELDS = {"id", "name", "domain", "aliases", "industry", "employees", "revenue", "country",
                  "owner_email", "owner_slack_id", "tags", "crm_id", "boards", "tier", "fit_score"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
    """Where a rule's alert goes. `to: owner` DMs the account owner, falling back to `channel`."""

    sink: str
    channel: str | None = None
    to: Literal["channel", "owner"] = "channel"

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
    match: dict[str, Any]
    priority: Literal["P1", "P2", "P3"] = "P2"
    max_age: timedelta = timedelta(days=14)
    angle: str | None = None
    route: list[Route] = Field(default_factory=lambda: [Route(sink="console")], min_length=1)

    @field_validator("max_age", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> Any:
        return parse_duration(value) if isinstance(value, (str, int, float)) else value


class RuleFile(_Strict):
    rules: list[Any] = []


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
    criteria: tuple[str, ...]
    fit_score: float


@dataclass(frozen=True)
class Icp:
    tiers: tuple[Tier, ...]
    exclusions: tuple[tuple[str, Match], ...]

    def fit(self, account: Account) -> Fit:
        record = {"account": account.as_fields()}
        for name, match in self.exclusions:
            if match.matches(record):
                return Fit(None, None, name, tuple(match.describe()), 0.0)
        for tier in self.tiers:
            if not tier.must.matches(record):
                continue
            nice_hits = [t for t in tier.nice.tests if t.check(record)]
            if len(nice_hits) < tier.min_nice:
                continue
            score = len(nice_hits) / len(tier.nice.tests) if tier.nice.tests else 1.0
            criteria = tuple(tier.must.describe() + [t.describe() for t in nice_hits])
            return Fit(tier.name, tier.label, None, criteria, round(score, 2))
        return Fit(None, None, None, (), 0.0)


NO_ICP = Icp(tiers=(), exclusions=())


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    match: Match
    priority: str
    max_age: timedelta
    angle: str | None
    routes: tuple[Route, ...]
    file: str


@dataclass(frozen=True)
class RuleSet:
    """The validated rules folder, swapped as a whole on reload."""

    icp: Icp
    rules: tuple[Rule, ...]
    warnings: tuple[Issue, ...] = ()


def account_record(account: Account | None, fit: Fit | None) -> dict[str, Any] | None:
    if account is None:
        return None
    fields = account.as_fields()
    fields["tier"] = fit.tier if fit else None
    fields["fit_score"] = fit.fit_score if fit else 0.0
    return fields


def event_record(event: SignalEvent) -> dict[str, Any]:
    return event.model_dump(mode="json")


def _check_rule_path(path: str) -> str | None:
    root, _, rest = path.partition(".")
    if root == "event":
        field = rest.split(".")[0]
        if field == "attributes" and "." in rest:
            return None
        return None if field in EVENT_FIELDS else f"unknown event field {rest!r}{suggest(rest, EVENT_FIELDS | {'attributes.<name>'})}"
    if root == "account":
        return None if rest in ACCOUNT_FIELDS else f"unknown account field {rest!r}{suggest(rest, ACCOUNT_FIELDS)}"
    return f"unknown field {path!r}: fields start with 'event.' or 'account.'{suggest(path, ['event.' + f for f in EVENT_FIELDS] + ['account.' + f for f in ACCOUNT_FIELDS])}"


def _check_icp_path(path: str) -> str | None:
    field = path.removeprefix("account.")
    fields = ACCOUNT_FIELDS - {"tier", "fit_score"}
    return None if field in fields else f"unknown account field {field!r}{suggest(field, fields)}"


def _compile(raw: Any, loaded: LoadedYaml, loc: tuple[str | int, ...], check: Any, prefix: str, issues: list[Issue]) -> Match:
    match, problems = compile_match(raw, check, prefix)
    for inner, message in problems:
        issues.append(Issue(loaded.path, loaded.line_of((*loc, *inner)), message))
    return match


def _validate_item(model: type[Any], raw: Any, loaded: LoadedYaml, loc: tuple[str | int, ...], issues: list[Issue]) -> Any:
    """Validate one list item, reporting errors at their lines; None when invalid."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        issues += validation_issues(exc, loaded, model, prefix=loc)
        return None


def _raw(raw: Any, key: str) -> Any:
    return raw.get(key) if isinstance(raw, Mapping) else None


def _load_icp(path: Path, issues: list[Issue]) -> Icp:
    loaded, found = load_yaml(path)
    issues += found
    if loaded is None:
        return NO_ICP
    try:
        spec = IcpFile.model_validate(loaded.data or {})
    except ValidationError as exc:
        issues += validation_issues(exc, loaded, IcpFile)
        data = loaded.data if isinstance(loaded.data, Mapping) else {}
        spec = IcpFile.model_construct(tiers=_as_list(data.get("tiers")), exclude=_as_list(data.get("exclude")))
    tiers: list[Tier] = []
    names: set[str] = set()
    for i, raw in enumerate(spec.tiers):
        loc = ("tiers", i)
        tier = _validate_item(TierSpec, raw, loaded, loc, issues)
        must = _compile(_raw(raw, "must"), loaded, (*loc, "must"), _check_icp_path, "account.", issues)
        nice = _compile(_raw(raw, "nice"), loaded, (*loc, "nice"), _check_icp_path, "account.", issues)
        if tier is None:
            continue
        if tier.min_nice > len(nice.tests):
            issues.append(Issue(loaded.path, loaded.line_of((*loc, "min_nice")), "min_nice is larger than the number of nice criteria"))
        if tier.name in names:
            issues.append(Issue(loaded.path, loaded.line_of((*loc, "name")), f"duplicate tier name {tier.name!r}"))
        names.add(tier.name)
        tiers.append(Tier(tier.name, tier.label or tier.name, must, nice, tier.min_nice))
    exclusions = []
    for i, raw in enumerate(spec.exclude):
        loc = ("exclude", i)
        exclusion = _validate_item(ExclusionSpec, raw, loaded, loc, issues)
        match = _compile(_raw(raw, "match"), loaded, (*loc, "match"), _check_icp_path, "account.", issues)
        if exclusion is not None:
            exclusions.append((exclusion.name, match))
    return Icp(tuple(tiers), tuple(exclusions))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _load_rule_file(path: Path, issues: list[Issue], seen: dict[str, str], tier_names: set[str]) -> list[Rule]:
    loaded, found = load_yaml(path)
    issues += found
    if loaded is None:
        return []
    try:
        raw_rules = RuleFile.model_validate(loaded.data or {}).rules
    except ValidationError as exc:
        issues += validation_issues(exc, loaded, RuleFile)
        raw_rules = _as_list(loaded.data.get("rules")) if isinstance(loaded.data, Mapping) else []
    rules = []
    for i, raw in enumerate(raw_rules):
        loc = ("rules", i)
        rule = _validate_item(RuleSpec, raw, loaded, loc, issues)
        match = _compile(_raw(raw, "match"), loaded, (*loc, "match"), _check_rule_path, "", issues)
        if isinstance(_raw(raw, "match"), Mapping):
            _check_tiers(_raw(raw, "match"), tier_names, loaded, (*loc, "match"), issues)
        rule_id = _raw(raw, "id")
        if isinstance(rule_id, str):  # checked even when the rule has other errors
            if rule_id in seen:
                issues.append(Issue(loaded.path, loaded.line_of((*loc, "id")), f"duplicate rule id {rule_id!r} (first in {seen[rule_id]})"))
            seen[rule_id] = loaded.path
        if rule is not None and rule.enabled:
            rules.append(Rule(rule.id, rule.description, match, rule.priority, rule.max_age, rule.angle, tuple(rule.route), loaded.path))
    return rules


def _check_tiers(raw: Mapping[str, Any], tier_names: set[str], loaded: LoadedYaml, loc: tuple[str | int, ...], issues: list[Issue]) -> None:
    """A rule naming a tier the ICP does not define would silently never fire."""
    spec = raw.get("account.tier")
    if spec is None or not tier_names:
        return
    values = spec if isinstance(spec, list) else spec.get("in", [spec.get("eq")]) if isinstance(spec, Mapping) else [spec]
    for value in values:
        if value is not None and str(value) not in tier_names:
            hint = suggest(str(value), tier_names)
            issues.append(Issue(loaded.path, loaded.line_of((*loc, "account.tier")), f"tier {value!r} is not defined in {ICP_FILE}{hint}"))


def load_ruleset(folder: Path | str) -> RuleSet:
    """Load and validate the ICP and every rule file in `folder`; raise AdminInputError on any error."""
    folder = Path(folder)
    if not folder.is_dir():
        raise AdminInputError([Issue(str(folder), 1, "rules folder not found")])
    issues: list[Issue] = []
    warnings: list[Issue] = []
    icp_path = folder / ICP_FILE
    if icp_path.exists():
        icp = _load_icp(icp_path, issues)
    else:
        icp = NO_ICP
        warnings.append(Issue(str(icp_path), 1, "no ICP file: every account is untiered", "warning"))
    tier_names = {tier.name for tier in icp.tiers}
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.name != ICP_FILE)
    for path in files:
        rules += _load_rule_file(path, issues, seen, tier_names)
    if not files:
        warnings.append(Issue(str(folder), 1, "no rule files: nothing will alert", "warning"))
    if issues:
        raise AdminInputError(issues)
    return RuleSet(icp, tuple(rules), tuple(warnings))
