"""Rules engine throughput: events/s and memory against 200 rules (half composite) and 50,000 accounts.

Two baselines, measured in the same run on the same events, both matching with the rule set's own
compiled conditions (so only the engine around them differs):

* indexed (the one to beat): what a capable user writes in 30 lines: rules looked up by the
  event's type, each account's record (with its ICP fit) computed once, and per (account, rule,
  selection) a deque of matching times trimmed to the window, so a composite count is a length;
* naive: every rule against every event, the account's record rebuilt per event, composite counts
  by a full scan of the account's history.

Neither baseline makes alerts (cooldowns, caps, routes, priority, one alert per target), which the
engine does in the timed loop.

Then memory as stored events grow: the daemon's path (`commit_events` into a SQLite store, the
engine reading the touched accounts' state through the poll's transaction and keeping a bounded
copy, `Bound`), RSS at 10k, 100k (and with --full 1M) stored events, with the commit rate.
Usage:

    python benchmarks/bench_rules.py            # 20,000 events, memory at 10k/100k stored events
    python benchmarks/bench_rules.py --full     # 100,000 events, memory up to 1,000,000 stored events
    python benchmarks/bench_rules.py --memory-only --full   # only the stored-events part
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict, deque
from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from signalwatch.accounts import Account  # noqa: E402
from signalwatch.cli.core import write_starter  # noqa: E402
from signalwatch.events import EventType, SignalEvent, make_dedupe_key  # noqa: E402
from signalwatch.rules.engine import Bound, Engine  # noqa: E402
from signalwatch.rules.ruleset import Rule, RuleSet, account_record, event_record, load_ruleset  # noqa: E402
from signalwatch.runtime.app import rules_engine, settle_heap  # noqa: E402
from signalwatch.runtime.pipeline import commit_events  # noqa: E402
from signalwatch.store import Store  # noqa: E402
from signalwatch.store.outbox import EVENTS  # noqa: E402

START = datetime(2026, 9, 1, tzinfo=timezone.utc)
FUNCTIONS = ["sales", "sales_development", "revops", "marketing", "engineering", "data", "product", "finance"]
ROUNDS = ["seed", "series_a", "series_b", "series_c", "debt"]
TECH = ["salesforce", "hubspot", "marketo", "segment", "snowflake", "zendesk", "stripe", "intercom"]
TITLES = ["VP Sales", "Chief Revenue Officer", "Head of Marketing", "CFO", "VP Engineering", "Director of RevOps"]
KINDS = [("funding", "raised"), ("hiring", "posted"), ("hiring", "posted"), ("hiring", "posted"), ("hiring", "closed"),
         ("leadership", "appointed"), ("leadership", "departed"), ("tech_stack", "adopted"), ("tech_stack", "dropped")]


def rules_yaml(count: int, rng: random.Random) -> str:
    lines = ["rules:"]
    for i in range(count // 2):
        fn, rnd, tech = rng.choice(FUNCTIONS), rng.choice(ROUNDS), rng.choice(TECH)
        match = rng.choice([
            f"{{event.type: funding, event.attributes.round: [{rnd}], event.attributes.amount: {{gte: {rng.randint(1, 50)}000000}}, account.tier: [A, B]}}",
            f"{{event.type: hiring, event.change: posted, event.attributes.function: {fn}, account.employees: {{gte: {rng.randint(20, 500)}}}}}",
            "{event.type: leadership, event.change: appointed, event.attributes.title: {regex: \"(?i)vp|chief|head\"}, account.tier: [A]}",
            f"{{event.type: tech_stack, event.attributes.technology: {tech}, account.industry: [software, saas]}}",
        ])
        lines += [f"  - id: single-{i}", "    description: generated", f"    match: {match}", "    route: [{sink: console}]"]
    for i in range(count // 2):
        fn, tech, n = rng.choice(FUNCTIONS), rng.choice(TECH), rng.randint(2, 5)
        lines += [
            f"  - id: composite-{i}", "    kind: composite", "    description: generated",
            "    selections:",
            f"      roles: {{event.type: hiring, event.change: posted, event.attributes.function: {fn}}}",
            "      other: {event.type: [leadership, tech_stack], event.attributes.technology: {exists: false}}" if i % 2 else
            f"      other: {{event.type: tech_stack, event.attributes.technology: {tech}}}",
            "      fit: {account.tier: [A, B]}",
            f"    condition: roles >= {n} and other and fit",
            f"    window: {rng.choice([14, 30, 60])}d",
            "    route: [{sink: console}]",
        ]
    return "\n".join(lines) + "\n"


def make_accounts(count: int, rng: random.Random) -> dict[int, Account]:
    industries = ["software", "saas", "fintech", "ecommerce", "logistics", "healthtech"]
    return {i: Account(i, f"Company {i}", f"c{i}.example", industry=rng.choice(industries),
                       employees=rng.choice([15, 60, 250, 900, 4000]), country=rng.choice(["US", "GB", "DE"]))
            for i in range(1, count + 1)}


def make_events(count: int, accounts: int, rng: random.Random, offset: int = 0) -> list[SignalEvent]:
    events = []
    for n in range(offset, offset + count):
        kind, change = rng.choice(KINDS)
        attrs: dict[str, object] = {}
        if kind == "funding":
            attrs = {"round": rng.choice(ROUNDS), "amount": rng.randint(1, 80) * 1e6}
        elif kind == "hiring":
            attrs = {"function": rng.choice(FUNCTIONS), "title": "Account Executive"}
        elif kind == "leadership":
            attrs = {"title": rng.choice(TITLES), "person": "Jo Doe"}
        else:
            attrs = {"technology": rng.choice(TECH)}
        at = START + timedelta(seconds=30 * n)  # one event every 30 s: 100k events span 35 days
        events.append(SignalEvent(type=EventType(kind), change=change, source="bench", source_kind="bench", source_id=str(n),
                                  title=f"{kind} {n}", occurred_at=at, detected_at=at, attributes=attrs,
                                  account_id=rng.randint(1, accounts), dedupe_key=make_dedupe_key("b", n)))
    return events


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 1e6


def run_engine(ruleset: RuleSet, accounts: dict[int, Account], events: list[SignalEvent], daemon_gc: bool,
               batch: int = 100) -> tuple[float, int, float]:
    """Evaluate in polls of `batch` events, applying each poll's state as the pipeline does:
    (seconds evaluating, alerts made, seconds preparing the accounts)."""
    gc.collect()
    engine = Engine(ruleset)
    started = time.perf_counter()
    engine.prepare(accounts)  # what the daemon does at start and on each rules reload
    prepared = time.perf_counter() - started
    if daemon_gc:
        settle_heap()  # what `signalwatch run` does once it is up
    alerts = 0
    started = time.perf_counter()
    for i in range(0, len(events), batch):
        chunk = events[i : i + batch]
        evaluation = engine.evaluate(chunk, accounts, chunk[-1].detected_at)
        engine.apply(evaluation.delta)
        alerts += len(evaluation.drafts)
    elapsed = time.perf_counter() - started
    if daemon_gc:
        gc.unfreeze()  # the next run starts from a plain heap again
    return elapsed, alerts, prepared


def run_indexed(ruleset: RuleSet, accounts: dict[int, Account], events: list[SignalEvent]) -> tuple[float, int]:
    """Rules by event type, account records cached, composite hits in per-window deques: (seconds, firings)."""
    by_type: dict[str, list[Rule]] = defaultdict(list)
    any_type: list[Rule] = []
    for rule in ruleset.rules:
        for kind in rule.event_types or ():
            by_type[kind].append(rule)
        if rule.event_types is None:
            any_type.append(rule)
    records: dict[int, dict] = {}
    hits: dict[tuple[int, str, str], deque] = {}  # only keys with a hit: empty deques for every pair cost GBs
    fired = 0
    started = time.perf_counter()
    for event in events:
        account_id = event.account_id
        assert account_id is not None
        if account_id not in records:
            account = accounts[account_id]
            records[account_id] = account_record(account, ruleset.icp.fit(account))
        record = {"event": event_record(event), "account": records[account_id]}
        for rule in by_type.get(event.type, []) + any_type:
            if rule.kind == "single":
                fired += bool(rule.condition({s.name: int(s.match.matches(record)) for s in rule.selections}))
                continue
            assert rule.window is not None
            cutoff, counts = event.occurred_at - rule.window, {}
            for s in rule.selections:
                if not s.event_level:
                    counts[s.name] = int(s.match.matches(record))
                    continue
                key = (account_id, rule.id, s.name)
                times = hits.get(key)
                if s.match.matches(record):
                    times = hits.setdefault(key, deque())
                    times.append(event.occurred_at)
                while times and times[0] < cutoff:
                    times.popleft()
                counts[s.name] = len(times) if times else 0
            fired += bool(rule.condition(counts))
    return time.perf_counter() - started, fired


def run_naive(ruleset: RuleSet, accounts: dict[int, Account], events: list[SignalEvent]) -> float:
    """Every rule on every event; composite counts by scanning the account's whole history."""
    history: dict[int, list[dict]] = defaultdict(list)
    started = time.perf_counter()
    for event in events:
        account = accounts[event.account_id]  # type: ignore[index]
        record = {"event": event_record(event), "account": account_record(account, ruleset.icp.fit(account))}
        history[account.id].append(record)
        for rule in ruleset.rules:
            if rule.kind == "single":
                rule.condition({s.name: int(s.match.matches(record)) for s in rule.selections})
                continue
            assert rule.window is not None
            cutoff = (event.occurred_at - rule.window).isoformat()
            counts = {s.name: sum(1 for past in history[account.id] if past["event"]["occurred_at"] >= cutoff and s.match.matches(past))
                      for s in rule.selections}
            rule.condition(counts)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--rules", type=int, default=200)
    parser.add_argument("--baseline-events", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per contender; the best is reported")
    parser.add_argument("--full", action="store_true", help="also measure memory at 1,000,000 stored events")
    parser.add_argument("--memory-only", action="store_true", help="skip the timed runs")
    parser.add_argument("--polled", type=int, default=5_000, help="events a daemon polls at each stored size")
    args = parser.parse_args()
    if args.full:
        args.events = max(args.events, 100_000)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        write_starter(Path(tmp))
        (Path(tmp) / "rules" / "signals.yaml").write_text(rules_yaml(args.rules, rng), encoding="utf-8")
        (Path(tmp) / "rules" / "policy.yaml").write_text("limits: {per_account_daily: null}\n", encoding="utf-8")
        ruleset = load_ruleset(Path(tmp) / "rules")
    accounts = make_accounts(args.accounts, rng)
    events = make_events(args.events, args.accounts, rng)
    print(f"rules: {len(ruleset.rules)} ({sum(r.kind == 'composite' for r in ruleset.rules)} composite), accounts: {len(accounts):,}")
    if not args.memory_only:
        timed(args, ruleset, accounts, events)
    del events
    with tempfile.TemporaryDirectory() as tmp:
        stored(args, ruleset, accounts, rng, Path(tmp) / "bench.db")


def timed(args: argparse.Namespace, ruleset: RuleSet, accounts: dict[int, Account], events: list[SignalEvent]) -> None:
    """The engine alone against the two baselines, events/s."""
    # Each contender runs `--repeat` times, each time from a fresh engine; the best run is the
    # figure (as timeit reports it: slower runs measure the machine's noise), the median beside it.
    plain = min(run_engine(ruleset, accounts, events, daemon_gc=False)[0] for _ in range(args.repeat))
    runs = [run_engine(ruleset, accounts, events, daemon_gc=True) for _ in range(args.repeat)]
    elapsed, alerts, prepared = min(runs)
    median = sorted(runs)[len(runs) // 2][0]
    print(f"prepare:  {len(accounts):,} accounts (ICP fit, fields) in {prepared:.2f}s, once per start or rules reload")
    print(f"engine:   {len(events):,} events in {elapsed:.2f}s = {len(events) / elapsed:,.0f} events/s ({alerts:,} alerts), "
          f"daemon GC settings; median of {args.repeat} {len(events) / median:,.0f} (Python GC defaults: {len(events) / plain:,.0f})")
    print(f"          each run: {', '.join(f'{len(events) / run[0]:,.0f}' for run in runs)} events/s")
    indexed_runs = [run_indexed(ruleset, accounts, events) for _ in range(args.repeat)]
    indexed, fired = min(indexed_runs)
    print(f"indexed:  {len(events):,} events in {indexed:.2f}s = {len(events) / indexed:,.0f} events/s ({fired:,} rule firings, "
          f"no alerts made); each run: {', '.join(f'{len(events) / run[0]:,.0f}' for run in indexed_runs)} events/s")
    sample = events[: args.baseline_events]
    naive = min(run_naive(ruleset, accounts, sample) for _ in range(args.repeat))
    print(f"naive:    {len(sample):,} events in {naive:.2f}s = {len(sample) / naive:,.0f} events/s (best of {args.repeat})")
    engine_rate, indexed_rate, naive_rate = len(events) / elapsed, len(events) / indexed, len(sample) / naive
    print(f"speed-up: {engine_rate / indexed_rate:,.1f}x the indexed baseline, {engine_rate / naive_rate:,.1f}x the naive one   "
          f"target ≥ 20,000 events/s: {'met' if engine_rate >= 20_000 else 'NOT met'}")



def stored(args: argparse.Namespace, ruleset: RuleSet, accounts: dict[int, Account], rng: random.Random, path: Path) -> None:
    """RSS as stored events grow, on the daemon's path. At each size the store is filled to that
    many events (one bulk insert: what a long-running deployment has accumulated), then a daemon
    starts as `signalwatch run` does (`rules_engine`, the previous one dropped) and commits the
    last `--polled` events in polls of 100 through `commit_events`, reading state from the store."""
    sizes = [10_000, 100_000] + ([1_000_000] if args.full else [])
    store = Store(f"sqlite:///{path}")
    store.migrate()
    store.upsert_accounts(accounts.values(), START)  # ids 1..n, as the events name them
    print(f"memory as stored events grow (daemon path: SQLite store, a daemon started at each size, then {args.polled:,} "
          f"events polled; engine bound {Bound().accounts:,} accounts / {Bound().hits:,} hits); RSS {rss_mb():.1f} MB before:")
    produced = 0
    engine: Engine | None = None
    for size in sizes:
        while produced < size - args.polled:  # the daemon's polls bring the store to `size`
            chunk = make_events(min(10_000, size - args.polled - produced), args.accounts, rng, offset=produced)
            with store.engine.begin() as conn:
                conn.execute(sa.insert(EVENTS), [event.model_dump(mode="python") for event in chunk])
            produced += len(chunk)
        engine = None
        gc.collect()
        now = START + timedelta(seconds=30 * produced)
        began = time.perf_counter()
        engine = rules_engine(ruleset, store, now)  # what `signalwatch run` builds at start
        start_seconds = time.perf_counter() - began
        settle_heap()
        started, alerts = time.perf_counter(), 0
        chunk = make_events(args.polled, args.accounts, rng, offset=produced)
        for i in range(0, len(chunk), 100):
            part = chunk[i : i + 100]
            alerts += commit_events(store, engine, accounts, "bench", part, None, part[-1].detected_at, poll=False).new_alerts
        polled = time.perf_counter() - started
        produced += len(chunk)
        gc.unfreeze()
        print(f"  {produced:>9,} stored events: RSS {rss_mb():7.1f} MB; start {start_seconds:.1f}s; "
              f"{len(chunk) / polled:,.0f} events/s committed ({alerts:,} alerts); engine holds {engine_held(engine)}", flush=True)
    store.close()


def engine_held(engine: Engine) -> str:
    held = getattr(engine, "held", None)
    if held is not None:
        accounts, hits = held()
        return f"{accounts:,} accounts / {hits:,} composite hits"
    states = engine._accounts.values()  # an engine of before this bound (for a before/after run)
    return f"{len(states):,} accounts / {sum(len(s.log) for s in states if s.log is not None):,} composite hits"


if __name__ == "__main__":
    main()
