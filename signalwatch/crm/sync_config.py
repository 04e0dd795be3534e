"""What the account sync imports from each CRM: the `sync:` block of the hubspot/salesforce sink config."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["HubSpotSyncConfig", "SalesforceSyncConfig", "FieldMap"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldMap(_Strict):
    """Which CRM field fills which account attribute (None: not imported)."""

    name: str
    domain: str
    industry: str | None = None
    employees: str | None = None
    revenue: str | None = None
    country: str | None = None


class HubSpotSyncConfig(_Strict):
    """Import HubSpot companies as target accounts: all of them, or those matching `filter_groups`."""

    enabled: bool = False
    interval: str = "6h"
    filter_groups: list[dict[str, Any]] = Field(
        default_factory=list,
        description="HubSpot CRM search filterGroups, e.g. [{filters: [{propertyName: lifecyclestage, operator: EQ, value: opportunity}]}]",
    )
    fields: FieldMap = FieldMap(name="name", domain="domain", industry="industry", employees="numberofemployees",
                                revenue="annualrevenue", country="country")
    tags_property: str | None = Field(default=None, description="a multi-select property (values split on ;) copied into tags")


class SalesforceSyncConfig(_Strict):
    """Import Salesforce accounts as target accounts, chosen by a SOQL WHERE clause."""

    enabled: bool = False
    interval: str = "6h"
    where: str | None = Field(default=None, description="SOQL condition, e.g. \"Type = 'Prospect'\"")
    fields: FieldMap = FieldMap(name="Name", domain="Website", industry="Industry", employees="NumberOfEmployees",
                                revenue="AnnualRevenue", country="BillingCountry")
