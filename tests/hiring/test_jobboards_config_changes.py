"""The boards a poll visits follow the accounts as they are now, though the daemon works them out
once per accounts' configuration (`connectors/jobboards/plan.py`, issue 19): a board added between
two polls is polled on the next one, a board removed is no longer asked for and its state is
forgotten, and an account renamed is named by its new name in the next event.

Boards are Lever listings built from `tests/fixtures/lever/acme.json` (as in
`test_jobboards_chunked_commit`), served with ETags on 127.0.0.1 and polled by the real pipeline
into a real SQLite store, one App (so one connector) across the polls, as the daemon does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from hiring_boardserver import NOW, BoardServer, Route, make_connector, poll
from test_jobboards_chunked_commit import jobboards_app, lever_board

from signalwatch.accounts import Account
from signalwatch.http import HttpClient
from signalwatch.runtime.app import App
from signalwatch.runtime.pipeline import poll_source

COLUMNS = {"name", "domain", "boards"}


def serve(server: BoardServer, board: int, roles: int = 3, new: int = 0) -> None:
    server.serve("lever", f"b{board}", Route(lever_board(board, roles, new), etag=f'"b{board}-{roles}-{new}"'))


def company(n: int, *boards: int, name: str | None = None) -> Account:
    return Account(id=0, name=name or f"Company {n}", domain=f"company{n}.com", boards=tuple(f"lever:b{b}" for b in boards))


def daemon(server: BoardServer, tmp_path: Path, accounts: list[Account]) -> App:
    return jobboards_app(server, tmp_path, accounts)[0]


def asked(server: BoardServer) -> dict[str, int]:
    """Board id → the status it answered, for the requests since the last `clear`."""
    return {path.rstrip("/").split("/")[-1].split("?")[0]: status for path, _, status in server.answered}


def test_a_board_added_or_removed_between_two_polls_is_polled_or_dropped_on_the_next(
        board_server: BoardServer, tmp_path: Path) -> None:
    for n in range(5):
        serve(board_server, n)
    app = daemon(board_server, tmp_path, [company(0, 0), company(1, 1), company(2, 2)])
    source = app.sources[0]
    app.sources[0].connector.commit_every = 2  # type: ignore[attr-defined]
    assert poll_source(app, source, NOW).ok
    board_server.answered.clear()
    assert poll_source(app, source, NOW + timedelta(hours=6)).ok
    assert asked(board_server) == {"b0": 304, "b1": 304, "b2": 304}

    # Company 1 now names b3 as well, a new account names b4, and company 2 names no board.
    app.store.upsert_accounts([company(1, 1, 3), company(4, 4), company(2)], NOW + timedelta(hours=7), columns=COLUMNS)
    board_server.answered.clear()
    assert poll_source(app, source, NOW + timedelta(hours=12)).ok
    assert asked(board_server) == {"b0": 304, "b1": 304, "b3": 200, "b4": 200}
    heads = app.store.cursor_parts("job-boards").heads
    assert {key for key in heads if key.startswith("lever:")} == {"lever:b0", "lever:b1", "lever:b3", "lever:b4"}

    # The new boards' baselines hold: next time they are asked with their ETags, and their new roles are news.
    serve(board_server, 3, new=1)
    board_server.answered.clear()
    report = poll_source(app, source, NOW + timedelta(hours=18))
    assert report.ok and report.new_events == 1
    assert asked(board_server) == {"b0": 304, "b1": 304, "b3": 200, "b4": 304}
    [(_, event)] = app.store.list_events(source="job-boards")
    assert event.attributes["board"] == "lever:b3" and event.company_name == "Company 1"

    # A board named again after it was dropped starts from a new baseline: no flood of old roles.
    app.store.upsert_accounts([company(2, 2)], NOW + timedelta(hours=19), columns=COLUMNS)
    board_server.answered.clear()
    report = poll_source(app, source, NOW + timedelta(hours=24))
    assert report.ok and report.new_events == 0 and asked(board_server)["b2"] == 200
    app.http.close()
    app.store.close()


def test_an_account_renamed_between_polls_is_named_by_its_new_name_in_the_next_event(
        board_server: BoardServer, tmp_path: Path) -> None:
    serve(board_server, 0)
    app = daemon(board_server, tmp_path, [company(0, 0, name="Acme")])
    source = app.sources[0]
    assert poll_source(app, source, NOW).ok
    app.store.upsert_accounts([company(0, 0, name="Acme Robotics")], NOW + timedelta(hours=1), columns=COLUMNS)
    serve(board_server, 0, new=1)
    report = poll_source(app, source, NOW + timedelta(hours=6))
    assert report.ok and report.new_events == 1
    [(_, event)] = app.store.list_events(source="job-boards")
    assert event.company_name == "Acme Robotics" and event.title.startswith("Acme Robotics ")
    app.http.close()
    app.store.close()


def test_accounts_changed_in_the_same_list_between_polls_change_what_is_polled(
        board_server: BoardServer, http: HttpClient) -> None:
    """A caller may keep one list and edit it: the boards polled follow its contents, not its identity."""
    for n in range(4):
        serve(board_server, n)
    accounts = [Account(id=1, name="One", boards=("lever:b0",)), Account(id=2, name="Two", boards=("lever:b1",))]
    connector = make_connector(board_server)
    _, first = poll(connector, http, accounts, None, NOW)
    accounts.append(Account(id=3, name="Three", boards=("lever:b2",)))
    accounts[0] = replace(accounts[0], boards=("lever:b3",))  # same number of accounts and boards as before
    board_server.answered.clear()
    fetched, second = poll(connector, http, accounts, first.state, NOW + timedelta(hours=6))
    assert asked(board_server) == {"b1": 304, "b2": 200, "b3": 200}
    assert {item.key for item in fetched.items} == {"lever:b1", "lever:b2", "lever:b3"}
    assert "lever:b0" not in second.state.parts.heads  # forgotten
