"""CRM integration shared by the HubSpot and Salesforce sinks and the account sync."""
