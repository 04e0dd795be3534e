"""One leadership change as a rule reads it from one clause, before the rest of the item completes it.

Its own module so that leadership.py, which reads and completes the changes, and leadership_item_company.py,
which finds the company of those whose clause names none, share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Found"]


@dataclass
class Found:
    """One change read from one clause, before names and titles are completed from the rest of the item."""

    change: str
    person: str | None
    title: str | None
    company: str | None
    clause: int  # 0 for the headline, 1.. for summary sentences
    rule: str
    inherit: bool = False  # the title is the one the departing person held ("Andy Jassy to take over")
    interim: bool = False
    explicit: bool = True  # the title was written for this person in this clause
    vouched: bool = False  # a lone surname is a person here ("Uber CEO Kalanick resigns")
    position: int = 0  # where in the clause the change is written
    filler: bool = False  # kept only to name the person of an unnamed change ("promoted X to head its marketing")
    pronoun: bool = False  # "he leaves Apple": the person is the one the item is about
    evidence: str = ""  # the words the rule read, for `signalwatch extract --explain`
    guessed: bool = False  # the company is the item's lead company, not one the clause names
    wording: bool = False  # an unnamed role that only lends its wording to a named event of the same role ("with new CSO")
    elsewhere: bool = False  # a role at the company the person leaves for: its title is written here or unknown

    @property
    def where(self) -> str:
        return "headline" if self.clause == 0 else f"summary sentence {self.clause}"
