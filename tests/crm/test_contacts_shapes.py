"""The contact import reads the recorded CRM responses (tests/fixtures, provenance in their READMEs)
through the real clients, and the fakes answer in those recorded shapes."""

from __future__ import annotations

from typing import Any

from signalwatch.crm.fetch import CONTACT_PROPERTIES, salesforce_contacts
from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.devtools.fake_salesforce import FakeSalesforce, SfScripted
from signalwatch.sinks.hubspot import HubSpotConfig, build_hubspot_api
from signalwatch.sinks.salesforce import SalesforceConfig, build_salesforce_api
from tests.crm.conftest import HUBSPOT_TOKEN, SF_FIXTURES
from tests.crm.test_fake_shapes import call, fixture, shape

ASSOCIATIONS = "/crm/v4/associations/companies/contacts/batch/read"


def hubspot_api(hubspot: FakeHubSpot) -> Any:
    return build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=2), HUBSPOT_TOKEN)


def test_the_recorded_association_batch_answer_gives_each_company_its_contacts(hubspot: FakeHubSpot) -> None:
    hubspot.scripted.append(Scripted(ASSOCIATIONS, status=207, body=fixture("hubspot", "associations-batch-read-207.json")))
    found = hubspot_api(hubspot).company_contact_ids(["501", "103107104018"])
    # The recording's one result links 501 to a record; its 207 error only says the other id has none.
    assert found.ids == {"501": ["29022297485"], "103107104018": []}
    assert found.problems == {}
    assert hubspot.bodies == [(ASSOCIATIONS, {"inputs": [{"id": "501"}, {"id": "103107104018"}]})]


def test_the_recorded_contact_batch_read_gives_names_and_titles(hubspot: FakeHubSpot) -> None:
    hubspot.scripted.append(Scripted("/crm/v3/objects/contacts/batch/read", status=200, body=fixture("hubspot", "contacts-batch-read.json")))
    found = hubspot_api(hubspot).read_contacts(["110338039632", "110323586992"], CONTACT_PROPERTIES)
    assert [(r.id, r.properties["firstname"], r.properties["lastname"], r.properties["email"]) for r in found] == [
        ("110338039632", "Brian", "Halligan (Sample Contact)", "bh@hubspot.com"),
        ("110323586992", "Maria", "Johnson (Sample Contact)", "emailmaria@hubspot.com")]
    assert hubspot.bodies == [("/crm/v3/objects/contacts/batch/read", {
        "inputs": [{"id": "110338039632"}, {"id": "110323586992"}], "properties": CONTACT_PROPERTIES, "propertiesWithHistory": []})]


def test_the_fake_hubspot_answers_both_batch_reads_in_the_recorded_shapes(hubspot: FakeHubSpot) -> None:
    acme, empty = hubspot.add_company("Acme", "acme.example"), hubspot.add_company("Empty", "empty.example")
    two = hubspot.add_contact("Two", "Companies", "CFO", "two@acme.example", [acme])
    status, links = call(f"{hubspot.host}{ASSOCIATIONS}", HUBSPOT_TOKEN, "POST", {"inputs": [{"id": acme}, {"id": empty}]})
    recorded = fixture("hubspot", "associations-batch-read-207.json")
    assert status == 207 and set(links) == set(recorded)
    assert shape(links["results"]) == shape(recorded["results"]) and shape(links["errors"]) == shape(recorded["errors"])
    assert links["results"][0]["to"][0]["toObjectId"] == int(two)  # a number, as recorded
    assert links["errors"][0]["message"] == f"No contact is associated with company {empty}."
    status, people = call(f"{hubspot.host}/crm/v3/objects/contacts/batch/read", HUBSPOT_TOKEN, "POST",
                          {"inputs": [{"id": two}], "properties": ["firstname", "lastname", "email"]})
    recorded = fixture("hubspot", "contacts-batch-read.json")
    assert status == 200 and shape(people) == shape(recorded)
    assert set(people["results"][0]["properties"]) == set(recorded["results"][0]["properties"])


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
