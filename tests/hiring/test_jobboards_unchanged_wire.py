"""A poll in which no board changed, as the boards see it: every board is asked conditionally
with the ETag it gave last time, answers 304, and nothing is stored; and a board that redirects
off the allowed addresses is refused without being fetched. (The source client sends these
GETs straight to its own connections since issue 19; this is what must not change.)"""

from __future__ import annotations

from datetime import timedelta

from hiring_boardserver import NOW, PATHS, BoardServer, Route, make_connector, poll

from signalwatch.accounts import Account
from signalwatch.http import HttpClient, HttpSettings

FIXTURES = {"greenhouse": "greenhouse/acme.json", "lever": "lever/acme.json", "ashby": "ashby/acme.json"}


def accounts(count: int) -> list[Account]:
    providers = sorted(FIXTURES)
    return [Account(id=n + 1, name=f"Company {n}", boards=(f"{providers[n % 3]}:b{n}",)) for n in range(count)]


def serve_boards(server: BoardServer, count: int) -> None:
    providers = sorted(FIXTURES)
    for n in range(count):
        server.serve_fixture(providers[n % 3], f"b{n}", FIXTURES[providers[n % 3]], etag=f'"b{n}-1"')


def test_nothing_changed_every_board_is_asked_with_its_etag_answers_304_and_nothing_is_stored(
    board_server: BoardServer, http: HttpClient
) -> None:
    serve_boards(board_server, 30)
    connector = make_connector(board_server, concurrency=8)
    _, first = poll(connector, http, accounts(30), {}, NOW)
    assert len(first.state.boards) == 30
    board_server.answered.clear()
    fetched, again = poll(connector, http, accounts(30), first.state, NOW + timedelta(hours=6))
    assert fetched.errors == {}
    assert sorted(board_server.answered) == sorted(
        (PATHS[sorted(FIXTURES)[n % 3]].format(id=f"b{n}"), f'"b{n}-1"', 304) for n in range(30))
    assert {item.status for item in fetched.items} == {"unchanged"}
    assert again.events == [] and again.normalized.parts == {}
    assert again.state.cursor == first.state.cursor and again.state.parts.heads == first.state.parts.heads


def test_a_board_redirected_to_a_private_address_fails_alone_and_is_not_fetched(board_server: BoardServer) -> None:
    serve_boards(board_server, 6)
    moved = PATHS["greenhouse"].format(id="b1")  # board 1 is a Greenhouse board
    board_server.serve("greenhouse", "b1", Route(b"", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}))
    # Private addresses refused, as in production; the fake server's own address counts as public.
    settings = HttpSettings(allow_private_addresses=False, per_host_interval=0, max_attempts=1)
    with HttpClient(settings, address_allowed=lambda ip: str(ip) == "127.0.0.1") as http:
        fetched, _ = poll(make_connector(board_server, concurrency=4), http, accounts(6), {}, NOW)
    assert set(fetched.errors) == {"greenhouse:b1"}
    assert "non-public address 169.254.169.254" in fetched.errors["greenhouse:b1"]
    assert [path for path, _, _ in board_server.answered].count(moved) == 1  # the redirect only; nothing followed
    assert len(board_server.answered) == 6
