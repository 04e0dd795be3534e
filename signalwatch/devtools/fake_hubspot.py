"""A fake HubSpot CRM API on 127.0.0.1 for tests and demos, speaking the v3 JSON shapes.

Implements what signalwatch calls: company search/list/update, task and note create, read
(by id, or by a unique property with `idProperty`) and search (EQ, NEQ, IN, CONTAINS_TOKEN,
GTE/LTE, HAS_PROPERTY), owners, property groups and property definitions of companies,
tasks and notes (a property with `hasUniqueValue` rejects a second object holding the same
value with 409); the deal list with company associations (`associations=companies`: each
company twice, as `deal_to_company` and `deal_to_company_unlabeled`, as recorded from the real
API in tests/fixtures/hubspot); a company's contacts as the account sync reads them: v4
association batch reads (`POST /crm/v4/associations/companies/contacts/batch/read`, at most
1,000 inputs; `association_page_size` contacts per company and page, the rest behind
`paging.next.after`; a company without contacts is a 207 `NO_ASSOCIATIONS_FOUND` error, as
recorded; an id that is not a number, or is in `failing_companies`, a 207 `VALIDATION_ERROR`
naming no id, assembled from the documented error schema and a recorded 207 of another object)
and contact batch reads (`POST /crm/v3/objects/contacts/batch/read`, at most 100 inputs; a
contact not held is a 207 `OBJECT_NOT_FOUND` error); Bearer-token auth;
scripted failures (429 with HubSpot's error body, 5xx). `requests` lists every (method, path)
received and `bodies` every JSON body, so a test can count what a sync asked for.

Failure modes of the real service, to test against: `search_lag` (objects written through
the API appear in search results only that many seconds later, as HubSpot's search index
lags behind writes; reads by id are immediate), `delay_creates` (the answer to a create comes
late, after the object is stored: a client timeout after the server has acted) and
`reset_creates` (the next creates are stored, then the connection drops without an answer).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from typing import Any

from signalwatch.devtools._json_api import JsonReply, JsonRequest, json_api_handler
from signalwatch.devtools._server import LoopbackServer

__all__ = ["FakeHubSpot", "Scripted"]

_TYPES = ("companies", "tasks", "notes", "deals", "contacts")
# A few of the properties HubSpot defines on every account (name, label, type, fieldType, group):
# the ones signalwatch reads or writes.
_BUILT_IN: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {
    "companies": (("name", "Company name", "string", "text", "companyinformation"),
                  ("domain", "Company Domain Name", "string", "text", "companyinformation"),
                  ("hubspot_owner_id", "Company owner", "enumeration", "select", "companyinformation")),
    "tasks": (("hs_task_subject", "Task Title", "string", "text", "task"), ("hs_task_body", "Notes", "string", "html", "task"),
              ("hs_timestamp", "Due date", "datetime", "date", "task")),
    "notes": (("hs_note_body", "Note body", "string", "html", "note"), ("hs_timestamp", "Activity date", "datetime", "date", "note")),
    "deals": (("dealname", "Deal Name", "string", "text", "dealinformation"), ("dealstage", "Deal Stage", "enumeration", "radio", "dealinformation"),
              ("pipeline", "Pipeline", "enumeration", "select", "dealinformation"), ("closedate", "Close Date", "datetime", "date", "dealinformation"),
              ("amount", "Amount", "number", "number", "dealinformation"),
              ("hs_is_closed", "Is Deal Closed?", "bool", "booleancheckbox", "dealinformation"),
              ("hs_is_closed_won", "Is Closed Won", "bool", "booleancheckbox", "dealinformation")),
    "contacts": (("firstname", "First Name", "string", "text", "contactinformation"),
                 ("lastname", "Last Name", "string", "text", "contactinformation"),
                 ("jobtitle", "Job Title", "string", "text", "contactinformation"),
                 ("email", "Email", "string", "text", "contactinformation"),
                 ("hubspot_owner_id", "Contact owner", "enumeration", "select", "contactinformation")),
}
# The default pipeline's closed stages, and what HubSpot's calculated properties say of them.
_CLOSED_STAGES = {"closedwon": ("true", "true"), "closedlost": ("true", "false")}  # stage -> (hs_is_closed, hs_is_closed_won)
DEAL_TO_COMPANY = 5  # HubSpot-defined association type id of a deal's primary company
CONTACT_TO_COMPANY = 1  # HubSpot-defined association type id of a contact's primary company
# Company -> contact association types (ids and label as a v4 batch read against HubSpot printed
# them in amp-labs/connectors#1271): every contact unlabeled (280), and first, as in the recorded
# contact -> company answer, the primary label (2) when this company is the contact's primary one.
_COMPANY_TO_CONTACT = {"category": "HUBSPOT_DEFINED", "typeId": 280, "label": None}
_COMPANY_TO_PRIMARY_CONTACT = {"category": "HUBSPOT_DEFINED", "typeId": 2, "label": "Contact with Primary Company"}
ASSOCIATION_BATCH_LIMIT = 1000  # inputs per association batch read (HubSpot changelog, 2025-02-10)
OBJECT_BATCH_LIMIT = 100  # inputs per object batch read


class _Hangup(Exception):
    """Raised out of the request handler: the server closes the connection without answering."""


@dataclass
class Scripted:
    """A canned answer for the next request whose path contains `path`."""

    path: str
    status: int = 429
    body: dict[str, Any] = field(default_factory=lambda: {
        "status": "error", "message": "You have reached your ten_secondly_rolling limit.", "errorType": "RATE_LIMIT",
        "correlationId": "00000000-0000-0000-0000-000000000000", "policyName": "TEN_SECONDLY_ROLLING"})
    headers: dict[str, str] = field(default_factory=dict)


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


class FakeHubSpot(LoopbackServer):
    def __init__(self, token: str = "pat-na1-test-token") -> None:
        self.token = token
        self.objects: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in _TYPES}
        self.associations: list[tuple[str, str, str, int]] = []  # (type, id, company id, association type)
        self.owners: list[dict[str, Any]] = []
        # Property definitions and property groups per object type.
        self.schemas: dict[str, dict[str, dict[str, Any]]] = {
            kind: {spec[0]: _definition(*spec, hubspot_defined=True) for spec in _BUILT_IN[kind]} for kind in _TYPES}
        self.groups: dict[str, set[str]] = {"companies": {"companyinformation"}, "tasks": {"task"}, "notes": {"note"},
                                            "deals": {"dealinformation"}, "contacts": {"contactinformation"}}
        self.lists: dict[str, list[str]] = {}  # list id -> company ids
        self.scripted: list[Scripted] = []
        self.requests: list[tuple[str, str]] = []
        self.bodies: list[tuple[str, Any]] = []  # (path, JSON body) of every request that had one
        self.association_page_size = 500  # contacts per company in one association batch answer
        self.failing_companies: set[str] = set()  # association reads answer these with a 207 error
        self.portal_id = "24681357"  # in the `url` of a contact batch read's results
        self.delay_creates = 0.0  # seconds to hold a create answer after storing the object
        self.reset_creates = 0  # this many creates are stored, then the connection drops unanswered
        self.search_lag = 0.0  # seconds before an object written through the API shows in search
        self._indexed_at: dict[str, float] = {}  # object id -> monotonic time it becomes searchable
        self._next_id = 1000
        self._lock = threading.RLock()  # _create holds it around the unique check and the store
        super().__init__()

    @property
    def host(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def properties(self) -> dict[str, dict[str, Any]]:
        """The company property definitions."""
        return self.schemas["companies"]

    # -- seeding ----------------------------------------------------------------------

    def add_company(self, name: str, domain: str | None, **props: Any) -> str:
        return self._store("companies", {"name": name, "domain": domain, **props})

    def add_deal(self, name: str, stage: str, closedate: str | None, company_id: str | None = None, **props: Any) -> str:
        """A deal in the default pipeline; `hs_is_closed`/`hs_is_closed_won` follow the stage as HubSpot
        calculates them (`closedwon`, `closedlost`; any other stage is open). `company_id`: its company."""
        closed, won = _CLOSED_STAGES.get(stage, ("false", "false"))
        deal_id = self._store("deals", {"dealname": name, "dealstage": stage, "pipeline": "default", "closedate": closedate,
                                        "hs_is_closed": closed, "hs_is_closed_won": won, **props})
        if company_id is not None:
            self.associations.append(("deals", deal_id, company_id, DEAL_TO_COMPANY))
        return deal_id

    def add_contact(self, first: str, last: str, jobtitle: str | None, email: str | None, companies: list[str],
                    **props: Any) -> str:
        """A contact associated with `companies` (the first is its primary company)."""
        contact_id = self._store("contacts", {"firstname": first, "lastname": last, "jobtitle": jobtitle, "email": email, **props})
        self.associations += [("contacts", contact_id, company, CONTACT_TO_COMPANY) for company in companies]
        return contact_id

    def add_owner(self, email: str, first: str = "Sam", last: str = "Seller") -> str:
        with self._lock:
            self._next_id += 1
            owner_id = str(self._next_id)
            owner: dict[str, Any] = {"id": owner_id, "email": email, "firstName": first, "lastName": last, "userId": self._next_id,
                     "createdAt": _now(), "updatedAt": _now(), "archived": False}
            self.owners.append(owner)
            return owner_id

    def index_now(self) -> None:
        """The search index catches up with every write (as it does `search_lag` seconds later)."""
        with self._lock:
            self._indexed_at.clear()

    def archive(self, object_type: str, object_id: str) -> None:
        self.objects[object_type][object_id]["archived"] = True

    def live(self, object_type: str) -> list[dict[str, Any]]:
        return [o for o in self.objects[object_type].values() if not o["archived"]]

    def _store(self, object_type: str, properties: dict[str, Any], lag: float = 0.0) -> str:
        """Store an object; it shows in search `lag` seconds from now (seeded objects: at once)."""
        with self._lock:
            self._next_id += 1
            object_id = str(self._next_id)
            stamp = _now()
            props = {k: (None if v is None else str(v)) for k, v in properties.items()}
            props.update({"hs_object_id": object_id, "createdate": stamp, "hs_lastmodifieddate": stamp})
            if object_type == "contacts":  # contacts call it by its older name
                props["lastmodifieddate"] = stamp
            self.objects[object_type][object_id] = {"id": object_id, "properties": props, "createdAt": stamp,
                                                    "updatedAt": stamp, "archived": False}
            if lag:
                self._indexed_at[object_id] = time.monotonic() + lag
            return object_id

    def _indexed(self, item: dict[str, Any]) -> bool:
        """Whether the search index has caught up with this object yet."""
        return time.monotonic() >= self._indexed_at.get(str(item["id"]), 0.0)

    def _holder(self, object_type: str, name: str, value: Any) -> dict[str, Any] | None:
        """The live object whose property `name` holds `value` (read from the store, not the index)."""
        return next((o for o in self.live(object_type) if value is not None and o["properties"].get(name) == str(value)), None)

    # -- API --------------------------------------------------------------------------

    def handle(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> tuple[int, dict[str, str], Any]:
        with self._lock:
            self.requests.append((method, path))
            if body is not None:
                self.bodies.append((path, body))
            for index, script in enumerate(self.scripted):
                if script.path in path:
                    self.scripted.pop(index)
                    return script.status, script.headers, script.body
        route: list[tuple[str, str, Callable[..., tuple[int, dict[str, str], Any]]]] = [
            ("POST", r"/crm/v3/objects/(companies|tasks|notes)/search", self._search),
            ("POST", r"/crm/v3/objects/(companies|contacts)/batch/read", self._batch_read),
            ("POST", r"/crm/v4/associations/companies/contacts/batch/read", self._company_contacts),
            ("GET", r"/crm/v3/lists/(\w+)/memberships", self._memberships),
            ("POST", r"/crm/v3/objects/(tasks|notes|companies)", self._create),
            ("GET", r"/crm/v3/objects/(companies)", self._list),
            ("GET", r"/crm/v3/objects/(deals)", self._list_deals),
            ("GET", r"/crm/v3/objects/(companies|tasks|notes)/([^/]+)", self._get),
            ("PATCH", r"/crm/v3/objects/(companies)/(\d+)", self._update),
            ("GET", r"/crm/v3/owners/?", self._owners),
            ("GET", r"/crm/v3/properties/(companies|tasks|notes)/groups/(\w+)", self._get_group),
            ("POST", r"/crm/v3/properties/(companies|tasks|notes)/groups", self._create_group),
            ("GET", r"/crm/v3/properties/(companies|tasks|notes)/(\w+)", self._get_property),
            ("POST", r"/crm/v3/properties/(companies|tasks|notes)", self._create_property),
        ]
        for verb, pattern, function in route:
            match = re.fullmatch(pattern, path)
            if verb == method and match:
                return function(*match.groups(), query=query, body=body)
        return 404, {}, _error(f"no route {method} {path}", "OBJECT_NOT_FOUND")

    def _search(self, object_type: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        groups = body.get("filterGroups") or [{"filters": []}]
        hits = [o for o in self.live(object_type) if self._indexed(o)
                and any(all(_matches(o["properties"], f) for f in g.get("filters", [])) for g in groups)]
        hits.sort(key=lambda o: int(o["id"]))
        return self._page(hits, body.get("properties") or [], int(body.get("limit") or 10), body.get("after"), total=True)

    def _memberships(self, list_id: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        if list_id not in self.lists:
            return 404, {}, _error(f"List {list_id} does not exist.", "OBJECT_NOT_FOUND")
        live = [i for i in self.lists[list_id] if not self.objects["companies"].get(i, {"archived": True})["archived"]]
        start, limit = int((query.get("after") or ["0"])[0]), int((query.get("limit") or ["100"])[0])
        out: dict[str, Any] = {"total": len(live), "results": [
            {"recordId": record_id, "membershipTimestamp": self.objects["companies"][record_id]["createdAt"]}
            for record_id in live[start:start + limit]]}
        if start + limit < len(live):
            out["paging"] = {"next": {"after": str(start + limit)}}
        return 200, {}, out

    def _batch_read(self, object_type: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        inputs = body.get("inputs") or []
        if len(inputs) > OBJECT_BATCH_LIMIT:
            return 400, {}, _error(f"Batch input contains {len(inputs)} inputs, more than the limit of {OBJECT_BATCH_LIMIT}", "VALIDATION_ERROR")
        always = {"hs_object_id", "createdate", "lastmodifieddate" if object_type == "contacts" else "hs_lastmodifieddate"}
        wanted = set(body.get("properties") or []) | always
        found, missing = [], []
        for item in inputs:
            record = self.objects[object_type].get(str(item["id"]))
            if record is None or record["archived"]:
                missing.append(str(item["id"]))
                continue
            result = {**record, "properties": {k: v for k, v in record["properties"].items() if k in wanted}}
            if object_type == "contacts":  # as recorded: each contact comes with its record's address
                result["url"] = f"https://app.hubspot.com/contacts/{self.portal_id}/record/0-1/{record['id']}"
            found.append(result)
        out: dict[str, Any] = {"completedAt": _now(), "status": "COMPLETE", "startedAt": _now(), "results": found}
        if missing:
            out.update(errors=[{"status": "error", "category": "OBJECT_NOT_FOUND", "message": "Could not get some objects",
                                "context": {"ids": missing}}], numErrors=1)
        return (207 if missing else 200), {}, out

    def _company_contacts(self, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        """Each input company's contacts (v4 association batch read), a page of
        `association_page_size` each; an input's `after` asks for the page after that offset."""
        inputs = body.get("inputs") or []
        if len(inputs) > ASSOCIATION_BATCH_LIMIT:
            return 400, {}, _error(f"Batch input contains {len(inputs)} inputs, more than the limit of {ASSOCIATION_BATCH_LIMIT}",
                                   "VALIDATION_ERROR")
        people: dict[str, list[tuple[str, bool]]] = {}  # company id -> [(contact id, the contact's primary company)]
        primary: dict[str, str] = {}
        for kind, contact, company, _type in self.associations:
            if kind == "contacts" and not self.objects["contacts"][contact]["archived"]:
                primary.setdefault(contact, company)
                people.setdefault(company, []).append((contact, primary[contact] == company))
        results, errors = [], []
        for item in inputs:
            company = str(item.get("id"))
            if not company.isdigit() or company in self.failing_companies:
                errors.append({"status": "error", "category": "VALIDATION_ERROR", "message": f"Invalid request: 'Invalid object id: {company}'",
                               "context": {"message": [f"Invalid object id: {company}"]}})
                continue
            linked = sorted(dict.fromkeys(people.get(company, [])), key=lambda pair: int(pair[0]))
            if not linked:
                errors.append({"status": "error", "category": "OBJECT_NOT_FOUND", "subCategory": "crm.associations.NO_ASSOCIATIONS_FOUND",
                               "message": f"No contact is associated with company {company}.",
                               "context": {"fromObjectId": [company], "fromObjectType": ["company"], "toObjectType": ["contact"]}})
                continue
            start = int(item.get("after") or 0)
            page = linked[start:start + self.association_page_size]
            result: dict[str, Any] = {"from": {"id": company}, "to": [
                {"toObjectId": int(contact), "associationTypes": ([_COMPANY_TO_PRIMARY_CONTACT] if is_primary else []) + [_COMPANY_TO_CONTACT]}
                for contact, is_primary in page]}
            if start + self.association_page_size < len(linked):
                after = str(start + self.association_page_size)
                result["paging"] = {"next": {"after": after, "link": f"{self.host}/crm/v4/objects/0-2/{company}/associations/0-1?after={after}"}}
            results.append(result)
        out: dict[str, Any] = {"completedAt": _now(), "status": "COMPLETE", "startedAt": _now(), "results": results}
        if errors:
            out.update(errors=errors, numErrors=len(errors))
        return (207 if errors else 200), {}, out

    def _list(self, object_type: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        archived = (query.get("archived") or ["false"])[0] == "true"
        items = [o for o in self.objects[object_type].values() if o["archived"] == archived]
        properties = [p for value in query.get("properties", []) for p in value.split(",")]
        return self._page(items, properties, int((query.get("limit") or ["10"])[0]), (query.get("after") or [None])[0], total=False)

    def _list_deals(self, object_type: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        """The deal list; with `associations=companies`, each deal's companies as the real API lists
        them: the primary one as `deal_to_company`, then every company again as
        `deal_to_company_unlabeled` (a deal without companies has no `associations` key)."""
        status, headers, out = self._list(object_type, query=query, body=body)
        wanted = {kind for value in query.get("associations", []) for kind in value.split(",")}
        label = "deal_to_company"
        for result in out["results"] if "companies" in wanted else []:
            companies = [company for kind, deal_id, company, _type in self.associations if kind == object_type and deal_id == result["id"]]
            if companies:
                links = [{"id": companies[0], "type": label}] + [{"id": c, "type": f"{label}_unlabeled"} for c in companies]
                result["associations"] = {"companies": {"results": links}}
        return status, headers, out

    def _page(self, items: list[dict[str, Any]], properties: list[str], limit: int, after: Any, total: bool) -> tuple[int, dict[str, str], Any]:
        start = int(after or 0)
        chosen = items[start:start + limit]
        wanted = set(properties) | {"hs_object_id", "createdate", "hs_lastmodifieddate"}
        results = [{**o, "properties": {k: v for k, v in o["properties"].items() if k in wanted}} for o in chosen]
        out: dict[str, Any] = {"results": results}
        if total:
            out = {"total": len(items), **out}
        if start + limit < len(items):
            out["paging"] = {"next": {"after": str(start + limit), "link": "?after=" + str(start + limit)}}
        return 200, {}, out

    def _get(self, object_type: str, key: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        """Read one object by id, or by a unique property's value (`idProperty`): straight from the store."""
        id_property = (query.get("idProperty") or [None])[0]
        if id_property and not self.schemas[object_type].get(id_property, {}).get("hasUniqueValue"):
            return 400, {}, _error(f"Unable to perform lookup by non-unique property {id_property}", "VALIDATION_ERROR")
        found = self._holder(object_type, id_property, key) if id_property else self.objects[object_type].get(key)
        if found is None or found["archived"]:
            return 404, {}, _error("Object not found", "OBJECT_NOT_FOUND")
        wanted = {p for value in query.get("properties", []) for p in value.split(",")} | {"hs_object_id", "createdate", "hs_lastmodifieddate"}
        return 200, {}, {**found, "properties": {k: v for k, v in found["properties"].items() if k in wanted}}

    def _create(self, object_type: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        properties = body.get("properties") or {}
        schema = self.schemas[object_type]
        unknown = [p for p in properties if p.startswith("signalwatch_") and p not in schema]
        if unknown:
            return 400, {}, _error(f"Property values were not valid: {unknown}", "VALIDATION_ERROR")
        with self._lock:
            for name, value in properties.items():
                holder = self._holder(object_type, name, value) if schema.get(name, {}).get("hasUniqueValue") else None
                if holder is not None:
                    return 409, {}, _error(f"{name} must be unique: {value} is already used. Existing ID: {holder['id']}", "CONFLICT")
            object_id = self._store(object_type, properties, lag=self.search_lag)
        for association in body.get("associations") or []:
            for kind in association.get("types") or []:
                self.associations.append((object_type, object_id, str(association["to"]["id"]), int(kind["associationTypeId"])))
        if self.reset_creates:
            self.reset_creates -= 1
            raise _Hangup()
        if self.delay_creates:
            threading.Event().wait(self.delay_creates)
        return 201, {}, self.objects[object_type][object_id]

    def _update(self, object_type: str, object_id: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        found = self.objects[object_type].get(object_id)
        if found is None or found["archived"]:
            return 404, {}, _error("Object not found", "OBJECT_NOT_FOUND")
        properties = body.get("properties") or {}
        unknown = [p for p in properties if p.startswith("signalwatch_") and p not in self.schemas[object_type]]
        if unknown:
            return 400, {}, _error(f"Property values were not valid: {unknown}", "VALIDATION_ERROR")
        with self._lock:
            found["properties"].update({k: (None if v is None else str(v)) for k, v in properties.items()})
            found["updatedAt"] = found["properties"]["hs_lastmodifieddate"] = _now()
        return 200, {}, found

    def _owners(self, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        email = (query.get("email") or [None])[0]
        owners = [o for o in self.owners if email is None or o["email"].lower() == email.lower()]
        start, limit = int((query.get("after") or ["0"])[0]), int((query.get("limit") or ["100"])[0])
        out: dict[str, Any] = {"results": owners[start:start + limit]}
        if start + limit < len(owners):
            out["paging"] = {"next": {"after": str(start + limit)}}
        return 200, {}, out

    def _get_property(self, object_type: str, name: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        if name not in self.schemas[object_type]:
            return 404, {}, _error(f"Unable to find property {name}", "OBJECT_NOT_FOUND")
        return 200, {}, self.schemas[object_type][name]

    def _create_property(self, object_type: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        schema = self.schemas[object_type]
        if body["name"] in schema:
            return 409, {}, _error("Property already exists", "CONFLICT")
        if body.get("groupName") not in self.groups[object_type]:
            return 400, {}, _error(f"Property group {body.get('groupName')} does not exist", "VALIDATION_ERROR")
        schema[body["name"]] = {**_definition(body["name"], body.get("label", ""), body.get("type", "string"),
                                              body.get("fieldType", "text"), body["groupName"]), **body}
        return 201, {}, schema[body["name"]]

    def _get_group(self, object_type: str, name: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        if name not in self.groups[object_type]:
            return 404, {}, _error(f"Unable to find property group {name}", "OBJECT_NOT_FOUND")
        return 200, {}, {"name": name, "label": name, "displayOrder": -1, "archived": False}

    def _create_group(self, object_type: str, *, query: Any, body: Any) -> tuple[int, dict[str, str], Any]:
        if body["name"] in self.groups[object_type]:
            return 409, {}, _error("Property group already exists", "CONFLICT")
        self.groups[object_type].add(body["name"])
        return 201, {}, {"name": body["name"], "label": body.get("label") or body["name"], "displayOrder": -1, "archived": False}

    # -- HTTP -------------------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        def respond(request: JsonRequest) -> JsonReply:
            status, headers, body = self.handle(request.method, request.path, request.query, request.body)
            return JsonReply(status, body, headers)

        return json_api_handler(lambda: self.token, respond,
                                unauthorized=JsonReply(401, _error("Authentication credentials not found.", "INVALID_AUTHENTICATION")),
                                bad_json=JsonReply(400, _error("Invalid input JSON", "VALIDATION_ERROR")))


def _definition(name: str, label: str, kind: str, field_type: str, group: str, *, hubspot_defined: bool = False) -> dict[str, Any]:
    """A property definition as GET /crm/v3/properties/{objectType}/{name} returns it."""
    stamp = _now()
    definition: dict[str, Any] = {
        "name": name, "label": label, "type": kind, "fieldType": field_type, "groupName": group, "description": "",
        "hasUniqueValue": False, "options": [], "createdAt": stamp, "updatedAt": stamp, "displayOrder": -1, "hidden": False,
        "formField": False, "calculated": False, "externalOptions": False,
        "modificationMetadata": {"archivable": not hubspot_defined, "readOnlyDefinition": hubspot_defined, "readOnlyValue": False}}
    if hubspot_defined:
        definition["hubspotDefined"] = True
    return definition


def _error(message: str, category: str) -> dict[str, Any]:
    return {"status": "error", "message": message, "correlationId": "00000000-0000-0000-0000-000000000001", "category": category}


def _matches(props: dict[str, Any], rule: dict[str, Any]) -> bool:
    value = props.get(rule["propertyName"])
    operator, wanted = rule["operator"], rule.get("value")
    if operator == "HAS_PROPERTY":
        return value not in (None, "")
    if operator == "NOT_HAS_PROPERTY":
        return value in (None, "")
    if value is None:
        return False
    text = str(value)
    if operator == "EQ":
        return text.lower() == str(wanted).lower()
    if operator == "NEQ":
        return text.lower() != str(wanted).lower()
    if operator == "IN":
        return text.lower() in {str(v).lower() for v in rule.get("values") or []}
    if operator == "CONTAINS_TOKEN":
        return str(wanted).lower() in re.split(r"[^0-9a-z]+", text.lower())
    if operator in ("GT", "GTE", "LT", "LTE"):
        try:
            left, right = float(text), float(wanted)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            left, right = text, str(wanted)  # type: ignore[assignment]
        return {"GT": left > right, "GTE": left >= right, "LT": left < right, "LTE": left <= right}[operator]
    return False
