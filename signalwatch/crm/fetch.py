"""Read target accounts out of HubSpot (companies) and Salesforce (accounts) as CrmAccounts."""

from __future__ import annotations

import re
from typing import Any

from signalwatch.crm.hubspot_api import HubSpotApi
from signalwatch.crm.salesforce_api import SalesforceApi
from signalwatch.crm.sync import CrmAccount
from signalwatch.crm.sync_config import (
    FieldMap,
    HubSpotSyncConfig,
    SalesforceSyncConfig,
)

__all__ = ["hubspot_accounts", "salesforce_accounts", "soql_for"]

_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")


def _int(value: Any) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _mapped(crm: str, remote_id: str, record: dict[str, Any], fields: FieldMap, owner_email: str | None,
            tags: tuple[str, ...]) -> CrmAccount:
    def get(name: str | None) -> Any:
        return record.get(name) if name else None

    industry, country = _text(get(fields.industry)), _text(get(fields.country))
    return CrmAccount(
        crm=crm, remote_id=remote_id, name=_text(get(fields.name)) or "", domain=_text(get(fields.domain)),
        industry=industry.lower() if industry else None, employees=_int(get(fields.employees)),
        revenue=_float(get(fields.revenue)), country=country.upper() if country else None,
        owner_email=owner_email, tags=tags,
    )


def hubspot_accounts(api: HubSpotApi, config: HubSpotSyncConfig) -> list[CrmAccount]:
    """Every company the sync config selects, with its owner's email (one owners listing per sync)."""
    fields = config.fields
    wanted = [f for f in (fields.name, fields.domain, fields.industry, fields.employees, fields.revenue, fields.country,
                          config.tags_property) if f] + ["hubspot_owner_id"]
    owners = api.owners()
    accounts = []
    records = api.iter_list_companies(config.list_id, wanted) if config.list_id else api.iter_companies(wanted, config.filter_groups or None)
    for record in records:
        props = record.properties
        tags = tuple(t.strip().lower() for t in str(props.get(config.tags_property) or "").split(";") if t.strip()) if config.tags_property else ()
        owner = owners.get(str(props.get("hubspot_owner_id") or ""))
        accounts.append(_mapped("hubspot", record.id, props, fields, owner, tags))
    return accounts


def soql_for(config: SalesforceSyncConfig) -> str:
    """The SOQL query of the sync: mapped fields, the owner's email, the admin's WHERE clause."""
    fields = config.fields
    names = [f for f in (fields.name, fields.domain, fields.industry, fields.employees, fields.revenue, fields.country) if f]
    bad = [n for n in names if not _FIELD.match(n)]
    if bad:
        raise ValueError(f"not a Salesforce field name: {', '.join(bad)}")
    query = f"SELECT Id, {', '.join(dict.fromkeys(names))}, Owner.Email FROM Account"
    if config.where:
        query += f" WHERE {config.where}"
    return query + " ORDER BY Id"


def salesforce_accounts(api: SalesforceApi, config: SalesforceSyncConfig) -> list[CrmAccount]:
    """Every account the SOQL filter selects (query_all follows nextRecordsUrl pages)."""
    result = api.call("account sync", api.sf.query_all, soql_for(config))
    accounts = []
    for record in result.get("records", []):
        owner = (record.get("Owner") or {}).get("Email")
        accounts.append(_mapped("salesforce", str(record["Id"]), record, config.fields, owner, ()))
    return accounts
