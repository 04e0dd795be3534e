"""Detections on saved homepages and DNS answers: exactly the technologies that are there."""

from __future__ import annotations

from typing import Any

import pytest

from signalwatch.techstack.dns import DnsRecords
from signalwatch.techstack.engine import Evidence, Fingerprinter, ReferenceEngine
from signalwatch.techstack.page import extract_page

from .conftest import saved_dns, saved_pages

PAGES = saved_pages()
DNS = saved_dns()


def test_precision_corpus_is_large_enough() -> None:
    assert len(PAGES) >= 30


@pytest.mark.parametrize("case", PAGES, ids=[case["page"] for case in PAGES])
def test_page_reports_exactly_what_is_there(case: dict[str, Any], engine: Fingerprinter) -> None:
    page = extract_page(case["url"], case["html"], case["headers"])
    detected = engine.detect([page])
    extra = sorted(set(detected) - set(case["expected"]))
    missing = sorted(set(case["expected"]) - set(detected))
    assert not extra, f"reported but not on the page: {extra}"
    assert not missing, f"on the page but not reported: {missing}"


@pytest.mark.parametrize("case", PAGES, ids=[case["page"] for case in PAGES])
def test_fast_engine_equals_reference(case: dict[str, Any], engine: Fingerprinter, reference: ReferenceEngine) -> None:
    page = extract_page(case["url"], case["html"], case["headers"])
    assert engine.detect([page]) == reference.detect([page])


@pytest.mark.parametrize("case", DNS, ids=[case["domain"] for case in DNS])
def test_dns_records_classified(case: dict[str, Any], engine: Fingerprinter, reference: ReferenceEngine) -> None:
    records = DnsRecords(tuple(case["mx"]), tuple(case["txt"]))
    detected = engine.detect(dns=records)
    assert sorted(detected) == sorted(case["expected"])
    assert detected == reference.detect(dns=records)


def _page(name: str) -> dict[str, Any]:
    return next(case for case in PAGES if case["page"] == name)


def test_evidence_names_the_tag_and_record(engine: Fingerprinter) -> None:
    case = _page("northwind_wordpress_hubspot.html")
    page = extract_page(case["url"], case["html"], case["headers"])
    dns = next(c for c in DNS if c["domain"] == "northwind-analytics.com")
    detected = engine.detect([page], DnsRecords(tuple(dns["mx"]), tuple(dns["txt"])))
    hubspot = detected["hubspot"]
    assert Evidence("script", "//js.hs-scripts.com/4382917.js") in hubspot.evidence
    assert Evidence("spf", "4382917.spf03.hubspotemail.net") in hubspot.evidence
    assert hubspot.sources == {"web", "dns"}
    assert hubspot.confidence == 0.95
    assert Evidence("meta", "generator=WordPress 6.4.2") in detected["wordpress"].evidence
    assert Evidence("header", "server: cloudflare") in detected["cloudflare"].evidence
    assert Evidence("cookie", "__cf_bm") in detected["cloudflare"].evidence


def test_dns_only_evidence_is_less_confident_than_a_script_tag(engine: Fingerprinter) -> None:
    dns = next(c for c in DNS if c["domain"] == "acme-industrial.com")
    detected = engine.detect(dns=DnsRecords(tuple(dns["mx"]), tuple(dns["txt"])))
    assert detected["marketo"].confidence == 0.6  # an SPF include outlives the contract
    assert detected["proofpoint"].confidence == 0.95  # mail actually flows through the MX
    assert detected["zoom"].confidence == 0.5


def test_text_mentions_and_links_are_not_evidence(engine: Fingerprinter) -> None:
    case = _page("quietcompany_github_pages.html")
    assert "HubSpot" in case["html"] and "Segment" in case["html"] and "stripe.com" in case["html"]
    detected = engine.detect([extract_page(case["url"], case["html"], case["headers"])])
    assert set(detected) == {"github_pages", "fastly"}
