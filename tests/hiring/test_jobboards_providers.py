"""Each provider's parser over its recorded payload: ids, titles, dates, locations, text."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from signalwatch.connectors.jobboards import ashby, greenhouse, lever, personio, recruitee, smartrecruiters, workable
from signalwatch.connectors.jobboards.model import BoardFormatError, parse_board, parse_datetime

FIXTURES = Path(__file__).parent.parent / "fixtures"


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_greenhouse_unescapes_entity_escaped_html_content() -> None:
    postings = greenhouse.parse([read("greenhouse/acme.json")])
    assert [p.title for p in postings] == ["Sr. AE – EMEA", "Head of Revenue Ops", "Senior Software Engineer, Backend"]
    first = postings[0]
    assert first.job_id == "4012345006" and first.department == "Sales" and first.location == "London, United Kingdom"
    assert "What you'll do" in first.description and "UK & Nordics" in first.description
    assert "&lt;" not in first.description and "<" not in first.description
    assert first.published_at == datetime(2026, 10, 28, 15, 0, 2, tzinfo=timezone.utc)
    assert postings[1].remote is True and postings[1].department == "Revenue Operations"


def test_lever_reads_epoch_millisecond_dates_and_lists() -> None:
    postings = lever.parse([read("lever/acme.json")])
    assert [p.title for p in postings] == ["SDR (French speaking)", "VP, GTM Operations"]
    assert postings[0].published_at == datetime.fromtimestamp(1761300000, timezone.utc)
    assert "Fluent French" in postings[0].description and postings[0].remote is False
    assert postings[1].location == "Remote - Europe; Berlin" and postings[1].remote is True


def test_ashby_skips_unlisted_postings() -> None:
    postings = ashby.parse([read("ashby/acme.json")])
    assert [p.title for p in postings] == ["Chief Revenue Officer", "Customer Success Manager"]
    assert postings[0].location == "San Francisco; New York" and postings[1].remote is True


def test_workable_collapses_rows_repeated_per_location() -> None:
    postings = workable.parse([read("workable/acme.json")])
    assert [p.job_id for p in postings] == ["8F3A1C2B9D", "2B7E44A010"]
    assert postings[0].location == "Berlin, Berlin, Germany; Munich, Bavaria, Germany; Zurich, Zurich, Switzerland"
    assert postings[0].published_at == datetime(2026, 11, 3, tzinfo=timezone.utc)


def test_smartrecruiters_pages_until_total_found() -> None:
    first, second = read("smartrecruiters/acme-offset-0.json"), read("smartrecruiters/acme-offset-100.json")
    url = "https://api.smartrecruiters.com/v1/companies/Acme/postings?offset=0&limit=100"
    assert smartrecruiters.next_page(first, url) == (
        "https://api.smartrecruiters.com/v1/companies/Acme/postings?offset=100&limit=100"
    )
    assert smartrecruiters.next_page(second, url) is None
    postings = smartrecruiters.parse([first, second])
    assert len(postings) == 105 and len({p.job_id for p in postings}) == 105
    assert postings[0].url == "https://jobs.smartrecruiters.com/Acme/744000050000000"


def test_recruitee_reads_its_utc_suffixed_dates() -> None:
    postings = recruitee.parse([read("recruitee/acme.json")])
    assert [p.title for p in postings] == ["Sales Development Representative Benelux", "Finance Manager (m/v/x)"]
    assert postings[0].published_at == datetime(2026, 9, 1, 10, 0, tzinfo=timezone.utc)
    assert "Pipedrive" in postings[0].description and "Dutch" in postings[0].description


def test_personio_xml_and_an_empty_feed_means_no_open_roles() -> None:
    postings = personio.parse([read("personio/acme.xml")])
    assert [(p.job_id, p.title) for p in postings] == [
        ("1204311", "Account Executive DACH (m/w/d)"), ("1204312", "Recruiter (m/w/d)"),
    ]
    assert postings[0].location == "Berlin; Hamburg" and "HubSpot" in postings[0].description
    assert personio.parse([read("personio/empty.xml")]) == []
    assert personio.parse([b""]) == []


@pytest.mark.parametrize("parse", [greenhouse.parse, lever.parse, ashby.parse, workable.parse, recruitee.parse])
def test_an_html_page_instead_of_json_is_a_clear_error(parse) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BoardFormatError, match="got HTML"):
        parse([b"<!DOCTYPE html><html><body>Careers</body></html>"])


def test_personio_refuses_html_and_dtds() -> None:
    with pytest.raises(BoardFormatError, match="root element <html>"):
        personio.parse([b"<html><body>Jobs</body></html>"])
    with pytest.raises(BoardFormatError, match="DTD"):
        personio.parse([b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workzag-jobs/>'])


def test_json_of_the_wrong_shape_names_what_is_missing() -> None:
    with pytest.raises(BoardFormatError, match="no 'jobs' list"):
        greenhouse.parse([b'{"status": 404, "error": "Job not found"}'])


def test_board_strings_are_validated_before_they_reach_a_url() -> None:
    known = frozenset({"greenhouse", "lever-eu"})
    assert parse_board(" lever-eu:acme ", known).key == "lever-eu:acme"
    for bad, reason in [("acme", "provider:id"), ("taleo:acme", "unknown provider"),
                        ("greenhouse:acme/../admin", "letters, digits"), ("greenhouse:evil.com#", "letters, digits")]:
        with pytest.raises(ValueError, match=reason):
            parse_board(bad, known)


def test_dates_in_every_provider_format() -> None:
    utc = timezone.utc
    assert parse_datetime(1761300000000) == datetime.fromtimestamp(1761300000, utc)
    assert parse_datetime("2026-09-01 10:00:00 UTC") == datetime(2026, 9, 1, 10, tzinfo=utc)
    assert parse_datetime("2026-11-01T15:00:00.000Z") == datetime(2026, 11, 1, 15, tzinfo=utc)
    assert parse_datetime("2026-11-03") == datetime(2026, 11, 3, tzinfo=utc)
    assert parse_datetime("soon") is None and parse_datetime(None) is None


PROVIDER_FIXTURES = [
    (greenhouse, ["greenhouse/acme.json"]), (lever, ["lever/acme.json"]), (ashby, ["ashby/acme.json"]),
    (workable, ["workable/acme.json"]), (recruitee, ["recruitee/acme.json"]), (personio, ["personio/acme.xml"]),
    (smartrecruiters, ["smartrecruiters/acme-offset-0.json", "smartrecruiters/acme-offset-100.json"]),
]


@pytest.mark.parametrize(("provider", "fixtures"), PROVIDER_FIXTURES, ids=lambda v: getattr(v, "__name__", "").rsplit(".")[-1])
def test_only_the_wanted_roles_are_parsed_complete(provider, fixtures) -> None:
    """A poll completes (link, date, text) only the roles it may report as new; every role keeps
    the fields a snapshot row needs, as a complete parse gives them."""
    pages = [read(name) for name in fixtures]
    complete = provider.parse(pages)
    chosen = complete[0].job_id
    parsed = provider.parse(pages, lambda job_id: job_id == chosen)
    assert [p.job_id for p in parsed] == [p.job_id for p in complete]
    assert parsed[0] == complete[0]
    for bare, full in zip(parsed[1:], complete[1:]):
        assert (bare.title, bare.department, bare.location, bare.remote) == (
            full.title, full.department, full.location, full.remote)
        assert (bare.url, bare.published_at, bare.markup) == (None, None, "")
