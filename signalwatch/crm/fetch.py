"""Read target accounts out of HubSpot (companies) and Salesforce (accounts) as CrmAccounts."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from signalwatch.accounts.country import country_code
from signalwatch.crm.contacts import ContactListing, CrmContact, hubspot_contact_url, salesforce_contact_url
from signalwatch.crm.hubspot_api import HubSpotApi
from signalwatch.crm.salesforce_api import SalesforceApi
from signalwatch.crm.sync import CrmAccount
from signalwatch.crm.sync_config import (
    FieldMap,
    HubSpotSyncConfig,
    SalesforceSyncConfig,
)

__all__ = ["hubspot_accounts", "salesforce_accounts", "soql_for", "industry_word", "INDUSTRY_WORDS", "crm_account",
           "hubspot_contacts", "salesforce_contacts", "CONTACT_PROPERTIES"]

# The HubSpot contact properties the sync reads (default properties of every portal).
CONTACT_PROPERTIES = ["firstname", "lastname", "jobtitle", "email", "hubspot_owner_id"]

_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")

# CRM industry values -> the words ICP files use (rules/icp.yaml: software, saas, fintech, ...).
# HubSpot's `industry` is an enumeration (COMPUTER_SOFTWARE); stored as is, `computer_software`
# matched no ICP word and dropped tier-A accounts to C. Only values whose readable form differs
# from the ICP word are listed; any other value is kept readable (lower case, `_` as spaces:
# COMPUTER_GAMES -> "computer games"; Salesforce's Industry picklist, plain words, stays as it is).
# A sync's `industry_map` adds to this table and wins over it (e.g. FINANCIAL_SERVICES: fintech,
# which is no default: a bank is not a fintech).
INDUSTRY_WORDS: dict[str, str] = {
    "COMPUTER_SOFTWARE": "software",
    "SOFTWARE_DEVELOPMENT": "software",  # HubSpot's newer (LinkedIn v2) industry list
    "INFORMATION_TECHNOLOGY_AND_SERVICES": "it services",
    "IT_SERVICES_AND_IT_CONSULTING": "it services",
    "HOSPITAL_HEALTH_CARE": "healthcare",
    "HOSPITALS_AND_HEALTH_CARE": "healthcare",
    "COMPUTER_NETWORK_SECURITY": "cybersecurity",
    "COMPUTER_AND_NETWORK_SECURITY": "cybersecurity",
}


def _industry_key(value: str) -> str:
    """The table key of a CRM value: "Computer Software", "computer-software" and COMPUTER_SOFTWARE are one."""
    return re.sub(r"[\s\-]+", "_", value.strip()).upper()


def industry_word(value: Any, overrides: Mapping[str, str] | None = None) -> str | None:
    """The industry as the ICP spells it: mapped by `overrides` (a sync's `industry_map`), then by
    INDUSTRY_WORDS, else the CRM's value made readable (lower case, underscores as spaces)."""
    text = _text(value)
    if text is None:
        return None
    key = _industry_key(text)
    mapped = {_industry_key(k): v for k, v in (overrides or {}).items()}.get(key) or INDUSTRY_WORDS.get(key)
    readable = mapped if mapped is not None else text
    return re.sub(r"[_\s]+", " ", readable).strip().lower() or None


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
            tags: tuple[str, ...], industry_map: Mapping[str, str]) -> CrmAccount:
    def get(name: str | None) -> Any:
        return record.get(name) if name else None

    country = _text(get(fields.country))
    return CrmAccount(
        crm=crm, remote_id=remote_id, name=_text(get(fields.name)) or "", domain=_text(get(fields.domain)),
        industry=industry_word(get(fields.industry), industry_map), employees=_int(get(fields.employees)),
        revenue=_float(get(fields.revenue)), country=country_code(country),
        owner_email=owner_email, tags=tags,
    )


def crm_account(crm: str, remote_id: str, record: Mapping[str, Any], fields: FieldMap,
                industry_map: Mapping[str, str]) -> CrmAccount:
    """One CRM company/account record mapped to our fields as a sync maps it, without owner or tags
    (`icp suggest` reads the companies of closed deals this way)."""
    return _mapped(crm, remote_id, dict(record), fields, None, (), industry_map)


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
        accounts.append(_mapped("hubspot", record.id, props, fields, owner, tags, config.industry_map))
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
        accounts.append(_mapped("salesforce", str(record["Id"]), record, config.fields, owner, (), config.industry_map))
    return accounts


def _full_name(first: Any, last: Any) -> str:
    return " ".join(part for part in (_text(first), _text(last)) if part)


def hubspot_contacts(api: HubSpotApi, companies: Sequence[str], portal_id: str | None) -> ContactListing:
    """The contacts associated with any of `companies` (one entry per contact and company), with
    their owner's email and, when the portal is known, a link to their record. Read only, and only
    these companies' people: their contact ids by association batch reads (1,000 companies a
    request), then those contacts by batch reads (100 a request), never the portal's whole
    contact list. A company HubSpot reports an error for is in `unread`, with the error."""
    owners = api.owners()
    links = api.company_contact_ids(companies)
    records = {record.id: record for record in api.read_contacts([c for ids in links.ids.values() for c in ids], CONTACT_PROPERTIES)}
    found = []
    for company, contact_ids in links.ids.items():
        for record in (records[c] for c in contact_ids if c in records):  # one missing was deleted between the reads
            props = record.properties
            name = _full_name(props.get("firstname"), props.get("lastname")) or _text(props.get("email")) or ""
            owner = owners.get(str(props.get("hubspot_owner_id") or ""))
            found.append(CrmContact("hubspot", company, record.id, name, _text(props.get("jobtitle")), _text(props.get("email")),
                                    owner, hubspot_contact_url(portal_id, record.id)))
    return ContactListing(found, dict(links.problems))


def salesforce_contacts(api: SalesforceApi, account_ids: Sequence[str], base_url: str | None) -> list[CrmContact]:
    """The Contact records of these Salesforce accounts, with their owner's email and record link. Read only."""
    found = []
    for record in api.contacts(account_ids):
        owner = (record.get("Owner") or {}).get("Email")
        contact_id = str(record["Id"])
        name = _text(record.get("Name")) or _full_name(record.get("FirstName"), record.get("LastName"))
        found.append(CrmContact("salesforce", str(record.get("AccountId") or ""), contact_id, name,
                                _text(record.get("Title")), _text(record.get("Email")), str(owner).lower() if owner else None,
                                salesforce_contact_url(base_url, contact_id)))
    return found
