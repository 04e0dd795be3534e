"""Alerts held by a delivery window: until when each waits, told in the time zone of the window.

The rules engine queues a held alert as a pending outbox row that was never tried (no attempt)
and is due when its route's window opens; a retry waiting out a backoff has attempts behind
it, so the two never mix (`Store.sink_holds` draws the same line). The row keeps the moment in
UTC, not the window, so the window is found again through the row's rule and sink in the
current rules: "held until Mon 09:00 Europe/London" reads as the admin wrote the window.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from signalwatch.rules.policy import DAYS, DeliveryWindow
from signalwatch.rules.ruleset import RuleSet
from signalwatch.store import OutboxStatus, Store
from signalwatch.store.tables import OutboxRow
from signalwatch.timeutil import as_utc

__all__ = ["Hold", "held_rows", "zone_finder", "rules_zone_finder", "held_text"]

_OUTBOX = OutboxRow.__table__  # type: ignore[attr-defined]
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # not %a: that follows the locale


@dataclass(frozen=True)
class Hold:
    """One held outbox row and the moment (UTC) its window opens."""

    row_id: int
    sink: str
    rule_id: str
    until: datetime


def held_rows(store: Store, now: datetime, ids: Collection[int] | None = None) -> list[Hold]:
    """The rows held by a delivery window at `now` (of `ids` only, when given), soonest first."""
    query = (sa.select(_OUTBOX.c.id, _OUTBOX.c.sink, _OUTBOX.c.rule_id, _OUTBOX.c.next_attempt_at)
             .where(_OUTBOX.c.status == OutboxStatus.PENDING, _OUTBOX.c.attempts == 0, _OUTBOX.c.next_attempt_at > now)
             .order_by(_OUTBOX.c.next_attempt_at, _OUTBOX.c.id))
    if ids is not None:
        if not ids:
            return []
        query = query.where(_OUTBOX.c.id.in_(list(ids)))
    with store.engine.connect() as conn:
        return [Hold(int(row_id), sink, rule_id, as_utc(until)) for row_id, sink, rule_id, until in conn.execute(query)]


def zone_finder(ruleset: RuleSet | None) -> Callable[[Hold], str]:
    """The time zone to tell a hold in: that of the window (of the row's rule, routed to its sink)
    that opens at that moment; else that rule's first window to the sink; else UTC."""
    windows: dict[tuple[str, str], list[DeliveryWindow]] = {}
    for rule in ruleset.rules if ruleset is not None else ():
        for route, _ in rule.routes:
            window = ruleset.policy.delivery_windows.get(route.window) if ruleset and route.window else None
            if window is not None:
                windows.setdefault((rule.id, route.sink), []).append(window)

    def zone(hold: Hold) -> str:
        candidates = windows.get((hold.rule_id, hold.sink), [])
        for window in candidates:
            local = hold.until.astimezone(ZoneInfo(window.timezone))
            if local.time().replace(second=0, microsecond=0) == window.start and DAYS[local.weekday()] in window.days:
                return window.timezone
        return candidates[0].timezone if candidates else "UTC"

    return zone


def rules_zone_finder(rules_path: Path) -> Callable[[Hold], str]:
    """`zone_finder` over the rules folder; rules that do not load (being edited) leave holds in UTC."""
    from signalwatch.rules.ruleset import load_ruleset
    from signalwatch.yamlload import AdminInputError

    try:
        return zone_finder(load_ruleset(rules_path))
    except AdminInputError:
        return zone_finder(None)


def held_text(until: datetime, zone: str, now: datetime) -> str:
    """"held until Mon 09:00 Europe/London". A window opens within the week, so the weekday says
    which day; from six days ahead the date is added, so next week's Monday is not read as today's."""
    local = until.astimezone(ZoneInfo(zone))
    day = _WEEKDAYS[local.weekday()] + (f" {local:%Y-%m-%d}" if until - now >= timedelta(days=6) else "")
    return f"held until {day} {local:%H:%M} {zone}"
