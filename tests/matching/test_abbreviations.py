"""A name news shortens to the first letters of its words ties to the account the item writes in full (round 16):
"Air NZ" / Air New Zealand, "M&S" / Marks and Spencer, "USS" / U.S. Steel; never one the item does not write."""

from __future__ import annotations

from signalwatch.accounts import Account
from signalwatch.matching.abbreviations import looks_shortened, shortened_names
from signalwatch.resolve import AccountIndex

# holdout25 rh25-0081 (BusinessDesk), verbatim.
AIR_NZ = ("Air NZ's Luxon to depart Sept 25\nJune 20 (BusinessDesk) - Air New Zealand chief executive Christopher Luxon "
          "has resigned effective Sept. 25, Air New Zealand said late Wednesday.")
# holdout21 rh21-0246, verbatim, summary cut after its first sentence.
MARKS = ("M&S chairman Robert Swannell is leaving\nMarks and Spencer's chairman Robert Swannell is retiring in 2017, the "
         "company announced this morning.")
# holdout23 rh23-0016, verbatim, summary cut after its first sentence.
USS = ("Longhi steps down at USS, Burritt moves up to top post\nU.S. Steel Corp.’s Mario Longhi has exited the post of "
       "chief executive officer and will retire from the company at the end of June.")


def test_a_shortened_name_ties_to_the_name_the_item_writes_in_full() -> None:
    index = AccountIndex([Account(id=1, name="Air New Zealand"), Account(id=2, name="Marks and Spencer"),
                          Account(id=3, name="U.S. Steel"), Account(id=4, name="Qantas")])
    found = index.resolve("Air NZ", None, AIR_NZ)
    assert found.account_id == 1 and found.method == "context"
    assert "the item writes 'air new zealand', which 'Air NZ' shortens" in found.reason
    assert index.resolve("M&S", None, MARKS).account_id == 2
    assert index.resolve("USS", None, USS).account_id == 3


def test_never_a_name_the_item_does_not_write_nor_a_mention_that_does_not_look_shortened() -> None:
    index = AccountIndex([Account(id=1, name="Air New Zealand")])
    assert index.resolve("Air NZ", None, "Air NZ's Luxon to depart Sept 25").account_id is None
    assert not looks_shortened("Singtel") and not looks_shortened("Qantas Airways") and not looks_shortened("Thodey")
    assert looks_shortened("StanChart") and looks_shortened("HCL Tech") and looks_shortened("A-B")


def test_the_start_of_each_word_in_order_a_generic_tail_left_out() -> None:
    runs = [run for _, run in shortened_names("StanChart", "StanChart hires\nStandard Chartered Bank has appointed")]
    assert runs == ["standard chartered bank", "standard chartered"]
    assert not list(shortened_names("StanChart", "StanChart hires\nChartered Standard Bank has appointed"))
