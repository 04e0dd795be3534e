"""The 8-K Item 5.02 connector against a fake EDGAR."""

from __future__ import annotations

from fake_edgar import NOW, USER_AGENT, FakeEdgar

from signalwatch.connectors import get_connector_class
from signalwatch.connectors.base import FetchContext
from signalwatch.connectors.edgar.client import EdgarOptions
from signalwatch.connectors.edgar.eightk import EightKConnector
from signalwatch.http import HttpClient


def run(edgar: FakeEdgar, http: HttpClient) -> list:
    edgar.feed("eightk_feed_1.atom")
    source = EightKConnector("sec-8k", EdgarOptions(user_agent=USER_AGENT, base_url=edgar.base_url))
    fetched = source.fetch(FetchContext(http=http, cursor={}, accounts=[], now=NOW))
    assert fetched.errors == {}
    return source.normalize(fetched, NOW).events


def test_registered_under_its_kind() -> None:
    assert get_connector_class("edgar_8k") is EightKConnector


def test_appointment_read_from_the_item_502_text(edgar: FakeEdgar, http: HttpClient) -> None:
    events = {(e.company_name, e.attributes["person"]): e for e in run(edgar, http)}
    acme = events[("ACME ROBOTICS, INC.", "Jane A. Doe")]
    assert (acme.type, acme.change, acme.source_kind) == ("leadership", "appointed", "edgar_8k")
    assert {k: acme.attributes[k] for k in ("title", "function", "seniority", "source", "cik")} == {
        "title": "Chief Financial Officer",
        "function": "finance",
        "seniority": "c_level",
        "source": "sec_8k_502",
        "cik": "0001900001",
    }
    assert "appointed Jane A. Doe, age 47, as Chief Financial Officer" in acme.summary
    # The biography ("Vice President, Finance of Globex Corporation since 2019") is not an event.
    assert not any(person == "Robert Lee" or company != "ACME ROBOTICS, INC." and person == "Jane A. Doe" for company, person in events)


def test_press_release_exhibit_read_when_the_filing_defers_to_it(edgar: FakeEdgar, http: HttpClient) -> None:
    hooli = sorted(
        (e.change, e.attributes["person"], e.attributes["title"]) for e in run(edgar, http) if e.company_name == "HOOLI INC"
    )
    assert hooli == [("appointed", "Patrice Hanna", "Chief Executive Officer"), ("departed", "Gavin Belson", "Chief Executive Officer")]


def test_change_without_a_name_still_alerts_with_nulls(edgar: FakeEdgar, http: HttpClient) -> None:
    [soylent] = [e for e in run(edgar, http) if e.company_name == "SOYLENT FOODS CO"]
    assert soylent.change == "departed"
    assert (soylent.attributes["person"], soylent.attributes["title"], soylent.attributes["seniority"]) == (None, None, None)


def test_pay_only_filings_amendments_and_other_items_make_no_events(edgar: FakeEdgar, http: HttpClient) -> None:
    companies = {e.company_name for e in run(edgar, http)}
    assert companies == {"ACME ROBOTICS, INC.", "HOOLI INC", "SOYLENT FOODS CO"}
    paths = edgar.paths()
    assert not any("400002" in p or "400004" in p for p in paths)  # 2.02-only and 8-K/A: not even fetched
    assert not any("ex99-1.htm" in p for p in paths)  # Acme's main document said it all
    assert any("hooli-ex991.htm" in p for p in paths)
    assert not any(p.startswith("/ix") for p in paths)  # iXBRL viewer links fetched as plain documents
    assert edgar.agents() == {USER_AGENT}


def test_restating_the_same_change_keeps_one_dedupe_key(edgar: FakeEdgar, http: HttpClient) -> None:
    events = run(edgar, http)
    assert len({e.dedupe_key for e in events}) == len(events)
