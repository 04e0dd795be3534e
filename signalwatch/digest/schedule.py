"""When a digest is due: the latest scheduled time at or before now, in the configured zone. Pure."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from signalwatch.digest.config import DigestConfig

__all__ = ["latest_occurrence", "parse_days"]

_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def parse_days(spec: str) -> set[int]:
    """Cron-style day_of_week ("*", "mon-fri", "mon,wed,fri") as weekday numbers (Monday = 0)."""
    days: set[int] = set()
    for part in spec.lower().replace(" ", "").split(","):
        if part in ("*", ""):
            return set(range(7))
        first, _, last = part.partition("-")
        if first not in _DAYS or (last and last not in _DAYS):
            raise ValueError(f"not a day or range of days: {part!r} (use e.g. mon-fri)")
        start, end = _DAYS.index(first), _DAYS.index(last or first)
        days.update(range(start, end + 1) if start <= end else [*range(start, 7), *range(0, end + 1)])
    return days


def latest_occurrence(config: DigestConfig, now: datetime) -> datetime | None:
    """The most recent scheduled digest time <= now (UTC-aware), within the last week."""
    zone = ZoneInfo(config.timezone)
    local_now = now.astimezone(zone)
    days = parse_days(config.days)
    for back in range(8):
        day = (local_now - timedelta(days=back)).date()
        candidate = datetime.combine(day, time(config.hour, config.minute), tzinfo=zone)
        if candidate <= local_now and candidate.weekday() in days:
            return candidate
    return None
