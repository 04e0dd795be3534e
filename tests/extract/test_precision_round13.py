"""Precision, issue 14 round 13: classes of false or wrongly named acquisition and layoff events read from the spent sets.

Each class was kept because, pooled over the spent sets (train.POOL), it removed at least three wrong events for each right
one it lost and occurs in at least two sets. Every case is verbatim from a spent labelled set (set and item id in the
comment); the guards are right events of the same sets that a careless form of the fix would lose.
"""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import Extraction
from signalwatch.extract.news import extract_with


def _events(kind: EventType, title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_with(title, summary, {}) if e.type == kind]


def _deals(title: str, summary: str = "") -> list[tuple[str | None, str | None]]:
    return [(e.attributes["acquirer"], e.company_name) for e in _events(EventType.ACQUISITION, title, summary)]


# A deal the headline or its own sentence calls off, blocks, opposes or rejects is no acquisition (LABELLING.md).
_OFF = [
    # holdout2 rh-0145: the headline's "EU opposes", the summary's "the end of their $20 billion merger plan"
    pytest.param("Adobe plans to acquire Figma for $20 billion, EU opposes",
                 "Adobe and Figma announced the end of their $20 billion merger plan in the face of growing regulatory pressure from "
                 "the UK and EU. As a result of the deal being terminated, Adobe will need to pay Figma a $1 billion cash compensation fee.",
                 id="rh-0145"),
    # holdout23 rh23-0212: a competition tribunal blocks the buy
    pytest.param("Competition body blocks Heidelberg Materials’ acquisition of majority stake in Tanga Cement",
                 "Tanzania: The Fair Competition Tribunal (FCT) has blocked an attempt by Heidelberg Materials to buy a 68% stake in "
                 "Tanga Cement for around US$59m saying it was contrary to the law.", id="rh23-0212"),
    # holdout3 rh3-0039: the target backs out
    pytest.param("Rio Grande Neurosciences backs out of $22m Endonovo deal",
                 "Rio Grande Neurosciences last week backed out of its pending acquisition by Endonovo Therapeutics, after seeking to "
                 "renegotiate the terms of the $22 million deal, Endonovo said.", id="rh3-0039"),
    # holdout20 rh20-0054: the seller passes on the bid
    pytest.param("Thanks but no thanks – Citi quickly passes on Grupo Mexico’s bid",
                 "Citi tersely dismissed Grupo México’s bid for Banamex, citing “financial considerations and transaction certainty”.",
                 id="rh20-0054"),
]


@pytest.mark.parametrize(("title", "summary"), _OFF)
def test_a_deal_called_off_blocked_or_rejected_is_no_acquisition(title: str, summary: str) -> None:
    assert _deals(title, summary) == []


_STILL_ON = [
    # holdout13 rh13-0163: "will not oppose" clears the deal
    pytest.param("Australian competition watchdog not opposed to Woolworths' stake buy in Petstock",
                 "Dec 14 (Reuters) - Australia's competition watchdog said on Thursday it will not oppose Woolworths' WOW.AX "
                 "acquisition of a 55% stake in specialty pet retailer Petstock, a unit of Petspiration.",
                 [("Woolworths", "Petstock")], id="rh13-0163"),
    # holdout10 rh10-0061: "a smart bid to block competitors" stops no deal
    pytest.param("Quick Tinking", "Visa agreed on Thursday to buy European fintech firm Tink for $2 billion, in what may be a smart bid "
                 "to block competitors from bypassing the payment giants card network.", [("Visa", "Tink")], id="rh10-0061"),
    # holdout14 rh14-0188: "H&R Block" is a name
    pytest.param("Breaking down the $537-million H&R Block acquisition of Toronto fintech Wave",
                 "What’s new: Tax services giant H&R Block has entered into an agreement to buy Wave Financial, a digital accounting "
                 "services firm with over 400,000 small business clients, for $537 million (US$405 million) in cash.",
                 [("H&R Block", "Wave Financial")], id="rh14-0188"),
    # holdout9 rh9-0064: "collapses shares to single class" is no deal collapsing
    pytest.param("Lightspeed strikes twice: Montreal company announces second $400-million+ US deal in a month, collapses shares to "
                 "single class", "Lightspeed POS Inc. announced its second $400-million-plus U.S. acquisition in less than a month "
                 "Tuesday as it continues its efforts to consolidate the fragmented market for internet-based point-of-sale and payments "
                 "products for retail and hospitality companies. The Montreal software company said it would pay US$430-million in cash "
                 "and stock for Upserve Inc., a Rhode Island-based company that provides internet-based restaurant management software "
                 "to 7,000 restaurants in the US, generating $40-million in revenue annually.",
                 [("Lightspeed POS Inc.", "Upserve Inc.")], id="rh9-0064"),
]


@pytest.mark.parametrize(("title", "summary", "expected"), _STILL_ON)
def test_words_that_stop_something_else_leave_the_deal(title: str, summary: str, expected: list[tuple[str, str]]) -> None:
    assert _deals(title, summary) == expected


# Assets bought are no acquisition (LABELLING.md: no named target; asset deals are not labelled).
_ASSETS = [
    # holdout20 rh20-0101: a counted lot bought from its owner
    pytest.param("Cermaq Acquires Three Salmon Plants from Norwegian Competitor Grieg Seafood",
                 "Cermaq has announced plans to acquire three salmon processing facilities from Norwegian peer Grieg Seafood for "
                 "Nkr10.2bn ($988.6m).", id="rh20-0101"),
    # holdout24 rh24-0032: brands bought from their owner
    pytest.param("Tilray To Acquire Eight Craft Beer Brands From Anheuser-Busch",
                 "Cannabis producer Tilray Brands (TLRY) is buying eight craft beer brands from international brewing giant "
                 "Anheuser-Busch InBev (BUD).", id="rh24-0032"),
    # holdout21 rh21-0153: part of a company
    pytest.param("Business and commercial law: Fairfax buys part of Carillion",
                 "A recent deal between two companies is saving about 4,500 jobs. Carillion Canada recently filed papers in court for "
                 "protection against its creditors, but Fairfax Financial Holdings Ltd. decided to buy the company's facilities "
                 "management sector.", id="rh21-0153"),
    # holdout25 rh25-0132: a named owner's unit
    pytest.param("Olam agrees to buy ADM's cocoa business",
                 "NEW YORK (Reuters) - Olam International Ltd (OLAM.SI) will buy Archer Daniels Midland Co’s (ADM.N) cocoa business "
                 "for $1.3 billion, it said on Monday, catapulting the Singapore-based commodities merchant into the top tier of the "
                 "niche bean processing industry.", id="rh25-0132"),
    # holdout7 rh7-0026: power plants counted in megawatts
    pytest.param("TerraForm Power Acquires 26 MW of Solar Power from SunEdison for $47 Million",
                 "TerraForm acquired 21 U.S. distributed generation solar power plants comprising 26 MW from SunEdison through a series "
                 "of transactions valued at $47 million. The 21 power plants have long-term contracts with an average remaining life of "
                 "20 years.", id="rh7-0026"),
]


@pytest.mark.parametrize(("title", "summary"), _ASSETS)
def test_assets_plants_brands_or_a_unit_bought_are_no_acquisition(title: str, summary: str) -> None:
    assert _deals(title, summary) == []


def test_a_company_named_brands_is_still_bought() -> None:
    # holdout24 rh24-0132: "Old Orchard Brands, LLC, a family-owned juice and beverage company" is a company
    assert _deals("Lassonde to Purchase Old Orchard Brands",
                  "Lassonde Industries, Inc., a Rougemont, Que., developer and manufacturer of fruit and vegetable juices, has agreed to "
                  "acquire Old Orchard Brands, LLC, a family-owned juice and beverage company based in Sparta, Mich., for $146 million "
                  "in cash.") == [("Lassonde", "Old Orchard Brands")]


def _cuts(title: str, summary: str = "") -> list[tuple[str | None, object, object]]:
    return [(e.company_name, e.attributes.get("count"), e.attributes.get("percentage")) for e in _events(EventType.LAYOFFS, title, summary)]


# A subject that names no one (a lead-in word, a count, a nationality, a quotation after the name) is not who cuts staff.
_NO_ONE = [
    # holdout20 rh20-0134: "In an endeavour to lay off …" is the headline's Amazon, not a company "In"
    pytest.param("Amazon job cuts are now expected to reach 20,000",
                 "In an endeavour to lay off around 20,000 staff, company managers have been instructed during the past few days to "
                 "look for employee work performance issues.", [("Amazon", 20000, None)], id="rh20-0134"),
    # holdout8 rh8-0161: "In a move that the food giant says …"
    pytest.param("Kraft Heinz to cut 2,500 jobs",
                 "PITTSBURGH, Aug. 12 (UPI) -- In a move that the food giant says will eliminate duplication, Kraft Heinz announced "
                 "Wednesday that it will immediately cut 2,500 jobs in North America. The cuts -- which represent more than 5 percent "
                 "of its global work force -- are the product of the company's aim to reduce its budget by at least $1.5 billion by the "
                 "end of 2017.", [("Kraft Heinz", 2500, 5.0)], id="rh8-0161"),
    # holdout20 rh20-0245: "Swedish 'buy now, pay later' service" is no second company
    pytest.param("Klarna lays off 10% of its staff with a prerecorded video message",
                 "Swedish 'buy now, pay later' service (BNPL) 'Klarna' lays off 10% of its global workforce, uses a prerecorded video "
                 "message.", [("Klarna", None, 10.0)], id="rh20-0245"),
    # holdout25 rh25-0137: "Australian airline to slash up to 1,000 jobs" is Qantas, not "Australian"
    pytest.param("Qantas to cut jobs to stem losses",
                 "Australian airline to slash up to 1,000 jobs and focus on Asia to create “fundamental change”. Australian airline "
                 "Qantas has revealed plans to cut up to 1,000 jobs as part of a major revamp to stem financial losses.",
                 [("Qantas", 1000, None)], id="rh25-0137"),
    # holdout10 rh10-0027: "Six reasons why …" is an explainer
    pytest.param("Six reasons why high-tech companies are laying off employees",
                 "Israeli high-tech is alive and kicking, and the demand for manpower remains great. But after years of money flowing "
                 "like water and hiring sprees, the industry is tightening its belt.", [], id="rh10-0027"),
]


@pytest.mark.parametrize(("title", "summary", "expected"), _NO_ONE)
def test_a_subject_that_names_no_one_is_not_the_company_cutting(title: str, summary: str, expected: list[tuple[str, object, object]]) -> None:
    assert _cuts(title, summary) == expected


def test_a_name_before_a_quotation_keeps_its_name() -> None:
    # holdout20 rh20-0133: "Ford 'will slash …'" is Ford
    assert ("Ford", None, 10.0) in _cuts("Ford 'will slash 10 percent of global workforce' as company deals with slowing sales")


# A brand whose name is a possessive keeps it where a verb follows; a possessive before a noun is the company's.
_POSSESSIVE_BRANDS = [
    # holdout7 rh7-0003
    pytest.param("Macy’s announces 5,000 job cuts, 7 new store closures",
                 "Macy’s is planning 5,000 job cuts, including closure of seven previously unidentified stores and other cuts at "
                 "remaining locations, as it seeks stability in a tumultuous climate for physical retail. The retailer’s cost reductions "
                 "come after its holiday sales in stores open at least a year rose 1.1%.", [("Macy's", 5000, None)], id="rh7-0003"),
    # holdout10 rh10-0015
    pytest.param("Indian Edtech company Byju’s fired 2500 employees.",
                 "Indian edtech company Byju’s fired 2500 employees as the company is in the loss. The $22 million start-up said in a "
                 "statement on Wednesday that the layoffs are a step toward cost-cutting and achieving overall profitability.",
                 [("Byju's", 2500, None)], id="rh10-0015"),
    # holdout14 rh14-0009: "Metromile’s layoffs" is Metromile
    pytest.param("The story behind Metromile’s layoffs",
                 "On the week of April 6th, Dan Preston, the CEO of Metromile, one of oldest insurance startups, told employees that "
                 "cuts need to be made in order to achieve a 2-year runway. As a result, around 50 employees were laid off, including "
                 "the entire marketing team, and around 50 employees were furloughed.", [("Metromile", 50, None)], id="rh14-0009"),
]


@pytest.mark.parametrize(("title", "summary", "expected"), _POSSESSIVE_BRANDS)
def test_a_brand_named_as_a_possessive_keeps_its_s(title: str, summary: str, expected: list[tuple[str, object, object]]) -> None:
    assert _cuts(title, summary) == expected


# A buyer read from words that name no one (a year, a figure, a legal form, a label, a place) makes no deal to tell.
_NO_BUYER = [
    # holdout16 rh16-0205: "on January 9th, 2017, the company has reached an agreement to acquire Trello" read "2017" as the buyer
    pytest.param("Jay Simons on Acquisition of Trello",
                 "As announced by Atlassian, a solutions provider for team collaboration and productivity, on January 9th, 2017, the "
                 "company has reached an agreement to acquire Trello, a visualization tool that makes use of boards to help teams and "
                 "people manage their projects and tasks.", id="rh16-0205"),
    # holdout25 rh25-0051: "…, Dallas, TX is acquiring" read the city as the buyer
    pytest.param("Consolidated Restaurant Operations Inc., Dallas, TX is acquiring Chevys Inc., Emeryville, CA, which is privately "
                 "owned by a management team and equity firm J.W. Childs Associates.",
                 "Linda Duke, a public relations consultant for Chevys, said there are no current plans to change or close any of the "
                 "82 company-owned Chevys Fresh Mex locations or 37 franchised restaurants.", id="rh25-0051"),
    # holdout19 rh19-0036: the headline's label "Mexico:" read as the buyer
    pytest.param("Mexico: buying businesses abroad",
                 "The $1.6 billion purchase this month by Grupo Bimbo of Canada Bread Company, a division of Toronto-based Maple Leaf "
                 "Foods, is the latest in a program of expansion by Mexican companies in other countries.", id="rh19-0036"),
]


@pytest.mark.parametrize(("title", "summary"), _NO_BUYER)
def test_a_buyer_that_names_no_one_tells_no_deal(title: str, summary: str) -> None:
    assert _deals(title, summary) == []


@pytest.mark.parametrize(("title", "expected"), [
    # holdout3 rh3-0124, holdout7 rh7-0172: names that open with a figure are names
    pytest.param("95 Percent Group acquires Sortegories", [("95 Percent Group", "Sortegories")], id="rh3-0124"),
    pytest.param("Finnish retailer Kesko has agreed to sell loss-making homeware chain Anttila to German investment fund 4K Invest, "
                 "enabling the company to raise its profit forecast for the year.", [("4K Invest", "Anttila")], id="rh7-0172"),
])
def test_a_buyer_whose_name_opens_with_a_figure_is_kept(title: str, expected: list[tuple[str, str]]) -> None:
    assert _deals(title) == expected


# The headline tells its buyer's deal; the summary's other deal by that buyer is background or the same deal retold.
_ONE_DEAL_PER_BUYER = [
    # holdout12 rh12-0165: "AMD acquired Xilinx" is background to the Pensando deal (the label's target is "Pensando"; the
    # headline's Title Case run is kept as read)
    pytest.param("AMD Acquires Pensando Data Processing Units in a $1.9 Billion Deal",
                 "In recent years one of AMD's top priorities was its datacenter business powered by its highly competitive EPYC "
                 "processors. To further boost the business , AMD acquired Xilinx, a leading developer of field programmable arrays "
                 "(FPGAs). In another move to boost the company's datacenter business AMD announced [PDF] it had reached an agreement "
                 "to buy Pensando, a designer of fully programmable processors in a deal valued at $1.9 billion.",
                 [("AMD", "Pensando Data Processing Units")], id="rh12-0165"),
    # holdout16 rh16-0130: the digest's "has acquired its small rival Medilife" retells "PharmEasy buys Medlife"
    pytest.param("STARTUP DIGEST: PharmEasy buys Medlife, FarEye raises $100 mn, Huawei to launch new operating system for phones",
                 "There were several important developments in the startup space during the day on Monday, which include FarEye raised "
                 "$100 million in Series E funding round; PharmEasy, which recently turned unicorn, has acquired its small rival "
                 "Medilife; e-commerce platform Flipkart has given employment to 23,000 people amid the second wave of COVID-19 "
                 "pandemic.", [("PharmEasy", "Medlife")], id="rh16-0130"),
]


@pytest.mark.parametrize(("title", "summary", "expected"), _ONE_DEAL_PER_BUYER)
def test_the_summary_adds_no_second_deal_of_the_headlines_buyer(title: str, summary: str, expected: list[tuple[str, str]]) -> None:
    assert _deals(title, summary) == expected


# A Title Case headline's target that the summary tells as a description (its words in lower case, never the name) is none.
_DESCRIBED = [
    # holdout23 rh23-0175
    pytest.param("Monsanto Acquires German Seed Company",
                 "Seed Week reports Dieckmann GmbH & Co. KG, based in Düsseldorf, Germany, has announced plans to sell certain areas of "
                 "its operation to Monsanto. Under the proposed agreement, which is subject to the approval of the relevant national "
                 "antitrust authorities, Monsanto will acquire the oilseed rape and rye seed business areas, as well as the distribution "
                 "of corn and sunflower seeds.", id="rh23-0175"),
    # holdout25 rh25-0204
    pytest.param("Singapore's DBS Acquires Failed Taiwanese Bank",
                 "Singapore-based DBS Group, Southeast Asia's biggest lender, has been selected by the Taiwan government as the "
                 "preferred bidder for failed Bowa Commercial Bank, following the failure of a government auction on 31 January.",
                 id="rh25-0204"),
]


@pytest.mark.parametrize(("title", "summary"), _DESCRIBED)
def test_a_title_case_description_is_no_target(title: str, summary: str) -> None:
    assert _deals(title, summary) == []


@pytest.mark.parametrize(("title", "summary", "expected"), [
    # dev rp-0032: "Whole Foods Market" over the summary's "Whole Foods, the high-end organic food market" is the name
    pytest.param("Breaking: Amazon Purchases Whole Foods Market For $13.7B",
                 "Big news from Amazon this morning as they have officially announced their plans to acquire Whole Foods, the high-end "
                 "organic food market for a staggering $13.7B in cash. This marks the largest company acquisition from Amazon following "
                 "their purchases of Zappos for $1.2B in 2009 and Twitch for $970M back in 2014.",
                 [("Amazon", "Whole Foods Market")], id="rp-0032"),
    # dev rp-0130: one word written small by a transcript ("discord") is still the name
    pytest.param("Microsoft Exploring $10B Acquisition of Gamer Chat App Discord",
                 "The messaging app discord might be up for sale. Reports have surfaced the company's weighing whether to put itself up "
                 "for sale and microsoft is mulling a bid of reportedly ten billion dollars so far discord is declined to comment on "
                 "the reports.", [("Microsoft", "Discord")], id="rp-0130"),
])
def test_a_title_case_name_the_summary_writes_is_kept(title: str, summary: str, expected: list[tuple[str, str]]) -> None:
    assert _deals(title, summary) == expected


# The summary's telling of the headline's cut under another form of the name, with the same figure, is that cut, not a second.
_RETOLD_CUTS = [
    # holdout22 rh22-0196: "TOKYO—Sony" read with its dateline
    pytest.param("Sony says it will cut 10,000 jobs amid restructuring",
                 "TOKYO—Sony on Thursday said it would cut about 10,000 jobs in the fiscal year ending in March 2013 as the struggling "
                 "electronics and entertainment giant moves to stem massive losses.", [("Sony", 10000, None)], id="rh22-0196"),
    # holdout23 rh23-0094: "General Motors of Canada Ltd." under "GM Canada"
    pytest.param("GM Canada to cut 1,200 jobs",
                 "GM eliminates a shift from its only three-shift plant in Canada. TORONTO (AP) — General Motors of Canada Ltd. will cut "
                 "1,200 jobs at an Ontario truck plant in January, a move the Canadian Auto Workers Union says shows the effect of "
                 "slumping U.S. housing and credit markets on the already struggling auto industry.", [("GM Canada", 1200, None)],
                 id="rh23-0094"),
    # holdout21 rh21-0252: "First Bank of Nigeria" spells out the headline's "First Bank"
    pytest.param("First Bank set to sack 1000 of its workers",
                 "First Bank of Nigeria is planning to sack at least 1000 of its staff. According to Bloomberg, the plan to cut jobs is "
                 "as a result of the banks 82% loss in profit after its financial year ending for 2015.",
                 [("First Bank of Nigeria", 1000, None)], id="rh21-0252"),
]


@pytest.mark.parametrize(("title", "summary", "expected"), _RETOLD_CUTS)
def test_the_headlines_cut_retold_with_the_same_figure_is_one_cut(title: str, summary: str, expected: list[tuple[str, object, object]]) -> None:
    assert _cuts(title, summary) == expected


@pytest.mark.parametrize(("title", "summary"), [
    # holdout3 rh3-0210: "Video Game Layoffs" is a sector's tally
    pytest.param("89 Days Into 2024 And 8,800+ Video Game Layoffs Have Been Announced",
                 "PlayStation, Sega, and Microsoft are the latest companies to announce cuts", id="rh3-0210"),
    # holdout14 rh14-0008: "U.S. Insurance Layoffs"
    pytest.param("Cuts at P&C Carriers Drive 2023 U.S. Insurance Layoffs",
                 "Property and casualty (P&C) carriers were responsible for the majority of the layoffs in the US insurance industry in "
                 "2023 as the sector shed at least 6,800 jobs, according to an analysis by S&P Global Market Intelligence.", id="rh14-0008"),
])
def test_a_sector_after_a_place_or_product_word_is_not_a_company(title: str, summary: str) -> None:
    assert _cuts(title, summary) == []


@pytest.mark.parametrize(("title", "summary"), [
    # holdout16 rh16-0066: the deal frames a deal memo
    pytest.param("The Battle for the Customer Data Platform: Publishing My RudderStack Deal Memo",
                 "With Twilio’s acquisition of Segment, it’s a good time to publish my deal memo for RudderStack, a Customer Data "
                 "Platform for Developers.", id="rh16-0066"),
    # holdout23 rh23-0182: the deal frames a list of older deals
    pytest.param("6 of the biggest UK tech acquisitions by overseas giants",
                 "List: As Softbank acquires ARM, CBR looks at some of the biggest acquisitions of UK companies. One of the frequently "
                 "asked questions about the UK tech sector is why it has never produced a Google or an Amazon: a world-changing titan "
                 "with dollar valuations in the hundreds of billions.", id="rh23-0182"),
])
def test_a_deal_told_as_the_lead_in_to_other_news_is_not_told(title: str, summary: str) -> None:
    assert _deals(title, summary) == []


@pytest.mark.parametrize(("title", "summary", "gone"), [
    # holdout11 rh11-0106: the acquisition "by Byju’s in 2021" is why a payment is due now
    pytest.param("Byju’s should pay ₹ 1983 crore within 8 days for Aakash acquisition",
                 "According to the latest reports, Indian ed-tech startup, Byju’s, should pay 1983 crore Indian rupees to Blackstone, a "
                 "global investment management company, within 8 days.  The payment to Blackstone is part of the acquisition of Aakash "
                 "Educational Services by Byju’s in 2021.", "Aakash Educational Services", id="rh11-0106"),
    # holdout5 rh5-0035: "bought … Saks Fifth Avenue in 2013" is the buyer's history
    pytest.param("Sak's Fifth Ave Owner to Buy Kaufhof",
                 "The owner of US stores chain Sak's Fifth Avenue, Hudson's Bay, is buying Germany's biggest department store chain, "
                 "Kaufhof, for €2.8bn. Kaufhof, currently owned by Metro, owns 120 stores across Germany. Hudson's Bay, based in "
                 "Toronto, bought high-end retailer Saks Fifth Avenue in 2013 for $2.14bn.", "Saks Fifth Avenue", id="rh5-0035"),
    # holdout24 rh24-0088: "Less than a year after Novartis AG's acquisition of …": a funding round's background
    pytest.param("Less than a year after Novartis AG's acquisition of optogenetics specialist Vedere Bio Inc., its successor Vedere "
                 "Bio II Inc. is launching with $77 million in series A financing, led by Octagon Capital.",
                 "The company will develop earlier-stage assets than those Novartis purchased, including new, mutation-agnostic "
                 "optogenetics technology to improve upon current gene therapies aimed at restoring functional vision to people with "
                 "vision loss due to photoreceptor death.", "Vedere Bio Inc.", id="rh24-0088"),
])
def test_an_earlier_deal_told_as_history_is_not_news(title: str, summary: str, gone: str) -> None:
    assert gone not in [target for _, target in _deals(title, summary)]


@pytest.mark.parametrize(("title", "summary", "expected"), [
    # holdout7 rh7-0237: "A.P. Moller-Maersk MAERSKb.CO"
    pytest.param("Maersk agrees $3.6 bln deal to buy Hong Kong-based LF Logistics",
                 "Container shipping giant A.P. Moller-Maersk has agreed to buy Hong Kong-based LF Logistics for $3.6 billion in an "
                 "all-cash deal, it said on Wednesday, as it seeks to expand beyond its core ocean freight business. COPENHAGEN, Dec 22 "
                 "(Reuters) - Container shipping giant A.P. Moller-Maersk MAERSKb.CO has agreed to buy Hong Kong-based LF Logistics for "
                 "$3.6 billion in an all-cash deal, it said on Wednesday, as it seeks to expand beyond its core ocean freight business.",
                 [("A.P. Moller-Maersk", "LF Logistics")], id="rh7-0237"),
    # holdout21 rh21-0229: "Grupo Mexico GMEXICOB.MX has agreed to buy Planigrupo Latam PLANI.MX"
    pytest.param("Grupo Mexico unit agrees to buy Planigrupo Latam -filing",
                 "MEXICO CITY, Sept 2 (Reuters) - A unit of Mexican mining company Grupo Mexico GMEXICOB.MX has agreed to buy Planigrupo "
                 "Latam PLANI.MX for 14.20 pesos per share, the companies said on Friday. The offer by Mexico Proyectos y Desarrollos "
                 "values the Mexican shopping mall company at around 4.7 billion Mexican pesos ($235.7 million), Grupo Mexico said in a "
                 "statement.", [("Grupo Mexico", "Planigrupo Latam")], id="rh21-0229"),
])
def test_a_stock_code_after_a_name_is_not_part_of_it(title: str, summary: str, expected: list[tuple[str, str]]) -> None:
    assert _deals(title, summary) == expected


@pytest.mark.parametrize(("title", "summary", "expected"), [
    # holdout24 rh24-0188: "…, lay off 72" is Smurfit Westrock's second verb, not Oregon's
    pytest.param("Smurfit Westrock will close North Portland, Oregon box plant, lay off 72", "", [("Smurfit Westrock", 72, None)],
                 id="rh24-0188"),
    # holdout23 rh23-0195: "…, also laying off workers" is ArcelorMittal's (the summary gives the count)
    pytest.param("ArcelorMittal to restart Indiana blast furnace, also laying off workers",
                 "ArcelorMittal USA announced Monday it will restart a blast furnace at its Indiana Harbor East Chicago mill, while the "
                 "company repairs a blast furnace that was damaged in an explosion at its Burns Harbor plant. The company idled the #4 "
                 "blast furnace in May during the Covid-19 shutdown. However, local news also reported over the weekend that the company "
                 "will be laying off 877 workers at the East Chicago plant, effective Saturday, Aug. 1.", [("ArcelorMittal", 877, None)],
                 id="rh23-0195"),
])
def test_a_second_verb_after_a_comma_is_the_clause_subjects(title: str, summary: str, expected: list[tuple[str, object, object]]) -> None:
    assert _cuts(title, summary) == expected


@pytest.mark.parametrize(("title", "summary"), [
    # holdout24 rh24-0192: the headline names the seller; the summary says a business of it is bought
    pytest.param("Mondi to buy Graphic Packaging International for $105m",
                 "JOHANNESBURG (Reuters) – Paper and packaging firm Mondi said on Tuesday it will buy the U.S. bags and kraft paper "
                 "business of Graphic Packaging International for $105 million as it seeks to grow its presence in the world’s largest "
                 "economy.", id="rh24-0192"),
    # holdout24 rh24-0244: the headline names a brand; the summary says five brands are bought
    pytest.param("Asahi to buy Pilsner Urquell from AB InBev",
                 "Japanese brewer Asahi has agreed to buy five Eastern European beer brands in a deal worth €7.3bn (£6.1bn). "
                 "Anheuser-Busch InBev had agreed to sell the brands, which include Pilsner Urquell, Tyskie and Kozel, to help get "
                 "clearance from competition regulators for its $100bn takeover of SABMiller.", id="rh24-0244"),
])
def test_a_headline_deal_the_summary_tells_as_assets_is_no_acquisition(title: str, summary: str) -> None:
    assert _deals(title, summary) == []


def test_explain_names_the_check_that_refused_a_deal() -> None:
    # holdout2 rh-0145: `extract --explain` says which deal was read and why it was refused
    from signalwatch.extract.news import why_none

    said = why_none("Adobe plans to acquire Figma for $20 billion, EU opposes")
    assert "Adobe buying Figma: the item says the deal is off ('opposes')" in said


@pytest.mark.parametrize(("title", "summary"), [
    # holdout14 rh14-0241: the cut is background to a funding round
    pytest.param("Supply chain startup FourKites, which recently laid off workers, raises $30M",
                 "Weeks after laying off workers, supply chain startup FourKites has raised $30 million as part of an ongoing financing "
                 "round, according to documents filed with the U.S. Securities and Exchange Commission. The filing indicates that "
                 "FourKites hopes to close the round with $80 million in capital, a substantially smaller amount than the company's "
                 "previous round, which landed at around $100 million.", id="rh14-0241"),
    # holdout20 rh20-0128: the cut is background to a new CEO
    pytest.param("Ericsson bets on continuity with new CEO from Investor",
                 "STOCKHOLM, Oct 26, (APP/AFP) – Struggling Swedish telecoms equipment maker Ericsson on Wednesday appointed Borje "
                 "Ekholm as new CEO, betting on continuity with an executive coming from its board of directors and its main "
                 "shareholder. Ericsson, which announced it would cut up to 4,000 jobs in Sweden earlier this month, was seeking a new "
                 "head following the ousting of Hans Vesterberg in July after seven years.", id="rh20-0128"),
])
def test_a_cut_told_in_a_relative_clause_is_background(title: str, summary: str) -> None:
    assert _cuts(title, summary) == []
