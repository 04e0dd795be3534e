"""The job-board poller a capable user would write instead of running signalwatch: the baselines
of `bench_jobboards.py`, in two flavours of the same ~45 lines.

`poll_cycle` (the issue's peer): one `httpx.AsyncClient` for every board and an `asyncio.Semaphore`
bounding the requests in flight. `poll_cycle_threads`: one `httpx.Client` shared by a thread pool
of the same size, the boards stored by the calling thread as they arrive. Both send each board's
stored ETag back as If-None-Match (a 304 costs no parsing and no writes) and keep the jobs in
SQLite: a row per open job with its title, location, department and link, new roles inserted and
vanished ones marked closed, one transaction per cycle (committing each board on its own would
cost an fsync per board and is 3x slower here).
It does not classify titles, find technologies in descriptions, wait for a second miss before a
close, or attribute a board to accounts; signalwatch does all of that in the same cycle.

`job_row`, `poll_board` and `poll_cycle` are what such a user writes (about 45 lines); the rest is the
benchmark's plumbing.
"""

from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

import httpx

SCHEMA = """
CREATE TABLE IF NOT EXISTS boards (board TEXT PRIMARY KEY, etag TEXT);
CREATE TABLE IF NOT EXISTS jobs (board TEXT, job_id TEXT, title TEXT, location TEXT, department TEXT, url TEXT,
                                 seen_at TEXT, closed_at TEXT, PRIMARY KEY (board, job_id));
"""


def job_row(job: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """(id, title, location, department, url) from a Greenhouse, Lever or Ashby job."""
    if "absolute_url" in job:  # Greenhouse
        return (str(job["id"]), job["title"], (job.get("location") or {}).get("name", ""),
                ((job.get("departments") or [{}])[0]).get("name", ""), job["absolute_url"])
    if "hostedUrl" in job:  # Lever
        categories = job.get("categories") or {}
        return str(job["id"]), job["text"], categories.get("location", ""), categories.get("department", ""), job["hostedUrl"]
    return str(job["id"]), job["title"], job.get("location", ""), job.get("department", ""), job["jobUrl"]  # Ashby


async def poll_board(db: sqlite3.Connection, client: httpx.AsyncClient, limit: asyncio.Semaphore,
                     board: str, url: str, now: str) -> tuple[int, int]:
    """Fetch one board (conditionally) and store its changes: (roles posted, roles closed)."""
    stored = db.execute("SELECT etag FROM boards WHERE board = ?", (board,)).fetchone()
    async with limit:
        response = await client.get(url, headers={"If-None-Match": stored[0]} if stored and stored[0] else {})
    if response.status_code == 304:
        return 0, 0
    response.raise_for_status()
    return store_board(db, board, response.json(), response.headers.get("etag"), now)


def store_board(db: sqlite3.Connection, board: str, document: Any, etag: str | None, now: str) -> tuple[int, int]:
    """Write a changed board's new and closed roles and its ETag (in the caller's transaction)."""
    jobs = {row[0]: row for row in map(job_row, document["jobs"] if isinstance(document, dict) else document)}
    open_ids = {r[0] for r in db.execute("SELECT job_id FROM jobs WHERE board = ? AND closed_at IS NULL", (board,))}
    posted = [row for job_id, row in jobs.items() if job_id not in open_ids]
    closed = open_ids - jobs.keys()
    db.executemany("INSERT OR REPLACE INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, NULL)", [(board, *row, now) for row in posted])
    db.executemany("UPDATE jobs SET closed_at = ? WHERE board = ? AND job_id = ?", [(now, board, j) for j in closed])
    db.execute("INSERT OR REPLACE INTO boards VALUES (?, ?)", (board, etag))
    return len(posted), len(closed)


async def poll_cycle(db: sqlite3.Connection, client: httpx.AsyncClient, boards: dict[str, str], concurrency: int,
                     now: str) -> tuple[int, int, int]:
    """Every board once: (roles posted, roles closed, boards that failed)."""
    limit = asyncio.Semaphore(concurrency)
    with db:  # one transaction for the cycle
        results = await asyncio.gather(*(poll_board(db, client, limit, board, url, now) for board, url in boards.items()),
                                       return_exceptions=True)
    done = [r for r in results if not isinstance(r, BaseException)]
    return sum(p for p, _ in done), sum(c for _, c in done), len(results) - len(done)


def poll_cycle_threads(db: sqlite3.Connection, client: httpx.Client, boards: dict[str, str], concurrency: int,
                       now: str) -> tuple[int, int, int]:
    """The same cycle with a thread pool and a blocking client: (roles posted, roles closed, boards that failed)."""
    etags = dict(db.execute("SELECT board, etag FROM boards"))

    def fetch(board: str, url: str) -> tuple[str, Any, str | None]:
        etag = etags.get(board)
        response = client.get(url, headers={"If-None-Match": etag} if etag else {})
        if response.status_code == 304:
            return board, None, etag
        response.raise_for_status()
        return board, response.json(), response.headers.get("etag")

    posted = closed = failed = 0
    with ThreadPoolExecutor(concurrency) as pool, db:  # one transaction for the cycle
        for future in as_completed([pool.submit(fetch, board, url) for board, url in boards.items()]):
            try:
                board, document, etag = future.result()
            except Exception:  # noqa: BLE001 - a failing board is counted, the others go on
                failed += 1
                continue
            if document is not None:
                new, gone = store_board(db, board, document, etag, now)
                posted, closed = posted + new, closed + gone
    return posted, closed, failed


def client_options(concurrency: int) -> dict[str, Any]:
    """One client per poller, kept across cycles: as many pooled connections as requests in flight."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return {"timeout": 30, "limits": limits, "headers": {"User-Agent": "peer-poller/1.0"}}


def open_db(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.executescript(SCHEMA)
    return db
