"""The `jobboards` connector: every account's job boards in one poll, diffed into hiring events.

State lives in cursor parts (layout in `state`): one per board (key "greenhouse:acme"), a
small head with the board's validators and open-role counts, read at every poll, and the
board's job snapshot, read and written only when the board changed; and one per account
(key "account:17") holding its surge history, read and written only when one of its
boards changed. So a cycle in which nothing changed reads a few bytes per board and
writes nothing.

Each board is diffed against its stored snapshot by the fetch worker that fetched it, as
soon as it arrives (`settle`): a poll keeps each board's next rows and diff, never every
board's listing and stored snapshot at once. `normalize` turns the diffs into events, heads
and surge histories. The pipeline polls the boards in groups (`fetch_chunks`, `chunks`): each
group's events are committed with its boards' snapshots and its accounts' surge histories, so
a poll holds one group at a time, and a crash between groups leaves the committed boards done
and the others as they were, diffed again next poll.

The first successful poll of a board is its baseline and emits nothing (no flood of
"posted" alerts for roles that were already open); technologies are read only from roles
posted after it, so a baseline role's `closed` event lists none. A failing board keeps its
state, so an outage never closes its roles.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from pydantic import Field, field_validator

from signalwatch.connectors.base import (
    Connector,
    ConnectorOptions,
    FetchContext,
    Fetched,
    Normalized,
    PartWrite,
)
from signalwatch.connectors.jobboards.collector import collector_paused
from signalwatch.connectors.jobboards.events import KIND, role_event, surge_event
from signalwatch.connectors.jobboards.fetch import (
    AccountRef,
    BoardPoll,
    BoardTarget,
    board_pool,
    poll_boards,
)
from signalwatch.connectors.jobboards.history import recent_roles
from signalwatch.connectors.jobboards.model import Provider
from signalwatch.connectors.jobboards.plan import BoardPlan, PlanCache
from signalwatch.connectors.jobboards.registry import PROVIDERS
from signalwatch.connectors.jobboards.state import (
    account_key,
    board_head,
    is_account_key,
    needs_body,
    open_roles,
)
from signalwatch.events import SignalEvent
from signalwatch.hiring.snapshot import BoardDiff
from signalwatch.hiring.surge import FunctionHistory, SurgeRule, observe
from signalwatch.timeutil import coerce_duration

__all__ = ["JobBoardsConnector", "JobBoardsOptions"]


class JobBoardsOptions(ConnectorOptions):
    concurrency: int = Field(default=8, ge=1, le=64, description="boards fetched at once")
    providers: list[str] = Field(default_factory=lambda: sorted(PROVIDERS), description="providers to poll")
    threshold: int = Field(default=5, ge=1, description="new roles in one function within `window` that make a surge")
    window: timedelta = Field(default=timedelta(days=30), description="surge window, e.g. 30d")
    growth: float | None = Field(default=None, gt=0, description="surge when open roles grow this much (0.5 = +50%)")
    min_new: int = Field(default=3, ge=1, description="new roles a growth surge needs at least")
    url_templates: dict[str, str] = Field(default_factory=dict, description="provider → URL with {id} (mirrors, tests)")

    _duration = field_validator("window", mode="before")(coerce_duration)

    @field_validator("providers")
    @classmethod
    def _known_providers(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(PROVIDERS))
        if unknown:
            raise ValueError(f"unknown providers {unknown}; known: {', '.join(sorted(PROVIDERS))}")
        return value

    @field_validator("url_templates")
    @classmethod
    def _templates(cls, value: dict[str, str]) -> dict[str, str]:
        problems = [f"{name}: unknown provider" for name in value if name not in PROVIDERS]
        problems += [f"{name}: template needs {{id}}" for name, url in value.items() if "{id}" not in url]
        if problems:
            raise ValueError("; ".join(problems))
        return value


class JobBoardsConnector(Connector):
    """Greenhouse, Lever (US and EU), Ashby, Workable, SmartRecruiters, Recruitee and Personio boards."""

    kind = KIND
    Options = JobBoardsOptions
    default_interval = timedelta(hours=6)
    options: JobBoardsOptions

    # Boards per committed group (`fetch_chunks`). A group of 100 boards of ~110 roles holds ~3 MB
    # of next snapshot rows and events; a 2,000-board poll committed whole held ~60 MB of them.
    # Smaller groups save no more (what is left is the boards in flight) and cost a commit each.
    commit_every: int = 100

    def fetch(self, ctx: FetchContext) -> Fetched:
        """Every board in one `Fetched` (tools and tests; the pipeline polls through `fetch_chunks`)."""
        plan = self._plan(ctx)
        return self._fetch_group(ctx, plan.targets, ctx.parts.heads, plan.errors)

    def fetch_chunks(self, ctx: FetchContext) -> Iterator[Fetched]:
        """The boards in groups of about `commit_every` that share no account (`chunks`), each
        with the heads of its own parts only; then the parts of boards and accounts no longer
        named, to forget (and the boards that cannot be polled, as errors). The targets and groups
        are worked out once per accounts' configuration (`plan`), and one pool of fetch workers
        serves every group of the poll."""
        plan = self._plan(ctx)
        heads = ctx.parts.heads
        with board_pool(self.options.concurrency, len(plan.targets)) as pool:
            for group, keys in plan.groups:
                yield self._fetch_group(ctx, group, {key: heads[key] for key in keys if key in heads}, {}, pool)
        named = plan.named
        yield Fetched(cursor=ctx.cursor, errors=dict(plan.errors),
                      part_heads={key: head for key, head in heads.items() if key not in named})

    def _plan(self, ctx: FetchContext) -> BoardPlan:
        return self._plans.plan(ctx.accounts, self._providers(), self.options.url_templates, self.commit_every)

    @cached_property
    def _plans(self) -> PlanCache:
        return PlanCache()

    def _providers(self) -> dict[str, Provider]:
        return {name: PROVIDERS[name] for name in self.options.providers}

    def _fetch_group(self, ctx: FetchContext, targets: Sequence[BoardTarget], heads: Mapping[str, Mapping[str, Any]],
                     errors: Mapping[str, str], pool: ThreadPoolExecutor | None = None) -> Fetched:
        """The boards of `targets` fetched and settled; `heads` are the parts `normalize` keeps or forgets."""
        polls, failures = poll_boards(ctx.http, targets, self._providers(), ctx.parts, self.options.concurrency, pool)
        # The surge history of every account whose boards were diffed (see `normalize`).
        diffed = {account.id for poll in polls if poll.settled is not None and poll.settled.diff is not None
                  for account in poll.accounts}
        histories = ctx.parts.bodies(account_key(account_id) for account_id in sorted(diffed))
        return Fetched(cursor=ctx.cursor, items=polls, errors={**errors, **failures}, part_heads=heads, part_bodies=histories)

    def normalize(self, fetched: Fetched, now: datetime) -> Normalized:
        with collector_paused():  # a dozen full collections over ~10^6 acyclic rows: see `collector`
            return self._normalize(fetched, now)

    def _normalize(self, fetched: Fetched, now: datetime) -> Normalized:
        polls: list[BoardPoll] = list(fetched.items)
        polled = {poll.key for poll in polls} | {account_key(a.id) for poll in polls for a in poll.accounts}
        # Boards no account names any more are forgotten (a board named again starts from a new
        # baseline), and so is the surge history of accounts that name no board.
        writes: dict[str, PartWrite | None] = {key: None for key in fetched.part_heads if key not in polled}
        open_by_board: dict[str, dict[str, int]] = {}
        diffs: dict[str, BoardDiff] = {}
        for poll in polls:
            head = fetched.part_heads.get(poll.key) or {}
            settled = poll.settled  # the board as its fetch worker diffed it (see `settle`)
            if settled is None or settled.diff is None:
                if settled is not None and settled.open is not None:  # kept as stored, counted from its snapshot
                    open_by_board[poll.key] = dict(settled.open)
                elif poll.status == "unchanged" and head and not needs_body(head, poll.status):
                    # Nothing new and nothing pending closure: no work beyond keeping fresh validators.
                    open_by_board[poll.key] = open_roles(head, None)
                    fresh = {"etag": poll.etag, "last_modified": poll.last_modified, **({"url": poll.url} if poll.url else {})}
                    if any(head.get(name) != value for name, value in fresh.items()):
                        writes[poll.key] = PartWrite({**head, **fresh})
                elif head:  # failed, or its stored snapshot could not be read: kept as stored
                    open_by_board[poll.key] = open_roles(head, None)
                continue
            diffs[poll.key] = settled.diff
            new_head = board_head(settled.rows, body_hash=poll.body_hash, etag=poll.etag,
                                  last_modified=poll.last_modified, url=poll.url)
            open_by_board[poll.key] = new_head["open"]
            if settled.changed:
                writes[poll.key] = PartWrite(new_head, {"jobs": settled.rows})
            elif new_head != head:  # e.g. a new body hash for the same roles: the snapshot stays
                writes[poll.key] = PartWrite(new_head)
        if not diffs:  # no board diffed: no role event, no surge, no history touched (most polls of a quiet day)
            return Normalized(events=[], cursor={}, parts=writes)
        open_counts = _open_counts(polls, open_by_board)
        events: list[SignalEvent] = []
        for poll in polls:
            if poll.key in diffs:
                events.extend(self._role_events(poll, diffs[poll.key], open_counts, now))
        histories = {key: body for key, body in fetched.part_bodies.items() if is_account_key(key)}
        surge_state, surges = self._surges(polls, diffs, open_counts, histories, now)
        events.extend(surges)
        for key, history in surge_state.items():
            if history != histories.get(key):
                writes[key] = PartWrite({}, history)
        return Normalized(events=events, cursor={}, parts=writes)

    def backfill(self, ctx: FetchContext, since: datetime) -> tuple[list[SignalEvent], dict[str, str]] | None:
        """Roles the accounts' boards list that were published since `since` (see `history`)."""
        return recent_roles(ctx.http, ctx.accounts, self._providers(), self.options.url_templates, source=self.source_name,
                            since=since, now=ctx.now)

    def _role_events(
        self, poll: BoardPoll, diff: BoardDiff, open_counts: dict[int, Counter[str]], now: datetime
    ) -> list[SignalEvent]:
        if diff.baseline:
            return []
        postings = poll.new
        template = PROVIDERS[poll.provider].job_url
        events = []
        for account in poll.accounts:
            for job_id in diff.posted:
                record = diff.jobs[job_id]
                tld = poll.tld or (PROVIDERS[poll.provider].tlds or ("",))[0]
                job_url = template.format(id=poll.board_id, job_id=job_id, tld=tld) if template else None
                events.append(role_event(
                    source=self.source_name, change="posted", poll=poll, account=account, job_id=job_id,
                    record=record, open_roles=open_counts[account.id][record.function], now=now,
                    posting=postings.get(job_id), job_url=job_url,
                ))
            for job_id, record in diff.closed:
                events.append(role_event(
                    source=self.source_name, change="closed", poll=poll, account=account, job_id=job_id,
                    record=record, open_roles=open_counts[account.id][record.function], now=now,
                ))
        return events

    def _surges(
        self,
        polls: list[BoardPoll],
        diffs: dict[str, BoardDiff],
        open_counts: dict[int, Counter[str]],
        histories: Mapping[str, Mapping[str, Any]],
        now: datetime,
    ) -> tuple[dict[str, dict[str, Any]], list[SignalEvent]]:
        """Surge events, and the next surge history (function → history) of each account observed."""
        rule = SurgeRule(self.options.threshold, self.options.window, self.options.growth, self.options.min_new)
        accounts: dict[int, AccountRef] = {}
        posted: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        touched: dict[int, set[str]] = defaultdict(set)
        account_boards: dict[int, list[str]] = defaultdict(list)
        for poll in polls:
            diff = diffs.get(poll.key)
            for account in poll.accounts:
                accounts[account.id] = account
                account_boards[account.id].append(poll.key)
                if diff is None:
                    continue
                for job_id in diff.posted:
                    posted[account.id][diff.jobs[job_id].function].append(diff.jobs[job_id].title)
                if diff.baseline or diff.posted or diff.closed or diff.reposted:
                    touched[account.id].update(open_counts[account.id])
                    touched[account.id].update(record.function for _, record in diff.closed)
        state: dict[str, dict[str, Any]] = {}
        events: list[SignalEvent] = []
        for account_id, functions in touched.items():
            history_by_function = dict(histories.get(account_key(account_id)) or {})
            for function in sorted(functions):
                history = FunctionHistory.from_json(history_by_function.get(function, {}))
                titles = posted[account_id].get(function, [])
                history, surge = observe(
                    history, now, new_roles=len(titles), open_roles=open_counts[account_id][function], rule=rule
                )
                history_by_function[function] = history.to_json()
                if surge is not None and function != "other":
                    events.append(surge_event(
                        source=self.source_name, account=accounts[account_id], function=function, surge=surge,
                        window=rule.window, titles=titles[:10], boards=account_boards[account_id], now=now,
                    ))
            state[account_key(account_id)] = history_by_function
        return state, events


def _open_counts(polls: list[BoardPoll], open_by_board: dict[str, dict[str, int]]) -> dict[int, Counter[str]]:
    """Open roles per function for every account, over all of its boards."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for poll in polls:
        functions = open_by_board.get(poll.key) or {}
        for account in poll.accounts:
            counts[account.id].update(functions)
    return counts
