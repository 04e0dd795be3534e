"""The pure readers: Atom feed entries, filing index pages, Form D XML, 5.02 sentences, titles."""

from __future__ import annotations

import pytest
from fake_edgar import FIXTURES

from signalwatch.connectors.edgar.eightk_text import OfficerChange, change_kind, officer_changes
from signalwatch.connectors.edgar.feed import FeedParseError, parse_feed
from signalwatch.connectors.edgar.filing_index import parse_index
from signalwatch.connectors.edgar.formd_doc import FormDParseError, parse_form_d
from signalwatch.titles import classify_title


def test_feed_entries_one_per_accession_with_items() -> None:
    entries = parse_feed((FIXTURES / "formd_feed_1.atom").read_bytes())
    assert [e.accession for e in entries] == [
        "0001900001-26-000001", "0001900002-26-000001", "0001900004-26-000001", "0001900005-26-000003",
    ]
    acme = entries[0]
    assert (acme.form, acme.company, acme.cik, acme.role) == ("D", "Acme Robotics, Inc.", "0001900001", "Filer")
    eightk = parse_feed((FIXTURES / "eightk_feed_1.atom").read_bytes())
    assert eightk[0].items == ("5.02", "9.01")
    assert eightk[3].form == "8-K/A"


def test_feed_skips_entries_it_cannot_read_and_refuses_non_feeds() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
    <entry><title>Unexpected title shape</title><link href="https://www.sec.gov/x"/>
    <updated>2026-11-23T10:00:00-05:00</updated><id>urn:tag:sec.gov,2008:accession-number=0000000001-26-000001</id></entry>
    </feed>"""
    assert parse_feed(body) == []
    with pytest.raises(FeedParseError, match="not Atom"):
        parse_feed(b"Just some text")


def test_index_page_documents_and_file_number() -> None:
    index = parse_index((FIXTURES / "0001900001-26-000001-index.htm").read_bytes())
    assert index.file_number == "021-512345"
    xml = index.first(types=("D",), suffixes=(".xml",))
    assert xml is not None and xml.href.endswith("/000190000126000001/primary_doc.xml")
    eightk = parse_index((FIXTURES / "0001104659-26-400003-index.htm").read_bytes())
    assert [d.type for d in eightk.documents] == ["8-K", "EX-99.1", "GRAPHIC"]
    assert parse_index(b"<html><body>nothing</body></html>").documents == ()


def test_form_d_with_a_namespace_reads_the_same() -> None:
    body = (FIXTURES / "0001900001-26-000001-primary_doc.xml").read_text()
    namespaced = body.replace("<edgarSubmission>", '<edgarSubmission xmlns="http://www.sec.gov/edgar/formd">')
    assert parse_form_d(namespaced) == parse_form_d(body)
    form = parse_form_d(body)
    assert (form.entity_name, form.total_amount_sold, form.securities) == ("Acme Robotics, Inc.", 12_500_000.0, ("equity", "option"))


def test_pooled_fund_and_amendment_flags() -> None:
    fund = parse_form_d((FIXTURES / "0001900002-26-000001-primary_doc.xml").read_bytes())
    amendment = parse_form_d((FIXTURES / "0001900003-26-000002-primary_doc.xml").read_bytes())
    assert fund.is_pooled_fund and not fund.is_amendment
    assert amendment.is_amendment and not amendment.is_pooled_fund


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html><body>Not Found</body></html>", "expected <edgarSubmission>"),
        (b"not xml at all", "not XML"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><edgarSubmission/>', "DOCTYPE"),
        (b"<edgarSubmission><submissionType>D</submissionType></edgarSubmission>", "primaryIssuer"),
    ],
)
def test_bad_form_d_documents_say_what_is_wrong(body: bytes, message: str) -> None:
    with pytest.raises(FormDParseError, match=message):
        parse_form_d(body)


# (5.02 sentence, expected changes as (change, person, title))
SENTENCES = [
    ("On November 18, 2026, the Board appointed Jane A. Doe, age 47, as Chief Financial Officer of the Company, effective December 1, 2026.",
     [("appointed", "Jane A. Doe", "Chief Financial Officer")]),
    ("Jane Doe has been appointed as the Company's Chief Operating Officer, effective immediately.",
     [("appointed", "Jane Doe", "Chief Operating Officer")]),
    ("On November 17, 2026, John Smith notified the Company of his decision to resign as Chief Executive Officer, effective December 31, 2026.",
     [("departed", "John Smith", "Chief Executive Officer")]),
    ("John Smith joined in 2015. Mr. Smith will step down from his position as President and Chief Operating Officer on January 2, 2027.",
     [("departed", "John Smith", "President and Chief Operating Officer")]),
    ("The Company announced the retirement of Robert Lee as Chief Technology Officer.",
     [("departed", "Robert Lee", "Chief Technology Officer")]),
    ("On November 20, 2026, the Board elected Maria Garcia as a member of the Board, effective immediately.",
     [("appointed", "Maria Garcia", "Director")]),
    ("Dr. Priya Patel has been appointed Executive Vice President, Chief Medical Officer, effective November 30, 2026.",
     [("appointed", "Priya Patel", "Executive Vice President, Chief Medical Officer")]),
    ("Sarah Lee joined the Company in 2019. Ms. Lee will succeed Mr. Smith as Chief Executive Officer of Acme Robotics.",
     [("appointed", "Sarah Lee", "Chief Executive Officer")]),
    ("Gavin Belson will step down as Chief Executive Officer. The Board has appointed Patrice Hanna as Chief Executive Officer.",
     [("departed", "Gavin Belson", "Chief Executive Officer"), ("appointed", "Patrice Hanna", "Chief Executive Officer")]),
    ("Chief Executive Officer John Smith resigned as Chairman of the Board.", [("departed", "John Smith", "Chairman")]),
    ("The Compensation Committee approved the 2027 base salaries of the Company's named executive officers.", []),
    ("Ms. Doe previously was named Chief Financial Officer of Globex Corporation in 2015.", []),  # a career, not this change
    ("From 2012 to 2018, Jane Doe was appointed Vice President of Sales at Initech.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_officer_change_sentences(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    found = officer_changes(sentence, "Acme Robotics, Inc.")
    assert [(c.change, c.person, c.title) for c in found] == expected
    assert all(isinstance(c, OfficerChange) and c.evidence for c in found)


def test_change_kind_for_filings_without_a_name() -> None:
    assert change_kind("the Company accepted the resignation tendered by its principal accounting officer") == "departed"
    assert change_kind("approved the annual base salaries of named executive officers") is None


@pytest.mark.parametrize(
    ("title", "function", "seniority"),
    [
        ("Chief Financial Officer", "finance", "c_level"),
        ("President and Chief Executive Officer", "executive", "c_level"),
        ("Executive Vice President, Chief Medical Officer", "research", "c_level"),
        ("Senior Vice President of Sales", "sales", "vp"),
        ("General Counsel and Corporate Secretary", "legal", "vp"),
        ("Chief Information Security Officer", "security", "c_level"),
        ("Chief Marketing Officer", "marketing", "c_level"),
        ("Chief People Officer", "people", "c_level"),
        ("Chief Operating Officer", "operations", "c_level"),
        ("Director", "board", "board"),
        ("Chairman", "board", "board"),
        ("Treasurer", "finance", "director"),
        ("Head of Engineering", "engineering", "director"),
        ("Chief Technology Officer", "engineering", "c_level"),
        ("SVP, Revenue Operations", "revops", "vp"),
        ("Chairman and Chief Executive Officer", "executive", "c_level"),
        (None, None, None),
    ],
)
def test_title_facets(title: str | None, function: str | None, seniority: str | None) -> None:
    found = classify_title(title, officer=True) if title else None
    assert (found.function if found else None, found.seniority if found else None) == (function, seniority)
