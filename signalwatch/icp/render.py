"""The report `signalwatch icp suggest` prints: the sample, the ranked attributes, the proposal."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from signalwatch.icp.features import FIRMOGRAPHIC_FIELDS, SIGNAL, TECHNOLOGY
from signalwatch.icp.proposal import Criterion, flow
from signalwatch.icp.suggest import Analysis, Lift

__all__ = ["Sample", "report", "table"]

WIDTH = 100  # prose is wrapped to this; tables and the diff are not


@dataclass(frozen=True)
class Sample:
    """Where the deals came from and what was passed over, for the report's first lines."""

    sources: tuple[str, ...]
    since: date
    window: timedelta
    not_closed: int
    before: int


def _times(value: float) -> str:
    return "∞" if math.isinf(value) else f"{value:.1f}x"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for index, row in enumerate([headers, *rows]):
        lines.append(indent + "  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            lines.append(indent + "  ".join("-" * width for width in widths))
    return lines


def _row(lift: Lift, bound: float) -> list[str]:
    return [lift.attribute.label, f"{lift.won_with}/{lift.deals_with}", f"{lift.rate_with:.0%}",
            f"{lift.won_without}/{lift.deals_without}", f"{lift.rate_without:.0%}", _times(lift.ratio), _times(bound)]


def _sample_lines(analysis: Analysis, sample: Sample) -> list[str]:
    facts = analysis.facts
    deals, won = len(facts), analysis.won
    known = {name: sum(name in fact.known for fact in facts) for name in (*FIRMOGRAPHIC_FIELDS, TECHNOLOGY, SIGNAL)}
    lines = [f"ICP suggestions from {deals} closed deals ({', '.join(sample.sources)}, closed since {sample.since.isoformat()}):"
             f" {won} won, {deals - won} lost ({won / deals:.0%} won).",
             f"  {known[SIGNAL]} of {deals} are with watched accounts: their signals in the {sample.window.days} days before"
             f" the close count; technologies are known for {known[TECHNOLOGY]}.",
             "  Known per field: " + ", ".join(f"{name} {known[name]}" for name in FIRMOGRAPHIC_FIELDS) + "."]
    skipped = [f"{sample.not_closed} open or without a close date"] if sample.not_closed else []
    skipped += [f"{sample.before} closed before {sample.since.isoformat()}"] if sample.before else []
    if skipped:
        lines.append(f"  Passed over: {'; '.join(skipped)}.")
    return lines


def report(analysis: Analysis, sample: Sample, criteria: Sequence[Criterion], top: int, tier: str,
           must_coverage: float, diff: str, icp_path: str) -> str:
    header = ["attribute", "won/with", "rate", "won/without", "rate", "lift", "lift ≥"]
    ranked, losing = analysis.ranked, analysis.losing
    lines = _sample_lines(analysis, sample) + ["", _prose(
        f"Small samples: an attribute seen in fewer than {analysis.min_support} deals is not ranked"
        f" ({analysis.thin} left out). 'lift ≥' is the 95% Wilson lower bound of the win rate with the attribute"
        " divided by the upper bound without it: above 1.0x the difference holds even in the least favourable"
        " reading; at or below 1.0x it cannot be told from chance. For lost deals, 'lift ≤' is the upper bound with"
        " divided by the lower bound without: below 1.0x the difference holds."), "",
        f"Attributes of won deals, largest 'lift ≥' first ({min(top, len(ranked))} of {len(ranked)}):"]
    lines += table(header, [_row(lift, lift.at_least) for lift in ranked[:top]]) if ranked else ["  (none)"]
    lines += ["", f"Attributes of lost deals, smallest 'lift ≤' first ({min(top, len(losing))} of {len(losing)}):"]
    lines += table([*header[:-1], "lift ≤"], [_row(lift, lift.at_most) for lift in losing[:top]]) if losing else ["  (none)"]
    lines += ["", _prose("Technologies and signals are not account fields: an ICP tier cannot test them. To act on one,"
                         " write an alert rule (e.g. `event.type: leadership` with `event.attributes.function: sales`).")]
    lines += ["", _prose(f"Proposed ICP, tier {tier} (must-have: holds for at least {must_coverage:.0%} of won deals;"
                         " nice-to-have: raises the fit score):")]
    for criterion in criteria:
        lines.append(f"  {'must' if criterion.must else 'nice'}  {criterion.field}: {flow(criterion.value)}  —"
                     f" {criterion.comment().removeprefix('icp suggest: ')}, {criterion.coverage:.0%} of wins")
    if not criteria:
        lines.append("  no firmographic attribute has evidence ('lift ≥' above 1.0x): no change proposed")
    if diff:
        lines += ["", diff.rstrip("\n")]
    lines += ["", _prose(f"Nothing was changed. Write the proposal with --write FILE, review it, then copy it over"
                         f" {icp_path} (or name that file in --write to apply it).")]
    return "\n".join(lines) + "\n"


def _prose(text: str) -> str:
    return textwrap.fill(text, WIDTH, break_on_hyphens=False, break_long_words=False)

