"""A small learned detector for funding and leadership news the patterns do not recognise, with slot filling.

The patterns (funding.py, leadership.py) read the wordings they know precisely. When they find
nothing in an item, two multinomial logistic regressions over the item's words decide whether it
still reports a funding round (classes none/funding) or a leadership change (none/appointed/departed).
A detection becomes an event only when its slots are found with the same helpers the patterns use
(`company_from_subject`, `find_amounts`, the name and title markers): funding needs a company,
leadership a company and a person, so a confident model with nothing to fill emits nothing.

Features: headline word unigrams and bigrams ("h:raises", "hb:raises $"), summary unigrams of the
first sentences ("s:funding"), and a few shapes ("#money-h": a money amount in the headline,
"#round": a round word, "#title": a job title, "#person": a capitalised first-and-last-name pair).
Every weight is readable: `Detection.top` lists the features that pushed the decision most.

The weights are fitted on the dev part of the real corpus only (`python -m signalwatch.extract.train`)
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

from signalwatch.events import EventType
from signalwatch.extract import funding_patterns as funding_rules
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import Money, find_amounts
from signalwatch.extract.names import mark, person_like
from signalwatch.extract.text import company_from_subject, lower, plausible_company, sentences, words
from signalwatch.titles import classify_title

__all__ = [
    "Model", "Detection", "features", "fit", "load_model", "detect", "model_events", "WEIGHTS_PATH", "TASKS",
]

WEIGHTS_PATH = Path(__file__).with_name("model_weights.json")
# The tasks and their classes; the first class of each is "nothing reported".
TASKS: dict[str, tuple[str, ...]] = {"funding": ("none", "funding"), "leadership": ("none", "appointed", "departed")}
SUMMARY_SENTENCES = 2  # summary sentences whose words are features (the standfirst states the news first)

_TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]|\$|€|£|\d+(?:[.,]\d+)*")
_ROUND_WORDS = frozenset("seed series round funding financing pre-seed investment backing raise fundraise".split())
_PERSON_PAIR = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


def _tokens(text: str) -> list[str]:
    return ["<num>" if token[0].isdigit() else token for token in _TOKEN.findall(lower(text))]


def features(headline: str, body: str) -> list[str]:
    """The sorted, de-duplicated features of one item (headline and cleaned summary)."""
    head = _tokens(headline)
    found = {f"h:{token}" for token in head}
    found.update(f"hb:{first} {second}" for first, second in zip(["<s>", *head], head))
    summary = " ".join(sentences(body)[:SUMMARY_SENTENCES]) if body else ""
    found.update(f"s:{token}" for token in _tokens(summary))
    if find_amounts(headline):
        found.add("#money-h")
    if summary and find_amounts(summary):
        found.add("#money-s")
    if _ROUND_WORDS.intersection(head):
        found.add("#round")
    marked = mark(headline)
    if marked.titles:
        found.add("#title")
    if any(" " in name and person_like(name) and _PERSON_PAIR.search(name) for name in marked.names):
        found.add("#person")
    return sorted(found)


@dataclass
class Model:
    """Multinomial logistic regression: per class a bias and a weight per feature; `threshold` on P(not none)."""

    classes: tuple[str, ...]
    bias: list[float]
    weights: dict[str, list[float]]
    threshold: float = 0.5

    def scores(self, feats: Iterable[str]) -> list[float]:
        totals = list(self.bias)
        for feat in feats:
            row = self.weights.get(feat)
            if row is not None:
                for index, weight in enumerate(row):
                    totals[index] += weight
        return totals

    def probabilities(self, feats: Iterable[str]) -> list[float]:
        return _softmax(self.scores(feats))

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
        min_count: int = 2, rate: float = 0.5) -> Model:
    """Fit a multinomial logistic regression by full-batch gradient descent with AdaGrad steps: deterministic, no randomness.

    `examples` are feature lists, `labels` class indices; features seen in fewer than `min_count`
    examples are dropped (they would only memorise single items).
    """
    counts: dict[str, int] = {}
    for feats in examples:
        for feat in set(feats):
            counts[feat] = counts.get(feat, 0) + 1
    vocab = sorted(feat for feat, count in counts.items() if count >= min_count)
    index = {feat: i for i, feat in enumerate(vocab)}
    rows = [sorted({index[f] for f in feats if f in index}) for feats in examples]
    k, n = len(classes), len(examples)
    weights = [[0.0] * k for _ in vocab]
    bias = [0.0] * k
    history_w = [[1e-8] * k for _ in vocab]
    history_b = [1e-8] * k
    for _ in range(epochs):
        grad_w = [[l2 * w for w in row] for row in weights]
        grad_b = [0.0] * k
        for row, label in zip(rows, labels):
            scores = list(bias)
            for i in row:
                for c in range(k):
                    scores[c] += weights[i][c]
            probs = _softmax(scores)
            for c in range(k):
                error = (probs[c] - (1.0 if c == label else 0.0)) / n
                grad_b[c] += error
                for i in row:
                    grad_w[i][c] += error
        for c in range(k):
            history_b[c] += grad_b[c] ** 2
            bias[c] -= rate * grad_b[c] / math.sqrt(history_b[c])
        for i in range(len(vocab)):
            for c in range(k):
                g = grad_w[i][c]
                if g:
                    history_w[i][c] += g * g
                    weights[i][c] -= rate * g / math.sqrt(history_w[i][c])
    kept = {feat: weights[i] for feat, i in index.items() if max(abs(w) for w in weights[i]) >= 1e-3}
    return Model(tuple(classes), bias, kept)


@functools.cache
def load_model(path: Path = WEIGHTS_PATH) -> dict[str, Model] | None:
    """The shipped models by task, read on first use; None when the file is missing or the detector is switched off."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if not data.get("enabled", True):
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
    probs = model.probabilities(feats)
    if 1.0 - probs[0] < model.threshold:
        return None
    best = max(range(1, len(probs)), key=lambda c: probs[c])
    # A feature's contribution to the chosen class against "none": w[best] - w[none].
    contributions = []
    for feat in feats:
        row = model.weights.get(feat)
        if row is not None:
            contributions.append((feat, row[best] - row[0]))
    contributions.sort(key=lambda pair: (-pair[1], pair[0]))
    return Detection(task, model.classes[best], 1.0 - probs[0], tuple(c for c in contributions[:top] if c[1] > 0))


def model_events(headline: str, body: str, models: dict[str, Model] | None = None) -> list[Extraction]:
    """Funding and leadership events the models detect in an item and whose slots are found; [] when none."""
    models = models if models is not None else load_model()
    if not models:
        return []
    feats = features(headline, body)
    found: list[Extraction] = []
    detection = detect(models["funding"], "funding", feats)
    if detection is not None:
        event = _funding_event(headline, body, detection)
        if event is not None:
            found.append(event)
    detection = detect(models["leadership"], "leadership", feats)
    if detection is not None:
        event = _leadership_event(headline, body, detection)
        if event is not None:
            found.append(event)
    return found


def _why(detection: Detection) -> str:
    words = ", ".join(f"{feat} {weight:+.2f}" for feat, weight in detection.top)
    return f"model.{detection.task} {detection.label} p={detection.probability:.2f}: {words}"


# --- slot filling ---------------------------------------------------------------------------------------
# Where a headline's subject ends: the first lower-case word that is not part of a name, a money
# amount, or a Title Case verb ("Viela Lands $250m").
_SUBJECT_END = re.compile(
    r"\s+(?=(?!(?:of|de|du|la|von|van|der|and|&|the|for)\s)[a-z]|[$€£]|\d|(?:Raises|Lands|Gets|Secures|Closes|Nabs|Bags|Snags|Scores|"
    r"Receives|Wins|Announces|Completes|Adds|Hires|Names|Appoints|Taps|Promotes|Picks|Welcomes|Loses|Says|Is|Has|To|Will|Joins|"
    r"Leaves|Exits|Departs|Resigns|Steps|Pulls|Rakes|Hauls|Nets|Pockets|Attracts|Draws|Grabs|Collects|Takes|Books|Banks)\b)"
)
_REPORTED = re.compile(r"\b(?:in\s+(?:advanced\s+)?talks|seeks|seeking|looking\s+to\s+raise|plans\s+to\s+raise|set\s+to\s+raise|reportedly|is\s+raising)\b")
_DEPART = re.compile(r"\b(?:steps?|stepping|stepped)\s+(?:down|aside)|\b(?:resign\w*|quit\w*|leav\w*|left|depart\w*|exit\w*|ousts?|ousted|fired|"
                     r"retir\w*|out\b|replaced|sacked|axed)")


def _subject(clause: str) -> str:
    clause = re.sub(r"^.*?(?::\s+|\s+\|\s+)", "", clause)
    return _SUBJECT_END.split(clause, maxsplit=1)[0]


_VERB_AFTER = re.compile(r"\s+(?:[a-z]+s|is|has|to|will|gets?|[A-Z][a-z]+s)\b")
_PLURAL_NOUNS = frozenset("startups companies firms shares investments deals sales stocks markets funds investors news ventures".split())


def _company(clause: str) -> str | None:
    clause = re.sub(r"^.*?(?::\s+|\s+\|\s+)", "", clause)
    subject = _subject(clause).strip(" ,:;-")
    if not subject:
        return None
    verb = _VERB_AFTER.match(clause, len(subject))  # a subject is followed by its verb: "EarthOptics helps", not "Financing in"
    if verb is None or verb.group(0).strip().lower() in _PLURAL_NOUNS:
        return None
    company = company_from_subject(subject)
    if company is None or len(company.split()) > 4 or person_like(company) and len(company.split()) >= 2 and not _has_caps_word(company):
        return None
    return plausible_company(company)


def _has_caps_word(name: str) -> bool:
    return any(any(c.isupper() for c in word[1:]) or word.isupper() for word in name.split())


def _first_money(texts: Sequence[str]) -> Money | None:
    for text in texts:
        for money in find_amounts(text):
            if not funding_rules.NOT_ROUND_AMOUNT.match(text[money.end :]):
                return money
    return None


def _funding_event(headline: str, body: str, detection: Detection) -> Extraction | None:
    summary = sentences(body)[:SUMMARY_SENTENCES] if body else []
    if funding_rules.not_a_round(lower(headline), words(headline)) or funding_rules.about_a_fund(body):
        return None  # the patterns' own vetoes hold here too: a VC's fund, an IPO, a listing
    company = _company(headline)  # the headline's subject only: a summary's first capitalised word is too often not the company
    if company is None:
        return None
    from signalwatch.extract.funding import _round  # the pattern extractor's round reader, imported late (no cycle at import)

    money = _first_money([headline, *summary])
    change = "reported" if _REPORTED.search(lower(headline)) else "raised"
    attributes: dict[str, Any] = {
        "amount": money.amount if money else None, "currency": money.currency if money else None,
        "amount_usd": money.amount if money and money.currency == "USD" else None,
        "round": _round(headline, summary), "investors": [], "lead_investors": [],
    }
    return Extraction(EventType.FUNDING, change, company, attributes, why=_why(detection), model=detection.explain())


def _leadership_event(headline: str, body: str, detection: Detection) -> Extraction | None:
    clauses = [headline, *(sentences(body)[:SUMMARY_SENTENCES] if body else [])]
    marked = [mark(clause) for clause in clauses]
    people = [name for clause in marked for name in clause.names if " " in name and person_like(name) and _PERSON_PAIR.fullmatch(name)]
    if not people:
        return None
    person = people[0]
    company = None
    headline_marked = marked[0]
    # A name right before a title ("Xilinx CIO") or possessive ("Acme's CEO") is the company first; then any other name.
    before_title = {int(k) for k in re.findall(r"⟪(\d+)⟫(?:'s)?\s+⟦", headline_marked.text)}
    order = sorted(range(len(headline_marked.names)), key=lambda k: (k not in before_title, k))
    for k in order:
        name = headline_marked.names[k]
        if name != person and not (person_like(name) and " " in name and not _has_caps_word(name)):
            company = plausible_company(name)
            subject = k == 0 and headline_marked.text.startswith("⟪0⟫") and _VERB_AFTER.match(headline_marked.text, 3) is not None
            if company and (k in before_title or subject or " " in company or _has_caps_word(company)):
                break
            company = None
    if company is None:
        return None
    title = next((title for clause in marked for title in clause.titles), None)
    role = classify_title(title, officer=True) if title else None
    attributes = {"person": person, "title": title, "function": role.function if role else None, "seniority": role.seniority if role else None}
    return Extraction(EventType.LEADERSHIP, detection.label, company, attributes, why=_why(detection), model=detection.explain())
