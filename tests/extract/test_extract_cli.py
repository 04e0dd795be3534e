"""`signalwatch extract`: JSON lines or a feed in, one JSON line of events per item out."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from signalwatch.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures" / "news"


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_json_lines_with_bad_lines(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["extract", str(FIXTURES / "items.jsonl")])
    out, err = capsys.readouterr()
    rows = _lines(out)
    assert status == 1
    assert [row["id"] for row in rows] == ["a1", "a2", "a3", 7]
    funding = rows[0]["events"][0]
    assert funding == {
        "type": "funding", "change": "raised", "company_name": "Klarwerk",
        "attributes": {"amount": 8000000.0, "currency": "EUR", "amount_usd": None, "round": "seed",
                       "investors": ["Cherry Ventures"], "lead_investors": ["Cherry Ventures"]},
    }
    assert rows[1]["events"][0]["attributes"] == {"person": "Mark Duffy", "title": "CEO", "function": "executive", "seniority": "c_level"}
    assert rows[2]["events"] == []
    assert rows[3]["events"][0]["attributes"]["amount"] is None
    assert "items.jsonl:5: not valid JSON" in err
    assert "items.jsonl:6: expected a JSON object" in err
    assert 'items.jsonl:7: "title" is missing' in err
    assert "3 bad input line(s) skipped" in err


def test_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    line = json.dumps({"id": "s1", "title": "Ledgerly Appoints Sarah Kim as Chief Revenue Officer", "summary": ""})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode() + b"\n")))
    assert main(["extract"]) == 0
    [row] = _lines(capsys.readouterr().out)
    assert row["id"] == "s1"
    assert row["events"][0]["attributes"]["person"] == "Sarah Kim"


def test_rss_feed_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(FIXTURES / "wire_rss.xml")]) == 0
    rows = _lines(capsys.readouterr().out)
    assert [row["id"] for row in rows] == ["20261123005101", "20261123005202", "20261123005303"]
    funding = rows[0]["events"][0]
    assert funding["company_name"] == "Hexa Freight"
    assert funding["attributes"]["lead_investors"] == ["Bain Capital Ventures"]
    assert funding["attributes"]["investors"] == ["Bain Capital Ventures", "8VC", "Flexport"]
    assert rows[1]["events"][0]["type"] == "leadership"
    assert rows[2]["events"] == []


def test_atom_feed_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(FIXTURES / "press_atom.xml")]) == 0
    rows = _lines(capsys.readouterr().out)
    assert rows[0]["id"] == "https://tech.eu/?p=118204"
    assert rows[0]["events"][0]["company_name"] == "Fluxmotion"
    assert rows[0]["events"][0]["attributes"]["currency"] == "EUR"
    assert rows[1]["events"] == []  # a VC closing its own fund


def test_unreadable_feed_and_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<html><body>502 Bad Gateway</body>")
    assert main(["extract", str(broken)]) == 1
    assert "broken.xml" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_a_reader_that_stops_early_is_not_a_read_error(tmp_path: Path) -> None:
    """`signalwatch extract FILE | head -1`: the closed pipe ends the command quietly (a real process and pipe)."""
    import subprocess

    big = tmp_path / "many.jsonl"
    big.write_text((FIXTURES / "devset.jsonl").read_text(encoding="utf-8") * 4, encoding="utf-8")  # > a pipe's buffer
    process = subprocess.Popen([sys.executable, "-m", "signalwatch", "extract", str(big)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    first = json.loads(process.stdout.readline())
    process.stdout.close()  # as `head -1` does after its line
    err = process.stderr.read()
    assert process.wait(timeout=60) == 0, err
    assert first["id"] and "cannot read" not in err and "Traceback" not in err


def test_an_empty_input_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An empty or blank file printed nothing at all: the user could not tell it from a hang or a crash."""
    empty = tmp_path / "items.jsonl"
    empty.write_text("\n  \n", encoding="utf-8")
    assert main(["extract", str(empty)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and f"no items in {empty}" in err


def test_a_json_lines_file_saved_with_a_bom_keeps_its_first_item(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"  # as Notepad and some exporters save UTF-8
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "title": "Acme raises $5M Series A", "summary": ""}\n')
    assert main(["extract", str(path)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["events"][0]["company_name"] == "Acme"


def test_explain_says_why_an_item_gave_no_event(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A user asking why a headline was missed gets the screen that passed it over, or the readers that ran."""
    path = tmp_path / "items.jsonl"
    path.write_text('{"id": "quiet", "title": "Weather is nice today", "summary": ""}\n'
                    '{"id": "read", "title": "Acme CEO talks strategy", "summary": "Jane Doe, CEO of Acme, spoke at the conference."}\n'
                    '{"id": "found", "title": "Acme raises $5M Series A", "summary": ""}\n', encoding="utf-8")
    assert main(["extract", "--explain", str(path)]) == 0
    quiet, read, found = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert quiet["events"] == [] and quiet["why_none"].startswith("no funding, leadership, acquisition or layoff word")
    assert "leadership patterns matched no clause" in read["why_none"]
    # The detector says what it made of the item, or that training switched it off (signalwatch.extract.train; round 13 ships
    # the funding detector on and the leadership detector off).
    assert any(said in read["why_none"] for said in ("leadership detector: p=", "the leadership detector is off",
                                                     "detectors are switched off"))
    assert found["events"] and "why_none" not in found
    assert main(["extract", str(path)]) == 0
    assert all("why_none" not in json.loads(line) for line in capsys.readouterr().out.splitlines())  # the contract without --explain
