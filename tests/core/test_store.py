"""The store: schema matches the migrations, upgrades keep data, polls commit atomically."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from signalwatch.accounts import Account
from signalwatch.connectors.base import MemoryParts, PartWrite
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.store import AlertDraft, Store, StoreError
from signalwatch.store.migrations import MIGRATIONS, Migration, SchemaTooNewError, current_version, migrate
from signalwatch.timeutil import utcnow
from tests.polls import commit

NOW = utcnow()


def event(n: int, **extra: object) -> SignalEvent:
    return SignalEvent(
        type=EventType.FUNDING, change="raised", source="news", source_kind="rss", source_id=f"id-{n}",
        title=f"Company {n} raises $5M", occurred_at=NOW - timedelta(hours=n), detected_at=NOW,
        company_name=f"Company {n}", attributes={"amount": 5e6}, dedupe_key=make_dedupe_key("t", n), **extra,
    )


def draft(e: SignalEvent, sink: str = "console") -> AlertDraft:
    return AlertDraft(make_dedupe_key("a", e.dedupe_key, sink), "rule", None, e.dedupe_key, sink, None, "P1", {"k": 1})


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    s.migrate()
    return s


def test_migrated_schema_equals_the_table_models(store: Store) -> None:
    """The migrations (history) and the table models (today's shape) describe the schema twice, as
    any migration tool does; this keeps them from drifting: columns, their nullability, indexes and
    unique constraints must agree on a freshly migrated database."""
    inspector = sa.inspect(store.engine)
    for name, table in SQLModel.metadata.tables.items():
        migrated = {c["name"]: c["nullable"] for c in inspector.get_columns(name)}
        modelled = {c.name: c.nullable or False for c in table.columns}
        for column in table.primary_key.columns:  # SQLite reports an INTEGER PRIMARY KEY as nullable
            migrated[column.name] = modelled[column.name]
        assert migrated == modelled, name
        indexes = [i for i in inspector.get_indexes(name) if not i.get("duplicates_constraint")]  # PostgreSQL lists a UNIQUE's index
        assert {i["name"]: tuple(i["column_names"]) for i in indexes} == {
            i.name: tuple(c.name for c in i.columns) for i in table.indexes}, name
        assert {tuple(u["column_names"]) for u in inspector.get_unique_constraints(name)} == {
            tuple(c.name for c in u.columns) for u in table.constraints if isinstance(u, sa.UniqueConstraint)}, name


def test_sqlite_runs_in_wal_mode(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_migrate_is_idempotent_and_an_upgrade_keeps_data(store: Store) -> None:
    assert store.migrate() == []
    commit(store, "news", [event(1)], {"seen": ["x"]}, NOW, drafts=lambda new: [draft(e) for e in new])

    def add_column(conn: sa.Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN language VARCHAR")
        conn.exec_driver_sql("UPDATE events SET language = 'en'")

    following = MIGRATIONS[-1].version + 1
    applied = migrate(store.engine, (*MIGRATIONS, Migration(following, "add language", add_column)))
    assert applied == [following] and current_version(store.engine) == following
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT title, language FROM events").all() == [("Company 1 raises $5M", "en")]
    assert store.load_cursor("news") == {"seen": ["x"]}


def test_a_database_from_a_newer_release_is_refused(store: Store) -> None:
    migrate(store.engine, (*MIGRATIONS, Migration(99, "future", lambda conn: None)))
    with pytest.raises(SchemaTooNewError, match="version 99"):
        store.migrate()


def test_a_poll_is_committed_once_and_repeats_insert_nothing(store: Store) -> None:
    first = commit(store, "news", [event(1), event(2)], {"n": 1}, NOW, drafts=lambda new: [draft(e) for e in new])
    again = commit(store, "news", [event(1), event(2)], {"n": 2}, NOW, drafts=lambda new: [draft(e) for e in new])
    assert (len(first.new_events), first.new_alerts) == (2, 2)
    assert (len(again.new_events), again.new_alerts) == (0, 0)
    assert store.load_cursor("news") == {"n": 2}
    assert len(store.due_outbox(NOW)) == 2


def test_a_failing_evaluation_rolls_back_events_and_cursor(store: Store) -> None:
    def explode(new: list[SignalEvent]) -> list[AlertDraft]:
        raise RuntimeError("rule engine bug")

    with pytest.raises(RuntimeError):
        commit(store, "news", [event(1)], {"n": 1}, NOW, drafts=explode)
    assert store.list_events() == [] and store.load_cursor("news") == {}


def test_a_locked_database_is_a_clear_error_with_nothing_written(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite"
    Store(f"sqlite:///{path}").migrate()
    store = Store(f"sqlite:///{path}", busy_timeout=0.1)
    blocker = sa.create_engine(f"sqlite:///{path}")
    with blocker.connect() as conn:
        conn.exec_driver_sql("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError, match="database is locked, nothing was saved|nothing was saved"):
            commit(store, "news", [event(1)], {"n": 1}, NOW, drafts=lambda new: [])
        conn.exec_driver_sql("ROLLBACK")
    assert store.list_events() == [] and store.load_cursor("news") == {}


def test_claims_are_exclusive(store: Store) -> None:
    commit(store, "news", [event(1)], {}, NOW, drafts=lambda new: [draft(e) for e in new])
    (item,) = store.due_outbox(NOW)
    assert store.claim(item.id, NOW) is True
    assert store.claim(item.id, NOW) is False
    assert store.due_outbox(NOW) == []
    assert [u.id for u in store.uncertain_outbox(NOW + timedelta(seconds=1))] == [item.id]


def test_accounts_upsert_by_domain(store: Store) -> None:
    store.upsert_accounts([Account(0, "Acme", domain="acme.example", employees=10)], NOW)
    added, updated = store.upsert_accounts([Account(0, "Acme Inc", domain="acme.example", employees=20)], NOW)
    assert (added, updated) == (0, 1)
    (acme,) = store.list_accounts()
    assert acme.name == "Acme Inc" and acme.employees == 20


def test_an_amendment_updates_the_stored_facts_without_alerting(store: Store) -> None:
    original = event(1)
    commit(store, "news", [original], {}, NOW, drafts=lambda new: [draft(e) for e in new])
    amended = original.model_copy(update={"attributes": {"amount": 9e6, "is_amendment": True}, "title": "Company 1 (D/A)"})
    result = commit(store, "news", [amended], {}, NOW, drafts=lambda new: [draft(e) for e in new])
    assert (result.new_events, result.new_alerts) == ([], 0)
    ((_, stored),) = store.list_events()
    assert stored.attributes["amount"] == 9e6 and stored.title == "Company 1 (D/A)"
    assert len(store.due_outbox(NOW)) == 1


# -- keyed cursor parts -----------------------------------------------------------


def test_parts_are_saved_with_the_events_and_only_named_parts_change(store: Store) -> None:
    commit(store, "boards", [event(1)], {}, NOW, drafts=lambda new: [], parts={
        "greenhouse:acme": PartWrite({"etag": '"v1"'}, {"jobs": {"1": ["AE"]}}),
        "lever:acme": PartWrite({"etag": None}, {"jobs": {}}),
    })
    commit(store, "other", [], {}, NOW, drafts=lambda new: [], parts={"greenhouse:acme": PartWrite({"x": 1}, {})})
    parts = store.cursor_parts("boards")
    assert parts.heads == {"greenhouse:acme": {"etag": '"v1"'}, "lever:acme": {"etag": None}}
    assert parts.bodies(["greenhouse:acme", "ashby:unknown"]) == {"greenhouse:acme": {"jobs": {"1": ["AE"]}}}
    # A new head alone keeps the stored body; None forgets the part; unnamed parts stay.
    commit(store, "boards", [], None, NOW, drafts=lambda new: [], parts={
        "greenhouse:acme": PartWrite({"etag": '"v2"'}), "lever:acme": None,
    })
    parts = store.cursor_parts("boards")
    assert parts.heads == {"greenhouse:acme": {"etag": '"v2"'}}
    assert parts.bodies(["greenhouse:acme"]) == {"greenhouse:acme": {"jobs": {"1": ["AE"]}}}
    assert store.cursor_parts("other").heads == {"greenhouse:acme": {"x": 1}}


def test_a_failed_commit_writes_no_part_and_no_event(store: Store) -> None:
    commit(store, "boards", [], {}, NOW, drafts=lambda new: [],
                      parts={"greenhouse:acme": PartWrite({"hash": "a"}, {"jobs": {}})})

    def explode(new: list[SignalEvent]) -> list:
        raise RuntimeError("rule engine bug")

    with pytest.raises(RuntimeError):
        commit(store, "boards", [event(1)], None, NOW, drafts=explode, parts={
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


@pytest.fixture
def empty_url(tmp_path: Path) -> str:
    """A database no migration has run on yet."""
    return f"sqlite:///{tmp_path / 'empty.sqlite'}"


def test_migration_moves_a_v3_cursors_boards_and_surge_history_into_parts(empty_url: str) -> None:
    url = empty_url
    engine = sa.create_engine(url)
    assert migrate(engine, MIGRATIONS[:3]) == [1, 2, 3]
    board = {"hash": "h1", "etag": '"e1"', "last_modified": None,
             "jobs": {"4001": ["Account Executive", "sales", "ic", "Sales", "Berlin", False, [], 0]}}
    history = {"sales": {"posted": [], "open": [["2026-11-20T00:00:00+00:00", 1]], "fired": None}}
    insert = sa.text("INSERT INTO source_state (source, cursor, consecutive_failures, target_errors, polls) "
                     "VALUES (:source, :cursor, 0, '{}', 3)")
    with engine.begin() as conn:
        conn.execute(insert, [
            {"source": "boards", "cursor": json.dumps({"boards": {"greenhouse:acme": board}, "surge": {"7": history}})},
            {"source": "news", "cursor": json.dumps({"seen": ["a"], "etag": "x"})},
        ])
    engine.dispose()
    store = Store(url)
    assert store.migrate() == [m.version for m in MIGRATIONS[3:]]
    assert store.load_cursor("boards") == {} and store.load_cursor("news") == {"seen": ["a"], "etag": "x"}
    parts = store.cursor_parts("boards")
    assert parts.heads == {"greenhouse:acme": {"hash": "h1", "etag": '"e1"', "last_modified": None}, "account:7": {}}
    assert parts.bodies(["greenhouse:acme", "account:7"]) == {
        "greenhouse:acme": {"jobs": board["jobs"]}, "account:7": history}
    assert store.cursor_parts("news").heads == {}
    store.close()
