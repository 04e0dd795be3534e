"""`rules/policy.yaml`: heat scoring, priority bands, alert limits and delivery windows."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, field_validator

from signalwatch.eventtypes import KINDS
from signalwatch.timeutil import coerce_duration, known_zone

__all__ = ["Policy", "Scoring", "Limits", "DeliveryWindow", "DEFAULT_POLICY", "POLICY_FILE"]

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


def _default_half_lives() -> dict[str, timedelta]:
    return {kind.name: kind.half_life for kind in KINDS.values()}


class Scoring(_Strict):
    """Heat = Σ weight × tier fit × 0.5^(age / half-life), × (1 + cluster_bonus per extra signal type)."""

    # Defaults come from each type's declaration; a policy file overrides the entries it names.
    weights: dict[str, float] = Field(default_factory=lambda: _default_weights())
    half_life: dict[str, timedelta] = Field(default_factory=lambda: _default_half_lives())
    tier_fit: dict[str, float] = {"A": 1.0, "B": 0.7, "C": 0.4, "none": 0.2}
    cluster_window: timedelta = timedelta(days=30)
    cluster_bonus: float = Field(default=0.25, ge=0)
    bands: dict[Literal["P1", "P2"], float] = {"P1": 8.0, "P2": 4.0}

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
