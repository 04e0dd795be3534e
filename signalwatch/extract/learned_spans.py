"""A learned slot scorer for the learned detector: which name in an item is its event's company, or its person.

learned_slots.py fills a detection's slots by hand-written heuristics. Here every candidate span of
the item (the name runs `names.mark` finds in the headline and the standfirst's first sentences, a
name with its describing words cut off, and the heuristics' own answer) is scored by a binary
logistic regression per role (`ROLES`) over readable features of where the span stands:

- where: "h:start" the headline opens with it, "h:pos=1" the second name of the headline, "s:" the same
  in the standfirst, "both" it is in the headline and the standfirst;
- its neighbours: "h:prev=by", "s:prev2=led by" (the investor side), "h:next=raises", "h:next='s"
  (a possessive), "h:next=<title>" ("Uber CEO"), "h:prev=<title>" ("CEO Tim Cook"), "h:next-verb" a
  present-tense verb follows (the clause's subject);
- money: "h:money-after" an amount follows it in the clause, "h:money-verb-after" a money verb right after;
- its shape: "w=2" two words, "co-word" ("Labs", "Capital", "Bank"), "legal" ("Inc"), "caps" (an inner
  capital or an acronym: "DeepMind", "IBM"), "person" (a first-and-last-name pair), "digit";
- "surname": the last word of a person the item names in full ("Fiorina"), "in-person": another part of one;
- "tied"/"stated": a clause ties the person to a title or change, and states the change (leadership);
- "heur": the heuristics chose this span.

The best span is taken when its probability reaches the role's `threshold` (a wrong company is worse
than none: below it the slot stays empty and the event is not emitted). Weights are fitted by
`train.py` on the spent sets, gold `company_name` / `person` strings projected onto the candidates by
normalised match, and shipped as the "spans" part of model_weights.json; read on first use, never at import.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signalwatch.extract.learned import WEIGHTS_PATH, Model, read_weights
from signalwatch.extract.learned_slots import clauses_of
from signalwatch.extract.money import find_amounts
from signalwatch.extract.names import Marked, mark, names_in, person_like
from signalwatch.extract.text import plausible_company
from signalwatch.resolve import normalize_name

if TYPE_CHECKING:
    from signalwatch.extract.learned import Detection
    from signalwatch.extract.model import Extraction

__all__ = ["ROLES", "SPANS_PATH", "Span", "Choice", "candidates", "choose", "load_spans", "same_slot", "CLASSES", "Scorer", "Picker", "fill", "MODES", "settle"]

SPANS_PATH = WEIGHTS_PATH  # the detector's file: its "spans" part
ROLES = ("funding.company", "leadership.company", "leadership.person")
CLASSES = ("other", "slot")

_LEGAL = frozenset("inc inc. corp corp. corporation ltd ltd. limited llc plc gmbh ag sa co. nv bv".split())
_COMPANY_WORDS = frozenset(
    """labs lab capital medical health healthcare technologies technology tech therapeutics bio biotech biosciences sciences pharma
    pharmaceuticals systems software networks network energy power bank group partners holdings ventures robotics security foods
    motors materials solutions analytics data media games studios studio foundation logistics mobility finance financial payments
    insurance genomics diagnostics devices instruments semiconductor semiconductors electric electronics airlines airways telecom
    communications industries international global enterprises services brands ai""".split()
)
_PERSON = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]{0,3}['’]?[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?")
_AMOUNT = re.compile(r"\d[\d.,]*\s?(?i:[mkb]n?|million|billion)?")  # "10M": an amount, never a name
_WORD = re.compile(r"⟪\d+⟫(?:'s)?|⟦\d+⟧|[A-Za-z][\w'-]*|[$€£₹]|\d[\d.,]*|[^\s\w]")
_MONEY_VERB = re.compile(r"\s*(?:(?:has|have|had|just|is|was|will|to)\s+)?(?:raises?|raised|raising|secures?|secured|lands?|landed|closes?|"
                         r"closed|nabs?|bags?|gets?|receives?|received|attracts?|garners?|nets?|completes?|completed|snags?|scores?|"
                         r"pulls\s+in|rakes\s+in|picks\s+up)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """One candidate slot value: the text as the item spells it and the features of where it stands."""

    text: str
    feats: tuple[str, ...]


@dataclass(frozen=True)
class Choice:
    """The span a role's scorer rates best (`best`), its probability, the features that pushed most, and `text`: the span
    when the probability reaches the threshold, None when the scorer refuses."""

    best: str | None
    probability: float
    top: tuple[tuple[str, float], ...]
    text: str | None

    def explain(self, role: str) -> str:
        words = ", ".join(f"{feat} {weight:+.2f}" for feat, weight in self.top)
        return f"span.{role} {self.best!r} p={self.probability:.2f}: {words}"


def same_slot(role: str, got: str | None, want: str | None) -> bool:
    """Whether a span fills a gold slot: companies by `normalize_name`, people by their words, case aside."""
    if not got or not want:
        return False
    if role.endswith("person"):
        return " ".join(got.replace("’", "'").lower().split()) == " ".join(want.replace("’", "'").lower().split())
    return normalize_name(got) == normalize_name(want)


def _shape(text: str) -> set[str]:
    words = text.split()
    low = [word.lower().strip(",.") for word in words]
    found = {f"w={min(len(words), 3)}"}
    if _COMPANY_WORDS.intersection(low):
        found.add("co-word")
    if _LEGAL.intersection(low):
        found.add("legal")
    if any(any(c.isupper() for c in word[1:]) for word in words):
        found.add("caps")
    if _PERSON.fullmatch(text) and person_like(text) and "co-word" not in found:
        found.add("person")
    if any(c.isdigit() for c in text):
        found.add("digit")
    return found


def _neighbours(where: str, marked: Marked, k: int) -> set[str]:
    """The words before and after name `k` in a marked clause, and the money after it."""
    marker = f"⟪{k}⟫"
    at = marked.text.find(marker)
    before = [_token(t) for t in _WORD.findall(marked.text[:at])[-2:]]
    rest = marked.text[at + len(marker) :]
    after = [_token(t) for t in _WORD.findall(rest)[:1]]
    found = {f"{where}:pos={min(k, 3)}"}
    if not before:
        found.add(f"{where}:start")
    else:
        found.add(f"{where}:prev={before[-1]}")
        if len(before) == 2:
            found.add(f"{where}:prev2={before[0]} {before[1]}")
    nxt = after[0] if after else "</s>"
    if rest.startswith("'s"):
        nxt = "'s"
    found.add(f"{where}:next={nxt}")
    if re.match(r"\s+[a-z]+s\b", rest):
        found.add(f"{where}:next-verb")
    if _MONEY_VERB.match(rest):
        found.add(f"{where}:money-verb-after")
    if find_amounts(marked.unmark(rest)):
        found.add(f"{where}:money-after")
    return found


def _token(word: str) -> str:
    if word.startswith("⟪"):
        return "<name>"
    if word.startswith("⟦"):
        return "<title>"
    return "<num>" if word[0].isdigit() else word.lower()


def candidates(headline: str, body: str, role: str, heuristic: str | None = None,
               marked: Sequence[Marked] | None = None) -> list[Span]:
    """The role's candidate spans of an item, each with its features, in the order they first appear."""
    if marked is None:
        marked = [mark(clause) for clause in clauses_of(headline, body)]
    person_role = role.endswith("person")
    found: dict[str, tuple[str, set[str]]] = {}
    places: dict[str, set[str]] = {}
    for i, clause in enumerate(marked):
        where = "h" if i == 0 else "s"
        tied = _tied(clause) if role.startswith("leadership") else {}
        for k, name in enumerate(clause.names):
            texts = [name]
            if not person_role and (cut := plausible_company(name)) and cut != name:
                texts.append(cut)  # "Berkshire-backed Snowflake" → "Snowflake"
            for text in texts:
                key = normalize_name(text) if not person_role else text.lower()
                if not key or _AMOUNT.fullmatch(text):
                    continue
                feats = found.setdefault(key, (text, set()))[1]
                places.setdefault(key, set()).add(where)
                feats |= _neighbours(where, clause, k)
                if text != name:
                    feats.add("cut")
                if k in tied:
                    feats.add(f"{where}:tied")
                    if tied[k]:
                        feats.add(f"{where}:stated")
    if heuristic:
        key = normalize_name(heuristic) if not person_role else heuristic.lower()
        if key:
            found.setdefault(key, (heuristic, set()))[1].add("heur")
    people = names_in(list(marked))
    spans = []
    for key, (text, feats) in found.items():
        if places.get(key) == {"h", "s"}:
            feats.add("both")
        if " " not in text and any(person.split()[-1] == text for person in people):
            feats.add("surname")  # "Fiorina" where the item names "Carly Fiorina": a person, not a company
        elif any(text in person and text != person for person in people):
            feats.add("in-person")
        spans.append(Span(text, tuple(sorted(feats | _shape(text)))))
    return spans


def _tied(clause: Marked) -> dict[int, bool]:
    """Name index → whether the clause states the change of the person it ties to a title or change verb."""
    from signalwatch.extract.learned_slots import stated_change, tied_people  # late: learned_slots imports learned

    return {k: stated_change(clause.text, k) is not None for k, _ in tied_people(clause)}


def choose(model: Model, spans: Sequence[Span], top: int = 4) -> Choice:
    """The span the model scores highest; its `text` is None when the probability stays below the model's threshold."""
    if not spans:
        return Choice(None, 0.0, (), None)
    scored = [(model.probabilities(span.feats)[1], -i, span) for i, span in enumerate(spans)]
    probability, _, best = max(scored, key=lambda entry: entry[:2])
    pushes = sorted(((feat, row[1] - row[0]) for feat in best.feats if (row := model.weights.get(feat)) is not None),
                    key=lambda pair: (-pair[1], pair[0]))
    return Choice(best.text, probability, tuple(pair for pair in pushes[:top] if pair[1] > 0),
                  best.text if probability >= model.threshold else None)


def settle(mode: str, heuristic: str | None, choice: Choice | None) -> str | None:
    """The slot's value by `mode` (see `Picker`) from the heuristics' answer and the scorer's choice."""
    if mode == "rescue" and heuristic is not None or choice is None:
        return heuristic
    if choice.text is not None:
        return choice.text
    return heuristic if mode == "fallback" else None


@dataclass(frozen=True)
class Scorer:
    """One role's span scorer: the model (its threshold is the refusal threshold) and how it overrules the heuristics."""

    model: Model
    mode: str = "replace"

    def to_json(self) -> dict[str, Any]:
        return {"mode": self.mode, **self.model.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scorer:
        return cls(Model.from_json(data), str(data["mode"]))


@functools.cache
def load_spans(path: Path = SPANS_PATH) -> dict[str, Scorer] | None:
    """The shipped span scorers by role, read on first use; None when the file is missing or the scorer is switched off."""
    weights = read_weights(path)  # parsed once with the detector's models
    if weights is None:
        return None
    data: dict[str, Any] = weights.get("spans", {})
    if not data.get("enabled", False):
        return None
    return {role: Scorer.from_json(found) for role in ROLES if (found := data["scorers"].get(role)) is not None}


MODES = ("replace", "fallback", "rescue")


class Picker:
    """A slot chooser for the slot fillers (learned_slots.Pick): the role's best span by `mode`, its `Choice` kept for --explain.

    "replace": the best span when it reaches the threshold, else nothing (refuse); "fallback": the best span when it reaches
    the threshold, else the heuristics' answer; "rescue": the heuristics' answer, or the best span when they found none.
    """

    def __init__(self, model: Model, role: str, headline: str, body: str, mode: str = "replace") -> None:
        self.model, self.role, self.headline, self.body, self.mode = model, role, headline, body, mode
        self.choice: Choice | None = None
        self.heuristic: str | None = None

    def __call__(self, heuristic: str | None) -> str | None:
        self.heuristic = heuristic
        if not (self.mode == "rescue" and heuristic is not None):  # a rescue with the heuristics' own answer reads no spans
            self.choice = choose(self.model, candidates(self.headline, self.body, self.role, heuristic))
        return settle(self.mode, heuristic, self.choice)


def fill(task: str, headline: str, body: str, detection: Detection, scorers: dict[str, Scorer] | None) -> Extraction | None:
    """The event slot filling makes of a detection; where a scorer is on for the task's company, it has the last word,
    and the event's why and model explanation name the features that chose the span."""
    from signalwatch.extract.learned_slots import SLOT_FILLERS

    role = f"{task}.company"
    scorer = scorers.get(role) if scorers else None
    if scorer is None:
        return SLOT_FILLERS[task](headline, body, detection)
    picker = Picker(scorer.model, role, headline, body, scorer.mode)
    event = SLOT_FILLERS[task](headline, body, detection, picker)
    if event is None or picker.choice is None or event.company_name != picker.choice.text:
        return event  # the heuristics' company stands (a "fallback" below the threshold, a "rescue" with their own answer)
    said = picker.choice.explain(role)
    model = {**(event.model or {}), "span": {"role": role, "text": picker.choice.best, "probability": round(picker.choice.probability, 3),
                                             "heuristic": picker.heuristic,
                                             "top_features": [{"feature": f, "weight": round(w, 3)} for f, w in picker.choice.top]}}
    return replace(event, why=f"{event.why}; company by {said}", model=model)
