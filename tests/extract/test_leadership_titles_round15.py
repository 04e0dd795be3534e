"""Leadership titles made exact in round 15 of issue 14: each test is one class of wrong title on a detected event, a cause in
the code, found in the title errors of the spent sets (train.POOL) and counted across them (see the round's report).

Every case is a real item, copied verbatim from a labelled set (the set and item id are in the comment). Expected titles are
the items' labels (LABELLING.md), compared as the benchmark compares them (`plain_text`: case and quote marks aside).
"""

from __future__ import annotations

from signalwatch.events import EventType
from signalwatch.extract import extract_news
from signalwatch.extract.text import plain_text


def _titles(title: str, summary: str = "") -> dict[tuple[str, str | None], str | None]:
    """(change, person) -> title, as compared, of every leadership event read from the item."""
    return {(e.change, e.attributes["person"]): plain_text(e.attributes["title"]) if e.attributes["title"] else None
            for e in extract_news(title, summary) if e.type == EventType.LEADERSHIP}


def test_a_divisional_role_keeps_the_unit_it_is_of() -> None:
    # holdout14 rh14-0147: LABELLING.md "divisional roles are kept in full with the parent as company_name"
    found = _titles(
        "Key departure",
        "FedEx Corp. (NYSE: FDX) said Tuesday that Henry J. Maier, president and CEO of its FedEx Ground parcel-delivery division, "
        "will retire on July 31.",
    )
    assert found[("departed", "Henry J. Maier")] == "president and ceo of its fedex ground parcel-delivery division"


def test_a_unit_of_the_company_named_with_a_possessive_is_part_of_the_title() -> None:
    # holdout2 rh-0034 and holdout21 rh21-0015: "of Amazon's ... group", "of PPC's South African business"
    found = _titles(
        "Amazon Loses Two Veterans Behind Blockbusters Like Kindle and Alexa",
        "Amazon.com, Inc AMZN lost two top hardware veteran executives. Gregg Zehr, president of Amazon’s hardware research and "
        "development group, Lab126, has retired, CNBC reports. Zehr invented the hugely successful Kindle e-reader.",
    )
    assert found[("departed", "Gregg Zehr")] == plain_text("president of Amazon’s hardware research and development group")
    found = _titles(
        "Claassen to lead PPC after Tomes’ resignation",
        "South Africa: On 23 October 2014 PPC confirmed the resignation of Richard Tomes, joint managing director of PPC's South "
        "African business and one of the business's key sales and marketing personnel.",
    )
    assert found[("departed", "Richard Tomes")] == "joint managing director of ppc's south african business"


def test_the_company_a_role_is_of_is_no_unit() -> None:
    # holdout25 rh25-0087: "chief executive officer of Tropicana Entertainment Holdings LLC" is the company, not a unit
    found = _titles(
        "CEO of Casino Aztar’s parent company steps down",
        "Embattled casino operator William J. Yung III has stepped down as chief executive officer of Tropicana Entertainment "
        "Holdings LLC, which has filed for bankruptcy. Tropicana owns Casino Aztar in Evansville and 10 other casino properties in "
        "Nevada, Mississippi, Louisiana and New Jersey.",
    )
    assert "of" not in (found[("departed", "William J. Yung III")] or "").split()


def test_a_departing_founding_ceo_leaves_the_role_of_ceo() -> None:
    # holdout3 rh3-0149 and holdout16 rh16-0043: LABELLING.md (holdout3) "'outgoing' and 'founding' are dropped"
    found = _titles(
        "Cyclerion Therapeutics picks former EQRx leader as new CEO",
        "Regina Graul, Ph.D., has found a new role at the top of Cyclerion Therapeutics, replacing outgoing founding CEO Peter "
        "Hecht, Ph.D. It’s a return to home for the executive, who previously led development of Cylcerion’s olinciguat program "
        "for cardiovascular disease.",
    )
    assert found[("departed", "Peter Hecht")] == "ceo"
    found = _titles(
        "\"I was a little bit stretched\" – why Xero switched CEOs",
        "Founding CEO now has time to work on new technologies such as AI and machine learning On 5 March, cloud accounting "
        "software provider, Xero, revealed that founding CEO, Rod Drury, would step aside, leaving former Microsoft Australia and "
        "New Zealand (A/NZ) vice president, Steve Vamos, to lead the company going forward.",
    )
    assert found[("departed", "Rod Drury")] == "ceo"



def test_a_successor_who_stands_in_takes_the_role_left_as_interim() -> None:
    # holdout23 rh23-0082 and holdout22 rh22-0183: LABELLING.md "his role will be filled on an interim basis by Scott Arnold"
    # labels interim CEO; the one leaving keeps the role itself
    found = _titles(
        "TGI Fridays CEO Ray Blanchette steps down",
        "He led the brand for five years. Rohit Manocha, chairman of Fridays’ biggest shareholder, will take over on an interim basis.",
    )
    assert found[("appointed", "Rohit Manocha")] == "interim ceo"
    assert found[("departed", "Ray Blanchette")] == "ceo"
    found = _titles(
        "Toshiba CEO steps down over accounting scandal",
        "Toshiba Corp's chief executive stepped down on Tuesday after an independent investigation found he had been aware the "
        "company had inflated its profits, in the country's biggest corporate scandal in years. CEO and President Hisao Tanaka said "
        "he will be temporarily replaced by Chairman Masashi Muromachi, adding that the company was considering appointing outside "
        "directors to over half of its board seats.",
    )
    assert found[("appointed", "Masashi Muromachi")] == "interim ceo"


def test_a_founder_who_also_holds_a_title_holds_that_title() -> None:
    # holdout22 rh22-0153 and holdout19 rh19-0235: "X, the founder, chairman and chief executive officer of Y, ... to retire":
    # the role left is the title after "founder" (before, no title was read for the person at all)
    found = _titles(
        "SAIC's Beyster to retire, plans succession",
        "J. Robert Beyster, the founder, chairman and chief executive officer of Science Applications International Corp., is "
        "planning to retire in February 2004 and has begun the process of finding a successor. Under the plan, a search committee "
        "will be led by Thomas Young, former president and chief operating officer of Martin Marietta.",
    )
    assert found[("departed", "J. Robert Beyster")] == "chairman and chief executive officer"
    found = _titles(
        "Roshni Nadar's appointment: Change, but no change at HCL Tech",
        "Roshni's appointment does not change anything for HCL Tech. The signal is clear - chairmanship role stays with the family "
        "while operational or executive roles could be donned by outsiders India's third largest IT firm HCL Technologies announced "
        "a change in its chairmanship with 75 year old Shiv Nadar, founder and chairman of HCL Enterprise, passing the mantle to his "
        "daughter Roshni Nadar Malhotra.",
    )
    assert found[("departed", "Shiv Nadar")] == "chairman"
