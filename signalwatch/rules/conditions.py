"""The condition language shared by the ICP and rule files: data, never code.

A match block maps a field path to a test::

    event.type: funding                       # equals
    event.attributes.round: [seed, series_a]  # one of
    account.employees: {gte: 50, lte: 5000}   # operators, all must hold
    any_of: [ {...}, {...} ]                  # at least one block matches
    none_of: [ {...} ]                        # no block matches

Operators: eq, ne, in, not_in, gt, gte, lt, lte, contains, icontains, startswith, regex,
exists. On a list field, eq/in/contains/icontains test the list's items. Regexes are
compiled once and length-capped, and they see at most the first 10,000 characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import ge, gt, le, lt
from typing import Any

__all__ = ["Test", "Match", "compile_match", "lookup", "getter", "all_of", "OPERATORS", "CompileIssue"]

MAX_REGEX_LENGTH = 500
MAX_TEXT_FOR_REGEX = 10_000
COMBINATORS = ("any_of", "none_of")
CompileIssue = tuple[tuple[str | int, ...], str]  # (location inside the block, message)


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
    pattern: re.Pattern[str] | None = None
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
    raw: Any, check_path: Callable[[str], str | None], prefix: str = ""
) -> tuple[Match, list[CompileIssue]]:
    """Compile a raw match block. `check_path` returns an error message for an unknown field."""
    issues: list[CompileIssue] = []
    if raw is None:
        return Match(), issues
    if not isinstance(raw, Mapping):
        return Match(), [((), "a match block must be a mapping of field: condition")]
    tests: list[Test] = []
    blocks: dict[str, list[Match]] = {name: [] for name in COMBINATORS}
    for key, spec in raw.items():
        key = str(key)
        if key in COMBINATORS:
            if not isinstance(spec, list) or not spec:
                issues.append(((key,), f"{key} takes a non-empty list of match blocks"))
                continue
            for index, item in enumerate(spec):
                block, inner = compile_match(item, check_path, prefix)
                blocks[key].append(block)
                issues += [((key, index, *loc), message) for loc, message in inner]
            continue
        path = f"{prefix}{key}"
        problem = check_path(path)
        if problem:
            issues.append(((key,), problem))
            continue
        for loc, test_or_issue in _tests_for(path, spec):
            if isinstance(test_or_issue, Test):
                tests.append(test_or_issue)
            else:
                issues.append(((key, *loc), test_or_issue))
    return Match(tuple(tests), tuple(blocks["any_of"]), tuple(blocks["none_of"])), issues


def _tests_for(path: str, spec: Any) -> list[tuple[tuple[str, ...], Test | str]]:
    if isinstance(spec, list):
        return [((), Test(path, "in", spec))]
    if not isinstance(spec, Mapping):
        return [((), Test(path, "eq", spec))]
    out: list[tuple[tuple[str, ...], Test | str]] = []
    for op, value in spec.items():
        op = str(op)
        if op == "regex":
            out.append(((op,), _regex_test(path, value)))
        elif op not in OPERATORS:
            from signalwatch.yamlload import suggest

            out.append(((op,), f"unknown operator {op!r}{suggest(op, [*OPERATORS, 'regex'])}"))
        elif op in _LIST_OPERANDS and not isinstance(value, list):
            out.append(((op,), f"{op} takes a list"))
        elif op in _NUMERIC_OPERANDS and (isinstance(value, bool) or not isinstance(value, (int, float))):
            out.append(((op,), f"{op} takes a number, got {value!r}"))
        else:
            out.append(((op,), Test(path, op, value)))
    return out


def _regex_test(path: str, value: Any) -> Test | str:
    if not isinstance(value, str):
        return "regex takes a string"
    if len(value) > MAX_REGEX_LENGTH:
        return f"regex longer than {MAX_REGEX_LENGTH} characters"
    try:
        return Test(path, "regex", value, re.compile(value, re.IGNORECASE))
    except re.error as exc:
        return f"regex does not compile: {exc}"
