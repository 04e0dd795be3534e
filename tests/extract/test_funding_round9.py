"""Funding rounds in the clause shapes added in round 9 (issue #14), from errors that recur across the retired judges.

Every sentence is real and verbatim (whole sentences left off the end at most), from the spent set named beside it
(mostly holdout5-8, 11, 14, 15, whose errors were read for the first time in round 9); each test failed before the change
it covers. The shapes: a subject told with an apposition, a relative clause or a reporting verb ("X, a ...
manufacturer, has announced that it has secured"); a fund named after "led by"/"from" as the round's investor; a round
the news comes after ("will expand into Europe after securing $82 million in funding"); a time opener that is no
company ("On Wednesday, the startup said"); loans and credit facilities ("Signs New $400 Million Credit Facility",
"Borrows $17m"); an investor's money put into a named company ("pumped €15 million ... into Xeltis BV"), lent to a
borrower ("FMO Loans $10m to ... Access Bank"), or a minority stake ("sells minority ownership stake to"); a raise of
untold size ("raising more funds"); and, as precision, money spent on a plant or a place, judgments, contracts, totals,
charity and funds for startups.
"""

from __future__ import annotations

import pytest

from signalwatch.extract.money import find_amounts
from signalwatch.extract.news import extract_news
from signalwatch.resolve import normalize_name


def _funding(title: str, summary: str) -> list[dict]:
    return [event.to_dict() for event in extract_news(title, summary) if str(event.type) == "funding"]


# (title, summary, (company, amount, currency, change, round)), the labels of the item
ROUNDS = [
    # A subject told with an apposition, a relative clause or a reporting verb before the verb that takes the money
    # holdout5 rh5-0045 (tech.eu)
    pytest.param(
        (
            'London-based TopHat, a technology-driven modular housing manufacturer, has announced that it has '
            'secured £70 million in a new round of funding from new and existing investors.'
        ),
        '',
        ('TopHat', 70000000.0, 'GBP', 'raised', 'undisclosed'),
        id='rh5-0045',
    ),
    # holdout5 rh5-0056 (tech.eu)
    pytest.param(
        (
            'The Bucharest-founded FlowX.ai that helps businesses to digitize their internal processes, has '
            'raised $35 million in the largest Series A in the history of the Romanian startup ecosystem.'
        ),
        '',
        ('FlowX.ai', 35000000.0, 'USD', 'raised', 'series_a'),
        id='rh5-0056',
    ),
    # holdout6 rh6-0148 (bioworld.com)
    pytest.param(
        (
            'BG Medicine (Waltham, Massachusetts), a company focused on the development of molecular '
            'diagnostics based on biomarkers to improve patient outcomes and contain healthcare costs, '
            'reported that it has raised $40 million in a Series D financing.'
        ),
        (
            'New investors Legg Mason Capital Management, GE Asset Management and SmallCap World Fund joined '
            'current investors Flagship Ventures, Gilde Healthcare Partners, Humana and Stelios Papadopoulos '
            'in the round.'
        ),
        ('BG Medicine', 40000000.0, 'USD', 'raised', 'series_d_plus'),
        id='rh6-0148',
    ),
    # holdout15 rh15-0185 (pymnts.com)
    pytest.param(
        'Africa Gains Global FinTech Investor Favor',
        (
            'The potential to bring electronic payments to the continent of Africa, home to 1.2 billion '
            'unbanked and underbanked individuals, has been enough to lure FinTech investment from investors '
            'across the globe, to the tune of hundreds of millions of dollars this year alone. To that end, '
            'OPay, the mobile money service, said earlier this month that it raised $120 million in a Series '
            'B funding round that in turn was backed by Chinese investors.'
        ),
        ('OPay', 120000000.0, 'USD', 'raised', 'series_b'),
        id='rh15-0185',
    ),
    # holdout15 rh15-0038 (member.fintech.global)
    pytest.param(
        'Nordic neobank Lunar extends Series B round to add €20m to its war chest',
        (
            'Challenger banks in the Nordics are on the rise with Danish Lunar being the latest neobank to '
            'fill its coffers. It has been a big week for Nordic neobanks. First Icelandic FinTech indó '
            'announced the closure of its €1m seed round and now Danish competitor Lunar has revealed that it '
            'has raised an additional €20m by extending its Series B round.'
        ),
        ('Lunar', 20000000.0, 'EUR', 'raised', 'series_b'),
        id='rh15-0038',
    ),
    # holdout6 rh6-0144 (thefix.media)
    pytest.param(
        (
            'Axios HQ, Axios’s sister company that makes software for organisational communications, raised '
            '$20 million to fund its expansion with the use of generative AI tools, The Wall Street Journal '
            'reports.'
        ),
        'The company was spun off from Axios when the latter was sold last year to Cox Enterprises.',
        ('Axios HQ', 20000000.0, 'USD', 'reported', 'undisclosed'),
        id='rh6-0144',
    ),
    # A fund named after "led by" or "from" is the round's investor, not an investment firm's own fund
    # holdout11 rh11-0209 (hortibiz.com)
    pytest.param(
        'Vertical strawberry farm set to expand',
        (
            'Oishii, a produce company behind the world’s largest indoor vertical strawberry farm, has '
            'announced the closing of $50 million in Series A funding led by SPARX Group’s Mirai Creation '
            'Fund II, a fund established by Toyota Motor Corporation, Sumitomo Mitsui Banking Corporation, '
            'and SPARX.'
        ),
        ('Oishii', 50000000.0, 'USD', 'raised', 'series_a'),
        id='rh11-0209',
    ),
    # holdout15 rh15-0161 (tech.eu)
    pytest.param(
        (
            'Promoting fairness and sustainability in the electronics industry, Fairphone rings up €49 '
            'million'
        ),
        (
            'Amsterdam-based sustainable smartphone company Fairphone has raised €49 million in a new funding '
            'round led by new investor Invest-NL and existing shareholder Quadia via its Regenero Impact '
            'Fund. The round also saw participation from existing backers DALHAP, DOEN Participaties, and '
            'PDENH.'
        ),
        ('Fairphone', 49000000.0, 'EUR', 'raised', 'undisclosed'),
        id='rh15-0161',
    ),
    # holdout7 rh7-0226 (retailtouchpoints.com)
    pytest.param(
        'Alibaba Founders Take $20 Million Stake In Rent The Runway',
        (
            'Rent the Runway has received a $20 million investment from Blue Pool Capital, a fund that '
            'invests the wealth of Alibaba founders Jack Ma and Joe Tsai, according to a report in Recode. '
            'This financing round values Rent the Runway at slightly under $800 million, according to '
            'research firm Lagniappe Labs.'
        ),
        ('Rent the Runway', 20000000.0, 'USD', 'reported', 'undisclosed'),
        id='rh7-0226',
    ),
    # The clause's news comes after the round: the main clause's subject raised it
    # holdout7 rh7-0175 (cnbc.com)
    pytest.param(
        'ChargePoint expands EV network into Europe following record fundraise',
        (
            'Electric vehicle (EV) charging network ChargePoint will expand into Europe after securing $82 '
            'million in funding. The funding round announced Thursday is the largest in the Silicon Valley '
            "company's history, and forms part of a larger Europe-focused fundraising round, which is "
            "expected to close above $100 million. It's being led by Daimler but other investors include the "
            'likes of BMW i Ventures, Linse Capital and Braemar Energy Ventures.'
        ),
        ('ChargePoint', 82000000.0, 'USD', 'raised', 'undisclosed'),
        id='rh7-0175',
    ),
    # holdout8 rh8-0071 (siliconrepublic.com)
    pytest.param(
        'Food delivery platform Glovo worth €1bn after €150m raise',
        (
            'Ending a year of big stories in the on-demand food delivery industry, Spain’s Glovo announced '
            'that it is now worth €1bn after a €150m Series E round. The past year has been huge for '
            'on-demand food delivery start-ups in Europe.'
        ),
        ('Glovo', 150000000.0, 'EUR', 'raised', 'series_d_plus'),
        id='rh8-0071',
    ),
    # holdout14 rh14-0118 (techportfolio.net)
    pytest.param(
        'Thirdshelf Moves Out Of Stealth Mode After Raising $800,000, partnering with Lightspeed',
        'Meanwhile, you’ve probably already used ThirdShelf without realizing it.',
        ('Thirdshelf', 800000.0, 'USD', 'raised', 'undisclosed'),
        id='rh14-0118',
    ),
    # A time that opens a sentence is no company: the headline's company is
    # holdout14 rh14-0264 (createsend.com)
    pytest.param(
        'Bridgit: Built on diversity',
        (
            'Roundup regulars will recognize Bridgit as one of the brightest – and least conventional – stars '
            'in Waterloo Region’s current startup constellation. In April, the light shone a bit brighter '
            'with news of a US$1.7 million seed round, led by Chicago-based Hyde Park Venture Partners, that '
            'will help the construction software company grow revenue and its headcount over the next year.'
        ),
        ('Bridgit', 1700000.0, 'USD', 'raised', 'seed'),
        id='rh14-0264',
    ),
    # Loans, credit facilities, securitisations and public money given to a named company
    # holdout15 rh15-0181 (uzalendonews.co.ke)
    pytest.param(
        'Sun King Secures KSh20 Billion Securitisation to Fuel Solar Expansion Across Kenya',
        (
            'Sun King, the Kenyan-headquartered off-grid solar energy leader, has secured a landmark '
            'Kenyan‑Shilling‑denominated Ksh 20.1 billion (approximately US $156 million) securitisation '
            'facility to rapidly scale access to solar home systems and smartphones for underserved '
            'households and businesses across Kenya.'
        ),
        ('Sun King', 20100000000.0, 'KES', 'raised', 'debt'),
        id='rh15-0181',
    ),
    # holdout8 rh8-0191 (fleeteurope.com)
    pytest.param(
        'Cabify is granted €15 million in financing to improve urban mobility',
        (
            'Cabify, providing urban mobility solutions in seven countries and over 40 cities, has been '
            'granted €15 million in financing from the BBVA Spark. The €15 million loan represents the first '
            'large-scale funding from a Spanish credit institution for the Madrid-based mobility company, '
            'which aims to boost the strategic goal of expanding sustainable and accessible urban mobility.'
        ),
        ('Cabify', 15000000.0, 'EUR', 'raised', 'debt'),
        id='rh8-0191',
    ),
    # holdout6 rh6-0212 (bioworld.com)
    pytest.param(
        (
            'PARIS – Urgo Group SAS has just been awarded $27.7 million in financial support from the French '
            'government, to help develop artificial skin for treating deep skin wounds and massive burns.'
        ),
        '',
        ('Urgo Group SAS', 27700000.0, 'USD', 'raised', 'grant'),
        id='rh6-0212',
    ),
    # An investor's money put into a company the clause shows to be one
    # holdout6 rh6-0152 (bioworld.com)
    pytest.param(
        (
            'The European Investment Bank (EIB) pumped €15 million (US$17 million) into Xeltis BV to '
            'accelerate clinical programs for its polymer-based technology platform for cardiovascular '
            'restoration.'
        ),
        (
            'The Eindhoven, Netherlands-based company is developing three types of cardiovascular implants. '
            'These are a pulmonary heart valve, coronary artery bypass graft and hemodialysis access grafts.'
        ),
        ('Xeltis', 15000000.0, 'EUR', 'raised', 'undisclosed'),
        id='rh6-0152',
    ),
    # holdout6 rh6-0035 (equityright.com)
    pytest.param(
        'Meta Pursues $10B Investment in Scale AI',
        (
            'Meta Platforms Inc. is in talks to invest nearly $10 billion in Scale AI, a key data-labelling '
            'startup for AI development, highlighting its commitment to leading in artificial intelligence.'
        ),
        ('Scale AI', 10000000000.0, 'USD', 'reported', 'undisclosed'),
        id='rh6-0035',
    ),
    # Words between a verb and its amount, and an amount's purpose, that are no other deal
    # holdout14 rh14-0122 (financeessence.com)
    pytest.param(
        'Salt Labs raises $10M to gamify contract work',
        (
            'Salt Labs, a rewards platform for hourly workers, today emerged from stealth with $10 million in '
            'pre-seed funding led by Fin Capital with participation from Anthem Venture Partners and others.'
        ),
        ('Salt Labs', 10000000.0, 'USD', 'raised', 'pre_seed'),
        id='rh14-0122',
    ),
    # holdout6 rh6-0005 (bioworld.com)
    pytest.param(
        (
            'Amylyx Pharmaceuticals Inc.’s oversubscribed, $135 million series C financing led by Viking '
            'Global Investors will help lay the groundwork for commercializing in Canada and Europe, as well '
            'as for a second phase III study in the U.S. with lead candidate AMX-0035 for amyotrophic lateral '
            'sclerosis.'
        ),
        '',
        ('Amylyx Pharmaceuticals', 135000000.0, 'USD', 'raised', 'series_c'),
        id='rh6-0005',
    ),
    # holdout8 rh8-0146 (channelnewsasia.com)
    pytest.param(
        'Vestiaire Collective valued at US$ 1.7 billion in Softbank-led fundraising',
        (
            'PARIS : Second hand luxury site Vestiaire Collective on Wednesday said it had completed another '
            'fundraising round led by Softbank that valued the firm at US$1.7 billion, in a boost for the '
            'used clothing market that is starting to attract fashion groups too. Paris-based Vestiaire '
            'Collective, which competes with resale platforms such as RealReal, already counts Gucci-owner '
            'Kering among its investors.'
        ),
        ('Vestiaire Collective', None, None, 'raised', 'undisclosed'),
        id='rh8-0146',
    ),
    # holdout15 rh15-0232 (techmoonshot.com)
    pytest.param(
        (
            'Lula Raises R340M ($21M) to Attack South Africa’s $20 Billion SME Credit Gap—While the Big Four '
            'Banks Watch From the Sidelines'
        ),
        (
            'Dutch development bank FMO bets on local-currency lending to unlock South Africa’s “missing '
            'middle” as traditional banks continue to view small businesses as too risky, too expensive, and '
            'too small to matter'
        ),
        ('Lula', 340000000.0, 'ZAR', 'raised', 'undisclosed'),
        id='rh15-0232',
    ),
    # A minority stake sold by the company or bought in a backed one, and a loan told by its lender
    # holdout6 rh6-0040 (craftorcrafty.com)
    pytest.param(
        "Avery Brewing sells minority ownership stake to Mahou San Miguel",
        "Boulder, Colorado’s Avery Brewing Company has sold a minority stake to Spain’s Mahou San Miguel.",
        ("Avery Brewing Company", None, None, "raised", "undisclosed"),
        id="rh6-0040",
    ),
    # holdout7 rh7-0033 (startupchai.in)
    pytest.param(
        "“Hum Saath Saath Hai”: Aditya Birla Group's TMRW Picks Up 16% Stake In Virat Kohli-Backed USPL",
        (
            "The Aditya Birla Group's TMRW has acquired a 16% stake in Virat Kohli-backed USPL, with an option for a "
            "future majority stake. This strategic move aims to bolster the presence of WROGN, USPL's popular fashion "
            "brand, across platforms like Myntra and expand its offline and D2C operations."
        ),
        ("USPL", None, None, "raised", "undisclosed"),
        id="rh7-0033",
    ),
    # holdout15 rh15-0100 (microcapital.org)
    pytest.param(
        "MICROCAPITAL BRIEF: FMO Loans $10m to DRC Arm of Nigeria’s Access Bank for SME Lending",
        (
            "The Netherlands Development Finance Company, which is also known by its Dutch acronym FMO, recently issued "
            "a loan of USD 10 million to the unit of Nigeria’s Access Bank Plc that operates in the Democratic Republic "
            "of Congo (DRC) to increase its financing of small and medium-sized enterprises (SMEs)."
        ),
        ("Access Bank", 10e6, "USD", "raised", "debt"),
        id="rh15-0100",
    ),
    # A raise whose size the headline does not tell is a round in progress ("reported"), with no amount
    # holdout8 rh8-0123 (businessinsider.com)
    pytest.param(
        "Spanish startup Glovo to raise funds for new Latam tech center",
        (
            "SAO PAULO (Reuters) - Spanish delivery startup Glovo is planning a new fundraising round in the first quarter "
            "to fuel a Latin American expansion that will include a second technological center in the region, its "
            "Brazilian country manager said on Wednesday."
        ),
        ("Glovo", None, None, "reported", "undisclosed"),
        id="rh8-0123",
    ),
    # holdout13 rh13-0172 (watoday.com.au): the $27 million is frozen money, not the round's
    pytest.param(
        "Tech unicorn Airwallex raising more funds",
        (
            "Australian fintech Airwallex is raising more funds from investors as $27 million remains frozen in Hong Kong "
            "bank accounts after the company was involved in alleged fraud."
        ),
        ("Airwallex", None, None, "reported", "undisclosed"),
        id="rh13-0172",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), ROUNDS)
def test_the_round_is_found_with_its_company_amount_change_and_round(title: str, summary: str, expected: tuple) -> None:
    company, amount, currency, change, round_name = expected
    found = _funding(title, summary)
    assert found, "no funding event"
    mine = next((event for event in found if normalize_name(event["company_name"] or "") == normalize_name(company)), None)
    assert mine is not None, f"no round for {company}: {[event['company_name'] for event in found]}"
    attributes = mine["attributes"]
    assert (attributes["amount"], attributes["currency"], mine["change"], attributes["round"]) == (amount, currency, change, round_name)


# A loan told with the borrower's verb: the event and its kind are right; the company keeps the headline's spelling
# ("Olympic" for the summary's "Olympic Steel", "Amen Bank of Tunisia" for "Amen Bank"), a field error left for later.
LOANS = [
    # holdout11 rh11-0240 (steelmarketupdate.com)
    pytest.param(
        'Olympic Signs New $400 Million Credit Facility',
        (
            'Olympic Steel has signed a new $400 million credit agreement that gives the service center '
            'additional resources for future growth. “The increased borrowing capacity and more favorable '
            'terms provided by this agreement underscore the confidence our lenders have in our business. The '
            'low-cost capital structure enhances our flexibility and positions us well for both internal and '
            'external growth opportunities,” said Olympic CFO Richard Marabito.'
        ),
        (400000000.0, 'USD'),
        id='rh11-0240',
    ),
    # holdout15 rh15-0115 (microcapital.org)
    pytest.param(
        (
            'MICROCAPITAL BRIEF: Amen Bank of Tunisia Borrows $17m from Sanad for On-lending to MSMEs '
            'Adjusting to COVID-19 Pandemic'
        ),
        (
            'Tunisia’s Amen Bank recently accepted a senior loan of EUR 14 million (USD 16.7 million) from '
            'the Luxembourg-domiciled Sanad Fund for MSME.'
        ),
        (14000000.0, 'EUR'),
        id='rh15-0115',
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), LOANS)
def test_a_loan_signed_or_borrowed_is_a_debt_round(title: str, summary: str, expected: tuple) -> None:
    found = _funding(title, summary)
    assert len(found) == 1, found
    assert (found[0]["attributes"]["amount"], found[0]["attributes"]["currency"], found[0]["attributes"]["round"]) == (*expected, "debt")


# Items with no round at all (labelled so), that the extractor took for one before.
NOT_ROUNDS = [
    # Money a company spends on a plant, a site or a country
    # holdout14 rh14-0092 (constructiondive.com)
    pytest.param(
        'Battery component maker Entek to invest $1.5B in Indiana facility',
        'The site will produce enough battery separators to power up to 1.6 million EVs a year by 2027.',
        id='rh14-0092',
    ),
    # holdout8 rh8-0170 (economicdevelopmenthq.com)
    pytest.param(
        'Ford Announces C$700M Investment in Oakville, Canada',
        (
            'Ford Motor Company (NYSE:F) announced a C$700 million investment in the Ford Oakville Assembly '
            'plant. Oakville is a Toronto suburb in Southern Ontario.'
        ),
        id='rh8-0170',
    ),
    # holdout15 rh15-0109 (esmmagazine.com)
    pytest.param(
        'Ghana: Glovo To Invest €3.3 Million By 2022',
        (
            'Spanish delivery startup Glovo is to inject €3.3 million in funding its expansion in Ghana. The '
            'company, which is already present in Accra and Tema, plans to extend its delivery services to '
            'other parts of the country.'
        ),
        id='rh15-0109',
        # Round 13's retrain made a false round of it (the tagger's funding use lowered the detector's threshold to 0.5, where
        # it scored p=0.51); round 14's retrain on 28 sets left that use off (best gain 4 under the bar of 6) and the
        # detector at 0.8, so it is refused again (it was a strict xfail in round 13).
    ),
    # holdout5 rh5-0123 (dairyreporter.com)
    pytest.param(
        'Danone completes €180m Irish infant nutrition expansion',
        (
            'French dairy giant Danone has completed a €180m (US$224m) four-year expansion of its Irish '
            'infant formula production capabilities. French dairy giant Danone has completed a €180m '
            '(US$224m) four-year expansion of its Irish infant formula production capabilities.'
        ),
        id='rh5-0123',
    ),
    # A court judgment, a contract told in Title Case, a round of layoffs
    # holdout14 rh14-0091 (constructiondive.com)
    pytest.param(
        'EEOC obtains $2.6M judgment against construction staffing firm',
        (
            'The agency alleged in a discrimination suit that Maryland-based Green JobWorks refused to hire '
            'women for demolition and laborer jobs.'
        ),
        id='rh14-0091',
    ),
    # holdout11 rh11-0140 (healthcarefacilitiestoday.com)
    pytest.param(
        'Skanska USA Scores $142M University of Virginia Hospital Contract',
        (
            'The University of Virginia has awarded Skanska USA a $142 million hospital expansion and '
            'renovation contract, the company announced Thursday. Skanska USA will complete an '
            '86,000-square-foot renovation, as well as build a 531,000-square-foot, 15-story new facility.'
        ),
        id='rh11-0140',
    ),
    # holdout14 rh14-0185 (amp.cbc.ca)
    pytest.param(
        'Hootsuite announces 2nd round of layoffs in 4 months amid restructuring',
        (
            'Social media company Hootsuite Inc. says it is laying off five per cent of its staff, just a few '
            'months after it laid off 30 per cent as part of a global restructuring.'
        ),
        id='rh14-0185',
    ),
    # Many companies' total, a fund for startups, charity, a round told as the past
    # holdout15 rh15-0028 (techcrunch.com)
    pytest.param(
        (
            'Finnish Startup Hub Starttaamo Says Its Members Have Raised Up To €25M Total Funding In Two '
            'Years'
        ),
        (
            'It isn’t necessarily easy to attract international visitors to the cold reaches of Northern '
            'Finland. But despite any geographical challenges, members of Oulu’s Starttaamo hub have managed '
            'to attract more than €10 million in angel and VC investment over the past two years — from '
            'Finnish and international investors.'
        ),
        id='rh15-0028',
    ),
    # holdout15 rh15-0023 (businessdailyafrica.com)
    pytest.param(
        'Fund eyes local tech start-ups with Sh22bn',
        (
            'A group of 30 technology entrepreneurs with links to Silicon Valley have raised $200 million '
            '(about Sh22 billion) for investing in promising tech start-ups in Kenya and elsewhere in Africa.'
        ),
        id='rh15-0023',
    ),
    # holdout14 rh14-0149 (freightwaves.com)
    pytest.param(
        'Giving back',
        (
            'Tapping into its charitable nature, Redwood Logistics and its employees recently raised over '
            '$100,000 for organizations that support those affected by the COVID-19 pandemic.'
        ),
        id='rh14-0149',
    ),
    # holdout11 rh11-0063 (site-kconstructionzone.com)
    pytest.param(
        'Construction’s Digital Transformation Must Begin at the Jobsite',
        (
            'In August, when construction tech startup Agora announced a $33 million round of funding, all '
            'investor eyes were once again on the construction sector. A $10 trillion industry, investors see '
            'the potential for technology to disrupt one of the longest holdouts in the digital '
            'transformation era.'
        ),
        id='rh11-0063',
    ),
]


@pytest.mark.parametrize(("title", "summary"), NOT_ROUNDS)
def test_no_round_is_found_where_the_item_reports_none(title: str, summary: str) -> None:
    assert _funding(title, summary) == []


def test_a_time_that_opens_a_sentence_adds_no_second_round() -> None:
    # holdout8 rh8-0042 (old.gigaom.com): "On Wednesday, the startup said it had raised $43 million" was a second round of "On Wednesday"
    found = _funding(
        'More money for MOOCs: Coursera nabs $43M from diverse set of investors',
        (
            'Just last year, online education startup Coursera raised $22 million in venture funding, but the '
            'Mountain View-based company is topping up its coffers once again. On Wednesday, the startup said '
            'it had raised $43 million in a Series B round of financing from an impressive and interesting '
            'group of investors, including education-centric investors GSV Capital and Learn Capital, '
            'well-known Russian investor Yuri Milner, the International Finance Corporation (which is the '
            'investment arm of the World Bank) and Laureate Education, a for-profit higher education provider '
            'formerly known as Sylvan Learning.'
        ),
    )
    assert [(event["company_name"], event["attributes"]["amount"]) for event in found] == [("Coursera", 43000000.0)]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Sun King Secures KSh20 Billion Securitisation", 20e9, "KES"),  # holdout15 rh15-0181
        ("M-KOPA Solar secures Sh8.2Bn debt for expansion", 8.2e9, "KES"),  # holdout15 rh15-0042
        ("Lula Raises R340M ($21M)", 340e6, "ZAR"),  # holdout15 rh15-0232
        ("mPharma has raised around $9.7 milion as part of its Series B", 9.7e6, "USD"),  # holdout15 rh15-0206 (the typo is the page's)
    ],
)
def test_east_and_south_african_currencies_and_a_misspelt_million_are_amounts(text: str, amount: float, currency: str) -> None:
    money = find_amounts(text)[0]
    assert (money.amount, money.currency) == (amount, currency)


def test_explain_names_the_new_shapes() -> None:
    # holdout7 rh7-0175 (cnbc.com)
    after = extract_news(
        'ChargePoint expands EV network into Europe following record fundraise',
        (
            'Electric vehicle (EV) charging network ChargePoint will expand into Europe after securing $82 '
            'million in funding. The funding round announced Thursday is the largest in the Silicon Valley '
            "company's history, and forms part of a larger Europe-focused fundraising round, which is "
            "expected to close above $100 million. It's being led by Daimler but other investors include the "
            'likes of BMW i Ventures, Linse Capital and Braemar Energy Ventures.'
        ),
    )
    assert after[0].why.startswith("funding.clause-after-round (summary sentence 1): 'Electric vehicle (EV) charging network ChargePoint")
    # holdout6 rh6-0152 (bioworld.com)
    put = extract_news(
        (
            'The European Investment Bank (EIB) pumped €15 million (US$17 million) into Xeltis BV to '
            'accelerate clinical programs for its polymer-based technology platform for cardiovascular '
            'restoration.'
        ),
        (
            'The Eindhoven, Netherlands-based company is developing three types of cardiovascular implants. '
            'These are a pulmonary heart valve, coronary artery bypass graft and hemodialysis access grafts.'
        ),
    )
    assert put[0].why.startswith("funding.clause-investor-puts-money-in (headline): 'The European Investment Bank (EIB) pumped €15 million")
