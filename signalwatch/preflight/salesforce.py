"""`signalwatch doctor` for the Salesforce sink: the access token and the fields the sink reads and writes.

Two sObject Describe reads (Account, and Task when a route writes tasks) show every field the
token's user can see, with `createable`/`updateable` as field-level security allows: a custom
field missing or read-only becomes a dead letter at the first alert, so it is named here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from signalwatch.crm.salesforce_api import SalesforceApi
from signalwatch.preflight import Finding, SinkUse, passed, problem, routed_actions, unrouted
from signalwatch.sinks.base import SinkError

if TYPE_CHECKING:
    from signalwatch.sinks.salesforce import SalesforceConfig

__all__ = ["check_salesforce"]

_REFUSED = re.compile(r"HTTP 401\b")
_CREATE_FIELD = "create it in Setup → Object Manager → {sobject} → Fields & Relationships"


class _Stop(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def check_salesforce(api: SalesforceApi, config: SalesforceConfig, use: SinkUse) -> list[Finding]:
    actions = routed_actions(use, tuple(config.default_action))
    findings: list[Finding] = []
    try:
        account = _fields(api, "Account")
        findings.append(passed("salesforce", "access token accepted"))
        findings += filter(None, [unrouted("salesforce", use)])
        if config.domain_field:
            findings += _field_check(account, "Account", config.domain_field, None, "sinks.salesforce.domain_field")
        for name in config.update_fields:
            findings += _field_check(account, "Account", name, "updateable", "sinks.salesforce.update_fields")
        if config.alert_key_field and actions & {"task", "note"}:
            findings += _field_check(_fields(api, "Task"), "Task", config.alert_key_field, "createable", "sinks.salesforce.alert_key_field")
        if config.sync.enabled and config.sync.contacts:
            findings += _contacts(api)
    except _Stop as stop:
        findings.append(stop.finding)
    return findings


# What the account sync reads of each Contact, so that an alert can name whom to reach.
_CONTACT_FIELDS = ("Title", "Email", "AccountId", "OwnerId")
_NO_CONTACTS = "or set sinks.salesforce.sync.contacts: false"


def _contacts(api: SalesforceApi) -> list[Finding]:
    """The sync brings contacts: the token's user must see Contact and the fields it reads."""
    try:
        fields = _fields(api, "Contact")
    except _Stop as stop:
        return [problem("salesforce Contact", f"contacts cannot be read, so alerts name no one to reach: {stop.finding.message}",
                        f"give the token's user Read on Contacts (profile or permission set), {_NO_CONTACTS}")]
    hidden = [name for name in _CONTACT_FIELDS if name not in fields]
    if hidden:
        return [problem("salesforce Contact", f"the token's user cannot see Contact.{', Contact.'.join(hidden)}, which the sync reads",
                        f"grant read access to those fields (field-level security), {_NO_CONTACTS}")]
    return [passed("salesforce Contact", "contacts and the fields the sync reads are visible: alerts can name whom to reach")]


def _field_check(fields: dict[str, dict[str, Any]], sobject: str, name: str, access: str | None, setting: str) -> list[Finding]:
    """One finding for the field `name` of `sobject`: present, and writable when `access` says so."""
    subject = f"salesforce {sobject}.{name}"
    field = fields.get(name)
    if field is None:
        return [problem(subject, f"{sobject} has no field {name} (or the token's user cannot see it)",
                        f"{_CREATE_FIELD.format(sobject=sobject)} and grant field-level access, or change {setting}")]
    if access and not field.get(access):
        verb = "update" if access == "updateable" else "set"
        return [problem(subject, f"the token's user may not {verb} {sobject}.{name}",
                        f"grant edit access to the field (field-level security), or change {setting}")]
    return [passed(subject, "exists" + (" and is writable" if access else ""))]


def _fields(api: SalesforceApi, sobject: str) -> dict[str, dict[str, Any]]:
    """The fields of `sobject` by API name, from its sObject Describe."""
    try:
        described = api.call(f"describe {sobject}", getattr(api.sf, sobject).describe)
    except SinkError as exc:
        if _REFUSED.search(str(exc)):
            raise _Stop(problem("salesforce", f"Salesforce refused the access token: {exc}",
                                "set the token variable (sinks.salesforce.token_env, SALESFORCE_ACCESS_TOKEN by default) to a current "
                                "access token: session ids expire, so issue a new one (e.g. `sf org display`)")) from None
        raise _Stop(problem("salesforce", f"cannot read the {sobject} fields: {exc}",
                            "check sinks.salesforce.instance_url, the network, and that the user may read this object")) from None
    return {str(field.get("name")): field for field in described.get("fields") or []}
