"""The learned token tagger (signalwatch/extract/learned_tagger.py, train_tagger.py): projection, decoding, refusal, explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signalwatch.extract import learned
from signalwatch.extract.learned import TASKS, Detection, Model
from signalwatch.extract.learned_slots import SLOT_FILLERS
from signalwatch.extract.learned_tagger import TAGS, Tagger, fill_company, viterbi
from signalwatch.extract.news import extract_with, pattern_events
from signalwatch.extract.train_tagger import Example, fit_tagger, project

T = {tag: i for i, tag in enumerate(TAGS)}
ZERO = [0.0] * len(TAGS)


def _row(**tags: float) -> list[float]:
    row = list(ZERO)
    for tag, weight in tags.items():
        row[T[tag.replace("_", "-")]] = weight
    return row


def _tagger(uses: dict[str, dict[str, object]] | None = None) -> Tagger:
    """A hand-set tagger: "Acme Robotics" is a company (12 over "O"), a first-and-last-name pair a person."""
    transitions = [list(ZERO) for _ in range(len(TAGS) + 1)]
    transitions[T["B-PER"]][T["I-PER"]] = 1.0
    weights = {"l=acme": _row(B_CO=6.0), "l=robotics": _row(I_CO=6.0), "pair": _row(B_PER=3.0, I_PER=3.0)}
    return Tagger(weights, transitions, uses or {})


def test_a_gold_string_projects_onto_every_place_it_stands() -> None:
    tags, found = project(["Acme Robotics names Jane Doe CEO", "Jane Doe joins Acme Robotics from Initech."],
                          {"company": ["Acme Robotics"], "person": ["Jane Doe"], "title": ["CEO"]})
    assert tags[0] == [T["B-CO"], T["I-CO"], T["O"], T["B-PER"], T["I-PER"], T["B-TTL"]]
    assert tags[1] == [T["B-PER"], T["I-PER"], T["O"], T["B-CO"], T["I-CO"], T["O"], T["O"], T["O"]]
    assert found == {("company", "Acme Robotics"), ("person", "Jane Doe"), ("title", "CEO")}


def test_a_gold_string_the_text_does_not_spell_does_not_project() -> None:
    tags, found = project(["Magenta nabs more cash"], {"company": ["Pink Therapeutics"], "title": ["chief executive officer"]})
    assert tags == [[T["O"]] * 4] and found == set()
    # A company projects by its normalised name ("Whoop Inc." is "Whoop"), a possessive stays outside it.
    tags, found = project(["Whoop Inc.'s new round"], {"company": ["Whoop"]})
    assert tags[0][:2] == [T["B-CO"], T["I-CO"]] and T["B-CO"] not in tags[0][2:] and found == {("company", "Whoop")}


def test_viterbi_keeps_bio_order_on_a_hand_set_table() -> None:
    transitions = [list(ZERO) for _ in range(len(TAGS) + 1)]
    # Token 0 prefers "O" (5), token 1 "I-CO" (10): an "I-" tag may not follow "O", so the span starts at token 0.
    emissions = [_row(O=5.0, B_CO=0.0), _row(O=0.0, B_CO=1.0, I_CO=10.0)]
    assert viterbi(emissions, transitions) == ([T["B-CO"], T["I-CO"]], 10.0)
    # Banning token 1's "I-CO" (the constrained path behind a margin): the best path left is "O B-CO".
    assert viterbi(emissions, transitions, frozenset({(1, T["I-CO"])})) == ([T["O"], T["B-CO"]], 6.0)


def test_the_perceptron_learns_a_tiny_set_deterministically() -> None:
    from signalwatch.extract.learned_tagger import token_features, tokenize

    def example(key: str, text: str, company: str) -> Example:
        tags, _ = project([text], {"company": [company]})
        return Example(key, [(token_features(text, tokenize(text), "h", "funding"), tags[0])])

    examples = [example("1", "Acme raises $5M", "Acme"), example("2", "Initech raises $9M", "Initech"), example("3", "Globex lands $2M", "Globex")]
    first, second = fit_tagger(examples, epochs=5, min_count=1, prune=0.0), fit_tagger(list(examples), epochs=5, min_count=1, prune=0.0)
    assert first.to_json() == second.to_json()
    spans = first.spans("Hooli raises $7M", "", "funding")
    assert [(span.role, span.text) for span in spans] == [("company", "Hooli")]


HEADLINE, SUMMARY = "Jane Doe resigns as CEO", "The chief executive leaves after ten years at Acme Robotics."


def test_the_patterns_read_this_change_without_a_company() -> None:
    assert [(e.change, e.company_name, e.attributes["person"]) for e in pattern_events(HEADLINE, SUMMARY)] == [("departed", None, "Jane Doe")]
    assert extract_with(HEADLINE, SUMMARY, {}) == []  # dropped when no tagger names the company


def test_the_fill_refuses_when_the_tagger_is_unsure() -> None:
    event = pattern_events(HEADLINE, SUMMARY)[0]
    # The margin: 12 for the company path over 7 for the next best reading ("Acme Robotics" as a first-and-last-name pair, 3 + 3 + 1).
    refused, span = fill_company(event, HEADLINE, SUMMARY, _tagger(), margin=5.5)
    assert refused is None and span is not None and span.text == "Acme Robotics" and span.margin == pytest.approx(5.0)
    filled, _ = fill_company(event, HEADLINE, SUMMARY, _tagger(), margin=5.0)
    assert filled is not None and filled.company_name == "Acme Robotics" and filled.attributes["person"] == "Jane Doe"
    # Through the extractor: the use "fill" at its refusal margin names the company, or drops the change.
    assert [e.company_name for e in extract_with(HEADLINE, SUMMARY, {}, _tagger({"fill": {"margin": 5.0}}))] == ["Acme Robotics"]
    assert extract_with(HEADLINE, SUMMARY, {}, _tagger({"fill": {"margin": 5.5}})) == []


def test_cli_explain_names_the_tagger_and_its_features(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from signalwatch.cli import extract as cli

    monkeypatch.setattr("signalwatch.extract.news.load_tagger", lambda: _tagger({"fill": {"margin": 4.0}}))
    item = tmp_path / "items.jsonl"
    item.write_text(json.dumps({"id": "1", "title": HEADLINE, "summary": SUMMARY}) + "\n")
    assert cli._extract_stream(item.open("rb"), str(item), explain=True) == 0
    event = json.loads(capsys.readouterr().out)["events"][0]
    assert event["company_name"] == "Acme Robotics" and "company by tagger 'Acme Robotics'" in event["why"]
    assert [f["feature"] for f in event["model"]["tagger"][0]["top_features"]] == ["l=acme", "l=robotics"]


def test_the_tagger_fills_a_detected_change_in_its_mode() -> None:
    always = {task: Model(classes, [-5.0] + [5.0] * (len(classes) - 1), {}, threshold=0.5) for task, classes in TASKS.items()}
    headline, summary = "Jane Doe out at Acme Robotics after a decade", ""
    tagger = _tagger({"leadership": {"mode": "replace", "margin": 4.0, "threshold": 0.5}})
    found = [e for e in learned.model_events(headline, summary, always, tagger=tagger) if e.type.value == "leadership"]
    assert [(e.change, e.company_name, e.attributes["person"]) for e in found] == [("departed", "Acme Robotics", "Jane Doe")]
    assert "person by tagger 'Jane Doe'" in found[0].why and found[0].model is not None and "tagger" in found[0].model


def test_the_shipped_tagger_file_is_small_and_loads_as_trained() -> None:
    from signalwatch.extract.learned_tagger import TAGGER_PATH, load_tagger

    assert TAGGER_PATH.stat().st_size < 2_000_000  # a few MB at most (issue 14); weights only when a use is switched on
    shipped = json.loads(TAGGER_PATH.read_text(encoding="utf-8"))
    tagger = load_tagger()
    assert (tagger is not None) == bool(shipped["uses"])
    if tagger is None:
        assert "weights" not in shipped  # switched off by training: nothing to ship but the figures


@pytest.mark.parametrize(
    ("headline", "summary", "found"),
    [
        # The money is the standfirst's background: a learned company must not turn a shutdown into a round.
        ("Glide Freight shuts down after failing to raise Series B", "The company had raised $40 million from investors including Accel.",
         None),
        # The standfirst states the raise itself: the learned company is taken.
        ("Glide Freight lands Series B", "Glide Freight raised $40 million from investors including Accel.", "Glide Freight"),
    ],
)
def test_a_learned_company_needs_the_money_stated_as_news(headline: str, summary: str, found: str | None) -> None:
    event = SLOT_FILLERS["funding"](headline, summary, Detection("funding", "funding", 0.95), lambda heuristic: "Glide Freight")
    assert (event.company_name if event is not None else None) == found
