"""Account heat for the digest ranking. One function to swap for signalwatch.scoring (issue 6).

Fallback until the scorer lands: the sum of the period's alert weights (P1=3, P2=2, P3=1),
each halved every `half_life` since its signal occurred. Every account with an alert in the
period has risen by that amount since the last digest.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from signalwatch.crm.alerttext import PRIORITY_WEIGHT

__all__ = ["heat_rise"]


def heat_rise(alerts: Iterable[tuple[str, datetime]], now: datetime, half_life: timedelta) -> float:
    """How much an account's heat rose from its (priority, occurred_at) alerts of the period."""
    total = 0.0
    for priority, occurred_at in alerts:
        age = max(timedelta(0), now - occurred_at)
        total += PRIORITY_WEIGHT.get(priority, 1.0) * 0.5 ** (age / half_life)
    return round(total, 2)
