"""EDGAR details that real responses contain (issue 18): form names with spaces in the
current-filings feed, a prefix-matched `type=` filter, entity related persons and the
instrument of a Form D."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fake_edgar import FIXTURES, NOW, USER_AGENT, FakeEdgar

from signalwatch.connectors.base import FetchContext
from signalwatch.connectors.edgar.feed import parse_feed
from signalwatch.connectors.edgar.formd import FormDConnector, FormDOptions, form_d_event
from signalwatch.connectors.edgar.formd_doc import parse_form_d
from signalwatch.http import HttpClient

REAL = FIXTURES / "real"


def test_forms_whose_names_hold_spaces_are_read_from_a_real_feed_page() -> None:
    entries = parse_feed((REAL / "getcurrent-all-start0.atom").read_bytes())
    forms = Counter(entry.form for entry in entries)
    assert forms["SCHEDULE 13D/A"] == 2  # four entries, two filings, one per accession
    schedule = next(entry for entry in entries if entry.form == "SCHEDULE 13D/A")
    assert (schedule.company, schedule.role, schedule.accession) == ("COHERENT CORP.", "Subject", "0001193125-25-317831")


def test_the_pager_reads_past_a_page_that_holds_no_wanted_form(edgar: FakeEdgar, http: HttpClient) -> None:
    """`type=D` also lists DEF 14A proxies; a page of them must not end the poll before the Form Ds."""
    edgar.feed("real/getcurrent-D-page1-proxy-only.atom", "real/getcurrent-D-page2.atom")
    page_two = parse_feed((REAL / "getcurrent-D-page2.atom").read_bytes())
    source = FormDConnector("sec-form-d", FormDOptions(user_agent=USER_AGENT, base_url=edgar.base_url, page_size=10,
                                                        max_pages=2))
    cursor: dict[str, Any] = {"seen": ["0000000000-25-000000"], "last_updated": "2025-12-01T00:00:00+00:00"}
    fetched = source.fetch(FetchContext(http=http, cursor=cursor, accounts=[], now=NOW))
    assert sum(path.startswith("/cgi-bin/") for path in edgar.paths()) == 2
    # Every Form D of page two was fetched (the fake holds no documents for them, so each is an error to retry).
    assert set(fetched.errors) == {entry.accession for entry in page_two}
    assert {r["entry"]["form"] for r in fetched.state["retry"]} == {"D", "D/A"}


def test_entity_related_persons_read_as_the_entity_name() -> None:
    """A real Form D (edgartools' data/D.APFund.xml): entities typed as firstName "Ltd." + lastName."""
    form = parse_form_d((REAL / "D.APFund-primary_doc.xml").read_bytes())
    assert [(p["name"], p["entity"]) for p in form.related_persons] == [
        ("Belltower Fund Group, Ltd.", True), ("Fund GP, LLC", True)]


def test_a_safe_is_kept_as_the_round() -> None:
    # Hand-written corner case (no recorded SAFE filing was found): a real Form D with its
    # "other" security described as a SAFE.
    real = (FIXTURES / "0001900001-26-000001-primary_doc.xml").read_text()
    safe = real.replace("<typesOfSecuritiesOffered>", "<typesOfSecuritiesOffered><isOtherType>true</isOtherType>"
                        "<descriptionOfOtherType>Simple Agreement for Future Equity (SAFE)</descriptionOfOtherType>", 1)
    form = parse_form_d(safe)
    entry = parse_feed((FIXTURES / "formd_feed_1.atom").read_bytes())[0]
    event = form_d_event(form, entry, None, "sec-form-d", NOW)
    assert event.attributes["round"] == "Simple Agreement for Future Equity (SAFE)"
    assert "other" in event.attributes["securities"]
    plain = form_d_event(parse_form_d(real), entry, None, "sec-form-d", NOW)
    assert plain.attributes["round"] == "undisclosed"
