"""Leadership labels no extracted event reached, read in round 16 of issue 14: each test is one shape of unread change, counted
across the 32 spent sets (train.POOL) by the number of sets it occurs in (see the round's report).

Every case is a real item, copied verbatim from a labelled set (the set and item id are in the comment); the expected events are
the item's labels (LABELLING.md).
"""

from __future__ import annotations

from signalwatch.events import EventType
from signalwatch.extract import extract_news


def _events(title: str, summary: str = "") -> set[tuple[str, str | None, str | None]]:
    """(change, person, company) of every leadership event read from the item."""
    return {(e.change, e.attributes["person"], e.company_name) for e in extract_news(title, summary) if e.type == EventType.LEADERSHIP}


def _titles(title: str, summary: str = "") -> dict[tuple[str, str | None], str | None]:
    """(change, person) -> title of every leadership event read from the item."""
    return {(e.change, e.attributes["person"]): e.attributes["title"] for e in extract_news(title, summary) if e.type == EventType.LEADERSHIP}


def test_the_one_succeeded_who_moves_to_a_role_of_their_own_is_appointed_to_it() -> None:
    # holdout2 rh-0116: LABELLING.md "A successor's new role is an event too"; "will replace X, who will become T" is X's own move,
    # not the role X leaves (as "will succeed X to be the new President" is)
    found = _titles(
        "Roche names new Genentech CEO",
        "Roche (SIX:ROG; OTCQX:RHHBY) said Ian Clark will become CEO of Genentech Inc., effective Jan. 1. Clark, who is head of global "
        "product strategy for pharma at Roche, will replace Pascal Soriot, who will become COO of Roche's pharma division while "
        "remaining a member of Roche's executive committee.",
    )
    assert found[("appointed", "Pascal Soriot")] == "COO of Roche's pharma division"
    assert ("departed", "Pascal Soriot") in found
    # holdout26 rh26-0048
    found = _titles(
        "Procter & Gamble names Jon Moeller as CEO, replacing David Taylor",
        "Procter & Gamble announced on Thursday that its current chief operating officer, Jon Moeller, will become chief executive in "
        "November, replacing David Taylor, who will become chief executive of the company’s board of directors.",
    )
    assert ("appointed", "David Taylor") in found and ("departed", "David Taylor") in found


def test_a_change_read_without_a_company_is_at_the_one_company_the_other_changes_name() -> None:
    # holdout30 rh30-0026: the clause names KBS and an ordinal, no other company; the appointment names KBS
    assert _events(
        "Korean pubcaster welcomes new CEO",
        "Korean pubcaster KBS has formally appointed Ko Dae-young (pictured) as its new president and chief executive officer. He "
        "becomes KBS’s 22nd chief, succeeding Cho Dae-Hyun, who has completed his tenure.",
    ) >= {("appointed", "Ko Dae-young", "KBS"), ("departed", "Cho Dae-Hyun", "KBS")}


def test_a_clause_that_gives_another_company_a_role_keeps_its_change_from_the_items_company() -> None:
    # holdout14 rh14-0168: a list of hospitals' CEOs; Taubman is CEO of University of Rochester Medical Center, not of Mizell
    found = _events(
        "15 hospital CEOs exiting their roles",
        "The following CEOs have announced plans to step down or retire since Sept. 13. 1. Kerry Goff resigned as CEO of Opp, "
        "Ala.-based Mizell Memorial Hospital. 2. Mark Taubman, MD, CEO of University of Rochester (N.Y.) Medical Center and dean of "
        "the School of Medicine and Dentistry, will retire in December 2023.",
    )
    assert ("departed", "Mark Taubman", "Mizell Memorial Hospital") not in found


def test_a_departing_person_who_takes_another_role_is_appointed_to_it() -> None:
    # holdout25 rh25-0005: LABELLING.md, a role kept beside one left is an appointment
    found = _titles(
        "Pfizer CEO Ian Read to step down at year's end, will remain executive chairman",
        "Read, 56, who has been at the helm of the pharmaceutical giant  since December 2010, will remain as executive chairman of "
        "the board and be succeeded by deputy Alberta Bourla, the current chief operating officer, who previously led Pfizer’s "
        "Innovative Health business.",
    )
    assert ("departed", "Ian Read") in found and (found[("appointed", "Ian Read")] or "").lower().startswith("executive chairman")
    # holdout12 rh12-0174: "will return to his role as chairman" after another clause reads his departure
    found = _titles(
        "Wolfspeed names chip industry veteran Robert Feurle as CEO",
        "(Reuters) - Chipmaker Wolfspeed said on Thursday it appointed industry veteran Robert Feurle as its CEO, months after its "
        "board ousted former top boss Gregg Lowe. Feurle, who has previously spent a decade in executive roles at Micron Technology, "
        "will succeed Thomas Werner effective May 1. Werner will return to his role as chairman.",
    )
    assert found[("appointed", "Thomas Werner")] == "chairman"


def test_a_departing_person_who_leaves_for_another_company_is_appointed_there() -> None:
    # dev rp-0012: the new role "of Worldwide Fiber" is at Worldwide Fiber, not at Microsoft
    found = _events(
        "Microsoft names new CFO",
        "Microsoft Corporation announced the appointment of a new CFO as its previous money man, Greg Maffei, leaves to become chief "
        "executive officer of Worldwide Fiber, a maker of fiber optic networking equipment. Maffei has been trying to leave Microsoft "
        "for some time; less than a month ago, the company refused to let him leave his post. Microsoft replaced Maffei from inside, "
        "raising vice president John Connors to the CFO spot.",
    )
    assert ("appointed", "Greg Maffei", "Worldwide Fiber") in found


def test_a_seat_a_departing_person_already_holds_is_no_appointment() -> None:
    # holdout8 rh8-0155 and holdout11 rh11-0054: "will remain chairman" keeps a seat; the labels have no appointment for it
    found = _events(
        "GE's Immelt Stepping Down, Flannery To Take Over As CEO",
        "John Flannery, who grew up in West Hartford, will replace Jeffrey Immelt as CEO of General Electric as the industrial giant "
        "redefines itself as a digital company at its new Boston headquarters. Immelt will remain chairman through the year but "
        "Flannery, 55, will take over as CEO on Aug. 1.",
    )
    assert not any(change == "appointed" and person and "Immelt" in person for change, person, _ in found)
    found = _events(
        "American Airlines CEO stepping down",
        "American Airlines CEO Doug Parker will step down next year, the company announced Tuesday. Parker, who took over as the "
        "airline's CEO in 2013, will retire in March and remain chairman of the board. He'll be succeeded by American Airlines "
        "President Robert Isom.",
    )
    assert ("appointed", "Doug Parker", "American Airlines") not in found
