"""The naive baseline for bench_pipeline: one thread polling each feed every interval on the
daemon's schedule (first polls a moment apart, then each poll within ± jitter/2 of its slot on the
interval's grid), an in-memory "seen" set, a name lookup and a direct Slack post. No database,
no outbox, no rules engine: fast, but a crash loses or repeats alerts. Run as a subprocess by
bench_pipeline.py."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import feedparser
import httpx
from slack_sdk import WebClient

from signalwatch.extract import extract_news


def main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    accounts = {a["name"].lower(): a for a in spec["accounts"]}
    slack = WebClient(token=spec["token"], base_url=spec["slack_url"])
    seen: set[str] = set()
    stop = Path(spec["stop_file"])
    interval, jitter = float(spec["interval"]), float(spec.get("jitter", 0.0))
    rng = random.Random()  # a different jitter each run, as the daemon's
    step = min(interval / len(spec["feeds"]), 1.0)  # the daemon's `stagger`
    slots = {url: time.monotonic() + step * index for index, url in enumerate(spec["feeds"])}
    due = dict(slots)
    with httpx.Client(timeout=10) as http:
        while not stop.exists():
            url = min(due, key=due.__getitem__)
            time.sleep(max(0.0, due[url] - time.monotonic()))
            slots[url] += interval
            due[url] = slots[url] + rng.uniform(-jitter / 2, jitter / 2)  # as the daemon: within ± jitter/2 of the slot
            parsed = feedparser.parse(http.get(url).content)
            for entry in parsed.entries:
                if entry.id in seen:
                    continue
                seen.add(entry.id)
                for found in extract_news(entry.title, entry.get("summary", "")):
                    account = accounts.get((found.company_name or "").lower())
                    if account is None or found.type != "funding" or not account["good_fit"]:
                        continue
                    slack.chat_postMessage(channel="#sales-signals", text=f"{account['name']}: {entry.title} — {entry.link}")


if __name__ == "__main__":
    main(sys.argv[1])
