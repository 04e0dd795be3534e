"""The fakes answer in the shapes recorded from the providers' documentation (tests/fixtures)."""

from __future__ import annotations

import json
import ssl
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.devtools.fake_salesforce import FakeSalesforce, SfScripted
from tests.crm.conftest import HUBSPOT_TOKEN, SF_FIXTURES

FIXTURES = Path(__file__).parent.parent / "fixtures"


def shape(value: Any) -> Any:
    """Keys and value types, recursively; `properties` maps are compared by type only (their keys vary)."""
    if isinstance(value, dict):
        return {k: ("map" if k == "properties" else shape(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return "null" if value is None else type(value).__name__


def fixture(provider: str, name: str) -> Any:
    return json.loads((FIXTURES / provider / name).read_text(encoding="utf-8"))


def call(url: str, token: str, method: str = "GET", body: Any = None, context: ssl.SSLContext | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5, context=context) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def test_fake_hubspot_speaks_the_documented_shapes(hubspot: FakeHubSpot) -> None:
    owner = hubspot.add_owner("dana@yourco.example")
    company = hubspot.add_company("Acme Robotics", "acmerobotics.example")
    status, found = call(f"{hubspot.host}/crm/v3/objects/companies/search", HUBSPOT_TOKEN, "POST", {
        "filterGroups": [{"filters": [{"propertyName": "domain", "operator": "EQ", "value": "acmerobotics.example"}]}],
        "properties": ["domain", "name"], "limit": 10})
    assert status == 200 and shape(found) == shape(fixture("hubspot", "companies-search.json"))
    status, created = call(f"{hubspot.host}/crm/v3/objects/tasks", HUBSPOT_TOKEN, "POST", {
        "properties": {"hs_task_subject": "s", "hs_timestamp": "2026-11-24T10:02:11.000Z", "hubspot_owner_id": owner},
        "associations": [{"to": {"id": company}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 192}]}]})
    assert status == 201 and shape(created) == shape(fixture("hubspot", "task-created.json"))
    status, owners = call(f"{hubspot.host}/crm/v3/owners/?email=dana@yourco.example", HUBSPOT_TOKEN)
    assert status == 200 and shape(owners) == shape(fixture("hubspot", "owners-page.json"))
    hubspot.scripted.append(Scripted("/search"))
    status, limited = call(f"{hubspot.host}/crm/v3/objects/companies/search", HUBSPOT_TOKEN, "POST", {"filterGroups": []})
    assert status == 429 and shape(limited) == shape(fixture("hubspot", "rate-limited-429.json"))


def test_fake_salesforce_speaks_the_documented_shapes(salesforce: FakeSalesforce) -> None:
    context = ssl.create_default_context(cafile=str(SF_FIXTURES / "loopback-cert.pem"))
    owner = salesforce.add("User", Email="dana@yourco.example")
    salesforce.add("Account", Name="Acme Robotics", Website="https://www.acmerobotics.example/", OwnerId=owner)
    base = f"{salesforce.instance_url}/services/data/v59.0"
    query = urllib.request.quote("SELECT Id, OwnerId, Website FROM Account WHERE Website LIKE '%acmerobotics.example%'")
    status, found = call(f"{base}/query/?q={query}", salesforce.token, context=context)
    assert status == 200 and shape(found) == shape(fixture("salesforce", "account-query.json"))
    status, created = call(f"{base}/sobjects/Task/", salesforce.token, "POST", {"Subject": "s"}, context=context)
    assert status == 201 and shape(created) == shape(fixture("salesforce", "task-created.json"))
    salesforce.scripted.append(SfScripted("/query"))
    status, limited = call(f"{base}/query/?q={query}", salesforce.token, context=context)
    assert status == 403 and shape(limited) == shape(fixture("salesforce", "request-limit-exceeded.json"))
