"""Compiled tests must decide exactly as the operator table does, whatever the record holds."""

from __future__ import annotations

import itertools

import pytest

from signalwatch.rules.conditions import OPERATORS, lookup
from signalwatch.rules.conditions import Test as Compiled

VALUES = ["Sales", "sales", "SALES ", "", 0, 1, 49, 50, 50.0, 50.5, 5000, -3, True, False, None,
          ["sales", "Marketing"], ["x"], [], {"a": 1}, "50", "abc"]
TESTS = [
    ("eq", "sales"), ("eq", 50), ("eq", True), ("in", ["sales", "marketing"]), ("in", [50, "A"]),
    ("gt", 49), ("gte", 50), ("lt", 50.5), ("lte", 0), ("gte", 1e6),
]


@pytest.mark.parametrize("op,expected", TESTS)
def test_compiled_tests_agree_with_the_operator_table(op: str, expected: object) -> None:
    for path in ("event.field", "account.field", "event.attributes.field"):
        test = Compiled(path, op, expected)
        head, _, last = path.rpartition(".")
        records: list[dict] = [{}, {"event": None, "account": None}, {"event": {}, "account": {}}]
        for value in VALUES:
            inner: dict = {last: value}
            for part in reversed(head.split(".")):
                inner = {part: inner}
            records.append(inner)
        for record in records:
            reference = OPERATORS[op](lookup(record, path), expected)
            assert test.holds(record) == reference, (path, op, expected, record)


def test_a_bool_is_not_a_number_and_text_is_compared_without_case() -> None:
    gte = Compiled("account.employees", "gte", 1)
    assert not gte.holds({"account": {"employees": True}})
    assert gte.holds({"account": {"employees": 1}})
    member = Compiled("event.change", "in", ["Posted", "closed"])
    assert [member.holds({"event": {"change": change}}) for change in ("POSTED", "closed ", ["x", "posted"])] == [True, False, True]
    assert list(itertools.compress(VALUES, (Compiled("event.v", "eq", 50).holds({"event": {"v": v}}) for v in VALUES))) == [50, 50.0]
