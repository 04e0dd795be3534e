"""Funding false alerts removed in round 13 of issue 14 (precision work): each test is one class of wrong event, a cause in the
code, found in the errors of the spent sets (train.POOL) and counted across them.

Every case is a real item, copied verbatim from a labelled set (the set and item id are in the comment); expected values are
the items' labels (LABELLING.md).
"""

from __future__ import annotations

from signalwatch.events import EventType
from signalwatch.extract import extract_news


def _companies(title: str, summary: str = "") -> list[str | None]:
    return [e.company_name for e in extract_news(title, summary) if e.type == EventType.FUNDING]


def test_a_lenders_headline_names_the_company_the_loan_goes_to() -> None:
    # holdout24 rh24-0013: one round, of Aleafia Health (was two: the lender's and the summary's)
    assert _companies(
        "Garrington Group Closes New $19MM Credit Facility for Aleafia Health",
        "Aleafia Health closed a credit facility of up to $19 million. The Credit Facility is financed by the Garrington Group of "
        "Companies, a Toronto-based private lender providing working capital financing to the underserved, small to mid-sized middle "
        "market sector across North America, providing credit facilities that generally range from $1 million to over $30 million.",
    ) == ["Aleafia Health"]
    # holdout22 rh22-0004
    assert _companies(
        "EIB signs €50million loan with European Spallation Source in Sweden",
        "The credit facility was extended under the “InnovFin – EU Finance for Innovators” programme, with the financial backing of "
        "the European Union under Horizon 2020, the EU’s programme for research and innovation. The European Investment Bank (EIB) "
        "has signed a €50 million (SEK 505 million) loan agreement with the European Spallation Source (ESS) in Lund, Sweden.",
    ) == ["European Spallation Source"]


def test_money_the_headline_calls_an_ipo_is_no_round_whatever_the_summary_calls_it() -> None:
    # holdout2 rh-0129 and holdout20 rh20-0252: labelled with no event (LABELLING.md: an IPO is not funding)
    assert not _companies(
        "Denali pulls off 2017’s biggest biotech IPO, pocketing $250M for Parkinson’s, Alzheimer’s trials",
        "Denali Therapeutics has raised $250 million. The IPO, the biggest biotech listing of the year, sets Denali up to push drugs "
        "against Alzheimer’s and Parkinson’s diseases through early clinical trials.",
    )
    assert not _companies(
        "Jumia raises US$196-million in landmark New York IPO",
        "Pan-African e-commerce company Jumia has raised US$196 million after an initial public offering (IPO) on the New York Stock "
        "Exchange (NYSE) that has been hailed as a landmark for the African tech space.",
    )


def test_a_raise_told_as_what_came_before_the_news_is_background() -> None:
    # holdout20 rh20-0124 (labelled with no event) and holdout18 rh18-0097 (labelled layoffs only)
    assert not _companies(
        "Trukker expands operations to Poland and Kazakhstan in growth push",
        "Trukker, which provides an Uber-like digital network for lorries and pick-up trucks in the Mena region, is expanding its "
        "operations to Poland and Kazakhstan, the two key logistics centres in the EU and Commonwealth of Independent States, as it "
        "looks to boost growth. The latest development comes after the company raised $100 million in series C funding in September, "
        "led by Bahrain’s Investcorp.",
    )
    assert not _companies(
        "Juni joins fintech bloodbath; lays off a third of staff",
        "Juni, the Swedish neobank for e-commerce entrpreneurs, is to lay off a third of its 217-strong workforce just months after "
        "raising $206 million in Series B and venture debt funding.",
    )


def test_a_round_of_what_the_headline_calls_a_parent_is_the_parents() -> None:
    # holdout17 rh17-0286: the label is Fiesta Restaurant Group, not Taco Cabana
    assert _companies(
        "Taco Cabana, Pollo Tropical parent takes out $75M loan",
        "Fiesta Restaurant Group, the parent company of fast casuals Taco Cabana and Pollo Tropical, has taken out a new $75 million "
        "loan with a $10 million revolving credit facility, the company announced Monday.",
    ) == ["Fiesta Restaurant Group"]


def test_a_nationality_is_never_the_company() -> None:
    # holdout10 rh10-0055 (labelled albo) and holdout24 rh24-0096 (labelled TOP Ships): no round of "Mexican" or "Chinese"
    assert "Mexican" not in _companies(
        "Mexican challenger albo raises $45m in Series B funding round",
        "Mexican challenger bank, albo, has raised $45 million in a Series B funding round, putting its total raised at more than $72 "
        "million. The round featured participation from investors Valar Ventures, Greyhound Capital, and Mountain Nazca.",
    )
    assert "Chinese" not in _companies(
        "Top Ships Secures Loan for 2 MR Newbuilds",
        "TOP Ships has entered into an agreement with a major Chinese financier in relation to financing of up to $60.2 million for "
        "its recently acquired vessels.",
    )


def test_one_round_the_headline_and_summary_name_twice_is_one_event() -> None:
    # holdout15 rh15-0104 and holdout20 rh20-0127: one labelled round each (MAX, inDrive); the summary's second name made a second
    assert _companies(
        "MAX raises $31m series B funding to expand venture",
        "Metro Africa Xpress Inc. (MAX) has announced raising a $31 million in a Series B investment round. The new investment will see "
        "the startup expand into other African markets as it works to formalize the continent’s transportation sector.",
    ) == ["MAX"]
    assert _companies(
        "inDrive raises USD 150 mn",
        "Global ride-hailing app inDrive — FKA inDriver — has raised some USD 150 mn from existing investor General Catalyst to support "
        "the company’s growth plans, it said in a press release (pdf).",
    ) == ["inDrive"]


def test_a_firm_closing_its_own_funds_is_no_round() -> None:
    # holdout21 rh21-0167 and holdout16 rh16-0094: both labelled with no event (LABELLING.md: VC firms closing their own funds)
    assert not _companies(
        "Sequoia raises $4 billion for India, South-east Asia funds despite market rout",
        "SSINGAPORE (BLOOMBERG) - Sequoia India and Sequoia South-east Asia have raised US$2.85 billion (S$3.97 billion) across three "
        "funds to continue backing start-ups in the region despite a stock market rout roiling tech companies.",
    )
    assert not _companies(
        "‘All in’: Paul Bassat’s Square Peg secures $850 million despite tech downturn",
        "One of Australia’s most powerful technology investors, AFL commissioner Paul Bassat, has defended his firm Square Peg’s track "
        "record of backing early-stage entrepreneurs as he announced its fifth fund is ready to begin deploying $850 million into "
        "start-ups.",
    )
