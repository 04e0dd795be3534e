"""Keyed cursor parts: saved with the poll's events in one transaction, read head-first, migrated from v3."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from signalwatch.connectors.base import MemoryParts, PartWrite
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.store import Store
from signalwatch.store.migrations import MIGRATIONS, migrate
from signalwatch.timeutil import utcnow

NOW = utcnow()


def event(n: int) -> SignalEvent:
    return SignalEvent(
        type=EventType.HIRING, change="posted", source="boards", source_kind="jobboards", source_id=f"job-{n}",
        title=f"Acme is hiring: role {n}", occurred_at=NOW - timedelta(hours=n), detected_at=NOW,
        company_name="Acme", attributes={}, dedupe_key=make_dedupe_key("job", n),
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    s.migrate()
    return s


def test_parts_are_saved_with_the_events_and_only_named_parts_change(store: Store) -> None:
    store.commit_poll("boards", [event(1)], {}, NOW, evaluate=lambda new: [], parts={
        "greenhouse:acme": PartWrite({"etag": '"v1"'}, {"jobs": {"1": ["AE"]}}),
        "lever:acme": PartWrite({"etag": None}, {"jobs": {}}),
    })
    store.commit_poll("other", [], {}, NOW, evaluate=lambda new: [], parts={"greenhouse:acme": PartWrite({"x": 1}, {})})
    parts = store.cursor_parts("boards")
    assert parts.heads == {"greenhouse:acme": {"etag": '"v1"'}, "lever:acme": {"etag": None}}
    assert parts.bodies(["greenhouse:acme", "ashby:unknown"]) == {"greenhouse:acme": {"jobs": {"1": ["AE"]}}}
    # A new head alone keeps the stored body; None forgets the part; unnamed parts stay.
    store.commit_poll("boards", [], None, NOW, evaluate=lambda new: [], parts={
        "greenhouse:acme": PartWrite({"etag": '"v2"'}), "lever:acme": None,
    })
    parts = store.cursor_parts("boards")
    assert parts.heads == {"greenhouse:acme": {"etag": '"v2"'}}
    assert parts.bodies(["greenhouse:acme"]) == {"greenhouse:acme": {"jobs": {"1": ["AE"]}}}
    assert store.cursor_parts("other").heads == {"greenhouse:acme": {"x": 1}}


def test_a_failed_commit_writes_no_part_and_no_event(store: Store) -> None:
    store.commit_poll("boards", [], {}, NOW, evaluate=lambda new: [],
                      parts={"greenhouse:acme": PartWrite({"hash": "a"}, {"jobs": {}})})

    def explode(new: list[SignalEvent]) -> list:
        raise RuntimeError("rule engine bug")

    with pytest.raises(RuntimeError):
        store.commit_poll("boards", [event(1)], None, NOW, evaluate=explode, parts={
            "greenhouse:acme": PartWrite({"hash": "b"}, {"jobs": {"1": ["AE"]}}), "lever:acme": PartWrite({}, {}),
        })
    parts = store.cursor_parts("boards")
    assert store.list_events() == [] and parts.heads == {"greenhouse:acme": {"hash": "a"}}
    assert parts.bodies(["greenhouse:acme"]) == {"greenhouse:acme": {"jobs": {}}}


def test_memory_parts_apply_writes_as_the_store_does() -> None:
    parts = MemoryParts({"a": ({"h": 1}, {"b": 1}), "c": ({}, {})}).updated(
        {"a": PartWrite({"h": 2}), "c": None, "d": PartWrite({"h": 4}, {"b": 4})})
    assert parts.heads == {"a": {"h": 2}, "d": {"h": 4}}
    assert parts.bodies(["a", "d", "c"]) == {"a": {"b": 1}, "d": {"b": 4}}


def test_migration_moves_a_v3_cursors_boards_and_surge_history_into_parts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v3.sqlite'}"
    engine = sa.create_engine(url)
    assert migrate(engine, MIGRATIONS[:3]) == [1, 2, 3]
    board = {"hash": "h1", "etag": '"e1"', "last_modified": None,
             "jobs": {"4001": ["Account Executive", "sales", "ic", "Sales", "Berlin", False, [], 0]}}
    history = {"sales": {"posted": [], "open": [["2026-11-20T00:00:00+00:00", 1]], "fired": None}}
    with engine.begin() as conn:
        insert = "INSERT INTO source_state (source, cursor, consecutive_failures, target_errors, polls) VALUES (?, ?, 0, '{}', 3)"
        conn.exec_driver_sql(insert, ("boards", json.dumps({"boards": {"greenhouse:acme": board}, "surge": {"7": history}})))
        conn.exec_driver_sql(insert, ("news", json.dumps({"seen": ["a"], "etag": "x"})))
    engine.dispose()
    store = Store(url)
    assert store.migrate() == [4]
    assert store.load_cursor("boards") == {} and store.load_cursor("news") == {"seen": ["a"], "etag": "x"}
    parts = store.cursor_parts("boards")
    assert parts.heads == {"greenhouse:acme": {"hash": "h1", "etag": '"e1"', "last_modified": None}, "account:7": {}}
    assert parts.bodies(["greenhouse:acme", "account:7"]) == {
        "greenhouse:acme": {"jobs": board["jobs"]}, "account:7": history}
    assert store.cursor_parts("news").heads == {}
