"""The connector contract, checked for every registered connector over its recorded fixtures.

    fetch(ctx)            the only I/O; a bad payload is a FetchError or an entry in Fetched.errors
    normalize(f, now)     pure and deterministic; valid events of declared types with stable keys
    cursor and parts      JSON-able, and a re-run over the same data repeats no event

Each connector kind runs the recipe in `CASES` (tests/contract/conftest.py).
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import pytest

from signalwatch.connectors import REGISTRY
from signalwatch.events import SignalEvent
from signalwatch.eventtypes import KINDS
from signalwatch.http import FetchError, HttpClient

from .conftest import CASES, PollRecord, Routes, RunOf, build, corrupt, marked, poll_served

CASE_KINDS = sorted(CASES)
BAD_IDS = [f"{kind}-{bad.label}-{variant}" for kind in CASE_KINDS for bad in CASES[kind].bad for variant in bad.variants]


def test_every_registered_connector_has_a_case() -> None:
    missing, stale = sorted(set(REGISTRY) - set(CASES)), sorted(set(CASES) - set(REGISTRY))
    assert not missing, f"connectors without a contract recipe: {missing}; add one to CASES in tests/contract/conftest.py"
    assert not stale, f"CASES names connectors that are not registered: {stale}"


@pytest.mark.parametrize("kind", marked("run", CASE_KINDS))
def test_the_recipe_runs_the_registered_class_cleanly_and_yields_events(kind: str, recorded: RunOf) -> None:
    run = recorded(kind)
    assert {type(record.connector) for record in run.polls} == {REGISTRY[kind]}
    assert [poll.fetched.errors for poll in run.polls if poll.fetched.errors] == []
    assert run.events(), f"{kind}: the recipe's stages produce no event, so the checks below would prove nothing"


def refuse_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any connection attempt or name lookup fail loudly."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("normalize tried to use the network")

    for method in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, method, refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("kind", marked("pure", CASE_KINDS))
def test_normalize_is_pure_and_deterministic(kind: str, recorded: RunOf, monkeypatch: pytest.MonkeyPatch) -> None:
    run = recorded(kind)  # its fixture servers are stopped: normalize has nothing to reach
    refuse_network(monkeypatch)
    for number, record in enumerate(run.polls, 1):
        again = record.connector.normalize(record.fetched, record.now)
        other = build(kind, record.options).normalize(record.fetched, record.now)  # no state a fetch left on the instance
        assert again == record.normalized, f"{kind} poll {number}: a second normalize of the same Fetched differs"
        assert other == record.normalized, f"{kind} poll {number}: a fresh instance normalizes the same Fetched differently"


def json_trip(value: Any, what: str) -> Any:
    """`value` after json.dumps/json.loads, failing with `what` when it is not JSON at all."""
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError) as exc:
        raise AssertionError(f"{what} is not JSON: {exc}") from exc


@pytest.mark.parametrize("kind", marked("json", CASE_KINDS))
def test_cursor_and_part_writes_round_trip_through_json(kind: str, recorded: RunOf) -> None:
    run = recorded(kind)
    for number, record in enumerate(run.polls, 1):
        result = record.normalized
        assert json_trip(result.cursor, f"poll {number} cursor") == result.cursor
        for key, write in result.parts.items():
            if write is None:
                continue
            assert json_trip(write.head, f"poll {number} part {key!r} head") == write.head
            if write.body is not None:
                assert json_trip(write.body, f"poll {number} part {key!r} body") == write.body


def dedupe_keys(events: Iterable[SignalEvent]) -> set[str]:
    return {event.dedupe_key for event in events}


@pytest.mark.parametrize("kind", marked("rerun", CASE_KINDS))
def test_a_second_poll_over_the_same_data_repeats_no_event(kind: str, recorded: RunOf) -> None:
    run = recorded(kind)
    produced = dedupe_keys(event for record in run.stage_polls for event in record.normalized.events)
    repeated = [(event.type, event.change, event.title) for event in run.repoll.normalized.events if event.dedupe_key in produced]
    assert repeated == [], f"{kind}: re-polling the last stage from the saved cursor re-emitted {repeated}"


def event_problems(event: SignalEvent, source: str) -> list[str]:
    """What is wrong with one event against the contract; empty when nothing is."""
    problems = []
    if SignalEvent.model_validate(event.model_dump()) != event:
        problems.append("does not survive validation unchanged")
    for name in ("occurred_at", "detected_at"):
        moment = getattr(event, name)
        if moment.tzinfo is None or moment.utcoffset() != timedelta(0):
            problems.append(f"{name} {moment.isoformat()} is not UTC")
    if not event.dedupe_key.strip():
        problems.append("empty dedupe_key")
    declared = KINDS.get(event.type)
    if declared is None or event.change not in declared.changes:
        problems.append(f"{event.type}/{event.change} is not declared in signalwatch.eventtypes")
    if event.source != source:
        problems.append(f"source {event.source!r} is not the configured source name {source!r}")
    return problems


@pytest.mark.parametrize("kind", marked("events", CASE_KINDS))
def test_every_event_is_valid_utc_keyed_and_of_a_declared_type(kind: str, recorded: RunOf) -> None:
    run = recorded(kind)
    found = {f"{event.title[:60]!r}": problems for event in run.events()
             if (problems := event_problems(event, run.polls[0].connector.source_name))}
    assert found == {}


def attempt(kind: str, http: HttpClient, routes: Routes, record: PollRecord) -> PollRecord | FetchError:
    """The poll of `record` over `routes`: its record, or the FetchError that stopped it. Any other
    exception fails the test, chained so its traceback shows."""
    try:
        return poll_served(kind, http, routes, record.state, record.now)
    except FetchError as exc:
        return exc
    except Exception as exc:
        raise AssertionError(f"a bad payload raised {type(exc).__name__}: {exc} (want a FetchError or an entry in Fetched.errors)") from exc


@pytest.mark.parametrize("case_id", marked("bad", BAD_IDS))
def test_a_bad_payload_is_a_clear_error_and_loses_nothing(case_id: str, recorded: RunOf, http: HttpClient) -> None:
    kind, bad, variant = next((k, b, v) for k in CASE_KINDS for b in CASES[k].bad for v in b.variants
                              if f"{k}-{b.label}-{v}" == case_id)
    case, run = CASES[kind], recorded(kind)
    last = run.stage_polls[-1]  # the poll whose data goes bad, from the state it started at
    routes = case.stages[-1]()
    routes[bad.path] = (corrupt(routes.get(bad.path, (None,))[0], variant),)
    outcome = attempt(kind, http, routes, last)
    if isinstance(outcome, FetchError):
        # The pipeline saves nothing from a failed poll, so the cursor stays at `last.state`,
        # from which the recorded run shows the good data yields every event.
        assert re.search(bad.names, str(outcome)), f"the error does not name {bad.names!r}: {outcome}"
        return
    reported = "; ".join(f"{target}: {reason}" for target, reason in outcome.fetched.errors.items())
    assert reported, f"a {variant} body at {bad.path} went unreported (no FetchError, Fetched.errors empty)"
    assert re.search(bad.names, reported), f"the error does not name {bad.names!r}: {reported}"
    # The cursor did not move past what failed: once the source serves good data again, every
    # event of the recorded poll still arrives (in the bad poll or the next one).
    recovered = poll_served(kind, http, case.stages[-1](), last.state.after(outcome.normalized), run.repoll.now)
    lost = dedupe_keys(last.normalized.events) - dedupe_keys(outcome.normalized.events) - dedupe_keys(recovered.normalized.events)
    titles = sorted(event.title for event in last.normalized.events if event.dedupe_key in lost)
    assert not lost, f"events lost after a {variant} body at {bad.path}: {titles}"
