""""Hundreds of jobs", "thousands", "dozens" are a cut with no count (LABELLING.md: only a stated figure is a count).

A figure the item does state still counts beside the vague word ("hundreds of jobs" over "about 200 people").
"""

from __future__ import annotations

import pytest

from signalwatch.extract.news import extract_news


def _layoffs(title: str, summary: str = "") -> list[tuple[str | None, int | None, float | None]]:
    return [(e.company_name, e.attributes["count"], e.attributes["percentage"]) for e in extract_news(title, summary)
            if e.type.value == "layoffs"]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Acme cuts Hundreds of jobs", ""),
        ("Acme to axe thousands of jobs", ""),
        ("Acme lays off dozens of workers", ""),
        ("Acme to shed tens of thousands of staff", ""),
        ("Acme Lays Off Hundreds", ""),
        ("Acme announces layoffs", "The company will cut hundreds more jobs."),
        ("Acme announces layoffs", "Hundreds of employees will be affected."),
        ("Acme to cut hundreds of jobs", "The company employs 2,000 people."),  # the whole staff, not the cut
    ],
)
def test_a_vague_quantity_is_a_cut_without_a_count(title: str, summary: str) -> None:
    assert _layoffs(title, summary) == [("Acme", None, None)]


def test_a_stated_figure_beside_a_vague_one_is_the_count() -> None:
    assert _layoffs("Acme to slash hundreds of jobs", "About 200 people will be affected.") == [("Acme", 200, None)]
    assert _layoffs("Acme to lay off hundreds, 2 percent of staff") == [("Acme", None, 2.0)]
