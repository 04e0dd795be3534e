"""SEC 8-K Item 5.02 (officer and director changes) as `leadership/appointed|departed` events.

Per poll: the current 8-K Atom feed, keeping filings whose listing names Item 5.02 (the
summary reads "Item 5.02: Departure of Directors or Certain Officers; ..."); then each
filing's index page, its main document and, when the main document does not say who and
as what, its EX-99 press release. 8-K/A amendments are skipped: they add detail (usually pay)
to a change already reported. A 5.02 filing that only concerns pay yields no event; one that
states a change of a role-holder it does not name ("the resignation tendered by its principal
accounting officer") yields an event with person and title null, one per kind of change stated.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from signalwatch.connectors.edgar.client import EdgarOptions, EdgarSession
from signalwatch.connectors.edgar.eightk_text import (
    OfficerChange,
    html_text,
    item_502_section,
    officer_changes,
    unnamed_changes,
)
from signalwatch.connectors.edgar.feed import FeedEntry
from signalwatch.connectors.edgar.filing_index import FilingIndex
from signalwatch.connectors.edgar.poll import EdgarConnector, doc_text
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.http import FetchError
from signalwatch.titles import classify_title

__all__ = ["EightKConnector", "leadership_changes"]

SOURCE = "sec_8k_502"
_DOC_SUFFIXES = (".htm", ".html", ".txt")


class EightKConnector(EdgarConnector):
    """8-K filings listing Item 5.02, from EDGAR's current-filings feed."""

    kind = "edgar_8k"
    Options = EdgarOptions
    form_type = "8-K"

    def wanted(self, entry: FeedEntry) -> bool:
        return entry.form.upper() == "8-K" and "5.02" in entry.items

    def indexed_form(self, form: str) -> bool:
        return form.upper() == "8-K"

    def fetch_filing(self, session: EdgarSession, entry: FeedEntry, index: FilingIndex) -> dict[str, Any]:
        main = doc_text(session, entry, index, types=("8-K",), suffixes=_DOC_SUFFIXES)
        exhibit = None
        if main is None or not officer_changes(item_502_section(html_text(main)), entry.company):
            exhibit = doc_text(session, entry, index, types=("EX-99",), suffixes=_DOC_SUFFIXES)
        if main is None and exhibit is None:
            raise FetchError(f"{entry.accession}: the filing index lists no readable 8-K document")
        return {"main": main, "exhibit": exhibit}

    def events_for(self, item: Mapping[str, Any], now: datetime) -> list[SignalEvent]:
        entry = FeedEntry.from_dict(item["entry"])
        changes = leadership_changes(item.get("main"), item.get("exhibit"), entry.company)
        return [_event(change, entry, self.source_name, now) for change in changes]


def leadership_changes(main: str | None, exhibit: str | None, company: str | None) -> list[OfficerChange]:
    """The changes a 5.02 filing states: its Item 5.02 text first, the press release second."""
    section = item_502_section(html_text(main)) if main else ""
    release = html_text(exhibit) if exhibit else ""
    for text in (section, release):
        found = officer_changes(text, company) if text else []
        if found:
            return found
    # Nothing pinned to a person: report only changes the text states of an unnamed role-holder, one per
    # kind actually stated, never a guess from keywords (pay terms say "termination" and "retirement" too).
    return unnamed_changes(section) or unnamed_changes(release)


def _event(change: OfficerChange, entry: FeedEntry, source_name: str, now: datetime) -> SignalEvent:
    if change.person:  # the same change restated in a later filing is the same fact
        key = make_dedupe_key(SOURCE, entry.cik, change.change, change.person)
    else:
        key = make_dedupe_key(SOURCE, entry.accession, change.change)
    who = change.person or "An officer or director"
    role = f" as {change.title}" if change.title else ""
    verb = "appointed" if change.change == "appointed" else "departs"
    title_class = classify_title(change.title, officer=True) if change.title else None
    return SignalEvent(
        type=EventType.LEADERSHIP,
        change=change.change,
        source=source_name,
        source_kind=EightKConnector.kind,
        source_id=entry.accession,
        url=entry.index_url,
        title=f"{entry.company}: {who} {verb}{role} (8-K Item 5.02)",
        summary=change.evidence or "",
        occurred_at=entry.updated_at,
        detected_at=now,
        company_name=entry.company,
        attributes={
            "person": change.person,
            "title": change.title,
            "function": title_class.function if title_class else None,
            "seniority": title_class.seniority if title_class else None,
            "source": SOURCE,
            "cik": entry.cik,
            "accession": entry.accession,
            "items": list(entry.items),
        },
        dedupe_key=key,
    )
