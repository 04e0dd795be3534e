"""The digest's view of the store: the period's alert priorities, and the ledger of digests sent.

A digest message is claimed (a `sending` row under a unique key) before it is posted and
marked sent after, so a period's digest goes out once even across restarts; a row left
`sending` by a crash is checked against Slack before anything is posted again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from signalwatch.store import Store
from signalwatch.store.tables import DigestRow, OutboxRow
from signalwatch.timeutil import as_utc

__all__ = ["alert_priorities", "DigestClaim", "claim_digest", "finish_digest", "last_period_end"]


def alert_priorities(store: Store, start: datetime, end: datetime) -> dict[str, str]:
    """Event dedupe key → the highest priority of the alerts enqueued for it in [start, end)."""
    found: dict[str, str] = {}
    with Session(store.engine) as session:
        query = select(OutboxRow.priority, OutboxRow.payload).where(col(OutboxRow.created_at) >= start, col(OutboxRow.created_at) < end)
        for priority, payload in session.exec(query):
            key = str(((payload or {}).get("event") or {}).get("dedupe_key") or "")
            if key and (key not in found or priority < found[key]):  # "P1" < "P2"
                found[key] = priority
    return found


@dataclass(frozen=True)
class DigestClaim:
    key: str
    status: str  # "new": post it; "sending": a crash left it uncertain; "sent": nothing to do
    claimed_at: datetime


def claim_digest(store: Store, key: str, audience: str, start: datetime, end: datetime, now: datetime) -> DigestClaim:
    with Session(store.engine) as session:
        existing = session.exec(select(DigestRow).where(DigestRow.digest_key == key)).first()
        if existing is not None:
            return DigestClaim(key, existing.status, as_utc(existing.claimed_at or now))
        session.add(DigestRow(digest_key=key, audience=audience, period_start=start, period_end=end, status="sending", claimed_at=now))
        try:
            session.commit()
        except IntegrityError:  # another process claimed it a moment ago
            session.rollback()
            return DigestClaim(key, "sent", now)
    return DigestClaim(key, "new", now)


def finish_digest(store: Store, key: str, remote_id: str | None, now: datetime, *, sent: bool) -> None:
    """Mark sent, or drop the claim of a digest that could not be posted (so the next run tries again)."""
    with Session(store.engine) as session:
        row = session.exec(select(DigestRow).where(DigestRow.digest_key == key)).first()
        if row is None:
            return
        if sent:
            row.status, row.sent_at, row.remote_id = "sent", now, remote_id
            session.add(row)
        else:
            session.delete(row)
        session.commit()


def last_period_end(store: Store, audience: str) -> datetime | None:
    """Where the previous digest for this audience ended: the next one starts there."""
    with Session(store.engine) as session:
        query = select(DigestRow.period_end).where(DigestRow.audience == audience, DigestRow.status == "sent")
        query = query.order_by(col(DigestRow.period_end).desc()).limit(1)
        found = session.exec(query).first()
        return as_utc(found) if found else None
