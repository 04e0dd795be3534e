"""The fakes answer deal and Opportunity reads in the shapes recorded from the real APIs, and the
real recorded HubSpot page reads as signalwatch expects through the real client."""

from __future__ import annotations

import json
import ssl
import urllib.parse
from datetime import date
from pathlib import Path
from typing import Any

from signalwatch.crm.hubspot_api import HubSpotApi
from signalwatch.crm.sync_config import HubSpotSyncConfig
from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_salesforce import FakeSalesforce
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from signalwatch.http.ratelimit import WindowLimiter
from signalwatch.icp.deals import hubspot_closed_deals, primary_company
from tests.crm.conftest import HUBSPOT_TOKEN, SF_FIXTURES
from tests.crm.test_fake_shapes import call

FIXTURES = Path(__file__).parent.parent / "fixtures"


def recorded(provider: str, name: str) -> Any:
    return json.loads((FIXTURES / provider / name).read_text(encoding="utf-8"))


def kinds(record: dict[str, Any]) -> dict[str, str]:
    """Each key's JSON type (parents by their own keys' types)."""
    return {key: (repr(sorted(kinds(value).items())) if isinstance(value, dict) else type(value).__name__)
            for key, value in record.items()}


def test_fake_hubspot_lists_deals_with_company_associations_as_recorded(hubspot: FakeHubSpot) -> None:
    page = recorded("hubspot", "deals-page-with-associations.json")
    with_links, without_links = page["results"][2], page["results"][0]
    acme, other = hubspot.add_company("Acme", "acme.example"), hubspot.add_company("Other", "other.example")
    hubspot.add_deal("Acme renewal", "closedwon", "2026-10-01T12:00:00Z", acme)
    hubspot.associations.append(("deals", hubspot.live("deals")[0]["id"], other, 341))  # a second, unlabeled company
    hubspot.add_deal("No company", "appointmentscheduled", None)
    query = urllib.parse.urlencode({"limit": 10, "properties": "dealname,dealstage,closedate,hs_is_closed,hs_is_closed_won",
                                    "associations": "companies", "archived": "false"})
    status, found = call(f"{hubspot.host}/crm/v3/objects/deals?{query}", HUBSPOT_TOKEN)
    assert status == 200 and set(found) == set(page) == {"results"}  # one page: no paging key
    linked, alone = found["results"]
    assert set(linked) == set(with_links) and set(alone) == set(without_links)  # no associations key without companies
    assert set(linked["associations"]) == {"companies"} and set(linked["associations"]["companies"]) == {"results"}
    assert [set(link) for link in linked["associations"]["companies"]["results"]] == [{"id", "type"}] * 3
    recorded_links = with_links["associations"]["companies"]["results"]
    assert {link["type"] for link in linked["associations"]["companies"]["results"]} == {link["type"] for link in recorded_links}
    assert all(value is None or isinstance(value, str) for value in linked["properties"].values())
    assert linked["properties"]["hs_is_closed_won"] == "true" and alone["properties"]["hs_is_closed"] == "false"


def test_the_recorded_hubspot_page_reads_through_the_real_client() -> None:
    """The recorded page, served as it came: three open deals (one with hs_is_closed_lost "true" and no
    stage, which is not a lost deal), the primary company told from the unlabeled ones."""
    page = recorded("hubspot", "deals-page-with-associations.json")
    with FixtureServer() as server:
        server.route("crm/v3/objects/deals", Reply(json.dumps(page).encode(), content_type="application/json"))
        api = HubSpotApi(HUBSPOT_TOKEN, host=server.url(""), timeout=5, limiter=WindowLimiter(100, 1.0),
                         search_limiter=WindowLimiter(10, 1.0))
        read = hubspot_closed_deals(api, HubSpotSyncConfig(), date(2020, 1, 1), watched=lambda company: True)
        links = [links for _, links in api.iter_deals(["dealname"])]
    assert (read.deals, read.not_closed) == ([], 3)
    assert links[0] == [] and primary_company(links[2]) == "18785867255"
    assert ("12100981203", "deal_to_company_unlabeled") in links[2]


def test_fake_salesforce_answers_opportunity_queries_with_parent_fields_as_recorded(salesforce: FakeSalesforce) -> None:
    context = ssl.create_default_context(cafile=str(SF_FIXTURES / "loopback-cert.pem"))
    base = f"{salesforce.instance_url}/services/data/v60.0"
    account = salesforce.add("Account", Name="Nango-11", Website="https://nango.example/")
    salesforce.add("Opportunity", Name="With account", AccountId=account, Amount=12000, CloseDate="2024-12-31",
                   StageName="Closed Won", IsClosed=True, IsWon=True)
    salesforce.add("Opportunity", Name="Alone", AccountId=None, Amount=None, CloseDate="2024-10-17", StageName="Closed Lost",
                   IsClosed=True, IsWon=False)
    salesforce.add("Opportunity", Name="Open", AccountId=None, Amount=None, CloseDate="2024-11-30", StageName="Qualify",
                   IsClosed=False, IsWon=False)

    fields = ["Id", "Name", "AccountId", "Account.Name", "Amount", "CloseDate", "StageName"]
    soql = f"SELECT {', '.join(fields)} FROM Opportunity WHERE IsClosed = true AND CloseDate >= 2024-10-01 ORDER BY CloseDate"
    status, found = call(f"{base}/query/?q={urllib.parse.quote(soql)}", salesforce.token, context=context)
    page = recorded("salesforce", "opportunity-query.json")
    chosen = {"attributes", "Id", "Name", "AccountId", "Account", "Amount", "CloseDate", "StageName"}
    expected_linked, expected_alone = ({key: record[key] for key in chosen} for record in (page["records"][2], page["records"][0]))
    assert status == 200 and set(found) == set(page)
    alone, linked = found["records"]  # the open one is left out; ordered by CloseDate
    assert kinds(linked) == kinds(expected_linked)  # Account nested with its own attributes, as recorded
    assert set(alone) == set(expected_alone) and alone["Account"] is None and expected_alone["Account"] is None  # no parent
    assert linked["Account"]["attributes"]["url"].endswith(f"/sobjects/Account/{account}")

    plain = "SELECT Id, Name, Amount, StageName, AccountId, LastModifiedDate FROM Opportunity WHERE IsWon = true"
    status, won = call(f"{base}/query/?q={urllib.parse.quote(plain)}", salesforce.token, context=context)
    stages = recorded("salesforce", "opportunity-stages-query.json")
    assert status == 200 and [r["Name"] for r in won["records"]] == ["With account"]
    assert set(won["records"][0]) == set(stages["records"][2]) and stages["records"][2]["StageName"] == "Closed Won"
