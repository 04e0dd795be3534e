"""Find the match blocks that can hold for a record without trying them all.

Blocks are first split by the event types they accept (every event has exactly one type),
then, within a type, filed under one of their other equality tests (`path = value` or
`path in [...]`), preferring a selective field (an attribute, an account field) over
`event.change`. A record only meets the blocks of its type filed under the values it
actually has, plus the blocks of its type that have no other equality test.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, Generic, TypeVar

from signalwatch.rules.conditions import Match, Test, _hashable_fold, getter

__all__ = ["MatchIndex", "block_shape"]

K = TypeVar("K")
_TYPE = ("event", "type")


def _equalities(match: Match) -> list[Test]:
    tests = [t for t in match.tests if t.op in ("eq", "in") and t.pattern is None]
    return [t for t in tests if all(isinstance(v, Hashable) and not isinstance(v, (list, dict)) for v in _values(t))]


def _discriminator(match: Match) -> Test | None:
    candidates = [t for t in _equalities(match) if t.parts != _TYPE]
    if not candidates:
        return None
    return min(candidates, key=lambda t: (t.path == "event.change", len(_values(t))))  # a change has few values


def block_shape(match: Match) -> str:
    """A canonical text of a block, equal for blocks that test the same things."""
    tests = sorted(repr((t.path, t.op, t.value, t.pattern.pattern if t.pattern else None)) for t in match.tests)
    return repr((tests, [block_shape(b) for b in match.any_of], [block_shape(b) for b in match.none_of]))


def _values(test: Test) -> list[Any]:
    return list(test.value) if isinstance(test.value, list) else [test.value]


class MatchIndex(Generic[K]):
    """Holds (key, Match) entries; `matching(record)` returns the keys whose block holds, in insertion order.
    `matching_blocks` works on distinct blocks; keys sharing an identical block share its result."""

    def __init__(self, entries: Iterable[tuple[K, Match]]) -> None:
        self._entries: list[tuple[K, Match]] = list(entries)
        # Identical blocks (copied between rules) are evaluated once: group them.
        self._blocks: list[tuple[Match, list[int]]] = []
        by_shape: dict[str, int] = {}
        self.block_at: list[int] = []  # entry position → its block's position
        for position, (_, match) in enumerate(self._entries):
            shape = block_shape(match)
            if shape not in by_shape:
                by_shape[shape] = len(self._blocks)
                self._blocks.append((match, []))
            self._blocks[by_shape[shape]][1].append(position)
            self.block_at.append(by_shape[shape])
        # Blocks by accepted event type; None holds the blocks that accept any type.
        typed: dict[Any, list[int]] = defaultdict(list)
        untyped: list[int] = []
        filed_by: dict[int, Test] = {}
        for position, (match, _) in enumerate(self._blocks):
            type_test = next((t for t in _equalities(match) if t.parts == _TYPE), None)
            if type_test is None:
                untyped.append(position)
                continue
            filed_by[position] = type_test
            for value in _values(type_test):
                typed[_hashable_fold(value)].append(position)
        self._partitions = {kind: _Partition(self._blocks, sorted(blocks + untyped), filed_by) for kind, blocks in typed.items()}
        self._other = _Partition(self._blocks, untyped, filed_by)
        self._type = getter(_TYPE)

    def _select(self, record: Mapping[str, Any]) -> tuple[_Partition, list[int]]:
        kind = self._type(record)
        partition = self._partitions.get(kind.casefold() if type(kind) is str else _hashable_fold(kind), self._other)
        if not partition.tables:
            return partition, partition.always
        if len(partition.tables) == 1 and not partition.always:  # the usual shape: one discriminator
            get, table = partition.tables[0]
            actual = get(record)
            if type(actual) is not list:  # positions filed under one value are already in order
                return partition, table.get(actual.casefold() if type(actual) is str else _hashable_fold(actual), [])
        found: set[int] = set(partition.always)
        for get, table in partition.tables:
            actual = get(record)
            for value in actual if type(actual) is list else (actual,):
                hits = table.get(value.casefold() if type(value) is str else _hashable_fold(value))
                if hits:
                    found.update(hits)
        return partition, sorted(found)

    def matching_blocks(self, record: Mapping[str, Any]) -> list[int]:
        """Positions of the distinct blocks that hold (see `block_at`)."""
        partition, found = self._select(record)
        rest = partition.rest
        return [block for block in found if (check := rest[block]) is None or check(record)]

    def matching(self, record: Mapping[str, Any]) -> list[K]:
        positions: list[int] = []
        for block in self.matching_blocks(record):
            positions.extend(self._blocks[block][1])
        return [self._entries[i][0] for i in sorted(positions)]


class _Partition:
    """The blocks one event type can meet, filed under their discriminators. `rest` holds each
    block's check without the tests its filing already proved (its type test, its
    discriminator), None when nothing is left to check."""

    __slots__ = ("always", "tables", "rest")

    def __init__(self, blocks: list[tuple[Match, list[int]]], positions: list[int], filed_by: dict[int, Test]) -> None:
        by_path: dict[tuple[str, ...], dict[Any, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.always: list[int] = []
        self.rest: dict[int, Callable[[Mapping[str, Any]], bool] | None] = {}
        for position in positions:
            match = blocks[position][0]
            test = _discriminator(match)
            proven = {id(test), id(filed_by.get(position))}
            rest = Match(tuple(t for t in match.tests if id(t) not in proven), match.any_of, match.none_of)
            self.rest[position] = rest.matches if rest.tests or rest.any_of or rest.none_of else None
            if test is None:
                self.always.append(position)
                continue
            for value in _values(test):
                by_path[test.parts][_hashable_fold(value)].append(position)
        self.tables = [(getter(parts), dict(table)) for parts, table in by_path.items()]
