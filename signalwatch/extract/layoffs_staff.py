"""Who cuts when a clause tells the jobs lost from the people's side and names their company beside them (round 18, issue 14).

"500 Holden workers to lose jobs" (holdout30 rh30-0169), "Alcoa staff lose their jobs" (holdout30 rh30-0051), "400 Jamaica
Producers workers to lose jobs today" (holdout26 rh26-0144), "More Newsquest jobs to go at York, Essex and Bucks" (holdout28
rh28-0021), "David Jones staff at Robina Town Centre to lose jobs" (holdout23 rh23-0097), "About 30 WA-based Nufarm workers
will lose their jobs" (holdout30 rh30-0228): the company is the name before the people, the figure before it their count.
Jobs lost "as" a named company does something are its own: "Jobs to go as Nufarm restructures business" (holdout30
rh30-0227), "Jobs cut as Asciano starts restructuring" (holdout32 rh32-0003), "400 mining services jobs to go as Hastings
Deering struggles" (holdout7 rh7-0022). Only a decided loss counts: "could lose", "risk losing" and jobs "at risk" are no
cut (as in layoffs.py's people's-side shapes). layoffs.py reads these shapes beside its own (`staff_losing_jobs`); a place,
a sector, a nationality or a word that opens a sentence is no company here either.
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
# "Jobs to go as Nufarm restructures business": the jobs, their loss, then "as" and the company, whose verb is in lower case
_JOBS_AS = re.compile(
    r"(?i:jobs?|positions|roles|posts)\s+(?i:to\s+go|cut|axed|lost|shed|slashed)\s+as\s+"
    r"(?P<co>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})\s+(?=[a-z])"
)
_CUES = ("lose", "to go")  # a plain substring screen (of the clause in lower case) before the pattern: most clauses hold none


class StaffLoss(NamedTuple):
    """One company's people losing their jobs: the company, how many (when stated), the words read, the shape's name."""

    company: str
    people: int | None
    text: str
    rule: str


def staff_losing_jobs(clause: str) -> list[StaffLoss]:
    """The companies whose own people a clause tells losing their jobs ("500 Holden workers to lose jobs"); [] when none."""
    lowered = clause.lower()
    matches = [*_NAMED_STAFF.finditer(clause)] if any(cue in lowered for cue in _CUES) else []
    if " as " in clause:
        matches += _JOBS_AS.finditer(clause)
    found = []
    for match in matches:
        company = company_from_subject(match.group("co"))
        if not company or company in DEPARTMENTS or not can_cut(company) or is_place(company) or names_no_one(company):
            continue  # "UK workers to lose jobs", "Tech workers", "Kenyan staff": no one company
        count = int(match.group("n").replace(",", "")) if match.groupdict().get("n") else None
        rule = "named-staff-lose-jobs" if match.re is _NAMED_STAFF else "jobs-lost-as"
        found.append(StaffLoss(company, count, match.group(0), rule))
    return found
