"""A fake Salesforce REST API on 127.0.0.1 (HTTPS) for tests and demos.

simple-salesforce always speaks https, so the fake serves TLS with a certificate for
127.0.0.1 (the client trusts it through the sink's `ca_bundle`). It implements SOQL
queries over Account, Contact, Task, User and Opportunity (SELECT fields incl. parent fields such as
Owner.Email and Account.Industry, nested under the relationship name as the REST API returns
them, or null without a parent; WHERE with AND of =, !=, <, <=, >, >= (dates and numbers),
LIKE, IN and true/false literals; ORDER BY; LIMIT; nextRecordsUrl paging), sObject create and update, sObject
Describe (the standard fields signalwatch uses plus those `add_field` declares, with
`createable`/`updateable` as field-level security would show them), Bearer-session auth, and
scripted failures in Salesforce's error-array shape. `reset_creates`
stores the next creates, then drops the connection without an answer (a reset after the
server acted, whose outcome the client cannot know).
"""

from __future__ import annotations

import re
import ssl
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from signalwatch.devtools._json_api import JsonReply, JsonRequest, json_api_handler
from signalwatch.devtools._server import LoopbackServer

__all__ = ["FakeSalesforce", "SfScripted"]

_PREFIX = {"Account": "001", "Contact": "003", "Task": "00T", "User": "005", "Opportunity": "006"}
# Standard fields per object: name -> (type, label, updateable).
_STANDARD_FIELDS: dict[str, dict[str, tuple[str, str, bool]]] = {
    "Account": {"Id": ("id", "Account ID", False), "Name": ("string", "Account Name", True), "Website": ("url", "Website", True),
                "OwnerId": ("reference", "Owner ID", True), "CreatedDate": ("datetime", "Created Date", False)},
    "Task": {"Id": ("id", "Activity ID", False), "Subject": ("combobox", "Subject", True), "Description": ("textarea", "Description", True),
             "WhatId": ("reference", "Related To ID", True), "OwnerId": ("reference", "Assigned To ID", True),
             "Priority": ("picklist", "Priority", True), "Status": ("picklist", "Status", True),
             "ActivityDate": ("date", "Due Date Only", True), "CreatedDate": ("datetime", "Created Date", False)},
    "User": {"Id": ("id", "User ID", False), "Email": ("email", "Email", True)},
    "Contact": {"Id": ("id", "Contact ID", False), "Name": ("string", "Full Name", False), "Title": ("string", "Title", True),
                "Email": ("email", "Email", True), "AccountId": ("reference", "Account ID", True),
                "OwnerId": ("reference", "Owner ID", True)},
    "Opportunity": {"Id": ("id", "Opportunity ID", False), "Name": ("string", "Name", True),
                    "AccountId": ("reference", "Account ID", True), "StageName": ("picklist", "Stage", True),
                    "CloseDate": ("date", "Close Date", True), "Amount": ("currency", "Amount", True),
                    "IsClosed": ("boolean", "Closed", False), "IsWon": ("boolean", "Won", False),
                    "CreatedDate": ("datetime", "Created Date", False)},
}
_PARENTS = {"Owner": "User"}  # relationship name -> sObject, where they differ (Account.X is an Account)
_QUERY = re.compile(r"^SELECT\s+(?P<fields>.+?)\s+FROM\s+(?P<obj>\w+)(?:\s+WHERE\s+(?P<where>.+?))?"
                    r"(?:\s+ORDER\s+BY\s+(?P<order>[\w.]+))?(?:\s+LIMIT\s+(?P<limit>\d+))?$", re.IGNORECASE | re.DOTALL)
_COND = re.compile(r"^([\w.]+)\s*(!=|<=|>=|=|<|>|LIKE|IN)\s*(.+)$", re.IGNORECASE | re.DOTALL)
_STRING = re.compile(r"'((?:\\.|[^'\\])*)'")


class _Hangup(Exception):
    """Raised out of the request handler: the server closes the connection without answering."""


@dataclass
class SfScripted:
    """A canned error for the next request whose path contains `path`."""

    path: str
    status: int = 403
    body: list[dict[str, Any]] = field(default_factory=lambda: [{"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}])


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), text)


def _field(name: str, field_type: str, label: str, writable: bool, *, custom: bool) -> dict[str, Any]:
    """One field of a describe result (the documented keys signalwatch reads, and a few more)."""
    return {"name": name, "label": label, "type": field_type, "length": 18 if field_type in ("id", "reference") else 255,
            "custom": custom, "createable": writable, "updateable": writable, "nillable": name != "Id",
            "defaultValue": {"value": None}}


def _compare(value: Any, wanted: str, operator: str) -> bool:
    """`value <op> wanted`: numbers as numbers, anything else (ISO dates) as text."""
    try:
        left: Any = float(value)
        right: Any = float(wanted)
    except (TypeError, ValueError):
        left, right = str(value), wanted
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[operator]


def _like(pattern: str, value: str) -> bool:
    regex = ""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            regex += re.escape(pattern[index + 1])
            index += 2
            continue
        regex += ".*" if char == "%" else "." if char == "_" else re.escape(char)
        index += 1
    return re.fullmatch(regex, value, re.IGNORECASE | re.DOTALL) is not None


class FakeSalesforce(LoopbackServer):
    def __init__(self, certfile: Path, keyfile: Path, token: str = "00Dxx0000000001!AQ4AQTestSessionId", page_size: int = 2000) -> None:
        self.token = token
        self.page_size = page_size
        self.records: dict[str, dict[str, dict[str, Any]]] = {sobject: {} for sobject in _PREFIX}
        self.scripted: list[SfScripted] = []
        self.queries: list[str] = []
        self.reset_creates = 0  # this many creates are stored, then the connection drops unanswered
        self.fields: dict[str, dict[str, dict[str, Any]]] = {
            sobject: {name: _field(name, *spec, custom=False) for name, spec in standard.items()}
            for sobject, standard in _STANDARD_FIELDS.items()}
        self._cursors: dict[str, list[dict[str, Any]]] = {}
        self._counter = 0
        self._lock = threading.Lock()
        super().__init__()
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(certfile), str(keyfile))
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)

    @property
    def instance_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def add(self, sobject: str, **fields: Any) -> str:
        with self._lock:
            self._counter += 1
            record_id = f"{_PREFIX.get(sobject, 'a00')}{self._counter:015d}"[:18]
            stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000+0000")
            if sobject == "Contact" and "Name" not in fields:  # a compound field Salesforce fills in
                fields["Name"] = " ".join(str(fields[k]) for k in ("FirstName", "LastName") if fields.get(k))
            self.records[sobject][record_id] = {"Id": record_id, "CreatedDate": stamp, "LastModifiedDate": stamp, **fields}
            return record_id

    def delete(self, sobject: str, record_id: str) -> None:
        del self.records[sobject][record_id]

    def add_field(self, sobject: str, name: str, field_type: str = "string", *, writable: bool = True) -> None:
        """Declare a (custom) field; `writable=False` is a field the session's user may read but not set."""
        self.fields[sobject][name] = _field(name, field_type, name.removesuffix("__c").replace("_", " "), writable, custom=name.endswith("__c"))

    def describe(self, sobject: str, version: str) -> dict[str, Any]:
        """The sObject Describe result, in the documented shape."""
        base = f"/services/data/v{version}/sobjects/{sobject}"
        return {"name": sobject, "label": sobject, "keyPrefix": _PREFIX.get(sobject, "a00"), "custom": False, "createable": True,
                "updateable": True, "customSetting": False, "childRelationships": [],
                "urls": {"sobject": base, "describe": f"{base}/describe", "rowTemplate": f"{base}/{{ID}}",
                         "uiDetailTemplate": f"{self.instance_url}/{{ID}}", "uiEditTemplate": f"{self.instance_url}/{{ID}}/e"},
                "fields": list(self.fields[sobject].values())}

    # -- SOQL -------------------------------------------------------------------------

    def query(self, soql: str, version: str) -> tuple[int, Any]:
        self.queries.append(soql)
        match = _QUERY.match(soql.strip())
        if not match or match["obj"] not in self.records:
            return 400, [{"message": f"unexpected token in: {soql[:80]}", "errorCode": "MALFORMED_QUERY"}]
        sobject = match["obj"]
        fields = [f.strip() for f in match["fields"].split(",")]
        rows = list(self.records[sobject].values())
        if match["where"]:
            for condition in re.split(r"\s+AND\s+", match["where"], flags=re.IGNORECASE):
                parsed = _COND.match(condition.strip())
                if not parsed:
                    return 400, [{"message": f"cannot parse condition {condition!r}", "errorCode": "MALFORMED_QUERY"}]
                rows = [r for r in rows if self._holds(r, *parsed.groups())]
        if match["order"]:
            rows.sort(key=lambda r: str(self._value(r, match["order"]) or ""))
        if match["limit"]:
            rows = rows[: int(match["limit"])]
        shaped = [self._shape(sobject, r, fields, version) for r in rows]
        return 200, self._page(shaped, version)

    def _page(self, rows: list[dict[str, Any]], version: str) -> dict[str, Any]:
        first, rest = rows[: self.page_size], rows[self.page_size:]
        out: dict[str, Any] = {"totalSize": len(rows), "done": not rest, "records": first}
        if rest:
            cursor = f"01gFAKE{len(self._cursors):08d}-{self.page_size}"
            self._cursors[cursor] = rest
            out["nextRecordsUrl"] = f"/services/data/v{version}/query/{cursor}"
        return out

    def _value(self, record: dict[str, Any], name: str) -> Any:
        if name.lower() == "owner.email":
            owner = self.records["User"].get(str(record.get("OwnerId")))
            return owner.get("Email") if owner else None
        return next((v for k, v in record.items() if k.lower() == name.lower()), None)

    def _holds(self, record: dict[str, Any], name: str, operator: str, raw: str) -> bool:
        value = self._value(record, name)
        operator = operator.upper()
        if operator == "IN":
            return str(value) in {_unescape(s) for s in _STRING.findall(raw)}
        literal = _STRING.fullmatch(raw.strip())
        wanted = _unescape(literal.group(1)) if literal else raw.strip()
        if operator in ("<", "<=", ">", ">="):
            return value is not None and _compare(value, wanted, operator)
        if isinstance(value, bool) and not literal:  # IsWon = true: a boolean literal, not a string
            equal = str(value).lower() == wanted.lower()
            return equal if operator == "=" else not equal
        if operator == "LIKE":
            return value is not None and _like(literal.group(1) if literal else wanted, str(value))
        equal = (None if wanted == "null" else wanted) == (None if value is None else str(value))
        return equal if operator == "=" else not equal

    def _shape(self, sobject: str, record: dict[str, Any], fields: list[str], version: str) -> dict[str, Any]:
        out: dict[str, Any] = {"attributes": {"type": sobject, "url": f"/services/data/v{version}/sobjects/{sobject}/{record['Id']}"}}
        for name in fields:
            if "." in name:
                relation, _, parent_field = name.partition(".")
                if relation not in out:
                    out[relation] = self._parent(record, relation, version)
                if out[relation] is not None:
                    out[relation][parent_field] = self._value(self._parent_record(record, relation) or {}, parent_field)
            else:
                out[name] = self._value(record, name)
        return out

    def _parent_record(self, record: dict[str, Any], relation: str) -> dict[str, Any] | None:
        """The record a relationship field points to (Owner: the User in OwnerId; Account: AccountId)."""
        return self.records.get(_PARENTS.get(relation, relation), {}).get(str(record.get(f"{relation}Id")))

    def _parent(self, record: dict[str, Any], relation: str, version: str) -> dict[str, Any] | None:
        """The nested parent object of a query row, holding only its `attributes` so far; None without a parent."""
        parent = self._parent_record(record, relation)
        sobject = _PARENTS.get(relation, relation)
        if parent is None:
            return None
        return {"attributes": {"type": sobject, "url": f"/services/data/v{version}/sobjects/{sobject}/{parent['Id']}"}}

    # -- HTTP -------------------------------------------------------------------------

    def handle(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> tuple[int, Any]:
        for index, script in enumerate(self.scripted):
            if script.path in path:
                self.scripted.pop(index)
                return script.status, script.body
        match = re.fullmatch(r"/services/data/v([\d.]+)/(query|sobjects)/?([\w-]*)/?([\w-]*)", path)
        if not match:
            return 404, [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}]
        version, kind, first, second = match.groups()
        if kind == "sobjects" and method == "GET" and second == "describe" and first in self.fields:
            return 200, self.describe(first, version)
        if kind == "query" and method == "GET":
            if first and first in self._cursors:
                return 200, self._page(self._cursors.pop(first), version)
            return self.query((query.get("q") or [""])[0], version)
        if kind == "sobjects" and method == "POST" and first in self.records and not second:
            record_id = self.add(first, **body)
            if self.reset_creates:
                self.reset_creates -= 1
                raise _Hangup()
            return 201, {"id": record_id, "success": True, "errors": []}
        if kind == "sobjects" and method == "PATCH" and first in self.records and second:
            if second not in self.records[first]:
                return 404, [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}]
            self.records[first][second].update(body)
            return 204, None
        return 404, [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        def respond(request: JsonRequest) -> JsonReply:
            status, body = self.handle(request.method, request.path, request.query, request.body)
            return JsonReply(status, body)

        return json_api_handler(lambda: self.token, respond,
                                unauthorized=JsonReply(401, [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]),
                                bad_json=JsonReply(400, [{"message": "Unexpected character", "errorCode": "JSON_PARSER_ERROR"}]))
