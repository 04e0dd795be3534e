"""Benchmark: job-board poll cycles of the `jobboards` connector next to the pollers a user would write.

The peers are what a capable user would write instead of running signalwatch; a naive loop is a
second line.

A separate process serves N boards (Greenhouse, Lever and Ashby wire formats, 20-200 jobs
each, ~2 KB descriptions) on 127.0.0.1, with ETags unless --no-etag. It renders a version's
bodies before a cycle starts, so a measured cycle only sends bytes, and on a machine with two or
more CPUs it runs on the last one while the contenders run on the others (--no-pin to share).
Each contender runs in its own process so its peak memory is its own:

* ours: `JobBoardsConnector` fetch (thread pool, shared HttpClient) + normalize + the real
  `Store.poll_unit`, in chunks of boards as the pipeline polls them (`fetch_chunks`: each chunk's
  events and cursor parts in one transaction, then the poll's record), for the cycles in
  `CYCLES`: the first poll (a baseline), the same boards with nothing changed, ~5% of boards
  changed, the same bodies again (the roles they dropped close on this second miss), and
  ~5% of jobs changed on every board (new-role processing at scale); with the collector settings and
  the malloc arena cap `signalwatch run` applies (`runtime.app.settle_heap`, `limit_malloc_arenas`;
  `--python-gc` for Python's defaults); the chunks go through `runtime.ahead.one_ahead`, which hands
  the allocator's free pages back after a poll, and the real `Store` (no prepared statements kept);
* peers (the baselines): asyncio + one httpx.AsyncClient with a semaphore of the same
  concurrency (the issue's peer), and the same poller with a thread pool and one httpx.Client;
  both with ETags and a SQLite row per open job (new ones inserted, vanished ones closed), over
  the same cycles; see `_jobboards_peer.py`. The targets are judged against the stronger peer;
* naive (a second line): a sequential loop of httpx.get + json.loads + one INSERT per job row,
  no ETags, for a first poll and a poll with nothing changed.

Targets (issue "Fast where users feel it"): ours beats the peers on the first cycle and on peak
memory, and a cycle with nothing changed takes < 10% of the first with 0 rows written. Each cycle's
CPU time (of the contender's process) is printed beside its wall time: on a shared machine it moves
less with the load than wall time does; its resident memory after the cycle beside the peak so far.

    python benchmarks/bench_jobboards.py               # 300 boards (about 2 min on 2 cores)
    python benchmarks/bench_jobboards.py --boards 2000 # the issue's full size
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import multiprocessing
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Mapping
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PROVIDERS = ("greenhouse", "lever", "ashby")
TITLES = [
    "Account Executive", "Senior Account Executive, Mid-Market", "Sales Development Representative",
    "Customer Success Manager", "Software Engineer", "Senior Backend Engineer", "Product Manager",
    "Data Scientist", "Revenue Operations Manager", "Product Designer", "Recruiter", "Financial Analyst",
    "Engineering Manager", "Head of Marketing", "Support Engineer", "Legal Counsel", "Office Manager",
    "Solutions Engineer", "VP Sales", "Demand Generation Manager",
]
PARAGRAPHS = [
    "You will own the full sales cycle and keep your pipeline up to date in Salesforce and Gong.",
    "Our stack is Python, PostgreSQL and Kubernetes on AWS, with Snowflake for analytics.",
    "Work with marketing on campaigns in HubSpot and measure everything in Looker.",
    "We value written communication, ownership and a bias for action in a remote-first team.",
    "Help our customers succeed: onboarding, renewals and expansion across a book of accounts.",
    "We offer equity, a learning budget, flexible hours and 30 days of paid vacation.",
]


# --------------------------------------------------------------------------- board server

# (server version, label): version 2 churns every 20th board, version 3 every board.
CYCLES = [
    (1, "first poll (baseline)"),
    (1, "nothing changed"),
    (2, "~5% of boards changed"),
    (2, "same bodies, their closes"),
    (3, "5% of jobs on every board"),
]


def churned(board: int, version: int) -> bool:
    return version >= 3 or (version == 2 and board % 20 == 0)


def board_jobs(seed: int, board: int, version: int) -> tuple[str, list[dict]]:
    """The jobs of one board at one version: a churned board drops ~5% of its jobs and adds ~5% new ones."""
    rng = random.Random(f"{seed}-{board}")
    count = rng.randint(20, 200)
    ids = list(range(count))
    if churned(board, version):
        churn = max(1, count // 20)
        ids = ids[churn:] + list(range(count, count + churn))
    jobs = []
    for job in ids:
        pick = random.Random(f"{seed}-{board}-{job}")
        text = " ".join(pick.choice(PARAGRAPHS) for _ in range(22))
        place = pick.choice(["Berlin", "Remote - US", "London"])
        jobs.append({"id": job, "title": pick.choice(TITLES), "location": place, "text": text})
    return PROVIDERS[board % len(PROVIDERS)], jobs


def render(provider: str, board: int, jobs: list[dict]) -> bytes:
    if provider == "greenhouse":
        return json.dumps({"jobs": [{
            "id": 4000000 + j["id"], "title": j["title"], "location": {"name": j["location"]},
            "absolute_url": f"https://boards.greenhouse.io/b{board}/jobs/{4000000 + j['id']}",
            "updated_at": "2026-11-01T10:00:00-04:00", "first_published": "2026-11-01T10:00:00-04:00",
            "requisition_id": f"R{j['id']}", "metadata": None, "internal_job_id": 9000 + j["id"],
            "content": html.escape(f"<p>{j['text']}</p>"),
            "departments": [{"id": 1, "name": "Sales", "parent_id": None, "child_ids": []}],
            "offices": [{"id": 2, "name": j["location"], "location": j["location"], "parent_id": None,
                         "child_ids": []}],
        } for j in jobs], "meta": {"total": len(jobs)}}).encode()
    if provider == "lever":
        return json.dumps([{
            "id": f"00000000-0000-4000-8000-{board:06d}{j['id']:06d}", "text": j["title"],
            "categories": {"commitment": "Full-time", "department": "Sales", "location": j["location"],
                           "team": "Sales", "allLocations": [j["location"]]},
            "createdAt": 1761300000000, "descriptionPlain": j["text"], "description": f"<div>{j['text']}</div>",
            "lists": [], "additional": "", "additionalPlain": "", "workplaceType": "hybrid", "country": "DE",
            "hostedUrl": f"https://jobs.lever.co/b{board}/{j['id']}", "applyUrl": f"https://jobs.lever.co/b{board}/{j['id']}/apply",
        } for j in jobs]).encode()
    return json.dumps({"apiVersion": "1", "jobs": [{
        "id": f"a0000000-0000-4000-8000-{board:06d}{j['id']:06d}", "title": j["title"], "department": "Sales",
        "team": "Sales", "employmentType": "FullTime", "location": j["location"], "secondaryLocations": [],
        "publishedAt": "2026-11-01T10:00:00.000+00:00", "isListed": True, "isRemote": False, "workplaceType": "OnSite",
        "jobUrl": f"https://jobs.ashbyhq.com/b{board}/{j['id']}", "applyUrl": f"https://jobs.ashbyhq.com/b{board}/{j['id']}/application",
        "descriptionHtml": f"<p>{j['text']}</p>", "descriptionPlain": j["text"],
    } for j in jobs]}).encode()


def serve(boards: int, seed: int, etags: bool, cpus: set[int] | None, ready: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    if cpus:
        os.sched_setaffinity(0, cpus)
    state = {"version": 1}
    cache: dict[tuple[int, str], bytes] = {}

    def tag_of(board: int, version: int) -> str:
        return f'"b{board}-{"churned" if churned(board, version) else "v1"}"'

    def body_of(board: int, version: int) -> bytes:
        tag = tag_of(board, version)
        body = cache.get((board, tag))
        if body is None:
            provider, jobs = board_jobs(seed, board, version)
            body = cache.setdefault((board, tag), render(provider, board, jobs))
        return body

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            parts = self.path.strip("/").split("/")
            if parts[0] == "_version":  # render every body of the version before the cycle is timed
                version = int(parts[1])
                keep = {(board, tag_of(board, version)) for board in range(boards)}
                for key in set(cache) - keep:
                    del cache[key]  # keep one version's bodies: 2,000 boards are ~500 MB of JSON
                for board in range(boards):
                    body_of(board, version)
                state["version"] = version
                return self._send(200, b"ok")
            board = int(parts[1].removeprefix("b"))
            version = state["version"]
            tag = tag_of(board, version)
            if etags and self.headers.get("If-None-Match") == tag:
                return self._send(304, b"", tag)
            self._send(200, body_of(board, version), tag if etags else None)

        def _send(self, status: int, body: bytes, tag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            if tag:
                self.send_header("ETag", tag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 256  # the default backlog of 5 drops concurrent connects: a 1 s SYN retry
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ready.put(httpd.server_address[1])
    httpd.serve_forever()


# --------------------------------------------------------------------------- contenders

def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb() -> float | None:
    """The process's resident memory now (Linux; None elsewhere): what a poller keeps between cycles."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return None


def set_version(base: str, version: int) -> None:
    """Tell the server which version to serve (and wait while it renders it), from the contender's
    process: with `http.client`, because `httpx.get` builds a client and its TLS context per call,
    which left every contender 0.8 MB more resident per cycle (OpenSSL's heap, not the poller's)."""
    address = urlsplit(base)
    connection = HTTPConnection(address.hostname or "127.0.0.1", address.port, timeout=None)
    try:
        connection.request("GET", f"/_version/{version}")
        answer = connection.getresponse()
        answer.read()
        if answer.status != 200:
            raise RuntimeError(f"the board server answered {answer.status} to version {version}")
    finally:
        connection.close()


def run_ours(base: str, boards: int, concurrency: int, daemon_gc: bool = True, commit_every: int | None = None) -> dict:
    from datetime import datetime, timedelta, timezone

    from signalwatch.accounts import Account
    from signalwatch.connectors.base import FetchContext
    from signalwatch.connectors.jobboards import JobBoardsConnector, JobBoardsOptions
    from signalwatch.http import HttpClient, HttpSettings
    from signalwatch.runtime.ahead import one_ahead
    from signalwatch.store import Store

    accounts = [Account(id=n + 1, name=f"Company {n}", boards=(f"{PROVIDERS[n % 3]}:b{n}",)) for n in range(boards)]
    templates = {p: f"{base}/{p}/{{id}}" for p in PROVIDERS}
    connector = JobBoardsConnector("boards", JobBoardsOptions(url_templates=templates, concurrency=concurrency))
    if commit_every:
        connector.commit_every = commit_every
    http = HttpClient(HttpSettings(allow_private_addresses=True, per_host_interval=0, backoff_base=0.01))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        store.migrate()
        if daemon_gc:
            from signalwatch.runtime.app import limit_malloc_arenas, settle_heap

            # What `signalwatch run` does once it is up: the collector stops rewalking the ~700k
            # objects of the imports (SQLAlchemy, pydantic, the title tables) at each full collection,
            # and glibc keeps two malloc arenas instead of one per fetch thread.
            limit_malloc_arenas()
            settle_heap()
        now = datetime(2026, 11, 20, tzinfo=timezone.utc)
        cycles = []
        for cycle, (version, _) in enumerate(CYCLES, start=1):
            set_version(base, version)
            now += timedelta(hours=6)
            started, cpu_started = time.perf_counter(), time.process_time()
            cursor = store.load_cursor("boards")
            parts = store.cursor_parts("boards")
            loaded = time.perf_counter()
            tally: Counter = Counter()
            changes: Counter = Counter()
            # As `runtime.pipeline.poll_source` does: each chunk committed with its parts, the next
            # one fetched meanwhile (`one_ahead`), then the poll's record.
            chunks = one_ahead(connector.fetch_chunks(FetchContext(http=http, cursor=cursor, accounts=accounts, now=now,
                                                                   parts=parts)))
            next_cursor: dict = {}
            while True:
                mark = time.perf_counter()
                fetched = next(chunks, None)
                if fetched is None:
                    break
                tally["fetch"] += time.perf_counter() - mark
                mark = time.perf_counter()
                normalized = connector.normalize(fetched, now)
                tally["normalize"] += time.perf_counter() - mark
                tally["errors"] += len(fetched.errors)
                tally["parsed_boards"] += sum(1 for p in fetched.items if p.status == "changed")
                tally["parsed_jobs"] += sum(listed_roles(p, normalized.parts, fetched.part_heads) for p in fetched.items
                                            if p.status == "changed" and p.settled is not None)
                tally["bodies_read"] += sum(1 for p in fetched.items if p.read_snapshot) + len(fetched.part_bodies)
                next_cursor = normalized.cursor
                written = list(normalized.parts.values())
                tally["parts_written"] += sum(1 for w in written if w is None or w.body is not None)
                tally["heads_written"] += sum(1 for w in written if w is not None and w.body is None)
                del fetched
                if normalized.events or normalized.parts:
                    with store.poll_unit("boards", now) as unit:  # the pipeline's unit of work, with no rules to evaluate
                        new_events = unit.insert(normalized.events)
                        unit.save_parts(normalized.parts)
                    tally["events"] += len(new_events)
                    changes.update(e.change for e in new_events)
                    del new_events
                del normalized, written
            unchanged = next_cursor == cursor  # as the pipeline does: an unchanged cursor is not rewritten
            with store.poll_unit("boards", now) as unit:  # the poll's own record, after its last chunk
                unit.save_cursor(None if unchanged else next_cursor)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            fetch_s, normalize_s = tally["fetch"], tally["normalize"]
            store_s = seconds - fetch_s - normalize_s
            cycles.append({
                "cycle": cycle, "seconds": seconds, "cpu": cpu, "fetch_seconds": fetch_s, "normalize_seconds": normalize_s,
                "store_seconds": store_s, "load_seconds": loaded - started, "events": tally["events"],
                "by_change": dict(changes), "errors": tally["errors"],
                "parsed_boards": tally["parsed_boards"], "parsed_jobs": tally["parsed_jobs"],
                "bodies_read": tally["bodies_read"],
                "parts_written": tally["parts_written"], "heads_written": tally["heads_written"], "cursor_written": not unchanged,
                # rows a poll wrote: events, cursor parts, and the cursor (the source-state row's poll
                # counters and timestamps are updated on every poll and not counted)
                "rows_written": tally["events"] + tally["parts_written"] + tally["heads_written"] + (not unchanged),
                "cursor_kb": len(json.dumps(next_cursor)) / 1e3, "peak_mb": peak_mb(), "resident_mb": resident_mb(),
                "parts_mb": stored_parts_mb(f"{tmp}/bench.db"),
            })
        store.close()
    http.close()
    return {"cycles": cycles, "peak_mb": peak_mb()}


def stored_parts_mb(path: str) -> float:
    """The size of the stored cursor parts (MB of JSON text), read on a connection of its own that is
    closed at once: the query reads every page of the parts (~30 MB at 2,000 boards), and a connection
    kept open across cycles held a full page cache (2 MB) in ours' process, which the daemon has not."""
    watch = sqlite3.connect(path)
    try:
        return watch.execute("SELECT coalesce(sum(length(head) + length(body)), 0) FROM cursor_parts").fetchone()[0] / 1e6
    finally:
        watch.close()


def listed_roles(poll: Any, writes: Mapping[str, Any], heads: Mapping[str, Mapping[str, Any]]) -> int:
    """The roles a parsed board lists (its rows not missing), from its next head's count of missing
    ones: counting the rows themselves walked every row of every changed board inside the timed
    cycle (2% of ours in the cycle with new roles on every board)."""
    write = writes.get(poll.key)
    head = write.head if write is not None else heads.get(poll.key) or {}
    return len(poll.settled.rows) - int(head.get("pending", 0))


def sniffio_shim() -> bool:
    """Stand in for the `sniffio` package when it is not installed; True if it was missing.

    httpcore 1.0.9 runs `import sniffio` each time it sets up an async event (several times per
    request) and falls back to asyncio when that fails; a failed import searches sys.path every
    time, which made the peer's cycle of 2,000 conditional GETs several times slower here (anyio
    no longer pulls sniffio in). The shim answers what sniffio would, so the peer runs as it does
    for a user who has sniffio installed: the stronger of the two.
    """
    try:
        import sniffio  # noqa: F401
        return False
    except ImportError:
        import types

        shim = types.ModuleType("sniffio")

        class AsyncLibraryNotFoundError(RuntimeError):
            pass

        shim.AsyncLibraryNotFoundError = AsyncLibraryNotFoundError  # type: ignore[attr-defined]
        shim.current_async_library = lambda: "asyncio"  # type: ignore[attr-defined]
        sys.modules["sniffio"] = shim
        return True


def run_peer(base: str, boards: int, concurrency: int, as_installed: bool, threads: bool) -> dict:
    from datetime import datetime, timedelta, timezone

    import httpx
    from _jobboards_peer import client_options, open_db, poll_cycle, poll_cycle_threads

    shimmed = False if as_installed or threads else sniffio_shim()
    urls = {f"b{n}": f"{base}/{PROVIDERS[n % 3]}/b{n}" for n in range(boards)}
    cycles: list[dict] = []

    def now_of(cycle: int) -> str:
        return (datetime(2026, 11, 20, tzinfo=timezone.utc) + timedelta(hours=6 * cycle)).isoformat()

    def record(db: sqlite3.Connection, cycle: int, started: tuple[float, float], changes_before: int,
               result: tuple[int, int, int]) -> None:
        posted, closed, errors = result
        cycles.append({"cycle": cycle, "seconds": time.perf_counter() - started[0], "cpu": time.process_time() - started[1],
                       "posted": posted, "closed": closed,
                       "errors": errors, "rows_written": db.total_changes - changes_before, "peak_mb": peak_mb(),
                       "resident_mb": resident_mb()})

    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(f"{tmp}/peer.db")
        if threads:
            with httpx.Client(**client_options(concurrency)) as client:
                for cycle, (version, _) in enumerate(CYCLES, start=1):
                    set_version(base, version)
                    changes_before, started = db.total_changes, (time.perf_counter(), time.process_time())
                    record(db, cycle, started, changes_before, poll_cycle_threads(db, client, urls, concurrency, now_of(cycle)))
        else:
            async def all_cycles() -> None:  # one event loop and one client for every cycle
                async with httpx.AsyncClient(**client_options(concurrency)) as client:
                    for cycle, (version, _) in enumerate(CYCLES, start=1):
                        set_version(base, version)  # blocking, before the cycle's clock starts
                        changes_before, started = db.total_changes, (time.perf_counter(), time.process_time())
                        record(db, cycle, started, changes_before, await poll_cycle(db, client, urls, concurrency, now_of(cycle)))

            asyncio.run(all_cycles())
        db.close()
    return {"cycles": cycles, "peak_mb": peak_mb(), "sniffio_shim": shimmed}


def run_baseline(base: str, boards: int) -> dict:
    import httpx

    cycles = []
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(f"{tmp}/baseline.db")
        db.execute("CREATE TABLE jobs (board TEXT, job_id TEXT, title TEXT, body TEXT, PRIMARY KEY (board, job_id))")
        for cycle, version in ((1, 1), (2, 1)):  # a first poll, then the same boards again
            set_version(base, version)
            started = time.perf_counter()
            rows = jobs_seen = 0
            for n in range(boards):
                document = json.loads(httpx.get(f"{base}/{PROVIDERS[n % 3]}/b{n}").content)
                for job in document["jobs"] if isinstance(document, dict) else document:
                    jobs_seen += 1
                    cursor = db.execute(
                        "INSERT OR IGNORE INTO jobs VALUES (?, ?, ?, ?)",
                        (f"b{n}", str(job["id"]), job.get("title") or job.get("text"), json.dumps(job)),
                    )
                    rows += cursor.rowcount
                db.commit()
            cycles.append({"cycle": cycle, "seconds": time.perf_counter() - started, "rows": rows, "jobs": jobs_seen})
        db.close()
    return {"cycles": cycles, "peak_mb": peak_mb()}


# --------------------------------------------------------------------------- driver

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--boards", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-etag", action="store_true",
                        help="server sends no ETag: unchanged boards are caught by the body hash")
    parser.add_argument("--skip-baseline", action="store_true", help="run ours only (no peers, no naive loop)")
    parser.add_argument("--skip-naive", action="store_true", help="run ours and the peers, not the naive loop")
    parser.add_argument("--no-pin", action="store_true", help="let the server share the contenders' CPUs")
    parser.add_argument("--python-gc", action="store_true",
                        help="run ours with Python's default collector, not the daemon's (runtime.app.settle_heap)")
    parser.add_argument("--commit-every", type=int, metavar="N",
                        help="boards per committed chunk of ours (default: JobBoardsConnector.commit_every)")
    parser.add_argument("--peer-as-installed", action="store_true",
                        help="run the asyncio peer without the sniffio stand-in (see sniffio_shim)")
    parser.add_argument("--worker", choices=["ours", "peer", "threads", "naive"], help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    parser.add_argument("--cpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        if args.cpus:
            os.sched_setaffinity(0, {int(c) for c in args.cpus.split(",")})
        if args.worker == "ours":
            result = run_ours(args.base, args.boards, args.concurrency, daemon_gc=not args.python_gc,
                              commit_every=args.commit_every)
        elif args.worker in ("peer", "threads"):
            result = run_peer(args.base, args.boards, args.concurrency, args.peer_as_installed, args.worker == "threads")
        else:
            result = run_baseline(args.base, args.boards)
        print(json.dumps(result))
        return 0

    available = sorted(os.sched_getaffinity(0))
    server_cpus, worker_cpus = ({available[-1]}, set(available[:-1])) if len(available) > 1 and not args.no_pin else (None, None)
    ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    server = multiprocessing.Process(target=serve, args=(args.boards, args.seed, not args.no_etag, server_cpus, ready),
                                     daemon=True)
    server.start()
    base = f"http://127.0.0.1:{ready.get(timeout=30)}"
    try:
        total_jobs = sum(len(board_jobs(args.seed, n, 1)[1]) for n in range(args.boards))
        placement = (f"server on CPU {min(server_cpus)}, contenders on CPU {','.join(map(str, sorted(worker_cpus)))}"
                     if server_cpus and worker_cpus else "server and contenders share the CPUs")
        print(f"{args.boards} boards, {total_jobs} jobs, ETags {'off' if args.no_etag else 'on'}, "
              f"concurrency {args.concurrency}, {placement}, load average {os.getloadavg()[0]:.2f}")
        ours = _worker("ours", base, args, worker_cpus)
        peers = {} if args.skip_baseline else {name: _worker(name, base, args, worker_cpus) for name in ("peer", "threads")}
        naive = None if args.skip_baseline or args.skip_naive else _worker("naive", base, args, worker_cpus)
    finally:
        server.terminate()
    ok = report(ours, peers, naive)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0 if ok else 1


def _worker(name: str, base: str, args: argparse.Namespace, cpus: set[int] | None) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--base", base,
               "--boards", str(args.boards), "--concurrency", str(args.concurrency)]
    if args.peer_as_installed:
        command.append("--peer-as-installed")
    if args.python_gc:
        command.append("--python-gc")
    if args.commit_every:
        command += ["--commit-every", str(args.commit_every)]
    if cpus:
        command += ["--cpus", ",".join(map(str, sorted(cpus)))]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} worker failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


PEER_TITLES = {
    "peer": "asyncio peer (httpx.AsyncClient + semaphore + ETags + SQLite rows; _jobboards_peer.poll_cycle",
    "threads": "thread-pool peer (httpx.Client shared by a pool + ETags + SQLite rows; _jobboards_peer.poll_cycle_threads",
}


def _after(cycle: dict) -> str:
    return f", {cycle['resident_mb']:.0f} MB after" if cycle.get("resident_mb") is not None else ""


def report(ours: dict, peers: dict[str, dict], naive: dict | None) -> bool:
    """Print every contender's cycles and the targets; True when every target is met."""
    labels = dict(enumerate((label for _, label in CYCLES), start=1))
    print("\njobboards connector (fetch_chunks + normalize + Store.poll_unit per chunk):")
    for c in ours["cycles"]:
        rate = c["events"] / c["seconds"] if c["seconds"] else 0.0
        split = (f"load {c['load_seconds']:.2f}, fetch {c['fetch_seconds']:.2f}, normalize {c['normalize_seconds']:.2f}, "
                 f"store {c['store_seconds'] - c['load_seconds']:.2f} s")
        print(f"  cycle {c['cycle']} {labels[c['cycle']]:<26} {c['seconds']:7.2f} s, CPU {c['cpu']:5.2f} s  ({split})  "
              f"parsed {c['parsed_boards']:5d} boards, read {c['bodies_read']:5d} part bodies, "
              f"wrote {c['parts_written']:5d} parts + {c['heads_written']} heads"
              f"{' + cursor' if c['cursor_written'] else ''}  events {c['events']:6d} {c['by_change']}  "
              f"{rate:7.0f} events/s  rows written {c['rows_written']}  peak RSS so far {c['peak_mb']:.0f} MB{_after(c)}  "
              f"errors {c['errors']}")
    last = ours["cycles"][-1]
    print(f"  stored: parts {last['parts_mb']:.1f} MB, one-row cursor {last['cursor_kb']:.0f} KB; "
          f"peak RSS {ours['peak_mb']:.0f} MB")
    for name, peer in peers.items():
        shim = "; sniffio stand-in, see sniffio_shim" if peer.get("sniffio_shim") else ""
        print(f"\n{PEER_TITLES[name]}{shim}):")
        for c in peer["cycles"]:
            print(f"  cycle {c['cycle']} {labels[c['cycle']]:<26} {c['seconds']:7.2f} s, CPU {c['cpu']:5.2f} s  posted {c['posted']:6d}  "
                  f"closed {c['closed']:5d}  rows written {c['rows_written']:6d}  peak RSS so far {c['peak_mb']:.0f} MB{_after(c)}  "
                  f"errors {c['errors']}")
        print(f"  peak RSS {peer['peak_mb']:.0f} MB")
    if naive:
        print("\nnaive (sequential httpx.get + json.loads + one INSERT per job, no ETags):")
        for n, c in enumerate(naive["cycles"]):
            label = ("first poll", "nothing changed")[n]
            print(f"  {label:<16} {c['seconds']:7.2f} s  jobs {c['jobs']:7d}  rows inserted {c['rows']:7d}  "
                  f"{c['jobs'] / c['seconds']:8.0f} jobs/s")
        print(f"  peak RSS {naive['peak_mb']:.0f} MB")

    def others(cycle: int) -> str:
        parts = [f"{name} {p['cycles'][cycle]['seconds']:.2f} s (CPU {p['cycles'][cycle]['cpu']:.2f}), "
                 f"{p['cycles'][cycle]['rows_written']} rows" for name, p in peers.items()]
        return "; " + "; ".join(parts) if parts else ""

    first, unchanged, some = ours["cycles"][0], ours["cycles"][1], ours["cycles"][2]
    print("\nfigures against the targets:")
    checks: list[bool] = []
    jobs_rate = first["parsed_jobs"] / first["seconds"]
    line = f"  first cycle: ours {first['seconds']:.2f} s (CPU {first['cpu']:.2f}; {jobs_rate:.0f} jobs/s, {first['events']} events)"
    if peers:
        best_name, best = min(peers.items(), key=lambda p: p[1]["cycles"][0]["seconds"])
        best_s = best["cycles"][0]["seconds"]
        checks.append(first["seconds"] < best_s)
        line += (f"{others(0)}; ours = {first['seconds'] / best_s:.2f}x the faster peer's ({best_name}) time "
                 f"(target < 1: {'met' if checks[-1] else 'MISSED'})")
    if naive:
        line += f"; naive {naive['cycles'][0]['seconds']:.2f} s"
    print(line)
    line = f"  peak RSS: ours {ours['peak_mb']:.0f} MB"
    if peers:
        smallest = min(p["peak_mb"] for p in peers.values())
        checks.append(ours["peak_mb"] < smallest)
        line += "; " + "; ".join(f"{name} {p['peak_mb']:.0f} MB" for name, p in peers.items())
        line += f" (target: below the smaller peer's: {'met' if checks[-1] else 'MISSED'})"
    if naive:
        line += f"; naive {naive['peak_mb']:.0f} MB"
    print(line)
    share = unchanged["seconds"] / first["seconds"]
    checks += [share < 0.10, unchanged["rows_written"] == 0]
    line = (f"  nothing changed: ours {unchanged['seconds']:.2f} s (CPU {unchanged['cpu']:.2f}) = {100 * share:.1f}% of the "
            f"first cycle, CPU {100 * unchanged['cpu'] / first['cpu']:.1f}% (target < 10%: "
            f"{'met' if checks[-2] else 'MISSED'}), {unchanged['rows_written']} rows written (target 0: "
            f"{'met' if checks[-1] else 'MISSED'}){others(1)}")
    if naive:
        line += f"; naive {naive['cycles'][1]['seconds']:.2f} s"
    print(line)
    print(f"  ~5% of boards changed: ours {some['seconds']:.2f} s, {some['rows_written']} rows written{others(2)}")
    print(f"  new roles on every board: ours {last['events']} events in {last['seconds']:.2f} s{others(4)}")
    return all(checks)


if __name__ == "__main__":
    sys.exit(main())
