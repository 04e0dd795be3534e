"""Win rates with and without each attribute, with honest bounds for small samples.

For an attribute, the deals compared are those where its field is known; among them, the win
rate of the deals with it against the win rate of those without it is the lift. A small sample
can show a large lift by chance, so next to the plain lift every attribute carries a
conservative one: the 95% Wilson lower bound of the win rate with it divided by the Wilson upper
bound without it (`at_least`). Above 1.0 the data says the attribute wins more often even in
the least favourable reading; at or below 1.0 it cannot be told from chance. Attributes seen in
fewer than `min_support` deals are not ranked at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from signalwatch.icp.features import SIGNAL, Attribute, DealFacts

__all__ = ["wilson", "Lift", "lift_of", "Analysis", "analyse", "Z95"]

Z95 = 1.959963984540054  # two-sided 95%


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a rate: (lower, upper); (0, 1) without trials."""
    if trials == 0:
        return 0.0, 1.0
    rate = successes / trials
    spread = z * z / trials
    centre = (rate + spread / 2) / (1 + spread)
    half = z * math.sqrt(rate * (1 - rate) / trials + spread / (4 * trials)) / (1 + spread)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Lift:
    """Win counts of the deals with an attribute and of the deals without it (its field known)."""

    attribute: Attribute
    won_with: int
    deals_with: int
    won_without: int
    deals_without: int

    @property
    def rate_with(self) -> float:
        return self.won_with / self.deals_with if self.deals_with else 0.0

    @property
    def rate_without(self) -> float:
        return self.won_without / self.deals_without if self.deals_without else 0.0

    @property
    def ratio(self) -> float:
        """The plain lift: win rate with / win rate without (inf when none without won)."""
        if self.rate_without == 0:
            return math.inf if self.rate_with > 0 else 1.0
        return self.rate_with / self.rate_without

    @property
    def at_least(self) -> float:
        """Conservative lift: Wilson lower bound with / Wilson upper bound without."""
        return wilson(self.won_with, self.deals_with)[0] / wilson(self.won_without, self.deals_without)[1]

    @property
    def at_most(self) -> float:
        """Conservative lift for a loss pattern: Wilson upper bound with / lower bound without (inf: unbounded)."""
        low_without = wilson(self.won_without, self.deals_without)[0]
        return math.inf if low_without == 0 else wilson(self.won_with, self.deals_with)[1] / low_without


def lift_of(attribute: Attribute, facts: Sequence[DealFacts], holds: Callable[[DealFacts], bool] | None = None) -> Lift:
    """The lift of `attribute` (or of any test `holds`, e.g. a proposed criterion) over the deals
    whose field `attribute.kind` is known."""
    test = holds if holds is not None else (lambda fact: attribute in fact.attributes)
    relevant = [fact for fact in facts if attribute.kind in fact.known]
    with_ = [fact for fact in relevant if test(fact)]
    won_with = sum(fact.deal.won for fact in with_)
    won_all = sum(fact.deal.won for fact in relevant)
    return Lift(attribute, won_with, len(with_), won_all - won_with, len(relevant) - len(with_))


@dataclass(frozen=True)
class Analysis:
    facts: tuple[DealFacts, ...]
    lifts: tuple[Lift, ...]  # every attribute seen in at least min_support deals and missing from some
    thin: int  # attributes left out: seen in fewer than min_support deals
    min_support: int

    @property
    def won(self) -> int:
        return sum(fact.deal.won for fact in self.facts)

    @property
    def ranked(self) -> list[Lift]:
        """Attributes of won deals (a higher win rate with them), largest conservative lift first."""
        return sorted((lift for lift in self.lifts if lift.rate_with > lift.rate_without),
                      key=lambda lift: (-lift.at_least, -lift.rate_with, lift.attribute.label))

    @property
    def losing(self) -> list[Lift]:
        """Attributes of lost deals (a lower win rate with them), smallest conservative upper lift first."""
        return sorted((lift for lift in self.lifts if lift.rate_with < lift.rate_without),
                      key=lambda lift: (lift.at_most, lift.rate_with, lift.attribute.label))


def _same_as_detail(facts: Sequence[DealFacts]) -> set[Attribute]:
    """Signals (`leadership appointed`) held by exactly the deals holding one of their details
    (`leadership appointed · VP sales`): the detail says more, so the plain one is not ranked."""
    deals: dict[Attribute, set[int]] = {}
    for index, fact in enumerate(facts):
        for attribute in fact.attributes:
            deals.setdefault(attribute, set()).add(index)
    plain = {attribute.value: attribute for attribute in deals if attribute.kind == SIGNAL and " · " not in attribute.value}
    return {base for attribute, held in deals.items() if attribute.kind == SIGNAL and " · " in attribute.value
            for base in (plain.get(attribute.value.split(" · ")[0]),) if base is not None and deals[base] == held}


def analyse(facts: Sequence[DealFacts], min_support: int = 5) -> Analysis:
    """Every attribute's lift over `facts`."""
    hidden = _same_as_detail(facts)
    attributes = sorted({attribute for fact in facts for attribute in fact.attributes} - hidden)
    lifts, thin = [], 0
    for attribute in attributes:
        lift = lift_of(attribute, facts)
        if lift.deals_with < min_support:
            thin += 1
        elif lift.deals_without:  # an attribute every deal has compares with nothing
            lifts.append(lift)
    return Analysis(tuple(facts), tuple(lifts), thin, min_support)
