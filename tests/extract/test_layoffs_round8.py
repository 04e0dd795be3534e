"""Layoffs, issue 14 round 8: figure shapes chosen from the errors of holdout12 and holdout13 that recur in older sets.

Every case is verbatim from a spent labelled set (the comment names the set and item id) and failed before this
round (a missing or wrong count or share, or one cut told as two), except the one marked as a guard. Where the
extractor spells the company longer than the label (a field the case is not about), the case states what it gives.
"""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import extract_news

Cut = tuple[str | None, int | None, float | None]


def _cuts(title: str, summary: str) -> list[Cut]:
    return [(e.company_name, e.attributes["count"], e.attributes["percentage"])
            for e in extract_news(title, summary) if e.type == EventType.LAYOFFS]


_FOUND = [
    # holdout9 rh9-0046: one company told twice ('Okta', 'Okta Inc.'): the summary's share completes it (the label spells it 'Okta')
    pytest.param('Okta to Cut 300 Jobs Citing Overhiring, ‘Execution Challenges’',
                 ('(Bloomberg) -- Okta Inc., a software maker known for identity verification and login services, is '
                  'cutting about 300 employees, the latest technology company to cut costs by shedding employees. The '
                  'shares jumped 6.5% in premarket trading. The cuts — about 5% of the workforce — are due to '
                  'overhiring and “execution challenges,” wrote Chief Executive Officer Todd McKinnon in a letter to '
                  'employees Thursday.'),
                 [('Okta Inc.', 300, 5.0)], id='rh9-0046'),
    # holdout9 rh9-0239: one company told twice: 'the latest round of layoffs amounts to about 70 people' (label: 'Hootsuite')
    pytest.param('Tech company Hootsuite lays off 7% of staff, names Irina Novoselsky new CEO',
                 ('VANCOUVER - Social media technology company Hootsuite Inc. is laying off seven per cent of its '
                  'staff in its third job cut in the last year and replacing its chief executive. The Vancouver '
                  'company says the latest round of layoffs amounts to about 70 people and is meant to position the '
                  'business for the long term. The job cut comes after Hootsuite reduced its workforce by five per '
                  'cent in November and 30 per cent in August.'),
                 [('Hootsuite Inc.', 70, 7.0)], id='rh9-0239'),
    # holdout12 rh12-0009: 'Philips' and 'Royal Philips NV' are one company: one event
    pytest.param('Philips says it will cut 6,000 extra jobs by 2025 as it swings to a loss',
                 ('Royal Philips NV on Monday said it will cut an extra 6,000 jobs by 2025, including around 3,000 '
                  'this year, as part of a plan to improve performance and drive value creation.'),
                 [('Philips', 6000, None)], id='rh12-0009'),
    # holdout13 rh13-0092: '20 per cent of the airline’s total workforce': a share of a possessive owner's staff
    pytest.param(('Qantas is defined to slash SIX THOUSAND jobs after flights were grounded by coronavirus – one fifth '
                  'of the airline’s entire workforce'),
                 ('Qantas is set to announce it’ll slash 6,000 jobs from its ground and cabin crews – 20 per cent of '
                  'the airline’s total workforce. The airline has additionally asked for a halt in trading of its '
                  'shares ahead of the announcement on Friday.'),
                 [('Qantas', 6000, 20.0)], id='rh13-0092'),
    # holdout9 rh9-0144: 'is letting go 9% of its staff'
    pytest.param('The Scoop: Layoffs at DocuSign',
                 ('DocuSign was one of the winners of the pandemic, yet is letting go 9% of its staff. What happened '
                  'at the company, where business is still strong?'),
                 [('DocuSign', None, 9.0)], id='rh9-0144'),
    # holdout12 rh12-0063: '1'000': a Swiss thousands mark (read as 0 before)
    pytest.param('Microsoft cuts more jobs',
                 ("New York Times reports that the software giant cuts another 1'000 jobs in a new round of layoffs – "
                  "unrelated to the reported quarter. The company laid off roughly 1'000 employees, which is less than "
                  'one percent of its global workforce, reports the New York Times citing two undisclosed sources.'),
                 [('Microsoft', 1000, 1.0)], id='rh12-0063'),
    # holdout12 rh12-0020: 'laying off all its employees': the whole staff is 100 per cent
    pytest.param('Health tech company once valued at $2.3bn lays off every single worker',
                 ('Cue Health, a diagnostic health platform, confirmed on Monday it would be laying off all its '
                  'employees and closing its doors.'),
                 [('Cue Health', None, 100.0)], id='rh12-0020'),
    # holdout9 rh9-0213: 'lays off entire company'; a customer named in the apposition ('… to the NBA and Google,') is no cutter
    pytest.param('San Diego COVID-19 test maker Cue Health — once worth $2.3B — lays off entire company and shuts down',
                 ('Cue Health, the once high-flying San Diego biotech supplying rapid COVID-19 test kits to the NBA '
                  'and Google, is laying off all employees and shutting down on Friday.'),
                 [('Cue Health', None, 100.0)], id='rh9-0213'),
    # holdout13 rh13-0030: '10 per cent of around 2,500 employees': the 2,500 is the whole staff, no count
    pytest.param('Indonesian e-commerce unicorn Bukalapak cuts 10% jobs to pare costs',
                 ('Indonesia e-commerce unicorn Bukalapak has confirmed reports that it has laid off 100s of employees '
                  'and said that it is discontinuing a number of functions, as it looks to cut down costs. In a '
                  'statement, the company claims that the layoffs were part of an efficiency drive, which will see it '
                  'cut about 10 per cent of around 2,500 employees.'),
                 [('Bukalapak', None, 10.0)], id='rh13-0030'),
    # holdout13 rh13-0095: 'Naver, Com2uS slash workforce': each company of the list (the label adds Kakao from the summary)
    pytest.param('Naver, Com2uS slash workforce to downsize new businesses',
                 ('Tech talent war eases as companies refrain from expansion-centered growth South Korea’s leading '
                  'online platforms and gaming publishers such as Naver Corp., Com2uS Corp. and Kakao Corp. have '
                  'joined global Big Tech companies in slashing their workforce, showing little hesitance to abandon '
                  'fledgling businesses if they fail to make money.'),
                 [('Naver', None, None), ('Com2uS', None, None)], id='rh13-0095'),
    # holdout13 rh13-0098: 'Rappi and Lime announce impending layoffs': both (the label's 300 / 6% for Rappi are not read)
    pytest.param('Rappi and Lime announce impending layoffs',
                 ('LatAm List – The Colombian delivery startup, Rappi, has announced a 6% reduction of its workforce '
                  'in an attempt to cut costs and improve profitability. With a workforce of 5,000 employees, '
                  'according to the Brazil Journal, these layoffs will affect around 300 employees.'),
                 [('Rappi', None, None), ('Lime', None, None)], id='rh13-0098'),
    # holdout13 rh13-0234: 'Grab Holdings, Southeast Asia's leading ride-hailing … app,' is Grab Holdings, the headline's Title Case 'App Grab' too
    pytest.param('Ride-Hailing & Food Delivery App Grab Slashes 1,000 Jobs',
                 ('According to Grab CEO Anthony Tan, the move is to manage costs and remain competitive in a '
                  "challenging business environment, reports Nikkei Asia. Singapore: Grab Holdings, Southeast Asia's "
                  'leading ride-hailing and food delivery app, is slashing 1,000 jobs, about 11 per cent of its '
                  'workforce.'),
                 [('Grab Holdings', 1000, 11.0)], id='rh13-0234'),
    # holdout9 rh9-0180: 'is trimming its headcount by 17 per cent' (the screen did not know 'trimming')
    pytest.param(('Article is trimming its headcount by 17 per cent as the online furniture company grapples with a '
                  'slowdown in e-commerce demand.'),
                 '',
                 [('Article', None, 17.0)], id='rh9-0180'),
    # holdout10 rh10-0152: 'to layoff 400-500 employees': 'layoff' as a verb; a range is no count (LABELLING.md)
    pytest.param('Ola Electric to layoff 400-500 employees ahead of upcoming IPO',
                 ('The total number of employees that will be laid off is subject to change as the leadership is '
                  'currently determining the scale of layoffs that will affect various departments.'),
                 [('Ola Electric', None, None)], id='rh10-0152'),
    # holdout10 rh10-0149: 'UK paytech GoCardless lays off': what the company is, then its name
    pytest.param('UK paytech GoCardless lays off 15% of its workforce',
                 ('UK-based paytech GoCardless will be laying off 15% of its workforce in the UK, US, Australia and '
                  'New Zealand, or about 135 roles, as part of wider cost reduction plans.'),
                 [('GoCardless', 135, 15.0)], id='rh10-0149'),
    # holdout10 rh10-0145: 'Online used car dealer … Cazoo has confirmed it will cut 750 jobs': the name, not 'Car'
    pytest.param('Car dealer Cazoo announces 750 jobs in £200m cost-cutting plan',
                 ('Online used car dealer has spent big on sponsorship deals but failed to impress investors with '
                  'sales figures Cazoo has confirmed it will cut 750 jobs in the UK and rest of Europe as part of a '
                  'plan to slash costs by £200m. The redundancies will see Cazoo’s workforce cut by 15 per cent as it '
                  'struggles with disappointing sales and plunging consumer confidence that has seen people cut back '
                  'on big purchases.'),
                 [('Cazoo', 750, 15.0)], id='rh10-0145'),
    # holdout4 rh4-0186: guard: '20-25% of Teva's 6,860 Israeli employees' is a range, no percentage (LABELLING.md)
    pytest.param('Teva to axe over 4,000 employees',
                 ("As part of Teva's reconstructing program, the company will send termination letters to tens of "
                  "percents of the company's 10,000 employees in the U.S. in upcoming weeks and cut 20-25% of Teva's "
                  '6,860 Israeli employees.'),
                 [('Teva', 4000, None)], id='rh4-0186'),
]


@pytest.mark.parametrize(("title", "summary", "expected"), _FOUND)
def test_the_cut_is_found_with_its_count_and_share(title: str, summary: str, expected: list[Cut]) -> None:
    assert _cuts(title, summary) == expected


def test_explain_names_the_share_and_its_words() -> None:
    # holdout13 rh13-0092: the summary's share completes the headline's cut, and the explanation quotes it
    title, summary = next((p.values[0], p.values[1]) for p in _FOUND if p.id == "rh13-0092")
    [event] = [e for e in extract_news(title, summary) if e.type == EventType.LAYOFFS]
    assert "completed by layoffs.stated-share (summary sentence 1)" in event.why
    assert "20 per cent of the airline's total workforce" in event.why
