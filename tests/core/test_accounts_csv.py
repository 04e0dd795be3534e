"""CSV import: bad rows are reported by line and skipped, good rows are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalwatch.accounts.csv_import import read_accounts_csv
from signalwatch.cli import main
from signalwatch.cli.core import write_starter

HEADER = "name,domain,aliases,industry,employees,revenue,country,owner_email,owner_slack_id,tags,crm_id,boards\n"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "accounts.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_bad_rows_are_reported_by_line_and_good_rows_kept(tmp_path: Path) -> None:
    path = write(tmp_path, (
        "Acme,https://www.Acme.example/about,Acme Inc;ACME,Software,\"1,200\",12M,us,a@b.example,U01ABCDEF1,Strategic,crm-1,greenhouse:acme\n"
        ",nameless.example,,,,,,,,,,\n"
        "Globex,globex.example,,,many,,,,,,,\n"
        "Initech,initech.example,,,,,,not-an-email,,,,\n"
        "Acme again,acme.example,,,,,,,,,,\n"
        "Hooli,hooli.example,,,,,,,,,,lever\n"
        "Vandelay,vandelay.example,,,,,,,,,,\n"
    ))
    accounts, issues = read_accounts_csv(path)
    assert [a.name for a in accounts] == ["Acme", "Vandelay"]
    acme = accounts[0]
    assert (acme.domain, acme.employees, acme.revenue, acme.country) == ("acme.example", 1200, 12e6, "US")
    assert acme.aliases == ("Acme Inc", "ACME") and acme.tags == ("strategic",) and acme.boards == ("greenhouse:acme",)
    assert [(i.line, i.message.split(" ")[0]) for i in issues] == [
        (3, "name"), (4, "employees"), (5, "owner_email"), (6, "duplicate"), (7, "board")]
    assert all(str(i).startswith(f"{path}:") for i in issues)


def test_a_board_of_an_unknown_provider_or_a_board_in_the_crm_id_column_rejects_the_row(tmp_path: Path) -> None:
    path = write(tmp_path, (
        "Acme,acme.example,,,,,,,,,,greenhose:acme\n"
        "Globex,globex.example,,,,,,,,,lever:globex,\n"
        "Initech,initech.example,,,,,,,,,0061x00000AbCdE,ashby:initech;workable:initech\n"
    ))
    accounts, issues = read_accounts_csv(path, {"greenhouse", "lever", "ashby", "workable"})
    assert [a.name for a in accounts] == ["Initech"] and accounts[0].crm_id == "0061x00000AbCdE"
    assert [(i.line, i.message) for i in issues] == [
        (2, "board 'greenhose:acme': unknown provider 'greenhose' (did you mean 'greenhouse'?)"),
        (3, "crm_id 'lever:globex' looks like a job board: put it in the boards column"),
    ]
    assert len(read_accounts_csv(path)[0]) == 3  # without the providers, only the shape is checked


def test_an_unknown_column_is_rejected_with_a_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path, "Acme,acme.example\n", header="name,domian\n")
    accounts, issues = read_accounts_csv(path)
    assert accounts == [] and str(issues[0]).endswith("unknown column 'domian' (did you mean 'domain'?)")


def test_the_import_command_keeps_good_rows_and_exits_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    path = write(tmp_path, "Acme,acme.example,,software,300,,US,,,,,\nBroken,,,,lots,,,,,,,\n")
    config = str(tmp_path / "signalwatch.yaml")
    assert main(["-c", config, "accounts", "import", str(path)]) == 1
    out = capsys.readouterr()
    assert f"{path}:3: employees 'lots' is not a number" in out.err
    assert "imported 1 accounts (1 new, 0 updated); 1 rows rejected" in out.out
    assert main(["-c", config, "accounts", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Acme" in listing and " A " in listing and "Broken" not in listing



def test_a_rejected_file_is_not_counted_as_a_rejected_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file or a semicolon-separated header said "1 rows rejected", as if one row of a read file were bad."""
    write_starter(tmp_path)
    config = str(tmp_path / "signalwatch.yaml")
    assert main(["-c", config, "accounts", "import", str(tmp_path / "missing.csv")]) == 1
    assert "the file was rejected (1 problem(s) above); nothing imported" in capsys.readouterr().out
    semicolons = tmp_path / "excel.csv"
    semicolons.write_text("name;domain\nAcme;acme.example\n", encoding="utf-8")
    assert main(["-c", config, "accounts", "import", str(semicolons)]) == 1
    out = capsys.readouterr()
    assert "separated by ';'" in out.err and "the file was rejected" in out.out and "rows rejected" not in out.out

def test_a_windows_1252_file_imports_with_a_warning_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    path = tmp_path / "accounts.csv"
    path.write_bytes((HEADER + "Nestlé,nestle.example,,,,,CH,,,,,\nØrsted,orsted.example,,,,,DK,,,,,\n").encode("cp1252"))
    code = main(["-c", str(tmp_path / "signalwatch.yaml"), "accounts", "import", str(path)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert f"{path}:2: warning: not UTF-8 (byte 0xe9); read as Windows-1252" in captured.err
    assert "imported 2 accounts (2 new, 0 updated); 0 rows rejected" in captured.out
    main(["-c", str(tmp_path / "signalwatch.yaml"), "accounts", "list"])
    assert "Nestlé" in capsys.readouterr().out  # the accent survived, read in the file's real encoding


def test_namesakes_with_different_domains_stay_two_accounts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    path = write(tmp_path, "Delta,delta.com,,airlines,,,US,,,,,\nDelta,deltaelectronics.com,,electronics,,,TW,,,,,\n")
    assert main(["-c", str(tmp_path / "signalwatch.yaml"), "accounts", "import", str(path)]) == 0
    assert "imported 2 accounts (2 new, 0 updated)" in capsys.readouterr().out
    again = write(tmp_path, "Delta,delta.com,,airlines,,,US,,,,,\nDelta,deltaelectronics.com,,electronics,,,TW,,,,,\n")
    assert main(["-c", str(tmp_path / "signalwatch.yaml"), "accounts", "import", str(again)]) == 0
    assert "(0 new, 2 updated)" in capsys.readouterr().out  # re-importing matches each by its domain


def test_a_nul_byte_rejects_its_row(tmp_path: Path) -> None:
    path = write(tmp_path, "Acme,acme.example,,,,,,,,,,\nBad\x00Row,bad.example,,,,,,,,,,\nGlobex,globex.example,,,,,,,,,,\n")
    accounts, issues = read_accounts_csv(path)
    assert [a.name for a in accounts] == ["Acme", "Globex"]
    assert [(i.line, "NUL" in i.message) for i in issues] == [(3, True)]


def test_crm_number_formats_utf16_and_tab_files(tmp_path: Path) -> None:
    """A CRM's or spreadsheet's ways of writing numbers keep the row; a UTF-16 file is read; a tab-separated one is named."""
    path = tmp_path / "accounts.csv"
    path.write_text("name,employees,revenue\nAcme,\"1,001-5,000\",\"€45,000,000\"\nGlobex,80,USD 50000000\nInitech,12,8.000.000\n",
                    encoding="utf-16")
    accounts, issues = read_accounts_csv(path)
    assert [(a.name, a.employees, a.revenue) for a in accounts] == [("Acme", 1001, 45e6), ("Globex", 80, 50e6), ("Initech", 12, 8e6)]
    assert issues == []
    path.write_text("name\tdomain\nAcme\tacme.example\n", encoding="utf-8")
    accounts, issues = read_accounts_csv(path)
    assert accounts == [] and "separated by tabs" in issues[0].message


def test_an_excel_workbook_is_named_as_one(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "accounts.xlsx"
    with zipfile.ZipFile(path, "w") as book:  # the container every .xlsx is
        book.writestr("[Content_Types].xml", "<Types/>")
    accounts, issues = read_accounts_csv(path)
    assert accounts == [] and [issue.message for issue in issues] == [
        "a spreadsheet workbook (.xlsx/.ods), not CSV: save it as 'CSV UTF-8' and import that"]
