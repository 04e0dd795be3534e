"""Wrong alerts, issue 14 round 16: classes of events that tied an alert to the wrong account on the round's figure.

Each class was kept because, pooled over the spent sets (train.POOL) on round 16's figure (alerts against a CRM with real and
news distractors, `evaluate_alerts.pool_alerts`), it removed at least three wrong alerts for each right one it lost and
occurs in at least two sets. Every case is verbatim from a spent labelled set (set and item id in the comment); the guards
are right events a careless form of the fix would lose.
"""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract.leadership import refused_leadership
from signalwatch.extract.news import extract_news, why_none


def _people(title: str, summary: str) -> list[str | None]:
    return [e.attributes.get("person") for e in extract_news(title, summary) if e.type == EventType.LEADERSHIP]


# A person read across an organisation's name ("Sweet Briar College", "Sugar Company", "Jumia Food") is no person: the
# change alerted the company again for someone the item never names.
_ORGANISATIONS = [
    # holdout27 rh27-0073: the college that named a president, read as the person appointed
    pytest.param("Sweet Briar Picks Next President",
                 "Sweet Briar College named its next president Monday, picking a former University of Virginia dean to lead the "
                 "all-women liberal arts institution as it attempts to recover from a near closure two years ago. Meredith Woo will "
                 "take over as president of Sweet Briar in rural Virginia after current president Phillip C. Stone retires in May.",
                 "Sweet Briar College", ["Meredith Woo", "Phillip C. Stone"], id="rh27-0073"),
    # holdout27 rh27-0026: the rest of the company's name, read as the person appointed
    pytest.param("Mumias replaces MD amid plans to resume operations next month",
                 "Mumias Sugar Company has replaced Managing Director Patrick Chebosi barely seven months after he was appointed to "
                 "steer the firm out of financial crisis. Chebosi has been replaced by Isaac Sheunda in an acting capacity.",
                 "Sugar Company", ["Patrick Chebosi", "Isaac Sheunda"], id="rh27-0026"),
    # holdout8 rh8-0102: a business the company closed, read as someone who left
    pytest.param("Jumia Implements Layoffs Following Jumia Food Exit – Uncertainty Looms for Affected Staff",
                 "In January 2024, Jumia, a prominent e-commerce platform in Africa, initiated a round of layoffs affecting employees "
                 "in Kenya and several other African markets. The company took this step a month after discontinuing its food "
                 "delivery business, Jumia Food. The exact number of employees impacted by these layoffs has not been disclosed.",
                 "Jumia Food", [], id="rh8-0102"),
]


@pytest.mark.parametrize(("title", "summary", "organisation", "people"), _ORGANISATIONS)
def test_an_organisations_name_is_no_person_of_a_change(title: str, summary: str, organisation: str, people: list[str]) -> None:
    found = _people(title, summary)
    assert organisation not in found
    assert all(person in found for person in people)  # the item's real changes stand


def test_explain_names_the_organisation_refused_as_a_person() -> None:
    # holdout8 rh8-0102: nothing but the misread change, so why_none tells the check
    title, summary = _ORGANISATIONS[2].values[:2]
    said = why_none(title, summary)
    assert "Jumia Food departed" in said and "the person read is an organisation's name, not a person's" in said


@pytest.mark.parametrize(("title", "summary", "person"), [
    # holdout2 rh-0057: both people of a succession at a company named in the same sentence stand
    pytest.param("Dara Khosrowshahi admits he’s scared to take up new role as Uber chief executive",
                 "Dara Khosrowshahi has admitted he’s scared to accept his new role as Uber’s chief executive, replacing Travis "
                 "Kalanick and spelling an end to the company’s lengthy search for a new head.", "Dara Khosrowshahi", id="rh-0057"),
])
def test_a_persons_name_stands(title: str, summary: str, person: str) -> None:
    assert person in _people(title, summary)


def _changes(title: str, summary: str) -> list[tuple[str, str | None]]:
    return [(e.change, e.attributes.get("person")) for e in extract_news(title, summary) if e.type == EventType.LEADERSHIP]


# One role is not taken and left by the same person in one item: an appointment read beside the same person's departure
# from the same role at the same company is the misreading (an appointed alert the item never told).
@pytest.mark.parametrize(("title", "summary", "person"), [
    # holdout28 rh28-0136: "Hays announces CEO" read as naming the CEO whose departure it announces
    pytest.param("Hays announces CEO departure, reports lower H1 net fees",
                 "British recruiter Hays has announced the departure of CEO Dirk Hahn and slashed its dividend by 84% as a tough "
                 "hiring market caused by economic and political uncertainties dented its half-yearly profit, sending shares 6% lower.",
                 "Dirk Hahn", id="rh28-0136"),
    # holdout25 rh25-0228: "new CEO, Whitey Basson" is two readings run together; Basson retires
    pytest.param("Shoprite gets new CEO, Whitey Basson to retire",
                 "Shoprite Holdings Ltd., Africa’s largest food retailer, said in an official press release that the company’s founder "
                 "Whitey Basson will retire as chief executive officer, ending his 37-year tenure that saw the South African company "
                 "grows to become the continent’s biggest food retailer.", "Whitey Basson", id="rh25-0228"),
    # holdout13 rh13-0134: "take over from Andrew Mackenzie as CEO" read as naming Mackenzie CEO
    pytest.param("BHP names Mike Henry as CEO to replace Andrew Mackenzie",
                 "BHP has announced Mike Henry will take over as CEO, with Andrew Mackenzie set to retire. BHP has announced Mike Henry "
                 "will take over from Andrew Mackenzie as CEO on December 31.", "Andrew Mackenzie", id="rh13-0134"),
])
def test_a_person_read_leaving_a_role_is_not_also_appointed_to_it(title: str, summary: str, person: str) -> None:
    found = _changes(title, summary)
    assert ("departed", person) in found
    assert ("appointed", person) not in found
    told = refused_leadership(title, summary)
    assert any(line.startswith(f"{person} appointed") and "the item reads the same person leaving that role" in line for line in told)


def test_a_departure_read_through_a_pronoun_stops_no_appointment() -> None:
    # holdout16 rh16-0165: "he would be stepping down" is read as Ravi Kumar S; his appointment, told by name, stands
    found = _changes("Former Cognizant CEO Brian Humphries was ‘involuntarily terminated’",
                     "Former Chief Executive Officer of Cognizant Brian Humphries was involuntarily terminated without cause, the "
                     "company said as part of its stock exchange filings. It was widely speculated that Humphries had been fired after "
                     "the sudden surprise appointment of Ravi Kumar S as CEO, as well as Humphries’ own post on LinkedIn that it “was "
                     "announced” that he would be stepping down as CEO.")
    assert ("appointed", "Ravi Kumar S") in found


def _at(title: str, summary: str) -> dict[tuple[str, str | None], str | None]:
    return {(e.change, e.attributes.get("person")): e.company_name for e in extract_news(title, summary)
            if e.type == EventType.LEADERSHIP}


# The predecessor a successor replaces leaves the role the successor takes: a departure read from a succession clause is at
# the company of the item's one appointment, not at the company the headline moves the successor from.
@pytest.mark.parametrize(("title", "summary", "predecessor", "company", "mover"), [
    # holdout28 rh28-0155: Skype, not Cisco Systems (the successor's former employer)
    pytest.param("Breaking: Cisco Exec to Take Over as Skype CEO",
                 "Cisco Systems (s CSCO) veteran Tony Bates is taking over as the CEO of Skype. He’ll replace Josh Silverman, who is "
                 "leaving the company for undisclosed reasons.", "Josh Silverman", "Skype", None, id="rh28-0155"),
    # holdout20 rh20-0037: Paddy Power, not Greencore
    pytest.param("Greencore CFO to take top job at Paddy Power",
                 "Paddy Power has named Patrick Kennedy, the chief financial officer of Greencore, as its new chief executive. Paddy "
                 "Power has named Patrick Kennedy, the chief financial officer of Greencore, as its new chief executive. Mr Kennedy, "
                 "who is 35, succeeds John O'Reilly who will retire from his position in December.", "John O'Reilly", "Paddy Power",
                 None, id="rh20-0037"),
    # holdout7 rh7-0236: Zurich Insurance, not Generali; Greco's own departure from Generali stays at Generali
    pytest.param("Generali boss Mario Greco leaving to take up chief exec role at rival Zurich Insurance",
                 "Mario Greco, chief executive of Italian insurer Generali, is to step down at the end of his current contract, in "
                 "order to take up the helm at Zurich Insurance. He will replace Tom de Swaan, who has been leading Zurich since "
                 "Martin Senn quit as boss on 1 December, after the company’s attempted takeover of UK insurer RSA failed.",
                 "Tom de Swaan", "Zurich Insurance", ("Mario Greco", "Generali"), id="rh7-0236"),
])
def test_a_predecessor_leaves_the_company_the_successor_joins(title: str, summary: str, predecessor: str, company: str,
                                                              mover: tuple[str, str] | None) -> None:
    at = _at(title, summary)
    assert at[("departed", predecessor)] == company
    if mover is not None:
        assert at[("departed", mover[0])] == mover[1]
