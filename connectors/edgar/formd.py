"""SEC Form D (exempt offerings, i.e. private funding) as `funding/raised` events.

Per poll: the current Form D Atom feed, then for each new filing its index page and its
`primary_doc.xml`. Pooled investment funds (a VC or hedge fund raising its own fund) are
skipped. A D/A amendment gets the same dedupe key as the offering it amends (the offering's
SEC file number, or CIK + date of first sale), so the store keeps the original and the
amendment never re-alerts. Annual amendments of old offerings are also too stale to alert on:
filings whose first sale is older than `max_first_sale_age` are dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import Field, field_validator

from signalwatch.connectors.edgar.client import EdgarOptions, EdgarSession
from signalwatch.connectors.edgar.feed import FeedEntry
from signalwatch.connectors.edgar.filing_index import FilingIndex
from signalwatch.connectors.edgar.formd_doc import FormD, FormDParseError, parse_form_d
from signalwatch.connectors.edgar.poll import EdgarConnector, doc_text
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.http import FetchError
from signalwatch.timeutil import coerce_duration

__all__ = ["FormDConnector", "FormDOptions", "form_d_event"]

SOURCE = "sec_form_d"


class FormDOptions(EdgarOptions):
    max_first_sale_age: timedelta = Field(
        default=timedelta(days=365), description="ignore offerings whose first sale is older than this"
    )

    _duration = field_validator("max_first_sale_age", mode="before")(coerce_duration)


class FormDConnector(EdgarConnector):
    """Form D filings from EDGAR's current-filings feed."""

    kind = "edgar_formd"
    Options = FormDOptions
    form_type = "D"
    options: FormDOptions

    def wanted(self, entry: FeedEntry) -> bool:
        return entry.form.upper() in ("D", "D/A")

    def indexed_form(self, form: str) -> bool:
        return form.upper() in ("D", "D/A")

    def fetch_filing(self, session: EdgarSession, entry: FeedEntry, index: FilingIndex) -> dict[str, Any]:
        body = doc_text(session, entry, index, types=("D",), suffixes=(".xml",))
        if body is None:  # an index without the XML row: the document's name is fixed by EDGAR
            body = session.get(entry.index_url.rsplit("/", 1)[0] + "/primary_doc.xml").decode("utf-8", "replace")
        try:
            parse_form_d(body)  # a bad document is reported (and retried) now, not lost in normalize
        except FormDParseError as exc:
            raise FetchError(f"{entry.accession}: {exc}") from exc
        return {"primary_doc": body}

    def events_for(self, item: Mapping[str, Any], now: datetime) -> list[SignalEvent]:
        entry = FeedEntry.from_dict(item["entry"])
        try:
            form = parse_form_d(item["primary_doc"])
        except FormDParseError:
            return []  # fetch already reported it
        if form.is_pooled_fund or _too_old(form.date_of_first_sale, now, self.options.max_first_sale_age):
            return []
        return [form_d_event(form, entry, item.get("file_number"), self.source_name, now)]


def form_d_event(form: FormD, entry: FeedEntry, file_number: str | None, source_name: str, now: datetime) -> SignalEvent:
    """The funding event of one Form D filing."""
    cik = form.cik or entry.cik
    if file_number:
        key = make_dedupe_key(SOURCE, cik, "file", file_number)
    elif form.date_of_first_sale:
        key = make_dedupe_key(SOURCE, cik, "first_sale", form.date_of_first_sale)
    else:
        key = make_dedupe_key(SOURCE, entry.accession)
    sold = form.total_amount_sold if form.total_amount_sold else None  # "$0 sold" is not a raise yet
    company = form.entity_name or entry.company
    attributes: dict[str, Any] = {
        "amount": sold,
        "currency": "USD",
        "amount_usd": sold,
        # Form D names no round; the issuer's description of an "other" security (a SAFE, a
        # convertible note) says what kind of money it is, so it stands in for the round.
        "round": form.instrument[:120] if form.instrument else "undisclosed",
        "instrument": form.instrument,
        "investors": [],
        "lead_investors": [],
        "investors_count": form.investors_count,
        "industry_group": form.industry_group,
        "revenue_range": form.revenue_range,
        "total_offering_amount": form.total_offering_amount,
        "offering_indefinite": form.offering_indefinite,
        "total_remaining": form.total_remaining,
        "date_of_first_sale": form.date_of_first_sale,
        "securities": list(form.securities),
        "cik": cik,
        "accession": entry.accession,
        "file_number": file_number,
        "is_amendment": form.is_amendment,
        "related_persons": [dict(p) for p in form.related_persons],
        "state": form.state,
        "entity_type": form.entity_type,
        "year_of_inc": form.year_of_inc,
        "source": SOURCE,
    }
    return SignalEvent(
        type=EventType.FUNDING,
        change="raised",
        source=source_name,
        source_kind=FormDConnector.kind,
        source_id=entry.accession,
        url=entry.index_url,
        title=_title(company, form, sold),
        summary=_summary(form),
        occurred_at=entry.updated_at,
        detected_at=now,
        company_name=company,
        attributes=attributes,
        dedupe_key=key,
    )


def _too_old(first_sale: str | None, now: datetime, limit: timedelta) -> bool:
    if not first_sale:
        return False
    try:
        return now.date() - date.fromisoformat(first_sale) > limit
    except ValueError:
        return False


def _title(company: str, form: FormD, sold: float | None) -> str:
    what = "Form D/A" if form.is_amendment else "Form D"
    if sold:
        return f"{company} reports ${sold:,.0f} sold in an exempt offering ({what})"
    return f"{company} files a {what} for an exempt offering"


def _summary(form: FormD) -> str:
    parts = [f"Industry: {form.industry_group or 'not stated'}."]
    if form.total_offering_amount is not None:
        parts.append(f"Offering: ${form.total_offering_amount:,.0f}.")
    elif form.offering_indefinite:
        parts.append("Offering: indefinite.")
    if form.investors_count is not None:
        parts.append(f"Investors so far: {form.investors_count}.")
    if form.date_of_first_sale:
        parts.append(f"First sale: {form.date_of_first_sale}.")
    if form.revenue_range:
        parts.append(f"Revenue: {form.revenue_range}.")
    return " ".join(parts)
