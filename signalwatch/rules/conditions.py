"""The condition language shared by the ICP and rule files: data, never code.

A match block maps a field path to a test::

    event.type: funding                       # equals
    event.attributes.round: [seed, series_a]  # one of
    account.employees: {gte: 50, lte: 5000}   # operators, all must hold
    any_of: [ {...}, {...} ]                  # at least one block matches
    none_of: [ {...} ]                        # no block matches

Operators: eq, ne, in, not_in, gt, gte, lt, lte, contains, icontains, startswith, regex,
exists. On a list field, eq/in/contains/icontains test the list's items. Regexes are
compiled once and length-capped, refused when their shape can backtrack without bound
(nested quantifiers, overlapping alternatives under a quantifier, two unbounded repeats over
the same characters), and see at most the first 2,000 characters: evaluation runs under the
lock every source needs, so its worst case must stay bounded (a fraction of a second on
hostile text, microseconds on a title).
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import ge, gt, le, lt
from typing import Any, Protocol

from signalwatch.eventtypes import NUMBER  # one spelling of the value types

__all__ = [
    "Test", "Match", "compile_match", "lookup", "getter", "all_of", "OPERATORS", "CompileIssue",
    "AdminPattern", "compile_admin_regex", "RegexRefused", "FieldType", "ValueCheck",
]

MAX_REGEX_LENGTH = 500
MAX_TEXT_FOR_REGEX = 2_000  # titles are short; longer text (a summary) is searched in its first 2,000 characters
# How many ways one accepted regex may try to match from one starting point, at the text cap:
# a few times the text's length, i.e. one unbounded repeat per run of overlapping repeats.
MAX_REGEX_SPLITS = 4 * MAX_TEXT_FOR_REGEX
COMBINATORS = ("any_of", "none_of")
CompileIssue = tuple[tuple[str | int, ...], str]  # (location inside the block, message)
FieldType = Callable[[str], str | None]  # a field path → NUMBER, "text", "a list", …; None: unknown


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _hashable_fold(value: Any) -> Any:
    folded = _fold(value)
    return None if isinstance(folded, (dict, list)) else folded


def _compare(op: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def check(actual: Any, expected: Any) -> bool:
        if actual is None or isinstance(actual, (list, dict, bool)):
            return False
        try:
            return op(float(actual), float(expected))
        except (TypeError, ValueError):
            return False
    return check


def _contains(actual: Any, expected: Any, fold: bool = False) -> bool:
    norm = _fold if fold else (lambda v: v)
    if isinstance(actual, list):
        return any(norm(item) == norm(expected) for item in actual)
    if isinstance(actual, str):
        return norm(str(expected)) in norm(actual)
    return False


def _eq(actual: Any, expected: Any) -> bool:
    """Equality, case-insensitive for text; on a list, any item equals."""
    if isinstance(actual, list):
        return any(_eq(item, expected) for item in actual)
    return bool(_fold(actual) == _fold(expected))


_NUMERIC: dict[str, Callable[[float, float], bool]] = {
    "gt": gt, "gte": ge, "lt": lt, "lte": le,
}

OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": _eq,
    "ne": lambda a, e: not _eq(a, e),
    "in": lambda a, e: any(_eq(a, option) for option in e),
    "not_in": lambda a, e: not any(_eq(a, option) for option in e),
    "gt": _compare(lambda a, e: a > e),
    "gte": _compare(lambda a, e: a >= e),
    "lt": _compare(lambda a, e: a < e),
    "lte": _compare(lambda a, e: a <= e),
    "contains": lambda a, e: _contains(a, e),
    "icontains": lambda a, e: _contains(a, e, fold=True),
    "startswith": lambda a, e: isinstance(a, str) and a.casefold().startswith(str(e).casefold()),
    "exists": lambda a, e: (a not in (None, "", [])) == bool(e),
}
_LIST_OPERANDS = {"in", "not_in"}
_NUMERIC_OPERANDS = {"gt", "gte", "lt", "lte"}


def lookup(record: Mapping[str, Any], path: str) -> Any:
    """Follow a dotted path through nested mappings; None when any step is missing."""
    return _walk(record, tuple(path.split(".")))


def _walk(record: Any, parts: tuple[str, ...]) -> Any:
    current = record
    for part in parts:
        if type(current) is not dict and not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return current


def all_of(predicates: list[Callable[[Any], bool]]) -> Callable[[Any], bool]:
    """One predicate true when all of `predicates` are, evaluated in order and short-circuited;
    unrolled for up to four, the usual size of a match block or a rule condition."""
    if not predicates:
        return lambda value: True
    if len(predicates) == 1:
        return predicates[0]
    if len(predicates) == 2:
        a, b = predicates
        return lambda value: a(value) and b(value)
    if len(predicates) == 3:
        a, b, c = predicates
        return lambda value: a(value) and b(value) and c(value)
    if len(predicates) == 4:
        a, b, c, d = predicates
        return lambda value: a(value) and b(value) and c(value) and d(value)
    return lambda value: all(p(value) for p in predicates)


def getter(parts: tuple[str, ...]) -> Callable[[Any], Any]:
    """`_walk` bound to one path, with the common two- and three-step paths over plain dicts
    unrolled (tests run for every event against every candidate block)."""
    if len(parts) == 2:
        first, second = parts

        def get2(record: Any) -> Any:
            inner = record.get(first) if type(record) is dict else None
            return inner.get(second) if type(inner) is dict else _walk(record, parts)
        return get2
    if len(parts) == 3:
        first, second, third = parts

        def get3(record: Any) -> Any:
            inner = record.get(first) if type(record) is dict else None
            inner = inner.get(second) if type(inner) is dict else None
            return inner.get(third) if type(inner) is dict else _walk(record, parts)
        return get3
    return lambda record: _walk(record, parts)


@dataclass(frozen=True)
class Test:
    """One compiled test. `check` is the hot path: the path is pre-split, the operator pre-bound."""

    path: str
    op: str
    value: Any
    pattern: AdminPattern | None = None
    parts: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _check: Callable[[Any], bool] = field(init=False, repr=False, compare=False)
    _get: Callable[[Any], Any] = field(init=False, repr=False, compare=False)
    holds: Callable[[Mapping[str, Any]], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", tuple(self.path.split(".")))
        object.__setattr__(self, "_check", self._bind())
        object.__setattr__(self, "_get", getter(self.parts))
        get, check = self._get, self._check
        object.__setattr__(self, "holds", self._fused() or (lambda record: check(get(record))))

    def _fused(self) -> Callable[[Mapping[str, Any]], bool] | None:
        """For the tests most blocks are made of — a value (or a number) at a two-step path such
        as `event.change` or `account.employees` — lookup and check in one closure; the
        general pair handles every other shape the same way."""
        if self.pattern is not None or len(self.parts) != 2 or self.op not in ("eq", "in", *_NUMERIC):
            return None
        first, second = self.parts
        parts, check = self.parts, self._check
        if self.op in _NUMERIC:
            if type(self.value) not in (int, float):
                return None
            compare, expected = _NUMERIC[self.op], float(self.value)

            def numeric(record: Mapping[str, Any]) -> bool:
                inner = record.get(first) if type(record) is dict else None
                actual = inner.get(second) if type(inner) is dict else _walk(record, parts)
                return compare(actual, expected) if type(actual) is int or type(actual) is float else check(actual)
            return numeric
        folded = frozenset(v for v in map(_fold, self.value if self.op == "in" else [self.value]) if not isinstance(v, (list, dict)))

        def member(record: Mapping[str, Any]) -> bool:
            inner = record.get(first) if type(record) is dict else None
            actual = inner.get(second) if type(inner) is dict else _walk(record, parts)
            return actual.casefold() in folded if type(actual) is str else check(actual)
        return member

    def _bind(self) -> Callable[[Any], bool]:
        if self.pattern is not None:
            search = self.pattern.search
            return lambda actual: any(type(v) is str and search(v[:MAX_TEXT_FOR_REGEX]) for v in _items(actual))
        if self.op in ("eq", "in", "not_in", "ne"):
            options = [_fold(v) for v in (self.value if self.op in ("in", "not_in") else [self.value])]
            folded = frozenset(v for v in options if not isinstance(v, (list, dict)))

            def hit(actual: Any) -> bool:
                if type(actual) is str:
                    return actual.casefold() in folded
                if type(actual) is list:
                    return any(_hashable_fold(item) in folded for item in actual)
                return _hashable_fold(actual) in folded
            return hit if self.op in ("eq", "in") else (lambda a: not hit(a))
        operator, expected = OPERATORS[self.op], self.value
        return lambda actual: operator(actual, expected)

    def check(self, record: Mapping[str, Any]) -> bool:
        return self.holds(record)

    @cached_property
    def described(self) -> str:
        return self.describe()

    def describe(self) -> str:
        symbol = {"eq": "=", "ne": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}.get(self.op, self.op)
        value = ", ".join(map(str, self.value)) if isinstance(self.value, list) else self.value
        value = f"[{value}]" if isinstance(self.value, list) else value
        return f"{self.path} {symbol} {value}"


@dataclass(frozen=True)
class Match:
    """A compiled match block: all tests hold, some any_of block holds, no none_of block holds."""

    tests: tuple[Test, ...] = ()
    any_of: tuple[Match, ...] = ()
    none_of: tuple[Match, ...] = ()

    def __post_init__(self) -> None:
        # `matches` runs for every event against every candidate block: each block gets its
        # own closure (shadowing the method below), unrolled for the common short blocks.
        object.__setattr__(self, "matches", self._compile())

    def _compile(self) -> Callable[[Mapping[str, Any]], bool]:
        if self.any_of or self.none_of:
            return self._matches
        return all_of([test.holds for test in self.tests])

    def first_failure(self, record: Mapping[str, Any]) -> str | None:
        """The first condition that does not hold, described for an admin; None when it matches."""
        for test in self.tests:
            if not test.check(record):
                return f"{test.describe()} (was {lookup(record, test.path)!r})"
        if self.any_of and not any(block.matches(record) for block in self.any_of):
            return "none of the any_of blocks matched"
        for block in self.none_of:
            if block.matches(record):
                return "a none_of block matched"
        return None

    def matches(self, record: Mapping[str, Any]) -> bool:  # replaced per instance in __post_init__
        """Whether the block holds for `record`; the hot path: no descriptions are built."""
        return self._matches(record)

    def _matches(self, record: Mapping[str, Any]) -> bool:
        for test in self.tests:
            if not test.holds(record):
                return False
        if self.any_of and not any(block.matches(record) for block in self.any_of):
            return False
        return not any(block.matches(record) for block in self.none_of)

    def describe(self) -> list[str]:
        return [test.describe() for test in self.tests]

    def paths(self) -> set[str]:
        found = {test.path for test in self.tests}
        for block in (*self.any_of, *self.none_of):
            found |= block.paths()
        return found


def compile_match(
    raw: Any, check_path: Callable[[str], str | None], prefix: str = "", *,
    field_type: FieldType | None = None, allow_empty: bool = True,
    check_value: ValueCheck | None = None, scope: tuple[Mapping[str, Any], ...] = (),
) -> tuple[Match, list[CompileIssue]]:
    """Compile a raw match block. `check_path` returns an error message for an unknown field;
    `field_type` names a field's type, so a test that can never hold on it is an error;
    `allow_empty=False` refuses `{}`, which would match everything (blocks inside any_of and
    none_of are never allowed to be empty); `check_value(path, value, scope)` returns an error
    for a compared value no event or account can have (`event.type: fundng`), `scope` being
    the raw blocks around it, outermost first."""
    issues: list[CompileIssue] = []
    if raw is None:
        return Match(), issues
    if not isinstance(raw, Mapping):
        return Match(), [((), "a match block must be a mapping of field: condition")]
    if not raw and not allow_empty:
        return Match(), [((), "an empty match block matches everything: add at least one condition")]
    tests: list[Test] = []
    blocks: dict[str, list[Match]] = {name: [] for name in COMBINATORS}
    for key, spec in raw.items():
        key = str(key)
        if key in COMBINATORS:
            if not isinstance(spec, list) or not spec:
                issues.append(((key,), f"{key} takes a non-empty list of match blocks"))
                continue
            for index, item in enumerate(spec):
                block, inner = compile_match(item, check_path, prefix, field_type=field_type, allow_empty=False,
                                             check_value=check_value, scope=(*scope, raw))
                blocks[key].append(block)
                issues += [((key, index, *loc), message) for loc, message in inner]
            continue
        path = f"{prefix}{key}"
        problem = check_path(path)
        if problem:
            issues.append(((key,), problem))
            continue
        kind = field_type(path) if field_type is not None else None
        for loc, test_or_issue in _tests_for(path, spec, kind):
            if isinstance(test_or_issue, Test):
                tests.append(test_or_issue)
                if check_value is not None:
                    issues += [((key, *where), message)
                               for where, message in _value_issues(test_or_issue, loc, check_value, (*scope, raw))]
            else:
                issues.append(((key, *loc), test_or_issue))
    return Match(tuple(tests), tuple(blocks["any_of"]), tuple(blocks["none_of"])), issues


ValueCheck = Callable[[str, Any, tuple[Mapping[str, Any], ...]], str | None]
_VALUE_OPERANDS = {"eq", "ne", "in", "not_in"}  # tests naming values a field holds


def _value_issues(test: Test, loc: tuple[str | int, ...], check: ValueCheck,
                  scope: tuple[Mapping[str, Any], ...]) -> list[CompileIssue]:
    """The values of an eq/ne/in/not_in test that `check` refuses, each at its own line."""
    if test.op not in _VALUE_OPERANDS:
        return []
    listed = test.op in _LIST_OPERANDS
    issues: list[CompileIssue] = []
    for index, value in enumerate(test.value if listed else [test.value]):
        if value is None or isinstance(value, bool):
            continue
        message = check(test.path, value, scope)
        if message:
            issues.append(((*loc, index) if listed else loc, message))
    return issues


TestOrIssue = list[tuple[tuple[str | int, ...], Test | str]]
_SINGLE_OPERANDS = {"eq", "ne", "contains", "icontains", "startswith"}


def _tests_for(path: str, spec: Any, kind: str | None) -> TestOrIssue:
    """The tests of one `field: spec` entry, or the messages saying why an entry cannot work."""
    if isinstance(spec, list):
        problems: TestOrIssue = [*_list_problem(path, spec)]
        return problems or [((), Test(path, "in", spec))]
    if not isinstance(spec, Mapping):
        return [((), Test(path, "eq", spec))]
    out: TestOrIssue = []
    for op, value in spec.items():
        op = str(op)
        if op == "regex":
            out.append(((op,), _regex_test(path, value)))
        elif op not in OPERATORS:
            from signalwatch.yamlload import suggest

            out.append(((op,), f"unknown operator {op!r}{suggest(op, [*OPERATORS, 'regex'])}"))
        elif op in _LIST_OPERANDS and not isinstance(value, list):
            out.append(((op,), f"{op} takes a list"))
        elif op in _LIST_OPERANDS and (listed := _list_problem(path, value)):
            out += [((op, *loc), message) for loc, message in listed]
        elif op in _SINGLE_OPERANDS and isinstance(value, (Mapping, list)):
            out.append(((op,), _single_problem(path, op, value)))
        elif op in _NUMERIC_OPERANDS and (isinstance(value, bool) or not isinstance(value, (int, float))):
            out.append(((op,), f"{op} takes a number, got {value!r}"))
        elif op in _NUMERIC_OPERANDS and kind is not None and kind != NUMBER:
            out.append(((op,), f"{op} compares numbers, but {path} is {kind}: it would never match"
                               " (use eq, in, contains or regex)"))
        else:
            out.append(((op,), Test(path, op, value)))
    return out


def _is_value(item: Any) -> bool:
    """Whether `item` is one plain value a condition can compare with (not a test or a list)."""
    return item is None or isinstance(item, (str, int, float, bool, date))


def _list_problem(path: str, items: list[Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """A list means "one of these values"; an operator inside it (`[{regex: x}]`, `[seed, {gte: 5}]`)
    would be compared as a value and never match. One message, at the first such item, with
    the form that says what the admin meant; none when every item is a value."""
    bad = next((index for index, item in enumerate(items) if not _is_value(item)), None)
    if bad is None:
        return []
    tests = [item for item in items if isinstance(item, Mapping)]
    values = [value for item in items if not isinstance(item, Mapping) for value in (item if isinstance(item, list) else [item])]
    if tests and not values and all(list(test) == ["regex"] and isinstance(test["regex"], str) for test in tests):
        hint = f"{path}: {_flow({'regex': '|'.join(test['regex'] for test in tests)})}"
    else:
        blocks = ([{path: values}] if values else []) + [{path: test} for test in tests]
        hint = f"any_of: {_flow(blocks)}" if len(blocks) > 1 else _flow(blocks[0])[1:-1]
    message = (f"a list under {path} means \"one of these values\", and {_flow(items[bad])} is not a value:"
               f" it would never match; write {hint}")
    return [((bad,), message)]


def _single_problem(path: str, op: str, value: Any) -> str:
    """The message for `eq: [a, b]` or `eq: {regex: x}`: one value is expected."""
    if isinstance(value, list):
        several = {"ne": "{not_in: [...]}", "startswith": '{regex: "^(?:a|b)"}'}.get(op, "{in: [...]}")
        return f"{op} takes one value, not a list; for several write {path}: {several}"
    return f"{op} takes one value, not {_flow(value)}; write {path}: {_flow(value)} to use that test"


def _flow(value: Any) -> str:
    """`value` as YAML flow text (as an admin writes it in a rule), for hints."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value) if value is None or isinstance(value, (bool, int, float)) else str(value)


def _regex_test(path: str, value: Any) -> Test | str:
    if not isinstance(value, str):
        return "regex takes a string"
    try:
        return Test(path, "regex", value, compile_admin_regex(value))
    except RegexRefused as exc:
        return str(exc)


# -- admin regexes: compiled by one function, refused when their work has no bound -----------

class AdminPattern(Protocol):
    """What the engine needs of a compiled admin regex. `compile_admin_regex` is the one place
    that builds them, so a linear-time engine (RE2) can replace `re` there alone."""

    @property
    def pattern(self) -> str: ...

    def search(self, string: str) -> object: ...


class RegexRefused(ValueError):
    """An admin regex that does not compile, is too long, or could backtrack without bound."""


def compile_admin_regex(text: str) -> AdminPattern:
    """Compile an admin regex (case-insensitive), or raise RegexRefused saying why not.

    Python's `re` backtracks: `(\\w+\\s?)+$` took 26.8 s on a 54-character title, doubling per
    character, while holding the lock every source needs. A regex is therefore accepted only
    when its shape bounds the work (see `_Shape`), and is applied to at most
    MAX_TEXT_FOR_REGEX characters: together, a fraction of a second on the most hostile text
    (measured by fuzzing random accepted regexes), microseconds on an ordinary title."""
    if len(text) > MAX_REGEX_LENGTH:
        raise RegexRefused(f"regex longer than {MAX_REGEX_LENGTH} characters")
    try:
        compiled = re.compile(text, re.IGNORECASE)
        parsed = _PARSER.parse(text, re.IGNORECASE)
        problem = _Shape(parsed).problem()
    except re.error as exc:
        raise RegexRefused(f"regex does not compile: {exc}") from None
    except RecursionError:
        raise RegexRefused("regex nests groups too deeply") from None
    if problem is not None:
        raise RegexRefused(problem)
    return compiled


# The standard library's own regex parser (re._parser, once sre_parse): the tree it returns is
# the one `re` runs, so the shapes read here are the ones that backtrack.
_PARSER: Any = importlib.import_module("re._parser")
_K: Any = importlib.import_module("re._constants")
_REPEATS = frozenset(getattr(_K, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_K, name))
_ASSERTS = frozenset({_K.ASSERT, _K.ASSERT_NOT})
_ZERO_WIDTH = _ASSERTS | {_K.AT}
_CATEGORIES = {getattr(_K, f"CATEGORY_{name}"): re.compile(escape) for name, escape in (
    ("DIGIT", r"\d"), ("NOT_DIGIT", r"\D"), ("SPACE", r"\s"), ("NOT_SPACE", r"\S"), ("WORD", r"\w"), ("NOT_WORD", r"\W"))}
# Characters the overlap tests try: Latin-1 and a few letters, digits and spaces beyond it
# (the pattern's own literals are added per regex).
_PROBES = frozenset(map(chr, range(256))) | frozenset("ĀŁßſΩЖ中あ٣\u2003\u2028\u3000")
_NESTED = ("a repeat inside a repeat (as in `(a+)+` or `(\\w+\\s?)+`) can try exponentially many ways"
           " to split a text: use one quantifier, e.g. `[\\w\\s]+` or `.{0,40}`")
_OVERLAP = ("alternatives inside a repeat that can start alike or match nothing (as in `(a|ab)*` or `(sales|sa)+`)"
            " can try exponentially many ways: make them start differently, or use a character class")
Parsed = Sequence[tuple[Any, Any]]


def _flat(sequence: Parsed) -> list[tuple[Any, Any]]:
    """The items of a parsed sequence with groups opened in place (a group matches its items)."""
    items: list[tuple[Any, Any]] = []
    for op, av in sequence:
        if op == _K.SUBPATTERN:
            items += _flat(av[3])
        elif op == getattr(_K, "ATOMIC_GROUP", None):
            items += _flat(av)
        else:
            items.append((op, av))
    return items


def _alternatives(op: Any, av: Any) -> list[Parsed]:
    """The branches of an alternation or a conditional group `(?(1)yes|no)`."""
    return list(av[1]) if op == _K.BRANCH else [av[1], av[2] or []]


@dataclass
class _Shape:
    """Reads a parsed regex for the shapes that make a backtracking engine slow.

    Exponential: a repeat (max > 1) holding another variable-length repeat or a back-reference,
    or alternatives that can start with the same character (or be empty): `(a+)+`, `(.*)*`,
    `(\\w+\\s?)+`, `(a|a)*`. Without these each pass of a loop is decided by its first character.
    Polynomial: consecutive variable parts that can take the same characters multiply the ways
    to split a text (`a.*b.*c`: the square of its length from each start). Their product, one
    run at a time, must stay within MAX_REGEX_SPLITS; a repeat at the very end never backtracks.
    Character sets are compared on a sample alphabet, erring towards overlap (so towards refusal)."""

    parsed: Parsed
    alphabet: frozenset[str] = field(init=False)
    variable: bool = field(init=False)
    cases: dict[str, set[str]] = field(init=False, default_factory=dict)  # one case of a character → the alphabet's characters with it
    memo: dict[tuple[Any, int], frozenset[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        items = _walk_items(self.parsed)
        literals = {chr(av) for op, av in items if op in (_K.LITERAL, _K.NOT_LITERAL)}
        self.alphabet = _PROBES | {variant for ch in literals for variant in (ch, ch.lower(), ch.upper())}
        self.variable = any(op in _REPEATS or op == _K.GROUPREF for op, _ in items)
        for ch in self.alphabet:
            self.cases.setdefault(ch.lower(), set()).add(ch)
            self.cases.setdefault(ch.upper(), set()).add(ch)

    def problem(self) -> str | None:
        """Why this regex is refused, or None."""
        if not self.variable:  # without repeats or back-references every path is as long as the pattern
            return None
        nested = self._loops(self.parsed, in_loop=False)
        if nested is not None:
            return nested
        splits = self._splits(self.parsed, tail=True)
        if splits > MAX_REGEX_SPLITS:
            return ("repeats in a row that can take the same text (as in `a.*b.*c` or `\\w+\\d+`) multiply:"
                    f" this regex can split a {MAX_TEXT_FOR_REGEX:,}-character text about {splits:,} ways from each start"
                    f" (limit {MAX_REGEX_SPLITS:,}); keep one unbounded repeat, or bound the others, e.g. `.{{0,40}}`")
        return None

    def _loops(self, sequence: Parsed, in_loop: bool) -> str | None:
        """The exponential shapes: inside a repeat of max > 1, nested variable repeats and
        alternatives that overlap."""
        for op, av in _flat(sequence):
            found: str | None = None
            if op in _REPEATS:
                low, high, body = av
                found = _NESTED if in_loop and low != high else self._loops(body, in_loop or high > 1)
            elif op in (_K.BRANCH, _K.GROUPREF_EXISTS):
                branches = _alternatives(op, av)
                found = _OVERLAP if in_loop and self._overlapping(branches) else next(
                    (p for p in (self._loops(b, in_loop) for b in branches) if p is not None), None)
            elif op == _K.GROUPREF and in_loop:
                found = _NESTED
            elif op in _ASSERTS:
                found = self._loops(av[1], in_loop)
            if found is not None:
                return found
        return None

    def _overlapping(self, branches: list[Parsed]) -> bool:
        firsts = [self._first(branch) for branch in branches]
        if any(self._nullable(branch) for branch in branches):
            return True
        return any(firsts[i] & firsts[j] for i in range(len(firsts)) for j in range(i + 1, len(firsts)))

    def _splits(self, sequence: Parsed, tail: bool) -> int:
        """The most ways any run of variable parts of `sequence` can split one stretch of text.

        A run is a text repeating some characters that each of its variable parts can take and
        the fixed parts between them need: in `VP.*of.*Sales`, "ofofof…" can be split between
        the two `.*` in as many ways as it is long, and each start tries them all."""
        items = _flat(sequence)
        runs: dict[_Run, int] = {}
        best = 1
        for index, (op, av) in enumerate(items):
            if op in _ZERO_WIDTH:
                if op in _ASSERTS:  # a lookaround runs its own match at each position
                    best = max(best, self._splits(av[1], tail=False))
                continue
            last = tail and index == len(items) - 1
            ways, inner = self._ways(op, av, last)
            best = max(best, inner)
            chars, nullable = self._chars(op, av), self._nullable([(op, av)])
            if ways == 1 and not nullable:  # a fixed part: the run goes on if its variable parts can take it too
                runs = _merge(((allowed, needs | {chars & allowed}), n) for (allowed, needs), n in runs.items() if chars & allowed)
                continue
            ways = 1 if last else ways  # a repeat at the very end takes what is left: it never backtracks
            first = self._first([(op, av)])
            grown = [((allowed & chars, needs), n * ways) for (allowed, needs), n in runs.items()
                     if allowed & chars & first and all(need & chars for need in needs)]
            kept = list(runs.items()) if nullable else []
            runs = _merge([*grown, ((chars, frozenset()), ways), *kept])
            best = max(best, *runs.values())
        return best

    def _ways(self, op: Any, av: Any, last: bool) -> tuple[int, int]:
        """(ways the item can match from one point, most ways inside it), capped."""
        cap = MAX_REGEX_SPLITS * MAX_TEXT_FOR_REGEX
        if op in _REPEATS:
            low, high, body = av
            inner = self._splits(body, tail=False)
            if high > 1:
                span = max(1, min(high, MAX_TEXT_FOR_REGEX) - low + 1)
                return min(span * inner, cap), inner
            return (inner + (1 if low == 0 else 0)) if high == 1 else 1, inner
        if op in (_K.BRANCH, _K.GROUPREF_EXISTS):
            inner = max(self._splits(branch, tail=last) for branch in _alternatives(op, av))
            return inner, inner
        if op == _K.GROUPREF:
            return MAX_TEXT_FOR_REGEX, 1
        return 1, 1

    def _first(self, sequence: Parsed) -> frozenset[str]:
        """The characters a match of `sequence` can start with."""
        found: set[str] = set()
        for op, av in _flat(sequence):
            if op in _ZERO_WIDTH:
                continue
            if op in _REPEATS:
                found |= self._first(av[2]) if av[1] > 0 else set()
            elif op in (_K.BRANCH, _K.GROUPREF_EXISTS):
                found |= {ch for branch in _alternatives(op, av) for ch in self._first(branch)}
            else:
                found |= self._chars(op, av)
            if not self._nullable([(op, av)]):
                break
        return frozenset(found)

    def _nullable(self, sequence: Parsed) -> bool:
        """Whether `sequence` can match the empty string."""
        for op, av in _flat(sequence):
            if op in _ZERO_WIDTH or op == _K.GROUPREF:
                continue
            if op in _REPEATS:
                if av[0] > 0 and not self._nullable(av[2]):
                    return False
            elif op in (_K.BRANCH, _K.GROUPREF_EXISTS):
                if not any(self._nullable(branch) for branch in _alternatives(op, av)):
                    return False
            else:
                return False
        return True

    def _chars(self, op: Any, av: Any) -> frozenset[str]:
        """The characters an item can consume anywhere in its match (remembered per item: the
        walks above ask for the same items many times)."""
        key = (op, av if isinstance(av, int) else id(av))
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._chars_of(op, av)
        return found

    def _chars_of(self, op: Any, av: Any) -> frozenset[str]:
        if op in _ZERO_WIDTH:
            return frozenset()
        if op in _REPEATS:
            return frozenset(ch for item in _flat(av[2]) for ch in self._chars(*item))
        if op in (_K.BRANCH, _K.GROUPREF_EXISTS):
            return frozenset(ch for branch in _alternatives(op, av) for item in _flat(branch) for ch in self._chars(*item))
        if op in (_K.LITERAL, _K.NOT_LITERAL):
            literal = chr(av)
            same = frozenset({literal, *self.cases.get(literal.lower(), ()), *self.cases.get(literal.upper(), ())})
            return same if op == _K.LITERAL else self.alphabet - same
        if op == _K.IN:
            return frozenset(ch for ch in self.alphabet if _in_class(ch, av))
        return self.alphabet  # ANY, a back-reference, or anything unknown: every character


def _walk_items(sequence: Parsed) -> list[tuple[Any, Any]]:
    """Every item of a parsed regex, nested ones included (for collecting its literals)."""
    found: list[tuple[Any, Any]] = []
    for op, av in sequence:
        found.append((op, av))
        if op == _K.IN:
            found += list(av)
        elif op == _K.SUBPATTERN:
            found += _walk_items(av[3])
        elif op in _REPEATS:
            found += _walk_items(av[2])
        elif op in (_K.BRANCH, _K.GROUPREF_EXISTS):
            for branch in _alternatives(op, av):
                found += _walk_items(branch)
        elif op in _ASSERTS:
            found += _walk_items(av[1])
        elif op == getattr(_K, "ATOMIC_GROUP", None):
            found += _walk_items(av)
    return found


# A run of variable parts: (characters each of them can take, the characters each fixed part between them needs)
_Run = tuple[frozenset[str], frozenset[frozenset[str]]]
MAX_RUNS = 64


def _merge(runs: Iterable[tuple[_Run, int]]) -> dict[_Run, int]:
    """Runs keyed by their characters, keeping the most ways for each, and at most MAX_RUNS of
    them (the ones with the most ways), so reading a long regex stays cheap."""
    merged: dict[_Run, int] = {}
    for run, ways in runs:
        merged[run] = max(ways, merged.get(run, 0))
    if len(merged) > MAX_RUNS:
        merged = dict(sorted(merged.items(), key=lambda item: -item[1])[:MAX_RUNS])
    return merged


def _same(ch: str, literal: str) -> bool:
    """Equal without case (admin regexes are compiled with IGNORECASE)."""
    return ch == literal or ch.lower() == literal.lower() or ch.upper() == literal.upper()


def _in_class(ch: str, items: Any) -> bool:
    """Whether `ch` (in any case) is in a parsed character class `[...]`."""
    negate, hit = False, False
    for op, av in items:
        if op == _K.NEGATE:
            negate = True
        elif op == _K.LITERAL:
            hit = hit or _same(ch, chr(av))
        elif op == _K.RANGE:
            hit = hit or any(av[0] <= ord(variant) <= av[1] for variant in {ch, ch.lower(), ch.upper()} if len(variant) == 1)
        elif op == _K.CATEGORY and av in _CATEGORIES:
            hit = hit or any(_CATEGORIES[av].match(variant) for variant in (ch, ch.lower(), ch.upper()))
        else:
            hit = True  # an item this reading does not know: assume it can match
    return hit != negate
