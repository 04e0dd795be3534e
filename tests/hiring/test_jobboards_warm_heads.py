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


def stored_events(app: App) -> list[str]:
    return sorted(e.dedupe_key for _, e in app.store.list_events(source="job-boards"))


def test_a_warm_poll_sends_every_validator_without_reading_the_heads_from_the_store(
        board_server: BoardServer, tmp_path: Path) -> None:
    serve(board_server, 1)
    app, _ = workspace(board_server, tmp_path, BOARDS)
    source = app.sources[0]
    assert poll_source(app, source, NOW).ok  # the baseline
    for hours in (6, 12):
        asked = len(board_server.answered)
        with heads_reads(app) as reads:
            report = poll_source(app, source, NOW + timedelta(hours=hours))
        assert report.ok and report.new_events == 0
        assert reads == []  # the heads this process wrote, not read back
        assert sorted(tag for tag, _ in conditional(board_server, asked)) == sorted(f'"b{n}-v1"' for n in range(BOARDS))
        assert set(conditional(board_server, asked)) == {(f'"b{n}-v1"', 304) for n in range(BOARDS)}
    app.http.close()
    app.store.close()


def test_a_restarted_poller_reads_the_heads_once_and_sends_the_stored_validators(
        board_server: BoardServer, tmp_path: Path) -> None:
    serve(board_server, 1)
    app, config = workspace(board_server, tmp_path, BOARDS)
    assert poll_source(app, app.sources[0], NOW).ok
    app.http.close()
    app.store.close()

    restarted = build_app(load_settings(config))
    source = restarted.sources[0]
    for hours, expected_reads in ((6, 1), (12, 0)):
        asked = len(board_server.answered)
        with heads_reads(restarted) as reads:
            assert poll_source(restarted, source, NOW + timedelta(hours=hours)).new_events == 0
        assert len(reads) == expected_reads
        assert conditional(board_server, asked) == Counter({(f'"b{n}-v1"', 304): 1 for n in range(BOARDS)})
    restarted.http.close()
    restarted.store.close()


def test_another_process_s_recorded_poll_makes_the_next_poll_read_the_heads(
        board_server: BoardServer, tmp_path: Path) -> None:
    serve(board_server, 1)
    app, config = workspace(board_server, tmp_path, BOARDS)
    assert poll_source(app, app.sources[0], NOW).ok  # this process keeps version 1's heads
    serve(board_server, 2, new=1)
    other = build_app(load_settings(config))  # a daemon that took the lease over, and polled
    assert poll_source(other, other.sources[0], NOW + timedelta(hours=6)).new_events == BOARDS
    other.http.close()
    other.store.close()

    asked = len(board_server.answered)
    with heads_reads(app) as reads:
        report = poll_source(app, app.sources[0], NOW + timedelta(hours=12))
    assert report.ok and report.new_events == 0 and len(reads) == 1
    assert conditional(board_server, asked) == Counter({(f'"b{n}-v2"', 304): 1 for n in range(BOARDS)})
    app.http.close()
    app.store.close()


def test_a_stale_validator_costs_a_200_and_a_reparse_and_stores_nothing_twice(
        board_server: BoardServer, tmp_path: Path) -> None:
    """Another process commits every group of a poll and dies before recording it: the poll counter
    does not move, so this process's kept heads still carry version 1's validators."""
    serve(board_server, 1)
    app, config = workspace(board_server, tmp_path, BOARDS)
    assert poll_source(app, app.sources[0], NOW).ok
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
    other.http.close()
    other.store.close()  # ... and the process dies here, its poll never recorded
    stored = stored_events(app)
    assert len(stored) == BOARDS

    asked = len(board_server.answered)
    report = poll_source(app, app.sources[0], NOW + timedelta(hours=12))
    assert report.ok and report.new_events == 0 and stored_events(app) == stored
    assert conditional(board_server, asked) == Counter({(f'"b{n}-v1"', 200): 1 for n in range(BOARDS)})
    asked = len(board_server.answered)
    assert poll_source(app, app.sources[0], NOW + timedelta(hours=18)).new_events == 0
    assert conditional(board_server, asked) == Counter({(f'"b{n}-v2"', 304): 1 for n in range(BOARDS)})
    assert stored_events(app) == stored
    app.http.close()
    app.store.close()
