"""The poll counter a poll's unit reports (`PollUnit.polls`, which the kept cursor-part heads are
tagged with: `store.heads`) is the one its own write set, now returned by that write instead of
read back: on the first poll (insert), a changed cursor (upsert) and an unchanged one (update),
also after another process recorded polls in between."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from signalwatch.store import Store
from signalwatch.store.tables import SourceStateRow
from tests.core.test_store import NOW

STATE = SourceStateRow.__table__  # type: ignore[attr-defined]


def stored_polls(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(STATE.c.polls).where(STATE.c.source == "news")).scalar_one())


def test_each_poll_reports_the_counter_its_own_write_set(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    store, other = Store(f"sqlite:///{path}"), Store(f"sqlite:///{path}")
    store.migrate()
    reported = []
    for cursor in ({"seen": ["a"]}, {"seen": ["a", "b"]}, None, None):
        with store.poll_unit("news", NOW) as unit:
            unit.save_cursor(cursor)
        reported.append((unit.polls, stored_polls(store)))
        other.record_poll_failure("news", "timeout", NOW)  # another process's poll moves the counter too
    assert reported == [(1, 1), (3, 3), (5, 5), (7, 7)]
    assert store.load_cursor("news") == {"seen": ["a", "b"]}  # an unchanged cursor is not rewritten
    assert store.load_cursor("elsewhere") == {}
    store.close()
    other.close()
