"""Digest benchmark: 5,000 accounts (40 owners), 120 days of signals, a busy morning; the time to build
the digest, render it three ways, and queue it for the team channel and every owner.

    python benchmarks/bench_digest.py [--accounts 5000] [--db PATH]

The store is a SQLite file built once per run (about 57,000 events, 2,700 P1 alerts); what is timed is
what the daemon's digest job does each morning before delivery.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

from signalwatch.alerts.draft import AlertDraft
from signalwatch.digest.config import DigestConfig
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synth import make_accounts  # noqa: E402

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
_KINDS = [(EventType.FUNDING, "raised", 0.05), (EventType.LEADERSHIP, "appointed", 0.10),
          (EventType.HIRING, "posted", 0.55), (EventType.TECH_STACK, "adopted", 0.30)]


def _event(rng: random.Random, account_id: int, serial: int, age: timedelta) -> SignalEvent:
    roll, kind, change = rng.random(), EventType.HIRING, "posted"
    for kind, change, share in _KINDS:
        if roll < share:
            break
        roll -= share
    attributes = {"title": "Account Executive"} if kind == EventType.HIRING else (
        {"technology": "salesforce", "name": "Salesforce"} if kind == EventType.TECH_STACK else {})
    return SignalEvent(type=kind, change=change, source="bench", source_kind="rss", source_id=f"{account_id}-{serial}",
                       url=f"https://news.example/{account_id}/{serial}", title=f"{kind} news {serial} for account {account_id}",
                       occurred_at=NOW - age, detected_at=NOW - age, dedupe_key=make_dedupe_key(account_id, serial),
                       account_id=account_id, attributes=attributes)


def build_store(path: Path, count: int) -> Store:
    store = Store(f"sqlite:///{path}")
    store.migrate()
    store.upsert_accounts(make_accounts(count), NOW - timedelta(days=200))
    ids = [account.id for account in store.list_accounts()]
    rng = random.Random(11)
    events = []
    for account_id in ids:
        for serial in range(rng.randint(4, 16)):  # ~10 signals each over 120 days
            events.append(_event(rng, account_id, serial, timedelta(days=rng.uniform(1, 120))))
        if rng.random() < 0.3:  # a busy morning: 30% of the accounts had news in the last 24 hours
            for serial in range(100, 100 + rng.choice([1, 1, 2, 3, 15])):
                events.append(_event(rng, account_id, serial, timedelta(hours=rng.uniform(0.5, 23))))
    recent = [e for e in events if e.detected_at > NOW - timedelta(days=1)]
    p1 = {e.dedupe_key for e in recent if rng.random() < 0.4}
    for start in range(0, len(events), 5000):
        chunk = events[start:start + 5000]
        with store.poll_unit("bench", NOW - timedelta(minutes=30)) as unit:
            new = unit.insert(chunk)
            unit.enqueue([AlertDraft(make_dedupe_key("alert", e.dedupe_key), "bench-rule", e.account_id, e.dedupe_key,
                                     "console", None, "P1", {"event": {"dedupe_key": e.dedupe_key}}) for e in new if e.dedupe_key in p1])
    print(f"store: {len(ids)} accounts, {len(events)} events ({len(recent)} in the last 24 h), {len(p1)} P1 alerts")
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--accounts", type=int, default=5000)
    parser.add_argument("--db", type=Path, help="SQLite file to build (default: a temporary one)")
    args = parser.parse_args()
    from signalwatch.digest.markdown import render_markdown
    from signalwatch.digest.page import render_html
    from signalwatch.digest.send import build_period, send_digests
    from signalwatch.digest.slack import render_slack_digest

    with tempfile.TemporaryDirectory() as folder:
        store = build_store(args.db or Path(folder) / "bench.sqlite", args.accounts)
        rules = load_ruleset(ROOT / "rules")
        config = DigestConfig(enabled=True, channels=["#sales-signals"])
        digest = timed("build the team's digest (build_period)", lambda: build_period(store, rules, NOW - timedelta(days=1), NOW, 15))
        page, markdown, (_, blocks) = timed("render it as HTML, Markdown and Slack blocks", lambda: (
            render_html(digest), render_markdown(digest), render_slack_digest(digest)))
        print(f"  {len(digest.accounts)} of {digest.summary.heating} accounts heating up listed; page {len(page) // 1024} KiB, "
              f"{len(blocks)} blocks")
        queued = timed("queue it for the channel and every owner (send_digests)", lambda: send_digests(store, rules, config, "2026-11-23", NOW))
        print(f"  {len(queued)} audiences")


def timed(label: str, work: Callable[[], T]) -> T:
    """Run `work`, print its wall and CPU time (the CPU time is what a busy machine does not inflate)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    print(f"{label}: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")
    return result


if __name__ == "__main__":
    main()
