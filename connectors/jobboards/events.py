"""SignalEvents for hiring changes: a role posted, a role closed, a hiring surge in one function."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from signalwatch.connectors.jobboards.fetch import AccountRef, BoardPoll
from signalwatch.connectors.jobboards.model import Posting
from signalwatch.connectors.jobboards.settle import SUMMARY_CHARS
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.hiring.snapshot import JobRecord
from signalwatch.hiring.surge import Surge

__all__ = ["role_event", "surge_event", "KIND"]

KIND = "jobboards"
_FUNCTION_LABELS = {
    "sales_development": "sales development", "revops": "revenue operations", "customer_success": "customer success",
}


def role_event(
    *,
    source: str,
    change: str,
    poll: BoardPoll,
    account: AccountRef,
    job_id: str,
    record: JobRecord,
    open_roles: int,
    now: datetime,
    posting: Posting | None = None,
    job_url: str | None = None,
    occurred_at: datetime | None = None,
) -> SignalEvent:
    """A `hiring/posted` (with the live posting) or `hiring/closed` event for one account.

    `occurred_at` defaults to `now`; a backfill passes the role's own published date."""
    # The observed fact is that the role appeared on (or left) the board since the last poll,
    # so the event happens now; the provider's own date can be weeks old for a re-listed role.
    published = posting.published_at.isoformat() if posting is not None and posting.published_at else None
    verb = "is hiring" if change == "posted" else "closed a role"
    attributes: dict[str, Any] = {
        "title": record.title,
        "function": record.function,
        "seniority": record.seniority,
        "department": record.department,
        "location": record.location,
        "remote": record.remote,
        "technologies": list(record.technologies),
        "open_roles": open_roles,
        "job_id": job_id,
        "provider": poll.provider,
        "board": poll.key,
        "published_at": published,
    }
    return SignalEvent(
        type=EventType.HIRING,
        change=change,
        source=source,
        source_kind=KIND,
        source_id=f"{poll.key}:{job_id}",
        url=(posting.url or job_url) if posting else None,
        title=f"{account.name} {verb}: {record.title}",
        summary=posting.description[:SUMMARY_CHARS] if posting else "",
        occurred_at=occurred_at or now,
        detected_at=now,
        company_name=account.name,
        company_domain=account.domain,
        attributes=attributes,
        dedupe_key=make_dedupe_key("hiring", change, poll.key, job_id, account.id),
        account_id=account.id,
        match_confidence=1.0,
        match_method="board",
    )


def surge_event(
    *,
    source: str,
    account: AccountRef,
    function: str,
    surge: Surge,
    window: timedelta,
    titles: list[str],
    boards: list[str],
    now: datetime,
) -> SignalEvent:
    """A `hiring/surge` event: one per account, function and surge."""
    label = _FUNCTION_LABELS.get(function, function)
    days = max(1, round(window.total_seconds() / 86400))
    growth = f", open roles {surge.open_before} → {surge.open_roles}" if surge.open_before else ""
    attributes: dict[str, Any] = {
        "title": None,
        "function": function,
        "seniority": None,
        "department": None,
        "location": None,
        "remote": None,
        "technologies": [],
        "open_roles": surge.open_roles,
        "new_roles": surge.new_roles,
        "open_before": surge.open_before,
        "growth": round(surge.growth, 3) if surge.growth is not None else None,
        "window_days": days,
        "titles": titles,
        "job_id": None,
        "provider": None,
        "board": boards[0] if len(boards) == 1 else None,
        "boards": boards,
    }
    return SignalEvent(
        type=EventType.HIRING,
        change="surge",
        source=source,
        source_kind=KIND,
        source_id=f"account:{account.id}:{function}:{now.isoformat()}",
        url=None,
        title=f"{account.name} is growing its {label} team: {surge.new_roles} new roles in {days} days",
        summary=f"New {label} roles{growth}: " + "; ".join(titles),
        occurred_at=now,
        detected_at=now,
        company_name=account.name,
        company_domain=account.domain,
        attributes=attributes,
        dedupe_key=make_dedupe_key("hiring", "surge", account.id, function, now.isoformat()),
        account_id=account.id,
        match_confidence=1.0,
        match_method="board",
    )
