"""A poll's events are inserted in batches (issue 19: a job-board poll brings thousands, and the
column values of all of them were held at once) and still commit as one unit, in feed order."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from signalwatch.alerts.payload import event_part
from signalwatch.connectors.base import PartWrite
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.store import AlertDraft, Store
from signalwatch.timeutil import utcnow
from tests.polls import commit

NOW = utcnow()
MANY = 1_234  # more than two batches of events


def event(n: int) -> SignalEvent:
    return SignalEvent(
        type=EventType.HIRING, change="posted", source="boards", source_kind="jobboards", source_id=f"b:{n}",
        title=f"Company {n} is hiring: Account Executive", occurred_at=NOW - timedelta(seconds=n), detected_at=NOW,
        company_name=f"Company {n}", attributes={"title": "Account Executive", "job_id": str(n)},
        dedupe_key=make_dedupe_key("hiring", n),
    )


def draft(e: SignalEvent) -> AlertDraft:
    """An alert citing `e` as the rules engine words one: its payload carries the event's part."""
    payload = {"event": event_part(e, None).event, "rule": {"id": "rule"}}
    return AlertDraft(make_dedupe_key("a", e.dedupe_key), "rule", None, e.dedupe_key, "console", None, "P2", payload)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    s.migrate()
    return s


def test_a_poll_of_many_events_stores_every_one_in_feed_order_with_its_alert(store: Store) -> None:
    events = [event(n) for n in range(MANY)]
    done = commit(store, "boards", events, {}, NOW, drafts=lambda new: [draft(e) for e in new])
    assert [e.dedupe_key for e in done.new_events] == [e.dedupe_key for e in events] and done.new_alerts == MANY
    stored = store.list_events(limit=MANY + 1)  # newest id first
    assert [e.dedupe_key for _, e in reversed(stored)] == [e.dedupe_key for e in events]
    # Each alert reads back with its own event (stored as a patch on the event's stored copy).
    items = store.due_outbox(NOW, limit=MANY + 1)
    assert [item.payload["event"] for item in items] == [event_part(e, None).event for e in events]
    again = commit(store, "boards", events, {}, NOW, drafts=lambda new: [draft(e) for e in new])
    assert (again.new_events, again.new_alerts) == ([], 0)


def test_a_poll_that_fails_after_its_batches_are_inserted_stores_none_of_them(store: Store) -> None:
    def explode(new: list[SignalEvent]) -> list[AlertDraft]:
        assert len(new) == MANY  # every batch went in before the failure
        raise RuntimeError("rule engine bug")

    with pytest.raises(RuntimeError):
        commit(store, "boards", [event(n) for n in range(MANY)], {"n": 1}, NOW, drafts=explode)
    assert store.list_events() == [] and store.load_cursor("boards") == {}
    done = commit(store, "boards", [event(n) for n in range(MANY)], {"n": 1}, NOW)  # the re-run loses nothing
    assert len(done.new_events) == MANY


def test_a_poll_writing_many_cursor_parts_saves_all_or_none_of_them(store: Store) -> None:
    """Part rows are inserted a few dozen at a time (one batch's JSON encoded at once), in the poll's unit."""
    parts = {f"greenhouse:b{n}": PartWrite({"hash": f"h{n}"}, {"jobs": {str(n): ["Account Executive"]}}) for n in range(MANY // 4)}

    def explode(new: list[SignalEvent]) -> list[AlertDraft]:
        raise RuntimeError("rule engine bug")

    with pytest.raises(RuntimeError):
        with store.poll_unit("boards", NOW) as unit:
            unit.save_parts(parts)  # every batch written, then the poll fails before its commit
            explode(unit.insert([event(1)]))
    assert store.cursor_parts("boards").heads == {} and store.list_events() == []
    commit(store, "boards", [event(1)], None, NOW, parts=parts)
    saved = store.cursor_parts("boards")
    assert saved.bodies(list(parts)) == {key: write.body for key, write in parts.items()}
