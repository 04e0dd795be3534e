"""A job-board poll keeps one compact snapshot per board, not every board's listing and stored
snapshot at once (issue 19: a poll of 2,000 boards peaked at 400 MB, five times its peers).

Boards are built from the Lever wire shape of `tests/fixtures/lever/acme.json` (its job objects
with new ids), served on 127.0.0.1, polled into a real SQLite store as the pipeline does.
"""

from __future__ import annotations

import json
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

from hiring_boardserver import NOW, BoardServer, Route, make_connector

from signalwatch.accounts import Account
from signalwatch.connectors.base import FetchContext, Fetched, Normalized
from signalwatch.connectors.jobboards import JobBoardsConnector
from signalwatch.hiring.mentions import technologies_in
from signalwatch.http import HttpClient
from signalwatch.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures"
BOARDS = 40
ROLES = 150
# A new role's description: long, and naming a technology only after the part an event shows.
LONG_TEXT = "We sell to mid-market teams across Europe and grow fast. " * 60 + "Our pipeline lives in Salesforce."


def lever_board(board: int, roles: int, new: int = 0) -> bytes:
    """A Lever listing of `roles` roles (and `new` more with a long description)."""
    template = json.loads((FIXTURES / "lever/acme.json").read_bytes())
    jobs = []
    for n in range(roles + new):
        job = dict(template[n % len(template)], id=f"{board:08x}-0000-4000-8000-{n:012x}",
                   hostedUrl=f"https://jobs.lever.co/b{board}/{n}")
        if n >= roles:
            job.update(text="Account Executive", descriptionPlain=LONG_TEXT, description=f"<div>{LONG_TEXT}</div>")
        jobs.append(job)
    return json.dumps(jobs).encode()


def serve(server: BoardServer, new: int = 0) -> None:
    for board in range(BOARDS):
        server.serve("lever", f"b{board}", Route(lever_board(board, ROLES, new)))


def poll_into(store: Store, connector: JobBoardsConnector, http: HttpClient, now: datetime) -> tuple[Fetched, Normalized]:
    """Fetch, normalize and save one poll, as the pipeline does."""
    accounts = [Account(id=board + 1, name=f"Company {board}", boards=(f"lever:b{board}",)) for board in range(BOARDS)]
    fetched = connector.fetch(FetchContext(http=http, cursor={}, accounts=accounts, now=now,
                                           parts=store.cursor_parts("boards")))
    normalized = connector.normalize(fetched, now)
    with store.poll_unit("boards", now) as unit:
        unit.insert(normalized.events)
        unit.save_cursor(normalized.cursor)
        unit.save_parts(normalized.parts)
    return fetched, normalized


def test_a_poll_of_changed_boards_holds_little_more_than_their_stored_snapshots(
        board_server: BoardServer, http: HttpClient, tmp_path: Path) -> None:
    serve(board_server)
    connector = make_connector(board_server, concurrency=2)
    store = Store(f"sqlite:///{tmp_path}/sw.db")
    store.migrate()
    poll_into(store, connector, http, NOW)  # the baseline
    parts = store.cursor_parts("boards")
    stored = sum(len(json.dumps(body)) for body in parts.bodies(list(parts.heads)).values())
    serve(board_server, new=1)  # every board changed: one new role each
    later = NOW + timedelta(hours=6)
    accounts = [Account(id=board + 1, name=f"Company {board}", boards=(f"lever:b{board}",)) for board in range(BOARDS)]
    technologies_in("Salesforce")  # the technology catalog loads once per process: not this poll's memory
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        fetched = connector.fetch(FetchContext(http=http, cursor={}, accounts=accounts, now=later,
                                               parts=store.cursor_parts("boards")))
        held = tracemalloc.get_traced_memory()[0] - before
        normalized = connector.normalize(fetched, later)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert len(normalized.events) == BOARDS and {event.change for event in normalized.events} == {"posted"}
    assert sum(1 for item in fetched.items if item.read_snapshot) == BOARDS  # every stored snapshot was diffed
    # A decoded snapshot takes some five times its JSON. Held for every board until the poll is
    # saved, beside every board's listing, they came to over five times the stored size (eight
    # at the peak); what a poll keeps now is the boards' next rows, about twice.
    sizes = f"held {held / 1e6:.2f} MB, peak {peak / 1e6:.2f} MB for {stored / 1e6:.2f} MB of stored snapshots"
    assert held < 3 * stored, sizes
    assert peak < 6 * stored, sizes  # beside the boards in flight (two here): their bodies and listings
    store.close()


def test_a_new_roles_event_shows_the_start_of_its_text_and_every_technology_in_all_of_it(
        board_server: BoardServer, http: HttpClient, tmp_path: Path) -> None:
    serve(board_server)
    connector = make_connector(board_server, concurrency=2)
    store = Store(f"sqlite:///{tmp_path}/sw.db")
    store.migrate()
    poll_into(store, connector, http, NOW)
    serve(board_server, new=2)
    fetched, normalized = poll_into(store, connector, http, NOW + timedelta(hours=6))
    events = [event for event in normalized.events if event.account_id == 1]
    assert [event.attributes["title"] for event in events] == ["Account Executive", "Account Executive"]
    for event in events:
        assert "salesforce" in event.attributes["technologies"]  # named after character 3,000
        assert event.summary == LONG_TEXT[:500]
    # What the poll kept of the board's new roles is the text their events show, not the whole ad.
    kept = next(item for item in fetched.items if item.key == "lever:b0")
    assert kept.listed is None and all(len(posting.markup) <= 500 for posting in kept.new.values())
    # Saved in one unit: the next poll finds them known, and nothing new.
    _, again = poll_into(store, connector, http, NOW + timedelta(hours=12))
    assert again.events == []
    store.close()


def test_a_poll_that_fails_before_its_commit_loses_no_role_and_the_next_one_reports_them_once(
        board_server: BoardServer, http: HttpClient, tmp_path: Path) -> None:
    """The boards are diffed as they arrive, but nothing is saved until the poll's one transaction:
    a crash after the diffs leaves the stored snapshots as they were, so the re-run finds the same roles."""
    serve(board_server)
    connector = make_connector(board_server, concurrency=2)
    store = Store(f"sqlite:///{tmp_path}/sw.db")
    store.migrate()
    poll_into(store, connector, http, NOW)
    serve(board_server, new=1)
    later = NOW + timedelta(hours=6)
    accounts = [Account(id=board + 1, name=f"Company {board}", boards=(f"lever:b{board}",)) for board in range(BOARDS)]
    fetched = connector.fetch(FetchContext(http=http, cursor={}, accounts=accounts, now=later,
                                           parts=store.cursor_parts("boards")))
    lost = connector.normalize(fetched, later)
    try:
        with store.poll_unit("boards", later) as unit:
            unit.insert(lost.events)
            unit.save_parts(lost.parts)
            raise RuntimeError("the process dies before the commit")
    except RuntimeError:
        pass
    assert store.list_events() == []
    _, rerun = poll_into(store, connector, http, later + timedelta(minutes=5))
    assert sorted(e.dedupe_key for e in rerun.events) == sorted(e.dedupe_key for e in lost.events)
    _, after = poll_into(store, connector, http, later + timedelta(hours=6))
    assert after.events == []  # stored once, reported once
    store.close()
