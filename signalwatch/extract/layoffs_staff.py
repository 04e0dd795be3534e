"""Who cuts when the people who lose their jobs are named by their company (round 18, issue 14).

"500 Holden workers to lose jobs" (holdout30 rh30-0169), "Alcoa staff lose their jobs" (holdout30 rh30-0051), "400 Jamaica
Producers workers to lose jobs today" (holdout26 rh26-0144), "More Newsquest jobs to go at York, Essex and Bucks" (holdout28
rh28-0021), "David Jones staff at Robina Town Centre to lose jobs" (holdout23 rh23-0097), "About 30 WA-based Nufarm workers
will lose their jobs" (holdout30 rh30-0228): the company is the name before the people, the figure before it their count.
Only a decided loss counts: "could lose", "risk losing" and jobs "at risk" are no cut (as in layoffs.py's people's-side
shapes). layoffs.py reads this shape beside its own (`staff_losing_jobs`) and checks the name as it checks a subject's.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from signalwatch.extract.layoffs_names import DEPARTMENTS, can_cut, names_no_one
from signalwatch.extract.text import company_from_subject, is_place

__all__ = ["StaffLoss", "staff_losing_jobs"]

_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
# The company's name as a modifier of the people: up to three capitalised words, after a figure, "More" or where it sits
# ("WA-based"), before the people and, maybe, the site ("at Robina Town Centre"); then the loss, decided.
_NAMED_STAFF = re.compile(
    rf"(?:(?<![\w$€£.,'-])(?P<n>{_NUMBER})\s+)?(?:(?i:more)\s+)?(?:[A-Z][\w.]*-based\s+)?"
    r"(?P<co>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})\s+(?i:workers|staff|employees|staffers|jobs)\s+"
    r"(?:(?:at|in)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+)?"
    r"(?i:(?:(?:are|is|will|set|due|expected)\s+)*(?:(?:to\s+)?lose\s+(?:their\s+)?jobs?|to\s+go)\b)"
)
_CUES = ("lose", "to go")  # a plain substring screen (of the clause in lower case) before the pattern: most clauses hold none


class StaffLoss(NamedTuple):
    """One company's people losing their jobs: the company, how many (when stated), the words read."""

    company: str
    people: int | None
    text: str


def staff_losing_jobs(clause: str) -> list[StaffLoss]:
    """The companies whose own people a clause tells losing their jobs ("500 Holden workers to lose jobs"); [] when none."""
    lowered = clause.lower()
    if not any(cue in lowered for cue in _CUES):
        return []
    found = []
    for match in _NAMED_STAFF.finditer(clause):
        company = company_from_subject(match.group("co"))
        if not company or company in DEPARTMENTS or not can_cut(company) or is_place(company) or names_no_one(company):
            continue  # "UK workers to lose jobs", "Tech workers", "Kenyan staff": no one company
        count = int(match.group("n").replace(",", "")) if match.group("n") else None
        found.append(StaffLoss(company, count, match.group(0)))
    return found
