"""Database growth: a simulated month of polling news feeds about 5,000 target accounts.

Runs the real connector normalize, account resolution, rules engine and store commit
(everything but the network) on a simulated clock, marks alerts sent as a sink would, and
reports bytes per stored event next to the baseline of the event's own JSON size, the
growth per day, and what a prune reclaims.

    python benchmarks/bench_growth.py            # 5,000 accounts, 3 simulated days (< 2 min)
    python benchmarks/bench_growth.py --full     # 5,000 accounts, a 30-day month (about 15 min)
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synth import make_accounts, news_item, rss_document  # noqa: E402

from signalwatch.connectors.base import Fetched  # noqa: E402
from signalwatch.connectors.rss import RssConnector, RssOptions  # noqa: E402
from signalwatch.resolve import AccountIndex  # noqa: E402
from signalwatch.rules.engine import Engine  # noqa: E402
from signalwatch.rules.ruleset import load_ruleset  # noqa: E402
from signalwatch.runtime.pipeline import commit_events  # noqa: E402
from signalwatch.store import Store  # noqa: E402
from signalwatch.store.upkeep import prune  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FEED_WINDOW = 20  # items a feed document carries, as most news feeds do
TARGET_BYTES = 1000  # per stored event, alerts and indexes included, after a simulated month


def db_bytes(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def table_bytes(path: Path) -> dict[str, int]:
    """Bytes per table including its indexes (SQLite's dbstat), or {} when not compiled in."""
    try:
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
            owners = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master").fetchall())
    except sqlite3.Error:
        return {}
    sizes: dict[str, int] = {}
    for name, size in rows:
        table = owners.get(name, name)
        sizes[table] = sizes.get(table, 0) + int(size)
    return sizes


def simulate(args: argparse.Namespace, workdir: Path) -> None:
    rng = random.Random(11)
    accounts = make_accounts(args.accounts)
    index = AccountIndex(accounts)
    by_id = {a.id: a for a in accounts}
    engine = Engine(load_ruleset(ROOT / "rules"))
    path = workdir / "growth.db"
    store = Store(f"sqlite:///{path}")
    store.migrate()
    store.upsert_accounts(accounts, datetime.now(timezone.utc))
    base_size = db_bytes(path)
    feeds = [RssConnector(f"wire-{n}", RssOptions(url=f"https://news.example/{n}.xml", max_age=timedelta(days=14))) for n in range(args.feeds)]
    history: list[list] = [[] for _ in feeds]
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    interval = timedelta(minutes=args.interval)
    items_per_day = args.accounts * args.rate
    serial = polls = sent = 0
    raw_json = 0
    began = time.perf_counter()
    daily: list[int] = []
    now = start
    while now < start + timedelta(days=args.days):
        now += interval
        arrivals = rng.uniform(0.5, 1.5) * items_per_day * interval / timedelta(days=1)
        for _ in range(int(arrivals) + (rng.random() < arrivals % 1)):
            serial += 1
            about = rng.choice(accounts).name if rng.random() < 0.7 else f"Outsider{serial} Corp"
            history[rng.randrange(len(feeds))].insert(0, news_item(rng, serial, about, now - timedelta(minutes=rng.randint(0, args.interval))))
        for n, connector in enumerate(feeds):
            history[n] = history[n][:FEED_WINDOW]
            cursor = store.load_cursor(connector.source_name)
            changed = bool(history[n]) and cursor.get("newest") != history[n][0].guid
            fetched = Fetched(cursor=cursor, items=[rss_document(history[n])] if changed else [], not_modified=not changed)
            normalized = connector.normalize(fetched, now)
            events = [index.apply(e) for e in normalized.events]
            raw_json += sum(len(e.model_dump_json()) for e in events)
            next_cursor = {**normalized.cursor, "newest": history[n][0].guid if history[n] else None}
            commit_events(store, engine, by_id, connector.source_name, events, next_cursor, now)
            polls += 1
        for item in store.due_outbox(now, limit=10_000):  # every alert delivered, as the daemon would
            if store.claim(item.id, now):
                store.mark_sent(item.id, f"{now.timestamp():.6f}", now)
                sent += 1
        if (now - start) % timedelta(days=1) == timedelta(0):
            daily.append(db_bytes(path))
    elapsed = time.perf_counter() - began
    events = len(store.list_events(limit=10_000_000))
    size = db_bytes(path) - base_size
    print(f"simulated {args.days} days: {args.accounts:,} accounts, {args.feeds} feeds polled every {args.interval} min "
          f"({polls:,} polls, {serial:,} feed items) in {elapsed:.1f}s ({polls / elapsed:,.0f} polls/s)")
    print(f"stored: {events:,} events, {sent:,} alerts sent")
    print(f"database growth: {size / 1e6:.2f} MB ({size / max(1, events):,.0f} bytes per stored event, alerts and indexes included)")
    print(f"  baseline, the event's own JSON: {raw_json / max(1, events):,.0f} bytes per event "
          f"(storage overhead x{size / max(1, raw_json):.2f})")
    per_event = size / max(1, events)
    if args.days >= 30:
        print(f"  target: <= {TARGET_BYTES:,} bytes per stored event at 30 days: {'MET' if per_event <= TARGET_BYTES else 'NOT MET'}")
    else:
        print(f"  target: <= {TARGET_BYTES:,} bytes per stored event at 30 days (run --full to check it)")
    for table, table_size in sorted(table_bytes(path).items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {table:<14} {table_size / 1e6:8.2f} MB")
    per_day = (daily[-1] - daily[0]) / max(1, len(daily) - 1) if len(daily) > 1 else size / args.days
    print(f"growth per day: {per_day / 1e6:.2f} MB -> one year at this rate: {per_day * 365 / 1e9:.2f} GB "
          f"(the default retention, events 365d / sent alerts 180d, caps it near there)")
    began = time.perf_counter()
    report = prune(store, events_before=now - timedelta(days=args.days / 2), sent_before=now - timedelta(days=args.days / 2))
    took = time.perf_counter() - began
    after_prune = db_bytes(path)
    with sqlite3.connect(path) as conn:
        conn.execute("VACUUM")
    print(f"prune of the older half: {report.events:,} events and {report.alerts:,} sent alerts in {took:.2f}s; "
          f"the file keeps its size for reuse ({after_prune / 1e6:.2f} MB), VACUUM would shrink it to {db_bytes(path) / 1e6:.2f} MB")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="a simulated month (30 days)")
    parser.add_argument("--accounts", type=int, default=5000)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--interval", type=int, default=30, help="minutes between polls of a feed")
    parser.add_argument("--rate", type=float, default=0.1, help="news items per account per day")
    parser.add_argument("--keep", help="folder to keep the database in")
    args = parser.parse_args()
    if args.full:
        args.days = 30
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        simulate(args, Path(args.keep))
        return
    with tempfile.TemporaryDirectory() as folder:
        simulate(args, Path(folder))


if __name__ == "__main__":
    main()
