"""A learned token tagger for slot filling: which words of an item are its event's company, person and title.

The headline and the standfirst's first sentences (`SENTENCES`) are cut into tokens (`tokenize`); a structured
averaged perceptron (train_tagger.py) gives each token a BIO tag of a role (`TAGS`: "B-CO"/"I-CO" the event's
company, "B-PER"/"I-PER" its person, "B-TTL"/"I-TTL" its title, "O" none), decoded per clause by Viterbi
(`viterbi`) with the BIO constraint (an "I-" tag only after its own "B-" or "I-"). Features of a token
(`token_features`): the word, its lower case, shape, prefix and suffix, capitalisation, headline vs standfirst,
its neighbours within two tokens, the event's task (funding or leadership) and how near it stands to a money
amount, a money verb, a round word, an appointment or departure word or a title word (the word classes of
learned.py and learned_slots.py).

How sure the tagger is of a span (`Span.margin`): the best path's score minus the best score of a path that does
not give the span's tokens that role (a second, constrained Viterbi). A slot is filled only when the margin
reaches the use's refusal threshold, chosen left-out by train.py; below it the tagger refuses (a wrong company
is worse than none). `Span.top` names the features that pushed the span's tags most, for `extract --explain`.

The weights are fitted by `python -m signalwatch.extract.train` and shipped as tagger_weights.json next to
this file; read on first use, never at import.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signalwatch.events import EventType
from signalwatch.extract.learned_slots import PERSON_PAIR, ROUND_WORDS, SLOT_FILLERS, public_body, stated_change
from signalwatch.extract.model import Extraction
from signalwatch.extract.money import find_amounts
from signalwatch.extract.names import _TITLE_CUES as TITLE_CUES
from signalwatch.extract.names import mark
from signalwatch.extract.text import plain_text, plausible_company, sentences
from signalwatch.resolve import normalize_name
from signalwatch.titles import classify_title

if TYPE_CHECKING:
    from signalwatch.extract.learned import Detection

__all__ = ["TAGS", "ROLES", "TAGGER_PATH", "Tagger", "Span", "Token", "tokenize", "clauses", "token_features", "viterbi", "load_tagger",
           "same_value", "USES", "fill_company", "tagged_events", "tagger_event"]

TAGGER_PATH = Path(__file__).with_name("tagger_weights.json")
TAGS = ("O", "B-CO", "I-CO", "B-PER", "I-PER", "B-TTL", "I-TTL")
ROLES = {"CO": "company", "PER": "person", "TTL": "title"}  # tag suffix → slot
USES = ("fill", "funding", "leadership")  # (a) pattern events without a company; (b) the detector's events, by task
SENTENCES = 2  # standfirst sentences read, as the slot fillers read them
_START = len(TAGS)  # the row of the transition table for the start of a clause

_TOKEN = re.compile(r"['’]s\b|\w+(?:[.&-]\w+|['’](?!s\b)\w+)*\.?(?<=[A-Z]\.)|\w+(?:[.&-]\w+|['’](?!s\b)\w+)*|[$€£₹]|[^\s\w]")

# Word classes (lower case): money verbs as learned.py's `_MONEY_VERB` lists them, round words (learned_slots.ROUND_WORDS),
# appointment and departure verbs as learned_slots' `_TIES` and `_DEPART` read them, title words (names._TITLE_CUES).
_MONEY_VERBS = frozenset(
    """raise raises raised raising secure secures secured land lands landed get gets got close closes closed nab nabs nabbed bag bags
    bagged grab grabs receive receives received attract attracts attracted net nets netted garner garners garnered gain gains gained
    score scores scored snag snags snagged win wins won inject injects injected pump pumps pumped pulls rakes brings hauls picks""".split())
_APPOINT = frozenset(
    """names named appoints appointed hires hired taps tapped promotes promoted welcomes picks elects elected joins joined join joining
    becomes became succeeds succeeded replaces replaced takes took helm reins lands tipped""".split())
_DEPART = frozenset(
    """resigns resigned resign resigning quits quit leaves leave leaving left departs departed departure exits exit exited retires
    retire retired retiring ousted ousts fired fires sacked axed steps stepped stepping step down aside out""".split())
_CLASSES = (("money", lambda w: w in "$€£₹"), ("mverb", _MONEY_VERBS.__contains__), ("round", ROUND_WORDS.__contains__),
            ("appoint", _APPOINT.__contains__), ("depart", _DEPART.__contains__), ("title", TITLE_CUES.__contains__))
_REACH = 4  # tokens either side a word class is looked for


@dataclass(frozen=True)
class Token:
    """One token of a clause and where it sits in the clause's text."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The clause's tokens: words (with inner "." "&" "-" "'": "J.P.", "AT&T", "O'Brien"), a possessive "'s" apart, symbols."""
    return [Token(found.group(0), found.start(), found.end()) for found in _TOKEN.finditer(text)]


def clauses(headline: str, body: str) -> list[str]:
    """The texts the tagger reads: the headline, then the standfirst's first `SENTENCES` sentences."""
    return [headline, *(sentences(body)[:SENTENCES] if body else [])]


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]+", "X", re.sub(r"[a-z]+", "x", re.sub(r"\d+", "d", word)))
    return shape[:6]


def token_features(text: str, tokens: Sequence[Token], zone: str, task: str) -> list[list[str]]:
    """The features of each token of one clause (`zone` "h" the headline, "s" the standfirst) for an event of `task`."""
    lows = [token.text.lower() for token in tokens]
    money = [False] * len(tokens)
    for amount in find_amounts(text):
        for i, token in enumerate(tokens):
            if token.start < amount.end and amount.start < token.end:
                money[i] = True
    pairs = [(found.start(), found.end()) for found in PERSON_PAIR.finditer(text)]
    classes = [[name for name, test in _CLASSES if test(low)] + (["amount"] if money[i] else []) for i, low in enumerate(lows)]
    found: list[list[str]] = []
    padded = ["<s2>", "<s>", *lows, "</s>", "</s2>"]
    for i, token in enumerate(tokens):
        word, low = token.text, lows[i]
        feats = ["b", f"l={low}", f"sh={_shape(word)}", f"p3={low[:3]}", f"s3={low[-3:]}", f"z={zone}", f"t={task}",
                 f"t={task}|l={low}", f"l-1={padded[i + 1]}", f"l-2={padded[i]}", f"l+1={padded[i + 3]}", f"l+2={padded[i + 4]}",
                 f"l-1|l={padded[i + 1]}|{low}", f"t={task}|l-1={padded[i + 1]}", f"t={task}|l+1={padded[i + 3]}"]
        if word[:1].isupper():
            feats.append("cap" if i else "cap0")
            if i and tokens[i - 1].text[:1].isupper():
                feats.append("cap-1")
            if i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
                feats.append("cap+1")
        if any(c.isupper() for c in word[1:]):
            feats.append("innercap")
        if any(start <= token.start and token.end <= end for start, end in pairs):
            feats.append("pair")  # inside a first-and-last-name pair
        for j in range(max(0, i - _REACH), min(len(tokens), i + _REACH + 1)):
            if j != i:
                feats.extend(f"{name}{j - i:+d}" if abs(j - i) <= 1 else f"{name}{'<' if j < i else '>'}" for name in classes[j])
        feats.extend(f"is-{name}" for name in classes[i])
        found.append(feats)
    return found


def viterbi(emissions: Sequence[Sequence[float]], transitions: Sequence[Sequence[float]],
            banned: frozenset[tuple[int, int]] = frozenset()) -> tuple[list[int], float]:
    """The best tag path and its score: `emissions[i][t]` the score of tag t at token i, `transitions[p][t]` of tag t after
    tag p (row `len(TAGS)`: at the clause's start); an "I-" tag only after its own "B-" or "I-"; `banned` (token, tag) pairs never."""
    k = len(TAGS)
    allowed, before = _ALLOWED, _BEFORE
    score = [transitions[_START][t] + emissions[0][t] if allowed[_START][t] and (0, t) not in banned else _NEG for t in range(k)]
    back: list[list[int]] = []
    for i in range(1, len(emissions)):
        row, pointers = [], []
        for t in range(k):
            if banned and (i, t) in banned:
                row.append(_NEG)
                pointers.append(0)
                continue
            best, arg = _NEG, 0
            for p in before[t]:  # the tags allowed before t, in tag order: the same ties as trying every tag
                if (value := score[p] + transitions[p][t]) > best:
                    best, arg = value, p
            row.append(best + emissions[i][t])
            pointers.append(arg)
        score = row
        back.append(pointers)
    last = max(range(k), key=lambda t: (score[t], -t))
    path = [last]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    return path[::-1], score[last]


_NEG = -1e18
_ALLOWED = [[not TAGS[t].startswith("I-") or (p < len(TAGS) and TAGS[p][2:] == TAGS[t][2:]) for t in range(len(TAGS))]
            for p in range(len(TAGS) + 1)]
_BEFORE = [tuple(p for p in range(len(TAGS)) if _ALLOWED[p][t]) for t in range(len(TAGS))]  # by tag: the tags that may precede it


@dataclass(frozen=True)
class Span:
    """A run of tokens the tagger gives one role: its text as the item spells it, its margin and the features that pushed."""

    role: str
    text: str
    clause: int
    margin: float
    top: tuple[tuple[str, float], ...] = field(default=())

    def explain(self) -> dict[str, Any]:
        return {"role": self.role, "text": self.text, "margin": round(self.margin, 2),
                "top_features": [{"feature": feat, "weight": round(weight, 2)} for feat, weight in self.top]}


def same_value(role: str, got: str | None, want: str | None) -> bool:
    """Whether two slot values are the same, as scoring compares them (evaluate): companies by `normalize_name`, people and
    titles by `plain_text` (case, spaces and the form of a quote mark aside)."""
    if not got or not want:
        return False
    if role == "company":
        return normalize_name(got) == normalize_name(want)
    return plain_text(got) == plain_text(want)


@dataclass
class Tagger:
    """The weights (feature → a score per tag), the transition table, and the refusal margin of each use that is on."""

    weights: dict[str, list[float]]
    transitions: list[list[float]]
    uses: dict[str, dict[str, Any]] = field(default_factory=dict)  # use → {"margin": refusal, "mode": ..., "threshold": ...}

    def emissions(self, feats: Sequence[Sequence[str]]) -> list[list[float]]:
        get, zero = self.weights.get, [0.0] * len(TAGS)
        out = []
        for token_feats in feats:
            rows = [row for row in map(get, token_feats) if row is not None]
            out.append([sum(column) for column in zip(*rows)] if rows else list(zero))
        return out

    def spans(self, headline: str, body: str, task: str, top: int = 4, roles: Collection[str] | None = None) -> list[Span]:
        """Every span the best paths of the item's clauses tag, with its margin, in reading order; with `roles`, only the spans
        of those roles (a margin costs a second Viterbi, and a use that reads only the company needs no other)."""
        found: list[Span] = []
        for index, text in enumerate(clauses(headline, body)):
            tokens = tokenize(text)
            if not tokens:
                continue
            feats = token_features(text, tokens, "h" if index == 0 else "s", task)
            emissions = self.emissions(feats)
            path, best = viterbi(emissions, self.transitions)
            for start, end, suffix in _runs(path, tokens):
                if roles is not None and ROLES[suffix] not in roles:
                    continue
                tags = {TAGS.index(f"B-{suffix}"), TAGS.index(f"I-{suffix}")}
                banned = frozenset((i, t) for i in range(start, end) for t in tags)
                margin = best - viterbi(emissions, self.transitions, banned)[1]
                found.append(Span(ROLES[suffix], text[tokens[start].start : tokens[end - 1].end], index, margin,
                                  self._pushes(feats, path, start, end, top)))
        return found

    def _pushes(self, feats: Sequence[Sequence[str]], path: Sequence[int], start: int, end: int, top: int) -> tuple[tuple[str, float], ...]:
        """The features that pushed the span's tags most against "O", summed over its tokens."""
        pushes: dict[str, float] = {}
        for i in range(start, end):
            for feat in feats[i]:
                if (row := self.weights.get(feat)) is not None:
                    pushes[feat] = pushes.get(feat, 0.0) + row[path[i]] - row[0]
        ranked = sorted(pushes.items(), key=lambda pair: (-pair[1], pair[0]))
        return tuple((feat, weight) for feat, weight in ranked[:top] if weight > 0)

    def best(self, spans: Sequence[Span], role: str) -> Span | None:
        """The role's span with the widest margin (the earliest of equals), whatever the refusal threshold."""
        return max((s for s in spans if s.role == role), key=lambda s: s.margin, default=None)

    def to_json(self) -> dict[str, Any]:
        return {"tags": list(TAGS), "uses": self.uses, "transitions": [[round(w, 3) for w in row] for row in self.transitions],
                "weights": {feat: [_short(w) for w in row] for feat, row in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tagger:
        return cls({k: [float(w) for w in v] for k, v in data["weights"].items()}, [[float(w) for w in row] for row in data["transitions"]],
                   dict(data.get("uses", {})))


def _short(weight: float) -> float | int:
    """A weight as written: two decimals, a whole number without its ".0" (the file stays small)."""
    rounded = round(weight, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def _runs(path: Sequence[int], tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """(start, end, role suffix) of each B-/I- run of a tag path, without the punctuation, possessive or "and" at its edges
    ("Telkomsel,", "Uber's", "Twitter and" are "Telkomsel", "Uber", "Twitter"); a run of edges alone is none."""
    runs: list[tuple[int, int, str]] = []
    for i, t in enumerate(path):
        tag = TAGS[t]
        if tag.startswith("B-"):
            runs.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-") and runs and runs[-1][1] == i and runs[-1][2] == tag[2:]:
            runs[-1] = (runs[-1][0], i + 1, tag[2:])
    trimmed = []
    for start, end, suffix in runs:
        while start < end and _EDGE.fullmatch(tokens[start].text):
            start += 1
        while end > start and _EDGE.fullmatch(tokens[end - 1].text):
            end -= 1
        if start < end:
            trimmed.append((start, end, suffix))
    return trimmed


_EDGE = re.compile(r"[^\w$€£₹]|['’]s|and|the|of|(?i:a|an)")


@functools.cache
def load_tagger(path: Path = TAGGER_PATH) -> Tagger | None:
    """The shipped tagger, read on first use; None when the file is missing or no use of it is switched on."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return Tagger.from_json(data) if data.get("uses") else None  # switched off: no weights are shipped


# Uses ----------------------------------------------------------------------------------------------------------------------


def _explained(event: Extraction, used: Sequence[Span]) -> Extraction:
    """`event` with its why and model explanation naming the tagger's spans and the features that decided them."""
    said = "; ".join(f"{span.role} by tagger {span.text!r} margin {span.margin:.1f}: "
                     + ", ".join(f"{feat} {weight:+.2f}" for feat, weight in span.top) for span in used)
    model = {**(event.model or {}), "tagger": [span.explain() for span in used]}
    return replace(event, why=f"{event.why}; {said}" if event.why else said, model=model)


def _company_span(spans: Sequence[Span], person: str | None) -> Span | None:
    """The widest-margin company span that is not the event's person ("Jane Doe" is no company)."""
    return max((s for s in spans if s.role == "company" and not (person and same_value("person", s.text, person))),
               key=lambda s: s.margin, default=None)


def fill_company(event: Extraction, headline: str, body: str, tagger: Tagger, margin: float) -> tuple[Extraction | None, Span | None]:
    """Use "fill": a pattern event without a company with the tagger's company when its margin reaches `margin` (else None),
    and the span it weighed."""
    span = _company_span(tagger.spans(headline, body, event.type.value, roles=("company",)), event.attributes.get("person"))
    if span is None or span.margin < margin or (name := plausible_company(span.text)) is None or public_body(span.text):
        return None, span
    return _explained(replace(event, company_name=name), [span]), span


def tagged_events(task: str, headline: str, body: str, detection: Detection, tagger: Tagger,
                  modes: Sequence[str]) -> dict[str, tuple[Extraction | None, float]]:
    """Uses "funding"/"leadership": by mode, the event the tagger makes of a detection and how sure it is (the smallest margin of
    the slots it filled): "pick" the heuristics' event with the tagger's company; "replace" (leadership) the tagger's person and
    company, the clause's verb or else the detector saying the change."""
    spans = tagger.spans(headline, body, task, roles=None if "replace" in modes else ("company",))  # "pick" reads the company alone
    found: dict[str, tuple[Extraction | None, float]] = {}
    if "pick" in modes:
        company = _company_span(spans, None)
        event = None
        if company is not None and (name := plausible_company(company.text)) is not None:
            event = SLOT_FILLERS[task](headline, body, detection, lambda heuristic: name)
            if event is not None and task == "leadership" and same_value("person", name, event.attributes.get("person")):
                event = None
        found["pick"] = (_explained(event, [company]) if event is not None and company is not None else None,
                         company.margin if company is not None else _NEG)
    if "replace" in modes and task == "leadership":
        person = tagger.best(spans, "person")
        company = _company_span(spans, person.text if person else None)
        event = _leadership(headline, body, detection, person, company, tagger.best(spans, "title")) if person and company else None
        found["replace"] = (event, min(person.margin, company.margin) if person and company else _NEG)
    return found


def _leadership(headline: str, body: str, detection: Detection, person: Span, company: Span, title_span: Span | None) -> Extraction | None:
    """The leadership event of the tagger's person and company; the title its best title span; the change as the person's clause
    states it (learned_slots.stated_change), else as the detector says."""
    name = plausible_company(company.text)
    if name is None or public_body(name) or not PERSON_PAIR.search(person.text):
        return None
    marked = mark(clauses(headline, body)[person.clause])
    index = next((k for k, found in enumerate(marked.names) if person.text in found), None)
    change = (stated_change(marked.text, index) if index is not None else None) or detection.label
    title = title_span.text if title_span is not None else None
    role = classify_title(title, officer=True) if title else None
    attributes = {"person": person.text, "title": title, "function": role.function if role else None,
                  "seniority": role.seniority if role else None}
    why = f"model.{detection.task} {detection.label} p={detection.probability:.2f}"
    return _explained(Extraction(EventType.LEADERSHIP, change, name, attributes, why=why, model=detection.explain()), [person, company])


def tagger_event(task: str, headline: str, body: str, detection: Detection, tagger: Tagger) -> Extraction | None:
    """The event the shipped tagger makes of a detection in the use's mode at its refusal margin (`Tagger.uses[task]`);
    "rescue": the heuristics' event when they fill it."""
    use = tagger.uses[task]
    mode, margin = str(use["mode"]), float(use["margin"])
    if mode == "rescue":
        if (heuristic := SLOT_FILLERS[task](headline, body, detection)) is not None:
            return heuristic
        mode = "replace" if task == "leadership" else "pick"
    event, sure = tagged_events(task, headline, body, detection, tagger, (mode,))[mode]
    return event if sure >= margin else None
