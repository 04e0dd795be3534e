"""End to end: the real daemon (`signalwatch run`) against local fixture servers, 5,000 accounts,
the RSS source family, a fake Slack; next to a naive single-threaded script doing the same job.

News items appear on the feeds at a steady rate while both run (one after the other, on the
same load). Reported for each: events/s through the pipeline, median and p95 latency from an
item appearing at its source to the fake Slack receiving its alert, peak memory (VmHWM).

    python benchmarks/bench_pipeline.py           # 5,000 accounts, 10 feeds, 25 items/s for 20 s
    python benchmarks/bench_pipeline.py --full    # 5,000 accounts, 40 feeds, 50 items/s for 60 s

Other connector families (job boards, SEC, tech stack) are not on main yet: RSS only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synth import NewsItem, make_accounts, news_item, rss_document  # noqa: E402

from signalwatch.cli.core import write_starter  # noqa: E402
from signalwatch.devtools.fake_slack import FakeSlack  # noqa: E402
from signalwatch.devtools.fixture_server import FixtureServer, Reply  # noqa: E402
from signalwatch.rules.ruleset import load_ruleset  # noqa: E402
from signalwatch.store import Store  # noqa: E402

TOKEN = "xoxb-bench-token-000000"
FEED_WINDOW = 60  # items per feed document, as news sites serve; more than appear on one feed between two polls
ITEM_URL = re.compile(r"https://news\.example/(\d+)")


class Publisher:
    """Feed documents that grow as time passes: item n appears at start + n / rate."""

    def __init__(self, feeds: int, rate: float, duration: float, accounts: list, seed: int = 5) -> None:
        rng = random.Random(seed)
        self.count = int(rate * duration)
        self.rate = rate
        self.items: list[tuple[int, NewsItem]] = []
        for serial in range(self.count):
            about = rng.choice(accounts).name if rng.random() < 0.7 else f"Outsider{serial} Corp"
            self.items.append((rng.randrange(feeds), news_item(rng, serial, about, datetime.now(timezone.utc))))
        self.start = 0.0
        self._lock = threading.Lock()
        self._cache: dict[tuple[int, int], bytes] = {}

    def begin(self) -> None:
        self.start = time.time()

    def appeared_at(self, serial: int) -> float:
        return self.start + serial / self.rate

    def document(self, body: bytes) -> bytes:
        feed = int(body.decode())
        visible = 0 if not self.start else min(self.count, int((time.time() - self.start) * self.rate) + 1)
        with self._lock:
            key = (feed, visible)
            if key not in self._cache:
                items = [item for f, item in self.items[:visible] if f == feed][-FEED_WINDOW:]
                self._cache[key] = rss_document(list(reversed(items)), f"wire {feed}")
            return self._cache[key]


@dataclass
class Result:
    name: str
    events: int
    alerts: int
    seconds: float
    latencies: list[float]
    peak_mb: float

    def line(self) -> str:
        lat = sorted(self.latencies)
        p50 = statistics.median(lat) if lat else float("nan")
        p95 = lat[int(0.95 * (len(lat) - 1))] if lat else float("nan")
        return (f"{self.name:<22} {self.events / self.seconds:9.1f} {p50:9.2f} {p95:9.2f} {self.peak_mb:10.0f}   "
                f"({self.events:,} events, {self.alerts:,} Slack messages, {len(lat):,} items timed)")


def peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def latencies(slack: FakeSlack, publisher: Publisher) -> list[float]:
    first: dict[int, float] = {}
    for message in slack.messages:
        match = ITEM_URL.search(message["text"] + json.dumps(message.get("blocks") or []))
        if match:
            serial = int(match.group(1))
            first[serial] = min(first.get(serial, float("inf")), message["received_at"])
    return [at - publisher.appeared_at(serial) for serial, at in first.items()]


def wait_quiet(slack: FakeSlack, publisher: Publisher, duration: float, quiet: float, limit: float) -> float:
    """Wait until publishing ended and Slack heard nothing new for `quiet` seconds; return the last arrival."""
    deadline = publisher.start + duration + limit
    while time.time() < deadline:
        last = max((m["received_at"] for m in slack.messages), default=publisher.start)
        if time.time() > publisher.start + duration and time.time() - last > quiet:
            return last
        time.sleep(0.2)
    return max((m["received_at"] for m in slack.messages), default=time.time())


def run_daemon(args: argparse.Namespace, folder: Path, accounts: list) -> Result:
    publisher = Publisher(args.feeds, args.rate, args.duration, accounts)
    with FixtureServer(render=publisher.document) as feeds, FakeSlack(token=TOKEN) as slack:
        for n in range(args.feeds):
            feeds.route(f"wire-{n}.xml", Reply(str(n).encode()))
        write_starter(folder)
        config = {
            "database": "bench.db", "rules_dir": "rules", "log_level": "INFO",
            "http": {"allow_private_addresses": True, "per_host_interval": 0, "user_agent": "signalwatch-bench (bench@example.com)"},
            "delivery": {"interval": "1s"},
            "server": {"enabled": False},
            "source_health": {"enabled": False},
            "sinks": {"console": {"enabled": False}, "slack": {"enabled": True, "base_url": slack.base_url, "default_channel": "#sales-signals"}},
            "sources": [{"name": f"wire-{n}", "type": "rss", "url": feeds.url(f"wire-{n}.xml"), "interval": f"{args.interval}s", "jitter": 0,
                         "max_age": "14d"} for n in range(args.feeds)],
        }
        (folder / "signalwatch.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
        store = Store(f"sqlite:///{folder / 'bench.db'}")
        store.migrate()
        store.upsert_accounts(accounts, datetime.now(timezone.utc))
        store.close()
        env = {**os.environ, "SLACK_BOT_TOKEN": TOKEN, "SIGNALWATCH_CONFIG": str(folder / "signalwatch.yaml")}
        env.pop("SIGNALWATCH_DATABASE_URL", None)
        process = subprocess.Popen([sys.executable, "-m", "signalwatch", "run"], cwd=folder, env=env,
                                   stdout=subprocess.DEVNULL, stderr=open(folder / "daemon.log", "wb"))
        time.sleep(3)  # start-up (imports, migrations) is not part of the pipeline's figures
        publisher.begin()
        end = publisher.start + args.duration
        drained = lambda: _daemon_drained(folder / "bench.db", end, args.feeds)  # noqa: E731
        while time.time() < end + args.duration * 6 + 120 and not (time.time() > end and drained()):
            time.sleep(0.5)
        last = max((m["received_at"] for m in slack.messages), default=time.time())
        memory = peak_mb(process.pid)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=300)
        store = Store(f"sqlite:///{folder / 'bench.db'}")
        events = len(store.list_events(limit=10_000_000))
        store.close()
        return Result("signalwatch daemon", events, len(slack.messages), last - publisher.start, latencies(slack, publisher), memory)


def _daemon_drained(path: Path, end: float, sources: int) -> bool:
    """Every source polled after the last item appeared, and no alert left unsent."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as conn:
        polled = conn.execute("SELECT count(*) FROM source_state WHERE last_success_at > ?",
                              (datetime.fromtimestamp(end, timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f"),)).fetchone()[0]
        unsent = conn.execute("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')").fetchone()[0]
    return polled == sources and unsent == 0


def run_naive(args: argparse.Namespace, folder: Path, accounts: list) -> Result:
    publisher = Publisher(args.feeds, args.rate, args.duration, accounts)
    icp = load_ruleset(Path(__file__).resolve().parents[1] / "rules").icp
    with FixtureServer(render=publisher.document) as feeds, FakeSlack(token=TOKEN) as slack:
        for n in range(args.feeds):
            feeds.route(f"wire-{n}.xml", Reply(str(n).encode()))
        stop = folder / "naive.stop"
        spec = {
            "accounts": [{"name": a.name, "good_fit": icp.fit(a).tier in ("A", "B") and not icp.fit(a).excluded_by} for a in accounts],
            "feeds": [feeds.url(f"wire-{n}.xml") for n in range(args.feeds)], "slack_url": slack.base_url, "token": TOKEN,
            "interval": args.interval, "stop_file": str(stop),
        }
        (folder / "naive.json").write_text(json.dumps(spec), encoding="utf-8")
        process = subprocess.Popen([sys.executable, str(Path(__file__).with_name("_naive_pipeline.py")), str(folder / "naive.json")],
                                   stderr=open(folder / "naive.log", "wb"))
        time.sleep(3)
        publisher.begin()
        last = wait_quiet(slack, publisher, args.duration, quiet=2 * args.interval + 2, limit=args.duration * 4 + 60)
        memory = peak_mb(process.pid)
        stop.touch()
        process.wait(timeout=60)
        # the naive script keeps no events; it handled every item that appeared
        return Result("naive single thread", publisher.count, len(slack.messages), last - publisher.start, latencies(slack, publisher), memory)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="40 feeds, 50 items/s for 60 s")
    parser.add_argument("--accounts", type=int, default=5000)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--rate", type=float, default=25.0, help="news items appearing per second, all feeds together")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds during which items appear")
    parser.add_argument("--interval", type=int, default=2, help="seconds between polls of a feed (both contenders)")
    parser.add_argument("--keep", help="keep the work folders (database, logs) here")
    args = parser.parse_args()
    if args.full:
        args.feeds, args.rate, args.duration = 40, 50.0, 60.0
    accounts = make_accounts(args.accounts)
    print(f"{args.accounts:,} accounts, {args.feeds} RSS feeds polled every {args.interval}s, "
          f"{args.rate:g} items/s appearing for {args.duration:g}s ({int(args.rate * args.duration):,} items)")
    results = []
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        if args.keep:
            one, two = str(Path(args.keep) / "daemon"), str(Path(args.keep) / "naive")
            Path(one).mkdir(parents=True, exist_ok=True)
            Path(two).mkdir(parents=True, exist_ok=True)
        results.append(run_daemon(args, Path(one), accounts))
        results.append(run_naive(args, Path(two), accounts))
    print(f"{'':<22} {'events/s':>9} {'p50 s':>9} {'p95 s':>9} {'peak MB':>10}")
    for result in results:
        print(result.line())
    print("events/s = events stored (daemon) or items handled (naive) / seconds from the first item appearing to the "
          "last alert arriving; latency = item appears on its feed -> fake Slack receives its first alert.")


if __name__ == "__main__":
    main()
