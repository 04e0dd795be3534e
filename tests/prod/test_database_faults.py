"""The database full or locked during a poll: a clear error in the report, nothing half-written,
and the next poll after the fault saves everything (the cursor never moved ahead)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import event as sa_event

from signalwatch.config import load_settings
from signalwatch.devtools.fixture_server import FixtureServer
from signalwatch.runtime.app import App, build_app
from signalwatch.runtime.pipeline import poll_source
from signalwatch.store import Store
from signalwatch.timeutil import utcnow
from tests.conftest import SLACK_TOKEN, Workspace
from tests.e2e.test_run_once import standard_sources


@pytest.fixture
def app(workspace: Workspace, feeds: FixtureServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    workspace.write_config(standard_sources(feeds))
    built = build_app(load_settings(workspace.config))
    yield built
    built.close()


def saved(app: App) -> tuple[int, int, dict]:
    return len(app.store.list_events(limit=1000)), len(app.store.list_outbox(limit=1000)), app.store.load_cursor("funding-news")


def test_a_full_disk_fails_the_poll_cleanly_and_the_next_poll_saves_everything(app: App, workspace: Workspace) -> None:
    path = workspace.root / "signalwatch.db"
    healthy_store = app.store
    healthy_store.engine.dispose()  # its idle connections would keep the file in WAL mode
    with sqlite3.connect(path) as conn:
        # No free pages left inside the file (a migration may have dropped a table), and pages so
        # small that the poll's first event already needs a new one (an empty table's page is free space).
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA page_size=512")
        conn.execute("VACUUM")
        conn.execute("PRAGMA journal_mode=WAL")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    full = Store(app.store.url)
    # SQLite's own size cap stands in for a full disk: writes past it fail with SQLITE_FULL.
    sa_event.listen(full.engine, "connect", lambda dbapi, _: dbapi.execute(f"PRAGMA max_page_count = {pages}"))
    app.store = full
    (funding, _people) = app.sources
    report = poll_source(app, funding, utcnow())
    assert not report.ok and "database or disk is full" in (report.error or "") and "nothing was saved" in (report.error or "")
    assert saved(app) == (0, 0, {})

    app.store = healthy_store  # space freed
    retry = poll_source(app, funding, utcnow())
    assert retry.ok and retry.new_events > 0 and retry.new_alerts > 0
    events, alerts, cursor = saved(app)
    assert events == retry.new_events and alerts == retry.new_alerts and cursor.get("seen")
    full.close()


def test_a_locked_database_fails_the_poll_cleanly_and_loses_nothing(app: App, workspace: Workspace, tmp_path: Path) -> None:
    healthy_store = app.store
    app.store = Store(app.store.url, busy_timeout=0.2)
    (funding, _people) = app.sources
    blocker = sa.create_engine(app.store.url)
    with blocker.connect() as conn:  # e.g. a backup job holding an exclusive lock
        conn.exec_driver_sql("BEGIN EXCLUSIVE")
        report = poll_source(app, funding, utcnow())
        conn.exec_driver_sql("ROLLBACK")
    assert not report.ok and "database is locked" in (report.error or "")
    assert saved(app) == (0, 0, {})
    app.store.close()
    app.store = healthy_store
    retry = poll_source(app, funding, utcnow())
    assert retry.ok and retry.new_events > 0 and saved(app)[0] == retry.new_events
    blocker.dispose()
