"""Rule conditions said in words, for the "why" of an alert and the headline of a composite one.

    event.attributes.title: {regex: "revenue|sales"}   ─▶  title mentions revenue or sales
    account.employees: {gte: 50, lte: 5000}            ─▶  account employees 50 to 5,000
    funding and roles >= 3 (window 14d)                ─▶  a funding round within 14 days and
                                                           at least 3 engineering roles in 14 days

An SDR reads these; `signalwatch explain` and `rules check` keep the engine's own syntax
(`Test.describe`), which is what an admin debugging a rule needs. Pure; regexes are read
with a small tokenizer, and one it cannot say in words reads "matches a custom pattern".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import timedelta
from typing import Any

from signalwatch.eventtypes import money
from signalwatch.rules.conditions import Match, Test
from signalwatch.rules.expr import Node
from signalwatch.rules.ruleset import Rule

__all__ = [
    "test_phrase", "match_phrase", "regex_words", "noun", "qualifier", "selection_phrase", "condition_phrase",
    "values_phrase", "days", "tests_phrase", "rule_phrase", "block_kind",
]

MAX_TERMS = 8  # alternatives of a regex listed before "or N more"
# What one event of a type (and change) is called: (singular, plural). A plugin's type reads "<type> event".
_NOUNS: dict[tuple[str, str | None], tuple[str, str]] = {
    ("funding", None): ("funding round", "funding rounds"),
    ("funding", "reported"): ("reported funding round", "reported funding rounds"),
    ("hiring", None): ("role", "roles"),
    ("hiring", "surge"): ("hiring surge", "hiring surges"),
    ("hiring", "closed"): ("closed role", "closed roles"),
    ("leadership", None): ("leadership change", "leadership changes"),
    ("leadership", "appointed"): ("executive appointment", "executive appointments"),
    ("leadership", "departed"): ("executive departure", "executive departures"),
    ("tech_stack", None): ("tech-stack change", "tech-stack changes"),
    ("tech_stack", "adopted"): ("technology adopted", "technologies adopted"),
    ("tech_stack", "dropped"): ("technology dropped", "technologies dropped"),
    ("tech_stack", "mentioned"): ("technology mention", "technology mentions"),
    ("acquisition", None): ("acquisition", "acquisitions"),
    ("acquisition", "reported"): ("reported acquisition", "reported acquisitions"),
    ("layoffs", None): ("layoff announcement", "layoff announcements"),
}
# Attributes whose values read as adjectives of the noun: "engineering roles", "series c funding rounds".
_QUALIFIERS = ("seniority", "function", "round", "category", "technology")
_SHOWN = {"vp": "VP", "c_level": "C-level", "revops": "RevOps", "crm": "CRM", "cdp": "CDP", "abm": "ABM",
          "pre_seed": "pre-seed", "series_d_plus": "Series D+"}
_COMPARE_WORDS = {">=": "at least", ">": "more than", "==": "exactly", "<=": "at most", "<": "fewer than"}
_NUMERIC_WORDS = {"gte": "at least", "gt": "more than", "lte": "at most", "lt": "less than"}


def days(window: timedelta | None) -> str:
    """"30 days", "1 day", "12 hours"."""
    seconds = window.total_seconds() if window is not None else 0
    if seconds and seconds < 86_400:
        hours = round(seconds / 3600)
        return f"{hours} hour{'s' if hours != 1 else ''}"
    count = round(seconds / 86_400)
    return f"{count} day{'s' if count != 1 else ''}"


def _shown(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return {None: "none", True: "yes", False: "no"}[value]
    text = str(value)
    if text in _SHOWN:
        return _SHOWN[text]
    if re.fullmatch(r"series_[a-z]", text):
        return "Series " + text[-1].upper()
    return text.replace("_", " ")


def values_phrase(values: Iterable[Any], joiner: str = "or") -> str:
    """"A", "A or B", "A, B or C" (values as rules name them, shown as people write them)."""
    return _listing([_shown(v) for v in values], joiner)


def _listing(items: Sequence[str], joiner: str = "or") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {joiner} {items[-1]}"


def _field(path: str) -> str:
    parts = path.split(".")
    if parts[0] == "account":
        return "account " + " ".join(parts[1:]).replace("_", " ")
    if len(parts) > 2 and parts[1] == "attributes":
        return " ".join(parts[2:]).replace("_", " ")
    return " ".join(parts[1:]).replace("_", " ") or path


def _number(path: str, value: Any) -> str:
    name = path.rsplit(".", 1)[-1]
    if name in ("amount", "amount_usd", "revenue") and isinstance(value, (int, float)) and value >= 1000:
        return money(value, "USD" if name != "amount" else None) or str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def test_phrase(test: Test) -> str:
    """One test in words: "title mentions revenue or sales", "account tier A or B"."""
    name, op, value = _field(test.path), test.op, test.value
    if op == "regex":
        words = regex_words(str(value))
        return f"{name} mentions {words}" if words else f"{name} matches a custom pattern"
    if op in ("eq", "in"):
        return f"{name} {values_phrase(value if isinstance(value, list) else [value])}"
    if op in ("ne", "not_in"):
        return f"{name} not {values_phrase(value if isinstance(value, list) else [value])}"
    if op in _NUMERIC_WORDS:
        return f"{name} {_NUMERIC_WORDS[op]} {_number(test.path, value)}"
    if op in ("contains", "icontains"):
        return f"{name} include {_shown(value)}"
    if op == "startswith":
        return f"{name} starts with {value}"
    if op == "exists":
        return f"{name} known" if value else f"no {name}"
    return test.describe()


def _tests_phrases(tests: Sequence[Test]) -> list[str]:
    """Phrases of tests, a lower and an upper bound on one field said together ("50 to 5,000")."""
    phrases: list[str] = []
    used: set[int] = set()
    for i, test in enumerate(tests):
        if i in used:
            continue
        if test.op in ("gte", "gt"):
            upper = next((j for j, other in enumerate(tests) if j not in used and j != i and other.path == test.path
                          and other.op in ("lte", "lt")), None)
            if upper is not None and test.op == "gte" and tests[upper].op == "lte":
                used.add(upper)
                phrases.append(f"{_field(test.path)} {_number(test.path, test.value)} to {_number(test.path, tests[upper].value)}")
                continue
        phrases.append(test_phrase(test))
    return phrases


_SAID: dict[tuple[str, tuple[int, ...]], tuple[tuple[Test, ...], str]] = {}
_SAID_MAX = 4096  # distinct test lists remembered (an ICP yields a few: one per tier and nice-criteria mix)


def tests_phrase(tests: Sequence[Test], joiner: str = "; ") -> str:
    """Tests (an ICP tier's criteria) in words, joined by `joiner`. Every alerting account's
    criteria are said, and accounts of one tier share the same test objects: each list is worded
    once (remembered by identity, its tests held so that no id is reused while remembered)."""
    held = tuple(tests)
    key = (joiner, tuple(map(id, held)))
    found = _SAID.get(key)
    if found is None:
        if len(_SAID) >= _SAID_MAX:
            _SAID.clear()
        found = _SAID[key] = (held, joiner.join(_tests_phrases(held)))
    return found[1]


def match_phrase(match: Match, joiner: str = "; ") -> str:
    """A match block in words, its tests joined by `joiner`."""
    parts = _tests_phrases(match.tests)
    if match.any_of:
        parts.append("either " + " or ".join(f"({match_phrase(block, ', ')})" for block in match.any_of))
    parts += [f"not ({match_phrase(block, ', ')})" for block in match.none_of]
    return joiner.join(parts)


def block_kind(match: Match) -> tuple[list[str], list[str]]:
    """The event types and changes a block names with eq/in (empty: any)."""
    found: dict[str, list[str]] = {"event.type": [], "event.change": []}
    for test in match.tests:
        if test.path in found and test.op in ("eq", "in"):
            found[test.path] = [str(v) for v in (test.value if isinstance(test.value, list) else [test.value])]
    return found["event.type"], found["event.change"]


def noun(event_type: str | None, change: str | None, plural: bool) -> str:
    """What events of a type and change are called: "executive appointment", "roles"."""
    if event_type is None:
        return "signals" if plural else "signal"
    found = _NOUNS.get((event_type, change)) or _NOUNS.get((event_type, None))
    if found is None:
        base = event_type.replace("_", " ")
        found = (f"{base} event", f"{base} events")
    return found[1] if plural else found[0]


def _block_noun(match: Match, plural: bool) -> str:
    types, changes = block_kind(match)
    if len(types) == 1:
        return noun(types[0], changes[0] if len(changes) == 1 else None, plural)
    if types:
        return f"{values_phrase(types)} {'events' if plural else 'event'}"
    return noun(None, None, plural)


def qualifier(match: Match) -> str:
    """The adjectives a block's attribute tests give its noun: "director or VP sales"."""
    words = []
    for name in _QUALIFIERS:
        test = next((t for t in match.tests if t.path == f"event.attributes.{name}" and t.op in ("eq", "in")), None)
        if test is not None:
            words.append(values_phrase(test.value if isinstance(test.value, list) else [test.value]))
    return " ".join(words)


def _rest(match: Match) -> str:
    """The block's tests that neither name its noun nor qualify it, in words."""
    skip = {"event.type", "event.change", *(f"event.attributes.{name}" for name in _QUALIFIERS)}
    kept = Match(tuple(t for t in match.tests if t.path not in skip or t.op not in ("eq", "in")), match.any_of, match.none_of)
    return match_phrase(kept, ", ")


def _article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def selection_phrase(match: Match, plural: bool = False) -> str:
    """An event-level block as a noun phrase: "executive appointment (title mentions VP)",
    "engineering roles"."""
    head = " ".join(part for part in (qualifier(match), _block_noun(match, plural)) if part)
    rest = _rest(match)
    return f"{head} ({rest})" if rest else head


def _event_phrase(match: Match) -> str:
    """A single rule's block: the event as a noun phrase, then the account's tests."""
    event = Match(tuple(t for t in match.tests if not t.path.startswith("account.")), match.any_of, match.none_of)
    account = [t for t in match.tests if t.path.startswith("account.")]
    return "; ".join(part for part in (selection_phrase(event), tests_phrase(account)) if part)


def _atom(node: Node, blocks: dict[str, Match], events: set[str], window: str | None) -> str:
    _, name, symbol, limit = node
    match = blocks.get(name)
    if match is None:
        return name
    if name not in events:
        return match_phrase(match, ", ")
    if window is None:  # a single rule: the one event matches the block
        return _event_phrase(match) if len(blocks) == 1 else _article(selection_phrase(match))
    if symbol is None:
        return f"{_article(selection_phrase(match))} within {window}"
    return f"{_COMPARE_WORDS[symbol]} {limit} {selection_phrase(match, plural=limit != 1)} in {window}"


def condition_phrase(tree: Node, blocks: dict[str, Match], events: set[str], window: timedelta | None) -> str:
    """A condition in words. `blocks`: selection name → match; `events`: the names of event-level
    selections, counted over `window` (None: a single rule, where one event matches or not);
    the others hold for the account."""
    span = days(window) if window is not None else None

    def say(node: Node, nested: bool) -> str:
        kind = node[0]
        if kind == "name":
            return _atom(node, blocks, events, span)
        if kind == "not":
            inner = node[1]
            if inner[0] == "name" and inner[2] is None and inner[1] in events:
                plural = selection_phrase(blocks[inner[1]], plural=True) if inner[1] in blocks else inner[1]
                return f"no {plural} in {span}" if span else f"not {_article(selection_phrase(blocks[inner[1]]))}"
            return f"not ({say(inner, False)})"
        joined = f" {kind} ".join(say(part, True) for part in node[1])
        return f"({joined})" if nested and kind == "or" else joined
    return say(tree, False) if tree else ""


def rule_phrase(rule: Rule) -> str:
    """What a rule fires on, in words: "executive appointment (title mentions revenue or sales);
    account tier A or B", "a funding round within 30 days and at least 3 engineering roles in 30 days"."""
    blocks = {s.name: s.match for s in rule.selections}
    events = {s.name for s in rule.selections if s.event_level}
    window = rule.window if rule.kind == "composite" else None
    return condition_phrase(rule.condition.tree, blocks, events, window)


# -- regexes in words ------------------------------------------------------------------

_SEPARATOR = re.compile(r"\[(?:[- _.]|\\s)+\]|\\s|\\-|\\_")
_ANY = re.compile(r"\.(?:\*\??|\+\??|\{\d*,?\d*\}\??)")


def regex_words(pattern: str) -> str | None:
    """The texts an admin regex looks for, in words ("revenue, sales or GTM"), or None when it is
    not a plain list of words and phrases (character ranges, repeats of words)."""
    text = re.sub(r"^\(\?[aiLmsux]+\)", "", pattern)
    alternatives = _split(text)
    if alternatives is None:
        return None
    words = []
    for alternative in alternatives:
        said = _sequence(alternative)
        if not said:
            return None
        words.append(said)
    shown = words[:MAX_TERMS]
    if len(words) > MAX_TERMS:
        return f"{', '.join(shown)} or {len(words) - MAX_TERMS} more"
    return _listing(shown)


def _structure(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each character of `text` from `start` that shapes the pattern — outside escapes and
    character classes — with the group depth after it; depth -1 marks an unbalanced `)`.
    Ends with (len(text), "", depth) when the text ends outside a class, else (…, "[", depth)."""
    depth, i, in_class = 0, start, False
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += {"(": 1, ")": -1}.get(ch, 0)
            yield i, ch, depth
        i += 1
    yield len(text), "[" if in_class else "", depth


def _split(text: str) -> list[str] | None:
    """`text` cut at its top-level `|` (outside groups and classes); None if unbalanced."""
    parts, start = [], 0
    for i, ch, depth in _structure(text):
        if depth < 0:
            return None
        if ch == "|" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        elif i == len(text):
            if depth or ch == "[":
                return None
    parts.append(text[start:])
    return parts


def _group_end(text: str, start: int) -> int:
    """Index of the `)` closing the group opened at `start`, or -1."""
    for i, ch, depth in _structure(text, start):
        if ch == ")" and depth == 0:
            return i
        if depth < 0:
            return -1
    return -1


def _sequence(text: str) -> str | None:
    """One alternative as words: literals kept, word boundaries and anchors dropped, separators
    read as a space, `.*` as "…", a group of alternatives as "a/b"; None for anything else."""
    out: list[str] = []
    i = 0
    while i < len(text):
        rest = text[i:]
        if rest.startswith(("\\b", "\\B")) or rest[0] in "^$":
            i += 2 if rest[0] == "\\" else 1
            continue
        separator = _SEPARATOR.match(rest)
        if separator:
            out.append(" ")
            i += separator.end()
            i += 1 if text[i:i + 1] in ("?", "+", "*") else 0
            continue
        anything = _ANY.match(rest)
        if anything:
            out.append(" … ")
            i += anything.end()
            continue
        if rest[0] == "(":
            end = _group_end(text, i)
            if end < 0:
                return None
            inner = text[i + 1:end]
            inner = re.sub(r"^\?(?::|[aiLmsux]+:)", "", inner)
            if inner.startswith("?"):
                return None  # lookarounds, named groups, conditionals
            options = _split(inner)
            said = [_sequence(option) for option in options or []]
            if not said or any(not s for s in said):
                return None
            optional = text[end + 1:end + 2] == "?"
            if text[end + 1:end + 2] in ("+", "*", "{"):
                return None
            phrase = "/".join(s.strip() for s in said if s)
            if optional:  # "(?:senior )?account executive" reads "(senior) account executive"
                before = " " if inner[:1].isspace() else ""
                after = " " if inner.endswith((" ", "\\s")) else ""
                phrase = f"{before}({phrase}){after}"
            out.append(phrase)
            i = end + (2 if optional else 1)
            continue
        if rest[0] == "\\":
            if len(rest) < 2 or rest[1].isalnum():
                return None  # \d, \w, back-references: not words
            out.append(rest[1])
            i += 2
        elif rest[0] in "[.{}+*)":
            return None
        elif rest[0] == "?":
            i += 1  # the character before it is optional: "colou?r" reads "colour"
            continue
        else:
            out.append(rest[0])
            i += 1
        if text[i:i + 1] in ("+", "*", "{"):
            return None
    words = re.sub(r"\s+", " ", "".join(out)).strip()
    return words or None
