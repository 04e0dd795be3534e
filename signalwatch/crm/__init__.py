"""CRM integration shared by the HubSpot and Salesforce sinks and the account sync."""

# The sinks registry imports the CRM sinks, which import this package's modules: loading the
# registry first means importing e.g. signalwatch.crm.hubspot_api on its own has no cycle.
import signalwatch.sinks  # noqa: F401
