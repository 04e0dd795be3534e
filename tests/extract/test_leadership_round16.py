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
