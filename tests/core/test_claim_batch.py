"""Claiming a batch of outbox rows is one statement now (`Store.claim_many`); what a claim
promises must not change: each row goes to one worker only, counts one attempt, names its
claimer, and a row that is not pending (sent, being sent) is never taken."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from signalwatch.store import Store
from signalwatch.store.tables import OutboxRow, OutboxStatus
from tests.core.test_store import NOW, draft, event
from tests.polls import commit

OUTBOX = OutboxRow.__table__  # type: ignore[attr-defined]


def test_two_workers_claiming_overlapping_batches_take_each_row_once(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    first, second = Store(f"sqlite:///{path}"), Store(f"sqlite:///{path}")
    first.migrate()
    commit(first, "news", [event(n) for n in range(1, 7)], {}, NOW, drafts=lambda new: [draft(e) for e in new])
    ids = [item.id for item in first.due_outbox(NOW)]
    assert len(ids) == 6
    first.mark_sent(ids[5], "ts-1", NOW)  # already sent: no batch may claim it again

    mine = first.claim_many(ids[:4], NOW, claimer="host:1")
    theirs = second.claim_many(ids[2:], NOW, claimer="host:2")

    assert mine == set(ids[:4])
    assert theirs == {ids[4]}  # rows 2 and 3 were taken, row 5 was sent
    with first.engine.connect() as conn:
        rows = {row.id: row for row in conn.execute(sa.select(OUTBOX.c.id, OUTBOX.c.status, OUTBOX.c.attempts, OUTBOX.c.claimed_by))}
    assert {i: (rows[i].status, rows[i].attempts, rows[i].claimed_by) for i in ids[:5]} == {
        **{i: (OutboxStatus.SENDING, 1, "host:1") for i in ids[:4]}, ids[4]: (OutboxStatus.SENDING, 1, "host:2")}
    assert (rows[ids[5]].status, rows[ids[5]].attempts) == (OutboxStatus.SENT, 0)
    assert first.claim_many([], NOW) == set()
    first.close()
    second.close()
