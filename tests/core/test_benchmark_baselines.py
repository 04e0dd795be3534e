"""The benchmarks' baselines do the work they are credited with, on a few boards and items.

A baseline that silently does less (stores no rows, skips boards, ties nothing) would make every
figure beside it a flattering one; these run the real benchmark code at a tiny size."""

from __future__ import annotations

import asyncio
import multiprocessing
import random
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_jobboards  # noqa: E402
import bench_resolve  # noqa: E402
import bench_retie  # noqa: E402
from _jobboards_peer import client_options, open_db, poll_cycle, poll_cycle_threads  # noqa: E402

BOARDS = 9


@pytest.fixture
def board_server() -> Iterator[str]:
    ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    server = multiprocessing.Process(target=bench_jobboards.serve, args=(BOARDS, 7, True, None, ready), daemon=True)
    server.start()
    try:
        yield f"http://127.0.0.1:{ready.get(timeout=30)}"
    finally:
        server.terminate()
        server.join(5)


Cycle = tuple[tuple[int, int, int], int]  # (posted, closed, failed), rows written


def _async_cycles(db: sqlite3.Connection, urls: dict[str, str], server: str) -> list[Cycle]:
    async def run() -> list[Cycle]:
        found = []
        async with httpx.AsyncClient(**client_options(4)) as client:
            for version in (1, 1, 3):
                bench_jobboards.set_version(server, version)
                before = db.total_changes
                found.append((await poll_cycle(db, client, urls, 4, f"cycle {version}"), db.total_changes - before))
        return found

    return asyncio.run(run())


def _thread_cycles(db: sqlite3.Connection, urls: dict[str, str], server: str) -> list[Cycle]:
    found = []
    with httpx.Client(**client_options(4)) as client:
        for version in (1, 1, 3):
            bench_jobboards.set_version(server, version)
            before = db.total_changes
            found.append((poll_cycle_threads(db, client, urls, 4, f"cycle {version}"), db.total_changes - before))
    return found


@pytest.mark.parametrize("cycles", [_async_cycles, _thread_cycles], ids=["asyncio", "threads"])
def test_the_job_board_peers_store_every_job_post_and_close_the_churn_and_skip_unchanged_boards(
        board_server: str, tmp_path: Path, cycles: Callable[[sqlite3.Connection, dict[str, str], str], list[Cycle]]) -> None:
    jobs = {n: bench_jobboards.board_jobs(7, n, 1)[1] for n in range(BOARDS)}
    churn = sum(max(1, len(board) // 20) for board in jobs.values())
    urls = {f"b{n}": f"{board_server}/{bench_jobboards.PROVIDERS[n % 3]}/b{n}" for n in range(BOARDS)}
    db = open_db(str(tmp_path / "peer.db"))
    total = sum(map(len, jobs.values()))
    first, unchanged, churned = cycles(db, urls, board_server)
    assert first == ((total, 0, 0), total + BOARDS)  # every job and every board's ETag
    assert unchanged == ((0, 0, 0), 0)  # all 304: nothing parsed, nothing written
    assert churned[0] == (churn, churn, 0)
    stored = db.execute("SELECT count(*), count(closed_at), count(DISTINCT board) FROM jobs").fetchone()
    assert stored == (total + churn, churn, BOARDS)
    titles = {row[0] for row in db.execute("SELECT title FROM jobs")}
    assert titles == {job["title"] for board in jobs.values() for job in board}


def test_the_resolution_baselines_tie_the_plain_names_and_fall_for_the_hard_cases() -> None:
    rng = random.Random(3)
    used: set[str] = set()
    accounts = bench_resolve.make_accounts(400, rng, used)
    items = bench_resolve.make_items(600, accounts, rng, used)
    mentions, _ = bench_resolve.mentions_of(items)
    lookup = bench_resolve.dict_baseline(accounts)
    dict_answers = [lookup(m, None, item.text) if m else None for item, m in zip(items, mentions)]
    naive = bench_resolve.naive_resolver(accounts)
    naive_answers = [naive(item.text) if m else None for item, m in zip(items, mentions)]
    _, dict_kinds = bench_resolve.tally(items, dict_answers)
    _, naive_kinds = bench_resolve.tally(items, naive_answers)
    for kind in ("plain", "alias"):  # what a dictionary of names and aliases is for
        assert dict_kinds[kind]["right"] > 0 and dict_kinds[kind]["wrong"] == dict_kinds[kind]["missed"] == 0
    assert dict_kinds["namesake"]["wrong"] > 0  # the bare ordinary word of another company
    assert naive_kinds["word-in-text"]["wrong"] > 0 and naive_kinds["near-miss"]["wrong"] > 0


def test_the_retie_baseline_ties_the_events_that_name_an_account(tmp_path: Path) -> None:
    # The store writes through a write-ahead log: a baseline run on a plain file copy would see no events and tie none.
    from signalwatch.store import Store

    accounts = bench_retie.make_accounts(20)
    events = bench_retie._events([account.name for account in accounts])[:50]  # 1 in 10 names an account: 5
    store = Store(f"sqlite:///{tmp_path}/bench.db")
    store.migrate()
    with store.poll_unit("wire-0", bench_retie.NOW) as unit:
        unit.insert(events)
    store.upsert_accounts(accounts, bench_retie.NOW)
    with sqlite3.connect(tmp_path / "bench.db") as live, sqlite3.connect(tmp_path / "copy.db") as copy:
        live.backup(copy)
    store.close()
    _, tied = bench_retie.baseline(str(tmp_path / "copy.db"))
    assert tied == 5
