"""Fingerprint data: the bundled set is broad and valid; admin and Wappalyzer files extend it."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from signalwatch.techstack.engine import Fingerprinter, required_literal
from signalwatch.techstack.fingerprints import EVIDENCE_KINDS, FingerprintError, default_fingerprints, load_fingerprints
from signalwatch.techstack.page import extract_page


def test_bundled_fingerprints_cover_150_technologies_in_b2b_categories() -> None:
    fingerprints = default_fingerprints()
    techs = fingerprints.technologies()
    assert len(techs) >= 150
    categories = {fingerprints.catalog[tech].category for tech in techs}
    for wanted in ("crm", "marketing_automation", "analytics", "tag_manager", "cdp", "chat", "support",
                   "payments", "ecommerce", "cms", "ab_testing", "scheduling", "cdn", "cloud", "email"):
        assert wanted in categories, wanted
    assert {p.kind for p in fingerprints.patterns} == set(EVIDENCE_KINDS)
    assert all(0 < p.confidence <= 1 for p in fingerprints.patterns)


def test_most_patterns_have_a_literal_for_the_prefilter() -> None:
    patterns = default_fingerprints().patterns
    without = [p for p in patterns if required_literal(p.source) is None and p.source]
    assert len(without) <= len(patterns) * 0.02, [p.source for p in without]


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"js\.hs-scripts\.com/", "js.hs-scripts.com/"),
        (r"gtag\([\x27\"]config[\x27\"],\s*[\x27\"](G|UA)-", "config"),
        (r"^00D[a-z0-9]{12}=1TB[a-z0-9]{12}", "=1tb"),
        (r"Munchkin\.init\(", "munchkin.init("),
        (r"cdn\.segment\.(com|io)/analytics\.js/", "/analytics.js/"),
        (r"ab?c+de", None),
        (r"hubspot|marketo", None),
        (r"\x27pk_live_\d+", "pk_live_"),
        (r"colou?r-scheme", "r-scheme"),
        (r"(?x) js\.hs-scripts \.com", None),
        (r"ab\\c\x41de", "ab\\c"),  # an escaped backslash is literal; \x41 is not copied
    ],
)
def test_required_literal_is_always_inside_every_match(pattern: str, literal: str | None) -> None:
    assert required_literal(pattern) == literal


def test_admin_file_adds_a_technology_and_its_fingerprint(tmp_path: Path) -> None:
    extra = tmp_path / "ours.yaml"
    extra.write_text(
        "technologies:\n"
        "- {id: acme_widget, name: Acme Widget, category: chat}\n"
        "fingerprints:\n"
        "  acme_widget:\n"
        "    script: ['cdn\\.acmewidget\\.example/w\\.js']\n"
        "    confidence: {script: 0.7}\n"
        "  hubspot:\n"
        "    html: ['data-hs-portal-id=']\n"
    )
    engine = Fingerprinter(load_fingerprints([extra]))
    page = extract_page("https://x.example/", '<script src="https://cdn.acmewidget.example/w.js"></script>'
                        '<div data-hs-portal-id="1"></div>', {})
    detected = engine.detect([page])
    assert detected["acme_widget"].confidence == 0.7
    assert engine.fingerprints.catalog["acme_widget"].category == "chat"
    assert "hubspot" in detected


def test_invalid_admin_file_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "fingerprints:\n"
        "  no_such_tech: {script: ['x']}\n"
        "  hubspot: {script: ['(unclosed'], smell: ['x'], confidence: {script: 2}}\n"
        "  marketo: {meta: ['not-a-mapping']}\n"
    )
    with pytest.raises(FingerprintError) as info:
        load_fingerprints([bad])
    message = str(info.value)
    assert f"{bad}: fingerprints.no_such_tech: unknown technology id" in message
    assert "invalid regex '(unclosed'" in message
    assert "unknown evidence kind 'smell'" in message
    assert "confidence for script must be a number in (0, 1]" in message
    assert "fingerprints.marketo.meta: expected a mapping" in message


def test_wappalyzer_format_file_is_loaded_too(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Written for this test in Wappalyzer's documented shape; not taken from their data set.
    document = {
        "categories": {"52": {"name": "Live chat", "priority": 9}},
        "technologies": {
            "Parrotchat": {
                "cats": [52],
                "scriptSrc": "widget\\.parrotchat\\.example/v(\\d+)/loader\\.js\\;version:\\1",
                "cookies": {"parrot_sid": ""},
                "headers": {"X-Parrot-Edge": ""},
                "js": {"Parrot.version": ""},
            },
            "HubSpot": {"cats": [32], "html": "data-hubspot-tracker\\;confidence:50"},
            "Broken": {"cats": [1], "html": "(?<=js-only"},
        },
    }
    path = tmp_path / "technologies.json"
    path.write_text(json.dumps(document))
    with caplog.at_level(logging.WARNING):
        engine = Fingerprinter(load_fingerprints(wappalyzer_files=[path]))
    assert "skipped 1 pattern" in caplog.text
    catalog = engine.fingerprints.catalog
    assert catalog["parrotchat"].category == "chat"
    page = extract_page(
        "https://x.example/",
        '<script src="https://widget.parrotchat.example/v3/loader.js"></script><i data-hubspot-tracker></i>',
        {"x-parrot-edge": "fra", "set-cookie": "parrot_sid=1; Path=/"},
    )
    detected = engine.detect([page])
    assert {e.kind for e in detected["parrotchat"].evidence} == {"script", "header", "cookie"}
    assert detected["hubspot"].evidence[0].kind == "html"  # mapped onto our own hubspot id


def test_unreadable_wappalyzer_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "technologies.json"
    path.write_text("{not json")
    with pytest.raises(FingerprintError, match="not valid JSON"):
        load_fingerprints(wappalyzer_files=[path])
