"""An ordinary word that does what only an organisation does is a company (`matching.evidence.ItemText.acts_as_company`,
issue 14 round 19).

Beyond a deal, a raise, a hire or a cut (`does_deals`), headlines give a company other acts no person or thing does: it
restructures or reshuffles its management, trims or is cutting its staff, scores a sum, confirms an acquisition, plans or
is in talks to buy. Like a deal, the act says the word is a company but not which one, so it settles only an account whose
industry the CRM does not give. The items are real, from the spent extraction sets (set and id quoted); the accounts are
named as the set's labels name them (`evaluate_alerts`)."""

from __future__ import annotations

import pytest

from signalwatch.accounts import Account
from signalwatch.matching.evidence import ItemText
from signalwatch.resolve import AccountIndex

_ACTS = [
    # holdout33 rh33-0133
    pytest.param("Orange", "Orange reshuffles top management with a focus on MEA, Spain\nOrange unveiled sweeping changes to its "
                 "top management structure as part of efforts to realise the targets outlined in the company's Essentials2020 "
                 "strategy for the next five years.", id="rh33-0133"),
    # holdout18 rh18-0146
    pytest.param("N26", "N26 Restructures Leadership Team\nA significant shake-up continues at German digital bank N26, as "
                 "co-founder and co-CEO Maximilian Tayenthal prepares to step down from his operational role by the end of the "
                 "year.", id="rh18-0146"),
    # holdout9 rh9-0180 (no text below the headline)
    pytest.param("Article", "Article is trimming its headcount by 17 per cent as the online furniture company grapples with a "
                 "slowdown in e-commerce demand.", id="rh9-0180"),
    # holdout4 rh4-0314
    pytest.param("C3", "C3 scores $80m for its ‘virtual food hall’ platform (US).\nThe Miami-based startup offers dishes from "
                 "over 40 “world-class restaurant” brands.", id="rh4-0314"),
    # holdout34 rh34-0192 (no text below the headline)
    pytest.param("Sprint", "Report: Sprint wants to buy T-Mobile", id="rh34-0192"),
    # dev rp-0057
    pytest.param("Bird", "Bird confirms acquisition of Scoot\nBird is acquiring electric scooter and moped startup Scoot, "
                 "confirming TechCrunch’s previous report that the two companies were in acquisition talks.", id="rp-0057"),
]


@pytest.mark.parametrize(("name", "text"), _ACTS)
def test_an_ordinary_word_doing_what_only_an_organisation_does_ties_an_account_without_industry(name: str, text: str) -> None:
    found = AccountIndex([Account(id=1, name=name), Account(id=2, name="Acme Robotics")]).resolve(name, None, text)
    assert found.account_id == 1
    assert "the word doing what only an organisation does" in found.reason


@pytest.mark.parametrize(("mention", "text"), [
    ("Messi", "Messi scores twice as Inter Miami beat Cruz Azul"),  # a score, not a sum
    ("Sears", "Sears to close stores, lay off about 5,500"),  # shops, schools and borders close too
    ("Box", "Box is cutting prices on its storage plans"),  # cutting prices, not staff
    ("Orange", "Orange juice sales trim the grocer's margin"),  # the word, not the subject of an act
    ("Sun", "Sun wants to shine on the weekend"),  # wanting, but no deal
])
def test_acts_a_person_or_a_thing_also_does_prove_no_company(mention: str, text: str) -> None:
    assert not ItemText.of(text).acts_as_company(mention)


def test_an_account_with_an_industry_is_not_settled_by_the_act_alone() -> None:
    # holdout33 rh33-0133's headline, against an Orange the CRM says is a juice maker: the act says a company, not which
    text = "Orange reshuffles top management with a focus on MEA, Spain"
    juice = AccountIndex([Account(id=1, name="Orange", industry="Beverages")])
    assert juice.resolve("Orange", None, text).account_id is None
