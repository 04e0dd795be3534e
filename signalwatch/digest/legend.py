"""The digest's legend: how to read heat, in plain sentences written from the policy in force. Pure.

The numbers come from the `Scoring` the digest was ranked with (`rules/policy.yaml` over the
defaults of each event type), so the legend cannot drift from the ranking it explains.
"""

from __future__ import annotations

from signalwatch.eventtypes import kind_of
from signalwatch.rules.policy import Scoring

__all__ = ["heat_legend"]

_TIER_NAMES = {"none": "untiered"}


def _noun(event_type: str) -> str:
    kind = kind_of(event_type)
    return kind.noun if kind else event_type.replace("_", " ")


def _weights(scoring: Scoring) -> str:
    ranked = sorted(((weight, key) for key, weight in scoring.weights.items() if weight > 0), key=lambda item: (-item[0], item[1]))
    parts = []
    for weight, key in ranked:
        event_type, _, change = key.partition("/")
        parts.append(f"{_noun(event_type)} {change} {weight:g}".replace("  ", " "))
    return ", ".join(parts)


def _days(seconds: float) -> str:
    days = seconds / 86400
    return f"{days:g} day{'s' if days != 1 else ''}"


def heat_legend(scoring: Scoring) -> tuple[str, ...]:
    """A few sentences, plain text (each renderer escapes them for its format)."""
    fits = ", ".join(f"{_TIER_NAMES.get(tier, 'Tier ' + tier)} ×{fit:g}" for tier, fit in scoring.tier_fit.items())
    halves = ", ".join(f"{_noun(kind)} {_days(life.total_seconds())}"
                       for kind, life in sorted(scoring.half_life.items(), key=lambda item: (item[1], item[0])))
    bands = ", ".join(f"{band} from heat {value:g}" for band, value in sorted(scoring.bands.items()))
    cluster = (f"; signals of several kinds within {_days(scoring.cluster_window.total_seconds())} stack "
               f"(+{scoring.cluster_bonus * 100:g}% per extra kind)" if scoring.cluster_bonus else "")
    caps = getattr(scoring, "caps", None) or {}  # per-type caps: policies before caps have none
    capped = "; ".join(f"{_noun(kind)} signals add at most {cap:g} together" for kind, cap in sorted(caps.items()))
    capped += ", and commodity technologies (jQuery, CDNs, analytics tags) add nothing" if "tech_stack" in caps else ""
    return (
        f"Heat adds up an account's signals: each signal's weight × the account's ICP fit, halving with every half-life of age{cluster}.",
        f"Weights: {_weights(scoring)}" + (f"; {capped}." if capped else "."),
        f"ICP fit: {fits}. Half-life: {halves}.",
        f"“+n” is how much the heat rose in this period; the line is the heat over the last 30 days. "
        f"Rules with automatic priority alert {bands}.",
    )
