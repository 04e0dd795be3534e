"""`signalwatch demo`: a full poll cycle, offline, on bundled recorded responses and a fake Slack.

Besides two sample press feeds (written for the demo, fictional companies), the demo serves real
recorded responses for real companies (provenance in `signalwatch/demo/README.md`): per-account
news searches (Klarna, Boeing, Carta, Slack), Airbnb's Greenhouse board, and EDGAR (the current-
filings feed, JPMorgan Chase's 8-K of 25 June 2026). Those accounts are new on the first run, so
their recent history is backfilled with the poll: stored and listed, never alerted. The EDGAR step
backfills the week the 8-K was filed, because that filing is older than the 30-day first-poll window.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import sys
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from signalwatch.cli.core import run_once, write_starter
from signalwatch.timeutil import utcnow

if TYPE_CHECKING:
    from signalwatch.devtools.fake_slack import FakeSlack
    from signalwatch.devtools.fixture_server import FixtureServer
    from signalwatch.runtime.app import App

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
  - name: account-news
    type: account_news
    url_template: "{feeds}/search/{{domain}}?q={{query}}"
    interval: 15m
  - name: job-boards
    type: jobboards
    interval: 6h
    url_templates: {{greenhouse: "{feeds}/greenhouse/{{id}}"}}
  - name: sec-8k-officers
    type: edgar_8k
    interval: 15m
    user_agent: "signalwatch demo demo@example.com"
    base_url: {feeds}
"""
SEARCHES = {"klarna.com": "klarna.xml", "boeing.com": "boeing.xml", "carta.com": "carta.xml", "slack.com": "slack.xml"}
GREENHOUSE_RECORDED = datetime(2026, 1, 14, 13, 45, 9, tzinfo=UTC)  # when Airbnb's listing was recorded
JPM_FILED = date(2026, 6, 25)
JPM_FOLDER = "/Archives/edgar/data/19617/000001961726000241"
_ISO = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}")


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="run one offline poll cycle on recorded feeds, alerting the console and a fake Slack")
    demo.add_argument("--dir", default=".demo", help="working folder for the demo's config, rules and database (default: .demo)")
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    return run_demo(Path(args.dir))


def run_demo(directory: Path) -> int:
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
    with resources.as_file(resources.files("signalwatch.demo").joinpath("accounts.csv")) as csv_path:
        accounts, _ = read_accounts_csv(csv_path, PROVIDERS)
    feeds = FixtureServer(render=lambda body: relative_dates(body, utcnow()))
    for item in resources.files("signalwatch.demo").joinpath("feeds").iterdir():
        if item.name.endswith(".xml"):
            feeds.route(item.name, Reply(item.read_bytes(), content_type="application/rss+xml; charset=utf-8"))
    _serve_recorded(feeds, [account.domain for account in accounts if account.domain])
    slack = FakeSlack(token=DEMO_TOKEN, log_path=directory / "fake-slack-messages.jsonl")
    with feeds, slack:
        config = directory / "signalwatch.yaml"
        config.write_text(DEMO_CONFIG.format(slack_url=slack.base_url, feeds=feeds.url("").rstrip("/")), encoding="utf-8")
        os.environ["SIGNALWATCH_DEMO_SLACK_TOKEN"] = DEMO_TOKEN
        settings = load_settings(config, require_secrets=True)
        configure_logging(settings.log_level, [DEMO_TOKEN])
        app = build_app(settings)
        try:
            app.store.upsert_accounts(accounts, utcnow())
            print(f"== signalwatch demo in {directory}/ ({'first run' if first_run else 'run again'}) ==")
            print(f"{len(accounts)} target accounts, {len(app.rules.rules)} rules, {len(app.sources)} sources "
                  "on recorded responses\n")
            print("-- alerts printed by the console sink --\n")
            reports, sent = run_once(app)
            _edgar_week(app)
            history = _history(app)
        finally:
            app.close()
    _summary(reports, slack, sent, directory)
    print(history)
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
    program = _program()
    print(f"Run `{program} demo --dir {shlex.quote(str(directory))}` again: nothing new is sent. Inspect with: "
          f"{program} -c {shlex.quote(str(directory / 'signalwatch.yaml'))} status | events list | accounts list")
    sys.stdout.flush()


def _program() -> str:
    """The command the user ran signalwatch with, as they can type it again from this folder: the
    bare name when it is the one found on PATH (a pip install), else the path it was run by
    (`.venv/bin/signalwatch` in a checkout), or `python -m signalwatch`."""
    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else ""
    if not argv0 or argv0 == "-c" or Path(argv0).name == "__main__.py":
        return f"{shlex.quote(sys.executable)} -m signalwatch"
    name = Path(argv0).name
    on_path = shutil.which(name)
    if on_path and Path(on_path).resolve() == Path(argv0).resolve():
        return shlex.quote(name)
    return shlex.quote(argv0)


def _demo_file(*parts: str) -> Traversable:
    return resources.files("signalwatch.demo").joinpath(*parts)


def _serve_recorded(server: FixtureServer, domains: list[str]) -> None:
    """Real recorded responses for the real accounts: news searches, a Greenhouse board, EDGAR.
    The search for any other demo account (`domains`) finds nothing, as it would for a company
    no outlet writes about, rather than failing with a 404 that would leave the source DEGRADED."""
    from signalwatch.connectors.edgar.daily_index import daily_index_path
    from signalwatch.devtools.fixture_server import Reply

    for domain in sorted({*domains, *SEARCHES}):
        feed = SEARCHES.get(domain, "empty.xml")
        server.route(f"search/{domain}", Reply(_demo_file("search", feed).read_bytes(), content_type="application/rss+xml"))
    listing = _demo_file("boards", "greenhouse-airbnb.json").read_bytes()
    server.route("greenhouse/airbnb", Reply(_moved_forward(listing, utcnow() - GREENHOUSE_RECORDED),
                                            content_type="application/json"))
    edgar = "edgar"
    server.route("cgi-bin/browse-edgar", Reply(_demo_file(edgar, "getcurrent-all-start0.atom").read_bytes(),
                                               content_type="application/atom+xml"))
    server.route(daily_index_path(JPM_FILED).lstrip("/"), Reply(_demo_file(edgar, "form.20260625.idx").read_bytes(),
                                                                content_type="text/plain"))
    accession = "0000019617-26-000241"
    server.route(f"{JPM_FOLDER}/{accession}-index.htm".lstrip("/"),
                 Reply(_demo_file(edgar, f"{accession}-index.htm").read_bytes(), content_type="text/html"))
    server.route(f"{JPM_FOLDER}/jpm-20260624.htm".lstrip("/"),
                 Reply(_demo_file(edgar, f"{accession}-jpm-20260624.htm").read_bytes(), content_type="text/html"))


def _moved_forward(body: bytes, by: timedelta) -> bytes:
    """The recording with every timestamp moved forward by `by`, so its roles are as recent today."""
    def shift(match: re.Match[bytes]) -> bytes:
        return (datetime.fromisoformat(match.group(0).decode()) + by).replace(microsecond=0).isoformat().encode()

    return _ISO.sub(shift, body)


def _edgar_week(app: App) -> None:
    """Backfill the EDGAR 8-K source over the week JPMorgan Chase's recorded 8-K was filed."""
    from signalwatch.cli.backfill import store_history
    from signalwatch.connectors.base import FetchContext
    from signalwatch.resolve import AccountIndex

    source = next(s for s in app.sources if s.settings.type == "edgar_8k")
    accounts, _ = app.accounts()
    week_end = datetime.combine(JPM_FILED, datetime.min.time(), UTC) + timedelta(days=1, hours=23)
    found = source.connector.backfill(FetchContext(app.http, {}, accounts, week_end), week_end - timedelta(days=4))
    if found is not None:
        store_history(app.store, AccountIndex(accounts), source.name, found[0], utcnow())


def _history(app: App) -> str:
    """The backfilled events in the store: what a new account's first poll showed without alerting."""
    from signalwatch.stories import retold

    lines = ["-- history of the new accounts, stored without alerting (backfill) --"]
    names = {account.id: account.name for account in app.store.list_accounts()}
    events = [event for _, event in app.store.list_events(limit=500) if event.attributes.get("backfill")]
    for event in sorted(events, key=lambda e: (e.source, e.occurred_at, e.account_id is None)):
        account = names.get(event.account_id, "") if event.account_id is not None else f"({event.company_name or '?'})"
        again = " (same story, another outlet)" if retold(event) else ""
        lines.append(f"  {event.source:<16} {event.occurred_at:%Y-%m-%d}  {account[:22]:<22} {event.title[:90]}{again}")
    lines.append("  (a name in brackets: the search found the item, but it is about that company, not an account;"
                 " an acquisition is stored once per side; a story told again by another outlet never alerts twice)")
    if len(lines) == 1:
        lines.append("  (none)")
    return "\n".join(lines) + "\n"
