"""Contract of the `jobboards` connector against a fake board server speaking the real formats."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from hiring_boardserver import NOW, BoardServer, BoardState, Route, make_connector, poll
from pydantic import ValidationError

from signalwatch.accounts import Account
from signalwatch.connectors import get_connector_class
from signalwatch.connectors.base import Fetched, MemoryParts
from signalwatch.connectors.jobboards import JobBoardsConnector, JobBoardsOptions
from signalwatch.events import SignalEvent

FIXTURES = Path(__file__).parent.parent / "fixtures"

ALL_BOARDS = [
    ("greenhouse", "acme", "greenhouse/acme.json"),
    ("lever", "acme", "lever/acme.json"),
    ("lever-eu", "acme", "lever/acme.json"),
    ("ashby", "acme", "ashby/acme.json"),
    ("workable", "acme", "workable/acme.json"),
    ("recruitee", "acme", "recruitee/acme.json"),
    ("personio", "acme", "personio/acme.xml"),
]


def serve_all(server: BoardServer) -> None:
    for provider, board_id, fixture in ALL_BOARDS:
        server.serve_fixture(provider, board_id, fixture)
    server.serve_fixture("smartrecruiters", "Acme", "smartrecruiters/acme-offset-0.json")
    server.serve("smartrecruiters", "Acme", Route((FIXTURES / "smartrecruiters/acme-offset-100.json").read_bytes()),
                 path="/smartrecruiters/v1/companies/Acme/postings?offset=100&limit=100")


def accounts() -> list[Account]:
    return [
        Account(id=1, name="Acme", domain="acme.com",
                boards=("greenhouse:acme", "lever:acme", "ashby:acme", "workable:acme")),
        Account(id=2, name="Acme Europe", domain="acme.eu",
                boards=("lever-eu:acme", "recruitee:acme", "personio:acme", "smartrecruiters:Acme")),
    ]


def read_parts(fetched: Fetched) -> set[str]:
    """The cursor parts whose stored body a poll read: the boards' snapshots (diffed by the fetch
    workers, which keep only the next rows) and the accounts' surge histories."""
    return {item.key for item in fetched.items if item.read_snapshot} | set(fetched.part_bodies)


def grow_greenhouse(server: BoardServer, *titles: str) -> None:
    """Add roles to the Greenhouse board, as a company opening new positions would."""
    document = json.loads((FIXTURES / "greenhouse/acme.json").read_bytes())
    template = document["jobs"][0]
    for n, title in enumerate(titles):
        document["jobs"].append({**template, "id": 5000 + n, "title": title, "absolute_url": f"https://x/{5000 + n}"})
    server.serve("greenhouse", "acme", Route(json.dumps(document).encode()))


def test_registered_under_its_kind_with_options_that_forbid_unknown_keys() -> None:
    assert get_connector_class("jobboards") is JobBoardsConnector
    with pytest.raises(ValidationError):
        JobBoardsOptions(concurency=4)  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="unknown providers"):
        JobBoardsOptions(providers=["taleo"])
    assert JobBoardsOptions(window="14d").window == timedelta(days=14)


def test_first_poll_is_a_baseline_and_an_identical_poll_adds_nothing(board_server, http) -> None:
    serve_all(board_server)
    connector = make_connector(board_server)
    fetched, first = poll(connector, http, accounts(), {}, NOW)
    assert fetched.errors == {}
    assert {item.key for item in fetched.items} == {
        "greenhouse:acme", "lever:acme", "lever-eu:acme", "ashby:acme", "workable:acme", "recruitee:acme",
        "personio:acme", "smartrecruiters:Acme",
    }
    assert sum(len(item.postings) for item in fetched.items) == 3 + 2 + 2 + 2 + 2 + 2 + 2 + 105
    assert first.events == []  # baseline: no flood of "posted" for roles that were already open
    json.dumps([first.state.cursor, first.state.boards])  # the cursor and its parts must be JSON-able
    fetched, second = poll(connector, http, accounts(), first.state, NOW + timedelta(hours=6))
    assert second.events == [] and {item.status for item in fetched.items} == {"unchanged"}
    assert second.normalized.parts == {} and second.state.cursor == first.state.cursor  # nothing to write
    assert read_parts(fetched) == set()  # and no stored snapshot was read


def test_new_roles_become_valid_posted_events_with_stable_keys(board_server, http) -> None:
    serve_all(board_server)
    connector = make_connector(board_server)
    _, baseline = poll(connector, http, accounts(), {}, NOW)
    grow_greenhouse(board_server, "VP, GTM Operations", "Salesforce Administrator")
    later = NOW + timedelta(hours=6)
    _, result = poll(connector, http, accounts(), baseline.state, later)
    assert len(result.events) == 2
    for event in result.events:
        assert SignalEvent.model_validate(event.model_dump()) == event
        assert (event.type, event.change, event.account_id, event.match_confidence, event.match_method) == (
            "hiring", "posted", 1, 1.0, "board")
        assert set(event.attributes) >= {"title", "function", "seniority", "department", "location", "remote",
                                         "technologies", "open_roles", "job_id", "provider", "board"}
    vp = next(e for e in result.events if e.attributes["title"] == "VP, GTM Operations")
    attributes = vp.attributes
    assert (attributes["function"], attributes["seniority"], attributes["board"]) == ("revops", "vp", "greenhouse:acme")
    assert vp.attributes["open_roles"] == 4  # Head of Revenue Ops, Lever's VP GTM Operations, and the two new ones
    assert vp.company_name == "Acme" and vp.company_domain == "acme.com" and vp.url == "https://x/5000"
    _, again = poll(connector, http, accounts(), baseline.state, later)
    assert [e.dedupe_key for e in again.events] == [e.dedupe_key for e in result.events]
    _, repeat = poll(connector, http, accounts(), result.state, later + timedelta(hours=6))
    assert repeat.events == []


def test_removed_role_closes_on_the_second_miss_and_a_dropped_board_is_forgotten(board_server, http) -> None:
    serve_all(board_server)
    connector = make_connector(board_server)
    _, start = poll(connector, http, accounts(), {}, NOW)
    document = json.loads((FIXTURES / "greenhouse/acme.json").read_bytes())
    document["jobs"] = document["jobs"][1:]
    board_server.serve("greenhouse", "acme", Route(json.dumps(document).encode()))
    _, once = poll(connector, http, accounts(), start.state, NOW + timedelta(hours=6))
    assert once.events == []
    # The second account no longer names its boards.
    fetched, twice = poll(connector, http, [accounts()[0]], once.state, NOW + timedelta(hours=12))
    assert [(e.change, e.attributes["title"], e.attributes["open_roles"]) for e in twice.events] == [
        ("closed", "Sr. AE – EMEA", 2)]  # sales roles still open: the CRO on Ashby, the AE on Workable
    # The body did not change: the board's snapshot is read (a role is pending closure), not re-parsed.
    assert fetched.items[0].status == "unchanged" and read_parts(fetched) == {"greenhouse:acme", "account:1"}
    dropped = {"lever-eu:acme", "recruitee:acme", "personio:acme", "smartrecruiters:Acme", "account:2"}
    assert {key for key, write in twice.normalized.parts.items() if write is None} == dropped
    assert set(twice.state.boards) == {"greenhouse:acme", "lever:acme", "ashby:acme", "workable:acme"}


def test_failing_boards_are_reported_while_the_others_continue(board_server, http) -> None:
    serve_all(board_server)
    html_page = Route(b"<!DOCTYPE html><html><title>Jobs</title></html>", content_type="text/html")
    board_server.serve("ashby", "acme", html_page)
    connector = make_connector(board_server)
    board = accounts()[0]
    broken = Account(id=3, name="Gone Inc", boards=("greenhouse:gone", "greenhouse:", "taleo:x"))
    fetched, result = poll(connector, http, [board, broken], {}, NOW)
    assert "HTTP 404" in fetched.errors["greenhouse:gone"]
    assert "got HTML" in fetched.errors["ashby:acme"]
    assert "provider:id" in fetched.errors["greenhouse:"] and "unknown provider" in fetched.errors["taleo:x"]
    assert set(result.state.boards) == {"greenhouse:acme", "lever:acme", "workable:acme"}
    # The failed board recovers later: its first good poll is a baseline, not a flood.
    serve_all(board_server)
    _, recovered = poll(connector, http, [board], result.state, NOW + timedelta(hours=6))
    assert recovered.events == [] and "ashby:acme" in recovered.state.boards


def test_an_outage_never_closes_roles(board_server, http) -> None:
    serve_all(board_server)
    connector = make_connector(board_server)
    _, start = poll(connector, http, accounts(), {}, NOW)
    board_server.serve("greenhouse", "acme", Route(b"oops", status=500))
    state = start.state
    for hours in (6, 12, 18):
        fetched, result = poll(connector, http, accounts(), state, NOW + timedelta(hours=hours))
        assert "HTTP 500" in fetched.errors["greenhouse:acme"] and result.events == []
        state = result.state
    assert state.boards["greenhouse:acme"] == start.state.boards["greenhouse:acme"]


def test_unchanged_board_uses_conditional_get_and_costs_no_parsing(board_server, http) -> None:
    board_server.serve_fixture("greenhouse", "acme", "greenhouse/acme.json", etag='"v1"')
    connector = make_connector(board_server)
    board = [Account(id=1, name="Acme", boards=("greenhouse:acme",))]
    _, start = poll(connector, http, board, {}, NOW)
    assert start.state.boards["greenhouse:acme"]["etag"] == '"v1"'
    fetched, result = poll(connector, http, board, start.state, NOW + timedelta(hours=1))
    assert fetched.items[0].status == "unchanged" and fetched.items[0].postings is None
    assert result.normalized.parts == {} and result.state.cursor == start.state.cursor


def test_empty_personio_feed_is_a_board_with_no_roles(board_server, http) -> None:
    board_server.serve_fixture("personio", "acme", "personio/empty.xml")
    connector = make_connector(board_server)
    board = [Account(id=1, name="Acme", boards=("personio:acme",))]
    fetched, start = poll(connector, http, board, {}, NOW)
    assert fetched.errors == {} and start.state.boards["personio:acme"]["jobs"] == {}
    board_server.serve_fixture("personio", "acme", "personio/acme.xml")
    _, result = poll(connector, http, board, start.state, NOW + timedelta(hours=1))
    assert [(e.change, e.attributes["function"]) for e in result.events] == [("posted", "sales"), ("posted", "people")]
    assert result.events[0].url == "https://acme.jobs.personio.de/job/1204311"


def test_a_hiring_surge_is_one_event_not_one_per_role(board_server, http) -> None:
    serve_all(board_server)
    connector = make_connector(board_server, threshold=3, window="30d")
    board = [accounts()[0]]
    _, start = poll(connector, http, board, {}, NOW)
    grow_greenhouse(board_server, "Account Executive", "Enterprise Account Executive", "Sales Manager")
    _, result = poll(connector, http, board, start.state, NOW + timedelta(days=1))
    surges = [e for e in result.events if e.change == "surge"]
    assert len(surges) == 1 and len(result.events) == 4
    surge = surges[0]
    assert surge.attributes["function"] == "sales" and surge.attributes["new_roles"] == 3
    assert surge.attributes["open_roles"] == 6  # 4 sales roles on Greenhouse, the CRO on Ashby, the AE on Workable
    assert surge.title == "Acme is growing its sales team: 3 new roles in 30 days"
    grow_greenhouse(board_server, "Account Executive", "Enterprise Account Executive", "Sales Manager",
                    "Account Executive II", "Sales Director")
    _, more = poll(connector, http, board, result.state, NOW + timedelta(days=2))
    assert [e.change for e in more.events] == ["posted", "posted"]  # same surge: no second alert


def test_concurrency_bound_and_allowed_providers_are_respected(board_server, http) -> None:
    serve_all(board_server)
    connector = make_connector(board_server, concurrency=1, providers=["greenhouse"])
    fetched, _ = poll(connector, http, accounts(), {}, NOW)
    assert [item.key for item in fetched.items] == ["greenhouse:acme"]
    assert len(board_server.requests) == 1


def test_technologies_named_in_the_posting_are_attached(board_server, http) -> None:
    board_server.serve("greenhouse", "acme", Route(b'{"jobs": [], "meta": {"total": 0}}'))
    connector = make_connector(board_server)
    board = [Account(id=1, name="Acme", boards=("greenhouse:acme",))]
    _, start = poll(connector, http, board, {}, NOW)
    board_server.serve_fixture("greenhouse", "acme", "greenhouse/acme.json")
    _, result = poll(connector, http, board, start.state, NOW + timedelta(hours=1))
    by_title = {e.attributes["title"]: e.attributes["technologies"] for e in result.events}
    assert "salesforce" in by_title["Sr. AE – EMEA"]
    assert {"salesforce", "hubspot", "snowflake"} <= set(by_title["Head of Revenue Ops"])


def test_a_board_named_by_two_accounts_is_fetched_once_and_reported_to_both(board_server, http) -> None:
    board_server.serve("lever", "acme", Route(b"[]"))
    connector = make_connector(board_server)
    both = [Account(id=1, name="Acme", boards=("lever:acme",)),
            Account(id=7, name="Acme Holding", boards=("lever:acme",))]
    _, start = poll(connector, http, both, {}, NOW)
    board_server.serve_fixture("lever", "acme", "lever/acme.json")
    _, result = poll(connector, http, both, start.state, NOW + timedelta(hours=1))
    assert len(board_server.requests) == 2
    assert sorted((e.account_id, e.attributes["title"]) for e in result.events) == [
        (1, "SDR (French speaking)"), (1, "VP, GTM Operations"),
        (7, "SDR (French speaking)"), (7, "VP, GTM Operations")]
    assert len({e.dedupe_key for e in result.events}) == 4


def test_only_a_changed_boards_snapshot_and_its_accounts_history_are_read_and_written(board_server, http) -> None:
    serve_all(board_server)
    connector = make_connector(board_server)
    _, start = poll(connector, http, accounts(), {}, NOW)
    grow_greenhouse(board_server, "Account Executive")
    fetched, result = poll(connector, http, accounts(), start.state, NOW + timedelta(hours=6))
    assert read_parts(fetched) == {"greenhouse:acme", "account:1"}
    assert set(result.normalized.parts) == {"greenhouse:acme", "account:1"}
    assert result.normalized.cursor == {}
    # Open roles still count every board of the account, the unchanged ones from their heads alone.
    assert result.events[0].attributes["open_roles"] == 4  # three sales roles before (see the surge test) + 1


def test_a_board_migrated_from_the_one_row_cursor_keeps_its_snapshot(board_server, http) -> None:
    board_server.serve_fixture("greenhouse", "acme", "greenhouse/acme.json", etag='"v1"')
    connector = make_connector(board_server)
    board = [Account(id=1, name="Acme", boards=("greenhouse:acme",))]
    _, start = poll(connector, http, board, {}, NOW)
    # What migration 4 makes of a v3 cursor: the board's validators as head (no counts yet), its jobs as body.
    legacy = {key: ({k: v for k, v in part.items() if k in ("hash", "etag", "last_modified")}, {"jobs": part["jobs"]})
              for key, part in start.state.boards.items()}
    migrated = BoardState({}, MemoryParts(legacy))
    fetched, result = poll(connector, http, board, migrated, NOW + timedelta(hours=1))
    assert fetched.items[0].status == "unchanged" and result.events == []
    assert result.normalized.parts["greenhouse:acme"].body is None  # same snapshot: only the head gains its counts
    assert result.state.boards["greenhouse:acme"]["open"] == start.state.boards["greenhouse:acme"]["open"]
    grow_greenhouse(board_server, "Account Executive")
    _, grown = poll(connector, http, board, migrated, NOW + timedelta(hours=2))
    assert [(e.change, e.attributes["title"]) for e in grown.events] == [("posted", "Account Executive")]


def test_a_baseline_sent_with_an_etag_skips_the_body_hash_and_a_same_body_under_a_new_etag_adds_nothing(
        board_server, http) -> None:
    board_server.serve_fixture("greenhouse", "acme", "greenhouse/acme.json", etag='"v1"')
    board_server.serve_fixture("smartrecruiters", "Acme", "smartrecruiters/acme-offset-0.json", etag='"p1"')
    board_server.serve("smartrecruiters", "Acme", Route((FIXTURES / "smartrecruiters/acme-offset-100.json").read_bytes()),
                       path="/smartrecruiters/v1/companies/Acme/postings?offset=100&limit=100")
    connector = make_connector(board_server)
    board = [Account(id=1, name="Acme", boards=("greenhouse:acme", "smartrecruiters:Acme"))]
    _, start = poll(connector, http, board, {}, NOW)
    assert start.state.boards["greenhouse:acme"]["hash"] is None  # its next poll sends the ETag back
    assert start.state.boards["smartrecruiters:Acme"]["hash"]  # paged: polled unconditionally, the hash decides
    board_server.serve_fixture("greenhouse", "acme", "greenhouse/acme.json", etag='"v2"')  # new ETag, same roles
    fetched, second = poll(connector, http, board, start.state, NOW + timedelta(hours=6))
    assert fetched.errors == {} and second.events == []
    assert set(second.normalized.parts) == {"greenhouse:acme"}  # the new ETag and the hash, nothing else
    assert second.normalized.parts["greenhouse:acme"].body is None  # the snapshot stays as stored
    assert second.state.boards["greenhouse:acme"]["etag"] == '"v2"' and second.state.boards["greenhouse:acme"]["hash"]
    fetched, third = poll(connector, http, board, second.state, NOW + timedelta(hours=12))
    assert third.events == [] and third.normalized.parts == {}
    assert {item.status for item in fetched.items} == {"unchanged"}
