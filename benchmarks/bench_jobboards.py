"""Benchmark: poll many job boards in one cycle with the `jobboards` connector vs a naive loop.

A separate process serves N boards (Greenhouse, Lever and Ashby wire formats, 20-200 jobs
each, ~2 KB descriptions) on 127.0.0.1, with ETags unless --no-etag. Two contenders run in
their own processes so their peak memory is their own:

* ours: `JobBoardsConnector` fetch (thread pool, shared HttpClient) + normalize + the real
  `Store.commit_poll`, for four cycles: 1 baseline, 2 after ~5% of jobs changed on every
  board, 3 unchanged bodies (roles missing twice are closed without parsing), 4 unchanged;
* baseline: a plain sequential loop of httpx.get + json.loads + one INSERT per job row.

    python benchmarks/bench_jobboards.py               # 300 boards (< 2 min on 2 cores)
    python benchmarks/bench_jobboards.py --boards 2000 # the issue's full size
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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

def board_jobs(seed: int, board: int, version: int) -> tuple[str, list[dict]]:
    """The jobs of one board at one version: version 2 drops ~5% of jobs and adds ~5% new ones."""
    rng = random.Random(f"{seed}-{board}")
    count = rng.randint(20, 200)
    ids = list(range(count))
    if version >= 2:
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


def serve(boards: int, seed: int, etags: bool, ready: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    state = {"version": 1}
    cache: dict[tuple[int, int], bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            parts = self.path.strip("/").split("/")
            if parts[0] == "_version":
                state["version"] = int(parts[1])
                cache.clear()  # bodies of the previous version are not asked for again
                return self._send(200, b"ok")
            board = int(parts[1].removeprefix("b"))
            version = state["version"]
            tag = f'"b{board}-v{version}"'
            if etags and self.headers.get("If-None-Match") == tag:
                return self._send(304, b"", tag)
            body = cache.get((board, version))
            if body is None:
                provider, jobs = board_jobs(seed, board, version)
                body = cache.setdefault((board, version), render(provider, board, jobs))
            self._send(200, body, tag if etags else None)

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
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ready.put(httpd.server_address[1])
    httpd.serve_forever()


# --------------------------------------------------------------------------- contenders

def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def set_version(base: str, version: int) -> None:
    import httpx

    httpx.get(f"{base}/_version/{version}").raise_for_status()


def run_ours(base: str, boards: int, concurrency: int) -> dict:
    from datetime import datetime, timedelta, timezone

    from signalwatch.accounts import Account
    from signalwatch.connectors.base import FetchContext
    from signalwatch.connectors.jobboards import JobBoardsConnector, JobBoardsOptions
    from signalwatch.http import HttpClient, HttpSettings
    from signalwatch.store import Store

    accounts = [Account(id=n + 1, name=f"Company {n}", boards=(f"{PROVIDERS[n % 3]}:b{n}",)) for n in range(boards)]
    templates = {p: f"{base}/{p}/{{id}}" for p in PROVIDERS}
    connector = JobBoardsConnector("boards", JobBoardsOptions(url_templates=templates, concurrency=concurrency))
    http = HttpClient(HttpSettings(allow_private_addresses=True, per_host_interval=0, backoff_base=0.01))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        store.migrate()
        now = datetime(2026, 11, 20, tzinfo=timezone.utc)
        cycles = []
        for cycle, version in enumerate([1, 2, 2, 2], start=1):
            set_version(base, version)
            now += timedelta(hours=6)
            started = time.perf_counter()
            cursor = store.load_cursor("boards")
            loaded = time.perf_counter()
            fetched = connector.fetch(FetchContext(http=http, cursor=cursor, accounts=accounts, now=now))
            fetch_s = time.perf_counter() - loaded
            normalized = connector.normalize(fetched, now)
            normalize_s = time.perf_counter() - loaded - fetch_s
            unchanged = normalized.cursor == cursor  # as the pipeline does: an unchanged cursor is not rewritten
            commit = store.commit_poll("boards", normalized.events, None if unchanged else normalized.cursor, now,
                                       evaluate=lambda new: [])
            seconds = time.perf_counter() - started
            store_s = seconds - fetch_s - normalize_s
            changes = Counter(e.change for e in commit.new_events)
            cycles.append({
                "cycle": cycle, "seconds": seconds, "fetch_seconds": fetch_s, "normalize_seconds": normalize_s,
                "store_seconds": store_s, "events": len(commit.new_events),
                "by_change": dict(changes), "errors": len(fetched.errors),
                "parsed_boards": sum(1 for p in fetched.items if p.status == "changed"),
                "jobs": sum(len(rows["jobs"]) for rows in normalized.cursor["boards"].values()),
                "cursor_mb": len(json.dumps(normalized.cursor)) / 1e6,
            })
        store.close()
    http.close()
    return {"cycles": cycles, "peak_mb": peak_mb()}


def run_baseline(base: str, boards: int) -> dict:
    import sqlite3

    import httpx

    cycles = []
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(f"{tmp}/baseline.db")
        db.execute("CREATE TABLE jobs (board TEXT, job_id TEXT, title TEXT, body TEXT, PRIMARY KEY (board, job_id))")
        for cycle, version in ((1, 1), (4, 1)):  # a first poll, then the same boards again
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
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--worker", choices=["ours", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        if args.worker == "ours":
            result = run_ours(args.base, args.boards, args.concurrency)
        else:
            result = run_baseline(args.base, args.boards)
        print(json.dumps(result))
        return 0

    ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    server = multiprocessing.Process(target=serve, args=(args.boards, args.seed, not args.no_etag, ready), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{ready.get(timeout=30)}"
    try:
        total_jobs = sum(len(board_jobs(args.seed, n, 1)[1]) for n in range(args.boards))
        print(f"{args.boards} boards, {total_jobs} jobs, ETags {'off' if args.no_etag else 'on'}, "
              f"concurrency {args.concurrency}")
        ours = _worker("ours", base, args)
        baseline = None if args.skip_baseline else _worker("baseline", base, args)
    finally:
        server.terminate()
    report(ours, baseline)
    return 0


def _worker(name: str, base: str, args: argparse.Namespace) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--base", base,
               "--boards", str(args.boards), "--concurrency", str(args.concurrency)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} worker failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(ours: dict, baseline: dict | None) -> None:
    labels = {1: "first poll (baseline)", 2: "~5% of jobs changed", 3: "unchanged bodies, closes", 4: "nothing changed"}
    print("\njobboards connector (fetch + normalize + Store.commit_poll):")
    for c in ours["cycles"]:
        rate = c["events"] / c["seconds"] if c["seconds"] else 0.0
        split = (f"fetch {c['fetch_seconds']:.2f} s, normalize {c['normalize_seconds']:.2f} s, "
                 f"store {c['store_seconds']:.2f} s")
        print(f"  cycle {c['cycle']} {labels[c['cycle']]:<26} {c['seconds']:7.2f} s  ({split})  "
              f"parsed {c['parsed_boards']:5d} boards  events {c['events']:6d} {c['by_change']}  "
              f"{rate:8.0f} events/s  cursor {c['cursor_mb']:.1f} MB  errors {c['errors']}")
    print(f"  peak RSS {ours['peak_mb']:.0f} MB")
    first, last = ours["cycles"][0], ours["cycles"][-1]
    connector_first = first["fetch_seconds"] + first["normalize_seconds"]
    connector_last = last["fetch_seconds"] + last["normalize_seconds"]
    print(f"  unchanged cycle: {last['seconds']:.2f} s = {100 * last['seconds'] / first['seconds']:.1f}% of the first "
          f"cycle ({100 * connector_last / connector_first:.1f}% counting the connector alone, without the store's "
          f"cursor load/save); {last['events']} event rows written (the store still rewrites the source-state row)")
    if baseline:
        print("\nbaseline (sequential httpx.get + json.loads + one INSERT per job):")
        for c in baseline["cycles"]:
            print(f"  cycle {c['cycle']} {labels[c['cycle']]:<26} {c['seconds']:7.2f} s  jobs {c['jobs']:7d}  "
                  f"rows inserted {c['rows']:7d}  "
                  f"{c['jobs'] / c['seconds']:8.0f} jobs/s")
        print(f"  peak RSS {baseline['peak_mb']:.0f} MB")
        print(f"\nfirst cycle: ours {first['seconds']:.2f} s vs baseline {baseline['cycles'][0]['seconds']:.2f} s; "
              f"unchanged cycle: ours {last['seconds']:.2f} s vs baseline {baseline['cycles'][-1]['seconds']:.2f} s")

if __name__ == "__main__":
    sys.exit(main())
