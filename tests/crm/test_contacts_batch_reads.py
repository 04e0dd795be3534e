"""The HubSpot contact import reads only the synced companies' people: their contact ids by v4
association batch reads (at most 1,000 companies a request), then those contacts by batch reads
(100 a request); never the portal's whole contact list. Driven through hubspot-api-client
against the fake HubSpot on loopback, counting the requests it received."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from signalwatch.crm.contacts import CrmContact, contacts_of, replace_contacts
from signalwatch.crm.fetch import hubspot_contacts
from signalwatch.crm.hubspot_api import HubSpotApiError
from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.sinks.hubspot import HubSpotConfig, build_hubspot_api
from signalwatch.store import Store
from tests.crm.conftest import HUBSPOT_TOKEN

ASSOCIATIONS = "/crm/v4/associations/companies/contacts/batch/read"
CONTACTS = "/crm/v3/objects/contacts/batch/read"
NOW = datetime(2026, 12, 6, 9, 0, tzinfo=timezone.utc)


def api(hubspot: FakeHubSpot) -> Any:
    # A wide client-side window: these tests send hundreds of requests' worth of ids, not a burst test.
    return build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=5, burst_limit=1000), HUBSPOT_TOKEN)


def inputs(hubspot: FakeHubSpot, path: str) -> list[list[str]]:
    """The ids of each batch request the fake received on `path`, in order."""
    return [[item["id"] for item in body["inputs"]] for where, body in hubspot.bodies if where == path]


def seed(hubspot: FakeHubSpot, companies: int, people_each: int, others: int) -> list[str]:
    """`companies` companies with `people_each` contacts each (the ones a sync asks for), and
    `others` contacts of one more company nobody syncs."""
    ids = []
    for n in range(companies):
        company = hubspot.add_company(f"Company {n}", f"c{n}.example")
        ids.append(company)
        for k in range(people_each):
            hubspot.add_contact(f"P{k}", f"Of{n}", "VP Finance", f"p{k}@c{n}.example", [company])
    elsewhere = hubspot.add_company("Not synced", "elsewhere.example")
    for k in range(others):
        hubspot.add_contact(f"O{k}", "Other", "CFO", f"o{k}@elsewhere.example", [elsewhere])
    return ids


def test_a_sync_reads_only_the_synced_companies_contacts_in_a_few_batch_requests(hubspot: FakeHubSpot) -> None:
    synced = seed(hubspot, companies=200, people_each=2, others=3000)
    listing = hubspot_contacts(api(hubspot), synced, "777")

    assert len(listing.contacts) == 400 and listing.unread == {}
    assert {c.company_id for c in listing.contacts} == set(synced) and not any(c.name.endswith("Other") for c in listing.contacts)
    assert ("GET", "/crm/v3/objects/contacts") not in hubspot.requests  # no full-portal listing
    # owners once, one association batch for 200 companies, 400 contacts in 4 reads of 100:
    # 6 requests, where the portal's contact list (3,400 contacts, 100 a page) took 35.
    assert hubspot.requests.count(("POST", ASSOCIATIONS)) == 1 and hubspot.requests.count(("POST", CONTACTS)) == 4
    assert len(hubspot.requests) == 6
    read = [contact for batch in inputs(hubspot, CONTACTS) for contact in batch]
    assert sorted(read) == sorted(c.remote_id for c in listing.contacts)  # only the synced companies' people


def test_batches_stop_at_hubspots_limits(hubspot: FakeHubSpot) -> None:
    synced = seed(hubspot, companies=2001, people_each=0, others=0)
    wanted = [synced[0], synced[1]]
    for n in range(250):  # 250 people across the first two companies
        hubspot.add_contact(f"P{n}", "Person", "CFO", None, [wanted[n % 2]])
    listing = hubspot_contacts(api(hubspot), synced, None)

    assert [len(batch) for batch in inputs(hubspot, ASSOCIATIONS)] == [1000, 1000, 1]  # 1,000 ids a request at most
    assert [len(batch) for batch in inputs(hubspot, CONTACTS)] == [100, 100, 50]  # 100 a request
    assert len(listing.contacts) == 250 and listing.unread == {}


def test_a_company_with_more_contacts_than_a_page_is_asked_again_with_its_after(hubspot: FakeHubSpot) -> None:
    hubspot.association_page_size = 2
    big, small = seed(hubspot, companies=2, people_each=0, others=0)
    crowd = [hubspot.add_contact(f"P{n}", "Person", "CFO", None, [big]) for n in range(5)]
    solo = hubspot.add_contact("Solo", "Person", "CEO", None, [small])
    found = api(hubspot).company_contact_ids([big, small])

    assert found.ids == {big: crowd, small: [solo]} and found.problems == {}
    requests = [body["inputs"] for where, body in hubspot.bodies if where == ASSOCIATIONS]
    assert requests == [[{"id": big}, {"id": small}], [{"id": big, "after": "2"}], [{"id": big, "after": "4"}]]


def test_a_207_for_one_company_keeps_the_others_and_names_it(hubspot: FakeHubSpot) -> None:
    acme, broken, empty = seed(hubspot, companies=3, people_each=0, others=0)
    cfo = hubspot.add_contact("Fay", "Money", "CFO", "fay@acme.example", [acme])
    hubspot.add_contact("Bo", "Broken", "CEO", "bo@broken.example", [broken])
    hubspot.failing_companies = {broken}
    listing = hubspot_contacts(api(hubspot), [acme, broken, empty], None)

    assert [(c.company_id, c.remote_id, c.name) for c in listing.contacts] == [(acme, cfo, "Fay Money")]
    assert list(listing.unread) == [broken] and "Invalid object id" in listing.unread[broken]  # empty: no contacts, no error


def test_a_company_hubspot_could_not_answer_for_keeps_its_stored_contacts(hubspot: FakeHubSpot, store: Store) -> None:
    acme, broken = seed(hubspot, companies=2, people_each=0, others=0)
    fay = hubspot.add_contact("Fay", "Money", "CFO", "fay@acme.example", [acme])
    bo = hubspot.add_contact("Bo", "Broken", "CEO", "bo@broken.example", [broken])
    first = hubspot_contacts(api(hubspot), [acme, broken], None)
    assert replace_contacts(store, "hubspot", first.contacts, {acme, broken}, NOW) == 2

    hubspot.archive("contacts", fay)  # deleted in HubSpot: goes
    hubspot.failing_companies = {broken}  # this time HubSpot cannot say who works there: Bo stays
    second = hubspot_contacts(api(hubspot), [acme, broken], None)
    assert replace_contacts(store, "hubspot", second.contacts, {acme, broken}, NOW, unread=second.unread) == 1
    stored = contacts_of(store.engine, [("hubspot", acme), ("hubspot", broken)])
    assert stored == {("hubspot", broken): [CrmContact("hubspot", broken, bo, "Bo Broken", "CEO", "bo@broken.example")]}


def test_a_contact_deleted_between_the_two_reads_is_left_out(hubspot: FakeHubSpot) -> None:
    acme, = seed(hubspot, companies=1, people_each=0, others=0)
    gone = hubspot.add_contact("Gone", "Soon", "CFO", None, [acme])
    kept = hubspot.add_contact("Still", "Here", "CEO", None, [acme])
    client = api(hubspot)
    ids = client.company_contact_ids([acme]).ids[acme]
    hubspot.archive("contacts", gone)
    assert [record.id for record in client.read_contacts(ids, ["firstname"])] == [kept]  # the 207's missing id is dropped


def test_a_rate_limited_association_read_is_a_retryable_error_with_hubspots_wait(hubspot: FakeHubSpot) -> None:
    acme, = seed(hubspot, companies=1, people_each=1, others=0)
    hubspot.scripted.append(Scripted(ASSOCIATIONS, status=429, headers={"Retry-After": "3"}))
    with pytest.raises(HubSpotApiError) as caught:
        hubspot_contacts(api(hubspot), [acme], None)
    assert caught.value.status == 429 and caught.value.retryable and caught.value.retry_after == 3.0
    assert "HubSpot contact associations: rate limited (TEN_SECONDLY_ROLLING)" in str(caught.value)
