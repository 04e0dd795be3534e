"""`signalwatch doctor` for the HubSpot sink: the token, the properties our records need, the owners.

Every check is a read (property definitions, the owners list): doctor writes nothing to HubSpot.
The properties are the ones `signalwatch crm setup hubspot` creates, so that is the fix it names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from signalwatch.crm.hubspot_api import ALERT_KEY_PROPERTY, SIGNAL_PROPERTIES, HubSpotApi, HubSpotApiError
from signalwatch.preflight import Finding, Owner, SinkUse, by_email, passed, problem, routed_actions, unrouted
from signalwatch.sinks.base import SinkError

if TYPE_CHECKING:
    from signalwatch.sinks.hubspot import HubSpotConfig

__all__ = ["check_hubspot"]

T = TypeVar("T")
_SETUP = "run `signalwatch crm setup hubspot`"
_RECORDS = {"task": "tasks", "note": "notes"}


class _Stop(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def check_hubspot(api: HubSpotApi, config: HubSpotConfig, use: SinkUse) -> list[Finding]:
    """The token (through the first read), then what the routed actions write, then the owners."""
    actions = routed_actions(use, tuple(config.default_action))
    findings: list[Finding] = []
    try:
        if not _exists(api, "companies", config.domain_property):
            findings.append(problem("hubspot", f"companies have no property {config.domain_property!r}, so no alert finds its company",
                                    "set sinks.hubspot.domain_property to the company property that holds the domain"))
        findings.insert(0, passed("hubspot", "token accepted"))
        findings += filter(None, [unrouted("hubspot", use)])
        if "properties" in actions:
            missing = [spec["name"] for spec in SIGNAL_PROPERTIES if not _exists(api, "companies", spec["name"])]
            findings.append(problem("hubspot", f"company properties missing: {', '.join(missing)} (alerts would fail to update companies)",
                                    _SETUP) if missing else passed("hubspot", "the signalwatch company properties exist"))
        for action in sorted(actions & set(_RECORDS)):
            kind = _RECORDS[action]
            if _ask(api.has_unique_key, kind):
                findings.append(passed("hubspot", f"{kind} carry a unique {ALERT_KEY_PROPERTY}: each alert is written once"))
            else:
                findings.append(problem("hubspot", f"{kind} have no unique {ALERT_KEY_PROPERTY} property: a retry after a timeout "
                                                   f"cannot tell whether the first attempt arrived", _SETUP))
        if config.assign_owner and actions & set(_RECORDS):
            findings += _owners(api, by_email(use.owners))
        if config.sync.enabled and config.sync.contacts:
            findings.append(_contacts(api))
    except _Stop as stop:
        findings.append(stop.finding)
    return findings


def _contacts(api: HubSpotApi) -> Finding:
    """The account sync brings contacts (whom an alert names): a contact batch read the scope allows."""
    try:
        api.probe_contacts()
    except HubSpotApiError as exc:
        if exc.status != 403:
            raise _Stop(problem("hubspot", f"cannot read contacts: {exc}", "see the message; `signalwatch doctor` again once fixed")) from None
        return problem("hubspot", f"the private app may not read contacts, so alerts name no one to reach: {exc}",
                       "grant the private app crm.objects.contacts.read and use its new token, or set sinks.hubspot.sync.contacts: false")
    return passed("hubspot", "contacts can be read: alerts can name whom to reach")


def _owners(api: HubSpotApi, emails: dict[str, Owner]) -> list[Finding]:
    if not emails:
        return []
    known = set(_ask(api.owners).values())
    missing = [owner for email, owner in emails.items() if email not in known]
    findings = [problem(f"hubspot owner {owner.email}", f"no HubSpot user has this email: tasks for this owner's accounts{owner.owned()} "
                        "are created unassigned", "add the owner as a HubSpot user, or fix the account's owner_email") for owner in missing]
    if len(missing) < len(emails):
        findings.append(passed("hubspot", f"{len(emails) - len(missing)} of {len(emails)} account owner(s) are HubSpot users"))
    return findings


def _exists(api: HubSpotApi, object_type: str, name: str) -> bool:
    return _ask(api.has_property, object_type, name)


def _ask(read: Callable[..., T], *args: str) -> T:
    """Run one read; a refused token, a missing scope or an unreachable HubSpot stops the checks."""
    try:
        return read(*args)
    except HubSpotApiError as exc:
        if exc.status == 401:
            raise _Stop(problem("hubspot", f"HubSpot refused the token: {exc}",
                                "set the token variable (sinks.hubspot.token_env, HUBSPOT_ACCESS_TOKEN by default) to the "
                                "private app's access token (Settings → Integrations → Private Apps)")) from None
        if exc.status == 403:
            raise _Stop(problem("hubspot", f"the private app may not do this: {exc}",
                                "grant the private app the scopes named in the README (companies read/write, schemas "
                                "read/write, owners read) and use its new token")) from None
        raise _Stop(problem("hubspot", str(exc), "see the message; `signalwatch doctor` again once fixed")) from None
    except SinkError as exc:
        raise _Stop(problem("hubspot", f"cannot reach HubSpot: {exc}", "check the network, any proxy, and sinks.hubspot.host")) from None
