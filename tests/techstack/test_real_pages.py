"""Fingerprints on real recorded pages (tests/fixtures/techstack/real, provenance in its README).

Each page was saved from the live site by another project; `pages.json` lists, per page, exactly
the technologies the bundled fingerprints report, each checked by hand against what the page
really loads (script src, link href, meta generator, inline snippets; the README has the table),
and technologies that must *not* be reported although the page carries something that looks
like them. A change to the fingerprints that adds or loses a detection here fails this test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from signalwatch.techstack.engine import Fingerprinter, ReferenceEngine
from signalwatch.techstack.page import PageEvidence, extract_page

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "techstack" / "real"
CASES: list[dict[str, Any]] = json.loads((REAL / "pages.json").read_text(encoding="utf-8"))


def _page(case: dict[str, Any]) -> PageEvidence:
    html = (REAL / case["page"]).read_text(encoding="utf-8", errors="replace")
    return extract_page(case["url"], html, {})  # the recordings keep the body only, no headers


def _case(name: str) -> dict[str, Any]:
    return next(case for case in CASES if case["page"] == name)


@pytest.mark.parametrize("case", CASES, ids=[case["page"] for case in CASES])
def test_real_page_reports_what_it_loads(case: dict[str, Any], engine: Fingerprinter) -> None:
    detected = set(engine.detect([_page(case)]))
    assert sorted(detected - set(case["expected"])) == [], "reported but not loaded by the page"
    assert sorted(set(case["expected"]) - detected) == [], "loaded by the page but not reported"
    assert not detected & set(case["absent"])


@pytest.mark.parametrize("case", CASES, ids=[case["page"] for case in CASES])
def test_fast_engine_equals_reference_on_real_pages(case: dict[str, Any], engine: Fingerprinter,
                                                   reference: ReferenceEngine) -> None:
    page = _page(case)
    assert engine.detect([page]) == reference.detect([page])


def test_the_corpus_covers_many_sites_and_technologies() -> None:
    assert len(CASES) >= 20
    assert len({tech for case in CASES for tech in case["expected"]}) >= 30


def test_wordpress_images_hot_linked_by_a_blogger_page_are_not_wordpress(engine: Fingerprinter) -> None:
    case = _case("luxuryhaven.co.hyatt.html")
    html = (REAL / case["page"]).read_text(encoding="utf-8")
    assert "bloggersorigin.com/wp-content/uploads/" in html and "<meta content='blogger' name='generator'/>" in html
    assert "wordpress" not in engine.detect([_page(case)])


def test_script_tags_of_vendors_are_evidence(engine: Fingerprinter) -> None:
    """Vendor scripts that real pages load and that the fingerprints used to miss."""
    hubspot = engine.detect([_page(_case("caktusgroup.com.django.html"))])["hubspot"]  # a HubSpot CTA only
    assert ("script", "https://js.hscta.net/cta/current.js") in {(e.kind, e.detail) for e in hubspot.evidence}
    mercury = engine.detect([_page(_case("mercurynews.com.2023.01.16.letters-1119.html"))])
    assert mercury["auth0"].evidence[0].detail.startswith("https://cdn.auth0.com/js/auth0-spa-js/")
    assert "vimeo" in engine.detect([_page(_case("otto.de.twoforfashion.html"))])  # the froogaloop player API
    assert "mailchimp" in engine.detect([_page(_case("knowtechie.com.rally.html"))])  # the pop-up sign-up form
