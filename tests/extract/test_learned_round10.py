"""Round 10 of the learned detector's slot filling (learned_slots.py): shapes that cut the wrong events it made left-out.

Every headline and summary below is verbatim from a spent labelled set (set and item id beside it); the
summary is its first sentence(s), which is all the slot filler reads. Each case was a wrong event of the
detector in the pooled leave-one-set-out run of `python -m signalwatch.extract.train` (a detection whose
slots named the wrong company or person, or no round at all) and fails on the round-9 code.
The slot fillers are driven with a detection of high probability, as the model gives these items.
"""

from __future__ import annotations

import pytest

from signalwatch.extract.learned import TASKS, Detection, Model, features, model_events
from signalwatch.extract.learned_slots import SLOT_FILLERS


def _funding(headline: str, summary: str) -> tuple[str, str] | None:
    event = SLOT_FILLERS["funding"](headline, summary, Detection("funding", "funding", 0.95))
    return None if event is None else (event.change, event.company_name)


def _leadership(headline: str, summary: str) -> tuple[str, str, str | None] | None:
    event = SLOT_FILLERS["leadership"](headline, summary, Detection("leadership", "appointed", 0.95))
    return None if event is None else (event.change, event.company_name, event.attributes["person"])


def test_the_subject_of_an_active_perfect_appoints_it_is_not_appointed() -> None:
    # holdout17 rh17-0157: was a leadership event whose person was "Saudi Arabia" ("Saudi Arabia has appointed").
    found = _leadership(
        "Saudi Arabia appoints new CEO to drive NEOM’s mega-city project forward",
        "Riyadh, Saudi Arabia – Saudi Arabia has appointed Aiman al-Mudaifer as interim CEO of NEOM, signaling renewed momentum "
        "for the kingdom’s ambitious mega-city project, which aims to reshape urban living as part of Vision 2030.",
    )
    assert found is None or found[2] != "Saudi Arabia"


def test_joining_something_that_is_no_company_or_post_is_no_hire() -> None:
    # holdout16 rh16-0046: was "appointed" at Zoho for a rumour of joining politics.
    assert _leadership(
        "Sridhar Vembu joining politics after stepping down as Zoho CEO? Tech tycoon reacts to rumours | Trending",
        "Sridhar Vembu, who stepped down as the CEO of Zoho Corporation, set the record straight on speculation of him joining politics.",
    ) is None


def test_joining_a_company_is_still_a_hire() -> None:
    # Hand-written corner case: the "joining" shape above must not stop "joins <company> as <title>".
    assert _leadership("Jane Doe joins Acme Robotics as CEO", "") == ("appointed", "Acme Robotics", "Jane Doe")


@pytest.mark.parametrize(("headline", "summary"), [
    # dev rn-0035: the "company" was "$100m".
    ("$100m is just the starting line",
     "I keep hearing from founders that they are holding tight until $100M. And just yesterday, a startup executive shared they’re all "
     "waiting to reach $100M ARR."),
    # holdout18 rh18-0130: the "company" was "$4.6M Series Seed" (the item names Socket only deep in its body).
    ("$4.6M Series Seed to defend open source from supply chain attacks",
     "Redefining open source security through proactive supply chain risk management One year ago, we founded Socket with the goal "
     "to safeguard the open source ecosystem for everyone."),
    # holdout12 rh12-0105 (labelled no funding: the item names no company): the "company" was "College", the first word of
    # the plural subject "College dropouts raise".
    ("College dropouts raise 0 million to take on Nvidia's AI chips",
     "A team founded by college dropouts has raised $120 million from investors led by Primary Venture Partners to build a new AI "
     "chip to take on Nvidia."),
    # holdout19 rh19-0208: the "company" was "After", from "After raising its first-ever institutional round ...".
    ("Profit at PhysicsWallah approaches Rs 100 Cr in FY22 while revenue increases 9.5X",
     "After raising its first-ever institutional round of $100 million from WestBridge Capital and GSV Ventures in June of this year, "
     "edtech platform PhysicsWallah became a member of the coveted unicorn club."),
])
def test_a_money_amount_or_a_function_word_is_no_company(headline: str, summary: str) -> None:
    found = _funding(headline, summary)
    assert found is None or not (found[1][0] in "$€£" or found[1].split()[0].lower() in ("after", "college"))


@pytest.mark.parametrize(("headline", "summary", "giver"), [
    # holdout11 rh11-0129: the money goes to Bboxx, InfraCo provides it.
    ("AFRICA: InfraCo provides $15m to Bboxx to expand its solar systems",
     "Bboxx has again secured funding for its expansion in sub-Saharan Africa. The funding is in the form of $15 million in "
     "convertible loan notes from InfraCo Africa, an investment company of the Private Infrastructure Development Group (PIDG).", "InfraCo"),
    # holdout15 rh15-0234: the financing goes to Lula, IFC extends it.
    ("IFC extends local currency financing to Lula to support South Africa’s small business sector",
     "A new IFC loan to digital lender Lula aims to expand access to working capital for South African MSMEs, a segment central to "
     "employment and economic activity yet significantly underserved by traditional credit channels.", "IFC"),
])
def test_the_subject_of_a_giving_verb_gives_the_money(headline: str, summary: str, giver: str) -> None:
    found = _funding(headline, summary)
    assert found is None or found[1] != giver


@pytest.mark.parametrize(("headline", "summary"), [
    # holdout17 rh17-0180: a listed airline's rights issue (labelled no funding).
    ("Cash-strapped AirAsia raises $233M to boost recovery",
     "AirAsia Group has signalled it expects a strong rebound in air travel across south-east Asia in the coming months as the budget "
     "carrier raises $233 million from a rights issue."),
    # holdout11 rh11-0037: an offering of stock-purchase rights to shareholders (labelled no funding).
    ("Accelerate Diagnostics to Raise $45M for Funding its Rapid Pathogen Detection Program",
     "Tucson-based Accelerate Diagnostics Inc. has launched a $45 million offering of stock-purchase rights to existing shareholders "
     "to help fund commercialization of its technology to rapidly detect and identify infectious pathogens."),
    # dev rf-0160: a VC's money "for its next life sci fund" (labelled no funding).
    ("Wellington Partners tanks up with $237M for its next life sci fund — same strategy, but with more cash on hand",
     "A year ago, when Philadelphia-based Carisma Therapeutics was raising a $53 million A round to back their work on macrophages in "
     "immuno-oncology, Munich-based Wellington Partners stepped in with the new crowd to take a ringside seat."),
])
def test_a_rights_issue_or_a_fund_is_no_round(headline: str, summary: str) -> None:
    assert _funding(headline, summary) is None


def test_the_standfirst_gives_the_headline_s_short_name_in_full() -> None:
    # holdout12 rh12-0192 (labelled company "Magenta Therapeutics"): was "Magenta".
    assert _funding(
        "Magenta Nabs More Cash, Licenses Drug To Boost Transplant Pipeline",
        "Xconomy Boston — Magenta Therapeutics said today it has doubled its money with a $50 million Series B round led by GV, formerly "
        "Google Ventures.",
    ) == ("raised", "Magenta Therapeutics")


def test_clause_shape_features_are_read() -> None:
    # holdout4 rh4-0151 headline (verbatim): the amount leads the headline, before any money verb.
    assert "#money-lead-h" in features("$401M: Series D for Cell and Gene Therapy Platform", "")
    # holdout16 rh16-0157 headline (verbatim): a person tied to a title and a stated change.
    assert "#change-h" in features("Symantec boss Greg Clark exits biz amid dismal financials", "")
    # holdout5 rh5-0149 headline (verbatim): the headline's subject is a company followed by its verb.
    assert "#co-h" in features("Flipdish becomes newest Irish tech unicorn with $1.25bn valuation", "")


def test_being_pushed_out_is_a_departure_and_its_names_the_company_before_it() -> None:
    # holdout16 rh16-0113 (labelled: Stephen Doyle departed Nuix): no event before ("was being “terminated" was no verb of
    # departure, and "its CFO" named no company).
    assert _leadership(
        "Nuix rocked as CEO and CFO depart",
        "Embattled technology company Nuix has announced the departure of its chief financial officer and chief executive officer as it "
        "looks to move on from a damaging disclosure and governance scandal. As foreshadowed by the Sydney Morning Herald and The Age "
        "this week Nuix announced to the market on Tuesday morning that its CFO Stephen Doyle was being “terminated by mutual agreement.”",
    ) == ("departed", "Nuix", "Stephen Doyle")


def test_a_nameless_departure_in_the_headline_makes_the_standfirst_s_after_clause_the_news() -> None:
    # holdout17 rh17-0261 (labelled: Grant Blackley departed Network Ten): "after Grant Blackley was dumped" was read as
    # background. Known error left: the company comes out as "DMG Radio" (the second sentence's), not Network Ten.
    found = _leadership(
        "Ten Network dumps CEO",
        "NETWORK TEN is again in turmoil after Grant Blackley was dumped as its chief executive - after just 70 days in the top job. "
        "His replacement is Lachlan Murdoch, whose media interests straddle a sizeable investment in Ten and the chairmanship of DMG "
        "Radio, owner of the Nova network.",
    )
    assert found is not None and found[0] == "departed" and found[2] == "Grant Blackley"


def test_a_change_in_a_clause_of_time_stays_background_when_the_headline_names_its_own_news() -> None:
    # Hand-written corner case: the round-9 rule holds when the headline does not state a nameless departure.
    assert _leadership("Acme Robotics posts record quarter", "Acme Robotics grew fast after Jane Doe resigned as CEO of Acme Robotics.") is None


def test_the_staged_bound_finds_what_the_full_features_find() -> None:
    # Hand-written model (a corner case of the bound): only the person shapes can lift an item over the threshold, so an
    # item with no first-and-last name pair is ruled out before its names are read, and one with a tied person is not.
    leadership = Model(TASKS["leadership"], [0.0, -3.0, -3.0], {"#tie-h": [0.0, 2.0, 2.0], "#change-h": [0.0, 2.0, 2.0]}, threshold=0.6)
    models = {"leadership": leadership}
    # holdout16 rh16-0157 (verbatim headline): a person tied to a title and a stated departure.
    headline = "Symantec boss Greg Clark exits biz amid dismal financials"
    assert leadership.probabilities(features(headline, ""))[2] + leadership.probabilities(features(headline, ""))[1] >= 0.6
    assert [(e.change, e.company_name, e.attributes["person"]) for e in model_events(headline, "", models)] == [
        ("departed", "Symantec", "Greg Clark")]
    # holdout17 rh17-0246 (verbatim headline): no name pair, so no person shape, and no event.
    assert model_events("Samsung lead CEO to step down amid 'unprecedented crisis'", "", models) == []
