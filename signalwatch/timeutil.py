"""UTC datetimes and human durations ("15m", "2h", "30d") used across config and rules."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["utcnow", "as_utc", "parse_timestamp", "parse_duration", "coerce_duration", "format_duration", "known_zone"]

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d|w)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "w": 604800}


def utcnow() -> datetime:
    """The current time, UTC-aware. Only the edges of the program (CLI, scheduler) call this."""
    return datetime.now(timezone.utc)


def as_utc(value: datetime) -> datetime:
    """Return `value` as a UTC-aware datetime; naive values are taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def parse_timestamp(value: object) -> datetime | None:
    """A remote service's ISO timestamp in UTC ("2026-11-02T09:30:00.000Z", Salesforce's
    "…+0000", a bare date); naive values are taken as UTC; None when absent or unreadable."""
    text = str(value or "").strip().replace("Z", "+00:00")
    if len(text) > 5 and text[-5] in "+-" and text[-3] != ":":  # "+0000" -> "+00:00"
        text = text[:-2] + ":" + text[-2:]
    try:
        return as_utc(datetime.fromisoformat(text))
    except ValueError:
        return None


def parse_duration(text: str | int | float) -> timedelta:
    """Parse "90", "90s", "15m", "2h", "30d" or "1w"; a bare number means seconds."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return timedelta(seconds=float(text))
    match = _DURATION.match(str(text))
    if not match:
        raise ValueError(f"not a duration: {text!r} (use e.g. 30s, 15m, 2h, 7d)")
    number, unit = match.groups()
    return timedelta(seconds=float(number) * _UNIT_SECONDS[(unit or "s").lower()])


def coerce_duration(value: object) -> object:
    """A pydantic `mode="before"` validator body: "15m" or 90 become a timedelta, anything else
    (a timedelta, None, a wrong type) passes through for pydantic to accept or reject."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return parse_duration(value)
    return value


def known_zone(value: str) -> str:
    """A pydantic validator: `value` must name an IANA time zone."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {value!r} (use an IANA name such as Europe/Berlin)") from None
    return value


def format_duration(delta: timedelta) -> str:
    """Render a timedelta compactly: 45s, 15m, 2h, 3d."""
    seconds = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
