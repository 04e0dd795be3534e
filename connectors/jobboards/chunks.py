"""Which boards a poll commits together: groups of about `size` boards that share no account.

A poll of thousands of boards is committed a group at a time (`JobBoardsConnector.fetch_chunks`),
so it holds one group's next snapshots and events, not every board's. Open-role counts, the
`open_roles` of an event and hiring surges are per account, over all of the account's boards,
and an account's surge history is one cursor part: so every board of an account, and every
account of a board, falls in the same group. Boards tied that way (an account naming two boards,
a board two accounts name) form one component; components are packed in the order the targets
came, and one larger than `size` is a group of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from signalwatch.connectors.jobboards.fetch import BoardTarget

__all__ = ["board_groups"]


def board_groups(targets: Sequence[BoardTarget], size: int) -> list[list[BoardTarget]]:
    """`targets` in groups of at least `size` boards (the last may be smaller), no account in two groups."""
    parent = list(range(len(targets)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first_board_of: dict[int, int] = {}  # account id -> the first target naming it
    for index, target in enumerate(targets):
        for account in target.accounts:
            other = first_board_of.setdefault(account.id, index)
            parent[root(index)] = root(other)
    components: dict[int, list[BoardTarget]] = {}  # in the order of each component's first target
    for index, target in enumerate(targets):
        components.setdefault(root(index), []).append(target)
    groups: list[list[BoardTarget]] = []
    current: list[BoardTarget] = []
    for component in components.values():
        current.extend(component)
        if len(current) >= size:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups
