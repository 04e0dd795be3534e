"""Rule conditions over selection names: `vp_sales and (sales_role >= 3 or not small)`.

Grammar (no eval, ever)::

    expr    := or
    or      := and ("or" and)*
    and     := unary ("and" unary)*
    unary   := "not" unary | atom
    atom    := "(" expr ")" | NAME [(">=" | ">" | "==" | "<=" | "<") INT]

A bare NAME is true when its selection matched (for a composite rule: at least once in
the window); `NAME >= 3` compares the number of matching events in the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from signalwatch.rules.conditions import all_of

__all__ = ["Expr", "ExprError", "parse_expr", "Node"]

_TOKEN = re.compile(r"\s*(?:(\()|(\))|(>=|<=|==|>|<)|(\d+)|([A-Za-z_][A-Za-z0-9_]*))")
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    ">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "==": lambda a, b: a == b,
    "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
}


class Counts(Protocol):
    """Selection name → match count; a dict, or a view that counts only what is asked."""

    def get(self, name: str, default: int, /) -> int: ...


# The parsed condition, for reading it out in words (`rules.wording`): ("and", (node, ...)),
# ("or", (node, ...)), ("not", node), or ("name", selection, comparison or None, number or None).
Node = tuple[Any, ...]


class ExprError(ValueError):
    """The condition does not parse; the message says where."""


@dataclass(frozen=True)
class Expr:
    """A compiled condition: call it with selection-name → match count.

    `requires` lists (name, minimum count) pairs that every true evaluation needs — the atoms
    of the top-level `and` — so a caller can rule the condition out from counts it already has.
    `tree` is the parsed condition (see `Node`), kept to say it in words.
    """

    text: str
    names: frozenset[str]
    max_count: int
    _fn: Callable[[Counts], bool]
    requires: tuple[tuple[str, int], ...] = ()
    tree: Node = ()

    def __call__(self, counts: Counts) -> bool:
        return self._fn(counts)


Compiled = tuple[Callable[[Counts], bool], tuple[tuple[str, int], ...], Node]  # (test, requirements, tree)
_MINIMUM: dict[str, Callable[[int], int]] = {">=": lambda n: n, ">": lambda n: n + 1, "==": lambda n: n}


def _any(parts: list[Callable[[Counts], bool]]) -> Callable[[Counts], bool]:
    if len(parts) == 2:
        first, second = parts
        return lambda c: first(c) or second(c)
    return lambda c: any(p(c) for p in parts)


def _tokens(text: str) -> list[str]:
    tokens, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if not match:
            raise ExprError(f"unexpected {text[pos:].strip()[:20]!r} at column {pos + 1}")
        tokens.append(next(group for group in match.groups() if group is not None))
        pos = match.end()
    return tokens


def parse_expr(text: str) -> Expr:
    """Compile `text`; raises ExprError with a readable reason."""
    tokens = _tokens(str(text))
    if not tokens:
        raise ExprError("the condition is empty")
    position = 0
    names: set[str] = set()
    max_count = 1

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def take() -> str:
        nonlocal position
        if position >= len(tokens):
            raise ExprError("the condition ends too early")
        position += 1
        return tokens[position - 1]

    def parse_or() -> Compiled:
        parts = [parse_and()]
        while peek() == "or":
            take()
            parts.append(parse_and())
        if len(parts) == 1:
            return parts[0]
        return _any([fn for fn, _, _ in parts]), (), ("or", tuple(tree for _, _, tree in parts))

    def parse_and() -> Compiled:
        parts = [parse_unary()]
        while peek() == "and":
            take()
            parts.append(parse_unary())
        if len(parts) == 1:
            return parts[0]
        return (all_of([fn for fn, _, _ in parts]), tuple(need for _, needs, _ in parts for need in needs),
                ("and", tuple(tree for _, _, tree in parts)))

    def parse_unary() -> Compiled:
        if peek() == "not":
            take()
            inner, _, tree = parse_unary()
            return (lambda c: not inner(c)), (), ("not", tree)
        return parse_atom()

    def parse_atom() -> Compiled:
        nonlocal max_count
        token = take()
        if token == "(":
            inner = parse_or()
            if take() != ")":
                raise ExprError("missing ')'")
            return inner
        if token in ("and", "or", "not", ")") or token in _COMPARE or token.isdigit():
            raise ExprError(f"expected a selection name, got {token!r}")
        name = token
        names.add(name)
        if peek() in _COMPARE:
            symbol = take()
            op = _COMPARE[symbol]
            number = take()
            if not number.isdigit():
                raise ExprError(f"expected a number after the comparison, got {number!r}")
            limit = int(number)
            max_count = max(max_count, limit)
            minimum = _MINIMUM[symbol](limit) if symbol in _MINIMUM else 0
            return ((lambda c: op(c.get(name, 0), limit)), (((name, minimum),) if minimum > 0 else ()),
                    ("name", name, symbol, limit))
        return (lambda c: c.get(name, 0) > 0), ((name, 1),), ("name", name, None, None)

    fn, requires, tree = parse_or()
    if position != len(tokens):
        raise ExprError(f"unexpected {tokens[position]!r} after a complete condition")
    return Expr(str(text), frozenset(names), max_count, fn, requires, tree)
