"""`signalwatch backfill`: a new account's recent history, dated when it happened, stored without alerting."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from signalwatch.accounts import Account
from signalwatch.cli import main
from signalwatch.connectors.base import FetchContext
from signalwatch.connectors.jobboards import JobBoardsConnector, JobBoardsOptions
from signalwatch.devtools.fixture_server import FixtureServer, Reply, relative_dates
from signalwatch.http import HttpClient, HttpSettings
from signalwatch.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures"
AIRBNB = (FIXTURES / "greenhouse/real/airbnb-list.json").read_bytes()


@pytest.fixture
def http() -> Iterator[HttpClient]:
    with HttpClient(HttpSettings(allow_private_addresses=True, per_host_interval=0, max_attempts=1)) as client:
        yield client


def test_job_board_roles_become_posted_events_dated_by_their_own_published_date(http: HttpClient) -> None:
    """The real Airbnb listing, as if read on the day it was recorded."""
    now = datetime(2026, 1, 14, 18, 45, tzinfo=UTC)
    with FixtureServer() as server:
        server.route("greenhouse/airbnb", Reply(AIRBNB, content_type="application/json"))
        for job in json.loads(AIRBNB)["jobs"]:  # the per-role detail the listing lacks: the job plus a description
            detail = dict(job, content="&lt;p&gt;Work with Salesforce.&lt;/p&gt;", departments=[{"name": "Sales"}])
            server.route(f"greenhouse/airbnb/{job['id']}", Reply(json.dumps(detail).encode(), content_type="application/json"))
        source = JobBoardsConnector("boards", JobBoardsOptions(url_templates={"greenhouse": server.url("greenhouse/{id}")}))
        account = Account(id=7, name="Airbnb", domain="airbnb.com", boards=("greenhouse:airbnb",))
        found = source.backfill(FetchContext(http=http, cursor={}, accounts=[account], now=now), now - timedelta(days=40))
    assert found is not None
    events, errors = found
    assert errors == {}
    dated = sorted((event.occurred_at.date().isoformat(), event.attributes["job_id"]) for event in events)
    # Published 2025-12-12 (three roles) and 2026-01-13; 2025-11-19 and 2025-12-02 are older than 40 days.
    assert dated == [("2025-12-12", "7456094"), ("2025-12-12", "7467432"), ("2025-12-12", "7467455"),
                     ("2026-01-13", "7535699")]
    assert {event.change for event in events} == {"posted"} and all(e.account_id == 7 for e in events)
    assert all("salesforce" in event.attributes["technologies"] for event in events)
    details = [path for path, _ in server.requests if path.count("/") == 3]
    assert len(details) == 4  # descriptions of the recent roles only



def _news_workspace(tmp_path: Path, server: FixtureServer, accounts: str) -> Path:
    """A starter folder with an account-news source on `server` (Klarna's and Boeing's recorded searches) and `accounts` imported."""
    for domain, feed in {"klarna.com": "klarna.xml", "boeing.com": "boeing.xml"}.items():
        server.route(f"search/{domain}", Reply((FIXTURES / "news/search" / feed).read_bytes(), content_type="application/rss+xml"))
    assert main(["init", str(tmp_path)]) == 0
    config = tmp_path / "signalwatch.yaml"
    text = config.read_text().replace("allow_private_addresses: false", "allow_private_addresses: true")
    text = text.replace("per_host_interval: 1.0 ", "per_host_interval: 0 ")
    text += (f"  - name: account-news\n    type: account_news\n"
             f"    url_template: \"{server.url('search/{domain}')}?q={{query}}\"\n")
    config.write_text(text)
    (tmp_path / "accounts.csv").write_text("name,domain\n" + accounts)
    assert main(["-c", str(config), "accounts", "import", str(tmp_path / "accounts.csv")]) == 0
    return config


def test_backfill_stores_a_new_accounts_news_visibly_and_sends_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    now = datetime.now(UTC)
    with FixtureServer(render=lambda body: relative_dates(body, now)) as server:
        config = _news_workspace(tmp_path, server, "Klarna,klarna.com\nBoeing,boeing.com\n")
        capsys.readouterr()
        assert main(["-c", str(config), "backfill", "--all", "--days", "30", "--source", "account-news"]) == 0
    out = capsys.readouterr().out
    assert "account-news: 3 new events (3 tied to an account) from the last 30 days" in out
    store = Store(f"sqlite:///{tmp_path / 'signalwatch.db'}")
    store.migrate()
    stored = [event for _, event in store.list_events(limit=50)]
    assert sorted((e.type, e.company_name) for e in stored) == [
        ("layoffs", "Klarna"), ("layoffs", "Klarna"), ("leadership", "Boeing")]
    assert all(e.attributes["backfill"] is True and e.occurred_at < now - timedelta(hours=12) for e in stored)
    assert store.list_outbox(limit=50) == []  # stored and visible, never alerted
    assert main(["-c", str(config), "events", "list"]) == 0
    assert "Klarna to cut 10% of its workforce" in capsys.readouterr().out



def test_backfill_takes_an_account_by_name_or_domain_as_accounts_list_shows_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No command showed account ids, so `--account ID` could not be used: a name or domain works, and
    `accounts list` shows the id; a value that names no account, or several, is refused before any fetch."""
    now = datetime.now(UTC)
    with FixtureServer(render=lambda body: relative_dates(body, now)) as server:
        config = _news_workspace(tmp_path, server, "Klarna,klarna.com\nBoeing,boeing.com\nBoeing,boeing.example\n")
        capsys.readouterr()
        assert main(["-c", str(config), "accounts", "list"]) == 0
        listed = capsys.readouterr().out
        assert listed.split("\n")[0].split()[:3] == ["id", "name", "domain"]
        assert main(["-c", str(config), "backfill", "--account", "Boeing", "--source", "account-news"]) == 1
        assert "'Boeing' names 2 accounts" in capsys.readouterr().err
        assert main(["-c", str(config), "backfill", "--account", "Klarnaa", "--source", "account-news"]) == 1
        assert "no account with id, name or domain 'Klarnaa'" in capsys.readouterr().err
        assert server.requests == []  # refused before any fetch
        assert main(["-c", str(config), "backfill", "--account", "KLARNA", "--account", "boeing.com",
                     "--days", "30", "--source", "account-news"]) == 0
    # Both searches ran; Boeing's item is not tied, since two accounts share its name (a namesake is refused).
    assert "account-news: 3 new events (2 tied to an account)" in capsys.readouterr().out


def test_backfill_all_says_which_sources_keep_no_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The starter config has news feeds only: `backfill --all` says so instead of printing nothing."""
    assert main(["init", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["-c", str(tmp_path / "signalwatch.yaml"), "backfill", "--all"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("no history to backfill from techcrunch-venture (rss), ") and "keep history" in out


def test_a_rule_that_says_backfill_alert_alerts_on_history_and_the_others_stay_quiet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Backfilled events go through the daemon's engine: only `backfill: alert` rules post."""
    now = datetime.now(UTC)
    with FixtureServer(render=lambda body: relative_dates(body, now)) as server:
        config = _news_workspace(tmp_path, server, "Boeing,boeing.com\n")
        (tmp_path / "rules" / "history.yaml").write_text(
            "rules:\n"
            "  - id: any-leader-history\n"
            "    description: leadership changes, including an account's backfilled past\n"
            "    match: {event.type: leadership}\n"
            "    backfill: alert\n"
            "    max_age: 30d\n"
            "    route: [{sink: console}]\n"
            "  - id: any-leader-live\n"
            "    description: leadership changes as they happen\n"
            "    match: {event.type: leadership}\n"
            "    max_age: 30d\n"
            "    route: [{sink: console}]\n")
        capsys.readouterr()
        assert main(["-c", str(config), "backfill", "--all", "--source", "account-news"]) == 0
    assert "account-news: 1 alert(s) queued by rules with `backfill: alert`" in capsys.readouterr().out
    store = Store(f"sqlite:///{tmp_path / 'signalwatch.db'}")
    store.migrate()
    assert [(row.rule_id, row.sink) for row in store.list_outbox(limit=50)] == [("any-leader-history", "console")]
    assert all(status.source != "account-news" for status in store.source_status())  # a backfill is not a poll
