"""What both EDGAR connectors share: read the current-filings feed, fetch each new filing once.

The cursor is a small state dict saved with the events::

    {"last_updated": "2026-11-20T21:31:02+00:00",   newest feed time seen
     "seen": ["0001234567-26-000001", ...],          bounded; paging stops at the first known one
     "retry": [{"entry": {...}, "attempts": 1}]}    filings whose documents failed, tried again

A subclass says which feed (`form_type`), which entries matter (`wanted`), which documents to
fetch (`fetch_filing`, I/O) and what events they make (`events_for`, pure). `backfill` reads
the same filings of the last N days from EDGAR's daily indexes instead of the feed (`history`).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import urljoin

from signalwatch.connectors.base import Connector, FetchContext, Fetched, Normalized
from signalwatch.connectors.edgar.client import (
    EdgarOptions,
    EdgarSession,
    check_user_agent,
)
from signalwatch.connectors.edgar.feed import FeedEntry, feed_url, parse_feed
from signalwatch.connectors.edgar.filing_index import FilingIndex, parse_index
from signalwatch.connectors.edgar.history import recent_filings
from signalwatch.connectors.edgar.limiter import EdgarBlockedError
from signalwatch.events import SignalEvent
from signalwatch.http import FetchError

__all__ = ["EdgarConnector", "doc_text", "SEEN_LIMIT", "RETRY_LIMIT"]

SEEN_LIMIT = 2000  # accession numbers remembered; a busy day of Form D filings is ~300
RETRY_LIMIT = 3  # polls a filing's documents are tried before it is given up (and reported)
DOC_MAX_BYTES = 3_000_000


class EdgarConnector(Connector):
    """Base for the EDGAR connectors; see the module docstring."""

    form_type: ClassVar[str]
    default_interval = timedelta(minutes=15)
    # A backfill's cost is the daily index files, not the accounts: new accounts go in one batch.
    backfill_batch: ClassVar[int] = 10_000
    # Its backfill reads daily indexes (~1 MB a day) the live poll never asks for, and the filings both open are
    # few: nothing worth holding for the poll (runtime.first_poll).
    backfill_handover: ClassVar[bool] = False
    options: EdgarOptions

    def __init__(self, source_name: str, options: EdgarOptions) -> None:
        check_user_agent(options.user_agent)  # refuse to exist without a declared User-Agent
        super().__init__(source_name, options)

    @abstractmethod
    def wanted(self, entry: FeedEntry) -> bool:
        """Whether this filing's documents are worth fetching (others are only marked seen)."""

    @abstractmethod
    def fetch_filing(self, session: EdgarSession, entry: FeedEntry, index: FilingIndex) -> dict[str, Any]:
        """The raw documents of one filing, as JSON-able values (text, not parsed)."""

    @abstractmethod
    def events_for(self, item: Mapping[str, Any], now: datetime) -> list[SignalEvent]:
        """Events from one fetched filing. Pure."""

    @abstractmethod
    def indexed_form(self, form: str) -> bool:
        """Whether a daily-index row of this form may be wanted (the index lists no 8-K items)."""

    def backfill(self, ctx: FetchContext, since: datetime) -> tuple[list[SignalEvent], dict[str, str]] | None:
        """The accounts' filings since `since`, from EDGAR's daily indexes (see `history`)."""
        return recent_filings(self, EdgarSession(ctx.http, self.options), ctx.accounts, self.indexed_form,
                              since=since, now=ctx.now)

    def fetch(self, ctx: FetchContext) -> Fetched:
        session = EdgarSession(ctx.http, self.options)
        retry = {r["entry"]["accession"]: r for r in ctx.cursor.get("retry", [])}
        entries = [FeedEntry.from_dict(r["entry"]) for r in retry.values()]
        entries += [e for e in self._new_entries(session, ctx.cursor) if e.accession not in retry]
        items: list[dict[str, Any]] = []
        done: list[str] = []
        failed: list[dict[str, Any]] = []
        errors: dict[str, str] = {}
        for entry in entries:
            if not self.wanted(entry):
                done.append(entry.accession)
                continue
            try:
                index = parse_index(session.get(entry.index_url))
                items.append({"entry": entry.to_dict(), "file_number": index.file_number,
                              **self.fetch_filing(session, entry, index)})
                done.append(entry.accession)
            except EdgarBlockedError:
                raise  # stop the whole poll: every further request would extend the block
            except FetchError as exc:
                attempts = int(retry.get(entry.accession, {}).get("attempts", 0)) + 1
                errors[entry.accession] = f"{entry.company}: {exc} (attempt {attempts} of {RETRY_LIMIT})"
                if attempts < RETRY_LIMIT:
                    failed.append({"entry": entry.to_dict(), "attempts": attempts})
                else:
                    done.append(entry.accession)
        newest = max((e.updated for e in entries), default=None, key=lambda u: datetime.fromisoformat(u))
        state = {"done": done, "retry": failed, "newest": newest}
        return Fetched(cursor=ctx.cursor, items=items, state=state, errors=errors)

    def _new_entries(self, session: EdgarSession, cursor: Mapping[str, Any]) -> list[FeedEntry]:
        """Feed entries not seen before, newest first, paging until a known accession or the cap."""
        seen = set(cursor.get("seen", []))
        last = cursor.get("last_updated")
        fresh: dict[str, FeedEntry] = {}
        size = self.options.page_size
        for page in range(self.options.max_pages):
            entries = parse_feed(session.get(feed_url(self.options.base_url, self.form_type, page * size, size)))
            reached_known = any(e.accession in seen for e in entries)
            for entry in entries:
                if entry.accession not in seen:
                    fresh.setdefault(entry.accession, entry)
            older = bool(last and entries and entries[-1].updated_at < datetime.fromisoformat(last))
            if reached_known or older or not entries or not seen:
                break  # a first run reads one page: alerts are for news, not a backfill
        return list(fresh.values())

    def normalize(self, fetched: Fetched, now: datetime) -> Normalized:
        state = fetched.state
        done = list(state.get("done", []))
        done_set = set(done)
        seen = [a for a in fetched.cursor.get("seen", []) if a not in done_set]
        seen = (seen + done)[-SEEN_LIMIT:]
        last = fetched.cursor.get("last_updated")
        newest = state.get("newest")
        if newest and (not last or datetime.fromisoformat(newest) > datetime.fromisoformat(last)):
            last = newest
        cursor = {"last_updated": last, "seen": seen, "retry": list(state.get("retry", []))}
        events: list[SignalEvent] = []
        for item in fetched.items:
            events.extend(self.events_for(item, now))
        return Normalized(events=events, cursor=cursor)


def doc_text(
    session: EdgarSession, entry: FeedEntry, index: FilingIndex, *, types: tuple[str, ...], suffixes: tuple[str, ...]
) -> str | None:
    """The text of the first matching document of a filing, or None when the filing has none."""
    document = index.first(types=types, suffixes=suffixes)
    if document is None:
        return None
    url = urljoin(entry.index_url, document.href)  # hrefs may be relative to the index page
    return session.get(url, max_bytes=DOC_MAX_BYTES).decode("utf-8", "replace")
