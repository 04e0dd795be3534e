"""Issue 14 round 14, funding and leadership: classes of wrongly named events read from the spent sets (train.POOL).

Each class was kept because, pooled over the spent sets, it removed at least three wrong events (false, or paired with a
label but naming another company or person) for each right one it lost, and occurs in at least two sets. Every case is
verbatim from a spent labelled set (set and item id in the comment); the guards are what a careless form of a fix would break.
"""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import Extraction
from signalwatch.extract.leadership_item_company import is_nation
from signalwatch.extract.names import person_like
from signalwatch.extract.news import extract_with, pattern_events


def _events(kind: EventType, title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_with(title, summary, {}) if e.type == kind]


def _funded(title: str, summary: str = "") -> list[str | None]:
    return [e.company_name for e in _events(EventType.FUNDING, title, summary)]


def _people(title: str, summary: str = "") -> list[tuple[str | None, str | None]]:
    return [(e.attributes["person"], e.company_name) for e in _events(EventType.LEADERSHIP, title, summary)]


# A country, a region or a nationality is never the company of a round or of a leadership change ("Peruvian" and
# "Lebanese" are not made by an ending from the country's name: listed, since acquisition._without_origin asks here too).
@pytest.mark.parametrize("name", ["Ghana", "U.S.", "Middle East", "South African", "Bulgarian", "Kenyans", "Canadian", "Zimbabwe’s",
                                  "Peruvian", "Lebanese"])
def test_countries_regions_and_nationalities_are_nations(name: str) -> None:
    assert is_nation(name)


# Guards: initials that are also ISO codes ("GE" is Georgia's, "MAF" Saint Martin's) and company names are not nations.
@pytest.mark.parametrize("name", ["GE", "MAFI", "Denel", "Vineyard Wind", "Rebel Foods", "Sears Canada", "Air India"])
def test_initials_and_companies_are_not_nations(name: str) -> None:
    assert not is_nation(name)


def test_a_round_is_not_the_region_the_company_expands_to() -> None:
    # holdout19 rh19-0060 (was "Middle East"): the patterns now read no round; the learned detector reads Rebel Foods's
    assert "Middle East" not in _funded("India's Rebel Foods plans to expand to the Middle East with $125M funding",
                   "Cloud kitchens are on the rise across the world, and many of the food delivery startups such as Deliveroo and "
                   "Zomato are on track to expand to the space. Their current infrastructure and network puts them in a great position "
                   "to start operating the so called “dark kitchens” where they can prepare multiple cuisines from a centralised "
                   "location and bag the profits.")


def test_a_round_is_not_the_people_of_a_country() -> None:
    # holdout15 rh15-0237 (was "Kenyans", and Twiga Foods a second time)
    assert _funded("U.S. invests in Kenyans building a reliable food supply",
                   "A startup food-distribution company based in Kenya is getting help from the U.S. International Development Finance "
                   "Corporation (DFC) as the company makes more food available for Kenyans while reducing waste. The DFC brings "
                   "private-sector investment to developing countries. It recently announced a $5 million loan to Twiga Foods Ltd.") \
        == ["Twiga Foods"]


def test_a_round_read_at_a_country_is_dropped() -> None:
    # holdout8 rh8-0237: the round was read as Ghana's; no round is better than one alerting the wrong account
    assert "Ghana" not in _funded("Ghana’s Fintech Affinity Bag $8 million to expand digital banking in a mobile money-driven market")


def test_a_headline_country_is_not_the_company_of_the_change() -> None:
    # holdout4 rh4-0327 (was "U.S." for both people): the patterns now name no company, which the learned tagger fills in
    # (extract_news: Vineyard Wind for both, with the weights shipped at 5200b74)
    found = pattern_events("New CEO to Lead Development of U.S. First Commercial-scale Offshore Wind Project",
                   "U.S. offshore wind developer Vineyard Wind said Friday that Klaus S. Moeller, Project Director of Vineyard Wind 1 "
                   "offshore wind project, was being promoted to CEO. Vineyard Wind, a joint venture between Copenhagen Infrastructure "
                   "Partners (CIP) and Avangrid Renewables, said that Klaus S. Moeller would replace Lars T. Pedersen, who will remain "
                   "on the board of Vineyard Wind.")
    assert [(e.attributes["person"], e.company_name) for e in found] == [("Klaus S. Moeller", None), ("Lars T. Pedersen", None)]


def test_a_headline_nationality_is_not_the_company_of_the_change() -> None:
    # holdout19 rh19-0019 (was "South African")
    assert _people("South Africa's Denel says CFO resigns, extending string of departures",
                   "JOHANNESBURG — South African state-owned defense company Denel said on Monday that Chief Financial Officer Carmen "
                   "le Grange had resigned, extending a recent string of resignations that have deepened a crisis at the struggling "
                   "firm.") == [("Carmen le Grange", "Denel")]


# People named right: an honorific the name run takes in ahead of a person's name is not part of the name labels keep ("Sir"
# is: not stripped); an Arabic name's particle joined to the name it precedes ("al-Baker") is (before, the name run stopped at it
# and the change named no one: recall).
_NAMED = [
    # holdout21 rh21-0138 (was "Alhaji Aliko Dangote")
    pytest.param("Dangote retires from Dangote Cement, after two decades, announces replacement",
                 "Nigeria’s business tycoon, Alhaji Aliko Dangote, has retired from Dangote Cement. Before his retirement from the cement "
                 "arm of his multi sectoral businesses, Dangote had served on the board of the company and was its Chairman.",
                 [("departed", "Aliko Dangote", "Dangote Cement")], id="rh21-0138"),
    # holdout27 rh27-0170 (was "Captain Ripton Muzenda")
    pytest.param("Air Zimbabwe brews shocker", "Captain Ripton Muzenda has been appointed as the new Air Zimbabwe chief executive officer.",
                 [("appointed", "Ripton Muzenda", "Air Zimbabwe")], id="rh27-0170"),
    # holdout15 rh15-0190 (was no event)
    pytest.param("Qatar Airways confirms CEO Akbar al-Baker to step down, al-Meer to take over",
                 "Qatar Airways Chairman Saad al-Kaabi said in an official circular obtained by Reuters on Monday that CEO Akbar al-Baker "
                 "is to step down from his position effective November 5, confirming earlier reports. The circular also confirmed that "
                 "Badr al-Meer will be the company's new CEO.",
                 [("departed", "Akbar al-Baker", "Qatar Airways"), ("appointed", "Badr al-Meer", "Qatar Airways")], id="rh15-0190"),
    # holdout17 rh17-0157 (was no event)
    pytest.param("Saudi Arabia appoints new CEO to drive NEOM’s mega-city project forward",
                 "Riyadh, Saudi Arabia – Saudi Arabia has appointed Aiman al-Mudaifer as interim CEO of NEOM, signaling renewed momentum "
                 "for the kingdom’s ambitious mega-city project, which aims to reshape urban living as part of Vision 2030. “Following "
                 "the departure of Nadhmi al-Nasr”, who had served as the project’s chief executive since 2018, “Aiman al-Mudaifer has "
                 "been appointed as interim CEO”, NEOM said in a statement.",
                 [("appointed", "Aiman al-Mudaifer", "NEOM"), ("departed", "Nadhmi al-Nasr", "NEOM")], id="rh17-0157"),
]


@pytest.mark.parametrize(("title", "summary", "want"), _NAMED)
def test_the_person_is_named_as_labels_name_them(title: str, summary: str, want: list[tuple[str, str, str]]) -> None:
    found = [(e.change, e.attributes["person"], e.company_name) for e in _events(EventType.LEADERSHIP, title, summary)]
    assert sorted(found) == sorted(want)


def test_a_lowercase_word_before_a_hyphen_is_no_name() -> None:
    # guard: only Arabic particles join; "e-Commerce" in a Title Case headline is no name run (and no person)
    assert person_like("Akbar al-Baker") and not person_like("Acme e-Commerce")
