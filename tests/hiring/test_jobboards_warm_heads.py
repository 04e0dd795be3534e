"""A long-running poller keeps its job boards' heads (validators, body hashes, open-role counts) between
polls instead of reading them from the store at every poll (`signalwatch.store.heads`); the store
stays the truth for a restarted process, after another process's recorded poll, and, when a stale
head slips through, a stale validator costs a 200 and a re-parse that stores nothing twice.

Boards are Lever listings with ETags served on 127.0.0.1, polled through the real pipeline into a
real SQLite store; the store's SQL is watched with SQLAlchemy's statement events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from hiring_boardserver import NOW, BoardServer, Route
from sqlalchemy import event
from test_jobboards_chunked_commit import lever_board, workspace

from signalwatch.config import load_settings
from signalwatch.connectors.base import FetchContext
from signalwatch.runtime.app import App, build_app
from signalwatch.runtime.pipeline import commit_events, poll_source

BOARDS = 6


def serve(server: BoardServer, version: int, new: int = 0) -> None:
    """Every board at `version` (an ETag of its own), with `new` more roles than version 1."""
    for n in range(BOARDS):
        server.serve("lever", f"b{n}", Route(lever_board(n, 4, new=new), etag=f'"b{n}-v{version}"'))


@contextmanager
def heads_reads(app: App) -> Iterator[list[str]]:
    """The statements that read cursor-part heads while the block runs (bodies are read by key)."""
    seen: list[str] = []

    def watch(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "FROM cursor_parts" in statement and " IN (" not in statement:
            seen.append(statement)

    event.listen(app.store.engine, "before_cursor_execute", watch)
    try:
        yield seen
    finally:
        event.remove(app.store.engine, "before_cursor_execute", watch)


def conditional(server: BoardServer, since: int) -> Counter[tuple[str | None, int]]:
    """The requests after the first `since`: (the If-None-Match they sent, the status answered)."""
    return Counter((tag, status) for _, tag, status in server.answered[since:])


def every_board(version: int, status: int) -> Counter[tuple[str | None, int]]:
    """One request per board, sending version `version`'s ETag and answered `status`."""
    return Counter({(f'"b{n}-v{version}"', status): 1 for n in range(BOARDS)})


def stored_events(app: App) -> list[str]:
    return sorted(e.dedupe_key for _, e in app.store.list_events(source="job-boards"))


def polled_once(server: BoardServer, tmp_path: Path) -> tuple[App, Path]:
    """A new app whose source polled every board once at version 1 (the baselines); and its config."""
    serve(server, 1)
    app, config = workspace(server, tmp_path, BOARDS)
    assert poll_source(app, app.sources[0], NOW).ok
    return app, config


def close(app: App) -> None:
    app.http.close()
    app.store.close()


def test_a_warm_poll_sends_every_validator_without_reading_the_heads_from_the_store(
        board_server: BoardServer, tmp_path: Path) -> None:
    app, _ = polled_once(board_server, tmp_path)
    for hours in (6, 12):
        asked = len(board_server.answered)
        with heads_reads(app) as reads:
            report = poll_source(app, app.sources[0], NOW + timedelta(hours=hours))
        assert report.ok and report.new_events == 0
        assert reads == []  # the heads this process wrote, not read back
        assert conditional(board_server, asked) == every_board(1, 304)
    close(app)


def test_a_restarted_poller_reads_the_heads_once_and_sends_the_stored_validators(
        board_server: BoardServer, tmp_path: Path) -> None:
    app, config = polled_once(board_server, tmp_path)
    close(app)
    restarted = build_app(load_settings(config))
    for hours, expected_reads in ((6, 1), (12, 0)):
        asked = len(board_server.answered)
        with heads_reads(restarted) as reads:
            assert poll_source(restarted, restarted.sources[0], NOW + timedelta(hours=hours)).new_events == 0
        assert len(reads) == expected_reads
        assert conditional(board_server, asked) == every_board(1, 304)
    close(restarted)


def test_another_process_s_recorded_poll_makes_the_next_poll_read_the_heads(
        board_server: BoardServer, tmp_path: Path) -> None:
    app, config = polled_once(board_server, tmp_path)  # this process keeps version 1's heads
    serve(board_server, 2, new=1)
    other = build_app(load_settings(config))  # a daemon that took the lease over, and polled
    assert poll_source(other, other.sources[0], NOW + timedelta(hours=6)).new_events == BOARDS
    close(other)

    asked = len(board_server.answered)
    with heads_reads(app) as reads:
        report = poll_source(app, app.sources[0], NOW + timedelta(hours=12))
    assert report.ok and report.new_events == 0 and len(reads) == 1
    assert conditional(board_server, asked) == every_board(2, 304)
    close(app)


def test_a_stale_validator_costs_a_200_and_a_reparse_and_stores_nothing_twice(
        board_server: BoardServer, tmp_path: Path) -> None:
    """Another process commits every group of a poll and dies before recording it: the poll counter
    does not move, so this process's kept heads still carry version 1's validators."""
    app, config = polled_once(board_server, tmp_path)
    serve(board_server, 2, new=1)
    other = build_app(load_settings(config))
    connector, later = other.sources[0].connector, NOW + timedelta(hours=6)
    accounts, index = other.accounts()
    context = FetchContext(other.http, other.store.load_cursor("job-boards"), accounts, later,
                           other.store.cursor_parts("job-boards"))
    for chunk in connector.fetch_chunks(context):  # as the pipeline commits a poll's groups
        normalized = connector.normalize(chunk, later)
        events = [index.apply(e) for e in normalized.events]
        commit_events(other.store, other.engine, {a.id: a for a in accounts}, "job-boards", events, None, later,
                      parts=normalized.parts, poll=False)
    close(other)  # ... and the process dies here, its poll never recorded
    stored = stored_events(app)
    assert len(stored) == BOARDS

    asked = len(board_server.answered)
    report = poll_source(app, app.sources[0], NOW + timedelta(hours=12))
    assert report.ok and report.new_events == 0 and stored_events(app) == stored
    assert conditional(board_server, asked) == every_board(1, 200)
    asked = len(board_server.answered)
    assert poll_source(app, app.sources[0], NOW + timedelta(hours=18)).new_events == 0
    assert conditional(board_server, asked) == every_board(2, 304)
    assert stored_events(app) == stored
    close(app)
