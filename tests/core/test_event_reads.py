"""The reads a poll makes of the accounts' stored events (`PollUnit.history` for the rules,
`PollUnit.stories` for retold stories) build events from the columns without an ORM row now;
they must give the very events the store gives everywhere else (`Store.list_events`): every
field, time zones, attributes, the same-story marks, and nothing of other accounts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.store import Store
from tests.core.test_store import NOW
from tests.polls import commit


def stored(n: int, account_id: int, **attributes: object) -> SignalEvent:
    return SignalEvent(
        type=EventType.FUNDING, change="raised", source="news", source_kind="rss", source_id=f"id-{n}", url=f"https://news.example/{n}",
        title=f"Acme raises ${n}M", summary="Acme has raised money.", occurred_at=NOW - timedelta(hours=n), detected_at=NOW,
        company_name="Acme", account_id=account_id, attributes={"amount": n * 1e6, **attributes}, dedupe_key=make_dedupe_key("e", n))


def test_a_poll_reads_the_accounts_events_as_the_store_lists_them(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.migrate()
    events = [stored(1, 7, same_story="x"), stored(2, 7, investors=["Atlas Growth"]), stored(3, 8)]
    commit(store, "news", events, {}, NOW)
    listed = {event.dedupe_key: event for _, event in store.list_events()}
    assert len(listed) == 3
    with store.poll_unit("news", NOW) as unit:
        history, _ = unit.history([7], NOW - timedelta(days=1), NOW - timedelta(days=1))
        stories = unit.stories([7, 8], ["funding"], NOW - timedelta(days=1))
    assert history == [listed[events[1].dedupe_key], listed[events[0].dedupe_key]]  # oldest first, account 7 only
    assert history[0].occurred_at.utcoffset() == timedelta(0) and history[0].attributes["investors"] == ["Atlas Growth"]
    assert sorted((event.dedupe_key, alerted) for event, alerted in stories) == sorted((key, False) for key in listed)
    assert all(event == listed[event.dedupe_key] for event, _ in stories)
    store.close()
