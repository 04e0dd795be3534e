"""What the account sync imports from each CRM: the `sync:` block of the hubspot/salesforce sink config."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from signalwatch.timeutil import coerce_duration

__all__ = ["HubSpotSyncConfig", "SalesforceSyncConfig", "FieldMap"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Sync(_Strict):
    enabled: bool = False
    interval: timedelta = timedelta(hours=6)
    industry_map: dict[str, str] = Field(
        default_factory=dict,
        description="CRM industry value -> the word your ICP uses (e.g. FINANCIAL_SERVICES: fintech); "
                    "added to, and winning over, the built-in table in signalwatch.crm.fetch")

    contacts: bool = Field(
        default=True,
        description="also import each synced account's contacts (name, title, email, owner), so alerts can say whom to reach")

    _duration = field_validator("interval", mode="before")(coerce_duration)


class FieldMap(_Strict):
    """Which CRM field fills which account attribute (None: not imported)."""

    name: str
    domain: str
    industry: str | None = None
    employees: str | None = None
    revenue: str | None = None
    country: str | None = None


class HubSpotSyncConfig(_Sync):
    """Import HubSpot companies as target accounts: all of them, a list's members, or those matching `filter_groups`."""

    list_id: str | None = Field(default=None, description="a HubSpot company list (its ILS id): import its members")
    filter_groups: list[dict[str, Any]] = Field(
        default_factory=list,
        description="HubSpot CRM search filterGroups, e.g. [{filters: [{propertyName: lifecyclestage, operator: EQ, value: opportunity}]}]",
    )
    fields: FieldMap = FieldMap(name="name", domain="domain", industry="industry", employees="numberofemployees",
                                revenue="annualrevenue", country="country")
    tags_property: str | None = Field(default=None, description="a multi-select property (values split on ;) copied into tags")
    portal_id: str | None = Field(
        default=None, pattern=r"^[0-9]+$",
        description="your HubSpot account (portal) id, for links to contact records; else read from "
                    "sinks.slack.actions.crm_links.hubspot")

    @model_validator(mode="after")
    def _one_selection(self) -> HubSpotSyncConfig:
        if self.list_id and self.filter_groups:
            raise ValueError("choose the companies with list_id or filter_groups, not both")
        return self


class SalesforceSyncConfig(_Sync):
    """Import Salesforce accounts as target accounts, chosen by a SOQL WHERE clause."""
    where: str | None = Field(default=None, description="SOQL condition, e.g. \"Type = 'Prospect'\"")
    fields: FieldMap = FieldMap(name="Name", domain="Website", industry="Industry", employees="NumberOfEmployees",
                                revenue="AnnualRevenue", country="BillingCountry")
