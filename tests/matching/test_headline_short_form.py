"""A company the extractor gives in full, from the summary, still ties to a CRM account holding the
headline's short form of it; a short form the headline does not write on its own ties nothing."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from signalwatch.accounts import Account
from signalwatch.events import SignalEvent, make_dedupe_key
from signalwatch.extract import extract_news
from signalwatch.resolve import AccountIndex, headline_short_form

# holdout12 rh12-0042 (chicagobusiness.com), verbatim.
WALGREENS_TITLE = "Walgreens names health care vet as next CEO"
WALGREENS_SUMMARY = (
    "Walgreens Boots Alliance Inc. appointed Tim Wentworth as its next chief executive officer, giving the industry "
    "veteran the challenge of turning around the beleaguered drugstore chain amid a faltering push into the wider "
    "health-care scene."
)


def _news_event(title: str, summary: str) -> SignalEvent:
    [found] = [e for e in extract_news(title, summary) if e.type == "leadership"]
    now = datetime(2026, 12, 6, tzinfo=timezone.utc)
    return SignalEvent(type=found.type, change=found.change, source="wire", source_kind="rss", source_id="rh12-0042",
                       title=title, summary=summary, occurred_at=now, detected_at=now, company_name=found.company_name,
                       attributes=dict(found.attributes), dedupe_key=make_dedupe_key("rh12-0042"))


@pytest.mark.parametrize("crm_name", ["Walgreens", "Walgreens Boots Alliance"])
def test_the_full_name_and_the_headlines_short_form_both_tie(crm_name: str) -> None:
    event = _news_event(WALGREENS_TITLE, WALGREENS_SUMMARY)
    index = AccountIndex([Account(id=1, name=crm_name), Account(id=2, name="Express Scripts")])
    found = index.explain(event)
    assert found.account_id == 1, (event.company_name, found)
    if crm_name == "Walgreens" and event.company_name != "Walgreens":
        assert "the headline writes" in found.reason


def test_no_short_form_when_the_headline_writes_the_full_name() -> None:
    assert headline_short_form("Kovira Systems", "Kovira Systems raises $5M") is None
    assert headline_short_form("Kovira Systems", "Kovira Systems' CEO steps down") is None
    assert headline_short_form("Acme", "Acme raises $5M") is None


def test_the_short_form_is_the_headlines_own_word() -> None:
    assert headline_short_form("Walgreens Boots Alliance", WALGREENS_TITLE) == "Walgreens"
    assert headline_short_form("Roche Holding", "Roche's Genentech names new CEO") == "Roche"
    assert headline_short_form("Kovira Systems", "Kovira sports brand raises $5M") == "Kovira"


def test_a_short_form_still_obeys_the_namesake_rules() -> None:
    """A shared short name ("Apollo") is not tied on the headline's say-so: the matcher's rules decide."""
    now = datetime(2026, 12, 6, tzinfo=timezone.utc)
    event = SignalEvent(type="leadership", change="appointed", source="wire", source_kind="rss", source_id="x",
                        title="Apollo names new CFO", summary="", occurred_at=now, detected_at=now,
                        company_name="Apollo Hospitals Enterprise", attributes={}, dedupe_key=make_dedupe_key("x"))
    index = AccountIndex([Account(id=1, name="Apollo", domain="apollo.io")])
    assert index.explain(event).account_id is None
