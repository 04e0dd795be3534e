"""Shapes of real news the extractor learned from the train part and the `train2` tuning set (issue 14).

Each case is either a real item of `tests/fixtures/news/train2/train2.jsonl` (tuned on openly, see its
README) or an invented headline in the same shape ("Zorbly", "Jane Doe"). None comes from the old
test part or from `holdout2`, which stay unread.
"""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import Extraction, extract_news
from signalwatch.extract.text import unshout


def _leadership(title: str, summary: str = "") -> set[tuple[str, str | None, str | None, str | None]]:
    return {(e.change, e.company_name, e.attributes["person"], e.attributes["title"])
            for e in extract_news(title, summary) if e.type == EventType.LEADERSHIP}


def _funding(title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_news(title, summary) if e.type == EventType.FUNDING]


# --- leadership ------------------------------------------------------------------------------------


def test_the_board_as_subject_names_the_successor() -> None:
    summary = ("Steve Jobs has stepped down as CEO of Apple after nearly 14 years at the helm of the company he co-founded with Steve "
               "Wozniak and Ronald Wayne in 1976, Apple's board of directors said in a statement after the close of trading on Wednesday. "
               "Jobs has been elected chairman of Apple's board. The board has named Tim Cook, previously the company's chief operating "
               "officer, as Jobs' replacement as Apple's CEO and a member of the board, effective immediately, the statement said.")
    found = _leadership("Steve Jobs steps down as Apple CEO", summary)
    assert ("appointed", "Apple", "Tim Cook", "CEO") in found
    assert ("departed", "Apple", "Steve Jobs", "CEO") in found


def test_a_successor_without_a_title_takes_the_departing_persons() -> None:
    summary = ("Ford Motor CEO Jim Hackett will retire Oct. 1, the automaker announced Tuesday. "
               "Ford Chief Operating Officer Jim Farley will succeed Hackett, CNBC reported.")
    assert _leadership("Ford CEO to retire Oct. 1, hand reins to COO", summary) == {
        ("departed", "Ford", "Jim Hackett", "CEO"), ("appointed", "Ford", "Jim Farley", "CEO"),
    }


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        ("Ford CEO Jim Hackett to retire; Chief Operating Officer Jim Farley will take helm", "",
         ("appointed", "Ford", "Jim Farley", "CEO")),
        ("Ford CEO Jim Hackett retires after three years in top job",
         "Jim Farley, Ford's chief operating officer, will step into the CEO role in the coming months.",
         ("appointed", "Ford", "Jim Farley", "CEO")),
        ("Starbucks CEO Kevin Johnson to retire, Howard Schultz to return",
         "Johnson was named chief executive officer in 2017 Starbucks CEO Kevin Johnson is retiring and Howard Schultz is returning to "
         "lead the coffee giant temporarily.", ("appointed", "Starbucks", "Howard Schultz", "interim CEO")),
        ("Starbucks CEO Kevin Johnson to retire in April",
         "Starbucks president and CEO Kevin Johnson is retiring in April after 13 years with the company. Howard Schultz will act as "
         "interim chief executive officer until a permanent successor is named by this fall.",
         ("appointed", "Starbucks", "Howard Schultz", "interim chief executive officer")),
        ("Doe out as Zorbly CEO", "", ("departed", "Zorbly", "Doe", "CEO")),
        ("Nadella named new Microsoft CEO", "", ("appointed", "Microsoft", "Nadella", "CEO")),
        ("Jane Doe is Zorbly's new CEO", "", ("appointed", "Zorbly", "Jane Doe", "CEO")),
        ("Jane Doe steps down", "Jane Doe, the CEO of Zorbly, is stepping down.", ("departed", "Zorbly", "Jane Doe", "CEO")),
        ("Mark Jackson, chief executive, Wilko",
         "Just this week Wilko appointed ex-Bensons for Beds boss Mark Jackson as its new chief executive as talks continue. "
         "Jermone Saint-Marc, the transformation director, stood down with immediate effect.",
         ("departed", "Wilko", "Jermone Saint-Marc", "director")),
        ("Teva Pharmaceutical snags former Moderna Chief Medical Officer Tal Zaks for its board", "",
         ("appointed", "Teva Pharmaceutical", "Tal Zaks", "board member")),
        ("Zorbly shakes up management", "Zorbly has appointed Jane Doe as chief operating officer and John Roe as chief financial officer.",
         ("appointed", "Zorbly", "John Roe", "chief financial officer")),
    ],
)
def test_appointment_and_departure_shapes(title: str, summary: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in _leadership(title, summary)


def test_an_all_capitals_headline_reads_like_any_other() -> None:
    summary = ("The search for OneEleven's next leader has begun. Angelo Casanas, OneEleven's programming director, will assume "
               "Lombardi's leadership duties on an interim basis.")
    found = _leadership("ONEELEVEN HEAD MATTHEW LOMBARDI STEPPING DOWN", summary)
    assert {(change, person) for change, _, person, _ in found} == {("departed", "Matthew Lombardi"), ("appointed", "Angelo Casanas")}
    assert unshout("ACME'S CEO JANE DOE RESIGNS") == "Acme's CEO Jane Doe Resigns"
    assert unshout("Acme CEO resigns") == "Acme CEO resigns"


def test_the_person_a_successor_clause_names_is_not_the_one_departing() -> None:
    summary = ("Gap has announced its chief executive officer Art Peck is to step down from the business effective immediately. Peck, who "
               "joined the clothing company in 2004 and has served as Gap's CEO since 2015, will be succeeded by board member Robert Fisher, "
               "who will serve as interim CEO after a brief transition period.")
    assert _leadership("Art Peck steps down as Gap CEO", summary) == {
        ("departed", "Gap", "Art Peck", "CEO"), ("appointed", "Gap", "Robert Fisher", "interim CEO"),
    }


def test_a_summary_reports_a_change_under_a_headline_that_does_not() -> None:
    summary = ("Tony Blair clearly set a precedent when he declared he would leave - but not just yet. High profile retailers have been "
               "following his example over the past week. First, Alan Giles, the veteran chief executive of books-to-CDs group HMV, said "
               "he would step down at the end of this year.")
    assert _leadership("Making sense of the past seven days", summary) == {("departed", "HMV", "Alan Giles", "chief executive")}


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("FDA chief Scott Gottlieb steps down", "Scott Gottlieb, M.D., will resign as commissioner next month."),  # a public office
        ("Zorbly announced CEO Jane Doe will speak at the conference", "Zorbly announced CEO Jane Doe will deliver the keynote."),
        ("Chris Roberts joins Zorbly; Troubled Acme appoints interim CEO", "Roberts joins CEO David Epstein in driving the pipeline."),
    ],
)
def test_no_leadership_change_is_invented(title: str, summary: str) -> None:
    found = _leadership(title, summary)
    assert all(person not in {"Scott Gottlieb", "Jane Doe", "David Epstein"} for _, _, person, _ in found), found


def test_a_former_title_is_not_the_new_one_and_an_old_exit_is_history() -> None:
    summary = ("Business Insider is reporting that Google has hired Javier Soltero, a former head of strategy for Microsoft Office. "
               "Soltero had left Microsoft in late 2018 amid internal reorganization. In his new role with Google, Soltero will take "
               "over as Vice President of G Suite.")
    assert _leadership("Google Hires Former VP of Microsoft's Office Product Group", summary) == {
        ("appointed", "Google", "Javier Soltero", "Vice President of G Suite"),
    }


def test_a_layoff_the_company_plans_in_a_leadership_item() -> None:
    summary = ("Peloton's co-founder and CEO John Foley is stepping down from his role. Barry McCarthy, the former chief financial "
               "officer of Spotify Technology and Netflix, will take over the reigns starting Wednesday, while Foley will serve as the "
               "executive chair. As part of the restructuring, the company also plans to lay off 2,800 employees.")
    found = extract_news("Peloton Appoints Tech Veteran Barry McCarthy As Its New CEO", summary)
    assert [(e.company_name, e.attributes["count"]) for e in found if e.type == EventType.LAYOFFS] == [("Peloton", 2800)]


# --- funding ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "summary", "company", "change", "amount", "currency", "round_name"),
    [
        ("CMR Surgical Raises $600m in Round Led by SoftBank's Vision Fund 2",
         "SoftBank's Vision Fund 2 co-led a $600m series D round for UK-based surgical robotics technology developer CMR Surgical.",
         "CMR Surgical", "raised", 600e6, "USD", "series_d_plus"),
        ("Delivery Hero leads $1bn funding round for Gorillas start-up", "", "Gorillas", "raised", 1e9, "USD", "undisclosed"),
        ("DoorDash Said to Lead Round in Flink at $2.1 Billion Value", "", "Flink", "reported", None, None, "undisclosed"),
        ("Report: DoorDash Heading up Fundraise for Grocery Delivery Firm Flink", "", "Flink", "reported", None, None, "undisclosed"),
        ("Battery maker Northvolt in talks for over USD 5 bn in financing", "", "Northvolt", "reported", 5e9, "USD", "undisclosed"),
        ("Toronto AI company Cohere to receive $240M from Ottawa to help get data centre built",
         "TORONTO -- Artificial intelligence firm Cohere will receive up to $240 million from the federal government to boost its "
         "computing capacity.", "Cohere", "raised", 240e6, "USD", "grant"),
        ("Funding raise of €433 million for Electra through green loans, ongoing challenges for open-source software financing", "",
         "Electra", "raised", 433e6, "EUR", "debt"),
        ("Flink, the Berlin-based instant grocery startup, is now valued at $2.85B after raising $750M in a round led by DoorDash",
         "The market is still very frothy. Flink, the Berlin-based startup, has raised $750 million in a Series B round of funding.",
         "Flink", "raised", 750e6, "USD", "series_b"),
        ("Tencent leads $45m Series B round in French mobile payment platform Lydia",
         "Tencent has led a €40 million ($45 million) Series B funding round in Paris-based mobile financial services platform Lydia.",
         "Lydia", "raised", 40e6, "EUR", "series_b"),
        ("Lithium-ion battery producer Northvolt raises US$1.2-billion, reportedly near finalizing Canadian plant", "",
         "Northvolt", "raised", 1.2e9, "USD", "undisclosed"),
        ("Oyo in $1.5bn Series F Round",
         "Short-term accommodation platform Oyo is reportedly in the process of raising $1.5bn in series F funding at a $10bn valuation.",
         "Oyo", "reported", 1.5e9, "USD", "series_d_plus"),
        ("Stockholm-based Northvolt raises €1B to support factory rollout plans in Europe",
         "Stockholm-based battery maker, Northvolt, announced on Tuesday that it has signed a $1.1B (approximately €1B) convertible note.",
         "Northvolt", "raised", 1.1e9, "USD", "debt"),
    ],
)
def test_funding_shapes(title: str, summary: str, company: str, change: str, amount: float | None, currency: str | None,
                        round_name: str) -> None:
    found = _funding(title, summary)
    assert len(found) == 1, found
    event = found[0]
    assert (event.company_name, event.change, event.attributes["amount"], event.attributes["currency"], event.attributes["round"]) == (
        company, change, amount, currency, round_name)


def test_a_round_closed_at_an_amount() -> None:
    event = _funding("Garwood Medical Devices' Series B round oversubscribes by $700,000",
                     "Garwood Medical Devices announced last week that it closed its Series B financing round at $3.7 million.")[0]
    assert (event.attributes["amount"], event.attributes["round"]) == (3.7e6, "series_b")


@pytest.mark.parametrize(
    "title",
    ["Acme Ventures closes $300M Fund III", "Acme Capital's Vision Fund 2 closes at $10bn", "Startups raised $40B in Q3, report says",
     "UK startups raise £663 mn in funding since lockdown"],
)
def test_a_funds_close_or_a_statistic_is_no_round(title: str) -> None:
    assert _funding(title) == []


# --- acquisitions -----------------------------------------------------------------------------------


def test_a_digest_line_names_the_deal_after_a_playful_verb() -> None:
    found = [e for e in extract_news("Symantec finds Skycure in $250m acquisition", "") if e.type == EventType.ACQUISITION]
    assert [(e.change, e.company_name, e.attributes["acquirer"], e.attributes["amount"]) for e in found] == [
        ("acquired", "Skycure", "Symantec", 250e6)]


def test_taking_control_is_an_acquisition_and_set_to_is_reported() -> None:
    found = [e for e in extract_news("Mubadala Set to Take Control of Turkish Delivery App Getir", "") if e.type == EventType.ACQUISITION]
    assert [(e.change, e.company_name, e.attributes["acquirer"]) for e in found] == [("reported", "Getir", "Mubadala")]


@pytest.mark.parametrize(
    ("title", "acquirer", "target", "amount"),
    [
        ("Acme to take over Zorbly for $2bn", "Acme", "Zorbly", 2e9),
        ("Zorbly sold to Acme for $300M", "Acme", "Zorbly", 300e6),
        ("Acme confirms deal to buy Zorbly", "Acme", "Zorbly", None),
        ("Acme closes $1.2B purchase of Zorbly", "Acme", "Zorbly", 1.2e9),
        ("Zorbly agrees to be acquired by Acme", "Acme", "Zorbly", None),
    ],
)
def test_more_ways_to_report_a_purchase(title: str, acquirer: str, target: str, amount: float | None) -> None:
    found = [e for e in extract_news(title, "") if e.type == EventType.ACQUISITION]
    assert [(e.attributes["acquirer"], e.company_name, e.attributes["amount"]) for e in found] == [(acquirer, target, amount)]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Peloton Appoints Tech Veteran Barry McCarthy As Its New CEO",
         "Barry McCarthy, the former chief financial officer of Spotify, will take over the reigns starting Wednesday."),
        ("Jane Doe takes over Zorbly's marketing", ""),
        ("Jane Doe takes over as Zorbly CEO", ""),
    ],
)
def test_a_person_taking_over_is_no_purchase(title: str, summary: str) -> None:
    assert [e for e in extract_news(title, summary) if e.type == EventType.ACQUISITION] == []
