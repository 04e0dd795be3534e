"""Closed deals from the CRM, read only: HubSpot deals and Salesforce Opportunities, won or lost.

A HubSpot deal is closed when HubSpot's calculated `hs_is_closed` says so, and won when
`hs_is_closed_won` does (every pipeline, custom stage ids included); only a record without
those properties falls back to the default pipeline's stage ids (`closedwon`, `closedlost`).
Recorded responses show a deal with no stage whose `hs_is_closed_lost` is "true" while
`hs_is_closed` is null: it is not counted as lost. A Salesforce Opportunity is closed and won
by its `IsClosed` and `IsWon` fields. The deal's company is HubSpot's primary company
(`deal_to_company`), or the Opportunity's `AccountId`; companies that are not watched accounts
are read from the CRM with the account sync's field map, so their firmographics count too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from signalwatch.crm.fetch import crm_account
from signalwatch.crm.hubspot_api import HubSpotApi, HubSpotRecord
from signalwatch.crm.salesforce_api import SalesforceApi
from signalwatch.crm.sync import CrmAccount
from signalwatch.crm.sync_config import FieldMap, HubSpotSyncConfig, SalesforceSyncConfig
from signalwatch.timeutil import parse_timestamp

__all__ = ["ClosedDeal", "DealCompany", "DealsRead", "DEAL_PROPERTIES", "hubspot_outcome", "hubspot_close_date",
           "primary_company", "hubspot_closed_deals", "opportunity_soql", "salesforce_closed_deals", "company_of"]

# What `icp suggest` reads of a HubSpot deal.
DEAL_PROPERTIES = ["dealname", "dealstage", "pipeline", "closedate", "amount", "hs_is_closed", "hs_is_closed_won"]
_DEFAULT_STAGES = {"closedwon": True, "closedlost": False}  # the default pipeline's closed stage ids
_SOQL_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class DealCompany:
    """The company a deal was with, as the CRM or the export names it, with firmographics when known."""

    ids: Mapping[str, str] = field(default_factory=dict)  # CRM -> the company's id there ("hubspot": "512")
    name: str | None = None
    domain: str | None = None
    industry: str | None = None
    employees: int | None = None
    revenue: float | None = None
    country: str | None = None


@dataclass(frozen=True)
class ClosedDeal:
    source: str  # "hubspot", "salesforce", or the CSV file it came from
    deal_id: str
    name: str
    won: bool
    closed_on: date
    company: DealCompany | None


@dataclass(frozen=True)
class DealsRead:
    """The closed deals of one source, and how many records were passed over (and why)."""

    deals: list[ClosedDeal]
    not_closed: int = 0  # open, or closed without a close date
    before: int = 0  # closed before the period asked for


def company_of(account: CrmAccount) -> DealCompany:
    return DealCompany({account.crm: account.remote_id}, account.name or None, account.domain, account.industry,
                       account.employees, account.revenue, account.country)


# -- HubSpot ----------------------------------------------------------------------------

def _flag(value: Any) -> bool | None:
    return None if value in (None, "") else str(value).strip().lower() == "true"


def hubspot_outcome(properties: Mapping[str, Any]) -> bool | None:
    """True for won, False for lost, None for open (or not known to be closed)."""
    closed = _flag(properties.get("hs_is_closed"))
    if closed is None:
        won = _flag(properties.get("hs_is_closed_won"))
        stage = str(properties.get("dealstage") or "")
        return _DEFAULT_STAGES.get(stage) if stage in _DEFAULT_STAGES else (True if won else None)
    return bool(_flag(properties.get("hs_is_closed_won"))) if closed else None


def hubspot_close_date(value: Any) -> date | None:
    """`closedate` ("2024-12-31T10:00:00Z", or a bare date) as the UTC day; None if absent or unreadable."""
    stamp = parse_timestamp(value)
    return stamp.date() if stamp is not None else None


def primary_company(links: Iterable[tuple[str, str]]) -> str | None:
    """The deal's primary company (`deal_to_company`), else the first one associated."""
    links = list(links)
    return next((company for company, label in links if label == "deal_to_company"), links[0][0] if links else None)


def hubspot_closed_deals(api: HubSpotApi, config: HubSpotSyncConfig, since: date,
                         watched: Callable[[str], bool]) -> DealsRead:
    """Deals closed on or after `since`. Companies for which `watched(company id)` is false are read
    from HubSpot (batch reads) with the sync's field map, so an unwatched company still has firmographics."""
    found: list[tuple[HubSpotRecord, bool, date, str | None]] = []
    not_closed = before = 0
    for record, links in api.iter_deals(DEAL_PROPERTIES):
        won, closed_on = hubspot_outcome(record.properties), hubspot_close_date(record.properties.get("closedate"))
        if won is None or closed_on is None:
            not_closed += 1
        elif closed_on < since:
            before += 1
        else:
            found.append((record, won, closed_on, primary_company(links)))
    unread = sorted({company for *_, company in found if company is not None and not watched(company)})
    companies = _hubspot_companies(api, config, unread)
    deals = [ClosedDeal("hubspot", record.id, str(record.properties.get("dealname") or record.id), won, closed_on,
                        None if company is None else companies.get(company, DealCompany({"hubspot": company})))
             for record, won, closed_on, company in found]
    return DealsRead(deals, not_closed, before)


def _hubspot_companies(api: HubSpotApi, config: HubSpotSyncConfig, ids: list[str]) -> dict[str, DealCompany]:
    fields = config.fields
    wanted = [name for name in (fields.name, fields.domain, fields.industry, fields.employees, fields.revenue, fields.country) if name]
    records = api.read_companies(ids, wanted) if ids else []
    return {record.id: company_of(crm_account("hubspot", record.id, record.properties, fields, config.industry_map))
            for record in records}


# -- Salesforce -------------------------------------------------------------------------

def opportunity_soql(fields: FieldMap, since: date) -> str:
    """The closed Opportunities since `since`, with their Account's mapped fields (parent fields)."""
    names = [name for name in (fields.name, fields.domain, fields.industry, fields.employees, fields.revenue, fields.country) if name]
    bad = [name for name in names if not _SOQL_FIELD.match(name)]
    if bad:
        raise ValueError(f"not an Account field name: {', '.join(bad)}")
    parents = ", ".join(f"Account.{name}" for name in dict.fromkeys(names))
    return (f"SELECT Id, Name, IsWon, IsClosed, CloseDate, AccountId, {parents} FROM Opportunity"
            f" WHERE IsClosed = true AND CloseDate >= {since.isoformat()} ORDER BY CloseDate")


def salesforce_closed_deals(api: SalesforceApi, config: SalesforceSyncConfig, since: date) -> DealsRead:
    """Opportunities closed on or after `since` (query_all follows nextRecordsUrl pages)."""
    result = api.call("opportunity query", api.sf.query_all, opportunity_soql(config.fields, since))
    deals, undated = [], 0
    for record in result.get("records", []):
        try:
            closed_on = date.fromisoformat(str(record.get("CloseDate")))
        except ValueError:
            undated += 1
            continue
        account_id, parent = record.get("AccountId"), record.get("Account")
        company = None
        if account_id:
            mapped = crm_account("salesforce", str(account_id), parent if isinstance(parent, dict) else {}, config.fields,
                                 config.industry_map)
            company = company_of(mapped)
        deals.append(ClosedDeal("salesforce", str(record["Id"]), str(record.get("Name") or record["Id"]),
                                bool(record.get("IsWon")), closed_on, company))
    return DealsRead(deals, undated)
