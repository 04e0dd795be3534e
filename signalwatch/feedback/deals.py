"""New deals from the CRM, read only, for the rule report: HubSpot deals with their companies,
Salesforce Opportunities with their Account, each with when it was created.

A HubSpot deal belongs to its primary company (`deal_to_company`, `icp.deals.primary_company`);
an Opportunity to its `AccountId`. "Connected" means the CRM's sink is enabled and its token set.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, NamedTuple

from signalwatch.crm.hubspot_api import HubSpotApi
from signalwatch.crm.salesforce_api import SalesforceApi
from signalwatch.timeutil import parse_timestamp

__all__ = ["NewDeal", "hubspot_new_deals", "salesforce_new_deals", "opportunity_soql", "connected_crms", "new_deals"]


class NewDeal(NamedTuple):
    crm: str
    company_id: str | None  # the CRM's id of the deal's company (None: no company)
    created_at: datetime


def hubspot_new_deals(api: HubSpotApi, since: datetime) -> list[NewDeal]:
    """Deals created at or after `since` (HubSpot's `createdate`), with their primary company."""
    from signalwatch.icp.deals import primary_company

    found = []
    for record, links in api.iter_deals(["createdate"]):
        created = parse_timestamp(record.properties.get("createdate"))
        if created is not None and created >= since:
            found.append(NewDeal("hubspot", primary_company(links), created))
    return found


def opportunity_soql(since: datetime) -> str:
    return ("SELECT Id, AccountId, CreatedDate FROM Opportunity"
            f" WHERE CreatedDate >= {since.astimezone(timezone.utc):%Y-%m-%dT%H:%M:%SZ} ORDER BY CreatedDate")


def salesforce_new_deals(api: SalesforceApi, since: datetime) -> list[NewDeal]:
    """Opportunities created at or after `since`, with their Account (query_all follows the pages)."""
    result = api.call("opportunity query", api.sf.query_all, opportunity_soql(since))
    found = []
    for record in result.get("records", []):
        created = parse_timestamp(record.get("CreatedDate"))
        if created is not None and created >= since:
            found.append(NewDeal("salesforce", str(record["AccountId"]) if record.get("AccountId") else None, created))
    return found


def connected_crms(settings: Any) -> list[str]:
    """The CRMs whose sink is enabled with its token set."""
    return [crm for crm in ("hubspot", "salesforce")
            if (config := settings.sink_configs.get(crm)) is not None and config.enabled and settings.secret(config.token_env)]


def new_deals(settings: Any, crm: str, since: datetime) -> list[NewDeal]:
    """The new deals of one connected CRM (raises SinkError or ValueError when it cannot be read)."""
    from signalwatch.crm.run import crm_token

    config = settings.sink_configs[crm]
    if crm == "hubspot":
        from signalwatch.sinks.hubspot import build_hubspot_api

        return hubspot_new_deals(build_hubspot_api(config, crm_token(settings, crm)), since)
    from signalwatch.sinks.salesforce import build_salesforce_api

    return salesforce_new_deals(build_salesforce_api(config, crm_token(settings, crm)), since)
