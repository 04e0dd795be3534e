"""Two `signalwatch run --once` on one database at the same moment (cron overlapping a manual
run): both succeed, every event is stored once and every alert is queued and sent once."""

from __future__ import annotations

import collections
import os
import threading
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from signalwatch.config import DATABASE_ENV
from signalwatch.devtools.fixture_server import FixtureServer, Reply, relative_dates
from signalwatch.timeutil import utcnow
from tests.conftest import Workspace
from tests.e2e.test_run_once import EXPECTED, received, standard_sources

ROUNDS = 2  # the lockstep feeds put both processes between reading and writing; a second round repeats it from a clean slate
POLL_TABLES = ("outbox", "events", "cursor_parts", "source_state", "leases")


class LockstepFeeds(FixtureServer):
    """The recorded feeds, each path answered only once both processes asked for it, so both
    polls reach the store with the same new events at the same moment."""

    def __init__(self) -> None:
        super().__init__(render=lambda body: relative_dates(body, utcnow()))
        self._barriers: dict[str, threading.Barrier] = {}

    def _next_reply(self, path: str) -> Reply | None:
        with self._lock:
            barrier = self._barriers.setdefault(path, threading.Barrier(2, timeout=30))
        barrier.wait()
        return super()._next_reply(path)

    def reset(self) -> None:
        with self._lock:
            self._barriers.clear()


@pytest.fixture
def lockstep_feeds() -> Iterator[LockstepFeeds]:
    with LockstepFeeds() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgres"])
def db_workspace(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """The standard workspace on SQLite, or with its database on PostgreSQL."""
    if request.param == "postgres":
        monkeypatch.setenv(DATABASE_ENV, request.getfixturevalue("pg_url"))
    workspace: Workspace = request.getfixturevalue("workspace")
    return workspace


def database(workspace: Workspace) -> sa.Engine:
    return sa.create_engine(os.environ.get(DATABASE_ENV) or f"sqlite:///{workspace.root / 'signalwatch.db'}")


def column(engine: sa.Engine, query: str) -> collections.Counter[str]:
    """How often each value of a one-column query occurs."""
    with engine.connect() as conn:
        return collections.Counter(value for (value,) in conn.exec_driver_sql(query))


def forget_polls(engine: sa.Engine) -> None:
    """Back to a database that has accounts but has never polled."""
    with engine.begin() as conn:
        for table in POLL_TABLES:
            conn.exec_driver_sql(f"DELETE FROM {table}")


def test_two_concurrent_run_once_both_succeed_and_each_alert_exists_once(
        db_workspace: Workspace, feeds: FixtureServer, lockstep_feeds: LockstepFeeds) -> None:
    workspace = db_workspace
    workspace.write_config(standard_sources(feeds))  # one process alone: what must be stored
    assert workspace.cli("run", "--once").returncode == 0
    engine = database(workspace)
    expected_events = column(engine, "SELECT dedupe_key FROM events")
    expected_alerts = column(engine, "SELECT alert_key FROM outbox")
    assert expected_events and expected_alerts

    workspace.write_config(standard_sources(lockstep_feeds))
    try:
        for round_ in range(ROUNDS):
            forget_polls(engine)
            workspace.slack.messages.clear()
            lockstep_feeds.reset()
            first, second = workspace.popen("run", "--once"), workspace.popen("run", "--once")
            outputs = [p.communicate(timeout=120) for p in (first, second)]
            errors = [err for _, err in outputs]
            assert (first.returncode, second.returncode) == (0, 0), f"round {round_}: {errors}"
            assert not any("UNIQUE constraint failed" in err or "duplicate key" in err for err in errors), errors

            assert column(engine, "SELECT dedupe_key FROM events") == expected_events  # none lost, none twice
            assert column(engine, "SELECT alert_key FROM outbox") == expected_alerts
            assert sorted(received(workspace.slack)) == sorted(EXPECTED), f"round {round_}"
            sent = collections.Counter(m["metadata"]["event_payload"]["alert_key"] for m in workspace.slack.messages)
            assert max(sent.values()) == 1
    finally:
        engine.dispose()
