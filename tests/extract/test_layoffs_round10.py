"""Layoffs, issue 14 round 10: clause shapes chosen from the errors of the four retired judges read for the first time this
round (holdout16-19) that recur across sets and sites, checked on the older spent sets.

Every sentence is verbatim from a spent labelled set (the set and item id are in the comment before it). Each positive case
failed before this round (no cut, a wrong company, count or share, or a second cut of the same company); where the
extractor still differs from the label in a field the case is not about, the case states what the extractor gives and the
comment says so. The refusal cases were cuts before this round.
"""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import Extraction, extract_news
from signalwatch.resolve import normalize_name


def _cuts(title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_news(title, summary) if e.type == EventType.LAYOFFS]


_FOUND = [
    # holdout18 rh18-0008: '20 pct of workforce' is a share, not a count of 20 (the summary's 260 is the count)
    pytest.param('US fintech company to lay off 20 pct of workforce',
                 ('SAN FRANCISCO, Dec. 7 (Xinhua) -- The U.S. San Francisco-based fintech company Plaid announced on'
                  ' Wednesday that it is laying off 260 employees, or about 20 percent of its workforce.'),
                 [('Plaid', 260, 20.0)], id='rh18-0008'),
    # holdout13 rh13-0022: '9pc of workforce': a share written 'pc'
    pytest.param('Telstra to axe 2800 workers, or 9pc of workforce',
                 ('Australia’s biggest telco says job cuts are critical to make the ‘necessary investments’ linked to'
                  ' the explosion in data and internet use across the country and meet its $400m cost saving goals'),
                 [('Telstra', 2800, 9.0)], id='rh13-0022'),
    # holdout16 rh16-0035: 'Of Culture Amp's 446 staff members, 36 have been let go': the figure alone is the count, the staff before it the total
    pytest.param('Aussie unicorn Culture Amp cuts 8% of jobs as it feels the pinch of COVID-19',
                 ('Aussie ‘larrikin unicorn’ Culture Amp has laid off 8% of its workforce, co-founder Didier Elzinga'
                  ' has confirmed. The cuts are intended to secure the future of the startup, Elzinga tells'
                  ' SmartCompany, as it feels the effects of the COVID-19 economic slump. Of Culture Amp’s 446 staff'
                  ' members, 36 have been let go.'),
                 [('Culture Amp', 36, 8.0)], id='rh16-0035'),
    # holdout18 rh18-0097: 'a third of its 217-strong workforce': a fraction of a hyphenated workforce
    pytest.param('Juni joins fintech bloodbath; lays off a third of staff',
                 ('Juni, the Swedish neobank for e-commerce entrpreneurs, is to lay off a third of its 217-strong'
                  ' workforce just months after raising $206 million in Series B and venture debt funding.'),
                 [('Juni', None, 33.3)], id='rh18-0097'),
    # holdout19 rh19-0220: a standfirst run into the lead, then the name and its apposition ('… restriction Vtex, a Brazilian multinational …,
    # laid off 193 people')
    pytest.param('Vtex cuts 11% of staff to preserve cash',
                 ('Tech company follows investor recommendation in the face of liquidity restriction Vtex, a Brazilian'
                  ' multinational of technology for ecommerce, laid off 193 people and joins the growing group of'
                  ' startups that have been making cuts in recent months. Downsizing is part of tech companies’'
                  ' measures to weather the turmoil — investors demand greater efficiency and cash generation, even if'
                  ' it means slowing growth.'),
                 [('Vtex', 193, 11.0)], id='rh19-0220'),
    # holdout17 rh17-0121: a ticker and an apposition between the name and 'disclosed plans … to cut'
    pytest.param('Oil crash is killing more American jobs',
                 ('Big Oil is handing out more pink slips as it grapples with a world of cheap oil. ConocoPhillips'
                  " (COP), one of America's largest energy companies, disclosed plans on Tuesday to cut about 1,800"
                  ' jobs.'),
                 [('ConocoPhillips', 1800, None)], id='rh17-0121'),
    # holdout17 rh17-0116: a ticker in brackets and an apposition ('Emirates[EMIRA.UL] , one of the world’s biggest long-haul airlines, is
    # planning to cut')
    pytest.param('Emirates airline planning thousands of job cuts, lays off pilots, cabin crew: sources',
                 ('DUBAI (Reuters) - Emirates[EMIRA.UL] , one of the world’s biggest long-haul airlines, is planning'
                  ' to cut thousands of jobs and on Tuesday began laying off pilots and cabin crew as to manage a cash'
                  ' crunch caused by the global coronavirus pandemic, according to five company sources.'),
                 [('Emirates', None, None)], id='rh17-0116'),
    # holdout18 rh18-0048: an apposition naming the legal name ('Clearco, officially known as CFT Clear Finance Technology Corp., is set to lay
    # off')
    pytest.param('Michele Romanow stepping down as Clearco CEO as financier prepares to lay off 25% of staff',
                 ('Michele Romanow is stepping down as CEO of Clearco, as the e-commerce financier prepares to slash'
                  ' its work force for the third time in six months. Clearco, officially known as CFT Clear Finance'
                  ' Technology Corp., is set to lay off 50 employees, roughly 25 per cent of its work force, on'
                  ' Monday, bringing its ranks to 140 people, a source familiar with the situation told The Globe and'
                  ' Mail.'),
                 [('Clearco', 50, 25.0)], id='rh18-0048'),
    # holdout17 rh17-0229: a dash apposition listing beers ('Heineken—the company behind popular beers like Heineken, Tiger, and Amstel—'): one
    # cut, not a 'Tiger' cut
    pytest.param('Beer giant Heineken to cut 6,000 jobs as sales slump',
                 ('Heineken—the company behind popular beers like Heineken, Tiger, and Amstel—is set to lay off up to'
                  ' 6,000 employees worldwide over the next two years.'),
                 [('Heineken', 6000, None)], id='rh17-0229'),
    # holdout19 rh19-0029: the name before its relative clause ('company Careem that was acquired by Uber earlier this year is laying off 536')
    pytest.param('Careem lays off 31 percent of its workforce as business takes a big hit due to Covid-19',
                 ('Dubai-headquartered ride-hailing (super-app) company Careem that was acquired by Uber earlier this'
                  ' year is laying off 536 of its employees which make up 31 percent of its workforce. The decision'
                  ' was first announced by company’s co-founder and CEO Mudassir Sheikha in an online meeting with the'
                  ' employees.'),
                 [('Careem', 536, 31.0)], id='rh19-0029'),
    # holdout18 rh18-0013: a second verb of the clause's subject ('Brex, …, is restructuring its … business and cut 62 staff members')
    pytest.param('Brex, the credit card for startups, cuts staff amid restructuring',
                 ('Brex, last valued at $2.6 billion, is restructuring its credit card for startups business and cut'
                  ' 62 staff members, the co-founders Pedro Franceschi and Henrique Dubugras said in a blog post.'),
                 [('Brex', 62, None)], id='rh18-0013'),
    # holdout18 rh18-0091: 'the redundancy of 135 roles': the count of the headline's cut
    pytest.param('GoCardless to cut 17% of staff',
                 ('UK payments unicorn GoCardless is to cut 17% of staff in a bid to shave 15% off its cost base and'
                  ' rediscover its scrappy startup energy The move will entail the redundancy of 135 roles, reducing'
                  " the firm's global headcount in the UK, ANZ and US from over 900 to under 800."),
                 [('GoCardless', 135, 17.0)], id='rh18-0091'),
    # holdout18 rh18-0096: '20 workers have been let go by Pachama': the company after 'by' (not the headline's first word 'Carbon')
    pytest.param('Carbon market downturn results in employees cuts at Pachama',
                 ('Round 20 workers have been let go by Pachama, a carbon markets firm that has gained enterprise from'
                  ' Salesforce, Boston Consulting Group and others by offering instruments that may establish and'
                  ' monitor high-quality nature-based credit. Pachama’s cuts are the newest in a voluntary carbon'
                  ' market that has been roiled by wider financial uncertainty and anti-ESG sentiment.'),
                 [('Pachama', 20, None)], id='rh18-0096'),
    # holdout16 rh16-0198: 'In addition to laying off 7% of its workforce, Hootsuite also confirmed …': the sentence's company, not 'In'
    pytest.param('Hootsuite replaces CEO, confirms 7% staff reduction',
                 ('Social media firm Hootsuite became the latest tech firm to announce layoffs, when it confirmed'
                  ' Wednesday its third round of job cuts since August, while also replacing its chief executive. In'
                  ' addition to laying off 7% of its workforce, Hootsuite also confirmed Wednesday that Irina'
                  " Novoselsky is taking over immediately as the company's CEO."),
                 [('Hootsuite', None, 7.0)], id='rh16-0198'),
    # holdout16 rh16-0149: an earlier cut by another company ('Just days after Atlassian cut 500 workers, Xero has announced …') is background;
    # Xero is the clause after 'as' (the label's count is null and its 15% is told as 'job losses equate to', a shape not read: the extractor
    # gives the headline's 800)
    pytest.param('The tech bloodbath continues as Xero cuts up to 800 jobs',
                 ('Just days after Atlassian cut 500 workers, Xero has announced the removal of up to 800 staff. The'
                  ' accounting software business made the announcement public on its blog on Thursday morning. It also'
                  ' indicated that the job losses equate to roughly 15% of its headcount.'),
                 [('Xero', 800, None)], id='rh16-0149'),
    # holdout17 rh17-0267: one cut: 'Clydesdale Bank Plc' is the headline's 'Clydesdale Bank' (two cuts before this round)
    pytest.param('Clydesdale Bank to close a third of its branches, cut 400 jobs - union',
                 ('LONDON, Jan 18 (Reuters) - Clydesdale Bank Plc is planning to close about a third of its bank'
                  ' branches and fire more than 400 employees to reduce costs, the Unite union said on Wednesday. The'
                  ' Glasgow-based lender is planning to shut 79 branches, the largest closure program in its history,'
                  ' the union said.'),
                 [('Clydesdale Bank', 400, None)], id='rh17-0267'),
    # holdout8 rh8-0103: one cut: 'Nortel Networks Corp.' and 'Nortel Networks' (two cuts before this round)
    pytest.param('Nortel to cut 2,900 jobs',
                 ('Nortel Networks Corp. (TSX: NT) is shrinking again, announcing that 2,900 jobs will disappear this'
                  ' year and next at the telecommunications equipment maker. Nortel Networks Corp. (TSX: NT) is'
                  ' slashing 2,900 jobs worldwide and moving an additional 1,000 jobs from high-cost to low cost'
                  ' locations in order to meet its goal of reducing costs by $1.5 billion.'),
                 [('Nortel Networks', 2900, None)], id='rh8-0103'),
    # holdout19 rh19-0085: a British 'labour force' is the workforce ('shed off ten per cent of its 4,000-plus labour force')
    pytest.param('Kenya Airways to send home 600 employees in restructuring',
                 ('Close to 600 workers will lose their jobs as Kenya Airways embarks on a recovery plan, it was'
                  ' revealed yesterday. The move will see the national carrier shed off ten per cent of its 4,000-plus'
                  ' labour force across its various departments.'),
                 [('Kenya Airways', 600, 10.0)], id='rh19-0085'),
    # holdout16 rh16-0085: a source's lead-in before 'the firm' ('According to Gizmodo, the firm laid off about 200 employees'): the item's
    # company, not 'According Gizmodo'
    pytest.param('Voice AI company SoundHound has reportedly laid off half its workforce',
                 ('Three former employees claim the company offered them a "pitiful" severance package. SoundHound,'
                  ' the company that once said it wanted to challenge Amazon and Google’s dominance in the AI voice'
                  ' market, has reportedly cut about half its workforce. According to Gizmodo, the firm laid off about'
                  ' 200 employees last week as part of a company-wide restructuring.'),
                 [('SoundHound', 200, 50.0)], id='rh16-0085'),
]

_QUIET = [
    # holdout17 rh17-0073: 'Media layoffs spike': a sector, not a company (a cut before this round)
    pytest.param('NEWS SLASH FLASH',
                 ('Media layoffs spike Top news outlets across the US have been forced to slash their workforces at'
                  ' the fastest rate in three years, leaving a larger share of Americans in “news deserts.”'), id='rh17-0073'),
    # holdout17 rh17-0120: 'Energy firms slash jobs worldwide': a kind of company, not one (a cut before this round)
    pytest.param('Energy firms slash jobs worldwide amid crude price slump, consolidation',
                 ('Global energy majors and related companies plan to slash more jobs in 2025, after cutting thousands'
                  ' last year, as the industry navigates weaker crude oil prices and a rapid consolidation.'), id='rh17-0120'),
    # holdout19 rh19-0199: 'Last year, Byju's laid off about 600 employees': an earlier round told as background (a cut before this round)
    pytest.param("No plans to shut down WhiteHat Jr, merely optimising it: Byju's",
                 ("Last year, Byju's laid off about 600 employees at its group companies - WhiteHat Jr and Toppr"
                  ' Byju’s on Thursday denied media reports that the edtech giant is shutting down its platform'
                  ' WhiteHat Jr that teaches coding, math and music to kids. Byju’s bought the Mumbai-based WhiteHat'
                  ' Jr in 2020 for $300 million.'), id='rh19-0199'),
]


@pytest.mark.parametrize(("title", "summary", "expected"), _FOUND)
def test_the_cut_is_found_once_with_its_company_count_and_share(
        title: str, summary: str, expected: list[tuple[str, int | None, float | None]]) -> None:
    got = [(normalize_name(c.company_name or ""), c.attributes["count"], c.attributes["percentage"]) for c in _cuts(title, summary)]
    assert got == [(normalize_name(company), count, share) for company, count, share in expected]


@pytest.mark.parametrize(("title", "summary"), _QUIET)
def test_no_cut_is_read_where_none_is_told(title: str, summary: str) -> None:
    assert _cuts(title, summary) == []


def test_a_share_given_as_a_range_is_a_cut_with_no_share() -> None:
    # hand-written corner case (no spent item states it alone): "20-25%" is a range, so no share (LABELLING.md), and the round-10
    # reading of "10-15%" as no figure at all must not drop the cut itself
    assert [(c.company_name, c.attributes["count"], c.attributes["percentage"]) for c in _cuts("Acme to cut 10-15% of its workforce")] == [
        ("Acme", None, None)]
