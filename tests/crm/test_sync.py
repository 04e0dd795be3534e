"""Account sync from the fake CRMs through the real clients: new, changed (re-owned) and deleted accounts."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk import WebClient

from signalwatch.accounts import Account
from signalwatch.crm.fetch import hubspot_accounts, salesforce_accounts
from signalwatch.crm.owners import SlackDirectory
from signalwatch.crm.sync import apply_sync
from signalwatch.crm.sync_config import HubSpotSyncConfig, SalesforceSyncConfig
from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.sinks import SinkError
from signalwatch.sinks.hubspot import HubSpotConfig, build_hubspot_api
from signalwatch.sinks.salesforce import SalesforceConfig, build_salesforce_api
from signalwatch.store import Store
from tests.conftest import SLACK_TOKEN
from tests.crm.conftest import HUBSPOT_TOKEN, SF_FIXTURES, Clock, enqueue


def directory(slack: FakeSlack) -> SlackDirectory:
    slack.users = {"ann@example.com": "U0ANN0001", "bob@example.com": "U0BOB0001"}
    return SlackDirectory(WebClient(token=SLACK_TOKEN, base_url=slack.base_url, retry_handlers=[]))


def by_name(store: Store) -> dict[str, Account]:
    return {a.name: a for a in store.list_accounts()}


def test_hubspot_sync_picks_up_new_changed_and_deleted_companies(hubspot: FakeHubSpot, slack: FakeSlack, store: Store, clock: Clock) -> None:
    ann, bob = hubspot.add_owner("ann@example.com"), hubspot.add_owner("Bob@Example.com")
    acme = hubspot.add_company("Acme", "www.acme.com", hubspot_owner_id=ann, numberofemployees="120", industry="COMPUTER_SOFTWARE")
    beta = hubspot.add_company("Beta", "beta.io", hubspot_owner_id=bob)
    store.upsert_accounts([Account(0, "Acme", "acme.com", boards=("greenhouse:acme",), tags=("strategic",)),
                           Account(0, "Local Only", "local.example")], clock.now)
    api = build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=2), HUBSPOT_TOKEN)
    people = directory(slack)

    first = apply_sync(store, "hubspot", hubspot_accounts(api, HubSpotSyncConfig()), people.user_id, clock.now)
    assert (first.added, first.updated, first.removed) == (1, 1, 0)
    accounts = by_name(store)
    assert accounts["Acme"].crm_id == f"hubspot:{acme}" and accounts["Acme"].owner_slack_id == "U0ANN0001"
    assert accounts["Acme"].boards == ("greenhouse:acme",) and accounts["Acme"].tags == ("strategic",)  # kept: only we know them
    assert accounts["Acme"].employees == 120 and accounts["Acme"].industry == "software"  # the ICP's word for COMPUTER_SOFTWARE
    beta_id = accounts["Beta"].id
    enqueue(store, clock.now, [("console", None)])  # an alert and event exist for Beta's history

    gamma = hubspot.add_company("Gamma", "gamma.dev", hubspot_owner_id=ann)
    company = hubspot.objects["companies"][acme]["properties"]
    company.update(hubspot_owner_id=bob, numberofemployees="150")  # re-owned and grown
    hubspot.archive("companies", beta)  # deleted in HubSpot
    second = apply_sync(store, "hubspot", hubspot_accounts(api, HubSpotSyncConfig()), people.user_id, clock.now)
    assert (second.added, second.updated, second.removed, second.reowned) == (1, 1, 1, 1)
    accounts = by_name(store)
    assert set(accounts) == {"Acme", "Gamma", "Local Only"}  # Beta no longer alerts; the CSV-only account is untouched
    assert accounts["Acme"].owner_email == "bob@example.com" and accounts["Acme"].owner_slack_id == "U0BOB0001"
    assert accounts["Gamma"].crm_id == f"hubspot:{gamma}"
    assert len(store.list_events()) == 1 and beta_id not in {a.id for a in store.list_accounts()}
    assert people.lookups == 2  # ann and bob, each looked up once across both syncs


def test_a_filter_limits_the_sync_and_companies_leaving_it_are_removed(hubspot: FakeHubSpot, store: Store, clock: Clock) -> None:
    hubspot.add_company("Prospect Co", "prospect.co", lifecyclestage="opportunity")
    customer = hubspot.add_company("Customer Co", "customer.co", lifecyclestage="opportunity")
    api = build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=2), HUBSPOT_TOKEN)
    config = HubSpotSyncConfig(filter_groups=[{"filters": [{"propertyName": "lifecyclestage", "operator": "EQ", "value": "opportunity"}]}])
    apply_sync(store, "hubspot", hubspot_accounts(api, config), lambda _: None, clock.now)
    assert set(by_name(store)) == {"Prospect Co", "Customer Co"}
    hubspot.objects["companies"][customer]["properties"]["lifecyclestage"] = "customer"
    apply_sync(store, "hubspot", hubspot_accounts(api, config), lambda _: None, clock.now)
    assert set(by_name(store)) == {"Prospect Co"}


def test_a_failed_fetch_changes_nothing(hubspot: FakeHubSpot, store: Store, clock: Clock) -> None:
    hubspot.add_company("Acme", "acme.com")
    api = build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=2), HUBSPOT_TOKEN)
    apply_sync(store, "hubspot", hubspot_accounts(api, HubSpotSyncConfig()), lambda _: None, clock.now)
    hubspot.scripted.append(Scripted("/objects/companies", status=502, body={"status": "error", "message": "Bad gateway"}))
    with pytest.raises(SinkError, match="502"):
        apply_sync(store, "hubspot", hubspot_accounts(api, HubSpotSyncConfig()), lambda _: None, clock.now)
    assert set(by_name(store)) == {"Acme"}


def test_salesforce_sync_uses_the_soql_filter_and_follows_pages(salesforce: Any, slack: FakeSlack, store: Store, clock: Clock) -> None:
    salesforce.page_size = 1
    ann = salesforce.add("User", Email="Ann@Example.com")
    salesforce.add("Account", Name="Acme", Website="https://www.acme.com/", Type="Prospect", OwnerId=ann, NumberOfEmployees=80,
                   BillingCountry="de")
    beta = salesforce.add("Account", Name="Beta", Website="beta.io", Type="Prospect", OwnerId=ann, BillingCountry="United States")
    salesforce.add("Account", Name="Existing Customer", Website="cust.com", Type="Customer", OwnerId=ann)
    config = SalesforceConfig(enabled=True, instance_url=salesforce.instance_url, ca_bundle=str(SF_FIXTURES / "loopback-cert.pem"), timeout=2)
    api = build_salesforce_api(config, salesforce.token)
    sync = SalesforceSyncConfig(where="Type = 'Prospect'")
    report = apply_sync(store, "salesforce", salesforce_accounts(api, sync), directory(slack).user_id, clock.now)
    assert report.added == 2
    acme = by_name(store)["Acme"]
    assert (acme.domain, acme.owner_email, acme.owner_slack_id, acme.employees, acme.country) == ("acme.com", "ann@example.com", "U0ANN0001", 80, "DE")
    assert by_name(store)["Beta"].country == "US"  # the code rules are written in, not "UNITED STATES"
    salesforce.delete("Account", beta)
    apply_sync(store, "salesforce", salesforce_accounts(api, sync), directory(slack).user_id, clock.now)
    assert set(by_name(store)) == {"Acme"}


def test_a_hubspot_list_chooses_the_companies(hubspot: FakeHubSpot, store: Store, clock: Clock) -> None:
    members = [hubspot.add_company(f"Member {n}", f"member{n}.example") for n in range(3)]
    hubspot.add_company("Outsider", "outsider.example")
    hubspot.lists["42"] = members
    api = build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=2), HUBSPOT_TOKEN)
    apply_sync(store, "hubspot", hubspot_accounts(api, HubSpotSyncConfig(list_id="42")), lambda _: None, clock.now)
    assert set(by_name(store)) == {"Member 0", "Member 1", "Member 2"}
    hubspot.archive("companies", members[1])
    apply_sync(store, "hubspot", hubspot_accounts(api, HubSpotSyncConfig(list_id="42")), lambda _: None, clock.now)
    assert set(by_name(store)) == {"Member 0", "Member 2"}


def test_an_empty_crm_owner_never_clears_the_stored_owner_or_slack_id(hubspot: FakeHubSpot, slack: FakeSlack, store: Store,
                                                                     clock: Clock) -> None:
    carol = hubspot.add_owner("carol@example.com")  # a new owner Slack does not know
    hubspot.add_company("Acme", "acme.com")  # no owner in HubSpot
    hubspot.add_company("Beta", "beta.io", hubspot_owner_id=carol)
    store.upsert_accounts([Account(0, "Acme", "acme.com", owner_email="dana@example.com", owner_slack_id="U0DANA001"),
                           Account(0, "Beta", "beta.io", owner_email="dana@example.com", owner_slack_id="U0DANA001")], clock.now)
    api = build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=2), HUBSPOT_TOKEN)
    report = apply_sync(store, "hubspot", hubspot_accounts(api, HubSpotSyncConfig()), directory(slack).user_id, clock.now)
    accounts = by_name(store)
    assert (accounts["Acme"].owner_email, accounts["Acme"].owner_slack_id) == ("dana@example.com", "U0DANA001")
    # Re-owned in the CRM: the new owner, and not the previous owner's Slack id (they would get Carol's DMs).
    assert (accounts["Beta"].owner_email, accounts["Beta"].owner_slack_id) == ("carol@example.com", None)
    assert report.reowned == 1


def test_industry_enums_become_the_icp_words_and_an_industry_map_extends_them(hubspot: FakeHubSpot, store: Store, clock: Clock) -> None:
    hubspot.add_company("Soft", "soft.example", industry="COMPUTER_SOFTWARE")
    hubspot.add_company("Bank", "bank.example", industry="FINANCIAL_SERVICES")
    hubspot.add_company("Games", "games.example", industry="COMPUTER_GAMES")
    api = build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=2), HUBSPOT_TOKEN)
    config = HubSpotSyncConfig(industry_map={"FINANCIAL_SERVICES": "fintech"})
    apply_sync(store, "hubspot", hubspot_accounts(api, config), lambda _: None, clock.now)
    assert {a.name: a.industry for a in store.list_accounts()} == {"Soft": "software", "Bank": "fintech", "Games": "computer games"}


def test_an_account_in_both_crms_keeps_one_id_per_crm_across_alternate_syncs(
    hubspot: FakeHubSpot, salesforce: Any, store: Store, clock: Clock
) -> None:
    company = hubspot.add_company("Acme", "acme.com")
    sf_account = salesforce.add("Account", Name="Acme", Website="https://acme.com/")
    hs_api = build_hubspot_api(HubSpotConfig(enabled=True, host=hubspot.host, timeout=2), HUBSPOT_TOKEN)
    sf_config = SalesforceConfig(enabled=True, instance_url=salesforce.instance_url, ca_bundle=str(SF_FIXTURES / "loopback-cert.pem"), timeout=2)
    sf_api = build_salesforce_api(sf_config, salesforce.token)
    both = f"hubspot:{company};salesforce:{sf_account}"

    def sync(crm: str) -> None:
        incoming = hubspot_accounts(hs_api, HubSpotSyncConfig()) if crm == "hubspot" else salesforce_accounts(sf_api, SalesforceSyncConfig())
        apply_sync(store, crm, incoming, lambda _: None, clock.now)

    for crm in ("hubspot", "salesforce", "hubspot", "salesforce"):
        sync(crm)
        assert len(store.list_accounts()) == 1
    assert by_name(store)["Acme"].crm_id == both  # was hubspot:… and salesforce:… in turn
    hubspot.archive("companies", company)  # gone from HubSpot, still in Salesforce: unlinked, kept
    sync("hubspot")
    assert by_name(store)["Acme"].crm_id == f"salesforce:{sf_account}"
    salesforce.delete("Account", sf_account)  # gone from both: it no longer alerts
    sync("salesforce")
    assert store.list_accounts() == []
