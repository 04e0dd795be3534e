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
from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = ["Expr", "ExprError", "parse_expr"]

_TOKEN = re.compile(r"\s*(?:(\()|(\))|(>=|<=|==|>|<)|(\d+)|([A-Za-z_][A-Za-z0-9_]*))")
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    ">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "==": lambda a, b: a == b,
    "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
}
Counts = Mapping[str, int]


class ExprError(ValueError):
    """The condition does not parse; the message says where."""


@dataclass(frozen=True)
class Expr:
    """A compiled condition: call it with selection-name → match count."""

    text: str
    names: frozenset[str]
    max_count: int
    _fn: Callable[[Counts], bool]

    def __call__(self, counts: Counts) -> bool:
        return self._fn(counts)


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

    def parse_or() -> Callable[[Counts], bool]:
        parts = [parse_and()]
        while peek() == "or":
            take()
            parts.append(parse_and())
        return parts[0] if len(parts) == 1 else (lambda c: any(p(c) for p in parts))

    def parse_and() -> Callable[[Counts], bool]:
        parts = [parse_unary()]
        while peek() == "and":
            take()
            parts.append(parse_unary())
        return parts[0] if len(parts) == 1 else (lambda c: all(p(c) for p in parts))

    def parse_unary() -> Callable[[Counts], bool]:
        if peek() == "not":
            take()
            inner = parse_unary()
            return lambda c: not inner(c)
        return parse_atom()

    def parse_atom() -> Callable[[Counts], bool]:
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
            op = _COMPARE[take()]
            number = take()
            if not number.isdigit():
                raise ExprError(f"expected a number after the comparison, got {number!r}")
            limit = int(number)
            max_count = max(max_count, limit)
            return lambda c: op(c.get(name, 0), limit)
        return lambda c: c.get(name, 0) > 0

    fn = parse_or()
    if position != len(tokens):
        raise ExprError(f"unexpected {tokens[position]!r} after a complete condition")
    return Expr(str(text), frozenset(names), max_count, fn)
