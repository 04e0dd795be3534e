"""Backfill on an account's first poll: the daemon's poll of a source reads a new account's recent
history too, stores it as `backfill: true`, and never alerts on it — even under a rule that matches."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from signalwatch.accounts import Account
from signalwatch.config import load_settings
from signalwatch.devtools.fixture_server import FixtureServer, Reply, relative_dates
from signalwatch.runtime.app import App, build_app
from signalwatch.runtime.first_poll import BACKFILL_KEY
from signalwatch.runtime.pipeline import poll_source

SEARCH = Path(__file__).parent.parent / "fixtures" / "news" / "search"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
RULE = """rules:
  - id: any-people-or-layoff-news
    description: every leadership or layoffs event of any account
    match:
      event.type: [leadership, layoffs]
    priority: P1
    route:
      - sink: console
"""


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with FixtureServer(render=lambda body: relative_dates(body, NOW)) as fake:
        for domain, feed in {"klarna.com": "klarna.xml", "boeing.com": "boeing.xml"}.items():
            fake.route(f"search/{domain}", Reply((SEARCH / feed).read_bytes(), content_type="application/rss+xml"))
        yield fake


@pytest.fixture
def app(server: FixtureServer, tmp_path: Path) -> Iterator[App]:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "news.yaml").write_text(RULE)
    config = tmp_path / "signalwatch.yaml"
    config.write_text(
        f"database: sw.db\nrules_dir: {tmp_path / 'rules'}\n"
        "http: {allow_private_addresses: true, per_host_interval: 0, max_attempts: 1}\n"
        "sources:\n"
        f"  - name: account-news\n    type: account_news\n    interval: 15m\n    cycle: 15m\n"
        f"    url_template: \"{server.url('search/{domain}')}?q={{query}}\"\n"
    )
    built = build_app(load_settings(config))
    yield built
    built.http.close()
    built.store.close()


def _searches(server: FixtureServer, domain: str) -> int:
    return sum(1 for path, _ in server.requests if f"/search/{domain}" in path)


def test_a_new_accounts_history_is_stored_quietly_on_its_first_poll(app: App, server: FixtureServer) -> None:
    source = app.sources[0]
    app.store.upsert_accounts([Account(id=0, name="Klarna", domain="klarna.com")], NOW)

    first = poll_source(app, source, NOW)

    assert first.ok and first.new_events == 2 and first.new_alerts == 0
    stored = [event for _, event in app.store.list_events(source="account-news")]
    assert sorted((e.type, e.company_name, e.attributes["backfill"]) for e in stored) == [
        ("layoffs", "Klarna", True), ("layoffs", "Klarna", True)]
    assert all(e.account_id is not None and e.occurred_at < NOW - timedelta(hours=12) for e in stored)
    assert app.store.list_outbox(limit=50) == []  # the rule matches them; history still never alerts
    assert _searches(server, "klarna.com") == 1  # the backfill's, handed to the live poll as its baseline

    app.store.upsert_accounts([Account(id=0, name="Boeing", domain="boeing.com")], NOW)
    second = poll_source(app, source, NOW + timedelta(minutes=15))

    assert second.ok and second.new_events == 1 and second.new_alerts == 0
    boeing = [e for _, e in app.store.list_events(source="account-news") if e.company_name == "Boeing"]
    assert [(e.type, e.attributes["backfill"]) for e in boeing] == [("leadership", True)]
    assert _searches(server, "klarna.com") == 2  # its live search again; Klarna is not backfilled a second time
    klarna = [headers for path, headers in server.requests if "/search/klarna.com" in path]
    assert "if-none-match" not in klarna[0] and klarna[1]["if-none-match"]  # asked with the handed-over answer's ETag
    assert _searches(server, "boeing.com") == 1
    assert app.store.list_outbox(limit=50) == []
    mark = app.store.load_cursor("account-news")[BACKFILL_KEY]
    assert mark == max(account.id for account in app.store.list_accounts())

    third = poll_source(app, source, NOW + timedelta(minutes=30))
    assert third.ok and third.new_events == 0
    assert _searches(server, "boeing.com") == 2  # its live search only: nobody new, no backfill at all
