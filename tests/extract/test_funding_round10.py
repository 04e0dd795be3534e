"""Funding rounds in the shapes added in round 10 (issue #14), chosen from the errors of the fresh map (holdout16-19).

Every sentence is real and verbatim (whole sentences left off the end at most), from the spent set named beside it; each
shape fires right on items of at least two sets and sites, and each test failed before the change it covers. The
shapes: an investor's money put "in"/"into" a company told by a description that ends in a company noun ("into
e-grocery player Grofers"); a lender's loan "to" a named borrower ("has announced a $16mn loan to Samunnati"); a
minority stake an investor takes ("acquires minority stake in US firm Activate"); a company a sentence presents, its
round in the relative clause ("a company called Twelve, which has raised $645 million"); a round announced "earlier this
week" (recent, not history); a round told "according to a report" (`reported`); and, as field accuracy, "pre-Series A"
(no letter of its own), "Pvt. Ltd" (no name), a range written with one unit ("$700-750-million": no amount), and, as
precision, money from an IPO, a rights issue or a firm's own fund.
"""

from __future__ import annotations

import pytest

from signalwatch.extract.news import extract_news, extract_with
from signalwatch.resolve import normalize_name

Expected = list[tuple[str, float | None, str | None, str, str]]


def _funding(title: str, summary: str) -> Expected:
    return [
        (normalize_name(event.company_name or ""), event.attributes["amount"], event.attributes["currency"], event.change,
         event.attributes["round"])
        for event in extract_news(title, summary) if str(event.type) == "funding"
    ]


def _named(expected: Expected) -> Expected:
    return [(normalize_name(company), amount, currency, change, kind) for company, amount, currency, change, kind in expected]


# (title, summary, [(company, amount, currency, change, round), ...]): the item's labels, unless a comment says otherwise
INVESTED = [
    # holdout16 rh16-0125 (avcj.com)
    pytest.param(
        "PremjiInvest commits $33m to India's HRI",
        (
            'PremjiInvest, the private investment firm for Wipro Enterprises Chairman Azim Premji, has invested '
            'INR2.16 billion ($33 million) in cosmetics developer Hygienic Research Institute (HRI).'
        ),
        [('Hygienic Research Institute', 2160000000.0, 'INR', 'raised', 'undisclosed')],
        id='rh16-0125',
    ),
    # holdout19 rh19-0057 (cnbctv18.com)
    pytest.param(
        'Grofers turns unicorn with $120 million from Zomato, Tiger Global',
        (
            'Zomato and Tiger Global have invested $120 million into e-grocery player Grofers, turning it into a '
            'unicorn with a valuation of over $1 billion. IPO-bound foodtech company Zomato and Tiger Global '
            'have invested $120 million into e-grocery player Grofers, turning it into a unicorn with a '
            'valuation of over $1 billion.'
        ),
        [('Grofers', 120000000.0, 'USD', 'raised', 'undisclosed')],
        id='rh19-0057',
    ),
    # holdout2 rh-0195 (asia.nikkei.com)
    pytest.param(
        'SoftBank Vision Fund leads $1.2bn funding for US logistics',
        (
            "TOKYO -- SoftBank Group's giant technology fund is leading a consortium that is investing $1.2 "
            'billion in two U.S. logistics startups, increasing its bets in traditional industries. The SoftBank '
            'Vision Fund led a $1 billion investment in freight forwarding startup Flexport on Thursday. The '
            'deal comes a day after it led a $200 million funding round for on-demand storage startup Clutter.'
        ),
        [('Flexport', 1000000000.0, 'USD', 'raised', 'undisclosed'), ('Clutter', 200000000.0, 'USD', 'raised', 'undisclosed')],
        id='rh-0195',
    ),
]

LENT = [
    # holdout17 rh17-0195 (editorstime.com)
    pytest.param(
        'IFC gives Pran another $25m loan',
        (
            'International Finance Corporation (IFC) has provided just one more $25 million loan to Pran-RFL '
            "Group for this to expand one of its concern's capacity to manufacture 'affordable and quality food "
            "products'."
        ),
        [('Pran-RFL Group', 25000000.0, 'USD', 'raised', 'debt')],
        id='rh17-0195',
    ),
    # holdout18 rh18-0127 (theconduit.com)
    pytest.param(
        'Blue Earth provides $16mn boost to Indian smallholder farmers',
        (
            'Swiss impact investor Blue Earth Capital has announced a $16mn loan to Samunnati, an Indian '
            'agriculture financier which supports small-holder farmers and provides climate-smart reskilling. '
            'Smallholders account for 86% of India’s farmers and remain some of the country’s poorest people.'
        ),
        [('Samunnati', 16000000.0, 'USD', 'raised', 'debt')],
        id='rh18-0127',
    ),
]

STAKES = [
    # holdout17 rh17-0270 (business-standard.com): the headline
    pytest.param(
        'Tata Global Beverages acquires minority stake in US firm Activate',
        (
            'An overseas subsidiary of Tata Global Beverages (TGB), formerly Tata Tea Ltd, has acquired a '
            'minority stake in US-based Activate, a performance beverage and bottled water firm. TGB declined, '
            'despite requests, to specify how much stake or which particular subsidiary.'
        ),
        [('Activate', None, None, 'raised', 'undisclosed')],
        id='rh17-0270',
    ),
    # holdout15 rh15-0249 (daily8.com): the summary calls the stake a minority one; the label writes the name in full
    pytest.param(
        'DHL eCommerce buys stake in AJEX, enters Saudi market',
        (
            'DHL eCommerce, the e-commerce logistics specialist of DHL Group, and AJEX Logistics Services, have '
            'entered into an agreement in which DHL will acquire a minority stake in the Saudi Arabian parcel '
            'logistics company.'
        ),
        [('AJEX', None, None, 'raised', 'undisclosed')],
        id='rh15-0249',
    ),
    # holdout16 rh16-0124 (mytinyfeed.com): the summary
    pytest.param(
        'Hg Capital Invests Hundreds of Millions in Canadian Payroll Software Firm Payworks',
        (
            'European private-equity firm Hg Capital purchased an undisclosed stake in Winnipeg-based Payworks '
            'Inc., a Canadian payroll software company with over US$100 million in annual revenue, for hundreds '
            "of millions of dollars, marking one of Canada's largest private technology company investments."
        ),
        [('Payworks', None, None, 'raised', 'undisclosed')],
        id='rh16-0124',
    ),
]

PRESENTED = [
    # holdout18 rh18-0073 (solondais.fr)
    pytest.param(
        'Clean Jet Fuel Technology Wins on Wall Street',
        (
            'Cutting emissions from airplanes is one of the toughest challenges in the energy transition. A '
            'small group of startups claim to have the answer, and investors are racing to give them cash. The '
            'latest is a company called Twelve, which has raised $645 million from investors including private '
            'equity firm TPG and Alaska Airlines, making it one of the largest investments in clean jet fuel in '
            'history.'
        ),
        [('Twelve', 645000000.0, 'USD', 'raised', 'undisclosed')],
        id='rh18-0073',
    ),
    # holdout12 rh12-0093 (firstwordmedtech.com)
    pytest.param(
        'Yuanxin grabs February’s top VC deal spot',
        (
            'FirstWord recorded over 50 venture financing deals of $1 million-and-over in February, surpassing '
            'January’s tally of 45 deals. However, with just five, rather than seven nine-figure transactions, '
            'the total venture dollars raised in February was just under $1.8 billion, a couple of hundred '
            'million shy of the previous month’s total deal value. The biggest round went to Chinese scale-up '
            'Yuanxin Tech, which raised a whopping $465 million with contributions from its big tech backers '
            'like Tencent.'
        ),
        [('Yuanxin Tech', 465000000.0, 'USD', 'raised', 'undisclosed')],
        id='rh12-0093',
    ),
]

RECENT = [
    # holdout7 rh7-0075 (heatmap.news)
    pytest.param(
        'Funding Friday: A Big Week for Batteries',
        (
            'Plus a pair of venture capital firms close their second funds. It’s been a big few weeks for both '
            'minerals recycling and venture capital fundraising. As I wrote about earlier this week, battery '
            'recycling powerhouse Redwood Materials just closed a $475 million Series E round, fueled by its '
            'pivot to repurposing used electric vehicle batteries for data center energy storage.'
        ),
        [('Redwood Materials', 475000000.0, 'USD', 'raised', 'series_d_plus')],
        id='rh7-0075',
    ),
]

REPORTED = [
    # holdout17 rh17-0181 (pymnts.com)
    pytest.param(
        'China’s Starbucks Rival Luckin Raises $150M',
        (
            'Luckin, a Chinese coffee startup that aims to dominate rival Starbucks in the Chinese coffee '
            'market, has raised $150 million in a Series B-plus fundraising round, according to a report. The '
            'fresh capital values the company at $2.9 billion, which is an increase of $700 million from four '
            'months prior.'
        ),
        [('Luckin', 150000000.0, 'USD', 'reported', 'series_b')],
        id='rh17-0181',
    ),
    # holdout19 rh19-0129 (cnbctv18.com)
    pytest.param(
        'Mamaearth turns unicorn after funding from Sequoia, Sofina & others',
        (
            'Personal care brand Mamaearth has entered the billion-dollar club after raising funds in a new '
            'round at unicorn valuation, as per data from Venture Intelligence. The funding was led by Sequoia '
            'Capital’s Sequoia Capital Growth Fund III, Sofina and Evolvence Fund. As per reports, Mamaearth has '
            'raised close to $80 million, at an estimated valuation of $1.07 billion.'
        ),
        [('Mamaearth', 80000000.0, 'USD', 'reported', 'undisclosed')],
        id='rh19-0129',
    ),
]

FORMS = [
    # holdout17 rh17-0084 (ecosystem.whub.io): pre-Series A has no letter of its own
    pytest.param(
        'Hong Kong-based logistics startup nets $10m in pre-series A round',
        (
            'Zeek, a Southeast Asia-focused logistics technology startup, has secured approximately $10 million '
            'in pre-Series A financing.'
        ),
        [('Zeek', 10000000.0, 'USD', 'raised', 'undisclosed')],
        id='rh17-0084',
    ),
    # holdout17 rh17-0269 (techcircle.in): "Pvt. Ltd" is no name
    pytest.param(
        'SoftBank leads $200 mn round in e-grocer Grofers',
        (
            'Online grocer Grofers India Pvt. Ltd has raised more than $200 million (Rs 1,406 crore at current '
            'exchange rate) in a funding round led by previous investor SoftBank Group Corp., which is a '
            'Japanese conglomerate. The firm, based in Singapore and Gurugram, stated that other previous '
            'investors Tiger Global Management and Sequoia Capital contributed to the round. Korea-based '
            'investment firm KTB Ventures came in as a new investor.'
        ),
        [('Grofers India', 200000000.0, 'USD', 'raised', 'undisclosed')],
        id='rh17-0269',
    ),
    # holdout19 rh19-0224 (vccircle.com): both
    pytest.param(
        'Deepika Padukone-backed Blu Smart raises funding from Mumbai Angels, others',
        (
            'Blu Smart Mobility Pvt. Ltd, an electric taxi-hailing and riding platform, has raised Rs 37 crore '
            '(nearly $5 million at current exchange rate) in a pre-Series A funding round, according to a '
            'report. The Gurugram-based company, set up last year by Punit K Goyal, Puneet Singh Jaggi and Anmol '
            'Singh Jaggi, has raised this capital from Mumbai Angels Network, Inflection Point Ventures and '
            'LetsVenture, Entrackr reported, citing people aware of the development.'
        ),
        [('Blu Smart Mobility', 370000000.0, 'INR', 'reported', 'undisclosed')],
        id='rh19-0224',
    ),
    # holdout19 rh19-0121 (livemint.com): a range with one unit is no amount
    pytest.param(
        'Swiggy closes in on $750 million fundraise',
        (
            'Online food delivery startup Swiggy is in advanced stages of closing a $700-750-million round led '
            'by existing investor Naspers, Mint reported citing two people familiar with the matter.'
        ),
        [('Swiggy', None, None, 'reported', 'undisclosed')],
        id='rh19-0121',
    ),
    # holdout19 rh19-0117 (livemint.com)
    pytest.param(
        'Paytm Mall likely to raise Rs 4,000 crore',
        (
            'Paytm Mall has initiated discussions to raise a fresh round of Rs3,000-4,000 crore ($460-610 '
            'million), reports Economic Times citing two people aware of the development.'
        ),
        [('Paytm Mall', None, None, 'reported', 'undisclosed')],
        id='rh19-0117',
    ),
]

NONE = [
    # holdout19 rh19-0118 (livemint.com): an IPO
    pytest.param(
        'Seven Islands Shipping eyes Rs650 crore from IPO',
        (
            'Seven Islands Shipping Ltd plans to raise as much as Rs650 crore through an initial public offering '
            '(IPO), reports Mint citing two people aware of the development.'
        ),
        [],
        id='rh19-0118',
    ),
    # holdout17 rh17-0258 (privateequityinternational.com): a firm's fund
    pytest.param(
        'Lion targets summer close for Fund IV',
        (
            'The consumer brand-focused firm has raised $1bn toward a $2.25bn target. London and Los '
            'Angeles-based consumer specialist Lion Capital is understood to be aiming to complete fundraising '
            'for its fourth fund, targeting $2.25 billion, around the summer.'
        ),
        [],
        id='rh17-0258',
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), INVESTED)
def test_an_investor_puts_money_into_a_company_told_by_its_description(title: str, summary: str, expected: Expected) -> None:
    """"has invested INR2.16 billion ($33 million) in cosmetics developer Hygienic Research Institute": the company after
    the description, not nothing."""
    assert _funding(title, summary) == _named(expected)


@pytest.mark.parametrize(("title", "summary", "expected"), LENT)
def test_a_lenders_loan_to_a_named_borrower_is_the_borrowers_debt_round(title: str, summary: str, expected: Expected) -> None:
    assert _funding(title, summary) == _named(expected)


@pytest.mark.parametrize(("title", "summary", "expected"), STAKES)
def test_a_minority_stake_is_a_round_in_the_company(title: str, summary: str, expected: Expected) -> None:
    """A minority stake, in the headline or the summary, is a round whatever the company is (a majority one is an acquisition)."""
    assert _funding(title, summary) == _named(expected)


@pytest.mark.parametrize(("title", "summary", "expected"), PRESENTED)
def test_a_presented_company_raises_in_its_relative_clause(title: str, summary: str, expected: Expected) -> None:
    assert _funding(title, summary) == _named(expected)


@pytest.mark.parametrize(("title", "summary", "expected"), RECENT)
def test_a_round_announced_earlier_this_week_is_news_not_history(title: str, summary: str, expected: Expected) -> None:
    assert _funding(title, summary) == _named(expected)


def test_a_round_announced_earlier_this_week_in_a_decorated_subject() -> None:
    # holdout17 rh17-0182 (digitaljournal.com); the label's change is `raised` ("reportedly" tells the valuation): only the
    # company and the amount are asserted here
    found = _funding(
        'A Starbucks rival in China raised $200 million in Series A round',
        'Dubbed “Starbucks’ first serious challenger in China”, Luckin Coffee raised $200 million in their first funding '
        'round, announced earlier this week, reportedly valuing it at $1 billion: unicorn status.',
    )
    assert [(company, amount) for company, amount, *_ in found] == [(normalize_name("Luckin Coffee"), 200000000.0)]


@pytest.mark.parametrize(("title", "summary", "expected"), REPORTED)
def test_a_round_told_according_to_a_report_is_reported(title: str, summary: str, expected: Expected) -> None:
    assert _funding(title, summary) == _named(expected)


@pytest.mark.parametrize(("title", "summary", "expected"), FORMS)
def test_round_names_legal_forms_and_ranges_read_as_labelled(title: str, summary: str, expected: Expected) -> None:
    assert _funding(title, summary) == _named(expected)


@pytest.mark.parametrize(("title", "summary", "expected"), NONE)
def test_an_ipo_or_a_firms_own_fund_is_no_round(title: str, summary: str, expected: Expected) -> None:
    assert _funding(title, summary) == expected


def test_money_from_a_rights_issue_is_no_round_for_the_patterns() -> None:
    # holdout17 rh17-0180 (traveldailymedia.com), labelled a negative. The patterns alone are asserted: with nothing
    # found, the shipped learned detector (retrained by the lead after this round) still reads a round into it.
    found = extract_with(
        'Cash-strapped AirAsia raises $233M to boost recovery',
        'AirAsia Group has signalled it expects a strong rebound in air travel across south-east Asia in the coming '
        'months as the budget carrier raises $233 million from a rights issue.',
        {},
    )
    assert [event for event in found if str(event.type) == "funding"] == []


def test_a_stake_without_minority_in_a_listed_company_stays_no_round() -> None:
    # a guard of the minority-stake shape (it passed before the change too); hand-written corner case: a stake the item
    # does not call a minority one, in a company not told to be young, is still a purchase of listed shares (LABELLING.md)
    found = _funding("UniCredit acquires 9% stake in Commerzbank", "UniCredit has built up a 9% stake in the German lender.")
    assert found == []
