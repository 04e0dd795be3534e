"""The digest's view of the outbox: the period's alert priorities, where an audience's last
digest ended, and the state of a digest's row.

Digests are outbox rows (rule `digest`, see `signalwatch.alerts.payload.digest_message`), so
there is no digest ledger: what was sent, is being sent, or failed is read from the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from signalwatch.alerts.payload import DIGEST_RULE_ID
from signalwatch.store import OutboxStatus, Store
from signalwatch.timeutil import as_utc

__all__ = ["alert_priorities", "last_period_end", "DigestState", "digest_state"]

# A digest sent, or queued and still to be sent: the next one starts where it ends. A dead
# one does not count, so the next digest covers its period again.
_COVERED = (OutboxStatus.SENT, OutboxStatus.PENDING, OutboxStatus.SENDING)


def alert_priorities(store: Store, start: datetime, end: datetime) -> dict[str, str]:
    """Event dedupe key → the highest priority of the alerts enqueued for it in [start, end)."""
    found: dict[str, str] = {}
    for key, priority in store.alert_priorities(start, end):
        if key not in found or priority < found[key]:  # "P1" < "P2"
            found[key] = priority
    return found


def last_period_end(store: Store, audience: str) -> datetime | None:
    """Where the previous digest for this audience ended: the next one starts there."""
    rows = store.find_outbox(rule_id=DIGEST_RULE_ID, statuses=_COVERED, target=audience.split(":", 1)[-1])
    ends = [as_utc(datetime.fromisoformat(end)) for row in rows
            if row.payload.get("audience") == audience and (end := row.payload.get("period_end"))]
    return max(ends, default=None)


@dataclass(frozen=True)
class DigestState:
    """What a digest's outbox row says now."""

    status: str
    claimed_at: datetime | None
    accounts: int
    last_error: str | None


def digest_state(store: Store, key: str) -> DigestState | None:
    """The row queued under digest key `key`, or None."""
    rows = store.find_outbox(alert_key=key)
    if not rows:
        return None
    row = rows[0]
    return DigestState(row.status, row.claimed_at, int(row.payload.get("accounts") or 0), row.last_error)
