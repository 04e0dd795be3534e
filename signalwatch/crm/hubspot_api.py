"""The HubSpot calls signalwatch makes, through hubspot-api-client, with one error policy.

Every call passes the client-side limiter first and maps failures to `SinkError`: 429 is
retryable after the policy's window, 5xx and network errors are retryable, other 4xx are
not. A network failure after the request left (a read timeout, a reset while waiting for
the answer) is `uncertain`: HubSpot may have acted, so delivery asks `confirm` before any
resend; a failure to connect is certain. The client's own urllib3 retries are switched off
(`retry=False`): the delivery loop owns retries, so there is never a retry inside a retry.
The token is only handed to the client, and is cut out of every error text HubSpot sends
back (before that text is shortened, so no fragment of it survives either).

Tasks and notes carry the alert key in `signalwatch_alert_key`, a property with unique
values (created by `crm setup hubspot`): HubSpot itself refuses a second object with the
same key (409), and the object is read back by that key (`idProperty`) straight from the
store. Search, by contrast, reads an index that lags writes by seconds, so it cannot tell
"absent" from "not indexed yet".
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import urllib3

from signalwatch.http import parse_retry_after
from signalwatch.http.ratelimit import WindowLimiter
from signalwatch.sinks.base import SinkError

__all__ = ["HubSpotApi", "HubSpotApiError", "HubSpotRecord", "AssociationRead", "ASSOCIATION_BATCH", "OBJECT_BATCH",
           "SIGNAL_PROPERTIES", "TASK_TO_COMPANY", "NOTE_TO_COMPANY", "ALERT_KEY_PROPERTY", "KEYED_OBJECTS"]

log = logging.getLogger(__name__)

# HubSpot-defined association type ids (v4 associations): task → company, note → company.
TASK_TO_COMPANY = 192
NOTE_TO_COMPANY = 190
# The company properties signalwatch owns (created by `signalwatch crm setup hubspot`).
SIGNAL_PROPERTIES: tuple[dict[str, str], ...] = (
    {"name": "signalwatch_last_signal", "label": "Last trigger signal", "type": "string", "fieldType": "text"},
    {"name": "signalwatch_last_signal_date", "label": "Last trigger signal date", "type": "datetime", "fieldType": "date"},
    {"name": "signalwatch_signal_heat", "label": "Signal heat", "type": "number", "fieldType": "number"},
)
# The unique-value property holding the alert key on the tasks and notes signalwatch creates.
ALERT_KEY_PROPERTY = "signalwatch_alert_key"
KEYED_OBJECTS = ("tasks", "notes")
_KEY_GROUP = "signalwatch"  # our own property group on tasks/notes (their built-in group names vary)
_ALERT_KEY_SPEC: dict[str, Any] = {
    "name": ALERT_KEY_PROPERTY, "label": "signalwatch alert key", "type": "string", "fieldType": "text",
    "hasUniqueValue": True, "groupName": _KEY_GROUP,
    "description": "Written by signalwatch: the alert this record came from (unique, so an alert is written once).",
}
# Batch sizes HubSpot accepts: association batch reads take at most 1,000 ids (developer changelog,
# "Batch Read Limit for HubSpot Associations API", from 2025-02-10); object batch reads 100.
ASSOCIATION_BATCH = 1000
OBJECT_BATCH = 100
NO_ASSOCIATIONS = "crm.associations.NO_ASSOCIATIONS_FOUND"  # a 207 error that only says "none"
_POLICY_WAIT = {"TEN_SECONDLY_ROLLING": 10.0, "SECONDLY": 1.0, "DAILY": 3600.0}
_BEFORE_SENDING = (urllib3.exceptions.ConnectTimeoutError, urllib3.exceptions.SSLError, urllib3.exceptions.ProxyError,
                   urllib3.exceptions.LocationParseError)


class HubSpotApiError(SinkError):
    """HubSpot answered with an HTTP error; `status` tells a conflict (409) from other refusals."""

    def __init__(self, message: str, *, status: int, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(message, retryable=retryable, retry_after=retry_after, credentials=status == 401)
        self.status = status


@dataclass(frozen=True)
class HubSpotRecord:
    id: str
    properties: dict[str, Any]


@dataclass(frozen=True)
class AssociationRead:
    """What an association batch read found: each company's contact ids (an empty list: none),
    and the companies HubSpot reported an error for instead, with its message."""

    ids: dict[str, list[str]]
    problems: dict[str, str]


class HubSpotApi:
    """A thin, rate-limited facade over the generated HubSpot clients."""

    def __init__(self, token: str, *, host: str, timeout: float, limiter: WindowLimiter,
                 search_limiter: WindowLimiter) -> None:
        from hubspot import (
            HubSpot,  # imported on first use: it is slow to load and most commands never need it
        )

        self._client = HubSpot(access_token=token, host=host.rstrip("/"), retry=False)
        self._token = token
        self._timeout = timeout
        self._limiter = limiter
        self._search_limiter = search_limiter
        self._owner_ids: dict[str, str | None] = {}

    # -- lookups ----------------------------------------------------------------------

    def find_company(self, domain: str, domain_property: str = "domain") -> HubSpotRecord | None:
        """The company whose domain property equals `domain` (oldest if several), with its signal date."""
        found = self._search("companies", [{"propertyName": domain_property, "operator": "EQ", "value": domain}],
                             properties=[domain_property, "name", "signalwatch_last_signal_date"], limit=10)
        return min(found, key=lambda r: int(r.id) if r.id.isdigit() else 0) if found else None

    def find_by_token(self, object_type: str, prop: str, token: str) -> str | None:
        """The id of a task/note whose `prop` contains `token` (our alert-key marker)."""
        found = self._search(object_type, [{"propertyName": prop, "operator": "CONTAINS_TOKEN", "value": token}],
                             properties=[prop], limit=1)
        return found[0].id if found else None

    def secrets(self) -> tuple[str, ...]:
        """The credentials this client sends, for redaction wherever error texts are kept."""
        return (self._token,)

    def has_unique_key(self, object_type: str) -> bool:
        """Whether `signalwatch_alert_key` exists on tasks/notes with unique values (`crm setup hubspot`)."""
        try:
            found = self._call("get property", self._client.crm.properties.core_api.get_by_name, object_type, ALERT_KEY_PROPERTY)
        except HubSpotApiError as exc:
            if exc.status == 404:
                return False
            raise
        return bool(getattr(found, "has_unique_value", False))

    def has_property(self, object_type: str, name: str) -> bool:
        """Whether `object_type` has a property called `name` (`signalwatch doctor`)."""
        try:
            self._call("get property", self._client.crm.properties.core_api.get_by_name, object_type, name)
        except HubSpotApiError as exc:
            if exc.status == 404:
                return False
            raise
        return True

    def get_by_key(self, object_type: str, key: str) -> str | None:
        """The id of the task/note whose alert key is `key`: a read by unique property, not a search,
        so an object HubSpot has stored is found even while the search index lags."""
        api = getattr(self._client.crm.objects, object_type).basic_api
        try:
            found = self._call(f"read {object_type}", api.get_by_id, key, id_property=ALERT_KEY_PROPERTY, properties=[ALERT_KEY_PROPERTY])
        except HubSpotApiError as exc:
            if exc.status == 404:
                return None
            raise
        return str(found.id)

    def owner_id(self, email: str | None) -> str | None:
        """The HubSpot owner id for a user's email, cached for the process."""
        if not email:
            return None
        key = email.lower()
        if key not in self._owner_ids:
            page = self._call("owners", self._client.crm.owners.owners_api.get_page, email=key, limit=1)
            results = page.results or []
            self._owner_ids[key] = str(results[0].id) if results else None
        return self._owner_ids[key]

    def owners(self) -> dict[str, str]:
        """Every owner: HubSpot owner id → email."""
        owners: dict[str, str] = {}
        after = None
        while True:
            page = self._call("owners", self._client.crm.owners.owners_api.get_page, limit=100, after=after)
            for owner in page.results or []:
                if owner.email:
                    owners[str(owner.id)] = str(owner.email).lower()
            after = _next_after(page)
            if after is None:
                return owners

    def iter_companies(self, properties: list[str], filter_groups: list[dict[str, Any]] | None) -> Iterator[HubSpotRecord]:
        """Every live company (all, or those matching `filter_groups` via the search API)."""
        after = None
        while True:
            if filter_groups:
                self._search_limiter.acquire()
                request = {"filterGroups": filter_groups, "properties": properties, "limit": 100, "after": after or "0",
                           "sorts": [{"propertyName": "hs_object_id", "direction": "ASCENDING"}]}
                page = self._call("company search", self._client.crm.companies.search_api.do_search,
                                  public_object_search_request=request)
            else:
                page = self._call("company list", self._client.crm.companies.basic_api.get_page,
                                  limit=100, after=after, properties=properties, archived=False)
            for item in page.results or []:
                yield HubSpotRecord(str(item.id), dict(item.properties or {}))
            after = _next_after(page)
            if after is None:
                return

    def iter_list_companies(self, list_id: str, properties: list[str]) -> Iterator[HubSpotRecord]:
        """Every company in a HubSpot list (memberships, then batch reads of 100)."""
        ids: list[str] = []
        after = None
        while True:
            page = self._call("list memberships", self._client.crm.lists.memberships_api.get_page, list_id, limit=250, after=after)
            ids += [str(item.record_id) for item in page.results or []]
            after = _next_after(page)
            if after is None:
                break
        for start in range(0, len(ids), 100):
            batch = self._call("company batch read", self._client.crm.companies.batch_api.read, batch_read_input_simple_public_object_id={
                "inputs": [{"id": record_id} for record_id in ids[start:start + 100]], "properties": properties, "propertiesWithHistory": []})
            for item in batch.results or []:
                yield HubSpotRecord(str(item.id), dict(item.properties or {}))

    def read_companies(self, ids: list[str], properties: list[str]) -> list[HubSpotRecord]:
        """The companies with these ids, by batch reads of 100; an id HubSpot no longer holds is left out."""
        found = []
        for start in range(0, len(ids), 100):
            batch = self._call("company batch read", self._client.crm.companies.batch_api.read, batch_read_input_simple_public_object_id={
                "inputs": [{"id": record_id} for record_id in ids[start:start + 100]], "properties": properties, "propertiesWithHistory": []})
            found += [HubSpotRecord(str(item.id), dict(item.properties or {})) for item in batch.results or []]
        return found

    def iter_deals(self, properties: list[str]) -> Iterator[tuple[HubSpotRecord, list[tuple[str, str]]]]:
        """Every live deal with its company associations, [(company id, association label)] in the
        API's order (`icp suggest`; read only). The labels are `deal_to_company` for the primary
        company and `deal_to_company_unlabeled`, under which HubSpot lists each company again."""
        after = None
        while True:
            page = self._call("deal list", self._client.crm.deals.basic_api.get_page, limit=100, after=after,
                              properties=properties, associations=["companies"], archived=False)
            for item in page.results or []:
                companies = (item.associations or {}).get("companies")
                links = [(str(link.id), str(link.type)) for link in (companies.results if companies else None) or []]
                yield HubSpotRecord(str(item.id), dict(item.properties or {})), links
            after = _next_after(page)
            if after is None:
                return

    def company_contact_ids(self, company_ids: Sequence[str]) -> AssociationRead:
        """The ids of each company's contacts, by v4 association batch reads of up to 1,000
        companies (HubSpot's limit); a company whose list runs past one page is asked again with
        its `after`. Read only. A 207 answer keeps what it holds: a company HubSpot says has no
        contacts (`NO_ASSOCIATIONS_FOUND`) gets an empty list, one it reports another error for
        is left out and named in `problems`."""
        found: dict[str, list[str]] = {}
        problems: dict[str, str] = {}
        pending: list[tuple[str, str | None]] = [(company, None) for company in dict.fromkeys(company_ids)]
        while pending:
            batch, pending = pending[:ASSOCIATION_BATCH], pending[ASSOCIATION_BATCH:]
            inputs = [{"id": company, **({"after": after} if after else {})} for company, after in batch]
            page = self._call("contact associations", self._client.crm.associations.v4.batch_api.get_page, "companies", "contacts",
                              batch_input_public_fetch_associations_batch_request={"inputs": inputs})
            answered: set[str] = set()
            for result in page.results or []:
                company = str(result._from.id)
                answered.add(company)
                found.setdefault(company, []).extend(str(link.to_object_id) for link in result.to or [])
                after = _next_after(result)
                if after is not None:
                    pending.append((company, after))
            unnamed = []
            for error in getattr(page, "errors", None) or []:
                named = [str(i) for i in (getattr(error, "context", None) or {}).get("fromObjectId") or []]
                reason = _scrub(str(error.message or error.category), self._token)[:300]
                for company in named:
                    answered.add(company)
                    if getattr(error, "sub_category", None) == NO_ASSOCIATIONS:
                        found.setdefault(company, [])
                    else:
                        problems[company] = reason
                if not named:
                    unnamed.append(reason)
            for company, _after in batch:  # not in the answer: an error that names no id explains it, else none
                if company not in answered:
                    if unnamed:
                        problems[company] = "; ".join(unnamed)
                    else:
                        found.setdefault(company, [])
        for company in problems:
            found.pop(company, None)
        return AssociationRead({company: list(dict.fromkeys(ids)) for company, ids in found.items()}, problems)

    def read_contacts(self, ids: Sequence[str], properties: list[str]) -> list[HubSpotRecord]:
        """The contacts with these ids, by batch reads of 100 (HubSpot's limit). Read only. A contact
        HubSpot no longer holds (deleted since its association was read) is left out."""
        found = []
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), OBJECT_BATCH):
            batch = self._call("contact batch read", self._client.crm.contacts.batch_api.read, batch_read_input_simple_public_object_id={
                "inputs": [{"id": contact} for contact in unique[start:start + OBJECT_BATCH]], "properties": properties,
                "propertiesWithHistory": []})
            found += [HubSpotRecord(str(item.id), dict(item.properties or {})) for item in batch.results or []]
        return found

    def probe_contacts(self) -> None:
        """Raise `HubSpotApiError` (403) unless the token may read contacts (`signalwatch doctor`): a
        batch read of an id no contact has, so nothing is read. A 404 for it is an answer too."""
        try:
            self.read_contacts(["0"], ["jobtitle"])
        except HubSpotApiError as exc:
            if exc.status != 404:
                raise

    # -- writes -----------------------------------------------------------------------

    def create(self, object_type: str, properties: dict[str, Any], company_id: str, association_type: int) -> str:
        api = getattr(self._client.crm.objects, object_type).basic_api
        body = {"properties": properties, "associations": [{
            "to": {"id": company_id},
            "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": association_type}],
        }]}
        created = self._call(f"create {object_type}", api.create, simple_public_object_input_for_create=body)
        return str(created.id)

    def create_once(self, object_type: str, properties: dict[str, Any], company_id: str, association_type: int) -> str:
        """Create a task/note carrying a unique alert key, or return the one that already holds it.

        HubSpot refuses a second object with the same unique value (409): that refusal is the
        proof an earlier attempt (timed out, or sent by a process that died) did arrive.
        """
        try:
            return self.create(object_type, properties, company_id, association_type)
        except HubSpotApiError as exc:
            if exc.status not in (400, 409):
                raise
            try:
                existing = self.get_by_key(object_type, str(properties[ALERT_KEY_PROPERTY]))
            except HubSpotApiError:
                existing = None  # the key cannot be read either: the create's own refusal explains more
            if existing is None:
                raise
            return existing

    def update_company(self, company_id: str, properties: dict[str, Any]) -> None:
        self._call("update company", self._client.crm.companies.basic_api.update, company_id,
                   simple_public_object_input={"properties": properties})

    def ensure_properties(self, group: str) -> list[str]:
        """Create what `crm setup hubspot` owns and is missing: the company signal properties (in
        `group`), and the unique alert-key property on tasks and notes (in a `signalwatch` group).
        Returns the names created ("tasks.signalwatch_alert_key" for the latter)."""
        created = []
        for spec in SIGNAL_PROPERTIES:
            body = {**spec, "groupName": group, "description": "Written by signalwatch from public trigger events."}
            if self._ensure_property("companies", body):
                created.append(spec["name"])
        for object_type in KEYED_OBJECTS:
            self._ensure_group(object_type, _KEY_GROUP)
            if self._ensure_property(object_type, _ALERT_KEY_SPEC):
                created.append(f"{object_type}.{ALERT_KEY_PROPERTY}")
        return created

    def _ensure_property(self, object_type: str, body: dict[str, Any]) -> bool:
        """Create the property unless it exists; True when it was created."""
        try:
            self._call("get property", self._client.crm.properties.core_api.get_by_name, object_type, body["name"])
            return False
        except HubSpotApiError as exc:
            if exc.status != 404:
                raise
        self._call("create property", self._client.crm.properties.core_api.create, object_type, property_create=body)
        return True

    def _ensure_group(self, object_type: str, name: str) -> None:
        try:
            self._call("get property group", self._client.crm.properties.groups_api.get_by_name, object_type, name)
            return
        except HubSpotApiError as exc:
            if exc.status != 404:
                raise
        self._call("create property group", self._client.crm.properties.groups_api.create, object_type,
                   property_group_create={"name": name, "label": "signalwatch", "displayOrder": -1})

    # -- plumbing ---------------------------------------------------------------------

    def _search(self, object_type: str, filters: list[dict[str, Any]], properties: list[str], limit: int) -> list[HubSpotRecord]:
        api = self._client.crm.companies.search_api if object_type == "companies" else getattr(self._client.crm.objects, object_type).search_api
        self._search_limiter.acquire()  # the search endpoints have their own, lower limit
        page = self._call(f"{object_type} search", api.do_search, public_object_search_request={
            "filterGroups": [{"filters": filters}], "properties": properties, "limit": limit,
        })
        return [HubSpotRecord(str(item.id), dict(item.properties or {})) for item in page.results or []]

    def _call(self, what: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        self._limiter.acquire()
        try:
            return function(*args, _request_timeout=self._timeout, **kwargs)
        except urllib3.exceptions.HTTPError as exc:
            sent = _maybe_sent(exc)
            outcome = "no answer; outcome unknown" if sent else "not sent"
            raise SinkError(f"HubSpot {what}: {type(exc).__name__} ({outcome})", retryable=True, uncertain=sent) from None
        except Exception as exc:  # the generated packages each define their own ApiException
            status = getattr(exc, "status", None)
            if not isinstance(status, int):
                raise
            raise _api_error(what, status, getattr(exc, "headers", None) or {}, getattr(exc, "body", None), self._token) from None


def _maybe_sent(exc: urllib3.exceptions.HTTPError) -> bool:
    """Whether HubSpot may have acted on the request. Failing to connect (refused, DNS, connect
    timeout, TLS handshake, proxy) happens before the request leaves: certain. A read timeout or a
    connection reset or closed while waiting for the answer comes after it was sent: uncertain."""
    reason = exc.reason if isinstance(exc, urllib3.exceptions.MaxRetryError) else exc
    return not isinstance(reason, _BEFORE_SENDING)


def _scrub(text: str, secret: str) -> str:
    """`text` without the token: an upstream error body may echo the request's credentials."""
    return text.replace(secret, "***") if secret else text


def _api_error(what: str, status: int, headers: Any, body: Any, token: str = "") -> HubSpotApiError:
    try:
        detail = json.loads(body) if body else {}
    except (TypeError, ValueError):
        detail = {}
    detail = detail if isinstance(detail, dict) else {}
    message = _scrub(str(detail.get("message") or ""), token)[:300]  # scrubbed first: a cut token would not match
    if status == 429:
        wait = parse_retry_after(headers.get("Retry-After")) or _POLICY_WAIT.get(str(detail.get("policyName")), 10.0)
        return HubSpotApiError(f"HubSpot {what}: rate limited ({detail.get('policyName') or 'HTTP 429'})", status=status,
                               retryable=True, retry_after=wait)
    hint = ""
    if status == 400 and "signalwatch_" in message:
        hint = " (run `signalwatch crm setup hubspot` to create the signalwatch properties)"
    if status in (401, 403):
        hint = " (check the private app token and its scopes)"
    # Status 0: the client got no HTTP answer at all (a TLS failure while connecting): try again later.
    return HubSpotApiError(f"HubSpot {what}: HTTP {status} {message}{hint}".rstrip(), status=status,
                           retryable=status >= 500 or status in (0, 408))


def _next_after(page: Any) -> str | None:
    paging = getattr(page, "paging", None)
    following = getattr(paging, "next", None) if paging else None
    return str(following.after) if following is not None and following.after else None
