"""The digest's view of the outbox: the period's alert priorities, where an audience's last
digest ended, and the state of a digest's row.

Digests are outbox rows (rule `digest`, see `signalwatch.alerts.payload.digest_message`), so
there is no digest ledger: what was sent, is being sent, or failed is read from the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from signalwatch.alerts.payload import DIGEST_RULE_ID
from signalwatch.store import OutboxStatus, Store
from signalwatch.store.tables import OutboxRow
from signalwatch.timeutil import as_utc

__all__ = ["alert_priorities", "last_period_end", "DigestState", "digest_state"]

# A digest sent, or queued and still to be sent: the next one starts where it ends. A dead
# one does not count, so the next digest covers its period again.
_COVERED = (OutboxStatus.SENT, OutboxStatus.PENDING, OutboxStatus.SENDING)


def alert_priorities(store: Store, start: datetime, end: datetime) -> dict[str, str]:
    """Event dedupe key → the highest priority of the alerts enqueued for it in [start, end)."""
    found: dict[str, str] = {}
    with Session(store.engine) as session:
        query = select(OutboxRow.priority, OutboxRow.payload).where(
            col(OutboxRow.created_at) >= start, col(OutboxRow.created_at) < end,
            col(OutboxRow.event_id) > 0,  # alerts only: notices and digests cite no event
        )
        for priority, payload in session.exec(query):
            key = str(((payload or {}).get("event") or {}).get("dedupe_key") or "")
            if key and (key not in found or priority < found[key]):  # "P1" < "P2"
                found[key] = priority
    return found


def last_period_end(store: Store, audience: str) -> datetime | None:
    """Where the previous digest for this audience ended: the next one starts there."""
    with Session(store.engine) as session:
        query = select(OutboxRow.payload["period_end"].as_string()).where(  # type: ignore[index]
            OutboxRow.rule_id == DIGEST_RULE_ID, col(OutboxRow.status).in_(_COVERED),
            OutboxRow.payload["audience"].as_string() == audience,  # type: ignore[index]
        )
        ends = [as_utc(datetime.fromisoformat(end)) for end in session.exec(query) if end]
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
    with Session(store.engine) as session:
        row = session.exec(select(OutboxRow).where(OutboxRow.alert_key == key)).first()
        if row is None:
            return None
        claimed = as_utc(row.claimed_at) if row.claimed_at is not None else None
        return DigestState(row.status, claimed, int((row.payload or {}).get("accounts") or 0), row.last_error)
