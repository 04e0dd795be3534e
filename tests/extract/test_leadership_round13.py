"""Leadership false alerts removed in round 13 of issue 14 (precision work): each test is one class of wrong event, a cause in
the code, found in the errors of the spent sets (train.POOL) and counted across them.

Every case is a real item, copied verbatim from a labelled set (the set and item id are in the comment). Expected values
are the items' labels (LABELLING.md); a case asserts what the class is about (no event tied to the wrong company, or the
right one) and leaves the item's other events to the benchmark. The shipped extractor is tested, tagger included.
"""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import extract_news

Event = tuple[str, str | None, str | None]


def _leadership(title: str, summary: str = "") -> set[Event]:
    return {(e.change, e.company_name, e.attributes["person"]) for e in extract_news(title, summary) if e.type == EventType.LEADERSHIP}


def test_a_title_case_headline_of_english_words_names_no_company() -> None:
    # holdout12 rh12-0066: "Channel Leaders" is the headline's wording; the summary never writes it, and names Lenovo
    found = _leadership(
        "When Channel Leaders Move On",
        "A look at the tenure of channel chiefs in technology. Earlier this week, news broke that Lenovo North America channel "
        "chief Sammy Kinlaw will leave the company by the end of the week. Until a permanent replacement is found, Rob Cato, "
        "executive director at Lenovo, will take his place.",
    )
    assert not {company for _, company, _ in found} & {"Channel Leaders", "Channel"}


def test_a_headline_that_denies_the_change_reports_none() -> None:
    # holdout20 rh20-0241 and holdout8 rh8-0129: the company denies the reported exit; both labelled with no event
    assert not _leadership(
        "Asustek denies its CEO has resigned",
        "It is a fairly sad state of affairs when your outfit does so badly that you have to use a posting with the Taiwan Stock "
        "Exchange to deny rumours that your CEO and president has quit out of shame. Asustek has had to refute an industry rumour "
        "that company CEO and president Jerry Shen had resigned his position on July 1 due to the company’s poor performance.",
    )
    assert not _leadership(
        "Safaricom clarifies reports on CEO exit",
        "NAIROBI, KENYA: Safaricom has denied media reports on the succession of its Chief Executive Officer Bob Collymore said to "
        "be stepping down in August, this year. The telco said it has not made a decision on the matter and has in place a robust "
        "recruitment process that adheres to global best practice in identifying and appointing the senior leadership team.",
    )


def test_a_headline_move_puts_the_appointment_at_the_company_moved_to() -> None:
    # holdout3 rh3-0150: BMS is where Botwood comes from; the label is Syndax Pharmaceuticals
    found = _leadership(
        "BMS oncology head swings to Syndax",
        "After more than two decades as a Big Pharma cancer leader, Nicholas Botwood is swinging into the biotech world as the new "
        "chief medical officer and R&D head of Syndax Pharmaceuticals. Botwood spent the last decade at BMS, most recently serving as "
        "head of worldwide medical oncology, and, before that, he spent 11 years as an oncology development leader at AstraZeneca.",
    )
    assert ("appointed", "Syndax Pharmaceuticals", "Nicholas Botwood") in found
    # holdout7 rh7-0236: Greco leaves Generali (kept) and takes the helm at Zurich Insurance
    found = _leadership(
        "Generali boss Mario Greco leaving to take up chief exec role at rival Zurich Insurance",
        "Mario Greco, chief executive of Italian insurer Generali, is to step down at the end of his current contract, in order to "
        "take up the helm at Zurich Insurance. He will replace Tom de Swaan, who has been leading Zurich since Martin Senn quit as "
        "boss on 1 December, after the company’s attempted takeover of UK insurer RSA failed.",
    )
    assert {("departed", "Generali", "Mario Greco"), ("appointed", "Zurich Insurance", "Mario Greco")} <= found


def test_a_government_post_is_no_change_at_a_company() -> None:
    # holdout3 rh3-0054 and holdout25 rh25-0039: both labelled with no event (LABELLING.md: a government post is not a company)
    assert not _leadership(
        "Google Executive Megan Smith Named U.S. Chief Technology Officer",
        "Google executive Megan Smith has been named the U.S.’s chief technology officer, to replace outgoing CTO Todd Park, according "
        "to the White House.",
    )
    assert not _leadership(
        "Google exec Megan Smith named Chief Technology Officer of the US",
        "Today the White House announced it has selected Megan Smith, an experienced Google executive and engineer, as its newest Chief "
        "Technology Officer, taking the reigns from CTO Todd Park. She will be joined by new Deputy CTO Alexander Macgillivray, a former "
        "Twitter lawyer known for defending the free flow of information online.",
    )


def test_a_regional_title_is_no_government_post() -> None:
    # holdout23 rh23-0240: "CEO of the Americas" is a role at IHG
    found = _leadership(
        "IHG's Keith Barr Steps Down as CEO",
        "IHG Hotels & Resorts Keith Barr is set to step down as CEO on July 1 after 23 years with the British hotel firm. Elie Maalouf, "
        "the current CEO of the Americas, will succeed Barr, Hotel News Now's Terence Baker reports.",
    )
    assert ("departed", "IHG", "Keith Barr") in found


@pytest.mark.xfail(strict=True, reason="the company comes from the tagger's 'fill' use, which round 15's retrain switched off "
                   "(no margin passes the precision guard on the left-out sets)")
def test_a_change_at_what_the_headline_calls_a_parent_is_at_the_parent() -> None:
    # holdout22 rh22-0045: the label is InterContinental Hotels Group, not Holiday Inn
    assert _leadership(
        "Holiday Inn parent's CEO to step down",
        "InterContinental Hotels Group CEO Andrew Cosslett announced this morning that he will step down in June after six years "
        "leading the company.",
    ) == {("departed", "InterContinental Hotels Group", "Andrew Cosslett")}


def test_the_only_name_a_summary_gives_is_no_person_when_it_is_the_company_or_a_nationality() -> None:
    # holdout7 rh7-0016: labelled with no event ("Kenyan State" is no person)
    assert not _leadership(
        "State Firm CEO Exits Surge on Ruto Projects Pressure",
        "A wave of CEO resignations and sackings in Kenyan State corporations has caused concern. At least five key firms have seen "
        "leadership changes in the past three months.",
    )


def test_the_company_a_change_is_at_is_no_person() -> None:
    # holdout23 rh23-0199: "Sullivan Vineyards" was read as the new CEO too; the one named is Sean Sullivan
    found = _leadership(
        "Sullivan Vineyards has new CEO",
        "Sean Sullivan was named president and CEO of Sullivan Vineyards, Rutherford. He's worked at the family winery for 24 years. "
        "Joanna Sullivan, the remaining founding partner, will serve on the board as chairperson for an interim period.",
    )
    assert found == {("appointed", "Sullivan Vineyards", "Sean Sullivan")}



def test_a_headline_that_names_the_new_role_as_a_noun_reports_no_change_alone() -> None:
    # holdout13 rh13-0145 and holdout19 rh19-0193: both labelled with no event (the summary tells what the new boss does)
    assert not _leadership(
        "Rakuten Mobile's new boss sets out 'fast-paced' growth plan",
        "Tareq Amin says the burden of capex will start to ease in the summer, allowing the Japanese operator to focus on customer "
        "acquisition.",
    )
    assert not _leadership(
        "Hero MotoCorp's New CEO Unveils Strategic Growth Vision",
        "Harshavardhan Chitale, the recently appointed Chief Executive Officer of Hero MotoCorp Ltd, has identified premium products, "
        "scooters, electric vehicles, and exports as key areas with immense growth potential for India's largest two-wheeler "
        "manufacturer. In his first public remarks since assuming the role, Chitale emphasized these segments as critical to "
        "maintaining and expanding the company's market leadership.",
    )



def test_a_list_of_english_words_or_places_is_no_list_of_people() -> None:
    # holdout16 rh16-0217: labelled funding only; "Equity" and "Debt" were read as two people leaving
    assert not _leadership(
        "Gupshup Raises $60M in Equity and Debt, Leaves Unicorn Status Hanging",
        "The recent announcement that Gupshup raises $60M in equity and debt while leaving unicorn status hanging marks a pivotal "
        "moment in conversational AI financing, signaling strategic shifts in growth capital approaches for enterprise messaging "
        "platforms.",
    )


# Items whose events must not name a value any more: (title, summary, slot, the wrong value). Slot 1 is the company, 2 the person.
NOT_NAMED = [
    # holdout10 rh10-0238: "World" was the guess from the headline's Title Case; the label is Banco Bradesco SA
    ("World's oldest banking chairman resigns",
     "Lazaro de Mello Brandao, who at 91 is the world's oldest serving bank chairman, said he'll step down after more than 25 "
     "years in that role at Banco Bradesco SA, triggering a succession race at Brazil's second-largest bank by market value. "
     "Brandao will be replaced by Luiz Carlos Trabuco Cappi, the current chief executive officer who will hold both positions "
     "until March, when the lender will elect a new CEO, according to a regulatory filing Tuesday.",
     1, "World"),
    # holdout14 rh14-0230: "CareFirst BlueCross BlueShield" is the company, not the new chief (the summary's one name)
    ("CareFirst picks new chief",
     "Looking for a leader who could help it navigate an increasingly technology-centered health care world, CareFirst BlueCross "
     "BlueShield yesterday tapped the head of an electronic claims-processing firm to be its new president and chief executive "
     "officer. Chester \"Chet\" Burrell, 60, is currently chairman and CEO of Indianapolis-based RealMed Corp., which provides "
     "claims services for insurers - including CareFirst - and doctors.",
     2, "CareFirst BlueCross BlueShield"),
]


@pytest.mark.parametrize(("title", "summary", "slot", "wrong"), NOT_NAMED)
def test_no_event_names_the_wrong_value(title: str, summary: str, slot: int, wrong: str) -> None:
    assert all(event[slot] != wrong for event in _leadership(title, summary))
