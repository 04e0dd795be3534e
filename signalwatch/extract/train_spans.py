"""Fitting the learned span scorer (learned_spans.py) and judging it left-out against the heuristics, for train.py.

Examples: every candidate span of every item of the spent sets that holds a gold event of the role's type,
labelled 1 when it is the gold `company_name` (normalised) and 0 otherwise; the heuristics' own answer
(`SLOT_FILLERS` with an always-firing detection) is a feature of its span. Judging: for each left-out set
the scorers are fitted on the other sets and the detector's events on the set's pattern-silent items are
filled once by the heuristics and once per (mode, refusal threshold) by the scorer, at the detector's own
chosen threshold. An event is right as train.py counts it (it pairs with a labelled event and names the
task's key slots, `train.KEY_SLOT`: the company of a funding round; the person and, since round 12, the company
of a leadership change); the events that name the company too are logged beside (since round 12 the same count).
The scorer is switched on for a task when its best allowed (mode, refusal threshold) under train.py's rule gains at
least `train.gain_bar(S)` right-minus-wrong events over the heuristics on the same folds, S the (mode, refusal) pairs
compared (3 modes × 6 refusals: 18, bar 5); otherwise it ships off and the heuristics alone decide.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from signalwatch.extract.evaluate import LabelledItem, score
from signalwatch.extract.learned import Detection, Model, decide, fit
from signalwatch.extract.learned_slots import SLOT_FILLERS
from signalwatch.extract.learned_spans import CLASSES, MODES, Choice, Scorer, candidates, choose, same_slot, settle
from signalwatch.extract.model import Extraction

__all__ = ["span_examples", "fit_scorers", "Outcome", "outcomes", "judge", "SPAN_ROLES", "REFUSALS", "key_slots_right", "Counted", "C",
           "GainBar"]

SPAN_ROLES = {"funding": "funding.company", "leadership": "leadership.company"}  # the roles fitted, by task
L2, MIN_COUNT, EPOCHS = 0.003, 2, 150
REFUSALS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)  # refusal thresholds tried
_ALWAYS = {"funding": Detection("funding", "funding", 1.0), "leadership": Detection("leadership", "appointed", 1.0)}
Texts = Callable[[LabelledItem], tuple[str, str]]
Examples = dict[str, dict[str, list[tuple[tuple[str, ...], int]]]]  # by role, by set: (features, label) per candidate span
GainBar = Callable[[int], int]  # train.gain_bar: the gain a use needs when its choice is the best of S settings compared


def _heuristic(task: str, headline: str, body: str, detection: Detection) -> str | None:
    """The heuristics' company for a detection (None when they find none), read through the filler's `pick`."""
    seen: list[str | None] = []

    def record(found: str | None) -> str | None:
        seen.append(found)
        return found

    SLOT_FILLERS[task](headline, body, detection, record)
    return seen[0] if seen else None


def span_examples(sets: Mapping[str, Sequence[LabelledItem]], texts: Texts) -> Examples:
    """The training spans of every set, by role (see the module docstring)."""
    examples: Examples = {role: {name: [] for name in sets} for role in SPAN_ROLES.values()}
    for name, items in sets.items():
        for item in items:
            for task, role in SPAN_ROLES.items():
                wanted = [event["company_name"] for event in item.events if event["type"] == task]
                if not wanted:
                    continue
                headline, body = texts(item)
                heuristic = _heuristic(task, headline, body, _ALWAYS[task])
                examples[role][name].extend((span.feats, int(any(same_slot(role, span.text, want) for want in wanted)))
                                            for span in candidates(headline, body, role, heuristic))
    return examples


def fit_scorers(examples: Examples, leave_out: str | None = None) -> dict[str, Model]:
    """A scorer per role fitted on every set but `leave_out`."""
    models = {}
    for role, by_set in examples.items():
        rows = [row for name, found in by_set.items() if name != leave_out for row in found]
        models[role] = fit([feats for feats, _ in rows], [label for _, label in rows], CLASSES, l2=L2, min_count=MIN_COUNT, epochs=EPOCHS)
        models[role].threshold = 0.0
    return models


@dataclass
class Outcome:
    """One pattern-silent item of a left-out set for one task: the detector's probability, the heuristics' company, the
    scorer's choice, and the event each company value makes (None: the value refused)."""

    probability: float
    heuristic: str | None
    choice: Choice | None
    events: dict[str | None, Extraction | None] = field(default_factory=dict)

    def event(self, mode: str | None, refusal: float) -> Extraction | None:
        """The event with the heuristics alone (`mode` None), or with the scorer in `mode` at `refusal`."""
        if mode is None:
            return self.events.get(self.heuristic)
        choice = self.choice
        if choice is not None:
            choice = replace(choice, text=choice.best if choice.probability >= refusal else None)
        return self.events.get(settle(mode, self.heuristic, choice))


def outcomes(item: LabelledItem, feats: Sequence[str], texts: Texts, detectors: Mapping[str, Model], scorers: Mapping[str, Model],
             floor: float) -> dict[str, Outcome]:
    """By task: the item's `Outcome` where the detector's probability reaches `floor`."""
    found = {}
    headline, body = texts(item)
    for task, role in SPAN_ROLES.items():
        detection = decide(detectors[task], task, feats)
        if detection.probability < floor:
            continue
        heuristic = _heuristic(task, headline, body, detection)
        choice = choose(scorers[role], candidates(headline, body, role, heuristic))
        outcome = Outcome(detection.probability, heuristic, choice)
        for value in {heuristic, choice.best} - {None}:
            outcome.events[value] = SLOT_FILLERS[task](headline, body, detection, functools.partial(_constant, value))
        found[task] = outcome
    return found


def _constant(value: str | None, heuristic: str | None) -> str | None:
    return value


def key_slots_right(item: LabelledItem, event: Extraction, key_slots: Sequence[str]) -> bool:
    """Whether an event pairs with a labelled one of `item` and names every slot of `key_slots` right (train.KEY_SLOT)."""
    found = score([item], lambda title, summary: [event])
    task = event.type.value
    return bool(found.true_positive[task] and all(found.field_right[(task, slot)] for slot in key_slots))


class Counted(Protocol):
    """train.py's per-set count of a task's extra events (its `_Count`): the right and wrong ones are what is judged."""

    @property
    def right(self) -> int: ...

    @property
    def wrong(self) -> int: ...


C = TypeVar("C", bound=Counted)


def judge(task: str, by_set: Mapping[str, Mapping[str, Outcome]], items: Mapping[str, LabelledItem], threshold: float, key_slot: tuple[str, ...],
          counts: Callable[[str, str, dict[str, list[Extraction]]], C], allowed: Callable[[dict[str, C]], bool], bar: GainBar,
          log: Callable[[str], None]) -> Scorer | None:
    """The mode and refusal threshold to ship for a task (a `Scorer` whose model the caller fills in), or None: off.

    `counts(set, task, extra)` and `allowed` are train.py's, unchanged: an event is right when it names the task's key
    slots. The events that name the company too ("strict") are logged beside them: that is the field the scorer fills."""
    def per_set(mode: str | None, refusal: float) -> tuple[dict[str, C], int, int, int]:
        table: dict[str, C] = {}
        right = wrong = strict = 0
        for name, found in by_set.items():
            extra = {item_id: [event] for item_id, outcome in found.items()
                     if outcome.probability >= threshold and (event := outcome.event(mode, refusal)) is not None}
            table[name] = count = counts(name, task, extra)
            right, wrong = right + count.right, wrong + count.wrong
            strict += sum(key_slots_right(items[item_id], events[0], (*key_slot, "company")) for item_id, events in extra.items())
        return table, right, wrong, strict

    _, right, wrong, strict = per_set(None, 0.0)
    log(f"  {task} span scorer at detector threshold {threshold}: heuristics right {right} wrong {wrong} "
        f"(company right too: {strict} of {right + wrong})")
    best: tuple[tuple[int, int], str, float] | None = None
    searched = 0  # the (mode, refusal) pairs compared: the S of the gain bar
    for mode in MODES:
        for refusal in REFUSALS:
            searched += 1
            table, r, w, good = per_set(mode, refusal)
            ok = allowed(table)
            log(f"    {mode} refusal {refusal}: right {r} wrong {w} (company right too: {good} of {r + w}){'' if ok else ' (not allowed)'}")
            if ok and (best is None or (r - w, r) > best[0]):
                best = ((r - w, r), mode, refusal)
    need = bar(searched)
    gain = best[0][0] - (right - wrong) if best is not None else 0
    said = f"S={searched}, bar {need}" + (f"; best allowed {best[1]} at refusal {best[2]}: gain {gain}" if best is not None else "")
    if best is None or gain < need:
        log(f"  {task} span scorer: switched off (gains fewer than {need} right - wrong events over the heuristics; {said})")
        return None
    log(f"  {task} span scorer: switched ON, {best[1]} at refusal {best[2]} (gain {gain}; S={searched}, bar {need})")
    return Scorer(Model(CLASSES, [0.0, 0.0], {}, best[2]), best[1])
