"""Digest settings: when it is sent (cron in a time zone) and to which team channels."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

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

    @field_validator("days")
    @classmethod
    def _known_days(cls, value: str) -> str:
        from signalwatch.digest.schedule import (
            parse_days,  # schedule imports this module
        )

        parse_days(value)
        return value

    _zone = field_validator("timezone")(known_zone)


def digest_config(settings: Any) -> DigestConfig:
    """The digest block of the settings; defaults until the core Settings grows a `digest` field."""
    found = getattr(settings, "digest", None)
    return found if isinstance(found, DigestConfig) else DigestConfig.model_validate(found or {})
