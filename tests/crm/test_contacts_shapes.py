"""The contact import reads the recorded CRM responses (tests/fixtures, provenance in their READMEs)
through the real clients, and the fakes answer in those recorded shapes."""

from __future__ import annotations

from typing import Any

from signalwatch.crm.fetch import CONTACT_PROPERTIES, hubspot_contacts, salesforce_contacts
from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.devtools.fake_salesforce import FakeSalesforce, SfScripted
from signalwatch.sinks.hubspot import HubSpotConfig, build_hubspot_api
from signalwatch.sinks.salesforce import SalesforceConfig, build_salesforce_api
from tests.crm.conftest import HUBSPOT_TOKEN, SF_FIXTURES
from tests.crm.test_fake_shapes import call, fixture, shape


def test_the_recorded_hubspot_contact_page_gives_each_contact_its_companies_once(hubspot: FakeHubSpot) -> None:
    hubspot.add_owner("dana@yourco.example")
    hubspot.scripted.append(Scripted("/crm/v3/objects/contacts", status=200, body=fixture("hubspot", "contacts-page-with-associations.json")))
    api = build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=2), HUBSPOT_TOKEN)
    found = hubspot_contacts(api, {"12100981203", "18785867255"}, "777")
    # Only contact 301 has companies: the primary one listed twice in the recording, and a second one.
    assert [(c.company_id, c.remote_id, c.name, c.email) for c in found] == [
        ("12100981203", "301", "Christopher L. Johnson", "chris.johnson@nango.dev"),
        ("18785867255", "301", "Christopher L. Johnson", "chris.johnson@nango.dev")]
    assert found[0].url == "https://app.hubspot.com/contacts/777/record/0-1/301"
    assert ("GET", "/crm/v3/objects/contacts") in hubspot.requests


def test_the_fake_hubspot_lists_contacts_in_the_recorded_shape(hubspot: FakeHubSpot) -> None:
    acme, beta = hubspot.add_company("Acme", "acme.example"), hubspot.add_company("Beta", "beta.example")
    hubspot.add_contact("Solo", "Person", None, "solo@example.com", [])
    hubspot.add_contact("Two", "Companies", "CFO", "two@acme.example", [acme, beta])
    status, page = call(f"{hubspot.host}/crm/v3/objects/contacts?limit=100&associations=companies&properties="
                        + ",".join(CONTACT_PROPERTIES), HUBSPOT_TOKEN)
    recorded = fixture("hubspot", "contacts-page-with-associations.json")
    assert status == 200 and set(page) == set(recorded) == {"results"}
    assert shape(page["results"][0]) == shape(recorded["results"][0])  # no companies: no associations key
    assert shape(page["results"][1]) == shape(recorded["results"][5])
    assert page["results"][1]["associations"]["companies"]["results"] == [
        {"id": acme, "type": "contact_to_company"}, {"id": acme, "type": "contact_to_company_unlabeled"},
        {"id": beta, "type": "contact_to_company_unlabeled"}]


def sf_api(salesforce: FakeSalesforce) -> Any:
    config = SalesforceConfig(enabled=True, instance_url=salesforce.instance_url, ca_bundle=str(SF_FIXTURES / "loopback-cert.pem"), timeout=2)
    return build_salesforce_api(config, salesforce.token)


def test_the_recorded_salesforce_contact_query_is_read(salesforce: FakeSalesforce) -> None:
    salesforce.scripted.append(SfScripted("/query", status=200, body=fixture("salesforce", "contact-query.json")))
    found = salesforce_contacts(sf_api(salesforce), ["001000000000000001"], "https://acme.lightning.force.com")
    assert [(c.remote_id, c.name, c.email, c.company_id) for c in found][:2] == [
        ("003J9000004ogjXIAQ", "John Doe", "john.doe@example.com", ""), ("003J9000004ogjYIAQ", "Jane Smith", "jane.smith@example.com", "")]
    assert found[0].url == "https://acme.lightning.force.com/lightning/r/Contact/003J9000004ogjXIAQ/view"


def test_the_fake_salesforce_answers_contact_queries_in_the_recorded_shape(salesforce: FakeSalesforce) -> None:
    owner = salesforce.add("User", Email="dana@yourco.example")
    account = salesforce.add("Account", Name="Acme", Website="acme.example", OwnerId=owner)
    salesforce.add("Contact", FirstName="Fay", LastName="Money", Title="CFO", Email="fay@acme.example", AccountId=account, OwnerId=owner)
    salesforce.add("Contact", FirstName="Else", LastName="Where", AccountId=salesforce.add("Account", Name="Other", Website="o.example"))
    records = sf_api(salesforce).contacts([account])
    recorded = fixture("salesforce", "contact-query.json")["records"][0]
    assert len(records) == 1 and shape(records[0]["attributes"]) == shape(recorded["attributes"])
    assert records[0]["attributes"]["type"] == "Contact" and records[0]["Id"].startswith("003")
    assert (records[0]["Name"], records[0]["Title"], records[0]["Owner"]["Email"]) == ("Fay Money", "CFO", "dana@yourco.example")
