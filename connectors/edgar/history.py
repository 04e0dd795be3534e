"""An EDGAR backfill: the Form D and 8-K filings of the last N days, read from EDGAR's daily indexes.

The current-filings feed only reaches back a few hundred filings, so a newly added account's
history comes from the daily form indexes instead: one file per business day listing every
filing. Only the filings of a wanted form whose company name the account matcher ties to one of
the accounts are opened (their "-index.htm" page, then the documents a live poll reads), so a
30-day backfill for a few accounts costs about 22 index files plus a few requests per filing,
all through the same session as a poll (declared User-Agent, the shared 10 requests/s budget,
a refusal stops it). Events are those a live poll makes, dated when the filing was accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, Protocol

from signalwatch.accounts import Account
from signalwatch.connectors.edgar.client import EdgarMissingError, EdgarSession
from signalwatch.connectors.edgar.daily_index import IndexRow, daily_index_path, index_days, parse_form_index
from signalwatch.connectors.edgar.feed import FeedEntry
from signalwatch.connectors.edgar.filing_index import FilingIndex, parse_index
from signalwatch.connectors.edgar.limiter import EdgarBlockedError
from signalwatch.events import SignalEvent
from signalwatch.http import FetchError
from signalwatch.resolve import AccountIndex

__all__ = ["recent_filings", "INDEX_MAX_BYTES"]

INDEX_MAX_BYTES = 20_000_000  # a busy day's form index is about 1 MB


class _Filings(Protocol):
    """What the backfill needs from an EDGAR connector (see `EdgarConnector`)."""

    def wanted(self, entry: FeedEntry) -> bool: ...

    def fetch_filing(self, session: EdgarSession, entry: FeedEntry, index: FilingIndex) -> dict[str, Any]: ...

    def events_for(self, item: Mapping[str, Any], now: datetime) -> list[SignalEvent]: ...


def recent_filings(
    connector: _Filings, session: EdgarSession, accounts: Sequence[Account], forms: Callable[[str], bool],
    *, since: datetime, now: datetime,
) -> tuple[list[SignalEvent], dict[str, str]]:
    """Events of the accounts' filings of a form `forms` accepts, filed since `since`, and failures."""
    errors: dict[str, str] = {}
    if not accounts:
        return [], errors
    try:
        rows = _matching_rows(session, AccountIndex(accounts), forms, since, now, errors)
        events: list[SignalEvent] = []
        for row in rows:
            try:
                events.extend(_filing_events(connector, session, row, since, now))
            except EdgarMissingError as exc:
                errors[row.accession] = f"{row.company}: {exc}"
            except EdgarBlockedError:
                raise
            except FetchError as exc:
                errors[row.accession] = f"{row.company}: {exc}"
    except EdgarBlockedError as exc:  # every further request would extend the block
        errors["EDGAR"] = f"backfill stopped: {exc}"
        return [], errors
    return events, errors


def _matching_rows(session: EdgarSession, matcher: AccountIndex, forms: Callable[[str], bool], since: datetime,
                   now: datetime, errors: dict[str, str]) -> list[IndexRow]:
    """The index rows of wanted forms whose company is one of the accounts, one per accession."""
    rows: dict[str, IndexRow] = {}
    for day in index_days(since, now):
        try:
            listed = parse_form_index(session.get(daily_index_path(day), max_bytes=INDEX_MAX_BYTES))
        except EdgarMissingError:
            continue  # a holiday, or today's index before it is published
        except EdgarBlockedError:
            raise
        except FetchError as exc:
            errors[f"daily index {day.isoformat()}"] = str(exc)
            continue
        for row in listed:
            if forms(row.form) and row.accession and matcher.resolve(row.company, None, row.company).account_id:
                rows.setdefault(row.accession, row)
    return list(rows.values())


def _filing_events(connector: _Filings, session: EdgarSession, row: IndexRow, since: datetime,
                   now: datetime) -> list[SignalEvent]:
    index = parse_index(session.get(row.index_url))
    entry = replace(row.entry(index.accepted), items=index.items)
    if not connector.wanted(entry) or entry.updated_at < since:
        return []
    item = {"entry": entry.to_dict(), "file_number": index.file_number, **connector.fetch_filing(session, entry, index)}
    return connector.events_for(item, now)
