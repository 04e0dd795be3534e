"""`rules/policy.yaml`: heat scoring, priority bands, alert limits and delivery windows."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, field_validator

from signalwatch.eventtypes import KINDS
from signalwatch.timeutil import coerce_duration, known_zone

__all__ = ["Policy", "Scoring", "Limits", "DeliveryWindow", "DEFAULT_POLICY", "POLICY_FILE", "DEFAULT_CAPS"]

POLICY_FILE = "policy.yaml"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _durations(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: coerce_duration(v) for k, v in value.items()}
    return value


def _default_weights() -> dict[str, float]:
    return {f"{kind.name}/{change}": weight for kind in KINDS.values() for change, weight in kind.changes.items()}


# Tech-stack changes come in bursts (a homepage redesign swaps a dozen scripts at once): together
# they count at most this much, below one funding round.
DEFAULT_CAPS: dict[str, float] = {"tech_stack": 8.0}


def _default_half_lives() -> dict[str, timedelta]:
    return {kind.name: kind.half_life for kind in KINDS.values()}


class Scoring(_Strict):
    """How hot an account is: its heat, the sum of what each of its signals adds now.

        heat = Σ weight(type/change) × tier_fit × 0.5^(age / half_life(type))
               × (1 + cluster_bonus × (signal types seen within cluster_window − 1))

    with the signals of a type in `caps` adding together at most that cap (× tier fit), as of
    their newest signal, so it too decays. The heat legend (also in the README):

    | signal                     | weight | half-life | why                                            |
    |----------------------------|-------:|----------:|------------------------------------------------|
    | funding/raised             |     10 |       30d | fresh budget and growth targets                |
    | funding/reported           |      6 |       30d | "in talks to raise": weaker until confirmed    |
    | acquisition/acquired       |      9 |       45d | new owners review tools and budgets            |
    | acquisition/reported       |      5 |       45d | a rumour until it closes                       |
    | leadership/appointed       |      8 |       45d | new leaders change their stack early           |
    | leadership/departed        |      4 |       45d | a decision may reopen; nobody to sell to yet   |
    | layoffs/announced          |      6 |       45d | a trigger, though rarely for growth pitches    |
    | hiring/surge               |      7 |       14d | a team growing fast needs tools now            |
    | hiring/posted              |      2 |       14d | one role is a weak sign; many add up           |
    | hiring/closed              |      0 |       14d | a role filled or withdrawn says little         |
    | tech_stack/adopted         |      6 |       30d | a new tool: budget spent, integrations needed  |
    | tech_stack/dropped         |      6 |       30d | a tool replaced: an evaluation under way       |
    | tech_stack/mentioned       |      1 |       30d | named in a job post: weak                      |
    | commodity technology       |      0 |           | jQuery, CDNs, analytics tags, web frameworks:  |
    |                            |        |           | every site has them (`commodity: true` in the  |
    |                            |        |           | technology catalog, techstack/catalog.yaml)    |
    | tech_stack (all, capped)   |  ≤ 8   |           | a redesign changing 14 scripts counts about as |
    |                            |        |           | one change, below one funding round (10)       |

    Tier fit: A 1.0, B 0.7, C 0.4, untiered 0.2; clustering: +25% per extra signal type within
    30 days; `bands` turn heat into P1 (≥ 8) / P2 (≥ 4) / P3 for `priority: auto`.
    """

    # Defaults come from each type's declaration; a policy file overrides the entries it names.
    weights: dict[str, float] = Field(default_factory=lambda: _default_weights())
    half_life: dict[str, timedelta] = Field(default_factory=lambda: _default_half_lives())
    tier_fit: dict[str, float] = {"A": 1.0, "B": 0.7, "C": 0.4, "none": 0.2}
    cluster_window: timedelta = timedelta(days=30)
    cluster_bonus: float = Field(default=0.25, ge=0)
    bands: dict[Literal["P1", "P2"], float] = {"P1": 8.0, "P2": 4.0}
    caps: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_CAPS),
        description="event type → the most heat (before tier fit) its signals add together, as of the newest")

    _half = field_validator("half_life", mode="before")(_durations)

    @field_validator("weights", mode="after")
    @classmethod
    def _merge_weights(cls, value: dict[str, float]) -> dict[str, float]:
        return {**_default_weights(), **value}

    @field_validator("half_life", mode="after")
    @classmethod
    def _merge_half_lives(cls, value: dict[str, timedelta]) -> dict[str, timedelta]:
        return {**_default_half_lives(), **value}

    _window = field_validator("cluster_window", mode="before")(coerce_duration)

    @field_validator("caps", mode="after")
    @classmethod
    def _known_caps(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(value) - set(KINDS))
        if unknown:
            raise ValueError(f"caps name unknown event types: {', '.join(unknown)} (known: {', '.join(sorted(KINDS))})")
        if any(cap < 0 for cap in value.values()):
            raise ValueError("a cap is a heat, at least 0")
        return {**DEFAULT_CAPS, **value}  # like weights: a policy file overrides the caps it names

    def cap(self, event_type: str) -> float | None:
        """The most heat (before tier fit) the signals of `event_type` add together, or None."""
        found = self.caps.get(event_type)
        return None if found is None else float(found)

    def weight(self, event_type: str, change: str) -> float:
        return float(self.weights.get(f"{event_type}/{change}", self.weights.get(event_type, 1.0)))

    def fit(self, tier: str | None) -> float:
        return float(self.tier_fit.get(tier or "none", self.tier_fit.get("none", 0.2)))

    def band(self, heat: float) -> str:
        if heat >= self.bands.get("P1", float("inf")):
            return "P1"
        return "P2" if heat >= self.bands.get("P2", float("inf")) else "P3"


class Limits(_Strict):
    per_account_daily: int | None = Field(default=3, ge=1, description="alerts per account per UTC day; null = no cap")


class DeliveryWindow(_Strict):
    """When alerts may arrive, in a time zone; alerts outside are held until the window opens."""

    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = ["mon", "tue", "wed", "thu", "fri"]
    start: time = time(8, 0)
    end: time = time(18, 0)
    timezone: str = "UTC"

    _zone = field_validator("timezone")(known_zone)

    def next_open(self, now: datetime) -> datetime | None:
        """None when `now` is inside the window, else the next moment it opens (UTC)."""
        zone = ZoneInfo(self.timezone)
        local = now.astimezone(zone)
        allowed = {DAYS.index(d) for d in self.days}
        if local.weekday() in allowed and self.start <= local.time() < self.end:
            return None
        for offset in range(0, 8):
            day = (local + timedelta(days=offset)).date()
            opening = datetime.combine(day, self.start, tzinfo=zone)
            if day.weekday() in allowed and opening > local:
                return opening.astimezone(now.tzinfo)
        return None


class Policy(_Strict):
    scoring: Scoring = Scoring()
    limits: Limits = Limits()
    delivery_windows: dict[str, DeliveryWindow] = {}


DEFAULT_POLICY = Policy()
