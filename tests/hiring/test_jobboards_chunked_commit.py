"""A job-board poll is committed a group of boards at a time, so its memory follows the group, not
the number of boards (issue 19), and a crash between groups loses and repeats nothing.

Boards are built from the Lever wire shape of `tests/fixtures/lever/acme.json` (its job objects
with new ids), served on 127.0.0.1, polled through the real pipeline into a real SQLite store.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import tracemalloc
from collections import Counter
from datetime import timedelta
from pathlib import Path

from hiring_boardserver import NOW, PATHS, BoardServer, Route, make_connector, poll

from signalwatch.accounts import Account
from signalwatch.config import load_settings
from signalwatch.connectors.base import FetchContext, PartWrite
from signalwatch.http import HttpClient
from signalwatch.runtime.app import App, build_app
from signalwatch.runtime.pipeline import poll_source
from tests.waiting import wait_for

FIXTURES = Path(__file__).parent.parent / "fixtures"
RULES = Path(__file__).resolve().parents[2] / "rules"
LEVER = json.loads((FIXTURES / "lever/acme.json").read_bytes())


def lever_board(board: int, roles: int, new: int = 0, title: str | None = None) -> bytes:
    """A Lever listing of `roles` roles, and `new` more (titled `title` if given)."""
    jobs = []
    for n in range(roles + new):
        job = dict(LEVER[n % len(LEVER)], id=f"{board:08x}-0000-4000-8000-{n:012x}",
                   hostedUrl=f"https://jobs.lever.co/b{board}/{n}")
        if n >= roles and title:
            job["text"] = title
        jobs.append(job)
    return json.dumps(jobs).encode()


def workspace(server: BoardServer, tmp_path: Path, boards: int) -> tuple[App, Path]:
    """An app polling `boards` Lever boards, account n naming board bn."""
    return jobboards_app(server, tmp_path, [Account(id=0, name=f"Company {n}", domain=f"company{n}.com",
                                                    boards=(f"lever:b{n}",)) for n in range(boards)])


def jobboards_app(server: BoardServer, tmp_path: Path, accounts: list[Account]) -> tuple[App, Path]:
    """An app whose one `jobboards` source polls `server`, with `accounts` stored; and its config file."""
    config = tmp_path / "signalwatch.yaml"
    config.write_text(
        f"database: sw.db\nrules_dir: {RULES}\n"
        "http: {allow_private_addresses: true, per_host_interval: 0, max_attempts: 1, timeout: 60}\n"
        "sources:\n"
        "  - name: job-boards\n    type: jobboards\n    interval: 6h\n    concurrency: 2\n"
        f"    url_templates: {json.dumps({p: server.base + path for p, path in PATHS.items()})}\n"
    )
    app = build_app(load_settings(config))
    app.store.upsert_accounts(accounts, NOW)
    return app, config


def job_ids(app: App) -> dict[str, set[str]]:
    """Each board's stored snapshot: its job ids."""
    parts = app.store.cursor_parts("job-boards")
    bodies = parts.bodies([key for key in parts.heads if key.startswith("lever:")])
    return {key: set(body["jobs"]) for key, body in bodies.items()}


class Held(dict):  # type: ignore[type-arg]
    """The fake server's routes, with one path whose answer waits until `release` is set."""

    def __init__(self, routes: dict, path: str) -> None:  # type: ignore[type-arg]
        super().__init__(routes)
        self.path, self.asked, self.release = path, threading.Event(), threading.Event()

    def get(self, key, default=None):  # type: ignore[no-untyped-def]
        if key == self.path:
            self.asked.set()
            self.release.wait(60)
        return super().get(key, default)


def polled_then_grown(board_server: BoardServer, tmp_path: Path) -> tuple[App, Path, Held]:
    """Six boards polled once in groups of two (b0-b1, b2-b3, b4-b5: the baselines), then one new role
    on every board, the second group's first board answering only once its `Held` is released."""
    for n in range(6):
        board_server.serve("lever", f"b{n}", Route(lever_board(n, 4)))
    app, config = workspace(board_server, tmp_path, 6)
    app.sources[0].connector.commit_every = 2  # type: ignore[attr-defined]
    assert poll_source(app, app.sources[0], NOW).ok
    for n in range(6):
        board_server.serve("lever", f"b{n}", Route(lever_board(n, 4, new=1)))
    held = Held(board_server.routes, PATHS["lever"].format(id="b2"))
    board_server.routes = held
    return app, config, held


CHILD = """
import sys
from datetime import datetime
from signalwatch.config import load_settings
from signalwatch.runtime.app import build_app
from signalwatch.runtime.pipeline import poll_source
app = build_app(load_settings(sys.argv[1]))
source = app.sources[0]
source.connector.commit_every = 2
poll_source(app, source, datetime.fromisoformat(sys.argv[2]))
"""


def test_a_crash_between_committed_groups_loses_no_role_and_reports_none_twice(
        board_server: BoardServer, tmp_path: Path) -> None:
    app, config, held = polled_then_grown(board_server, tmp_path)
    source = app.sources[0]
    baseline = job_ids(app)
    later = NOW + timedelta(hours=6)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(config), later.isoformat()],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert held.asked.wait(60), "the second group was never fetched"
        # The first group is committed before the second is fetched: its two roles are stored.
        wait_for(lambda: len(app.store.list_events(source="job-boards")) == 2, what="the first group's commit")
        child.send_signal(signal.SIGKILL)  # the process dies with the second group in flight
        child.wait(timeout=30)
    finally:
        held.release.set()
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        assert child.stderr is not None
        child.stderr.close()  # nothing reads what the killed child wrote
    # The committed boards' snapshots moved with their events; the others are as they were.
    after_crash = job_ids(app)
    assert {key for key in after_crash if after_crash[key] != baseline[key]} == {"lever:b0", "lever:b1"}
    status = {s.source: s for s in app.store.source_status()}["job-boards"]
    assert status.last_success_at == NOW and status.consecutive_failures == 0  # the poll never completed

    rerun = poll_source(app, source, later + timedelta(minutes=5))
    assert rerun.ok and rerun.new_events == 4  # the four boards the crash left are diffed again
    events = [event for _, event in app.store.list_events(source="job-boards")]
    assert Counter(event.attributes["job_id"] for event in events).most_common(1)[0][1] == 1
    assert {event.attributes["board"] for event in events} == {f"lever:b{n}" for n in range(6)}
    assert all(event.change == "posted" for event in events) and len(events) == 6
    status = {s.source: s for s in app.store.source_status()}["job-boards"]
    assert status.last_success_at == later + timedelta(minutes=5) and status.target_errors == {}
    settled = job_ids(app)
    assert poll_source(app, source, later + timedelta(hours=6)).new_events == 0  # nothing reported twice
    assert job_ids(app) == settled
    app.http.close()
    app.store.close()


def test_a_poll_in_groups_finds_what_one_poll_of_every_board_finds(board_server: BoardServer, http: HttpClient) -> None:
    """Surges and open-role counts are per account over all of its boards: an account's boards, and
    a board's accounts, are committed in one group however the accounts list them."""
    for n in range(7):
        board_server.serve("lever", f"b{n}", Route(lever_board(n, 3)))
    accounts = [
        Account(id=1, name="One", boards=("lever:b0", "lever:b5")),  # two boards far apart in the list
        Account(id=2, name="Two", boards=("lever:b1",)),
        Account(id=3, name="Three", boards=("lever:b2", "lever:b3")),
        Account(id=4, name="Four", boards=("lever:b3",)),  # a board two accounts name
        Account(id=5, name="Five", boards=("lever:b4", "lever:b6", "lever:nope!")),  # and one that cannot be polled
    ]
    connector = make_connector(board_server, threshold=3)
    _, first = poll(connector, http, accounts, None, NOW)
    # A board no account names any more is forgotten, in one poll as in groups.
    stored = first.state.parts.updated({"lever:gone": PartWrite({"hash": None, "open": {}, "pending": 0}, {"jobs": {}})})
    for n in (0, 5, 3):  # three new sales roles at account One (over two boards) and on the shared board
        board_server.serve("lever", f"b{n}", Route(lever_board(n, 3, new=3, title="Account Executive")))
    later = NOW + timedelta(hours=6)
    fetched = connector.fetch(FetchContext(http=http, cursor={}, accounts=accounts, now=later, parts=stored))
    whole = connector.normalize(fetched, later)
    connector.commit_every = 1
    events, writes, errors = [], {}, {}
    for chunk in connector.fetch_chunks(FetchContext(http=http, cursor={}, accounts=accounts, now=later, parts=stored)):
        normalized = connector.normalize(chunk, later)
        events += normalized.events
        assert not writes.keys() & normalized.parts.keys(), "a cursor part written by two groups"
        writes.update(normalized.parts)
        errors.update(chunk.errors)
    surges = [event for event in events if event.change == "surge"]
    assert {(event.account_id, event.attributes["function"]) for event in surges} == {(1, "sales"), (3, "sales"), (4, "sales")}
    assert sorted(e.dedupe_key for e in events) == sorted(e.dedupe_key for e in whole.events)
    assert [e.model_dump() for e in sorted(events, key=lambda e: e.dedupe_key)] == [
        e.model_dump() for e in sorted(whole.events, key=lambda e: e.dedupe_key)]
    assert writes == whole.parts and writes["lever:gone"] is None
    assert errors == dict(fetched.errors) and "lever:nope!" in errors


def test_a_poll_holds_one_group_of_boards_not_every_board(board_server: BoardServer, tmp_path: Path) -> None:
    boards = 80
    for n in range(boards):
        board_server.serve("lever", f"b{n}", Route(lever_board(n, 150)))
    app, _ = workspace(board_server, tmp_path, boards)
    source = app.sources[0]
    source.connector.commit_every = 4  # type: ignore[attr-defined]
    assert poll_source(app, source, NOW).ok
    parts = app.store.cursor_parts("job-boards")
    stored = sum(len(json.dumps(body)) for body in parts.bodies(list(parts.heads)).values())
    for n in range(boards):  # every board changed: two new roles each
        board_server.serve("lever", f"b{n}", Route(lever_board(n, 150, new=2, title="Account Executive")))
    poll_source(app, source, NOW + timedelta(hours=1))  # warm: the technology catalog, the rules' state
    for n in range(boards):
        board_server.serve("lever", f"b{n}", Route(lever_board(n, 150, new=4, title="Account Executive")))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        report = poll_source(app, source, NOW + timedelta(hours=6))
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert report.ok and report.new_events == 2 * boards
    # Committed whole, the poll held every board's next rows and events until its one commit: 3.3
    # times the stored snapshots' JSON here. In groups of 4 boards it holds one group's (a twentieth)
    # beside what does not depend on the group: the boards' heads, the rules engine's state, ~1 MB.
    assert peak < 2 * stored, f"peak {peak / 1e6:.2f} MB for {stored / 1e6:.2f} MB of stored snapshots"
    app.http.close()
    app.store.close()


def test_a_poll_that_fails_part_way_is_a_failed_poll_and_keeps_the_groups_it_committed(
        board_server: BoardServer, tmp_path: Path) -> None:
    app, _, held = polled_then_grown(board_server, tmp_path)
    source = app.sources[0]
    later = NOW + timedelta(hours=6)
    reports = []
    poller = threading.Thread(target=lambda: reports.append(poll_source(app, source, later)))
    poller.start()
    database = sqlite3.connect(tmp_path / "sw.db")
    try:
        assert held.asked.wait(60), "the second group was never fetched"
        wait_for(lambda: len(app.store.list_events(source="job-boards")) == 2, what="the first group's commit")
        # The database cannot be read while the second group is diffed: its stored snapshot is lost to it.
        database.execute("ALTER TABLE cursor_parts RENAME TO cursor_parts_away")
        held.release.set()
        poller.join(60)
    finally:
        held.release.set()
    assert reports and not reports[0].ok
    status = {s.source: s for s in app.store.source_status()}["job-boards"]
    assert status.consecutive_failures == 1 and status.last_success_at == NOW and status.last_error_at == later
    database.execute("ALTER TABLE cursor_parts_away RENAME TO cursor_parts")
    database.close()
    rerun = poll_source(app, source, later + timedelta(minutes=5))
    assert rerun.ok and rerun.new_events == 4  # the first group's two roles were kept, and are not reported again
    events = [event for _, event in app.store.list_events(source="job-boards")]
    assert sorted(event.attributes["board"] for event in events) == [f"lever:b{n}" for n in range(6)]
    status = {s.source: s for s in app.store.source_status()}["job-boards"]
    assert status.consecutive_failures == 0 and status.last_success_at == later + timedelta(minutes=5)
    app.http.close()
    app.store.close()


def test_a_group_that_cannot_be_saved_stops_the_poll_and_the_next_poll_saves_it(
        board_server: BoardServer, tmp_path: Path) -> None:
    app, _, held = polled_then_grown(board_server, tmp_path)
    source = app.sources[0]
    baseline = job_ids(app)
    later = NOW + timedelta(hours=6)
    reports = []
    poller = threading.Thread(target=lambda: reports.append(poll_source(app, source, later)))
    poller.start()
    database = sqlite3.connect(tmp_path / "sw.db")
    try:
        assert held.asked.wait(60), "the second group was never fetched"
        wait_for(lambda: len(app.store.list_events(source="job-boards")) == 2, what="the first group's commit")
        database.execute("ALTER TABLE events RENAME TO events_away")  # the second group's events cannot be stored
        held.release.set()
        poller.join(60)
    finally:
        held.release.set()
    database.execute("ALTER TABLE events_away RENAME TO events")
    database.close()
    assert reports and not reports[0].ok and "events" in (reports[0].error or "")
    # The second group's snapshots did not move without its events, and the poll stopped there.
    after = job_ids(app)
    assert {key for key in after if after[key] != baseline[key]} == {"lever:b0", "lever:b1"}
    assert {s.source: s for s in app.store.source_status()}["job-boards"].last_success_at == NOW
    rerun = poll_source(app, source, later + timedelta(minutes=5))
    assert rerun.ok and rerun.new_events == 4
    events = [event for _, event in app.store.list_events(source="job-boards")]
    assert sorted(event.attributes["board"] for event in events) == [f"lever:b{n}" for n in range(6)]
    app.http.close()
    app.store.close()


def test_a_stored_snapshot_that_cannot_be_read_fails_the_poll_not_the_board(
        board_server: BoardServer, tmp_path: Path) -> None:
    """A board is diffed against its stored snapshot, read from the database during the fetch: a
    database that cannot be read then is the poll's failure, as when it cannot be written, not one
    "failed board" per changed board in a poll recorded as a success."""
    for n in range(2):
        board_server.serve("lever", f"b{n}", Route(lever_board(n, 4)))
    app, _ = workspace(board_server, tmp_path, 2)
    source = app.sources[0]
    assert poll_source(app, source, NOW).ok
    for n in range(2):  # one new role on each board: each is diffed against its stored snapshot
        board_server.serve("lever", f"b{n}", Route(lever_board(n, 4, new=1)))
    later = NOW + timedelta(hours=6)
    database = sqlite3.connect(tmp_path / "sw.db")
    # The heads are kept in this process since the first poll (`store.heads`): only the bodies are read.
    database.execute("ALTER TABLE cursor_parts RENAME TO cursor_parts_away")
    report = poll_source(app, source, later)
    database.execute("ALTER TABLE cursor_parts_away RENAME TO cursor_parts")
    database.close()
    assert not report.ok and "cursor_parts" in (report.error or "")
    assert "write failed" not in (report.error or "")  # a read failed: the admin is not sent after a write fault
    status = {s.source: s for s in app.store.source_status()}["job-boards"]
    assert status.last_success_at == NOW and status.consecutive_failures == 1 and status.target_errors == {}
    rerun = poll_source(app, source, later + timedelta(minutes=5))
    assert rerun.ok and rerun.new_events == 2
    status = {s.source: s for s in app.store.source_status()}["job-boards"]
    assert status.last_success_at == later + timedelta(minutes=5) and status.consecutive_failures == 0
    assert poll_source(app, source, later + timedelta(hours=6)).new_events == 0  # nothing reported twice
    app.http.close()
    app.store.close()
