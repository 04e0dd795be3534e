"""Acquisitions and layoffs, issue 14 round 14: precision and recall classes read from the spent sets (train.POOL).

Every headline and summary is verbatim from a spent labelled set (the set and item id are in the comment before it). Each
case failed before this round: a precision case named a wrong company (or any company for a negative), a recall case found
no event, a why_none case said nothing of the reading it refused.
"""

from __future__ import annotations

from signalwatch.events import EventType
from signalwatch.extract import Extraction, extract_news
from signalwatch.extract.acquisition import refused_acquisitions
from signalwatch.extract.layoffs import refused_layoffs
from signalwatch.extract.news import why_none


def _of(kind: EventType, title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_news(title, summary) if e.type == kind]


# --- layoffs: a one-word "company" the item also writes in lower case is a common noun -----------------------------------

def test_a_common_noun_opening_a_statistics_item_is_no_company() -> None:
    # holdout10 rh10-0041 (a negative: statistics): "Funding" opens the headline and "the funding winter" is in the summary
    title = "Funding woes haunt Indian startups"
    summary = ("Led by the edtech sector, Indian startups have laid off more than 16,000 employees to date, and the number is only "
               "growing…reports Asian Lite News As the funding winter deepens amid growing layoffs, India saw a massive 35 per cent "
               "drop in funding this year, from $37.2 billion in 2021 to $24.7 billion (till November in 2022) and edtech startups "
               "saw a significant 39 per cent drop compared to the same period last year, a report showed on Thursday.")
    assert _of(EventType.LAYOFFS, title, summary) == []
    assert any("common noun" in told for told in refused_layoffs(title, summary))


def test_a_common_noun_in_a_name_leaves_the_cut_to_the_full_name() -> None:
    # holdout23 rh23-0194: "Steel" was read out of "U.S. Steel Lays Off"; the summary writes "the largest domestically based steel producer"
    cuts = _of(EventType.LAYOFFS, "U.S. Steel Lays Off Over 1,000 Workers as It ‘Indefinitely’ Idles Illinois Steel Mill",
               "The company said the decision is meant to to help ensure melt capacity is balanced with its order book. U.S. Steel, "
               "the largest domestically based steel producer, has indefinitely idled its operations at its plant in Granite City, "
               "Illinois, laying off more than 1,000 workers.")
    assert [(c.company_name, c.attributes["count"]) for c in cuts] == [("U.S. Steel", 1000)]


def test_a_sector_word_opening_the_headline_is_not_alerted_as_the_company() -> None:
    # holdout26 rh26-0084: "Sugar layoffs" beside "across the sugar industry"; the cutter (Guyana Sugar Corporation) is told only
    # as who says it, so no alert goes to an account named "Sugar"
    cuts = _of(EventType.LAYOFFS, "Sugar layoffs to hit 4,000 by yearend",
               "By December 29, approximately 4,000 employees across the sugar industry will be without a job, the Guyana Sugar "
               "Corporation (GuySuCo) says.")
    assert "Sugar" not in [c.company_name for c in cuts]


# --- acquisitions: a target read as the digits of a figure names no company ----------------------------------------------

def test_a_size_cut_at_its_thousands_comma_is_no_target() -> None:
    # holdout5 rh5-0251 (no labelled deal: a mall is bought): the target was read as "732" of "732,000-square-foot"
    title = "N.Y. firms buy Voorhees mall"
    summary = ("Mason Asset Management and Namdar Realty Group, both of Great Neck, N.Y., are the new owners of Voorhees Town Center, "
               "they said Tuesday. Mason and Namdar bought the 732,000-square-foot Camden County mall from Pennsylvania Real Estate "
               "Investment Trust on Oct. 27, marking their sixth acquisition from the Philadelphia-based mall developer.")
    assert _of(EventType.ACQUISITION, title, summary) == []
    assert any("is a figure" in told for told in refused_acquisitions(title, summary))


def test_a_count_of_shares_is_no_target() -> None:
    # holdout26 rh26-0090 (no labelled deal: shares in a listed company): the target was read as "57" of "57,323 ordinary shares"
    assert _of(EventType.ACQUISITION, "Paradise Beverages trading suspended",
               "The South Pacific Stock Exchange has placed a suspension in trading of Paradise Beverages Limited shares as of "
               "yesterday. This decision was made in light of a negotiated deal through which Coca-Cola Amatil Fiji has acquired "
               "57,323 ordinary shares in Paradise Beverages.") == []


# --- why_none: a deal told only as called off is read and refused, not "matched no clause" --------------------------------

def test_why_none_tells_a_deal_called_off() -> None:
    # the case: no event, and why_none names the deal it read and the words that call it off
    said = why_none("Adobe abandons Figma deal after regulators oppose it")
    assert "Adobe buying Figma: the item says the deal is off ('abandons')" in said
    assert "matched no clause" not in said


def test_why_none_tells_a_called_off_merger_of_two_named_companies() -> None:
    # holdout13 rh13-0112 (no labelled deal: a merger abandoned)
    title = "Sezzle (ASX:SZL) and Zip Co (ASX:ZIP) abandon merger deal"
    assert _of(EventType.ACQUISITION, title) == []
    assert "Sezzle (ASX:SZL) and Zip Co (ASX:ZIP) merging: the item says the deal is off ('abandon')" in why_none(title)


def test_why_none_tells_a_called_off_deal_in_title_case() -> None:
    # holdout17 rh17-0069 (no labelled deal): "Abandons … Bid" in a Title Case headline
    said = why_none("Walgreens Abandons Rite Aid Bid; Will Instead Buy Nearly Half Of Stores")
    assert "Walgreens buying Rite Aid: the item says the deal is off ('Abandons')" in said


def test_dropping_something_other_than_a_deal_is_not_told_as_a_deal() -> None:
    assert refused_acquisitions("Acme drops prices after buying spree", "") == []


def test_a_person_dropped_in_a_buyout_is_not_told_as_a_deal_called_off() -> None:
    # holdout15 rh15-0128 (a departure): "dropped in KCB buyout" is no buyer dropping a deal
    assert not any("deal is off" in told for told in refused_acquisitions("Musau dropped in KCB buyout of NBK", ""))


# --- acquisitions (recall): a done deal's verb, then the target named before the deal noun, no price ----------------------

def _deals(title: str, summary: str = "") -> list[tuple[str | None, str | None]]:
    return [(e.company_name, e.attributes["acquirer"]) for e in _of(EventType.ACQUISITION, title, summary)]


def test_completes_target_acquisition() -> None:
    # holdout23 rh23-0238
    assert _deals("Star Bulk Completes Eagle Bulk Acquisition",
                  "Star Bulk Carriers Corp. on Tuesday announced that it has completed its merger with fellow dry bulk shipping company "
                  "Eagle Bulk Shipping Inc.Eagle Bulk shareholders this week voted to approve the $2.1 billion deal, which was first "
                  "announced in December 2023.") == [("Eagle Bulk", "Star Bulk")]


def test_confirms_target_acquisition() -> None:
    # holdout18 rh18-0159
    assert _deals("Daily Dash: Visa Confirms Pismo Acquisition",
                  "Visa has announced a move into issuer processing and core banking with its Pismo acquisition, Lithuania has set out "
                  "its National Fintech Guidelines, and Shanghai Clearing House has launched e-CNY clearing and settlement.") == [("Pismo", "Visa")]


def test_announces_target_takeover_in_a_roundup() -> None:
    # holdout17 rh17-0130: the first of a summary's list of bank deals
    deals = _deals("Flurry of Major Deals as M&A in US Banking Heats Up",
                   "Plus: First Bancorp announces Select Bancorp takeover, United Community Banks buys Aquesta, Oconee to merge with "
                   "Elberton Banking merger and acquisition deals worth more than $7 billion have been announced over the past few days "
                   "as corporate activity continues at pace.")
    assert ("Select Bancorp", "First Bancorp") in deals


def test_the_name_before_acquisition_of_is_the_buyer_not_the_target() -> None:
    # holdout16 rh16-0074 (a negative: opinion until round 17): "the announced Renesas acquisition of Altium" names no target before
    # the noun. Round 17 (labels17) relabelled the item an acquisition of Altium by LABELLING.md's ruling on explainers of one
    # deal; this guard still holds the extractor to nothing here (left for the lead: the test asserts behaviour, not the label)
    assert _deals("What’s the Deal with the Altium Deal?",
                  "The masses are atwitter over the announced Renesas acquisition of Altium, and for good reason. The $5.9 billion "
                  "price tag is some real coin.") == []


# --- layoffs: the item's company taken from inside the headline, never named in the summary -------------------------------

def test_a_capitalised_word_inside_a_title_case_headline_is_not_the_items_company() -> None:
    # holdout24 rh24-0011 (no labelled cut: a question about the sector)
    title = "Have Tech Layoffs Peaked?"
    summary = ("When will the layoffs end? The question is top of mind for anyone who works in the tech sector, whether they’ve watched "
               "friends and co-workers lose their jobs or been handed a pink slip of their own.")
    assert _of(EventType.LAYOFFS, title, summary) == []
    assert any("the summary never names" in told for told in refused_layoffs(title, summary))


def test_a_quarter_at_the_end_of_a_headline_is_not_the_company() -> None:
    # holdout9 rh9-0225 (no labelled cut: statistics)
    assert _of(EventType.LAYOFFS, "These Mass. Tech Companies Cut Hundreds of Jobs in Q1",
               "Tech companies made deep cuts in the size of their workforces in the first quarter of 2023, continuing a trend "
               "anchored in economic uncertainty that began last year. Over 540 tech companies worldwide laid off workers as of the "
               "start of April, resulting in more than 166,000 employees losing their jobs, according to layoff tracking site "
               "Layoffs.fyi.") == []


def test_the_company_opening_the_headline_past_a_lead_in_stays() -> None:
    # holdout11 rh11-0005: the summary never names Ridgewood Industries, which opens the headline after "According to CBC News,"
    cuts = _of(EventType.LAYOFFS, "According to CBC News, Ridgewood Industries, a Cornwall, Ont., furniture manufacturer, will shut "
               "down in September, resulting in the loss of 300 jobs.",
               "The closure is part of a “strategic shift” by parent company Dorel Industries and comes after 55 years of operation in "
               "the city.")
    assert [(c.company_name, c.attributes["count"]) for c in cuts] == [("Ridgewood Industries", 300)]
