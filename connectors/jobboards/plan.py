"""Which boards a poll visits, in which committed groups: worked out once per accounts' configuration.

Every poll turns the accounts' board strings into targets (`collect_targets`: parsed, URLs filled
in, accounts gathered per board) and packs them into groups (`chunks.board_groups`). Both depend on
the accounts and the connector's options only, which change rarely (the daemon keeps one list of
accounts until the accounts table changes), while a poll of 2,000 unchanged boards is otherwise
only conditional GETs: redoing this at every poll was a few percent of such a poll's CPU
(11 ms for 2,000 boards, against 0.01 ms to find the plan kept).
`PlanCache` keeps the last plan and gives it back while the accounts compare equal to the ones it
was made from (`Account` is a frozen record compared field by field, so a board added, removed or
renamed, or an account's name or domain changed, makes a new plan).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from signalwatch.accounts import Account
from signalwatch.connectors.jobboards.chunks import board_groups
from signalwatch.connectors.jobboards.fetch import BoardTarget, collect_targets
from signalwatch.connectors.jobboards.model import Provider
from signalwatch.connectors.jobboards.state import account_key

__all__ = ["BoardPlan", "PlanCache"]


@dataclass(frozen=True)
class BoardPlan:
    """The boards to poll (`targets`), the board strings that cannot be polled (`errors`: string →
    reason), and the targets in committed groups, each with the cursor-part keys it owns (its
    boards' and its accounts')."""

    targets: tuple[BoardTarget, ...]
    errors: Mapping[str, str]
    groups: tuple[tuple[tuple[BoardTarget, ...], frozenset[str]], ...]

    @property
    def named(self) -> frozenset[str]:
        """Every part key some group owns: the parts of a poll not among them are forgotten."""
        return frozenset().union(*(keys for _, keys in self.groups))


def make_plan(accounts: Sequence[Account], providers: Mapping[str, Provider], url_templates: Mapping[str, str],
              group_size: int) -> BoardPlan:
    """The plan for `accounts` (no cache)."""
    targets, errors = collect_targets(accounts, providers, url_templates)
    groups = tuple(
        (tuple(group), frozenset({t.ref.key for t in group} | {account_key(a.id) for t in group for a in t.accounts}))
        for group in board_groups(targets, group_size)
    )
    return BoardPlan(tuple(targets), dict(errors), groups)


class PlanCache:
    """The last plan made, given back while the accounts, providers, URL templates and group size
    are equal to those it was made from. Safe to share between threads (a race makes a plan twice)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: tuple[tuple[object, ...], BoardPlan] | None = None

    def plan(self, accounts: Sequence[Account], providers: Mapping[str, Provider], url_templates: Mapping[str, str],
             group_size: int) -> BoardPlan:
        # The same Account objects poll after poll (the daemon's cached list): comparing them is an
        # identity check each; accounts read again compare field by field (a few ms for 2,000).
        key = (tuple(accounts), tuple(providers.items()), tuple(sorted(url_templates.items())), group_size)
        with self._lock:
            last = self._last
        if last is not None and last[0] == key:
            return last[1]
        plan = make_plan(accounts, providers, url_templates, group_size)
        with self._lock:
            self._last = (key, plan)
        return plan
