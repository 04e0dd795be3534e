"""Digest settings: when it is sent (cron in a time zone), to which team channels, and on which
weekday it carries the rule effectiveness block."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from signalwatch.timeutil import known_zone

__all__ = ["DigestConfig", "digest_config"]


class DigestConfig(BaseModel):
    """The `digest:` block. Sent through the Slack sink's bot token."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = False
    hour: int = Field(default=8, ge=0, le=23)
    minute: int = Field(default=0, ge=0, le=59)
    days: str = Field(default="mon-fri", description="cron day_of_week, e.g. mon-fri or *")
    timezone: str = "UTC"
    channels: list[str] = Field(default_factory=list, description="team channels that get the whole ranking")
    owners: bool = Field(default=True, description="also DM each account owner their own accounts")
    quiet_owner_notes: bool = Field(default=False, description="DM owners the 'no new signals' note too")
    max_accounts: int = Field(default=15, ge=1)
    rules_day: str | None = Field(default="mon", description="weekday whose team digest carries the week's rule effectiveness"
                                  " (mon … sun, one of `days`; null: never)")

    @field_validator("days")
    @classmethod
    def _known_days(cls, value: str) -> str:
        from signalwatch.digest.schedule import (
            parse_days,  # schedule imports this module
        )

        parse_days(value)
        return value

    _zone = field_validator("timezone")(known_zone)

    @model_validator(mode="after")
    def _rules_day_is_a_digest_day(self) -> DigestConfig:
        from signalwatch.digest.schedule import parse_days

        if self.rules_day is not None:
            day = parse_days(self.rules_day)
            if len(day) != 1:
                raise ValueError(f"rules_day: one weekday (mon … sun), not {self.rules_day!r}")
            if "rules_day" in self.model_fields_set and not day <= parse_days(self.days):
                raise ValueError(f"rules_day: {self.rules_day!r} is not one of the digest's days ({self.days!r}), so the"
                                 " rule effectiveness block would never be sent")
        return self

    @property
    def rules_weekday(self) -> int | None:
        """The weekday (Monday = 0) of the rule effectiveness block: `rules_day`, or when that is
        left at its default and the digest is not sent on Mondays, the digest's first day of the week."""
        from signalwatch.digest.schedule import parse_days

        if self.rules_day is None:
            return None
        days = parse_days(self.days)
        day = min(parse_days(self.rules_day))
        return day if day in days else min(days)


def digest_config(settings: Any) -> DigestConfig:
    """The digest block of the settings; defaults until the core Settings grows a `digest` field."""
    found = getattr(settings, "digest", None)
    return found if isinstance(found, DigestConfig) else DigestConfig.model_validate(found or {})
