"""Fitting the learned token tagger (learned_tagger.py) and judging its two uses left-out, for train.py.

Examples: every item of the spent sets with a labelled funding or leadership event, once per such task. The
labelled slot strings are projected onto the item's tokens (`project`): a company where a run of up to six tokens
has its `normalize_name`, a person or a title where the tokens spell it (case aside); every place it stands is
tagged. An item whose company (or, for leadership, person) projects nowhere is skipped for that task; a title
that does not project is left untagged (`Projection` counts both).

Fitting: a structured averaged perceptron (Collins 2002) over the Viterbi paths, `EPOCHS` passes in an order
fixed by a hash of each example's key and the pass (no randomness); features seen in fewer than `MIN_COUNT`
examples are dropped, and after fitting so are features whose weights all stay below `PRUNE`, and weights are
rounded (the shipped file stays small). A pure-Python fit over the 24 sets takes about a minute, so the sets are
grouped into `FOLDS` folds (set i of train.POOL in fold i mod `FOLDS`) and each set is tagged by the fit on the other
folds: left-out, six fits instead of twenty-four.

Judging, under train.py's rule (an event is right when it pairs with a labelled one and names all its task's key
slots right, `train.KEY_SLOT`; precision guards; a gain of at least `train.gain_bar(S)` right-minus-wrong events, S the
settings the use's search compared, counted as it searches):
- use "fill": the leadership events the patterns read with a person but no company (dropped today) get the tagger's
  company when its margin reaches the refusal threshold; a fill is right when the event then pairs with a labelled
  event with the right person and company, wrong otherwise; on only when fills are at least 0.95 precise pooled
  (S = the `MARGINS` tried: 8, bar 4);
- uses "funding" and "leadership": the tagger fills the learned detector's events on pattern-silent items, in a mode
  (`MODES`) at a refusal threshold and a detector threshold, against the heuristics (learned_slots) at the
  detector's own chosen threshold; on when it gains at least the bar over them (S = modes × margins × detector
  thresholds: funding 2 × 8 × 10 = 160, leadership 3 × 8 × 10 = 240, bar 6).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from signalwatch.extract.evaluate import LabelledItem, score
from signalwatch.extract.learned import Detection
from signalwatch.extract.learned_tagger import (
    ROLES,
    TAGS,
    Tagger,
    clauses,
    fill_company,
    tagged_events,
    token_features,
    tokenize,
    viterbi,
)
from signalwatch.extract.model import Extraction
from signalwatch.extract.train_spans import C, GainBar
from signalwatch.resolve import normalize_name

__all__ = ["Example", "Projection", "project", "tagger_examples", "fit_tagger", "fold_of_set", "judge_fill", "judge_filler", "FOLDS",
           "MARGINS", "MODES", "FillCase", "FillerCase", "fill_cases", "filler_case"]

FOLDS = 6
EPOCHS = 8
MIN_COUNT = 3
PRUNE = 0.05
MARGINS = (0.0, 4.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0)  # refusal thresholds tried (a margin sums over a span's tokens)
MODES = {"funding": ("pick", "rescue"), "leadership": ("pick", "replace", "rescue")}
MIN_FILL_PRECISION = 0.95
_SUFFIX = {role: suffix for suffix, role in ROLES.items()}
_TASK_SLOTS = {"funding": ("company",), "leadership": ("company", "person", "title")}
_REQUIRED = {"funding": ("company",), "leadership": ("company", "person")}
Texts = Callable[[LabelledItem], tuple[str, str]]


@dataclass
class Example:
    """One item for one task: per clause its tokens' features and gold tag indices."""

    key: str
    clauses: list[tuple[list[list[str]], list[int]]]


@dataclass
class Projection:
    """How many labelled slot strings projected onto tokens, by (task, slot): (found, wanted); and items skipped, by task."""

    found: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        said = [f"{task}.{slot} {found}/{wanted}" for (task, slot), (found, wanted) in sorted(self.found.items())]
        return [f"  tagger projection (gold strings found in the tokens): {', '.join(said)}; items skipped (a required slot "
                f"projects nowhere): {', '.join(f'{task} {n}' for task, n in sorted(self.skipped.items()))}"]


def project(texts: Sequence[str], wanted: Mapping[str, Sequence[str]]) -> tuple[list[list[int]], set[tuple[str, str]]]:
    """Gold tag indices per clause for the slot strings `wanted` (by role), and the (role, string) pairs found somewhere."""
    tokens = [tokenize(text) for text in texts]
    tags = [[0] * len(clause) for clause in tokens]
    found: set[tuple[str, str]] = set()
    for role in ("person", "company", "title"):  # a person first: "Jane Doe" is never the company "Doe"
        for value in wanted.get(role, ()):
            for c, clause in enumerate(tokens):
                for start, end in _places(texts[c], clause, role, value):
                    if any(tags[c][i] for i in range(start, end)):
                        continue
                    tags[c][start] = TAGS.index(f"B-{_SUFFIX[role]}")
                    for i in range(start + 1, end):
                        tags[c][i] = TAGS.index(f"I-{_SUFFIX[role]}")
                    found.add((role, value))
    return tags, found


def _places(text: str, tokens: Sequence[Any], role: str, value: str) -> list[tuple[int, int]]:
    """(start, end) token runs of a clause that spell `value`: longest first, not overlapping."""
    if role == "company":
        key = normalize_name(value)
        if not key:
            return []
        match = lambda start, end: normalize_name(text[tokens[start].start : tokens[end - 1].end]) == key  # noqa: E731
        lengths = range(min(6, len(tokens)), 0, -1)
    else:
        want = [token.text.lower().replace("’", "'") for token in tokenize(value)]
        match = lambda start, end: [t.text.lower().replace("’", "'") for t in tokens[start:end]] == want  # noqa: E731
        lengths = range(len(want), len(want) + 1)
    places: list[tuple[int, int]] = []
    for length in lengths:
        for start in range(0, len(tokens) - length + 1):
            end = start + length
            if not any(start < e and s < end for s, e in places) and match(start, end):
                places.append((start, end))
    return sorted(places)


def tagger_examples(sets: Mapping[str, Sequence[LabelledItem]], texts: Texts) -> tuple[dict[str, list[Example]], Projection]:
    """The training examples by set, and how the gold strings projected."""
    projection = Projection()
    examples: dict[str, list[Example]] = {name: [] for name in sets}
    for name, items in sets.items():
        for item in items:
            headline, body = texts(item)
            read = clauses(headline, body)
            for task, slots in _TASK_SLOTS.items():
                events = [event for event in item.events if event["type"] == task]
                if not events:
                    continue
                wanted = {slot: sorted({v for event in events if (v := _value(event, slot))}) for slot in slots}
                tags, found = project(read, wanted)
                for slot in slots:
                    counts = projection.found.setdefault((task, slot), [0, 0])
                    counts[0] += sum((slot, value) in found for value in wanted[slot])
                    counts[1] += len(wanted[slot])
                if any(not wanted[slot] or not any((slot, v) in found for v in wanted[slot]) for slot in _REQUIRED[task]):
                    projection.skipped[task] = projection.skipped.get(task, 0) + 1
                    continue
                feats = [token_features(text, tokenize(text), "h" if c == 0 else "s", task) for c, text in enumerate(read)]
                examples[name].append(Example(f"{item.id}:{task}", [(f, t) for f, t in zip(feats, tags) if f]))
    return examples, projection


def _value(event: Mapping[str, Any], slot: str) -> str | None:
    value = event["company_name"] if slot == "company" else event["attributes"].get(slot)
    return value if isinstance(value, str) and value.strip() else None


def fold_of_set(index: int) -> int:
    """The fold of the `index`-th set of train.POOL."""
    return index % FOLDS


def fit_tagger(examples: Sequence[Example], epochs: int = EPOCHS, min_count: int = MIN_COUNT, prune: float = PRUNE) -> Tagger:
    """A structured averaged perceptron fitted on `examples` (see the module docstring): deterministic."""
    counts: dict[str, int] = {}
    for example in examples:
        for feat in {f for feats, _ in example.clauses for token in feats for f in token}:
            counts[feat] = counts.get(feat, 0) + 1
    keep = {feat for feat, n in counts.items() if n >= min_count}
    data = [(example.key, [([[f for f in token if f in keep] for token in feats], gold) for feats, gold in example.clauses])
            for example in examples]
    k = len(TAGS)
    tagger = Tagger({feat: [0.0] * k for feat in keep}, [[0.0] * k for _ in range(k + 1)])
    totals = {feat: [0.0] * k for feat in keep}  # the sum of step * change, for averaging (w - totals / steps)
    trans_totals = [[0.0] * k for _ in range(k + 1)]
    step = 1
    for epoch in range(epochs):
        order = sorted(data, key=lambda entry: hashlib.sha256(f"{epoch}:{entry[0]}".encode()).digest())
        for _, seqs in order:
            for feats, gold in seqs:
                path, _ = viterbi(tagger.emissions(feats), tagger.transitions)
                if path != gold:
                    _update(tagger, totals, trans_totals, feats, gold, path, step)
                step += 1
    averaged = {feat: [w - t / step for w, t in zip(row, totals[feat])] for feat, row in tagger.weights.items()}
    weights = {feat: [round(w, 2) for w in row] for feat, row in averaged.items() if max(abs(w) for w in row) >= prune}
    transitions = [[round(w - t / step, 2) for w, t in zip(row, total)] for row, total in zip(tagger.transitions, trans_totals)]
    return Tagger(weights, transitions)


def _update(tagger: Tagger, totals: dict[str, list[float]], trans_totals: list[list[float]], feats: Sequence[Sequence[str]],
            gold: Sequence[int], path: Sequence[int], step: int) -> None:
    """One perceptron step: the gold path's features up, the predicted path's down, remembered for averaging."""
    start = len(TAGS)
    for sign, tags in ((1.0, gold), (-1.0, path)):
        previous = start
        for i, tag in enumerate(tags):
            if gold[i] != path[i]:
                for feat in feats[i]:
                    tagger.weights[feat][tag] += sign
                    totals[feat][tag] += sign * step
            tagger.transitions[previous][tag] += sign
            trans_totals[previous][tag] += sign * step
            previous = tag


# Judging ------------------------------------------------------------------------------------------------------------------


@dataclass
class FillCase:
    """One leadership event the patterns read with a person and no company, on a left-out set: whether the tagger's best
    company makes it right (with the item's other pattern events beside it), and its margin (None: no company span)."""

    margin: float | None
    right: bool
    company_right: bool


def fill_cases(item: LabelledItem, headline: str, body: str, others: Sequence[Extraction], unnamed: Sequence[Extraction],
               tagger: Tagger) -> list[FillCase]:
    """The `FillCase` of each unnamed pattern event of one item."""
    cases = []
    base = score([item], lambda title, summary: list(others))
    for event in unnamed:
        filled, span = fill_company(event, headline, body, tagger, margin=float("-inf"))
        if filled is None or span is None:
            cases.append(FillCase(None, False, False))
            continue
        after = score([item], lambda title, summary: [*others, filled])
        task = "leadership"
        paired = after.true_positive[task] > base.true_positive[task]
        person = after.field_right[(task, "person")] > base.field_right[(task, "person")]
        company = after.field_right[(task, "company")] > base.field_right[(task, "company")]
        cases.append(FillCase(span.margin, paired and person and company, paired and company))
    return cases


def judge_fill(by_set: Mapping[str, Sequence[FillCase]], bar: GainBar, log: Callable[[str], None]) -> float | None:
    """The refusal margin to ship for use "fill", or None: off (see the module docstring)."""
    total = sum(len(cases) for cases in by_set.values())
    log(f"  tagger use 'fill' (leadership events the patterns read with a person and no company): {total} on the left-out sets, "
        f"{sum(c.margin is not None for cases in by_set.values() for c in cases)} with a company span")
    best: tuple[int, int, float] | None = None
    searched = 0  # the margins compared: the S of the gain bar
    for margin in MARGINS:
        searched += 1
        right = wrong = company_right = 0
        worst = 0
        for cases in by_set.values():
            r = sum(c.right for c in cases if c.margin is not None and c.margin >= margin)
            w = sum(not c.right for c in cases if c.margin is not None and c.margin >= margin)
            company_right += sum(c.company_right for c in cases if c.margin is not None and c.margin >= margin)
            right, wrong, worst = right + r, wrong + w, max(worst, w - r)
        precision = right / (right + wrong) if right + wrong else 1.0
        ok = precision >= MIN_FILL_PRECISION and worst <= 1
        log(f"    refusal margin {margin}: fills right {right} wrong {wrong} (company right {company_right}), precision {precision:.3f}"
            + ("" if ok else " (not allowed)"))
        if ok and (best is None or (right - wrong, right) > best[:2]):
            best = (right - wrong, right, margin)
    need = bar(searched)
    if best is None or best[0] < need:
        log(f"  tagger use 'fill': switched off (fewer than {need} right - wrong fills at an allowed margin; S={searched}, bar {need}"
            + (f"; best allowed margin {best[2]}: right - wrong {best[0]})" if best is not None else ")"))
        return None
    log(f"  tagger use 'fill': switched ON at refusal margin {best[2]} (right - wrong {best[0]}; S={searched}, bar {need})")
    return best[2]


@dataclass
class FillerCase:
    """One pattern-silent item of a left-out set for one task: the detector's probability, the heuristics' event, and per
    mode the tagger's event and its margin (the smallest margin of the slots it filled)."""

    probability: float
    heuristic: Extraction | None
    tagged: dict[str, tuple[Extraction | None, float]]

    def event(self, mode: str | None, margin: float) -> Extraction | None:
        """The event with the heuristics alone (`mode` None), or with the tagger in `mode` at refusal `margin`."""
        if mode is None:
            return self.heuristic
        if mode == "rescue":
            if self.heuristic is not None:
                return self.heuristic
            mode = "replace" if "replace" in self.tagged else "pick"
        event, sure = self.tagged[mode]
        return event if event is not None and sure >= margin else None


def filler_case(task: str, headline: str, body: str, detection: Detection, heuristic: Extraction | None, tagger: Tagger) -> FillerCase:
    """The `FillerCase` of one detection."""
    return FillerCase(detection.probability, heuristic, tagged_events(task, headline, body, detection, tagger, MODES[task]))


def judge_filler(task: str, by_set: Mapping[str, Mapping[str, FillerCase]], thresholds: Sequence[float], chosen: float,
                 counts: Callable[[str, str, dict[str, list[Extraction]]], C], allowed: Callable[[dict[str, C]], bool], bar: GainBar,
                 log: Callable[[str], None]) -> dict[str, Any] | None:
    """The (detector threshold, mode, refusal margin) to ship for the task's use, or None: off. The baseline is the heuristics
    at the detector's `chosen` threshold (0 right - wrong when it is off); `counts` and `allowed` are train.py's."""
    def table(threshold: float, mode: str | None, margin: float) -> tuple[dict[str, C], int, int]:
        per_set = {name: counts(name, task, {item_id: [event] for item_id, case in found.items()
                                             if case.probability >= threshold and (event := case.event(mode, margin)) is not None})
                   for name, found in by_set.items()}
        return per_set, sum(c.right for c in per_set.values()), sum(c.wrong for c in per_set.values())

    base_right = base_wrong = 0
    if chosen <= 1.0:
        _, base_right, base_wrong = table(chosen, None, 0.0)
    log(f"  tagger use '{task}': heuristics at the detector's threshold {chosen if chosen <= 1.0 else 'off'}: right {base_right} "
        f"wrong {base_wrong}")
    best: tuple[tuple[int, int], float, str, float] | None = None
    searched = 0  # the (mode, margin, detector threshold) triples compared: the S of the gain bar
    for mode in MODES[task]:
        for margin in MARGINS:
            line = []
            for threshold in thresholds:
                searched += 1
                per_set, right, wrong = table(threshold, mode, margin)
                ok = allowed(per_set)
                line.append(f"{threshold}: {right}/{wrong}{'' if ok else '*'}")
                if ok and (best is None or (right - wrong, right) > best[0]):
                    best = ((right - wrong, right), threshold, mode, margin)
            log(f"    {mode} margin {margin}: right/wrong by detector threshold (* not allowed) " + ", ".join(line))
    gain = best[0][0] - (base_right - base_wrong) if best is not None else 0
    need = bar(searched)
    if best is None or gain < need:
        log(f"  tagger use '{task}': switched off (gains fewer than {need} right - wrong events over the heuristics; S={searched}, bar {need}"
            + (f"; best allowed {best[2]} margin {best[3]} at threshold {best[1]}: gain {gain})" if best else ")"))
        return None
    log(f"  tagger use '{task}': switched ON, {best[2]} at margin {best[3]}, detector threshold {best[1]} (gain {gain}; S={searched}, "
        f"bar {need})")
    return {"mode": best[2], "margin": best[3], "threshold": best[1]}

