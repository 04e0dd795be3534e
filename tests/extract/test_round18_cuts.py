"""Layoffs, issue 14 round 18: a recall class chosen from the unreached layoffs labels of the 36 spent sets, by shape.

The company named as the people who lose their jobs ("500 Holden workers to lose jobs"): unreached in holdout23, 26, 28
and 30 before this round (layoffs_staff.py). Every text is verbatim from a spent labelled set (the set and item id are in
the comment before it); each positive case found no layoffs event before this round. The refusal cases guard what the
shape must still not read.
"""

from __future__ import annotations

import pytest

from signalwatch.events import EventType
from signalwatch.extract import Extraction, extract_news
from signalwatch.extract.layoffs_staff import staff_losing_jobs


def _cuts(title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_news(title, summary) if e.type == EventType.LAYOFFS]


_NAMED_STAFF = [
    # holdout30 rh30-0169
    pytest.param("500 Holden workers to lose jobs",
                 "400 workers at Holden’s Elizabeth plant in SA are to lose their jobs. In addition, a further 100 jobs at the"
                 " company’s Victorian plant have also been made redundant.",
                 ("Holden", 500), id="rh30-0169"),
    # holdout30 rh30-0051
    pytest.param("Alcoa staff lose their jobs",
                 "ALCOA last week announced it will close Australia's largest aluminium mill and recycling plant in Yennora. At least"
                 " 180 jobs will be lost when the plant shuts its doors at the end of the year.",
                 ("Alcoa", None), id="rh30-0051"),
    # holdout28 rh28-0021: "More <company> jobs to go"
    pytest.param("More Newsquest jobs to go at York, Essex and Bucks",
                 "Newsquest is to make redundancies at three of its regional newspaper centres across the country.",
                 ("Newsquest", None), id="rh28-0021"),
    # holdout23 rh23-0097: the site between the people and the loss
    pytest.param("David Jones staff at Robina Town Centre to lose jobs as retailer slashes jobs across Australia",
                 "Gold Coast workers are among those set to lose their jobs as department store David Jones slashes 120 staffers"
                 " nationwide.",
                 ("David Jones", None), id="rh23-0097"),
]


@pytest.mark.parametrize(("title", "summary", "want"), _NAMED_STAFF)
def test_the_company_named_as_the_people_losing_their_jobs_is_the_one_cutting(title: str, summary: str,
                                                                               want: tuple[str, int | None]) -> None:
    cuts = _cuts(title, summary)
    assert [(c.company_name, c.attributes["count"]) for c in cuts] == [want]
    assert "layoffs.named-staff-lose-jobs (headline)" in cuts[0].why


def test_the_company_after_where_its_people_work_is_the_one_cutting() -> None:
    # holdout30 rh30-0228: "WA-based" tells where the workers are; before this round the cut went to "WA"
    cuts = _cuts("30 WA jobs lost in Nufarm restructure",
                 "About 30 WA-based Nufarm workers will lose their jobs over the next two-years as part of a broad-based"
                 " restructure of the agricultural chemicals supplier.")
    assert [(c.company_name, c.attributes["count"]) for c in cuts] == [("Nufarm", 30)]


@pytest.mark.parametrize("clause", [
    "Gold Coast workers are among those set to lose their jobs",  # holdout23 rh23-0097: a place, and "among those"
    "Tech workers risk losing their jobs as investment slows",  # holdout35 rh35-0220: a sector, and only a risk
    "UK workers to lose jobs",  # a country
    "Kenyan workers lose jobs",  # a nationality
    "Thousands of Boeing workers could lose their jobs",  # a risk, not a decided cut
])
def test_people_of_a_place_a_sector_or_at_risk_are_no_company_cutting(clause: str) -> None:
    assert staff_losing_jobs(clause) == []
