"""Title classification against a table of real-world title spellings (tests/hiring/titles.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalwatch.titles import FUNCTIONS, SENIORITIES, TitleClass, classify_title, normalize_title

TABLE = Path(__file__).with_name("titles.txt")


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            title, function, seniority = (part.strip() for part in line.split("|"))
            rows.append((title, function, seniority))
    return rows


ROWS = _rows()


def test_table_is_large_and_covers_every_function_and_level() -> None:
    assert len(ROWS) >= 200
    assert {row[1] for row in ROWS} == set(FUNCTIONS)
    assert {row[2] for row in ROWS} == set(SENIORITIES)


@pytest.mark.parametrize(("title", "function", "seniority"), ROWS, ids=[row[0] for row in ROWS])
def test_title_is_classified_as_a_sales_team_reads_it(title: str, function: str, seniority: str) -> None:
    result = classify_title(title)
    assert (result.function, result.seniority) == (function, seniority)


def test_abbreviations_and_punctuation_are_normalized() -> None:
    assert normalize_title("Sr. AE – EMEA") == "senior account executive emea"
    assert normalize_title("VP, GTM Operations") == "vice president go to market operations"
    assert normalize_title("Vertriebsmitarbeiter (m/w/d)") == "vertriebsmitarbeiter"


def test_department_decides_only_when_the_title_is_vague() -> None:
    assert classify_title("Team Member", department="Customer Success").function == "customer_success"
    assert classify_title("Account Executive", department="Engineering").function == "sales"
    assert classify_title("Team Member").function == "other"


# Titles as the labelled real news sets write them (99 items say "chief executive", 7 "chief exec"): a rule
# on c_level seniority must fire for a new chief executive as it does for a new CEO.
@pytest.mark.parametrize("title", ["chief executive", "Chief Executive", "chief exec", "interim chief executive",
                                   "group chief executive", "chief executive and managing director"])
def test_a_chief_executive_without_officer_is_the_ceo(title: str) -> None:
    assert classify_title(title) == TitleClass("executive", "c_level")
    assert classify_title(title, officer=True) == TitleClass("executive", "c_level")


def test_the_chief_executives_assistant_is_not_an_executive() -> None:
    assert classify_title("Executive Assistant to the Chief Executive").seniority == "ic"
