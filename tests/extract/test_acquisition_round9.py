"""Acquisitions, issue 14 round 9: clause shapes chosen from the errors of the seven retired judges (holdout5, 6, 7, 8, 11,
14, 15) that recur across sets and sites.

Every sentence is verbatim from a spent labelled set (the set and item id are in the comment before it), and every
positive case gave no acquisition before this round. The expected names are the label's (compared as the scorer
compares them: case, legal form and "The" aside). Two refusal cases were acquisitions before this round (a new head
"takes over"); the others are guards, quiet before too, holding what the new seller, passive, list and run-on shapes must
keep quiet (hard negatives and background).
"""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import Extraction, extract_news
from signalwatch.resolve import normalize_name


def _deals(title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_news(title, summary) if e.type == EventType.ACQUISITION]


_FOUND = [
    # holdout5 rh5-0121: a deal struck to buy ('has clinched a deal to buy'); the target named between commas after what it is
    pytest.param('Danone To Buy Plant-Based Foods Pioneer Earth Island To Boost North America Growth',
                 ('Danone has clinched a deal to buy US plant-based foods producer, Earth Island, as part of the French'
                  ' food and beverage firm’s plan to generate €5 billion from global plant-based sales by 2025.'
                  ' Financial terms of the takeover were not disclosed.'),
                 [('acquired', 'Earth Island', 'Danone')], id='rh5-0121'),
    # holdout11 rh11-0070: a deal struck to buy ('has reached a deal to acquire')
    pytest.param('Abode Healthcare – BrightSpring Health Services/KKR',
                 'KKR-owned BrightSpring Health Services has reached a deal to acquire Abode Healthcare.',
                 [('acquired', 'Abode Healthcare', 'BrightSpring Health Services')], id='rh11-0070'),
    # holdout14 rh14-0188: an agreement entered into ('has entered into an agreement to buy')
    pytest.param('Breaking down the $537-million H&R Block acquisition of Toronto fintech Wave',
                 ('What’s new: Tax services giant H&R Block has entered into an agreement to buy Wave Financial, a'
                  ' digital accounting services firm with over 400,000 small business clients, for $537 million (US$405'
                  ' million) in cash.'),
                 [('acquired', 'Wave Financial', 'H&R Block')], id='rh14-0188'),
    # holdout8 rh8-0133: 'has completed a takeover of' (the buyer a person, LABELLING.md)
    pytest.param('Bill Foley completes Bournemouth takeover worth £100 million with Michael B Jordan',
                 ('Las Vegas-based Bill Foley has completed a takeover of Bournemouth, with the consortium also'
                  ' comprising Black Panther and Creed actor Michael B Jordan and Nullah Sarker. The deal is worth £100'
                  ' million, and makes the club the latest to have American owners.'),
                 [('acquired', 'Bournemouth', 'Bill Foley')], id='rh8-0133'),
    # holdout5 rh5-0246: 'is scheduled to complete its acquisition of': the plan is no part of the buyer's name
    pytest.param('Hospital merger nearing close',
                 ('The University of Pennsylvania Health System is scheduled to complete its acquisition of Lancaster'
                  ' General Health on Saturday, following reviews by the Pennsylvania Office of Attorney General and'
                  ' the Federal Trade Commission. As part of the deal, announced in April, Penn will appoint two people'
                  ' to the 14-member Lancaster General board, and three Lancaster General board members will join the'
                  ' 40-member Penn Medicine board of trustees.'),
                 [('acquired', 'Lancaster General Health', 'University of Pennsylvania Health System')], id='rh5-0246'),
    # holdout6 rh6-0044: the target sells itself: '<target> sells to <buyer>'
    pytest.param('Dogfish Head sells to Boston Beer Company',
                 ('Like many fans of craft beer, Dogfish Head was the gateway drug that got me hooked on small,'
                  ' independent brewing. 60 Minute IPA was one of my first infatuations as a lover of craft beer. I had'
                  ' a downright love affair with 90 Minute.'),
                 [('acquired', 'Dogfish Head', 'Boston Beer Company')], id='rh6-0044'),
    # holdout7 rh7-0172: a seller, what it sells, the buyer: '<seller> has agreed to sell <target> to <buyer>'
    pytest.param(('Finnish retailer Kesko has agreed to sell loss-making homeware chain Anttila to German investment'
                  ' fund 4K Invest, enabling the company to raise its profit forecast for the year.'),
                 '',
                 [('acquired', 'Anttila', '4K Invest')], id='rh7-0172'),
    # holdout7 rh7-0163: a sale in talks is reported: '<seller> is in talks to sell <target> … to <buyer>'
    pytest.param(("Private equity firm Lion Capital is in talks to sell Weetabix, one of Britain's biggest breakfast"
                  ' cereal producers, to Chinese government-backed food and dairy group Bright Food for about 1 billion'
                  ' pounds ($1.61 billion), banking sources said on Monday.'),
                 '',
                 [('reported', 'Weetabix', 'Bright Food')], id='rh7-0163'),
    # holdout6 rh6-0143: the target's own telling: '<target> … announced an agreement to be acquired by <buyer>'
    pytest.param('Top of the Morning',
                 ('Axios this morning announced an agreement to be acquired by Cox Enterprises for $525 million, six'
                  ' years and one month after the “next great media company” was founded. Why it matters: This is one'
                  " of the largest sales ever of a VC-backed media company, and means I don't have to feel quite so bad"
                  " about that overpriced lobster dinner I bought on Saturday night in Martha's Vineyard."),
                 [('acquired', 'Axios', 'Cox Enterprises')], id='rh6-0143'),
    # holdout6 rh6-0203: '<target> said it agreed to be bought by <buyer>' (the extractor keeps 'Plc', which the label leaves off)
    pytest.param(('London-listed Ophir Energy Plc said it agreed to be bought by Indonesian oil and gas group Medco for'
                  ' a sweetened cash bid of 408.4 million pounds ($539 million) after previously agreeing to a lower'
                  ' offer.'),
                 '',
                 [('acquired', 'Ophir Energy', 'Medco')], id='rh6-0203'),
    # holdout8 rh8-0134: a passive with the price before the buyer: 'was acquired for $165m by K12'
    pytest.param('Galvanize Acquisition, Regulatory Action, SQL, SEO, and Learning to Program in 10 Years',
                 ('Big news week for bootcamps. Galvanize was acquired for $165m by K12, an online public school'
                  ' provider. This follows just a year and a half after Galvanize acquired Hack Reactor.'),
                 [('acquired', 'Galvanize', 'K12')], id='rh8-0134'),
    # holdout7 rh7-0168: 'would be taken private by <buyers>'
    pytest.param(('Gym operator Life Time Fitness Inc said it would be taken private by Leonard Green & Partners and'
                  ' TPG in a deal valued at over $4 billion.'),
                 '',
                 [('acquired', 'Life Time Fitness', 'Leonard Green & Partners')], id='rh7-0168'),
    # holdout6 rh6-0104: a modal deal is reported: '<buyer> may acquire <target>'
    pytest.param('Intel may acquire smaller chip Altera for $15 billion: reports',
                 ('Intel is in talks to acquiring smaller rival Altera for about $15 billion, the New York Post'
                  ' reported, citing a source close to the deal. It said Intel could pay as much as $54 a share - a 15'
                  " per cent premium over Altera's closing price yesterday of $46.97."),
                 [('reported', 'Altera', 'Intel')], id='rh6-0104'),
    # holdout8 rh8-0032: a raised offer is reported: '<buyer> has raised its offer for <target>'
    pytest.param(('Acromas has raised its offer for Nestor Healthcare by 11 percent to about £112.9 million ($179.3'
                  ' million).'),
                 ('Acromas, partly owned by private equity firm Permira, is still undervaluing the British health care'
                  ' company, according to Nestor.'),
                 [('reported', 'Nestor Healthcare', 'Acromas')], id='rh8-0032'),
    # holdout6 rh6-0229: the buyer after a place's possessive and what it is: 'Britain's biggest supermarket Tesco'
    pytest.param(("Britain's biggest supermarket Tesco has agreed to buy leading wholesaler Booker for 3.7 billion"
                  ' pounds ($4.64 billion), reasserting its dominance with a bold move into the faster-growing'
                  ' restaurant and pubs market.'),
                 '',
                 [('acquired', 'Booker', 'Tesco')], id='rh6-0229'),
    # holdout6 rh6-0233: a capitalised 'Properties' is part of the target's name, not a property bought
    pytest.param(('British shopping centres owner Hammerson Plc has agreed to buy smaller rival Intu Properties for'
                  ' about 3.4 billion pounds ($4.56 billion) in a long-speculated deal to create a malls giant'
                  ' controlling 21 billion pounds of assets.'),
                 '',
                 [('acquired', 'Intu Properties', 'Hammerson')], id='rh6-0233'),
    # holdout6 rh6-0235: the buyer before an apposition: '<buyer> Inc, owner of the … chains, said it would acquire'
    pytest.param(('Restaurant Brands International Inc, owner of the Burger King and Tim Hortons fast-food chains, said'
                  ' it would acquire Popeyes Louisiana Kitchen for $1.8 billion in cash.'),
                 '',
                 [('acquired', 'Popeyes Louisiana Kitchen', 'Restaurant Brands International')], id='rh6-0235'),
    # holdout8 rh8-0007: the date between buyer and verb: 'Supervalu on Jan. 23 struck a deal to buy'
    pytest.param('A Supermarket War in Store',
                 ('“Mounting a challenge to Wal-Mart Stores might look like a suicidal strategy for a company. But'
                  ' guess what? Grocery retailer Supervalu on Jan. 23 struck a deal to buy supermarket chain'
                  ' Albertsons, a combination that will give it a total of 2,656 stores, making it the second-largest'
                  ' supermarket company in the U.S. — and providing the heft it needs to combat giant Wal-Mart’s 3,700'
                  ' stores.”'),
                 [('acquired', 'Albertsons', 'Supervalu')], id='rh8-0007'),
    # holdout14 rh14-0253: a name ending in 'Company' is a name, not 'the company'
    pytest.param('Cooke Trucking Company acquires BCJ Trucking',
                 ('Mount Airy, N.C. — Two North Carolina trucking companies have joined forces. At their corporate'
                  ' offices in Mount Airy on March 13, officials with Cooke Trucking Company announced their purchase'
                  ' of BCJ Trucking Company, which is also located in Mount Airy.'),
                 [('acquired', 'BCJ Trucking', 'Cooke Trucking Company')], id='rh14-0253'),
    # holdout11 rh11-0061: a list of targets: 'has acquired A, B and, most recently, C'
    pytest.param('WSP acquires three firms',
                 ('The companies are based in the U.S. Consulting engineering firm WSP has acquired kW Mission Critical'
                  ' Engineering, tk1sc and, most recently, Earth Consulting Group (EarthCon).'),
                 [('acquired', 'kW Mission Critical Engineering', 'WSP'), ('acquired', 'tk1sc', 'WSP'), ('acquired', 'Earth Consulting Group', 'WSP')],
                 id='rh11-0061'),
    # holdout11 rh11-0193: a list of targets with legal forms: '<buyer>, Inc. Acquires A, Inc. and B, Inc.'
    pytest.param('Construction Partners, Inc. Acquires PRI of East Tennessee, Inc. and Pavement Restorations, Inc.',
                 ('Construction Partners, Inc. (NASDAQ: ROAD) has announced the acquisition of PRI of East Tennessee,'
                  ' Inc. and Pavement Restorations, Inc., collectively known as PRI. The acquisition brings nearly 300'
                  " employees to CPI and expands the company's infrastructure business in Tennessee."),
                 [('acquired', 'PRI of East Tennessee', 'Construction Partners'), ('acquired', 'Pavement Restorations', 'Construction Partners')],
                 id='rh11-0193'),
    # holdout5 rh5-0223: a pair completing their merger: '<a> and <b> completed their planned merger' (target: the second)
    pytest.param('Merger is completed',
                 ('Random House and Penguin completed their planned merger Monday, creating the biggest and most'
                  ' powerful book publisher in the world. The new company, called Penguin Random House, will control'
                  ' more than 25 percent of the U.S. trade book market, giving it unmatched leverage against'
                  ' Amazon.com, a growing force in the industry.'),
                 [('acquired', 'Penguin', 'Random House')], id='rh5-0223'),
    # holdout11 rh11-0242: a pair to combine: '<a>, <b> ink definitive agreement to combine' (the summary names the target in full)
    pytest.param('CHI Franciscan, Virginia Mason ink definitive agreement to combine',
                 ('Two hospital systems in Washington state, CHI Franciscan and Virginia Mason Health System, have'
                  ' signed a definitive agreement to combine through a joint operating company that would be a'
                  ' subsidiary of Chicago-based CommonSpirit Health. The two organizations inked the agreement Dec. 21'
                  ' and made it public Dec. 23.'),
                 [('acquired', 'Virginia Mason Health System', 'CHI Franciscan')], id='rh11-0242'),
    # holdout11 rh11-0173: a pair in merger talks (reported); 'St. Joseph' ends no sentence
    pytest.param('Hospital operators in merger talks to form U.S. industry leader: WSJ',
                 ('NEW YORK (Reuters) - Ascension Health and Providence St. Joseph Health are in talks about a merger'
                  ' between the two Catholic non-profits that would create the largest U.S. hospital chain, the Wall'
                  ' Street Journal reported on Sunday, citing people familiar with the discussions.'),
                 [('reported', 'Providence St. Joseph Health', 'Ascension Health')], id='rh11-0173'),
    # holdout7 rh7-0090: a standfirst run into the lead without a stop: '… for weeks Online retail group THG has sealed a … deal to buy'
    pytest.param('THG purchase saves London business free sheet City AM',
                 ('The newspaper had been looking for a buyer for weeks Online retail group THG has sealed a surprise'
                  ' deal to buy London-based business free sheet City AM, the newspaper has confirmed. The deal saves'
                  ' the business daily, which is distributed to commuters to and from the City of London from Monday to'
                  ' Thursday.'),
                 [('acquired', 'City AM', 'THG')], id='rh7-0090'),
    # holdout11 rh11-0205: a standfirst run into the lead without a stop: '… by end of 2026 UPS has completed the acquisition of'
    pytest.param('UPS expands healthcare reach with completion of Andlauer Healthcare deal',
                 ('Deal fits with plan to double revenue in healthcare logistics by end of 2026 UPS has completed the'
                  ' acquisition of Andlauer Healthcare Group, a provider of logistics and refrigerated transportation'
                  ' services for the healthcare sector in Canada, for $1.6 billion in cash, the company announced'
                  ' Monday.'),
                 [('acquired', 'Andlauer Healthcare Group', 'UPS')], id='rh11-0205'),
    # holdout12 rh12-0164: '<buyer> is spending <price> to buy <target>'
    pytest.param(('AMD is spending $1.9 billion to buy Pensando, a cloud computing company, to strengthen its data'
                  ' center footprint'),
                 ('On April 6, Capital State learned that AMD(AMD.US) said it will acquire cloud computing startup'
                  ' Pensando for $1.9 billion to enhance its data center offerings and meet growing demand in the cloud'
                  ' and enterprise sectors.The acquisition is expected to close in the second quarter of 2022.'),
                 [('acquired', 'Pensando', 'AMD')], id='rh12-0164'),
    # holdout13 rh13-0041: an offer with its price is reported: 'BHP offers $5.8bn for Australian miner' (the summary names OZ Minerals)
    pytest.param('BHP offers $5.8bn for Australian miner',
                 ('Chief executive Mike Henry said offer came in the “face of a deteriorating external environment” BHP'
                  ' (BHP) has fired the opening salvo of a multi-billion-dollar buyout of OZ Minerals (AU:OZL), an'
                  ' Australian copper miner with strong expansion prospects, including in key energy transition metal'
                  ' nickel.'),
                 [('reported', 'OZ Minerals', 'BHP')], id='rh13-0041'),
    # holdout2 rh-0176: a run-on standfirst: '… coding site GitHub Microsoft has announced …': a buyer's name never opens with the target's
    pytest.param('Microsoft makes $7.5bn acquisition',
                 ('Tech giant announces it has reached agreement to grab open source coding site GitHub Microsoft has'
                  ' announced that it has agreed to acquire GitHub for $7.5bn (£5.6m) in Microsoft stock.'),
                 [('acquired', 'GitHub', 'Microsoft')], id='rh-0176'),
    # holdout15 rh15-0070: a described target ('UK card issuer') named in the summary ('has acquired British credit card issuer Pillar')
    pytest.param('African remittance startup LemFi buys UK card issuer',
                 ('A Nigeria-born remittance provider for migrants in the UK, Canada, and Europe has acquired British'
                  ' credit card issuer Pillar, to tap into the remittances boom and immigrants’ need for financial'
                  ' services.'),
                 [('acquired', 'Pillar', 'LemFi')], id='rh15-0070'),
]


@pytest.mark.parametrize(("title", "summary", "expected"), _FOUND)
def test_the_deal_is_found_with_its_change_target_and_buyer(title: str, summary: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(d.change, normalize_name(d.company_name or ""), normalize_name(d.attributes["acquirer"] or "")) for d in _deals(title, summary)]
    assert got == [(change, normalize_name(target), normalize_name(acquirer)) for change, target, acquirer in expected]


_QUIET = [
    # guard, holdout13 rh13-0066: a sale called off is no deal (LABELLING.md)
    pytest.param('Toss’ TADA sale back to square one; its mobility push faces setback',
                 ('Viva Republica has called off a deal to sell TADA to The Swing, its second failed attempt to sell'
                  ' the van-hailing service'), id='rh13-0066'),
    # guard, holdout14 rh14-0019: a sale told as a person's past ('which he sold to Amazon')
    pytest.param('Cazoo chief executive steps down after 97pc collapse in value',
                 ('Cazoo, the beleaguered online used car dealer, said its founder Alex Chesterman will step down as'
                  ' chief executive after a 97pc collapse in share price. Mr Chesterman, who made his name founding'
                  ' house price site Zoopla and LoveFilm, which he sold to Amazon, will retain his job as executive'
                  ' chairman and Paul Whitehead, currently chief operating officer, will replace him in the top job.'), id='rh14-0019'),
    # guard, real rn-0263: a campus in Title Case ('a Cupertino Campus') is no company
    pytest.param('Apple Just Spent $166 Million to Buy a Cupertino Campus It Was Already Leasing',
                 ('Apple, one of the world’s most valuable companies, recently made headlines by purchasing a Cupertino'
                  ' campus for $166 million-an office space it had already been leasing. This notable real estate move'
                  ' reflects much more than just an acquisition; it offers insight into Apple’s long-term strategic'
                  ' plans and the evolving nature of corporate property management in Silicon Valley.'), id='rn-0263'),
    # guard, holdout5 rh5-0082: 'the Glen Hume option deal': the name of what the deal is about, not of what is bought
    pytest.param(('Caledonia Mining Corporation PLC (LON:CMCL, NYSEAMERICAN:CMCL) has now entered into an additional'
                  ' option deal to acquire new prospecting acreage in Zimbabwe.'),
                 ('On top of the Glen Hume option deal announced last week, the company now has an additional option'
                  ' for an area known as Connemara North which is also located within the Gweru mining district in the'
                  ' Zimbabwe Midlands.'), id='rh5-0082'),
    # holdout7 rh7-0231: 'RSA takes over as San Miguel CEO': a new head, not a buyer (an acquisition before this round)
    pytest.param('The new ‘Boss’: RSA takes over as San Miguel CEO; chairman still to be named',
                 ('Nearly a year after the death of bilyonaryo Danding Cojuangco, the San Miguel Corp. board has'
                  ' crowned Ramon S. Ang as its new CEO. Ang has been vice chairman, president and COO under Cojuangco'
                  ' who was chairman and CEO from 1998 up to his passing away in June 2020.'), id='rh7-0231'),
    # holdout14 rh14-0267: 'Thomas takes over at Yorkshire-Tyne Tees': a new head (an acquisition before this round)
    pytest.param('Thomas takes over at Yorkshire-Tyne Tees: Leach steps down at television company',
                 ('WARD THOMAS has taken over as acting chairman and chief executive of Yorkshire-Tyne Tees following'
                  " the departure of Clive Leach, who yesterday stepped down from the troubled television company 'with"
                  " immediate effect'. Mr Leach's resignation had been widely expected following the company's"
                  ' embarrassing admission last week that it would make losses this year.'), id='rh14-0267'),
    # guard, holdout9 rh9-0175: 'as Lidiane Jones takes over as CEO' is no described target bought
    pytest.param('Slack co-founder Stewart Butterfield heads to his garden as Lidiane Jones takes over as CEO',
                 ('All change at the top for Slack. Stewart Butterfield is stepping down as CEO of Salesforce’s Slack'
                  ' subsidiary at the end of January, the same time that Bret Taylor, co-CEO of the parent firm is'
                  ' scheduled to make his own departure.'), id='rh9-0175'),
    # guard, holdout10 rh10-0112: a deal in a relative clause, last year ('Cleatrip, which was acquired by Flipkart … last year')
    pytest.param('Cleartrip 2.0: The second coming of the 16-year-old travel company',
                 ('Cleatrip, which was acquired by Flipkart in a distress sale last year now becoming one of the'
                  ' fastest-growing online travel platforms'), id='rh10-0112'),
]


@pytest.mark.parametrize(("title", "summary"), _QUIET)
def test_no_deal_is_read_where_none_is_told(title: str, summary: str) -> None:
    assert _deals(title, summary) == []


def test_a_question_about_a_possible_deal_is_no_reported_deal() -> None:
    # hand-written corner case (no spent item asks it): the new "<buyer> may|could acquire <target>" shape reports a rumour,
    # an opinion piece's question is none
    assert _deals("Why Apple could buy Netflix") == []
    assert _deals("Could Apple buy Netflix?") == []

