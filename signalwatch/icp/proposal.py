"""A proposed icp.yaml: one tier rebuilt from the evidence, everything else kept as written.

Only firmographic fields can be ICP criteria (technologies and signals are not account fields;
they belong in alert rules). For each field with evidence (attributes whose conservative lift is
above 1.0) the proposal writes one criterion: the industries or countries that won, or the size
or revenue range spanning the bands that won. A criterion that holds for at least
`must_coverage` of the won deals (where the field is known) is a must-have: gating on it loses
few wins; otherwise it is a nice-to-have, raising the fit score. The chosen tier (the first one
by default) gets those criteria: a must-have replaces the field's must (and nice) criterion, a
nice-to-have replaces the field's nice criterion and leaves a must-have gate on it alone. Its
other criteria, the other tiers, the exclusions and the comments outside that tier stay as they
are, so tier names that rules test keep working and the diff shows only what changed.
"""

from __future__ import annotations

import difflib
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from signalwatch.icp.features import EMPLOYEE_BANDS, FIRMOGRAPHIC_FIELDS, REVENUE_BANDS, Attribute, DealFacts
from signalwatch.icp.suggest import Analysis, Lift, lift_of

__all__ = ["Criterion", "criteria_from", "propose", "unified_diff", "check_proposal", "ProposalError", "flow"]


class ProposalError(ValueError):
    """The current ICP file cannot be edited (not a mapping, no such tier, …)."""


@dataclass(frozen=True)
class Criterion:
    field: str
    value: Any  # a list of values, or a range ({gte: …, lte: …})
    must: bool
    lift: Lift  # the criterion as a whole, over the deals where the field is known
    coverage: float  # the share of won deals (field known) it holds for

    def comment(self) -> str:
        lift = self.lift
        return (f"icp suggest: won {lift.won_with}/{lift.deals_with} deals with it ({lift.rate_with:.0%}), "
                f"{lift.won_without}/{lift.deals_without} without ({lift.rate_without:.0%})")


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _range(bands: Sequence[tuple[float, float | None]], indexes: list[int], closed_top: bool) -> dict[str, Any]:
    low, high = bands[min(indexes)][0], bands[max(indexes)][1]
    value: dict[str, Any] = {} if min(indexes) == 0 else {"gte": _number(low)}
    if high is not None:
        value["lte" if closed_top else "lt"] = _number(high)
    return value


def _test(field: str, value: Any) -> Callable[[DealFacts], bool]:
    """Whether a deal's firmographics meet the criterion `field: value`."""
    def holds(fact: DealFacts) -> bool:
        actual = getattr(fact.firmographics, field)
        if actual is None:
            return False
        if isinstance(value, list):
            return actual in value
        return all({"gte": actual >= bound, "lte": actual <= bound, "lt": actual < bound}[op] for op, bound in value.items())
    return holds


def criteria_from(analysis: Analysis, must_coverage: float = 0.8) -> list[Criterion]:
    """One criterion per firmographic field with evidence, in the ICP's field order."""
    found = []
    for field in FIRMOGRAPHIC_FIELDS:
        evidence = [lift.attribute.value for lift in analysis.lifts if lift.attribute.kind == field and lift.at_least > 1.0]
        if not evidence:
            continue
        if field == "employees":
            value: Any = _range(EMPLOYEE_BANDS, [int(v) for v in evidence], closed_top=True)
        elif field == "revenue":
            value = _range(REVENUE_BANDS, [int(v) for v in evidence], closed_top=False)
        else:
            value = sorted(evidence)
        lift = lift_of(Attribute(field, "proposed", field), analysis.facts, _test(field, value))
        won_known = lift.won_with + lift.won_without
        coverage = lift.won_with / won_known if won_known else 0.0
        found.append(Criterion(field, value, coverage >= must_coverage, lift, coverage))
    return found


def flow(value: Any) -> str:
    """`value` as one line of YAML: [a, b], {gte: 200}, a plain or quoted scalar."""
    text = yaml.safe_dump(value, default_flow_style=True, width=10**6, sort_keys=False, allow_unicode=True).strip()
    return text.removesuffix("...").strip()


def _tier_lines(tier: Mapping[str, Any], indent: str, comments: Mapping[tuple[str, str], str]) -> list[str]:
    """The tier mapping as block YAML, criteria one per line (flow style), with `comments` per (section, field)."""
    lines = []
    for key, value in tier.items():
        if key in ("must", "nice") and isinstance(value, Mapping) and value:
            lines.append(f"{indent}{key}:")
            for field, criterion in value.items():
                note = comments.get((key, field))
                lines.append(f"{indent}  {field}: {flow(criterion)}" + (f"  # {note}" if note else ""))
        else:
            lines.append(f"{indent}{key}: {flow(value)}")
    return lines


def _tier_edit(tier: Mapping[str, Any], criteria: Sequence[Criterion]) -> tuple[dict[str, Any], dict[tuple[str, str], str]]:
    edited = dict(tier)
    sections = {name: dict(tier.get(name) or {}) for name in ("must", "nice")}
    comments = {}
    for criterion in criteria:
        into = "must" if criterion.must else "nice"
        if criterion.must:  # a must-have supersedes a nice-to-have on the field; a nice-to-have leaves the gate alone
            sections["nice"].pop(criterion.field, None)
        sections[into][criterion.field] = criterion.value
        comments[(into, criterion.field)] = criterion.comment()
    for name in ("must", "nice"):
        if sections[name] or name in tier:
            edited[name] = sections[name]
    if "min_nice" in edited:
        edited["min_nice"] = min(int(edited["min_nice"]), len(sections["nice"]))
    return edited, comments


def _last_line(node: yaml.Node) -> int:
    """The last line (0-based) holding text of `node`: a block collection ends with its last value."""
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        return _last_line(last[1] if isinstance(node, yaml.MappingNode) else last)
    end = node.end_mark
    return end.line if end.column > 0 else end.line - 1


def propose(text: str | None, criteria: Sequence[Criterion], tier_name: str | None, header: str) -> str:
    """The proposed ICP file: `text` (the current one; None when there is none) with the tier named
    `tier_name` (default: the first) given `criteria`, and `header` as a comment on top."""
    if text is None:
        tier, comments = _tier_edit({"name": tier_name or "A", "label": "Best fit"}, criteria)
        body = ["tiers:", *_tier_lines(tier, "    ", comments)]
        body[1] = "  - " + body[1].lstrip()
        return f"# {header}\n" + "\n".join(body) + "\n"
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    data = yaml.safe_load(text)
    tiers_node = next((value for key, value in (root.value if isinstance(root, yaml.MappingNode) else [])
                       if getattr(key, "value", None) == "tiers"), None)
    if not isinstance(tiers_node, yaml.SequenceNode) or not tiers_node.value or not isinstance(data.get("tiers"), list):
        raise ProposalError("the ICP file has no list of tiers to edit")
    names = [str(tier.get("name")) if isinstance(tier, Mapping) else "" for tier in data["tiers"]]
    index = names.index(tier_name) if tier_name in names else (0 if tier_name is None else -1)
    if index < 0:
        raise ProposalError(f"no tier named {tier_name!r} (tiers: {', '.join(names)})")
    node = tiers_node.value[index]
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        raise ProposalError(f"tier {names[index]!r} is not written as a block mapping; edit it by hand")
    tier, comments = _tier_edit(data["tiers"][index], criteria)
    lines = text.splitlines()
    first, last = node.start_mark.line, _last_line(node)
    prefix = lines[first][:node.start_mark.column]
    new = _tier_lines(tier, " " * node.start_mark.column, comments)
    new[0] = prefix + new[0].lstrip()
    return f"# {header}\n" + "\n".join(lines[:first] + new + lines[last + 1:]) + "\n"


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), old_name, new_name))


def check_proposal(text: str, rules_dir: Path, icp_file: str) -> None:
    """Load the proposal the way `rules check` would, beside the current rule and policy files
    (copied to a scratch folder): raises AdminInputError when the daemon would refuse it."""
    from signalwatch.rules.ruleset import load_ruleset

    with tempfile.TemporaryDirectory(prefix="icp-proposal-") as scratch:
        folder = Path(scratch)
        if rules_dir.is_dir():
            for path in rules_dir.iterdir():
                if path.is_file() and path.suffix in (".yaml", ".yml") and path.name != icp_file:
                    (folder / path.name).write_bytes(path.read_bytes())
        (folder / icp_file).write_text(text, encoding="utf-8")
        load_ruleset(folder)
