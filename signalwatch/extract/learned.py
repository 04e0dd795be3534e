"""A small learned detector for funding and leadership news the patterns do not recognise.

The patterns (funding.py, leadership.py) read the wordings they know precisely. When they find
nothing in an item, two multinomial logistic regressions over the item's words decide whether it
still reports a funding round (classes none/funding) or a leadership change (none/appointed/departed).
A detection becomes an event only when its slots are found (learned_slots.py: a company, and an
amount and round or a person tied to a stated change), so a confident model with nothing to fill
emits nothing.

Features: headline word unigrams and bigrams ("h:raises", "hb:raises $"), summary unigrams of the
first sentences ("s:funding"), bigrams of the summary's first sentence ("sb:has raised"), and shapes
(`SHAPES`: "#money-h" an amount in the headline, "#money-verb-h" a money verb before it, "#money-fund"
an amount of a fund, "#tie-h" a person tied to a title or change, ...; "#round" a round word). Since round 10
also shapes of the clause rather than its words: the headline's subject is a company with its verb ("#co-h"),
the amount leads the headline before any money verb ("#money-lead-h"), the amount is only in the summary
("#money-s-only"), the standfirst's first sentence states a raise itself ("#raise-lead-s"), a clause states
the change of the person it ties to a title ("#change-h", "#change-s").
Every weight is readable: `Detection.top` lists the features that pushed the decision most. Word
features are read first; the money shapes only when `Model.could_reach` says the shapes the item could
have might lift it over the threshold (an exact bound; no name pair in a clause rules out its person
shapes, no title word the title shape), and the name and clause shapes only when the bound still holds
with the money shapes known, which keeps the cost on the many no-event items small.

The weights are fitted on every spent labelled set (`train.POOL`, `python -m signalwatch.extract.train`)
and shipped as model_weights.json next to this file; they are read on first use, never at import.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signalwatch.extract.learned_slots import (
    PERSON_PAIR,
    ROUND_WORDS,
    SUMMARY_SENTENCES,
    headline_company,
    stated_change,
    summary_raise,
    tied_people,
    tokens,
)
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import find_amounts
from signalwatch.extract.names import _TITLE_CUES as TITLE_CUES
from signalwatch.extract.names import _WORD as TITLE_WORD
from signalwatch.extract.names import mark, person_like
from signalwatch.extract.text import lower, sentences

__all__ = [
    "Model", "Detection", "features", "fit", "load_model", "detect", "decide", "model_events", "candidate_events", "WEIGHTS_PATH", "TASKS",
    "read_weights",
]

WEIGHTS_PATH = Path(__file__).with_name("model_weights.json")
# The tasks and their classes; the first class of each is "nothing reported".
TASKS: dict[str, tuple[str, ...]] = {"funding": ("none", "funding"), "leadership": ("none", "appointed", "departed")}
def features(headline: str, body: str) -> list[str]:
    """The sorted, de-duplicated features of one item (headline and cleaned summary)."""
    summary, first = _summary(body)
    return sorted(_token_features(headline, summary, first) | _shape_features(headline, summary, first))


def _summary(body: str) -> tuple[str, str]:
    """The summary's first sentences as one text, and its first sentence alone."""
    if not body:
        return "", ""
    read = sentences(body)[:SUMMARY_SENTENCES]
    return " ".join(read), read[0] if read else ""


def _token_features(headline: str, summary: str, first_sentence: str) -> set[str]:
    """Word features, cheap to read: headline unigrams and bigrams, summary unigrams, bigrams of its first sentence."""
    head = tokens(headline)
    found = {f"h:{token}" for token in head}
    found.update(f"hb:{first} {second}" for first, second in zip(["<s>", *head], head))
    body = tokens(summary)
    found.update(f"s:{token}" for token in body)
    first = tokens(first_sentence)
    found.update(f"sb:{one} {two}" for one, two in zip(["<s>", *first], first))
    if ROUND_WORDS.intersection(head):
        found.add("#round")
    return found


# Shapes: what a clause says rather than which words it uses. Each is named in `SHAPES` (see `Model.could_reach`).
SHAPES = ("#money-h", "#money-s", "#money-verb-h", "#money-verb-s", "#money-fund", "#title", "#person", "#tie-h", "#tie-s",
          "#co-h", "#money-lead-h", "#money-s-only", "#raise-lead-s", "#change-h", "#change-s")
_MONEY_VERB = re.compile(
    r"\b(?:raises?|raised|raising|secures?|secured|lands?|landed|gets?|got|closes?|closed|nabs?|nabbed|bags?|bagged|grabs?|receives?|"
    r"received|attracts?|attracted|nets?|netted|garners?|garnered|gains?|gained|scores?|scored|snags?|snagged|wins?|won|injects?|injected|"
    r"pumps?|pumped|pulls\s+in|rakes\s+in|brings\s+in|hauls\s+in|picks\s+up|commits?|committed)\s+(?:\S+\s+){0,3}?(?:us)?[$€£₹]?\d"
)
_MONEY_FUND = re.compile(r"[$€£₹]?\d[\d.,]*\s?(?:[mb]n?|million|billion)?\s+(?:\S+\s+){0,3}?(?:fund|funds|vehicle|ipo|valuation)\b")


def _shape_features(headline: str, summary: str, first_sentence: str) -> set[str]:
    """Shape features, dearer to read than words: the money shapes, then the name and clause shapes."""
    return _money_shapes(headline, summary, first_sentence) | _dear_shapes(headline, first_sentence)


# The shapes read from money amounts (cheap), and those read from names and clauses (dear).
MONEY_SHAPES = ("#money-h", "#money-s", "#money-verb-h", "#money-verb-s", "#money-fund", "#money-lead-h", "#money-s-only")
# The shapes read from names and clauses (mark, tied people, the headline's subject, a stated raise): the dearest, read
# only when the words and the money shapes leave the item able to reach a threshold (`Model.could_reach` with these pending).
DEAR_SHAPES = ("#title", "#person", "#tie-h", "#tie-s", "#change-h", "#change-s", "#co-h", "#raise-lead-s")


def _money_shapes(headline: str, summary: str, first_sentence: str) -> set[str]:
    """The money shapes: an amount in the headline or summary, a money verb before it, a fund's amount, and (round 10) where
    the amount stands: before any money verb ("$401M: Series D for ...", "#money-lead-h"), or only in the summary."""
    found: set[str] = set()
    low_head, low_first = lower(headline), lower(first_sentence)
    amounts = find_amounts(headline)
    if amounts:
        found.add("#money-h")
        verb = _MONEY_VERB.search(low_head)
        if verb is not None:
            found.add("#money-verb-h")
        if _MONEY_FUND.search(low_head):
            found.add("#money-fund")
        if SHAPE_FEATURES and (verb is None or amounts[0].start < verb.start()):
            found.add("#money-lead-h")
    if summary and find_amounts(summary):
        found.add("#money-s")
        if _MONEY_VERB.search(low_first):
            found.add("#money-verb-s")
        if SHAPE_FEATURES and not amounts:
            found.add("#money-s-only")
    return found


def _dear_shapes(headline: str, first_sentence: str) -> set[str]:
    """The name and clause shapes: a title, a person, a person tied to a title or change ("#tie-h"/"#tie-s") and, since
    round 10, whether that clause states the change ("#change-h"/"#change-s"), the headline's subject is a company with its
    verb ("#co-h"), and the standfirst's first sentence itself states a raise, not as background ("#raise-lead-s")."""
    found: set[str] = set()
    marked = mark(headline)
    if marked.titles:
        found.add("#title")
    if any(" " in name and person_like(name) and PERSON_PAIR.search(name) for name in marked.names):
        found.add("#person")
    if (tied := tied_people(marked)):
        found.add("#tie-h")
        if SHAPE_FEATURES and any(stated_change(marked.text, k) for k, _ in tied):
            found.add("#change-h")
    if first_sentence:
        marked_first = mark(first_sentence)
        if (tied := tied_people(marked_first)):
            found.add("#tie-s")
            if SHAPE_FEATURES and any(stated_change(marked_first.text, k) for k, _ in tied):
                found.add("#change-s")
    if SHAPE_FEATURES:
        if headline_company(headline) is not None:
            found.add("#co-h")
        if first_sentence and summary_raise(first_sentence):
            found.add("#raise-lead-s")
    return found


SHAPE_FEATURES = True  # the round-10 clause shapes; off only to measure what they add


def _possible_dear_shapes(headline: str, first_sentence: str) -> tuple[str, ...]:
    """The dear shapes an item could have, by cheap necessary conditions: no title word, no title shape; no first-and-last
    name pair in a clause, no person shapes from it (a tie needs a `PERSON_PAIR` name)."""
    head_person = PERSON_PAIR.search(headline) is not None
    first_person = bool(first_sentence) and PERSON_PAIR.search(first_sentence) is not None
    head_title = not TITLE_CUES.isdisjoint(TITLE_WORD.findall(headline.lower()))
    possible = {"#co-h", "#raise-lead-s"}
    if head_title:
        possible.add("#title")
    if head_person:
        possible.update(("#person", "#tie-h", "#change-h"))
    if first_person:
        possible.update(("#tie-s", "#change-s"))
    return tuple(shape for shape in DEAR_SHAPES if shape in possible)


@dataclass
class Model:
    """Multinomial logistic regression: per class a bias and a weight per feature; `threshold` on P(not none)."""

    classes: tuple[str, ...]
    bias: list[float]
    weights: dict[str, list[float]]
    threshold: float = 0.5
    _lift: dict[tuple[str, ...], list[float]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def scores(self, feats: Iterable[str]) -> list[float]:
        get = self.weights.get
        rows = [row for row in map(get, feats) if row is not None]
        if not rows:
            return list(self.bias)
        return [bias + sum(column) for bias, column in zip(self.bias, zip(*rows))]

    def probabilities(self, feats: Iterable[str]) -> list[float]:
        return _softmax(self.scores(feats))

    def could_reach(self, known: Iterable[str], pending: tuple[str, ...] = SHAPES) -> bool:
        """Whether P(not none) could reach the threshold once the `pending` shape features are added to the `known` ones.

        An exact bound: each pending shape is counted only where it would raise a class against "none", so an
        item that fails here fails with its full features too, and its pending shapes are never read.
        """
        totals = self.scores(known)
        lift = self._lift.get(pending)
        if lift is None:  # what the pending shapes can add to each class against "none", summed once per model and set
            lift = self._lift[pending] = [sum(max(0.0, row[c] - row[0]) for shape in pending if (row := self.weights.get(shape)) is not None)
                                          for c in range(len(self.classes))]
        gaps = [totals[c] - totals[0] + lift[c] for c in range(1, len(totals))]
        return 1.0 - _softmax([0.0, *gaps])[0] >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {"classes": list(self.classes), "bias": [round(b, 4) for b in self.bias], "threshold": round(self.threshold, 4),
                "weights": {feat: [round(w, 4) for w in row] for feat, row in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(tuple(data["classes"]), [float(b) for b in data["bias"]], {k: [float(w) for w in v] for k, v in data["weights"].items()},
                   float(data["threshold"]))


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]


def fit(examples: Sequence[Sequence[str]], labels: Sequence[int], classes: Sequence[str], l2: float = 0.01, epochs: int = 300,
        min_count: int = 2, rate: float = 0.5, prune: float = 0.04) -> Model:
    """Fit a multinomial logistic regression by full-batch gradient descent with AdaGrad steps: deterministic, no randomness.

    `examples` are feature lists, `labels` class indices; features seen in fewer than `min_count`
    examples are dropped (they would only memorise single items), and so are features whose fitted
    weights all stay below `prune` (they decide nothing and would only swell the shipped file). The features are binary, so a
    class's scores are sums of weights over each example's feature indices and a weight's gradient
    is a sum of errors over the examples holding its feature (both summed in C by `map`). Features held by exactly
    the same examples are fitted as one column (their weights are equal at every step), which saves a sixth of the time.
    """
    counts: dict[str, int] = {}
    for feats in examples:
        for feat in set(feats):
            counts[feat] = counts.get(feat, 0) + 1
    vocab = sorted(feat for feat, count in counts.items() if count >= min_count)
    # Features held by exactly the same examples get the same gradient at every step, so their weights move together:
    # each such group is fitted once, as one column whose weight counts `size` times in a score (about half the work).
    holders: dict[str, list[int]] = {feat: [] for feat in vocab}
    for j, feats in enumerate(examples):
        for feat in sorted(set(feats)):
            if feat in holders:
                holders[feat].append(j)
    group_of: dict[tuple[int, ...], int] = {}
    index: dict[str, int] = {}
    for feat in vocab:
        index[feat] = group_of.setdefault(tuple(holders[feat]), len(group_of))
    cols = [list(col) for col in group_of]
    sizes = [0.0] * len(cols)
    for group in index.values():
        sizes[group] += 1.0
    rows: list[list[int]] = [[] for _ in examples]
    for i, col in enumerate(cols):
        for j in col:
            rows[j].append(i)
    k, n, size = len(classes), len(examples), len(cols)
    # Class 0 ("nothing reported") is the reference: its bias and weights stay 0, the others are fitted against it.
    weights = [[0.0] * size for _ in range(k)]  # by class, then feature group
    bias = [0.0] * k
    history_w = [[1e-8] * size for _ in range(k)]
    history_b = [1e-8] * k
    targets = [[1.0 if label == c else 0.0 for label in labels] for c in range(k)]
    for _ in range(epochs):
        scores = []
        for c in range(1, k):
            counted = [w * m for w, m in zip(weights[c], sizes)].__getitem__
            scores.append([bias[c] + sum(map(counted, row)) for row in rows])
        # Softmax against the reference class (score 0), shifted by each example's top score for stability.
        tops = [max(0.0, *column) for column in zip(*scores)]
        exps = [[math.exp(score - top) for score, top in zip(row, tops)] for row in scores]
        totals = [math.exp(-top) + sum(column) for top, column in zip(tops, zip(*exps))]
        errors = [[]] + [[(e / total - y) / n for e, total, y in zip(exps[c - 1], totals, targets[c])] for c in range(1, k)]
        for c in range(1, k):
            grad_b = sum(errors[c])
            history_b[c] += grad_b**2
            bias[c] -= rate * grad_b / math.sqrt(history_b[c])
            err = errors[c].__getitem__
            grads = [l2 * w + sum(map(err, col)) for w, col in zip(weights[c], cols)]
            history_w[c] = [h + g * g for h, g in zip(history_w[c], grads)]
            weights[c] = [w - rate * g / math.sqrt(h) for w, g, h in zip(weights[c], grads, history_w[c])]
    kept = {feat: [weights[c][i] for c in range(k)] for feat, i in index.items() if max(abs(weights[c][i]) for c in range(k)) >= prune}
    return Model(tuple(classes), bias, kept)


@functools.lru_cache(maxsize=4)
def read_weights(path: Path = WEIGHTS_PATH) -> dict[str, Any] | None:
    """The weights file parsed, once per process and path; None when it is missing.

    Shared by `load_model` and `learned_spans.load_spans`, which read different parts of the same ~160 KB file.
    The dict is shared too: callers read it and never change it.
    """
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return data


@functools.cache
def load_model(path: Path = WEIGHTS_PATH) -> dict[str, Model] | None:
    """The shipped models by task, read on first use; None when the file is missing or the detector is switched off."""
    data = read_weights(path)
    if data is None or not data.get("enabled", True):
        return None
    return {task: Model.from_json(data["models"][task]) for task in TASKS}


@dataclass(frozen=True)
class Detection:
    """What the model decided for one task: the class, its probability and the features that weighed most."""

    task: str
    label: str
    probability: float
    top: tuple[tuple[str, float], ...] = field(default=())

    def explain(self) -> dict[str, Any]:
        return {"task": self.task, "label": self.label, "probability": round(self.probability, 3),
                "top_features": [{"feature": feat, "weight": round(weight, 3)} for feat, weight in self.top]}


def detect(model: Model, task: str, feats: Sequence[str], top: int = 6) -> Detection | None:
    """The class `model` gives the item when P(not none) reaches its threshold; None otherwise."""
    detection = decide(model, task, feats, top)
    return detection if detection.probability >= model.threshold else None


def decide(model: Model, task: str, feats: Sequence[str], top: int = 6) -> Detection:
    """The most likely class other than "none", with P(not none) and the features that pushed most, whatever the threshold."""
    probs = model.probabilities(feats)
    best = max(range(1, len(probs)), key=lambda c: probs[c])
    # A feature's contribution to the chosen class against "none": w[best] - w[none].
    contributions = []
    for feat in feats:
        row = model.weights.get(feat)
        if row is not None:
            contributions.append((feat, row[best] - row[0]))
    contributions.sort(key=lambda pair: (-pair[1], pair[0]))
    return Detection(task, model.classes[best], 1.0 - probs[0], tuple(c for c in contributions[:top] if c[1] > 0))


def model_events(headline: str, body: str, models: dict[str, Model] | None = None, spans: dict[str, Any] | None = None,
                 tagger: Any = None) -> list[Extraction]:
    """Funding and leadership events the models detect in an item and whose slots are found; [] when none.
    `spans`: the span scorers by role (learned_spans.Scorer; default the shipped ones, read only when a detection fires);
    `tagger`: the token tagger (learned_tagger.Tagger; default none, `extract_news` passes the shipped one): where its use for a task
    is on, it fills the slots."""
    models = models if models is not None else load_model()
    if not models:
        return []
    live = {task: model for task, model in models.items() if model.threshold <= 1.0}  # a threshold above 1: switched off
    if not live:
        return []
    summary, first = _summary(body)
    words = _token_features(headline, summary, first)
    pending = _possible_dear_shapes(headline, first)
    if not any(model.could_reach(words, MONEY_SHAPES + pending) for model in live.values()):
        return []  # most items: the words alone rule every task out, so the shapes are not read
    known = words | _money_shapes(headline, summary, first)
    if not any(model.could_reach(known, pending) for model in live.values()):
        return []  # the words and money shapes rule every task out: names and clauses are not read
    feats = sorted(known | _dear_shapes(headline, first))
    found: list[Extraction] = []
    for task, model in live.items():
        detection = detect(model, task, feats)
        if detection is not None:
            event = _fill(task, headline, body, detection, spans if spans is not None else _shipped_spans(), tagger)
            if event is not None:
                found.append(event)
    return found


def _shipped_spans() -> dict[str, Any] | None:
    from signalwatch.extract.learned_spans import load_spans  # late: learned_spans reads this module's Model

    return load_spans()


def _fill(task: str, headline: str, body: str, detection: Detection, spans: dict[str, Any] | None, tagger: Any = None) -> Extraction | None:
    """The event a detection becomes: the token tagger's where its use for the task is on (learned_tagger), else the slot
    fillers, with the learned span scorer's company where it is on (learned_spans)."""
    if tagger is not None and task in tagger.uses:
        from signalwatch.extract.learned_tagger import tagger_event

        return tagger_event(task, headline, body, detection, tagger)  # type: ignore[no-any-return]
    from signalwatch.extract.learned_spans import fill

    return fill(task, headline, body, detection, spans)


def candidate_events(headline: str, body: str, models: dict[str, Model], feats: Sequence[str] | None = None,
                     spans: dict[str, Any] | None = None) -> dict[str, tuple[float, Extraction | None]]:
    """By task: P(something reported) and the event slot filling makes of it, whatever the threshold (for training);
    with `spans`, the span scorers choose the company (learned_spans), else the heuristics alone."""
    feats = feats if feats is not None else features(headline, body)
    found: dict[str, tuple[float, Extraction | None]] = {}
    for task, model in models.items():
        detection = decide(model, task, feats)
        found[task] = (detection.probability, _fill(task, headline, body, detection, spans))
    return found
