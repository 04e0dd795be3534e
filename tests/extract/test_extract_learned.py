"""The learned detector (signalwatch/extract/learned.py): deterministic fitting, lazy loading, explanations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from signalwatch.extract import learned
from signalwatch.extract.learned import TASKS, WEIGHTS_PATH, Model, detect, features, fit, load_model
from signalwatch.extract.news import extract_with

EXAMPLES = [
    features("Acme raises $5M seed round", ""), features("Beta lands $20M Series A", ""), features("Gamma secures funding", ""),
    features("Weather is nice today", ""), features("Stocks fall on Monday", ""), features("Delta prices its IPO", ""),
]
LABELS = [1, 1, 1, 0, 0, 0]


def test_fitting_is_deterministic() -> None:
    first = fit(EXAMPLES, LABELS, TASKS["funding"], min_count=1, epochs=50)
    second = fit(list(EXAMPLES), list(LABELS), TASKS["funding"], min_count=1, epochs=50)
    assert first.to_json() == second.to_json()
    assert first.probabilities(features("Zeta raises $9M seed round", ""))[1] > 0.5
    assert first.probabilities(features("Rain falls on Monday", ""))[1] < 0.5


def test_weights_round_trip_through_json() -> None:
    model = fit(EXAMPLES, LABELS, TASKS["funding"], min_count=1, epochs=20)
    again = Model.from_json(json.loads(json.dumps(model.to_json())))
    feats = features("Acme raises $5M seed round", "")
    assert abs(again.probabilities(feats)[1] - model.probabilities(feats)[1]) < 1e-3


def test_the_shipped_weights_load_and_are_small() -> None:
    assert WEIGHTS_PATH.stat().st_size < 300_000
    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(shipped["models"]) == set(TASKS)
    assert all(shipped["models"][task]["classes"] == list(classes) for task, classes in TASKS.items())
    models = load_model()
    # Switched off by training when no task gained enough on the left-out sets: patterns alone decide.
    assert (models is not None) == shipped["enabled"]


def test_the_model_is_not_loaded_at_import() -> None:
    code = "import signalwatch.extract, signalwatch.extract.learned as l; print(l.load_model.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "0"


def test_explain_lists_probability_and_top_features() -> None:
    model = Model(TASKS["leadership"], [0.0, -2.0, -2.0], {"#title": [0.0, 3.0, 0.5], "h:new": [0.0, 1.0, -1.0]}, threshold=0.5)
    detection = detect(model, "leadership", ["#title", "h:new", "h:unknown"])
    assert detection is not None and detection.label == "appointed"
    explained = detection.explain()
    assert explained["probability"] > 0.5
    assert [f["feature"] for f in explained["top_features"]] == ["#title", "h:new"]


def test_a_detection_needs_its_slots() -> None:
    always = {task: Model(classes, [-5.0] + [5.0] * (len(classes) - 1), {}, threshold=0.5) for task, classes in TASKS.items()}
    assert extract_with("why the weather is nice today", "", always) == []  # no company, no person: nothing is emitted
    # A person the item does not tie to a title or a change is no slot: a wrong person is worse than none.
    untied = extract_with("Irishwoman is new Xilinx CIO", "Jane Murphy, who used to work at Digital in Galway, was there.", always)
    assert [e for e in untied if e.type.value == "leadership"] == []
    found = extract_with("Irishwoman is new Xilinx CIO", "CIO Jane Murphy will join from Digital in Galway.",
                         always)
    found = [e for e in found if e.type.value == "leadership"]
    assert [(e.company_name, e.attributes["person"]) for e in found] == [("Xilinx", "Jane Murphy")]
    assert found[0].model is not None and found[0].why.startswith("model.leadership")


def test_patterns_come_first() -> None:
    always = {task: Model(classes, [-5.0] + [5.0] * (len(classes) - 1), {}, threshold=0.5) for task, classes in TASKS.items()}
    found = extract_with("Acme raises $5M Series A", "", always)
    assert len(found) == 1 and found[0].model is None


@pytest.mark.skipif(not os.environ.get("SIGNALWATCH_SLOW_TESTS"), reason="a full training run (leave-one-set-out over every spent set) "
                    "and the token tagger's six fold fits takes about 7 minutes on an idle machine: SIGNALWATCH_SLOW_TESTS=1 runs it "
                    "(do, after changing the extractor or the corpus)")
@pytest.mark.timeout(1800)
def test_training_writes_the_same_file(tmp_path: Path) -> None:
    """`python -m signalwatch.extract.train` rebuilds the shipped weights exactly (run it again after the patterns change),
    the token tagger's too (learned_tagger.py)."""
    from signalwatch.extract.learned_tagger import TAGGER_PATH

    out, tagger = tmp_path / "weights.json", tmp_path / "tagger.json"
    subprocess.run([sys.executable, "-m", "signalwatch.extract.train", "--output", str(out), "--tagger-output", str(tagger)],
                   capture_output=True, check=True, timeout=1750)
    assert out.read_text(encoding="utf-8") == WEIGHTS_PATH.read_text(encoding="utf-8")
    assert tagger.read_text(encoding="utf-8") == TAGGER_PATH.read_text(encoding="utf-8")
    assert learned.WEIGHTS_PATH.name == "model_weights.json"


def test_cli_explain_shows_the_model(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from signalwatch.cli import extract as cli

    always = {task: Model(classes, [-5.0] + [5.0] * (len(classes) - 1), {"#title": [0.0] + [1.0] * (len(classes) - 1)}, threshold=0.5)
              for task, classes in TASKS.items()}
    monkeypatch.setattr(learned, "load_model", lambda: always)
    monkeypatch.setattr("signalwatch.extract.news.load_model", lambda: always)
    item = tmp_path / "items.jsonl"
    item.write_text(json.dumps({"id": "1", "title": "Irishwoman is new Xilinx CIO", "summary": "Jane Murphy joins."}) + "\n")
    assert cli._extract_stream(item.open("rb"), str(item), explain=True) == 0
    event = next(e for e in json.loads(capsys.readouterr().out)["events"] if e["type"] == "leadership")
    assert event["model"]["probability"] > 0.9 and event["model"]["top_features"][0]["feature"] == "#title"


# Round 9: slot-filling shapes chosen from the detector's left-out misses across the pooled sets (each test sentence is
# verbatim from a spent set; the set and item id are in the comment). Slot filling is driven directly by a model that
# always fires, so what is tested is the event a detection becomes, whatever the patterns of the moment find first.
ALWAYS = {task: Model(classes, [-5.0] + [5.0] * (len(classes) - 1), {}, threshold=0.5) for task, classes in TASKS.items()}


def _events(title: str, summary: str = "") -> list[tuple[str, str, str | None, object]]:
    return [(e.type.value, e.change, e.company_name, e.attributes.get("person") or e.attributes.get("amount"))
            for e in learned.model_events(title, summary, ALWAYS)]


@pytest.mark.parametrize(("title", "summary", "company"), [
    # holdout14 rh14-0122 and holdout13 rh13-0074: "Labs", "Capital" make a two-word name a company's, not a person's
    ("Salt Labs raises $10M to gamify contract work", "Salt Labs, a rewards platform for hourly workers, today emerged from stealth "
     "with $10 million in pre-seed funding led by Fin Capital with participation from Anthem Venture Partners and others.", "Salt Labs"),
    ("Start-up SME bank Judo Capital raises $140 million", "Judo Capital, the \"challenger bank\" co-founded by former National "
     "Australia Bank business banking head Joseph Healy, has raised $140 million of equity.", "Judo Capital"),
])
def test_a_company_word_makes_a_two_word_name_a_company(title: str, summary: str, company: str) -> None:
    assert [(kind, name) for kind, _, name, _ in _events(title, summary)] == [("funding", company)]


def test_a_fronted_clause_is_no_subject() -> None:
    # holdout15 rh15-0161: the subject follows the fronted clause ("Promoting" was the company)
    assert _events("Promoting fairness and sustainability in the electronics industry, Fairphone rings up €49 million",
                   "Amsterdam-based sustainable smartphone company Fairphone has raised €49 million in a new funding round led by new "
                   "investor Invest-NL.") == [("funding", "raised", "Fairphone", 49_000_000.0)]
    # holdout8 rh8-0144: "Unable" was the company; with the clause set aside no subject is found, and no event is better than a wrong one
    assert [name for _, _, name, _ in _events("Unable to pay salaries, Dunzo in 'talks' to raise up to $100 mn", "")] != ["Unable"]


def test_the_standfirst_first_sentence_states_the_raise() -> None:
    # holdout14 rh14-0258: the headline speaks of a person; the summary's sentence states the round
    assert _events("Glen Tullman does it again", "Health tech veteran Glen Tullman keeps spawning unicorns. 🦄 Transcarent, a "
                   "consumer-directed health care navigation company launched and led by Tullman, raised $200 million in a Series C round."
                   ) == [("funding", "raised", "Transcarent", 200_000_000.0)]
    # hand-written corner case: a raise told as background ("which raised") is not the news
    assert _events("Ledgerly launches AI agent", "Ledgerly, which raised $20 million last year, launched an agent for bookkeepers.") == []


@pytest.mark.parametrize(("title", "summary", "expected"), [
    # holdout13 rh13-0085: "X says he will step down"
    ("Spierings stands down from CEO role", "Fonterra chief executive Theo Spierings says he will step down but has not named a date.",
     ("leadership", "departed", "Fonterra", "Theo Spierings")),
    # holdout6 rh6-0070: "X, co-CEO of Y, announced his departure"
    ("Daniel Clough, co-CEO of Bossa Studios, announced his departure from the company via LinkedIn.",
     "He joined Bossa in 2018 as general manager and became co-CEO in January 2021.", ("leadership", "departed", "Bossa Studios", "Daniel Clough")),
    # holdout5 rh5-0081: a parenthesis between the subject and its verb ("Rio Tinto PLC (LON:RIO) has named")
    ("Rio Tinto PLC (LON:RIO) has named Jakob Stausholm as the mining major’s new chief executive, effective January 1 2021.", "",
     ("leadership", "appointed", "Rio Tinto PLC", "Jakob Stausholm")),
    # holdout12 rh12-0118: the headline's subject is "GSK shake-up"; the summary's clause names the company ("GSK's ... head")
    ("GSK shake-up has R&D head John Lepore out the door", "GSK's senior vice president and head of research John Lepore, M.D., has left "
     "the Big Pharma.", ("leadership", "departed", "GSK", "John Lepore")),
])
def test_leadership_clause_shapes(title: str, summary: str, expected: tuple[str, str, str, str]) -> None:
    assert _events(title, summary) == [expected]


def test_a_change_in_a_clause_of_time_is_background() -> None:
    # holdout13 rh13-0243: "after founder Adam Neumann stepped down" tells background; he is not the person of the news
    found = _events("Softbank COO Marcelo Claure, Right-Hand Man to Masa Son, Is Leaving the Company, Sources Say",
                    "SoftBank COO Marcelo Claure is preparing to resign from the Japanese tech conglomerate as soon as Thursday, sources say. "
                    "Claure took over running WeWork after founder Adam Neumann stepped down.")
    assert "Adam Neumann" not in [person for _, _, _, person in found]


def test_a_public_agency_is_never_the_detectors_company() -> None:
    # train2 rt-0075 (a negative): the patterns refuse "FDA" as a company; the detector's slots read the same
    # public-office words (they once reached them through a late getattr that fell back to nothing)
    assert _events("FDA chief Scott Gottlieb steps down", "Scott Gottlieb, M.D., will resign as commissioner next month.") == []
