"""The shared technology catalog: bundled data is valid, and mentions in free text are precise."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalwatch.techstack.catalog import CATEGORIES, Catalog, CatalogError, Technology, default_catalog, find_mentions, load_catalog


def test_bundled_catalog_is_large_and_categorised() -> None:
    catalog = default_catalog()
    assert len(catalog) >= 150
    assert {tech.category for tech in catalog} <= CATEGORIES
    assert catalog["salesforce"].category == "crm"
    assert catalog["segment"].category == "cdp"
    assert catalog["google_tag_manager"].name == "Google Tag Manager"
    for required in ("crm", "marketing_automation", "analytics", "tag_manager", "cdp", "chat", "support",
                     "payments", "ecommerce", "cms", "ab_testing", "scheduling", "cdn", "cloud", "email"):
        assert catalog.by_category(required), required


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience with Salesforce and HubSpot is a plus.", ["salesforce", "hubspot"]),
        ("You will own our Marketo instance and migrate from Pardot.", ["marketo", "pardot"]),
        ("Hands-on with Twilio Segment, Snowflake and dbt.", ["segment", "snowflake", "dbt"]),
        ("Build reports in HubSpot CMS and Salesforce Marketing Cloud", ["hubspot_cms", "salesforce_marketing_cloud"]),
        ("Admin of SFDC (Salesforce.com), Outreach.io and Gong", ["salesforce", "outreach", "gong"]),
        ("Tools: Zendesk, Intercom.io, Calendly, Google Tag Manager, GA4.",
         ["zendesk", "intercom", "calendly", "google_tag_manager", "google_analytics"]),
        ("experience with salesforce, HUBSPOT or marketo", ["salesforce", "hubspot", "marketo"]),
    ],
)
def test_find_mentions_names_tools_in_order(text: str, expected: list[str]) -> None:
    assert find_mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Analyse each market segment and close deals; avoid drift in the front office.",
        "Own outreach to prospects and copper-wire suppliers; a snowflake of a problem.",
        "We value affinity, square dealing and a convert mindset; zoom in on details.",
        "Go-to-market (GTM) strategy for the apollo program; slack time; box of tools.",
        "Email careers@hubspot.com or visit https://www.salesforce.com/careers",
        "Python iterable, heap sort, amplitude of a signal, a typical workday, loom weaving.",
        "A greenhouse and a lever, a ghost, a sanity check, a split decision.",
    ],
)
def test_find_mentions_ignores_everyday_words_and_addresses(text: str) -> None:
    assert find_mentions(text) == []


def test_each_technology_reported_once() -> None:
    assert find_mentions("Salesforce, salesforce, SFDC and Salesforce CRM") == ["salesforce"]


def test_admin_file_extends_catalog(tmp_path: Path) -> None:
    extra = tmp_path / "ours.yaml"
    extra.write_text("technologies:\n- {id: acme_crm, name: AcmeCRM, category: crm, aliases: [Acme Cloud CRM]}\n")
    catalog = load_catalog(extra)
    assert "acme_crm" in catalog and "salesforce" in catalog
    assert catalog.find_mentions("moved from Acme Cloud CRM to Salesforce") == ["acme_crm", "salesforce"]


def test_invalid_admin_file_reports_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "technologies:\n"
        "- {id: Bad Id, name: X, category: crm}\n"
        "- {id: ok_one, name: Y, category: analytic}\n"
        "- {id: ok_two, name: Z, category: crm, colour: red}\n"
    )
    with pytest.raises(CatalogError) as info:
        load_catalog(bad)
    message = str(info.value)
    assert "technologies[0]" in message and "technologies[1]" in message and "technologies[2]" in message
    assert "unknown category 'analytic'" in message
    assert "colour" in message


def test_phrase_claimed_by_two_technologies_is_an_error() -> None:
    with pytest.raises(CatalogError, match="names both"):
        Catalog([Technology("a", "Alpha", "crm"), Technology("b", "Beta", "crm", aliases=("alpha",))])
