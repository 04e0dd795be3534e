"""The rules engine: single, composite and suppression rules, cooldowns, caps and priority.

`Engine.evaluate` is pure given its state: `now` is passed in, and it returns the alerts
plus a `Delta` of state changes that the caller applies only after the poll transaction
committed (`Engine.apply`). The store is the one source of truth for that state — composite
hits, account heat, last alert per (rule, account), alerts per account per day: in the
daemon, `evaluate` reads it through a `Recall` (the poll's own transaction) for the accounts
the poll touches and the engine keeps a bounded copy of it (most recently used accounts
first), dropped whenever another writer committed. So a restart or a rules reload neither
floods nor forgets a cooldown, and memory does not grow with the stored events. Tools that
replay history without a store (`rules backtest`, `explain`) fill the state with `warm_up`.
The daemon, `rules test` and `rules backtest` all run this same code.

Cost per event does not grow with the rule count or the account's history: match blocks
are found through discriminator indexes, composite counts are binary searches over
per-block hit lists (`hitlog`), composite rules sharing a count are admitted or skipped by
one such search (`_Gate`), account facts and payload parts are built once and shared.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from operator import attrgetter
from typing import Any, NamedTuple, Protocol

from signalwatch.accounts import Account
from signalwatch.alerts.composite import Part, evidence_item, headline
from signalwatch.alerts.draft import AlertDraft, AlertRecord
from signalwatch.alerts.payload import (
    AccountPart,
    Context,
    RulePart,
    account_part,
    compose,
    context,
    event_part,
    rule_part,
)
from signalwatch.events import SignalEvent, key_of, key_part
from signalwatch.rules.blockindex import MatchIndex, block_shape
from signalwatch.rules.conditions import Match
from signalwatch.rules.expr import Node
from signalwatch.rules.hitlog import AccountState, Hit, Pending
from signalwatch.rules.policy import DeliveryWindow
from signalwatch.rules.ruleset import Fit, Rule, RuleSet, account_record, event_recorder
from signalwatch.rules.scoring import commodity, event_weight, weighting
from signalwatch.stories import retold, told

__all__ = ["Engine", "Delta", "Evaluation", "Outcome", "Recall", "Mark", "Bound", "FIRED", "HELD", "BLOCKED", "NO_ROUTE",
           "NOT_MATCHED"]

MAX_HITS_PER_ACCOUNT = 2000  # composite memory per account; older hits drop first
EVIDENCE_SHOWN = 5
SINGLE, INDEXED, COMPOSITE = 0, 1, 2  # how a candidate rule is decided
NO_ACCOUNT = account_part(None, None)
SINGLES_CACHE_SIZE = 4096  # distinct (event type, matched blocks) pairs remembered
QUIET_BACKFILL = "backfilled history (the account's past, stored by a backfill): quiet unless the rule says `backfill: alert`"


Mark = tuple[int, int]  # where the store stood after a commit: (newest event id, newest message id)


class Recall(Protocol):
    """What evaluation reads from the store, inside the poll's transaction (`store.PollUnit`)."""

    def history(self, account_ids: Sequence[int], events_since: datetime,
                alerts_since: datetime) -> tuple[list[SignalEvent], list[AlertRecord]]:
        """The accounts' stored events since `events_since`, oldest first (not those this poll
        inserts), and their alerts since `alerts_since`."""
        ...

    def moved(self, mark: Mark) -> bool:
        """Whether anyone but this poll stored events or alerts after `mark`."""
        ...

    def mark(self) -> Mark:
        """Where the store stands with this poll's writes."""
        ...


class Bound(NamedTuple):
    """How much state an engine reading through a `Recall` keeps: least recently used
    accounts are dropped (and read again when touched) beyond either figure."""

    accounts: int = 20_000
    hits: int = 100_000


@dataclass
class Delta:
    """State changes of one evaluation, applied after its transaction commits."""

    accounts: dict[int, Pending] = field(default_factory=dict)
    last_alert: dict[tuple[str, int], datetime] = field(default_factory=dict)
    daily: dict[tuple[int, date], int] = field(default_factory=dict)
    now: datetime | None = None


FIRED, HELD, BLOCKED, NO_ROUTE, NOT_MATCHED = "fired", "held", "blocked", "no route", "not matched"


class Outcome(NamedTuple):
    """What evaluating one event did for one rule (`Engine.outcomes`)."""

    rule_id: str
    outcome: str  # FIRED, HELD, BLOCKED, NO_ROUTE or NOT_MATCHED
    detail: str | None  # where it went, until when, or why not
    drafts: tuple[AlertDraft, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    drafts: list[AlertDraft]
    delta: Delta
    skipped: list[tuple[str, str, str]]  # (rule id, event key, reason): cooldown, cap, suppressed


class _Account:
    """What the engine derives from an account once: its ICP fit, condition fields, payload part
    and the verdicts of account-level composite selections."""

    __slots__ = ("account", "fit", "fields", "_part", "flags")

    def __init__(self, account: Account, fit: Fit) -> None:
        self.account, self.fit = account, fit
        self.fields = account_record(account, fit)
        self._part: AccountPart | None = None
        self.flags: dict[int, bool] = {}

    @property
    def part(self) -> AccountPart:
        if self._part is None:
            self._part = account_part(self.account, self.fit)
        return self._part

    def holds(self, block: int, match: Match) -> bool:
        """Whether the account-level selection `match` (numbered `block`) holds for this account."""
        flag = self.flags.get(block)
        if flag is None:
            flag = self.flags[block] = match.matches({"account": self.fields})
        return flag

    def holds_all(self, needs: tuple[tuple[int, Match], ...]) -> bool:
        return all(self.holds(block, match) for block, match in needs)


class _Entry(NamedTuple):
    """A rule that may fire for an event, with how to decide it (SINGLE, INDEXED, COMPOSITE)."""

    order: int  # position in the rule files: candidates are decided in this order
    rule: Rule
    mode: int
    max_age: float  # seconds: older events never fire it


_order_of = attrgetter("order")


class _Gate(NamedTuple):
    """Composite rules sharing the need they are checked by first: a count of `block` within
    `window` seconds (block -1: no count needed), members sorted by the count they need."""

    block: int
    window: float
    leasts: list[int]
    members: list[tuple[tuple[tuple[int, Match], ...], _Entry]]  # (account-level needs, entry)


@dataclass(frozen=True)
class _Composite:
    """A composite rule compiled against the engine's block numbering."""

    rule: Rule
    window: float  # seconds
    event_blocks: dict[str, int]  # selection name → composite block
    account_blocks: dict[str, tuple[int, Match]]  # selection name → (account block, match)

    @cached_property
    def blocks(self) -> frozenset[int]:
        """The composite blocks of its event-level selections."""
        return frozenset(self.event_blocks.values())

    @property
    def least_hits(self) -> int:
        """Hits the account must hold at least before the condition can be true."""
        return self.gate[1]

    @cached_property
    def gate(self) -> tuple[int, int]:
        """The need asking for the most hits, (block, count), checked before anything else;
        (-1, 0) when the condition needs no event-level count."""
        return max(self.needs, key=lambda need: need[1], default=(-1, 0))

    @cached_property
    def needs(self) -> tuple[tuple[int, int], ...]:
        """(block, count) pairs the condition cannot hold without (see `Expr.requires`)."""
        return tuple((self.event_blocks[name], n) for name, n in self.rule.condition.requires if name in self.event_blocks)

    @cached_property
    def account_needs(self) -> tuple[tuple[int, Match], ...]:
        """Account-level selections the condition cannot hold without."""
        return tuple(self.account_blocks[name] for name, _ in self.rule.condition.requires if name in self.account_blocks)

    @cached_property
    def shown(self) -> tuple[tuple[str, int, Match, bool], ...]:
        """The event-level selections an alert leads with — those the condition asks for, not
        under a `not` — in condition order: (name, block, match, whether it asks for a count of 2+)."""
        found: dict[str, bool] = {}

        def walk(node: Node) -> None:
            if not node or node[0] == "not":
                return
            if node[0] == "name":
                _, name, symbol, limit = node
                if name in self.event_blocks:
                    counted = symbol in (">=", "==") and limit >= 2 or symbol == ">" and limit >= 1
                    found[name] = found.get(name, False) or counted
                return
            for part in node[1]:
                walk(part)
        walk(self.rule.condition.tree)
        matches = {s.name: s.match for s in self.rule.selections}
        return tuple((name, self.event_blocks[name], matches[name], counted) for name, counted in found.items())


class _Counts:
    """The selection counts a composite condition reads, computed only when it asks for them."""

    __slots__ = ("composite", "pending", "info", "since", "memo")

    def __init__(self, composite: _Composite, pending: Pending, info: _Account, now: float, memo: dict[tuple[int, float], int]) -> None:
        self.composite, self.pending, self.info, self.memo = composite, pending, info, memo
        self.since = now - composite.window

    def get(self, name: str, default: int = 0) -> int:
        block = self.composite.event_blocks.get(name)
        if block is not None:
            return self.count(block)
        ref = self.composite.account_blocks.get(name)
        return default if ref is None else int(self.info.holds(*ref))

    def count(self, block: int) -> int:
        return _count(self.pending, self.memo, block, self.since)


def _count(pending: Pending, memo: dict[tuple[int, float], int], block: int, since: float) -> int:
    """Hits of `block` since `since`; shared by the rules of one event through `memo`."""
    count = memo.get((block, since))
    if count is None:
        count = memo[(block, since)] = pending.count(block, since)
    return count


@dataclass(frozen=True)
class _Target:
    """One route of a rule, with the parts of its alert keys that do not depend on the event."""

    sink: str
    when: Match | None
    target: str | None
    owner: bool
    channel: str | None
    window: DeliveryWindow | None
    key_tail: str


@dataclass(frozen=True)
class _Plan:
    """How a rule's alerts are built, prepared on its first alert."""

    part: RulePart
    routes: tuple[_Target, ...]
    key_head: str

    @staticmethod
    def of(rule: Rule, ruleset: RuleSet) -> _Plan:
        routes = []
        for route, when in rule.routes:
            target = "+".join(route.action) if route.action else route.channel
            window = ruleset.policy.delivery_windows[route.window] if route.window else None
            routes.append(_Target(route.sink, when, target, route.to == "owner", route.channel, window,
                                  f"{key_part(route.sink)},{key_part(target)}"))
        # Alert key: make_dedupe_key("alert", rule, account, event key, sink, target).
        return _Plan(rule_part(rule), tuple(routes), f"{key_part('alert')},{key_part(rule.id)}")


class Engine:
    """Evaluates events against one RuleSet. Not thread-safe: the pipeline serializes calls."""

    def __init__(self, ruleset: RuleSet, bound: Bound | None = None) -> None:
        """`bound`: how much state to keep when it is read through a `Recall` (the daemon);
        None keeps every account touched (tools replaying history without a store)."""
        self.ruleset = ruleset
        self._accounts: OrderedDict[int, AccountState] = OrderedDict()  # least recently used first
        self._bound = bound
        self._held = 0  # hits held over all accounts (`Bound.hits`)
        self._mark: Mark | None = None  # where the store stood after the last commit applied
        self._infos: dict[int, _Account] = {}
        rules = ruleset.rules
        self._order = {rule.id: i for i, rule in enumerate(rules)}
        self._plans: dict[str, _Plan] = {}
        # One index over every block an event is matched against, each distinct block once:
        # composite event-level selections (counted over windows; a hit's blocks are their
        # numbers) and single rules that are one selection (there a match is the verdict).
        singles = [rule for rule in rules if rule.kind == "single" and len(rule.selections) == 1
                   and rule.condition.text == rule.selections[0].name]
        selections = [((rule.id, s.name), s.match) for rule in rules if rule.kind == "composite" for s in rule.event_selections]
        self._index: MatchIndex[Any] = MatchIndex(
            [*selections, *((rule.id, rule.selections[0].match) for rule in singles)])
        block_at = self._index.block_at
        self._singles_of: dict[int, list[_Entry]] = defaultdict(list)  # block → its single rules
        for n, rule in enumerate(singles, start=len(selections)):
            self._singles_of[block_at[n]].append(self._entry(rule, INDEXED))
        block_of = {key: block_at[n] for n, (key, _) in enumerate(selections)}
        self._composite_blocks = frozenset(block_of.values())
        account_blocks: dict[str, int] = {}
        self._composites: dict[str, _Composite] = {}
        self._by_block: dict[int, list[str]] = defaultdict(list)
        for rule in rules:
            if rule.kind != "composite":
                continue
            assert rule.window is not None
            blocks = {s.name: block_of[(rule.id, s.name)] for s in rule.event_selections}
            accounts = {s.name: (account_blocks.setdefault(block_shape(s.match), len(account_blocks)), s.match)
                        for s in rule.selections if not s.event_level}
            self._composites[rule.id] = _Composite(rule, rule.window.total_seconds(), blocks, accounts)
            for block in self._composites[rule.id].blocks:
                self._by_block[block].append(rule.id)
        self._singles_cache: dict[tuple[str, tuple[int, ...]], list[_Entry]] = {}
        self._composites_for: dict[frozenset[int], tuple[list[_Gate], int]] = {}
        indexed = {rule.id for rule in singles}
        self._rules_by_id = {rule.id: rule for rule in rules}
        self._by_type: dict[str, list[_Entry]] = defaultdict(list)
        self._any_type: list[_Entry] = []
        for rule in rules:
            if rule.kind != "single" or rule.id in indexed:
                continue
            entry = self._entry(rule, SINGLE)
            if rule.event_types is None:
                self._any_type.append(entry)
            else:
                for kind in rule.event_types:
                    self._by_type[kind].append(entry)
        for entries in self._by_type.values():
            entries.extend(self._any_type)
            entries.sort(key=lambda entry: entry[0])
        # Records carry only the event fields some block reads.
        paths = {path for rule in rules for s in rule.selections for path in s.match.paths()}
        paths |= {path for rule in rules for _, when in rule.routes if when is not None for path in when.paths()}
        paths |= {path for suppression in ruleset.suppressions for path in suppression.match.paths()}
        self._event_record = event_recorder(path.split(".")[1] for path in paths if path.startswith("event."))
        self.history_window = max((r.window for r in rules if r.kind == "composite" and r.window), default=timedelta(0))
        # No composite rule: every event is too old to keep as a hit.
        self._history_seconds = self.history_window.total_seconds() if self.history_window > timedelta(0) else float("-inf")
        half_lives = list(ruleset.policy.scoring.half_life.values())
        holds = [timedelta(seconds=s.within) for s in ruleset.suppressions if s.after is not None]
        # Heat state (which also remembers each type's newest event, read by holds) is kept this long.
        self.heat_window = max(4 * max(half_lives, default=timedelta(days=30)), *holds, timedelta(0))
        self._cooldown_horizon = max((r.cooldown for r in rules if r.cooldown), default=timedelta(0))
        self._cap = ruleset.policy.limits.per_account_daily
        self._heat_of: dict[tuple[str, str], tuple[float, float]] = {}  # (type, change) → (weight, half-life s)

    def _entry(self, rule: Rule, mode: int) -> _Entry:
        return _Entry(self._order[rule.id], rule, mode, rule.max_age.total_seconds())

    # -- state ------------------------------------------------------------------------

    def warm_up(self, events: Iterable[SignalEvent], alerts: Iterable[AlertRecord | tuple[str, int | None, datetime]],
                accounts: Mapping[int, Account], now: datetime) -> None:
        """Add stored events (oldest first) and enqueued alerts to the state, without alerting.
        An alert that named several rules (`AlertRecord.rules`) restarts each one's cooldown and
        counts once toward the daily cap, as when it was made."""
        delta = Delta(now=now)
        stamp = now.timestamp()
        for event in events:
            info = self._info(accounts, event.account_id)
            if info is not None:
                at = event.occurred_at.timestamp()
                # Older than every composite window: it only warms the heat, no need to match it.
                blocks = self._index.matching_blocks(self._record(event, info)) if stamp - at <= self._history_seconds else []
                self._observe(self._pending(delta, info), event, blocks, stamp, at)
        today = now.date()
        for alert in sorted(alerts, key=lambda alert: alert[2]):
            rule_id, account_id, created_at = alert[0], alert[1], alert[2]
            if account_id is None:
                continue
            named = alert.rules if isinstance(alert, AlertRecord) else ()
            for rule in dict.fromkeys((rule_id, *named)):
                delta.last_alert[(rule, account_id)] = created_at
            if created_at.date() == today:
                delta.daily[(account_id, today)] = self._sent_today(delta, account_id, now) + 1
        self.apply(delta)

    def _recall(self, recall: Recall, events: Sequence[SignalEvent], accounts: Mapping[int, Account], now: datetime) -> None:
        """Read from the store the state of the accounts `events` touch and the engine does not
        hold; first forget everything when another writer committed since the last poll."""
        if self._mark is None or recall.moved(self._mark):
            self._accounts.clear()
            self._held = 0
        touched = dict.fromkeys(e.account_id for e in events if e.account_id is not None and e.account_id in accounts)
        missing = [account_id for account_id in touched if account_id not in self._accounts]
        for account_id in touched:
            if account_id in self._accounts:
                self._accounts.move_to_end(account_id)  # recently used: dropped last
        if not missing:
            return
        horizon = max(self.history_window, self.heat_window)
        stored, alerts = recall.history(missing, now - horizon, now - max(horizon, self._cooldown_horizon, timedelta(days=1)))
        for account_id in missing:  # held from now on, even with no history: not read again
            self._accounts[account_id] = AccountState()
        self.warm_up(stored, alerts, accounts, now)

    def apply(self, delta: Delta, mark: Mark | None = None) -> None:
        """Fold a committed evaluation's changes into the state; `mark`: where the store stood
        after the commit (so the next poll can tell whether anyone else wrote since)."""
        before = delta.now.timestamp() - self.history_window.total_seconds() if delta.now else None
        for account_id, pending in delta.accounts.items():
            state = self._state(account_id)
            held = state.held()
            state.merge(pending)
            if before is not None and state.log is not None:
                state.log.prune(before, MAX_HITS_PER_ACCOUNT)
            self._held += state.held() - held
        for (rule_id, account_id), at in delta.last_alert.items():
            self._state(account_id).alerts[rule_id] = at
        for (account_id, day), count in delta.daily.items():
            self._state(account_id).today = (day, count)
        if mark is None:
            return
        self._mark = mark
        bound = self._bound  # dropped only after a commit: an evaluation's accounts stay until it is applied
        while bound is not None and self._accounts and (len(self._accounts) > bound.accounts or self._held > bound.hits):
            _, state = self._accounts.popitem(last=False)
            self._held -= state.held()

    def _state(self, account_id: int) -> AccountState:
        state = self._accounts.get(account_id)
        if state is None:
            state = self._accounts[account_id] = AccountState()
        return state

    def held(self) -> tuple[int, int]:
        """(accounts, composite hits) the engine holds in memory."""
        return len(self._accounts), self._held

    def prepare(self, accounts: Mapping[int, Account]) -> None:
        """Compute every account's ICP fit and condition fields now rather than on its first event."""
        for account_id in accounts:
            self._info(accounts, account_id)

    def heat(self, account: Account, now: datetime) -> float:
        state = self._accounts.get(account.id)
        return state.heat.value(self.fit(account).tier, self.ruleset.policy.scoring, now) if state else 0.0

    def fit(self, account: Account) -> Fit:
        return self._info({account.id: account}, account.id).fit  # type: ignore[union-attr]

    def _info(self, accounts: Mapping[int, Account], account_id: int | None) -> _Account | None:
        if account_id is None:
            return None
        account = accounts.get(account_id)
        if account is None:
            return None
        info = self._infos.get(account_id)
        if info is None or (info.account is not account and info.account != account):
            info = self._infos[account_id] = _Account(account, self.ruleset.icp.fit(account))
        return info

    def _record(self, event: SignalEvent, info: _Account | None) -> dict[str, Any]:
        """What conditions see: the event's fields some block reads, and the account's."""
        return {"event": self._event_record(event), "account": info.fields if info is not None else None}

    def _pending(self, delta: Delta, info: _Account) -> Pending:
        """The account's layer of this evaluation, started over its committed state."""
        pending = delta.accounts.get(info.account.id)
        if pending is None:
            pending = delta.accounts[info.account.id] = Pending(self._accounts.get(info.account.id))
        return pending

    def _sent_today(self, delta: Delta, account_id: int, now: datetime) -> int:
        """Alerts made for the account on `now`'s UTC day, this evaluation's included."""
        day = now.date()
        count = delta.daily.get((account_id, day))
        if count is None:
            state = self._accounts.get(account_id)
            count = state.sent_on(day) if state is not None else 0
        return count

    # -- evaluation -------------------------------------------------------------------

    def evaluate(self, events: Sequence[SignalEvent], accounts: Mapping[int, Account], now: datetime,
                 recall: Recall | None = None) -> Evaluation:
        """Alerts for `events` at `now`. `recall`: the store, read for the state of accounts the
        engine does not hold (the daemon's poll); without it the engine's state is all there is."""
        if recall is not None:
            self._recall(recall, events, accounts, now)
        delta = Delta(now=now)
        drafts: list[AlertDraft] = []
        skipped: list[tuple[str, str, str]] = []
        stamp = now.timestamp()
        for event in events:
            info = self._info(accounts, event.account_id)
            if info is not None and info.fit.excluded_by:
                continue
            record = self._record(event, info)
            blocks = self._index.matching_blocks(record)
            at = event.occurred_at.timestamp()
            pending = hit = None
            if info is not None:
                pending = self._pending(delta, info)
                hit = self._observe(pending, event, blocks, stamp, at)
            firing = None
            memo: dict[tuple[int, float], int] = {}
            age = stamp - at
            backfilled = bool(event.attributes.get("backfill"))  # history: counted, alerting only where asked
            first_report = told(event)  # another outlet's report of a story already alerted
            for _, rule, mode, max_age in self._candidates(event, blocks, pending, info, hit, stamp, memo):
                if age > max_age:
                    continue
                if mode == SINGLE and not rule.condition({s.name: int(s.match.matches(record)) for s in rule.selections}):
                    continue
                if mode == COMPOSITE:
                    assert pending is not None and info is not None
                    if not self._holds(self._composites[rule.id], pending, info, stamp, memo):
                        continue
                if backfilled and not rule.backfill:
                    skipped.append((rule.id, event.dedupe_key, QUIET_BACKFILL))
                    continue
                if first_report:
                    skipped.append((rule.id, event.dedupe_key, f"same story as an earlier report ({first_report})"))
                    continue
                if firing is None:
                    firing = _Firing(self, event, record, info, pending, now)
                account = info.account if info is not None else None
                reason = self._blocked(rule, account, firing.suppressed, delta, now)
                if not reason and mode == COMPOSITE:
                    reason = self._held_counts(rule, record, pending, now)
                if reason:
                    skipped.append((rule.id, event.dedupe_key, reason))
                    continue
                capped = self._capped(account, delta, now)
                if self._fire(rule, firing, delta, drafts, capped) < 0:
                    skipped.append((rule.id, event.dedupe_key, capped or ""))
            if firing is not None and firing.joins:
                for at, joins in firing.joins.items():
                    drafts[at] = _joined(drafts[at], joins, len(self._plans[drafts[at].rule_id].part.why))
        return Evaluation(drafts, delta, skipped)

    @staticmethod
    def _holds(composite: _Composite, pending: Pending, info: _Account, now: float, memo: dict[tuple[int, float], int]) -> bool:
        since = now - composite.window
        for block, least in composite.needs:  # the counts the condition cannot do without, first
            if _count(pending, memo, block, since) < least:
                return False
        return composite.rule.condition(_Counts(composite, pending, info, now, memo))

    def _candidates(self, event: SignalEvent, blocks: list[int], pending: Pending | None, info: _Account | None,
                    hit: Hit | None, now: float, memo: dict[tuple[int, float], int]) -> list[_Entry]:
        """Rules that could fire for `event` (whose record holds `blocks`, and which the account
        holds as `hit` when it counts for some composite), in rule-file order, each with how to
        decide it."""
        singles = self._singles_for(event.type, blocks)
        if hit is None:
            return singles
        assert pending is not None and info is not None
        gates, least = self._composites_of(hit.blocks)
        if pending.total() < least:  # no composite condition can hold yet: skip them all
            return singles
        composites = []
        for block, window, leasts, members in gates:
            # Members are sorted by the hits their gate needs: one count admits a prefix of them.
            admitted = len(members) if block < 0 else bisect_right(leasts, _count(pending, memo, block, now - window))
            for i in range(admitted):
                needs, entry = members[i]
                if not needs or info.holds_all(needs):
                    composites.append(entry)
        if not composites:
            return singles
        if singles or len(gates) > 1:
            return sorted(singles + composites, key=_order_of)
        return composites

    def _singles_for(self, event_type: str, blocks: list[int]) -> list[_Entry]:
        """The single rules an event of `event_type` whose record holds `blocks` may fire, in rule
        order: those indexed under the blocks, and those decided per event. Few distinct
        (type, blocks) pairs occur, so each list is built once (a bounded cache)."""
        key = (event_type, tuple(blocks))
        found = self._singles_cache.get(key)
        if found is None:
            singles_of = self._singles_of
            matched = [entry for block in blocks if block in singles_of for entry in singles_of[block]]
            found = sorted(matched + self._by_type.get(str(event_type), self._any_type), key=_order_of)
            if len(self._singles_cache) >= SINGLES_CACHE_SIZE:
                self._singles_cache.clear()
            self._singles_cache[key] = found
        return found

    def _composites_of(self, blocks: frozenset[int]) -> tuple[list[_Gate], int]:
        """The composite rules an event matching `blocks` may complete, grouped by their gate
        (see `_Composite.gate`) and window, and the fewest hits any of them needs."""
        found = self._composites_for.get(blocks)
        if found is None:
            ids = {rule_id for block in blocks for rule_id in self._by_block[block]}
            grouped: dict[tuple[int, float], list[tuple[int, tuple[tuple[int, Match], ...], _Entry]]] = defaultdict(list)
            for rule_id in ids:
                composite = self._composites[rule_id]
                block, least = composite.gate
                grouped[(block, composite.window)].append((least, composite.account_needs, self._entry(composite.rule, COMPOSITE)))
            gates = []
            for (block, window), members in grouped.items():
                members.sort(key=lambda member: (member[0], member[2].order))
                gates.append(_Gate(block, window, [least for least, _, _ in members], [(needs, entry) for _, needs, entry in members]))
            least = min((self._composites[i].least_hits for i in ids), default=0)
            found = self._composites_for[blocks] = (gates, least)
        return found

    def _observe(self, pending: Pending, event: SignalEvent, blocks: list[int], now: float, at: float) -> Hit | None:
        """Add the event (which occurred at `at`) to the account's heat, and to the hits of the
        composite blocks among the `blocks` its record holds; returns the account's hit for the
        event (new or seen before). Another outlet's report of a story the account has
        (`signalwatch.stories`) adds nothing: neither heat nor a composite's count."""
        if event.attributes and retold(event):
            return None
        weighted = self._heat_of.get((event.type, event.change))
        if weighted is None:
            weighted = self._heat_of[(event.type, event.change)] = weighting(self.ruleset.policy.scoring, str(event.type), event.change)
        if weighted[0] > 0 and not (event.attributes and commodity(event.attributes)):
            pending.add_heat(str(event.type), weighted[0], weighted[1], at)
        seen = pending.seen(event.dedupe_key)
        if seen is not None or now - at > self._history_seconds:  # held already, or too old to hold
            return seen
        hit = self._composite_blocks.intersection(blocks)
        if not hit:
            return None
        seen = Hit(at, event.dedupe_key, event.title, event.url, event.occurred_at, hit, str(event.type), event.change,
                   event.attributes)
        pending.add(seen)
        return seen

    def explain(self, event: SignalEvent, account: Account | None, now: datetime) -> list[tuple[str, str | None]]:
        """For every rule: None when it would fire for `event`, else why not (first failing condition)."""
        info = self._info({account.id: account}, account.id) if account is not None else None
        if info is not None and info.fit.excluded_by:
            return [(rule.id, f"account excluded by anti-ICP entry {info.fit.excluded_by!r}") for rule in self.ruleset.rules]
        record = self._record(event, info)
        pending = Pending(self._accounts.get(info.account.id)) if info is not None else None
        if pending is not None and pending.seen(event.dedupe_key) is None:
            self._observe(pending, event, self._index.matching_blocks(record), now.timestamp(), event.occurred_at.timestamp())
        suppressed = self._suppressed(record, now, pending)
        verdicts: list[tuple[str, str | None]] = []
        for rule in self.ruleset.rules:
            verdict = self._why_not(rule, event, record, pending, info, now)
            if verdict is None and (rule.id in suppressed or "*" in suppressed):
                verdict = f"suppressed by {suppressed.get(rule.id) or suppressed.get('*')}"
            verdicts.append((rule.id, verdict))
        return verdicts

    def outcomes(self, event: SignalEvent, accounts: Mapping[int, Account], now: datetime) -> list[Outcome]:
        """What evaluating `event` at `now` does, rule by rule, through `evaluate` itself (the
        daemon's code path; the engine's state is left as it was): each rule fired (with its
        drafts), was held by a delivery window, was blocked (cooldown, daily cap, suppression),
        matched without a route for the account, or did not match (the first failing condition;
        for a composite, the selection or count it lacks)."""
        info = self._info(accounts, event.account_id)
        if info is not None and info.fit.excluded_by:
            reason = f"account excluded by anti-ICP entry {info.fit.excluded_by!r}"
            return [Outcome(rule.id, NOT_MATCHED, reason) for rule in self.ruleset.rules]
        evaluation = self.evaluate([event], accounts, now)
        made: dict[str, list[AlertDraft]] = defaultdict(list)
        for draft in evaluation.drafts:
            for rule_id in draft.payload.get("rules") or [draft.rule_id]:
                made[rule_id].append(draft)
        blocked = {rule_id: reason for rule_id, _, reason in evaluation.skipped}
        record = self._record(event, info)
        pending = evaluation.delta.accounts.get(info.account.id) if info is not None else None
        found = []
        for rule in self.ruleset.rules:
            drafts = made.get(rule.id, [])
            if drafts:
                held = [d.not_before for d in drafts if d.not_before is not None and d.not_before > now]
                where = ", ".join(f"{d.sink} {d.target}" if d.target else d.sink for d in drafts)
                if len(held) == len(drafts):
                    found.append(Outcome(rule.id, HELD, f"until {min(held):%Y-%m-%d %H:%M} UTC (delivery window): {where}", tuple(drafts)))
                else:
                    found.append(Outcome(rule.id, FIRED, where, tuple(drafts)))
            elif rule.id in blocked:
                found.append(Outcome(rule.id, BLOCKED, blocked[rule.id]))
            else:
                why = self._why_not(rule, event, record, pending, info, now)
                found.append(Outcome(rule.id, NOT_MATCHED, why) if why else
                             Outcome(rule.id, NO_ROUTE, "matched, but no route's `when` holds for this account and event"))
        return found

    def _why_not(self, rule: Rule, event: SignalEvent, record: dict[str, Any], pending: Pending | None,
                 info: _Account | None, now: datetime) -> str | None:
        """The admin's view of one verdict: None when `rule` fires (before cooldowns and caps)."""
        if now - event.occurred_at > rule.max_age:
            return f"event older than max_age ({rule.max_age.days}d)"
        if rule.kind == "single":
            counts = {s.name: int(s.match.matches(record)) for s in rule.selections}
            if rule.condition(counts):
                return None
            failing = next((s for s in rule.selections if not counts[s.name]), None)
            return failing.match.first_failure(record) if failing else f"condition {rule.condition.text!r} is false"
        if pending is None or info is None:
            return "composite rules need a matched account"
        composite = self._composites[rule.id]
        hit = pending.seen(event.dedupe_key)
        if hit is None or not hit.blocks & composite.blocks:
            misses = [f"{s.name}: {s.match.first_failure(record)}" for s in rule.event_selections if s.match.first_failure(record)]
            if misses:
                return "the event matches none of its event selections (" + "; ".join(misses) + ")"
            return f"the event is older than the {rule.window.days if rule.window else 0}d window"
        view = _Counts(composite, pending, info, now.timestamp(), {})
        if rule.condition(view):
            return None
        summary = ", ".join(f"{s.name}={view.get(s.name)}" for s in sorted(rule.selections, key=lambda s: s.name))
        lacking = next(((name, least) for name, least in rule.condition.requires if view.get(name) < least), None)
        short = ""
        if lacking is not None:
            name, least = lacking
            has = view.get(name)
            short = (f": {name} (account) does not hold" if name in composite.account_blocks
                     else f": {name} has {has} of the {least} needed")
        return f"condition {rule.condition.text!r} is false within {rule.window.days if rule.window else 0}d ({summary}){short}"

    def _suppressed(self, record: dict[str, Any], now: datetime, pending: Pending | None) -> dict[str, str]:
        """Rule id (or "*" for all) → the suppression that silences it for this account."""
        found: dict[str, str] = {}
        if record["account"] is None:
            return found
        last_seen = pending.heat.last_seen if pending is not None else None
        stamp = now.timestamp()
        for suppression in self.ruleset.suppressions:
            if suppression.active(now) and suppression.holds(last_seen, stamp) and suppression.match.matches(record):
                for rule_id in suppression.rule_ids or ("*",):
                    found.setdefault(rule_id, suppression.id)
        return found

    def _held_counts(self, rule: Rule, record: dict[str, Any], pending: Pending | None, now: datetime) -> str | None:
        """A hold in force (`after: layoffs`) holds a composite that counts an event its match covers,
        whatever event completed it: three sales roles during a layoffs hold, then a new VP Sales,
        is still the team-building pitch the hold stops. None when no hold covers what it counts."""
        holds = [s for s in self.ruleset.suppressions if s.after is not None and (s.rule_ids is None or rule.id in s.rule_ids)]
        if not holds or pending is None or record["account"] is None:
            return None
        stamp = now.timestamp()
        holds = [s for s in holds if s.active(now) and s.holds(pending.heat.last_seen, stamp)]
        if not holds:
            return None
        composite = self._composites[rule.id]
        counted = pending.recent(composite.blocks, stamp - composite.window)
        for hold in holds:
            for hit in counted:
                seen = {"type": hit.kind, "change": hit.change, "title": hit.title, "attributes": hit.attributes}
                if hold.match.matches({"event": seen, "account": record["account"]}):
                    return f"suppressed by {hold.id} (the rule counts {hit.kind}/{hit.change} signals it holds)"
        return None

    def _blocked(self, rule: Rule, account: Account | None, suppressed: dict[str, str], delta: Delta, now: datetime) -> str | None:
        if suppressed and (rule.id in suppressed or "*" in suppressed):
            return f"suppressed by {suppressed.get(rule.id) or suppressed['*']}"
        if account is None:
            return None
        if rule.cooldown:
            key = (rule.id, account.id)
            last = delta.last_alert.get(key)
            if last is None:
                state = self._accounts.get(account.id)
                last = state.alerts.get(rule.id) if state is not None else None
            if last is not None and now - last < rule.cooldown:
                return f"cooldown until {(last + rule.cooldown):%Y-%m-%d %H:%M}"
        return None

    def _capped(self, account: Account | None, delta: Delta, now: datetime) -> str | None:
        """Why the account may get no new alert today (its daily cap), or None. An alert that
        joins one already made for the same event and target is not new: it passes."""
        cap = self._cap
        if account is not None and cap is not None and self._sent_today(delta, account.id, now) >= cap:
            return f"daily cap of {cap} alerts for this account reached"
        return None

    def _fire(self, rule: Rule, firing: _Firing, delta: Delta, drafts: list[AlertDraft], capped: str | None) -> int:
        """Add the rule's alerts for the firing event to `drafts`: one per (sink, target). A route
        whose (sink, target) an earlier rule already has for this event joins that alert (which
        then names both rules, at the higher priority) instead of posting again; so the alert
        key is the first rule's, as before rules were merged. Returns the routes posted or
        joined; -1 when the daily cap (`capped`) refused every new one and none joined."""
        event, info, now = firing.event, firing.info, firing.now
        account = info.account if info is not None else None
        plan = self._plans.get(rule.id)
        if plan is None:
            plan = self._plans[rule.id] = _Plan.of(rule, self.ruleset)
        priority = firing.band if rule.priority == "auto" else rule.priority
        payload: dict[str, Any] | None = None
        posted = firing.posted
        made = joined = refused = 0
        for route in plan.routes:
            if route.when is not None and not route.when.matches(firing.record):
                continue
            target, tail = route.target, route.key_tail
            if route.owner and account is not None and (account.owner_slack_id or account.owner_email):
                target = account.owner_slack_id or f"email:{account.owner_email}|{route.channel or ''}"
                tail = f"{key_part(route.sink)},{key_part(target)}"
            not_before = route.window.next_open(now) if route.window is not None else None
            slot = (route.sink, target)
            if payload is None:
                if rule.kind == "composite":
                    evidence, total, summary = self._evidence(rule, firing.pending, now)
                    payload = compose(plan.part, firing.context, rule.angle, priority, evidence, total, summary)
                else:
                    payload = compose(plan.part, firing.context, rule.angle, priority, [])
            at = posted.get(slot)
            if at is not None:  # merged once per alert, after the event's last rule (`_merge_joins`)
                firing.joins.setdefault(at, []).append((rule.id, plan.part.why, priority, payload, not_before))
                joined += 1
                continue
            if capped:
                refused += 1
                continue
            key = key_of(f"{plan.key_head},{firing.key_middle},{tail}")
            posted[slot] = len(drafts)
            drafts.append(AlertDraft(key, rule.id, event.account_id, event.dedupe_key, route.sink, target, priority, payload, not_before))
            made += 1
        if account is not None and (made or joined):
            delta.last_alert[(rule.id, account.id)] = now
            if made:  # an alert that only joined another is counted once, with that one
                delta.daily[(account.id, now.date())] = self._sent_today(delta, account.id, now) + 1
        return -1 if refused and not (made or joined) else made + joined

    def _evidence(self, rule: Rule, pending: Pending | None, now: datetime) -> tuple[list[dict[str, Any]], int, str | None]:
        """A composite alert's evidence, the exact count of related signals, and its headline.

        Every selection the condition asks for contributes its strongest event within the window
        (heaviest signal, then largest amount, then newest); those come first, strongest first
        (funding before job posts), then the other events, newest first, EVIDENCE_SHOWN in all."""
        if pending is None:
            return [], 0, None
        composite = self._composites[rule.id]
        since = now.timestamp() - composite.window
        parts: list[Part] = []
        for name, block, match, counted in composite.shown:
            hits = pending.recent((block,), since)
            if hits:
                parts.append(Part(name, match, hits, max(hits, key=self._strength), counted))
        parts.sort(key=lambda part: self._strength(part.leader), reverse=True)  # stable: condition order on ties
        related = pending.recent(composite.blocks, since)
        leaders = list({part.leader.event_key: part.leader for part in parts}.values())
        chosen = {hit.event_key for hit in leaders}
        others = sorted((hit for hit in related if hit.event_key not in chosen), key=_at, reverse=True)
        shown = [*leaders, *others][:max(EVIDENCE_SHOWN, len(leaders))]
        return [evidence_item(hit) for hit in shown], len(related), headline(parts, now, rule.window) or None

    def _strength(self, hit: Hit) -> tuple[float, float, float]:
        """How strong a signal an evidence event is: its heat weight, its amount, its recency."""
        amount = hit.attributes.get("amount_usd") or hit.attributes.get("amount")
        weight = event_weight(self.ruleset.policy.scoring, hit.kind, hit.change, hit.attributes) if hit.kind else 0.0
        return weight, float(amount) if isinstance(amount, (int, float)) else 0.0, hit.at


_at = attrgetter("at")


PRIORITIES = ("P1", "P2", "P3")


Join = tuple[str, tuple[str, ...], str, dict[str, Any], datetime | None]  # (rule, its why, priority, payload, held until)


def _joined(draft: AlertDraft, joins: list[Join], own: int) -> AlertDraft:
    """`draft` (the first rule's alert for an event, sink and target) also naming the later rules
    that `joins` it: its "why" lists every rule that fired, its priority is the highest of theirs,
    and it is held only as long as every rule's route would hold it. The key stays the first rule's.
    `own`: how many lines of its "why" are the first rule's (they come first, then the account's)."""
    old = draft.payload
    rules = [draft.rule_id, *(join[0] for join in joins)]
    lines = old["why"]
    rank = {p: n for n, p in enumerate(PRIORITIES)}
    best = min([draft.priority, *(join[2] for join in joins)], key=lambda p: rank.get(p, len(PRIORITIES)))
    joined = [line for join in joins for line in join[1]]
    adopted: dict[str, Any] = {}
    if not old.get("evidence"):  # a composite rule's headline, evidence and its count, from the first that has them
        source = next((join for join in joins if join[3].get("evidence")), None)
        if source is not None:
            adopted = {name: source[3][name] for name in ("evidence", "evidence_total", "summary") if name in source[3]}
            joined.append(source[3]["why"][len(source[1])])  # "6 related signals within 30 days …"
    why = [f"Rules: {', '.join(rules)}", *lines[:own], *joined, *lines[own:]]
    merged = {**old, "rules": rules, "priority": best, "why": why, **adopted}
    if not merged.get("angle"):
        merged["angle"] = next((join[3]["angle"] for join in joins if join[3].get("angle")), merged.get("angle"))
    held = draft.not_before
    for join in joins:
        held = None if held is None or join[4] is None else min(held, join[4])
    return draft._replace(priority=best, payload=merged, not_before=held)


class _Firing:
    """Per-event facts needed only once some rule fires, each computed at most once."""

    __slots__ = ("engine", "event", "record", "info", "pending", "now", "_suppressed", "_heat", "_band", "_context",
                 "key_middle", "posted", "joins")

    def __init__(self, engine: Engine, event: SignalEvent, record: dict[str, Any], info: _Account | None,
                 pending: Pending | None, now: datetime) -> None:
        self.engine, self.event, self.record, self.info, self.pending, self.now = engine, event, record, info, pending, now
        self._suppressed: dict[str, str] | None = None
        self._heat: float | None = None
        self._band: str | None = None
        self._context: Context | None = None
        self.key_middle = f"{key_part(event.account_id)},{key_part(event.dedupe_key)}"
        self.posted: dict[tuple[str, str | None], int] = {}  # (sink, target) → its alert's index in the drafts
        self.joins: dict[int, list[Join]] = {}  # that index → the later rules joining the alert

    @property
    def suppressed(self) -> dict[str, str]:
        if self._suppressed is None:
            self._suppressed = self.engine._suppressed(self.record, self.now, self.pending)
        return self._suppressed

    @property
    def heat(self) -> float:
        if self._heat is None:
            scoring = self.engine.ruleset.policy.scoring
            tier = self.info.fit.tier if self.info is not None else None
            self._heat = self.pending.heat.value(tier, scoring, self.now) if self.pending is not None else 0.0
        return self._heat

    @property
    def band(self) -> str:
        """The priority band of the account's heat (rules with `priority: auto`)."""
        if self._band is None:
            self._band = self.engine.ruleset.policy.scoring.band(self.heat)
        return self._band

    @property
    def context(self) -> Context:
        """The payload parts every alert about this event shares."""
        if self._context is None:
            info = self.info
            account = info.part if info is not None else NO_ACCOUNT
            self._context = context(account, event_part(self.event, info.account if info is not None else None), self.heat)
        return self._context
