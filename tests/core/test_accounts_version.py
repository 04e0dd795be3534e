"""A poll sees every change to the accounts, and asking whether they changed stays cheap.

Every poll asks the store whether the accounts changed (`Store.accounts_version`) and rebuilds its
accounts, their lookup index and their map by id (`App.accounts`, `App.accounts_by_id`) only
when they did. What must hold: an account added, updated or deleted by another process (an
import, `crm sync`) is what the next poll matches and evaluates against; what is new is that the
question is one index lookup, not a scan of the accounts table (migration 11).
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import event as sa_event

from signalwatch.accounts import Account
from signalwatch.config import load_settings
from signalwatch.runtime.app import build_app
from signalwatch.store import Store
from signalwatch.timeutil import utcnow
from tests.conftest import Workspace


def test_the_next_poll_sees_accounts_added_updated_and_deleted_by_another_process(workspace: Workspace) -> None:
    app = build_app(load_settings(workspace.config))
    other = Store(app.store.url)  # another process's view: an import, `crm sync`, `accounts` commands
    try:
        accounts, index = app.accounts()
        assert app.accounts() == (accounts, index)  # nothing changed: the same objects, nothing rebuilt
        by_id = app.accounts_by_id(accounts)
        assert by_id is app.accounts_by_id(accounts) and set(by_id) == {account.id for account in accounts}

        other.upsert_accounts([Account(0, "Zenith Freight", "zenithfreight.example", industry="logistics")], utcnow())
        added, _ = app.accounts()
        zenith = next(account for account in added if account.name == "Zenith Freight")
        assert zenith.id in app.accounts_by_id(added)

        other.upsert_accounts([replace(zenith, owner_slack_id="U0NEWOWNER")], utcnow() + timedelta(seconds=1))
        updated, _ = app.accounts()
        assert app.accounts_by_id(updated)[zenith.id].owner_slack_id == "U0NEWOWNER"

        other.delete_accounts([zenith.id])
        deleted, _ = app.accounts()
        assert zenith.id not in app.accounts_by_id(deleted)
        assert app.accounts_by_id(accounts) == {account.id: account for account in accounts}  # an older list: its own map
    finally:
        other.close()
        app.close()


def test_whether_the_accounts_changed_is_answered_from_indexes(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    store.migrate()
    asked: list[tuple[str, object]] = []
    sa_event.listen(store.engine, "before_cursor_execute", lambda _c, _cur, sql, params, *_: asked.append((sql, params)))
    store.accounts_version()
    store.close()
    [(sql, params)] = asked
    with sqlite3.connect(tmp_path / "store.db") as conn:
        plan = [str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]  # type: ignore[arg-type]
    assert not any(step.startswith("SCAN accounts") and "COVERING INDEX" not in step for step in plan), plan
    assert "SEARCH accounts USING COVERING INDEX ix_accounts_updated_at" in plan, plan  # the newest update: no scan
