"""A job-board backfill: the roles each account's boards list whose own published date is recent.

Each role becomes a `hiring/posted` event dated when the provider says it was published (not
when we looked), with the same dedupe key a live poll would give it, so a role found both ways
is stored once. Roles without a published date are left out: their age is unknown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from signalwatch.accounts import Account
from signalwatch.connectors.jobboards.events import role_event
from signalwatch.connectors.jobboards.fetch import BoardPoll, collect_targets, read_board
from signalwatch.connectors.jobboards.model import Posting, Provider
from signalwatch.events import SignalEvent
from signalwatch.hiring.mentions import technologies_in
from signalwatch.hiring.snapshot import JobRecord
from signalwatch.http import FetchError, HttpClient
from signalwatch.titles import classify_title

__all__ = ["recent_roles"]


def recent_roles(
    http: HttpClient, accounts: Sequence[Account], providers: Mapping[str, Provider], url_templates: Mapping[str, str],
    *, source: str, since: datetime, now: datetime,
) -> tuple[list[SignalEvent], dict[str, str]]:
    """`posted` events for the roles published since `since`, and a reason per board that failed."""
    targets, errors = collect_targets(accounts, providers, url_templates)
    events: list[SignalEvent] = []
    for target in targets:
        provider = providers[target.ref.provider]
        def is_recent(posting: Posting) -> bool:
            return posting.published_at is not None and since <= posting.published_at <= now

        try:
            postings, url = read_board(http, target, provider, is_recent)
        except FetchError as exc:
            errors[target.ref.key] = str(exc)
            continue
        poll = BoardPoll(key=target.ref.key, provider=target.ref.provider, board_id=target.ref.board_id,
                         accounts=target.accounts, status="changed", url=url, tld=target.tld_of(url))
        tld = poll.tld or (provider.tlds or ("",))[0]
        for posting in postings:
            if not is_recent(posting) or posting.published_at is None:
                continue
            title_class = classify_title(posting.title, posting.department)
            record = JobRecord(title=posting.title, function=title_class.function, seniority=title_class.seniority,
                               department=posting.department, location=posting.location, remote=posting.remote,
                               technologies=technologies_in(posting.title, posting.description))
            job_url = provider.job_url.format(id=target.ref.board_id, job_id=posting.job_id, tld=tld) \
                if provider.job_url else None
            for account in target.accounts:
                events.append(role_event(
                    source=source, change="posted", poll=poll, account=account, job_id=posting.job_id, record=record,
                    open_roles=0, now=now, posting=posting, job_url=job_url, occurred_at=posting.published_at,
                ))
    return events, errors
