"""Benchmark: tying stored untied events to accounts added after them (`runtime.retie`).

    python benchmarks/bench_retie.py            # 10,000 stored untied events x 5,000 new accounts

A SQLite store on a temp file holds 10,000 funding events of the last 30 days, stored without an
account (a general feed polled before the accounts existed): 1 in 10 names one of the accounts
(by its name, as a headline writes it), the rest companies that are not accounts. Then 5,000
accounts are added and `retie_stored` runs as `accounts import` runs it when no rule says
`backfill: alert` (written quietly), and once more (nothing left to tie). Reported: the wall time
of each step (index build, read, resolve, write) and of the whole, and the events tied. Baseline, on a copy of
the same database in the same run: what an admin would write instead, one SQL statement tying every untied event of
the window to the account whose lower-cased name equals its company's (no resolver evidence, no backfill mark, no rules).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _synth import make_accounts  # noqa: E402

from signalwatch.events import EventType, SignalEvent, make_dedupe_key  # noqa: E402
from signalwatch.resolve import AccountIndex  # noqa: E402
from signalwatch.runtime.retie import quiet_commit, resolved_again, retie_stored  # noqa: E402
from signalwatch.store import Store  # noqa: E402

ACCOUNTS = 5_000
EVENTS = 10_000
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _events(names: list[str]) -> list[SignalEvent]:
    found = []
    for n in range(EVENTS):
        company = names[n // 10 % len(names)] if n % 10 == 0 else f"Nonaccount{n} Ventures"
        found.append(SignalEvent(
            type=EventType.FUNDING, change="raised", source=f"wire-{n % 3}", source_kind="rss", source_id=f"id-{n}",
            title=f"{company} raises $5M seed round", summary=f"{company} announced a $5M seed round today.",
            occurred_at=NOW - timedelta(minutes=4 * n), detected_at=NOW - timedelta(minutes=4 * n - 1),
            company_name=company, attributes={"amount": 5e6}, dedupe_key=make_dedupe_key("bench", n)))
    return found


def main() -> None:
    accounts = make_accounts(ACCOUNTS)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/bench.db")
        store.migrate()
        events = _events([account.name for account in accounts])
        for source in ("wire-0", "wire-1", "wire-2"):
            with store.poll_unit(source, NOW) as unit:
                unit.insert([event for event in events if event.source == source])
        store.upsert_accounts(accounts, NOW)
        stored = store.list_accounts()
        with sqlite3.connect(f"{folder}/bench.db") as live, sqlite3.connect(f"{folder}/baseline.db") as copy:
            live.backup(copy)  # with what the write-ahead log still holds (a file copy would miss it)

        start = time.perf_counter()
        index = AccountIndex(stored)
        built = time.perf_counter()
        untied = store.untied_events(NOW - timedelta(days=30))
        read = time.perf_counter()
        found = resolved_again(index, untied, NOW)
        resolved = time.perf_counter()
        print(f"{len(untied):,} untied events x {len(stored):,} accounts: index {built - start:.2f} s, "
              f"read {read - built:.2f} s, resolve {resolved - read:.2f} s ({len(found):,} would tie)")

        start = time.perf_counter()
        done = retie_stored(store, AccountIndex(stored), NOW, quiet_commit(store, NOW))
        whole = time.perf_counter() - start
        print(f"retie_stored (index, read, resolve, write): {whole:.2f} s, {done.tied:,} tied of {done.checked:,}")
        start = time.perf_counter()
        again = retie_stored(store, AccountIndex(stored), NOW, quiet_commit(store, NOW))
        print(f"again: {time.perf_counter() - start:.2f} s, {again.tied} tied of {again.checked:,} still untied")
        store.close()
        elapsed, tied = baseline(f"{folder}/baseline.db")
        print(f"baseline (one SQL UPDATE by exact lower-cased name): {elapsed:.2f} s, {tied:,} tied")


def baseline(path: str) -> tuple[float, int]:
    """The one-statement tie on the database copy: (seconds, events tied)."""
    since = (NOW - timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE INDEX IF NOT EXISTS bench_lower_name ON accounts (lower(name))")  # its index, made beforehand
        start = time.perf_counter()
        tied = connection.execute(
            "UPDATE events SET account_id = (SELECT id FROM accounts WHERE lower(accounts.name) = lower(events.company_name)) "
            "WHERE account_id IS NULL AND occurred_at >= ? "
            "AND EXISTS (SELECT 1 FROM accounts WHERE lower(accounts.name) = lower(events.company_name))", (since,)).rowcount
        elapsed = time.perf_counter() - start
    return elapsed, tied


if __name__ == "__main__":
    main()
