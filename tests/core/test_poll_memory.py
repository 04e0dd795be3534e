"""Memory a long-running daemon gives back or never keeps: the allocator's free pages after a
chunked poll (`runtime.ahead`, `runtime.memory`) and the store's prepared SQLite statements."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from signalwatch.store import Store

GLIBC = sys.platform.startswith("linux") and "CS_GNU_LIBC_VERSION" in getattr(os, "confstr_names", {})

# A poll in chunks whose work frees ~30 MB below the top of the heap its worker thread allocates
# from (blocks under glibc's mmap threshold, then a small block after them that outlives the poll,
# as the long-lived objects of a real poll do): RSS after the caller has taken every chunk.
POLL = """
from signalwatch.runtime.ahead import one_ahead

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20

kept = []

def chunks():
    for _ in range(3):
        work = [bytes(100_000) for _ in range(300)]
        kept.append(bytearray(2_000))
        del work
        yield rss_mb()

during = max(chunks_rss for chunks_rss in one_ahead(chunks()))
print(during, rss_mb())
"""


@pytest.mark.skipif(not GLIBC, reason="glibc only: elsewhere nothing is trimmed")
def test_a_chunked_poll_gives_the_memory_its_work_freed_back_once_done() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    done = subprocess.run([sys.executable, "-c", POLL], capture_output=True, text=True, env=env, check=True, timeout=120)
    during, after = (float(x) for x in done.stdout.split())
    assert during - after > 20, f"resident {during:.0f} MB during the poll, {after:.0f} MB after it"


def _sqlite_memory_used() -> int | None:
    """SQLite's own count of the memory it holds, when Python's sqlite3 uses the shared library."""
    name = ctypes.util.find_library("sqlite3")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.sqlite3_libversion.restype = ctypes.c_char_p
    if lib.sqlite3_libversion().decode() != sqlite3.sqlite_version:
        return None
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    return int(lib.sqlite3_memory_used())


def _held_after_big_statements(run: object) -> int:
    """Bytes SQLite still holds after ten different statements of 1,000 rows of 5 parameters ran on
    one open connection (`run(sql, params)` executes one), as batched INSERTs of other sizes are."""
    before = _sqlite_memory_used()
    assert before is not None
    for extra in range(10):
        rows = 1_000 + extra
        run("SELECT count(*) FROM (VALUES " + ", ".join(["(?, ?, ?, ?, ?)"] * rows) + ")",  # type: ignore[operator]
            tuple(range(5 * rows)))
    after = _sqlite_memory_used()
    assert after is not None
    return after - before


@pytest.mark.skipif(_sqlite_memory_used() is None, reason="sqlite3 is not linked to a shared libsqlite3")
def test_the_store_keeps_no_prepared_statements_on_its_sqlite_connections(tmp_path: Path) -> None:
    plain = sqlite3.connect(tmp_path / "plain.db")  # Python's default: 128 statements kept per connection
    try:
        kept_by_default = _held_after_big_statements(lambda sql, params: plain.execute(sql, params).fetchall())
    finally:
        plain.close()
    assert kept_by_default > 4_000_000  # the measure sees what a connection keeps

    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        with store.engine.connect() as connection:
            held = _held_after_big_statements(lambda sql, params: connection.exec_driver_sql(sql, params).fetchall())
    finally:
        store.close()
    assert held < 1_000_000, f"the store's connection kept {held / 1e6:.1f} MB of prepared statements"


# A SQLite daemon's writes that differ by database (a poll's events and state, a feedback click),
# in a fresh interpreter that imports what `signalwatch run` imports.
SQLITE_WRITES = """
import sys
from datetime import datetime, timezone

import signalwatch.cli, signalwatch.runtime.app, signalwatch.runtime.scheduler
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.feedback import ledger
from signalwatch.feedback.actions import Click
from signalwatch.store import Store

now = datetime(2026, 12, 7, tzinfo=timezone.utc)
store = Store(sys.argv[1])
store.migrate()
event = SignalEvent(type=EventType.FUNDING, change="raised", source="news", source_kind="rss", source_id="1",
                    title="Acme raises $5M", occurred_at=now, detected_at=now, company_name="Acme",
                    dedupe_key=make_dedupe_key("t", 1))
for _ in range(2):  # the second time, the event's insert meets its conflict
    with store.poll_unit("news", now) as unit:
        inserted = unit.insert([event])
        unit.save_cursor({"seen": 1})
click = Click("useful", "alert-1", "U1", "u1", "1.0")
outcomes = [ledger.record(store.engine, click, ledger.AlertRef(("rule",), 7), now).outcome for _ in range(2)]
store.close()
print(len(inserted), outcomes, sorted(m for m in sys.modules if m.startswith("sqlalchemy.dialects.postgresql")))
"""


def test_a_sqlite_daemon_never_loads_the_postgresql_dialect(tmp_path: Path) -> None:
    # Its package is ~1.8 MB resident (psycopg, asyncpg, pg8000 adapters and types) that a SQLite store
    # has no use for; the writes that pick an INSERT ... ON CONFLICT by database still work.
    done = subprocess.run([sys.executable, "-c", SQLITE_WRITES, f"sqlite:///{tmp_path / 'daemon.db'}"],
                          capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split("[", 1)[1].strip() == "'new', 'same'] []", done.stdout
    assert done.stdout.startswith("0 "), done.stdout  # the event was stored once: the second poll found it


def test_reading_stored_part_bodies_leaves_nothing_for_the_cyclic_collector(tmp_path: Path) -> None:
    # A job-board poll's fetch workers read one board's stored snapshot per call (3,800 in the bench's
    # fifth cycle); a statement built per call left ten objects in reference cycles each, which pile up
    # between the daemon's rare young collections (`runtime.app.settle_heap`).
    from datetime import datetime, timezone

    from signalwatch.connectors.base import PartWrite

    store = Store(f"sqlite:///{tmp_path / 'parts.db'}")
    try:
        store.migrate()
        with store.poll_unit("boards", datetime(2026, 12, 7, tzinfo=timezone.utc)) as unit:
            unit.save_parts({f"b{n}": PartWrite({"etag": f'"{n}"'}, {"jobs": [[f"j{n}", "AE"]]}) for n in range(50)})
        parts = store.cursor_parts("boards")
        assert parts.bodies(["b0"]) == {"b0": {"jobs": [["j0", "AE"]]}}  # the connection and statement are warm
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            read = [parts.bodies([f"b{n}"]) for n in range(50)]
            gc.collect()
            garbage = len(gc.garbage)
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
    finally:
        store.close()
    assert read[7] == {"b7": {"jobs": [["j7", "AE"]]}} and parts.bodies(["b1", "none"]) == {"b1": {"jobs": [["j1", "AE"]]}}
    assert garbage == 0, f"50 body reads left {garbage} objects in reference cycles"
