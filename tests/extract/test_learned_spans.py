"""The learned slot scorer (signalwatch/extract/learned_spans.py): candidate spans, their features, choice and refusal."""

from __future__ import annotations

import json
import subprocess
import sys

from signalwatch.extract import learned
from signalwatch.extract.learned import TASKS, Model
from signalwatch.extract.learned_spans import CLASSES, MODES, Picker, Scorer, candidates, choose, load_spans, same_slot

# A scorer written by hand: the headline's opening name with a verb after it is the company; a name after "by" gives the money.
SUBJECT = Model(CLASSES, [0.0, -2.0], {"h:start": [0.0, 2.5], "h:next-verb": [0.0, 1.5], "s:prev=by": [0.0, -3.0],
                                      "co-word": [0.0, 0.5], "person": [0.0, -2.0]}, threshold=0.6)


def _spans(headline: str, body: str, role: str = "funding.company", heuristic: str | None = None) -> dict[str, tuple[str, ...]]:
    return {span.text: span.feats for span in candidates(headline, body, role, heuristic)}


def test_candidates_are_the_names_with_where_they_stand() -> None:
    spans = _spans("Salt Labs raises $10M to gamify contract work",
                   "The round was led by Fin Capital, with Anthem Venture Partners; Salt Labs said it will hire.")
    assert {"Salt Labs", "Fin Capital", "Anthem Venture Partners"} <= set(spans)
    salt = spans["Salt Labs"]
    assert {"h:start", "h:next=raises", "h:next-verb", "h:money-verb-after", "h:money-after", "co-word", "w=2", "both"} <= set(salt)
    assert {"s:prev=by", "s:prev2=led by"} <= set(spans["Fin Capital"])  # the investor side
    assert "h:start" not in spans["Fin Capital"] and "both" not in spans["Fin Capital"]


def test_a_described_name_is_also_offered_without_its_description() -> None:
    spans = _spans("Berkshire-backed Snowflake lands $100M", "")
    assert "cut" in spans["Snowflake"] and "cut" not in spans["Berkshire-backed Snowflake"]


def test_person_features_for_the_leadership_roles() -> None:
    spans = _spans("Acme names Jane Doe chief executive", "", role="leadership.person", heuristic="Jane Doe")
    jane = spans["Jane Doe"]
    assert {"person", "h:prev=names", "h:next=<title>", "h:tied", "h:stated", "heur"} <= set(jane)
    assert "h:tied" not in spans["Acme"]


def test_the_best_span_is_chosen_and_a_weak_one_refused() -> None:
    choice = choose(SUBJECT, candidates("Salt Labs raises $10M", "The round was led by Fin Capital.", "funding.company"))
    assert choice.text == "Salt Labs" and choice.probability > 0.9
    assert [feat for feat, _ in choice.top][:2] == ["h:start", "h:next-verb"]
    assert "span.funding.company 'Salt Labs'" in choice.explain("funding.company")
    # Nothing opens the headline with a verb after it: the best span stays below the threshold and is refused.
    refused = choose(SUBJECT, candidates("Why funding is hard for Salt Labs", "", "funding.company"))
    assert refused.text is None and refused.probability < SUBJECT.threshold


def test_the_picker_modes() -> None:
    headline, body = "Why funding is hard for Salt Labs", ""
    assert Picker(SUBJECT, "funding.company", headline, body, "replace")("Salt Labs") is None  # refused: no company
    assert Picker(SUBJECT, "funding.company", headline, body, "fallback")("Salt Labs") == "Salt Labs"  # the heuristics' answer
    rescue = Picker(SUBJECT, "funding.company", "Salt Labs raises $10M", "", "rescue")
    assert rescue(None) == "Salt Labs" and rescue.choice is not None  # the heuristics found none: the scorer's
    assert Picker(SUBJECT, "funding.company", "Salt Labs raises $10M", "", "rescue")("Acme") == "Acme"


def test_a_slot_filler_takes_the_pickers_company() -> None:
    always = {task: Model(classes, [-5.0] + [5.0] * (len(classes) - 1), {}, threshold=0.5) for task, classes in TASKS.items()}
    headline, body = "Salt Labs raises $10M to gamify contract work", "The round was led by Fin Capital."
    detection = learned.decide(always["funding"], "funding", [])
    from signalwatch.extract.learned_slots import SLOT_FILLERS

    plain = SLOT_FILLERS["funding"](headline, body, detection)
    assert plain is not None and plain.company_name == "Salt Labs"
    assert SLOT_FILLERS["funding"](headline, body, detection, pick=lambda heuristic: None) is None  # a refusal drops the event
    other = SLOT_FILLERS["funding"](headline, body, detection, pick=lambda heuristic: "Fin Capital")
    assert other is not None and other.company_name == "Fin Capital" and other.attributes["amount"] == plain.attributes["amount"]


def test_slots_match_by_normalised_name() -> None:
    assert same_slot("funding.company", "Salt Labs Inc.", "Salt Labs")
    assert not same_slot("funding.company", "Salt", "Salt Labs")
    assert same_slot("leadership.person", "John O’Connor", "john o'connor")
    assert not same_slot("leadership.person", None, "Jane Doe")


def test_the_span_scorer_is_not_loaded_at_import() -> None:
    code = "import signalwatch.extract, signalwatch.extract.learned_spans as s; print(s.load_spans.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "0"


ALWAYS = {task: Model(classes, [-5.0] + [5.0] * (len(classes) - 1), {}, threshold=0.5) for task, classes in TASKS.items()}


def test_a_scorer_in_the_detector_chooses_the_company_and_explains_why() -> None:
    headline = "Salt Labs lands $10M"
    event = next(e for e in learned.model_events(headline, "", ALWAYS, spans={"funding.company": Scorer(SUBJECT, "replace")})
                 if e.type.value == "funding")
    assert event.company_name == "Salt Labs" and "company by span.funding.company 'Salt Labs'" in event.why
    assert event.model is not None and [f["feature"] for f in event.model["span"]["top_features"]][:1] == ["h:start"]


def test_a_refusing_scorer_drops_the_detectors_event() -> None:
    never = Model(CLASSES, [0.0, -9.0], {}, threshold=0.5)  # no span ever reaches the threshold
    found = learned.model_events("Salt Labs lands $10M", "", ALWAYS, spans={"funding.company": Scorer(never, "replace")})
    assert [e for e in found if e.type.value == "funding"] == []
    kept = learned.model_events("Salt Labs lands $10M", "", ALWAYS, spans={"funding.company": Scorer(never, "fallback")})
    assert [e.company_name for e in kept if e.type.value == "funding"] == ["Salt Labs"]


def test_the_shipped_span_scorers_match_the_weights_file() -> None:
    shipped = json.loads(learned.WEIGHTS_PATH.read_text(encoding="utf-8"))["spans"]
    scorers = load_spans()
    assert (scorers is not None) == shipped["enabled"]
    if scorers is not None:
        assert set(scorers) == set(shipped["scorers"]) and all(s.mode in MODES for s in scorers.values())
