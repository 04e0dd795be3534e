"""Find the match blocks that can hold for a record without trying them all.

Each block is filed under one of its equality tests (`path = value` or `path in [...]`),
preferring a selective field (an attribute, an account field) over `event.type` or
`event.change`, which have few values. A record only meets the blocks filed under the
values it actually has, plus the blocks that have no equality test at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Generic, TypeVar

from signalwatch.conditions import Match, Test, _hashable_fold, getter

__all__ = ["MatchIndex", "block_shape"]

K = TypeVar("K")
_COARSE = ("event.type", "event.change")


def _discriminator(match: Match) -> Test | None:
    candidates = [t for t in match.tests if t.op in ("eq", "in") and t.pattern is None]
    candidates = [t for t in candidates if all(isinstance(v, Hashable) and not isinstance(v, (list, dict)) for v in _values(t))]
    if not candidates:
        return None
    return min(candidates, key=lambda t: (t.path in _COARSE, _COARSE.index(t.path) * -1 if t.path in _COARSE else 0, len(_values(t))))


def block_shape(match: Match) -> str:
    """A canonical text of a block, equal for blocks that test the same things."""
    tests = sorted(repr((t.path, t.op, t.value, t.pattern.pattern if t.pattern else None)) for t in match.tests)
    return repr((tests, [block_shape(b) for b in match.any_of], [block_shape(b) for b in match.none_of]))


def _values(test: Test) -> list[Any]:
    return list(test.value) if isinstance(test.value, list) else [test.value]


class MatchIndex(Generic[K]):
    """Holds (key, Match) entries; `matching(record)` returns the keys whose block holds, in insertion order.
    `candidates` works on distinct blocks; keys sharing an identical block share its result."""

    def __init__(self, entries: Iterable[tuple[K, Match]]) -> None:
        self._entries: list[tuple[K, Match]] = list(entries)
        # Identical blocks (copied between rules) are evaluated once: group them.
        self._blocks: list[tuple[Match, list[int]]] = []
        by_shape: dict[str, int] = {}
        self.block_of: dict[K, int] = {}  # entry key → its block's position
        for position, (key, match) in enumerate(self._entries):
            shape = block_shape(match)
            if shape not in by_shape:
                by_shape[shape] = len(self._blocks)
                self._blocks.append((match, []))
            self._blocks[by_shape[shape]][1].append(position)
            self.block_of[key] = by_shape[shape]
        by_path: dict[tuple[str, ...], dict[Any, list[int]]] = defaultdict(lambda: defaultdict(list))
        self._always: list[int] = []
        for position, (match, _) in enumerate(self._blocks):
            test = _discriminator(match)
            if test is None:
                self._always.append(position)
                continue
            for value in _values(test):
                by_path[test.parts][_hashable_fold(value)].append(position)
        self._tables = [(getter(parts), dict(table)) for parts, table in by_path.items()]

    def keys(self) -> list[K]:
        return [key for key, _ in self._entries]

    def __len__(self) -> int:
        return len(self._entries)

    def candidates(self, record: Mapping[str, Any]) -> list[int]:
        found: set[int] = set(self._always)
        for get, table in self._tables:
            actual = get(record)
            for value in actual if type(actual) is list else (actual,):
                hits = table.get(value.casefold() if type(value) is str else _hashable_fold(value))
                if hits:
                    found.update(hits)
        return sorted(found)

    def matching_blocks(self, record: Mapping[str, Any]) -> list[int]:
        """Positions of the distinct blocks that hold (see `block_of`)."""
        blocks = self._blocks
        return [block for block in self.candidates(record) if blocks[block][0].matches(record)]

    def matching(self, record: Mapping[str, Any]) -> list[K]:
        positions: list[int] = []
        for block in self.candidates(record):
            match, members = self._blocks[block]
            if match.matches(record):
                positions.extend(members)
        return [self._entries[i][0] for i in sorted(positions)]
