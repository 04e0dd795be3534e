"""The weights file (~160 KB) is parsed once per process: the detector's models and the span scorers share one read."""

from __future__ import annotations

import json
from pathlib import Path

from signalwatch.extract.learned import TASKS, WEIGHTS_PATH, Model, load_model
from signalwatch.extract.learned_spans import CLASSES, Scorer, load_spans


def _weights_with_spans(path: Path) -> None:
    """The shipped weights with the detector on and one span scorer switched on, written to `path`."""
    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    scorer = Scorer(Model(CLASSES, [0.0, 0.0], {}, threshold=0.5), "fallback")
    spans = {"enabled": True, "scorers": {"funding.company": scorer.to_json()}}
    path.write_text(json.dumps({**shipped, "enabled": True, "spans": spans}), encoding="utf-8")


def test_the_span_scorers_come_from_the_read_that_loaded_the_models(tmp_path: Path) -> None:
    path = tmp_path / "model_weights.json"
    _weights_with_spans(path)
    models = load_model(path)
    path.unlink()  # a second read of the file would now find nothing
    scorers = load_spans(path)
    assert models is not None and set(models) == set(TASKS)
    assert scorers is not None and list(scorers) == ["funding.company"] and scorers["funding.company"].mode == "fallback"


def test_a_missing_weights_file_switches_both_off(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    assert load_model(missing) is None and load_spans(missing) is None
