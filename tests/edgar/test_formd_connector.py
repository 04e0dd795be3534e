"""The Form D connector against a fake EDGAR: events, skips, amendments, cursor and paging."""

from __future__ import annotations

from typing import Any

import pytest
from fake_edgar import FIXTURES, NOW, USER_AGENT, FakeEdgar
from pydantic import ValidationError

from signalwatch.connectors import get_connector_class
from signalwatch.connectors.base import FetchContext, Fetched, Normalized
from signalwatch.connectors.edgar.formd import FormDConnector, FormDOptions
from signalwatch.connectors.edgar.poll import SEEN_LIMIT
from signalwatch.http import HttpClient


def connector(edgar: FakeEdgar, **options: Any) -> FormDConnector:
    return FormDConnector("sec-form-d", FormDOptions(user_agent=USER_AGENT, base_url=edgar.base_url, **options))


def poll(source: FormDConnector, http: HttpClient, cursor: dict[str, Any] | None = None) -> Normalized:
    fetched = source.fetch(FetchContext(http=http, cursor=cursor or {}, accounts=[], now=NOW))
    return source.normalize(fetched, NOW)


def test_registered_under_its_kind() -> None:
    assert get_connector_class("edgar_formd") is FormDConnector


def test_first_poll_emits_funding_for_operating_companies_only(edgar: FakeEdgar, http: HttpClient) -> None:
    edgar.feed("formd_feed_1.atom")
    result = poll(connector(edgar), http)
    by_company = {event.company_name: event for event in result.events}
    # The venture fund raising its own fund is not a company raising money; the 2019 offering's
    # annual amendment is stale news.
    assert sorted(by_company) == ["Acme Robotics, Inc.", "INITECH HOLDINGS, INC."]
    acme = by_company["Acme Robotics, Inc."]
    assert (acme.type, acme.change, acme.source_kind, acme.source) == ("funding", "raised", "edgar_formd", "sec-form-d")
    assert acme.attributes | {"related_persons": None} == acme.attributes | {
        "amount": 12_500_000.0,
        "currency": "USD",
        "amount_usd": 12_500_000.0,
        "round": "undisclosed",
        "investors_count": 14,
        "industry_group": "Other Technology",
        "revenue_range": "Decline to Disclose",
        "total_offering_amount": 20_000_000.0,
        "date_of_first_sale": "2026-11-09",
        "cik": "0001900001",
        "accession": "0001900001-26-000001",
        "file_number": "021-512345",
        "is_amendment": False,
        "state": "TX",
        "source": "sec_form_d",
        "related_persons": None,
    }
    assert acme.attributes["related_persons"][1] == {"name": "Sam T. Okafor", "entity": False, "relationships": ["Director"], "clarification": None}
    assert acme.url and acme.url.endswith("/0001900001-26-000001-index.htm")
    assert acme.occurred_at.isoformat() == "2026-11-23T15:58:41+00:00"
    assert "$12,500,000" in acme.title
    initech = by_company["INITECH HOLDINGS, INC."].attributes
    assert (initech["amount"], initech["total_offering_amount"], initech["offering_indefinite"]) == (None, None, True)
    assert initech["date_of_first_sale"] is None


def test_every_request_declares_the_user_agent_and_a_first_run_reads_one_page(edgar: FakeEdgar, http: HttpClient) -> None:
    edgar.feed("formd_feed_1.atom")
    poll(connector(edgar), http)
    assert edgar.agents() == {USER_AGENT}
    feeds = [p for p in edgar.paths() if p.startswith("/cgi-bin/")]
    assert len(feeds) == 1 and "type=D" in feeds[0] and "output=atom" in feeds[0]
    # one filing listed twice (issuer and co-issuer) is fetched once; the raw XML, not the rendered copy
    assert sum("0001900001-26-000001-index.htm" in p for p in edgar.paths()) == 1
    assert not any("xslFormDX01" in p for p in edgar.paths())


def test_next_poll_fetches_only_new_filings_and_an_amendment_does_not_realert(edgar: FakeEdgar, http: HttpClient) -> None:
    source = connector(edgar)
    edgar.feed("formd_feed_1.atom")
    first = poll(source, http)
    edgar.clear()
    edgar.feed("formd_feed_2.atom")
    second = poll(source, http, first.cursor)
    assert [e.company_name for e in second.events] == ["Globex Analytics LLC"]
    assert len(edgar.paths()) == 3  # the feed page, Globex's index and its primary_doc.xml
    edgar.feed("formd_feed_3.atom")
    third = poll(source, http, second.cursor)
    [amendment] = third.events
    assert amendment.attributes["is_amendment"] is True
    assert amendment.attributes["amount"] == 7_250_000.0
    # Same offering, same key: the store's unique key keeps the original and drops the D/A.
    assert amendment.dedupe_key == second.events[0].dedupe_key
    assert third.cursor["last_updated"] == "2026-11-23T17:10:00+00:00"


def test_paging_stops_at_a_known_accession(edgar: FakeEdgar, http: HttpClient) -> None:
    # page two holds yesterday's filing, seen by the last poll
    edgar.feed("formd_feed_1.atom", "formd_feed_older.atom", "formd_feed_3.atom")
    cursor = {"seen": ["0001900009-26-000001"], "last_updated": None}
    result = poll(connector(edgar, page_size=10), http, cursor)
    feeds = [p for p in edgar.paths() if p.startswith("/cgi-bin/")]
    assert len(feeds) == 2 and "start=10" in feeds[1]
    assert {e.company_name for e in result.events} == {"Acme Robotics, Inc.", "INITECH HOLDINGS, INC."}


def test_paging_stops_at_the_page_cap(edgar: FakeEdgar, http: HttpClient) -> None:
    edgar.feed("formd_feed_1.atom")  # every page: never reaches a known filing
    poll(connector(edgar, page_size=10, max_pages=3), http, {"seen": ["0000000000-00-000000"]})
    assert sum(p.startswith("/cgi-bin/") for p in edgar.paths()) == 3


def test_a_failing_document_is_reported_retried_and_not_lost(edgar: FakeEdgar, http: HttpClient) -> None:
    source = connector(edgar)
    edgar.feed("formd_feed_1.atom")
    broken = "/Archives/edgar/data/1900001/000190000126000001/primary_doc.xml"
    edgar.override(broken, 404, b"<html>Not Found</html>")
    fetched = source.fetch(FetchContext(http=http, cursor={}, accounts=[], now=NOW))
    assert "HTTP 404" in fetched.errors["0001900001-26-000001"]
    first = source.normalize(fetched, NOW)
    assert [e.company_name for e in first.events] == ["INITECH HOLDINGS, INC."]
    assert "0001900001-26-000001" not in first.cursor["seen"]
    edgar.override(broken, 200, (FIXTURES / "0001900001-26-000001-primary_doc.xml").read_bytes())
    second = poll(source, http, first.cursor)
    assert [e.company_name for e in second.events] == ["Acme Robotics, Inc."]
    assert second.cursor["retry"] == []


def test_garbage_instead_of_form_d_xml_is_an_error_not_an_event(edgar: FakeEdgar, http: HttpClient) -> None:
    edgar.feed("formd_feed_1.atom")
    edgar.override("/Archives/edgar/data/1900004/000190000426000001/primary_doc.xml", 200, b"<html>oops</html>")
    fetched = connector(edgar).fetch(FetchContext(http=http, cursor={}, accounts=[], now=NOW))
    assert "edgarSubmission" in fetched.errors["0001900004-26-000001"]


@pytest.mark.parametrize("agent", ["", "signalwatch/0.1", "revops@acme.example", "Acme https://acme.example ops@acme.example"])
def test_refuses_to_exist_without_a_declared_user_agent(agent: str) -> None:
    with pytest.raises(ValidationError, match="user_agent must name the operator and give a contact email"):
        FormDOptions(user_agent=agent)
    with pytest.raises(ValidationError, match="user_agent"):
        FormDOptions.model_validate({})
    with pytest.raises(ValueError, match="user_agent"):
        FormDConnector("sec", FormDOptions.model_construct(user_agent=agent))


def test_cursor_keeps_a_bounded_seen_set_newest_last() -> None:
    source = FormDConnector("d", FormDOptions(user_agent=USER_AGENT))
    old = [f"0000000001-26-{i:06d}" for i in range(SEEN_LIMIT + 500)]
    fetched = Fetched(cursor={"seen": old, "last_updated": "2026-11-23T15:00:00+00:00"},
                      state={"done": ["0000000002-26-000001"], "retry": [], "newest": "2026-11-23T14:00:00+00:00"})
    cursor = source.normalize(fetched, NOW).cursor
    assert len(cursor["seen"]) == SEEN_LIMIT and cursor["seen"][-1] == "0000000002-26-000001"
    assert cursor["last_updated"] == "2026-11-23T15:00:00+00:00"  # never moves backwards
