"""Acquisitions and layoffs, issue 14 round 15: recall classes read from the unreached labels of the spent sets (train.POOL).

Every headline and summary is verbatim from a spent labelled set (the set and item id are in the comment before it). Each
case found no event of its type before this round.
"""

from __future__ import annotations

from signalwatch.events import EventType
from signalwatch.extract import Extraction, extract_news
from signalwatch.extract.acquisition import refused_acquisitions


def _of(kind: EventType, title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_news(title, summary) if e.type == kind]


# --- acquisitions: a headline deal refused as a description leaves its buyer's summary deal standing ----------------------

def test_the_summary_names_the_target_a_headline_only_described() -> None:
    # holdout27 rh27-0125: the headline's "First Mobile Game Studio" is a description; the summary names what Sony bought
    title = "Sony Acquires First Mobile Game Studio; PlayStation Studios Mobile Launches"
    summary = ("Sony is officially entering the mobile gaming market. The Japanese company announced today that it has acquired "
               "Savage Game Studios, a developer specializing in games for phones and tablets.")
    deals = _of(EventType.ACQUISITION, title, summary)
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Savage Game Studios", "Sony")]
    assert "summary sentence 2" in deals[0].why  # --explain names the summary's sentence that decided


def test_a_described_headline_target_is_still_told_as_refused() -> None:
    # holdout26 rh26-0107: "Landmark Papers" is the summary's "Landmark Community Newspapers LLC"; the headline's reading stays refused
    title = "Paxton Acquires Landmark Papers"
    summary = ("Paxton Media Group (PMG) acquired Landmark Community Newspapers LLC, a chain of 44 weekly and two daily newspapers "
               "based in Shelbyville, Kentucky. The Landmark purchase includes 20 Kentucky publications, including papers in "
               "Elizabethtown, Shelbyville, Shepherdsville, Lebanon and Bardstown, among others.")
    deals = _of(EventType.ACQUISITION, title, summary)
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Landmark Community Newspapers LLC", "Paxton Media Group")]
    assert any("only as a description" in told for told in refused_acquisitions(title, summary))


# --- acquisitions: a deal or an agreement to buy, as the object of any verb ----------------------------------------------

def test_a_deal_to_buy_announced_is_the_clause_subjects_deal() -> None:
    # holdout3 rh3-0035: the headline's verb plays on words; the summary announces "a … deal to buy" Atmel
    deals = _of(EventType.ACQUISITION, "Dialog nabs Atmel.",
                "Dialog Semiconductor PLC announced a $4.6 billion cash-and-stock deal to buy Atmel Corp., the latest sign that chip "
                "makers are betting on a technology trend called the Internet of Things.")
    assert [(d.company_name, d.attributes["acquirer"], d.attributes["amount"]) for d in deals] == [
        ("Atmel Corp.", "Dialog Semiconductor PLC", 4_600_000_000.0)]


def test_an_agreement_with_the_seller_to_acquire_names_the_buyer_and_the_target() -> None:
    # holdout29 rh29-0032: the seller stands between the agreement and "to acquire"
    deals = _of(EventType.ACQUISITION, "Aggregates USA set to become largest Vulcan acquisition since Florida Rock",
                "Vulcan Materials has reached a definitive agreement with Mill Valley, Calif., investor SPO Partners to acquire "
                "Aggregates USA LLC for $900 million.")
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Aggregates USA LLC", "Vulcan Materials")]


def test_talk_of_a_deal_to_buy_is_no_deal_struck() -> None:
    # the shape's guard: a preposition before the deal makes it no verb's object (no labelled set item; the rule's edge)
    assert _of(EventType.ACQUISITION, "Shares rise on talk of a deal to buy Atmel") == []


# --- acquisitions: the buyer telling its own deal ("<buyer> said on <day> that it has acquired", "<buyer> announces it will") --

def test_a_buyer_that_announces_it_will_acquire_is_the_buyer() -> None:
    # holdout20 rh20-0108
    deals = _of(EventType.ACQUISITION, "Community Financial announces it will acquire County First Bank",
                "The Community Financial Corporation (NASDAQ: TCFC), the holding company for Community Bank of the Chesapeake, and "
                "County First Bank (OTCQB: CUMD) jointly announced on July 31 that they have signed a definitive agreement pursuant "
                "to which County First Bank, headquartered in La Plata, will be merged with and into Community Bank of the Chesapeake, "
                "according to a press release.")
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("County First Bank", "Community Financial")]


def test_a_buyer_that_said_on_a_date_that_it_has_acquired_is_the_buyer() -> None:
    # holdout27 rh27-0035: a roundup headline; the summary's third sentence tells the deal with its date
    deals = _of(EventType.ACQUISITION,
                "Family business roundup: L’Oreal buys, Hancocks sold and more acquisitions in the limelight",
                "A number of acquisitions and sales have made headlines as family businesses around the world look to consolidate "
                "operations. A number of acquisitions and sales have made headlines as family businesses around the world look to "
                "consolidate operations. French family-controlled cosmetics group L’Oreal said on 26 November that it has acquired "
                "American make-up company Urban Decay.")
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Urban Decay", "L'Oreal")]


def test_a_merger_told_from_each_side_is_one_deal() -> None:
    # holdout17 rh17-0068: the summary's "The Yoox Group said … that it had agreed to merge with … Net-a-Porter" is the
    # headline's merger told from the other side, not a second deal with the roles swapped
    deals = _of(EventType.ACQUISITION, "Net-a-Porter, Yoox Agree to Merge",
                "The Yoox Group said on Tuesday that it had agreed to merge with its luxury e-commerce rival Net-a-Porter in an "
                "all-share deal.")
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Yoox", "Net-a-Porter")]


# --- acquisitions: a headline's target described by its origin ("Dutch company", "Malaysia tower company") ---------------

def test_a_target_described_by_its_nationality_is_named_by_the_summary() -> None:
    # holdout29 rh29-0105
    deals = _of(EventType.ACQUISITION, "Walki Group buys Dutch company",
                "Oct 3 2011  Walki Group has announced the completion of the acquisition of Meuwissen Industrie BV, a producer of "
                "flexible packaging materials, and Meuwissen Bouwprodukten BV, a specialist distributor of building and construction "
                "materials.")
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Meuwissen Industrie BV", "Walki Group")]
    assert deals[0].why.startswith("acquisition.described-target")


def test_a_target_described_by_its_country_is_named_by_the_summary() -> None:
    # holdout25 rh25-0277
    deals = _of(EventType.ACQUISITION, "Edotco to acquire Malaysia tower company",
                "Edotco strengthened its tower holdings in Malaysia after agreeing to pay MYR1.7 billion ($404.7 million) to acquire "
                "Touch Mindscape, which operates about 1,000 sites in the country.")
    assert [(d.company_name, d.attributes["acquirer"], d.attributes["currency"]) for d in deals] == [("Touch Mindscape", "Edotco", "MYR")]


def test_a_place_written_as_an_adjective_is_no_target() -> None:
    # holdout11 rh11-0060: "a U.K.-based engineering consulting firm" names no company; the next sentence names Mouchel Consulting
    deals = _of(EventType.ACQUISITION, "Canada's WSP acquiring U.K. engineering firm",
                "Canada's WSP Global Inc. is buying a U.K.-based engineering consulting firm with expertise in public transportation "
                "and infrastructure, including intelligent systems for managing road traffic. WSP says it will pay the equivalent "
                "of $120.4 million to purchase Mouchel Consulting, which employs about 2,000 people - mostly in the United Kingdom "
                "and Ireland.")
    assert [d.company_name for d in deals] == ["Mouchel Consulting"]


# --- acquisitions: the buy verbs in the forms the shapes did not know ("is snapping up", "was picked up by", "swallows") ----

def test_a_buyer_snapping_up_a_target_buys_it() -> None:
    # holdout20 rh20-0233: the headline describes the target; the summary's "is snapping up … Mobileye" names it
    deals = _of(EventType.ACQUISITION, "Intel buys Israeli self-driving car firm for $15 billion",
                "LONDON (CNNMoney) -- Intel is snapping up self-driving car firm Mobileye in a deal worth $15.3 billion. The "
                "chipmaker confirmed the acquisition Monday, saying it will pay $63.54 per share in cash for the Israeli tech firm.")
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Mobileye", "Intel")]


def test_a_target_picked_up_by_a_buyer_is_bought() -> None:
    # holdout9 rh9-0156
    deals = _of(EventType.ACQUISITION,
                "The exits keep trickling along—this one wasn’t huge, but shows some life in the market for relatively established "
                "companies.",
                "Smilebox, which offers software that helps users process and publish their photos, was picked up by Israel’s "
                "IncrediMail for $25 million up front, with the possibility of another $15 million later on. The Smilebox team of "
                "about 50 people will stay headquartered in Redmond.")
    assert [(d.company_name, d.attributes["acquirer"], d.attributes["amount"]) for d in deals] == [("Smilebox", "IncrediMail", 25_000_000.0)]


def test_a_buyer_that_swallows_a_company_buys_it() -> None:
    # holdout19 rh19-0194
    deals = _of(EventType.ACQUISITION, "Zomato swallows Uber Eats India — just desserts or a bitter pill?",
                "There was a time when startup investor wisdom decreed it difficult, if not impossible, for Indian startups to compete "
                "with and win against global majors looking to expand into their domain in India.")
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Uber Eats India", "Zomato")]


# --- acquisitions: a merger told as a noun phrase naming both sides ------------------------------------------------------

def test_a_merger_approved_names_both_sides() -> None:
    # holdout21 rh21-0239: "approves <a> and <b> merger" / "approved the planned merger between <a> and <b>"
    deals = _of(EventType.ACQUISITION, "Kenya's competition watchdog approves Airtel Kenya and Telkom Kenya merger",
                "Kenya's competition authority has approved the planned merger between Airtel Kenya and Telkom Kenya, the regulator "
                "said on Friday. The authority said in a legal notice that the merged entity was disallowed from entering any sale "
                "agreement in the next five years, and must honour any existing contracts with government bodies.")
    assert [(d.company_name, d.attributes["acquirer"], d.change) for d in deals] == [("Telkom Kenya", "Airtel Kenya", "acquired")]
    assert deals[0].why.startswith("acquisition.merger-of")


def test_the_merger_of_two_named_companies_is_their_deal() -> None:
    # holdout26 rh26-0145
    deals = _of(EventType.ACQUISITION, "Merger approved",
                "It’s official. The merger of RJR Communications Group and the Gleaner Company has been approved by shareholders.")
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Gleaner Company", "RJR Communications Group")]


def test_a_company_described_as_a_merger_is_no_deal() -> None:
    # holdout10 rh10-0086 (no labelled deal): "GoTo, a merger of … Gojek and … Tokopedia" tells where GoTo came from
    title = "Indonesia's Tech Giant GoTo Cuts 1,300 Workers"
    summary = ("TEMPO.CO, Jakarta - GoTo, a merger of ride-hailing provider Gojek and e-commerce firm Tokopedia, has laid off 1,300 "
               "workers or about 12% percent of its total employees in Indonesia, Vietnam, Singapore, and India. The figure is "
               "reportedly the largest cut in Indonesia.")
    assert _of(EventType.ACQUISITION, title, summary) == []
