"""End to end: the real daemon (`signalwatch run`) against local fixture servers, 5,000 accounts,
the RSS source family, a fake Slack; next to a naive single-threaded script doing the same job.

Both do the same work: poll every feed every `--interval` seconds on the same schedule (first
polls a moment apart, then each poll within ± jitter/2 of its slot on the interval's grid), post
one Slack message per funding item about a tier A or B account (the daemon through a rule file
saying just that, routed to Slack only), and nothing else. Before the clock runs, every feed
carries three warm-up items (one an alert) that each contender handles once, so neither pays a
first-use cost (the extractor compiles its patterns lazily) inside the figures. News items then
appear on the feeds at a steady rate while each runs, in `--rounds` rounds per phase with the
contenders alternating (one after the other, never side by side), first alone, then with
`--neighbours` CPU-bound processes beside them. Reported for each, every round's items pooled:
events/s through the pipeline; median and p95 latency from an item appearing on its feed to the
fake Slack receiving its alert, split into the wait for the next poll (appeared -> the feed first
serves it) and "after fetch" (first served -> received: parsing, matching, rules, storage and
delivery); peak memory (VmHWM, the daemon's delivery process added) and CPU seconds used while
items appeared and were delivered. The daemon's after-fetch is also split step by step (its
request, the poll up to its commit, the wake-up of delivery, the claim and post: `daemon_stages`).

The wait for the next poll is most of the total and is chance: an item appears somewhere in its
feed's poll cycle. So each contender's mean wait implied by its actual polls (E[T²]/2E[T] over the
gaps T between polls of a feed) is printed, and each total, wait and after-fetch figure is compared
with a 90% bootstrap interval of the difference: when that interval holds 0, the run cannot tell
the two apart. With ~300 timed items per round and 4 rounds the interval of a p50 difference is
about ±0.07 s wide and that of a p95 about ±0.05 s (±0.2 and ±0.15 s with one round of ~100). The
targets are checked at the end; the load average is printed, since other processes on the machine
move every figure.

    python benchmarks/bench_pipeline.py           # 5,000 accounts, 10 feeds, 50 items/s for 30 s, 4 rounds
    python benchmarks/bench_pipeline.py --full    # 5,000 accounts, 40 feeds, 50 items/s for 60 s, 4 rounds
    python benchmarks/bench_pipeline.py --feed-latency 0.1   # each feed answers after 0.1 s, as a distant site does

Other connector families (job boards, SEC, tech stack) are not on main yet: RSS only.
"""

from __future__ import annotations

import argparse
import contextlib
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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
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
AFTER_FETCH_P95 = 0.5  # seconds: the target for the daemon
# The bench's one rule: what the naive script does, routed to Slack only (no console to fill).
BENCH_RULES = """rules:
  - id: funding-round
    description: A target account announced a funding round
    match:
      event.type: funding
      event.change: raised
      account.tier: [A, B]
    priority: P1
    max_age: 14d
    route:
      - sink: slack
        channel: "#sales-signals"
"""


class Publisher:
    """Feed documents that grow as time passes: item n appears at start + n / rate."""

    def __init__(self, feeds: int, rate: float, duration: float, accounts: list, good_fits: list[str], seed: int = 5) -> None:
        rng = random.Random(seed)
        self.count = int(rate * duration)
        self.rate = rate
        self.items: list[tuple[int, NewsItem]] = []
        for serial in range(self.count):
            about = rng.choice(accounts).name if rng.random() < 0.7 else f"Outsider{serial} Corp"
            self.items.append((rng.randrange(feeds), news_item(rng, serial, about, datetime.now(timezone.utc))))
        named = {item.title.split(" ")[0] for _, item in self.items}
        spare = [name for name in good_fits if name.split(" ")[0] not in named]
        self.warmups = [warmup_items(feed, spare[feed]) for feed in range(feeds)]
        self.start = 0.0
        self.served: dict[int, float] = {}  # item -> when a feed document first carried it
        self.requests: list[tuple[int, float]] = []  # (feed, when) per request
        self._lock = threading.Lock()
        self._cache: dict[tuple[int, int], tuple[bytes, list[int]]] = {}

    def begin_at_random_phase(self, interval: float) -> None:
        """Start publishing at a random moment of the contender's poll cycle: how long an item
        waits for the next poll is then chance, alike for both, not a phase fixed by the start-up."""
        time.sleep(random.uniform(0, interval))
        self.start = time.time()

    def save(self, path: Path) -> None:
        """What the feeds served when (kept with --keep, to study a run)."""
        data = {"start": self.start, "feeds": [feed for feed, _ in self.items], "requests": self.requests, "served": self.served}
        path.write_text(json.dumps(data), encoding="utf-8")

    def gaps(self) -> list[float]:
        """The gaps between two polls of a feed while items appeared (`schedule_wait` reads them)."""
        polls: dict[int, list[float]] = {}
        for feed, at in self.requests:
            if self.start <= at <= self.start + self.count / self.rate:
                polls.setdefault(feed, []).append(at)
        return [later - earlier for times in polls.values() for earlier, later in zip(sorted(times), sorted(times)[1:])]

    def appeared_at(self, serial: int) -> float:
        return self.start + serial / self.rate

    def document(self, body: bytes) -> bytes:
        feed = int(body.decode())
        visible = 0 if not self.start else min(self.count, int((time.time() - self.start) * self.rate) + 1)
        with self._lock:
            key = (feed, visible)
            if key not in self._cache:
                items = [(serial, item) for serial, (f, item) in enumerate(self.items[:visible]) if f == feed][-FEED_WINDOW:]
                newest_first = [item for _, item in reversed(items)] + self.warmups[feed]
                self._cache[key] = (rss_document(newest_first, f"wire {feed}"), [serial for serial, _ in items])
            document, serials = self._cache[key]
            now = time.time()
            self.requests.append((feed, now))
            for serial in serials:
                self.served.setdefault(serial, now)
            return document


def warmup_items(feed: int, good_fit: str) -> list[NewsItem]:
    """What every feed carries before the timed items appear, one alert among them: each contender
    extracts, matches and sends once before the clock runs (the extractor compiles its patterns on
    first use: 0.2-0.9 s, which the first timed item would otherwise wait for on one side or the
    other). Their links carry no serial, so they are never timed."""
    now = datetime.now(timezone.utc) - timedelta(hours=1)
    kinds = [(f"{good_fit} raises $12M Series A led by Atlas Growth",
              f"{good_fit} has raised $12 million in a Series A led by Atlas Growth, with participation from existing investors."),
             (f"Warmup{feed} Corp appoints Lena Vogel as VP of Sales",
              f"Lena Vogel joins Warmup{feed} Corp from a larger competitor, where she led a team of 120."),
             (f"Warmup{feed} Corp launches a new analytics dashboard", f"The release adds reporting features for customers of Warmup{feed} Corp.")]
    return [NewsItem(f"urn:bench:warmup-{feed}-{n}", title, summary, f"https://news.example/warmup/{feed}-{n}", now)
            for n, (title, summary) in enumerate(kinds)]


def schedule_wait(gaps: list[float]) -> float:
    """The mean wait for the next poll that a contender's polls imply, whatever the items did:
    E[T²] / 2E[T] over the gaps T between two polls of a feed (an item appears at a uniformly random
    moment of its gap). Both contenders' schedules aim at the same value."""
    return sum(gap * gap for gap in gaps) / (2 * sum(gaps)) if gaps else float("nan")


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    if not ordered:
        return float("nan"), float("nan")
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def difference_interval(ours: list[float], theirs: list[float], index: int, rounds: int = 2000) -> tuple[float, float]:
    """A 90% bootstrap interval of percentiles(ours)[index] - percentiles(theirs)[index]: how far
    chance alone (which items fell where in the poll cycles) moves the difference in one run."""
    rng = random.Random(11)
    found = sorted(percentiles(rng.choices(ours, k=len(ours)))[index] - percentiles(rng.choices(theirs, k=len(theirs)))[index]
                   for _ in range(rounds))
    return found[int(0.05 * rounds)], found[int(0.95 * rounds)]


@dataclass
class Result:
    name: str
    events: int
    alerts: int
    seconds: float
    latencies: list[float]
    waits: list[float]
    after_fetch: list[float]
    peak_mb: float
    cpu: float  # CPU seconds the contender used from the first item appearing to the end of its run
    gaps: list[float]  # Publisher.gaps: between two polls of a feed
    stages: dict[str, list[float]] | None = None  # the daemon's after-fetch, step by step (daemon_stages)

    @property
    def schedule_wait(self) -> float:
        return schedule_wait(self.gaps)

    @staticmethod
    def pooled(rounds: list[Result]) -> Result:
        """One contender's rounds as one run: counts, seconds and CPU added, samples put together."""
        stages = {name: [value for one in rounds for value in (one.stages or {}).get(name, [])] for name in STAGES}
        return Result(rounds[0].name, sum(one.events for one in rounds), sum(one.alerts for one in rounds),
                      sum(one.seconds for one in rounds), [v for one in rounds for v in one.latencies],
                      [v for one in rounds for v in one.waits], [v for one in rounds for v in one.after_fetch],
                      max(one.peak_mb for one in rounds), sum(one.cpu for one in rounds), [v for one in rounds for v in one.gaps],
                      stages if rounds[0].stages is not None else None)

    def line(self) -> str:
        p50, p95 = percentiles(self.latencies)
        w50, w95 = percentiles(self.waits)
        f50, f95 = percentiles(self.after_fetch)
        return (f"{self.name:<22} {self.events / self.seconds:9.1f} {p50:9.2f} {p95:9.2f} {w50:9.2f} {w95:9.2f} {f50:9.2f} {f95:9.2f} "
                f"{self.peak_mb:10.0f} {self.cpu:7.1f}   ({self.events:,} events, {self.alerts:,} Slack messages, {len(self.latencies):,} items timed)")


def peak_mb(pid: int) -> float:
    """Peak resident memory of `pid` and of its child processes (the daemon's delivery worker)."""
    total = 0.0
    for process in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{process}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total or float("nan")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by `pid` and its child processes (the delivery worker)."""
    total = 0.0
    for process in [pid, *children(pid)]:
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def latencies(slack: FakeSlack, publisher: Publisher) -> tuple[list[float], list[float], list[float]]:
    """(appeared -> received, appeared -> first served, first served -> received) per item Slack heard about."""
    first = first_arrivals(slack)
    total = [at - publisher.appeared_at(serial) for serial, at in first.items()]
    served = [serial for serial in first if serial in publisher.served]
    waits = [publisher.served[serial] - publisher.appeared_at(serial) for serial in served]
    return total, waits, [first[serial] - publisher.served[serial] for serial in served]


STAGES = {
    "request": "poll starts -> the feed serves it (the poll's request)",
    "poll": "served -> poll committed (response, parse, match, rules, one transaction)",
    "wake": "committed -> delivery claims it (wake-up, the worker's run start)",
    "send": "claimed -> fake Slack receives it (claim transaction, earlier rows of the batch, the post)",
}


def daemon_stages(folder: Path, publisher: Publisher, received: dict[int, float]) -> dict[str, list[float]]:
    """Where the daemon's after-fetch time goes, per timed alert: from the events' `detected_at` (the
    poll's start), the "poll: <source> ok" log lines (after the commit), the outbox's `claimed_at`,
    and the fake Slack's arrival times. Log times have millisecond precision."""
    committed: dict[str, list[float]] = {}
    for line in (folder / "daemon.log").read_text(errors="replace").splitlines():
        with contextlib.suppress(ValueError, KeyError):
            record = json.loads(line)
            found = re.match(r"poll: (\S+) ok", record["message"])
            if found:
                committed.setdefault(found.group(1), []).append(_epoch(record["time"]))
    stages: dict[str, list[float]] = {name: [] for name in STAGES}
    try:
        with sqlite3.connect(f"file:{folder / 'bench.db'}?mode=ro", uri=True, timeout=30) as conn:
            rows = conn.execute("SELECT e.url, e.source, e.detected_at, o.claimed_at FROM outbox o JOIN messages m ON m.id = o.message_id "
                                "JOIN events e ON e.id = m.event_id WHERE o.sink = 'slack' AND o.claimed_at IS NOT NULL").fetchall()
    except sqlite3.Error as exc:  # the schema moved on: the totals stand without the steps
        print(f"(daemon steps not available: {exc})")
        return {}
    for url, source, detected, claimed in rows:
        found = ITEM_URL.search(url or "")
        serial = int(found.group(1)) if found else -1
        if serial not in received or serial not in publisher.served:
            continue
        served, started, claimed_at = publisher.served[serial], _epoch(detected), _epoch(claimed)
        done = next((at for at in committed.get(source, []) if at >= served), None)
        if done is None:
            continue
        stages["request"].append(served - started)
        stages["poll"].append(done - served)
        stages["wake"].append(claimed_at - done)
        stages["send"].append(received[serial] - claimed_at)
    return stages


def _epoch(stamp: str) -> float:
    """Seconds since the epoch of a UTC time as SQLite or the JSON log writes it."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00").replace(" ", "T"))
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def first_arrivals(slack: FakeSlack) -> dict[int, float]:
    """Item serial -> when the fake Slack first received an alert about it."""
    first: dict[int, float] = {}
    for message in slack.messages:
        match = ITEM_URL.search(message["text"] + json.dumps(message.get("blocks") or []))
        if match:
            serial = int(match.group(1))
            first[serial] = min(first.get(serial, float("inf")), message["received_at"])
    return first


def warmed(slack: FakeSlack, feeds: int, deadline: float) -> None:
    """Wait until the warm-up alerts (one per feed) reached Slack: the contender has extracted,
    matched and sent before the clock runs (a loaded machine can take several seconds for it)."""
    while time.time() < deadline and len(slack.messages) < feeds:
        time.sleep(0.1)


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
    publisher = Publisher(args.feeds, args.rate, args.duration, accounts, args.good_fits)
    with FixtureServer(render=publisher.document) as feeds, FakeSlack(token=TOKEN) as slack:
        for n in range(args.feeds):
            feeds.route(f"wire-{n}.xml", Reply(str(n).encode(), delay=args.feed_latency))
        write_starter(folder)
        (folder / "rules" / "signals.yaml").write_text(BENCH_RULES, encoding="utf-8")
        (folder / "rules" / "hiring_and_stack.yaml").unlink(missing_ok=True)
        for test in (folder / "rules" / "tests").glob("*.yaml"):
            test.unlink()
        config = {
            "database": "bench.db", "rules_dir": "rules", "log_level": "INFO", "log_format": "json",
            "http": {"allow_private_addresses": True, "per_host_interval": 0, "user_agent": "signalwatch-bench (bench@example.com)"},
            "delivery": {"interval": "1s"},
            "server": {"enabled": False},
            "source_health": {"enabled": False},
            "sinks": {"console": {"enabled": False}, "slack": {"enabled": True, "base_url": slack.base_url, "default_channel": "#sales-signals"}},
            "sources": [{"name": f"wire-{n}", "type": "rss", "url": feeds.url(f"wire-{n}.xml"), "interval": f"{args.interval}s",
                         "jitter": f"{args.jitter}s", "max_age": "14d"} for n in range(args.feeds)],
        }
        (folder / "signalwatch.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
        store = Store(f"sqlite:///{folder / 'bench.db'}")
        store.migrate()
        store.upsert_accounts(accounts, datetime.now(timezone.utc))
        store.close()
        env = {**os.environ, "SLACK_BOT_TOKEN": TOKEN, "SIGNALWATCH_CONFIG": str(folder / "signalwatch.yaml")}
        env.pop("SIGNALWATCH_DATABASE_URL", None)
        log = folder / "daemon.log"
        process = subprocess.Popen([sys.executable, "-m", "signalwatch", "run"], cwd=folder, env=env,
                                   stdout=subprocess.DEVNULL, stderr=open(log, "wb"))
        deadline = time.time() + 120  # start-up (imports, migrations, the delivery worker) is not part of the figures
        while time.time() < deadline and "delivery: worker ready" not in log.read_text(errors="replace"):
            time.sleep(0.2)
        warmed(slack, args.feeds, deadline)
        time.sleep(args.interval + args.jitter)  # every feed polled once more before the first item appears
        publisher.begin_at_random_phase(args.interval)
        cpu_before = cpu_seconds(process.pid)
        end = publisher.start + args.duration
        drained = lambda: _daemon_drained(folder / "bench.db", end, args.feeds)  # noqa: E731
        while time.time() < end + args.duration * 6 + 120 and not (time.time() > end and drained()):
            time.sleep(0.5)
        last = max((m["received_at"] for m in slack.messages), default=time.time())
        memory, cpu = peak_mb(process.pid), cpu_seconds(process.pid) - cpu_before
        publisher.save(folder / "publisher.json")
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=300)
        store = Store(f"sqlite:///{folder / 'bench.db'}")
        events = sum(1 for _, event in store.list_events(limit=10_000_000) if ITEM_URL.search(event.url or ""))  # not the warm-ups
        store.close()
        stages = daemon_stages(folder, publisher, first_arrivals(slack))
        return Result("signalwatch daemon", events, len(slack.messages), last - publisher.start, *latencies(slack, publisher), memory,
                      cpu, publisher.gaps(), stages)


def _daemon_drained(path: Path, end: float, sources: int) -> bool:
    """Every source polled after the last item appeared, and no alert left unsent."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as conn:
        polled = conn.execute("SELECT count(*) FROM source_state WHERE last_success_at > ?",
                              (datetime.fromtimestamp(end, timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f"),)).fetchone()[0]
        unsent = conn.execute("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')").fetchone()[0]
    return polled == sources and unsent == 0


def run_naive(args: argparse.Namespace, folder: Path, accounts: list) -> Result:
    publisher = Publisher(args.feeds, args.rate, args.duration, accounts, args.good_fits)
    with FixtureServer(render=publisher.document) as feeds, FakeSlack(token=TOKEN) as slack:
        for n in range(args.feeds):
            feeds.route(f"wire-{n}.xml", Reply(str(n).encode(), delay=args.feed_latency))
        stop = folder / "naive.stop"
        spec = {
            "accounts": [{"name": a.name, "good_fit": a.name in args.good_fits} for a in accounts],
            "feeds": [feeds.url(f"wire-{n}.xml") for n in range(args.feeds)], "slack_url": slack.base_url, "token": TOKEN,
            "interval": args.interval, "jitter": args.jitter, "stop_file": str(stop),
        }
        (folder / "naive.json").write_text(json.dumps(spec), encoding="utf-8")
        process = subprocess.Popen([sys.executable, str(Path(__file__).with_name("_naive_pipeline.py")), str(folder / "naive.json")],
                                   stderr=open(folder / "naive.log", "wb"))
        warmed(slack, args.feeds, time.time() + 120)
        time.sleep(args.interval + args.jitter)  # back on its schedule after the warm-up, as the daemon
        publisher.begin_at_random_phase(args.interval)
        cpu_before = cpu_seconds(process.pid)
        last = wait_quiet(slack, publisher, args.duration, quiet=2 * args.interval + 2, limit=args.duration * 4 + 60)
        memory, cpu = peak_mb(process.pid), cpu_seconds(process.pid) - cpu_before
        publisher.save(folder / "publisher.json")
        stop.touch()
        process.wait(timeout=60)
        # the naive script keeps no events; it handled every item that appeared
        return Result("naive single thread", publisher.count, len(slack.messages), last - publisher.start, *latencies(slack, publisher), memory,
                      cpu, publisher.gaps())


@contextlib.contextmanager
def neighbours(count: int) -> Iterator[None]:
    """`count` CPU-bound processes spinning beside the measured ones (another tenant's batch job)."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="40 feeds, 50 items/s for 60 s")
    parser.add_argument("--accounts", type=int, default=5000)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--rate", type=float, default=50.0, help="news items appearing per second, all feeds together")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds during which items appear, per round")
    parser.add_argument("--rounds", type=int, default=4,
                        help="rounds per phase, the contenders alternating; the figures pool every round's timed items")
    parser.add_argument("--interval", type=int, default=2, help="seconds between polls of a feed (both contenders)")
    parser.add_argument("--jitter", type=float, default=0.5,
                        help="each poll starts within ± jitter/2 seconds of its slot on the interval's grid (both contenders)")
    parser.add_argument("--feed-latency", type=float, default=0.0,
                        help="seconds each feed takes to answer, as a distant site does (0: at once, as a local server)")
    parser.add_argument("--neighbours", type=int, default=1, help="CPU-bound processes during the busy run (0: light run only)")
    parser.add_argument("--keep", help="keep the work folders (database, logs) here")
    args = parser.parse_args()
    if args.full:
        args.feeds, args.rate, args.duration = 40, 50.0, 60.0
    accounts = make_accounts(args.accounts)
    icp = load_ruleset(Path(__file__).resolve().parents[1] / "rules").icp
    args.good_fits = [a.name for a in accounts if icp.fit(a).tier in ("A", "B") and not icp.fit(a).excluded_by]  # what the rule alerts on
    print(f"{args.accounts:,} accounts, {args.feeds} RSS feeds polled every {args.interval}s ± {args.jitter / 2:g}s, "
          f"{args.rate:g} items/s appearing for {args.duration:g}s ({int(args.rate * args.duration):,} items) per round, "
          f"{args.rounds} round(s) per phase, feeds answering after {args.feed_latency:g}s; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the start")
    verdicts = []
    phases = [("light load", 0)] + ([(f"{args.neighbours} CPU-bound neighbour(s)", args.neighbours)] if args.neighbours else [])
    for phase, busy in phases:
        rounds: dict[str, list[Result]] = {"daemon": [], "naive": []}
        with neighbours(busy):
            for index in range(args.rounds):
                order = ("daemon", "naive") if index % 2 == 0 else ("naive", "daemon")  # neither always goes first
                for name in order:
                    with tempfile.TemporaryDirectory() as scratch:
                        folder = Path(args.keep) / phase.replace(" ", "-") / f"round{index + 1}" / name if args.keep else Path(scratch)
                        folder.mkdir(parents=True, exist_ok=True)
                        rounds[name].append((run_daemon if name == "daemon" else run_naive)(args, folder, accounts))
                print(f"  {phase}, round {index + 1}/{args.rounds} (load {os.getloadavg()[0]:.2f}): " + "; ".join(
                    f"{name} p50 {percentiles(one[-1].latencies)[0]:.2f} p95 {percentiles(one[-1].latencies)[1]:.2f} "
                    f"fetch p95 {percentiles(one[-1].after_fetch)[1]:.2f} ({len(one[-1].latencies)} timed, {one[-1].alerts} messages)"
                    for name, one in rounds.items()), flush=True)
        results = [Result.pooled(rounds["daemon"]), Result.pooled(rounds["naive"])]
        print(f"\n{phase}, {args.rounds} round(s) pooled (load average {os.getloadavg()[0]:.2f} at the end)")
        print(f"{'':<22} {'events/s':>9} {'p50 s':>9} {'p95 s':>9} {'wait p50':>9} {'wait p95':>9} {'fetch p50':>9} {'fetch p95':>9} "
              f"{'peak MB':>10} {'CPU s':>7}")
        for result in results:
            print(result.line())
        for name, values in (results[0].stages or {}).items():
            p50, p95 = percentiles(values)
            print(f"  daemon step {name:<8} p50 {p50 * 1000:6.0f} ms  p95 {p95 * 1000:6.0f} ms   {STAGES[name]}")
        daemon, naive = results
        verdicts.append((phase, daemon, naive))
    print("\nevents/s = events stored (daemon) or items handled (naive) / seconds from the first item appearing to the "
          "last alert arriving; p50/p95 = item appears on its feed -> fake Slack receives its first alert, the sum of "
          "wait (item appears -> the feed first serves it to a poll: the same schedule for both, so only chance differs) "
          "and fetch (the feed first serves the item -> fake Slack receives its alert).")
    print("targets (each total compared with the naive script's; [a, b] is the 90% bootstrap interval of the difference "
          "daemon - naive: MET when all of it is below 0, NOT MET when all of it is above, a TIE when it holds 0: then "
          "this run cannot tell the two apart):")
    for phase, daemon, naive in verdicts:
        total, fetch, naive_total = percentiles(daemon.latencies), percentiles(daemon.after_fetch), percentiles(naive.latencies)
        checks = [f"after-fetch p95 {fetch[1]:.3f} s <= {AFTER_FETCH_P95} s {'MET' if fetch[1] <= AFTER_FETCH_P95 else 'NOT MET'}"]
        for index, label in ((0, "p50"), (1, "p95")):
            low, high = difference_interval(daemon.latencies, naive.latencies, index)
            verdict = "MET" if high < 0 else "NOT MET" if low > 0 else "TIE"
            checks.append(f"{label} {total[index]:.3f} s < naive {naive_total[index]:.3f} s [{low:+.3f}, {high:+.3f}] {verdict}")
        print(f"  {phase}: " + "; ".join(checks))
        parts = []
        for part, ours, theirs in (("wait", daemon.waits, naive.waits), ("after fetch", daemon.after_fetch, naive.after_fetch)):
            for index, label in ((0, "p50"), (1, "p95")):
                low, high = difference_interval(ours, theirs, index)
                parts.append(f"{part} {label} {percentiles(ours)[index]:.3f} vs {percentiles(theirs)[index]:.3f} [{low:+.3f}, {high:+.3f}]")
        print(f"  {phase}: where it differs, daemon vs naive: " + "; ".join(parts))
        print(f"  {phase}: mean wait the poll schedule implies (E[T²]/2E[T] over the gaps T between polls of a feed): "
              f"daemon {daemon.schedule_wait:.3f} s, naive {naive.schedule_wait:.3f} s")

if __name__ == "__main__":
    main()
