"""What an extractor read in an item and a precision check refused, kept to tell `signalwatch extract --explain` (news.why_none)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

__all__ = ["Refusals"]

Read = TypeVar("Read")


class Refusals(Generic[Read]):
    """The readings of one item that checks refused, each told as "<what was read>: <the check that refused it>".

    `what` tells a reading in words ("Acme raising $5M"); the extractor keeps one `Refusals` per item and drops its readings
    through it, so what it returns is what it would return without one.
    """

    def __init__(self, what: Callable[[Read], str]) -> None:
        self.what = what
        self.told: list[str] = []

    def drop(self, found: Iterable[Read], refused: Callable[[Read], bool], why: str) -> list[Read]:
        """The readings in `found` that `refused` lets stand; each it refuses is told with `why`."""
        return [reading for reading in found if self.keep(reading, why if refused(reading) else None)]

    def keep(self, reading: Read, why: str | None) -> bool:
        """Whether `reading` stands: it does when no check gives a `why`; refused, it is told with its `why`."""
        if why is not None:
            self.note(self.what(reading), why)
        return why is None

    def note(self, what: str, why: str) -> None:
        """Tell a refusal that drops no single reading ("a change the headline names: the headline denies it"); once each."""
        told = f"{what}: {why}"
        if told not in self.told:
            self.told.append(told)
