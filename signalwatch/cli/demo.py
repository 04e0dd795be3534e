"""`signalwatch demo`: a full poll cycle, offline, on bundled recorded feeds and a fake Slack."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from signalwatch.cli.core import run_once, write_starter
from signalwatch.timeutil import utcnow

if TYPE_CHECKING:
    from signalwatch.devtools.fake_slack import FakeSlack

__all__ = ["register", "run_demo"]

DEMO_TOKEN = "xoxb-demo-not-a-real-token"
DEMO_CONFIG = """\
# Written by `signalwatch demo` on every run: the feeds and the fake Slack listen on new ports.
database: signalwatch.db
rules_dir: rules
log_level: WARNING
http:
  user_agent: "signalwatch-demo/0.1 (demo@example.com)"
  allow_private_addresses: true   # the demo's feeds are served from 127.0.0.1
  per_host_interval: 0
sinks:
  console:
    enabled: true
  slack:
    enabled: true
    default_channel: "#sales-signals"
    token_env: SIGNALWATCH_DEMO_SLACK_TOKEN
    base_url: {slack_url}
sources:
  - name: venture-news
    type: rss
    url: {feeds}/venture-news.xml
    interval: 15m
  - name: people-moves
    type: rss
    url: {feeds}/people-moves.xml
    interval: 15m
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="run one offline poll cycle on recorded feeds, alerting the console and a fake Slack")
    demo.add_argument("--dir", default=".demo", help="working folder for the demo's config, rules and database (default: .demo)")
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    return run_demo(Path(args.dir))


def run_demo(directory: Path) -> int:
    from importlib import resources

    from signalwatch.accounts.csv_import import read_accounts_csv
    from signalwatch.config import load_settings
    from signalwatch.connectors.jobboards import PROVIDERS
    from signalwatch.devtools.fake_slack import FakeSlack
    from signalwatch.devtools.fixture_server import FixtureServer, Reply, relative_dates
    from signalwatch.logs import configure_logging
    from signalwatch.runtime.app import build_app

    first_run = not (directory / "signalwatch.db").exists()
    if not (directory / "rules").exists():
        write_starter(directory, force=True)
    feeds = FixtureServer(render=lambda body: relative_dates(body, utcnow()))
    for item in resources.files("signalwatch.demo").joinpath("feeds").iterdir():
        if item.name.endswith(".xml"):
            feeds.route(item.name, Reply(item.read_bytes(), content_type="application/rss+xml; charset=utf-8"))
    slack = FakeSlack(token=DEMO_TOKEN, log_path=directory / "fake-slack-messages.jsonl")
    with feeds, slack:
        config = directory / "signalwatch.yaml"
        config.write_text(DEMO_CONFIG.format(slack_url=slack.base_url, feeds=feeds.url("").rstrip("/")), encoding="utf-8")
        os.environ["SIGNALWATCH_DEMO_SLACK_TOKEN"] = DEMO_TOKEN
        settings = load_settings(config, require_secrets=True)
        configure_logging(settings.log_level, [DEMO_TOKEN])
        app = build_app(settings)
        try:
            accounts, issues = read_accounts_csv(directory / "accounts.csv", PROVIDERS)
            app.store.upsert_accounts(accounts, utcnow())
            print(f"== signalwatch demo in {directory}/ ({'first run' if first_run else 'run again'}) ==")
            print(f"{len(accounts)} target accounts, {len(app.rules.rules)} rules, {len(app.sources)} recorded feeds\n")
            print("-- alerts printed by the console sink --\n")
            reports, sent = run_once(app)
        finally:
            app.close()
    _summary(reports, slack, sent, directory)
    return 0 if all(r.ok for r in reports) else 1


def _summary(reports: list, slack: FakeSlack, sent: int, directory: Path) -> None:
    from signalwatch.alerts.render import slack_escape

    new_events = sum(r.new_events for r in reports)
    if not slack.messages:
        print("(no new alerts: everything found was already delivered in an earlier run — nothing is sent twice)\n")
    print(f"-- fake Slack received {len(slack.messages)} message(s) --")
    for message in slack.messages:
        header = next((b["text"]["text"] for b in message["blocks"] if b["type"] == "header"), "")
        print(f"  {message['channel_arg']:<16} {header}")
    escaped = [m for m in slack.messages if "&lt;!channel&gt;" in m["text"] or any("&lt;!channel&gt;" in str(b) for b in m["blocks"])]
    if escaped:
        print(f"  (a feed title containing {slack_escape('<!channel>')!s} arrived escaped: it pings no one)")
    print(f"\n{sum(r.fetched for r in reports)} events read, {new_events} new, {sent} alert deliveries.")
    print("Run `make demo` again: nothing new is sent. Inspect with: "
          f".venv/bin/signalwatch -c {directory}/signalwatch.yaml status | events list | accounts list")
    sys.stdout.flush()
