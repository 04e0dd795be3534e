"""The outbox stores each alert once, without a copy of its event, and gives back every payload as it
was enqueued: through amendments, retention, restarts and the upgrade from full-copy rows."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from signalwatch.accounts import Account
from signalwatch.alerts.payload import event_part
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.engine import Engine
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.pipeline import commit_events
from signalwatch.store import AlertDraft, OutboxStatus, Store
from signalwatch.store.messages import event_copy
from signalwatch.store.migrations import MIGRATIONS, migrate
from signalwatch.store.upkeep import prune
from signalwatch.timeutil import utcnow
from tests.polls import commit

NOW = utcnow()
RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    s.migrate()
    return s


def event(n: int, *, age: timedelta = timedelta(hours=1), **extra: Any) -> SignalEvent:
    values: dict[str, Any] = {
        "type": EventType.FUNDING, "change": "raised", "source": "news", "source_kind": "rss", "source_id": f"id-{n}",
        "title": f"Company {n} raises $5M — «Série A» 🚀", "summary": "x" * 700, "url": f"https://news.example/{n}",
        "occurred_at": NOW - age, "detected_at": NOW - age, "company_name": f"Company {n}",
        "attributes": {"amount": 5e6 + 0.1, "round": "series_a", "investors": ["A", "B"], "nested": {"k": [1, 2.5, None]}},
        "dedupe_key": make_dedupe_key("messages", n),
    }
    return SignalEvent(**{**values, **extra})


def alert_payload(e: SignalEvent, **event_changes: Any) -> dict[str, Any]:
    """A payload as the rules engine builds it: the event part from `alerts.payload.event_part`."""
    part = {**event_part(e, None).event, **event_changes}
    return {"kind": "alert", "rule": {"id": "funding", "description": "Funding"}, "priority": "P1", "heat": 3.5, "angle": None,
            "why": ["Rule funding: Funding", "Account heat 3.5"], "evidence": [], "account": {"id": 1, "name": "Company"},
            "event": part}


def drafts_for(payloads: dict[str, dict[str, Any]], sinks: tuple[str, ...] = ("console", "slack")):  # type: ignore[no-untyped-def]
    def make(new: list[SignalEvent]) -> list[AlertDraft]:
        return [AlertDraft(make_dedupe_key("a", e.dedupe_key, sink), "funding", None, e.dedupe_key, sink, None, "P1", payloads[e.dedupe_key])
                for e in new for sink in sinks]
    return make


def payloads_by_key(store: Store) -> dict[str, dict[str, Any]]:
    return {item.alert_key: item.payload for item in store.list_outbox(limit=1000)}


def test_the_stored_copy_of_an_event_is_the_one_the_engine_puts_in_alerts() -> None:
    # The outbox rebuilds an alert's event part from the events row: it must be exactly what
    # `alerts.payload.event_part` builds, or every alert would carry its event again.
    for e in [event(1), event(2, url=None, company_name=None, summary="", attributes={}), event(3, summary="s" * 499)]:
        columns = e.model_dump(mode="python")
        assert json.loads(json.dumps(event_copy(columns))) == json.loads(json.dumps(event_part(e, None).event))


def test_every_payload_reads_back_as_it_was_enqueued(store: Store) -> None:
    events = [event(n) for n in range(4)]
    payloads = {
        events[0].dedupe_key: alert_payload(events[0]),  # the usual case: the event part is the event's copy
        events[1].dedupe_key: alert_payload(events[1], title="Edited title", extra_key=[1, "two"]),  # differs in places
        events[2].dedupe_key: {k: v for k, v in alert_payload(events[2]).items() if k != "event"} | {
            "event": {k: v for k, v in event_part(events[2], None).event.items() if k != "summary"}},  # lacks a key
        events[3].dedupe_key: {"k": 1, "event": "not a copy"},  # not an alert at all
    }
    commit(store, "news", events, {}, NOW, drafts=drafts_for(payloads))
    found = payloads_by_key(store)
    assert len(found) == 8
    for e in events:
        for sink in ("console", "slack"):
            assert found[make_dedupe_key("a", e.dedupe_key, sink)] == json.loads(json.dumps(payloads[e.dedupe_key]))


def test_the_routes_of_one_alert_share_one_small_message(store: Store) -> None:
    events = [event(n) for n in range(40)]
    payloads = {e.dedupe_key: alert_payload(e) for e in events}
    commit(store, "news", events, {}, NOW, drafts=drafts_for(payloads, ("console", "slack", "hubspot")))
    with store.engine.connect() as conn:
        deliveries = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()
        messages, largest = conn.exec_driver_sql("SELECT count(*), max(length(body)) FROM messages").one()
    assert (deliveries, messages) == (120, 40)
    raw = len(json.dumps(payloads[events[0].dedupe_key]))
    assert largest < raw / 3  # no copy of the event (~1,000 bytes of its 1,700), and packed


def test_later_messages_are_packed_with_a_dictionary_that_a_restarted_store_reads(store: Store, tmp_path: Path) -> None:
    for batch in range(3):  # several polls, past the first dictionary's threshold (32 messages)
        events = [event(100 * batch + n) for n in range(20)]
        commit(store, "news", events, {}, NOW, drafts=drafts_for({e.dedupe_key: alert_payload(e) for e in events}))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM message_dictionaries").scalar() == 1
        packed = dict(conn.exec_driver_sql("SELECT dictionary_id IS NOT NULL, avg(length(body)) FROM messages GROUP BY 1").all())
    assert packed[1] < packed[0] / 2  # the dictionary halves what plain deflate leaves, at least
    expected = payloads_by_key(store)
    store.close()
    again = Store(store.url)
    assert payloads_by_key(again) == expected and len(expected) == 120


def test_an_amendment_does_not_change_an_alert_already_queued(store: Store) -> None:
    original = event(1)
    payload = alert_payload(original)
    commit(store, "news", [original], {}, NOW, drafts=drafts_for({original.dedupe_key: payload}))
    amended = original.model_copy(update={"attributes": {"amount": 9e6, "is_amendment": True}, "title": "Company 1 (D/A)"})
    commit(store, "news", [amended], {}, NOW)
    ((_, stored),) = store.list_events()
    assert stored.title == "Company 1 (D/A)"  # the event is amended ...
    for item in store.due_outbox(NOW):  # ... the alert queued before says what it said
        assert item.payload == json.loads(json.dumps(payload))


def test_retention_keeps_what_a_kept_alert_shows_and_drops_messages_nothing_uses(store: Store) -> None:
    old, older = event(1, age=timedelta(days=400)), event(2, age=timedelta(days=400))
    payloads = {e.dedupe_key: alert_payload(e) for e in (old, older)}
    commit(store, "news", [old, older], {}, NOW, drafts=drafts_for(payloads, ("slack",)))
    first, second = store.due_outbox(NOW)
    for item, sent_days in ((first, 10), (second, 200)):
        store.claim(item.id, NOW)
        store.mark_sent(item.id, "ts", NOW - timedelta(days=sent_days))
    report = prune(store, events_before=NOW - timedelta(days=365), sent_before=NOW - timedelta(days=180))
    assert (report.events, report.alerts) == (2, 1)
    assert store.list_events() == []
    (kept,) = store.list_outbox()  # sent 10 days ago: kept, and it still shows its event
    assert kept.id == first.id and kept.payload == json.loads(json.dumps(payloads[old.dedupe_key]))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM messages").scalar() == 1


def test_alerts_of_the_real_rules_take_a_tenth_of_what_a_copy_per_route_took(tmp_path: Path) -> None:
    # What an operator sees as database size: 60 funding events at tier A accounts, each alerting
    # through the starter rules' routes. Each route used to store the whole payload, event copy
    # included (~1,700 bytes a row); now an alert's routes share one packed message.
    accounts = [Account(id=n + 1, name=f"Acme{n} Robotics", domain=f"acme{n}.example", industry="software", employees=900,
                        country="US", owner_email=f"rep{n}@yourco.example", owner_slack_id=f"U0REP{n:05d}") for n in range(60)]
    store = Store(f"sqlite:///{tmp_path / 'size.db'}")
    store.migrate()
    store.upsert_accounts(accounts, NOW)
    engine = Engine(load_ruleset(RULES))
    by_id = {a.id: a for a in accounts}
    events = {e.dedupe_key: e for e in (SignalEvent(
        type=EventType.FUNDING, change="raised", source="wire", source_kind="rss", source_id=f"n{n}",
        title=f"Acme{n} Robotics raises ${n + 5}M Series B led by Atlas Growth", summary=f"Acme{n} Robotics has raised money. " * 5,
        url=f"https://news.example/{n}", occurred_at=NOW, detected_at=NOW, company_name=f"Acme{n} Robotics", account_id=n + 1,
        match_confidence=1.0, match_method="domain",
        attributes={"amount": (n + 5) * 1e6, "currency": "USD", "amount_usd": (n + 5) * 1e6, "round": "series_b",
                    "investors": ["Atlas Growth"], "lead_investors": ["Atlas Growth"]}, dedupe_key=make_dedupe_key("size", n),
    ) for n in range(60))}
    batch = list(events.values())
    for n in range(0, 60, 6):  # ten polls
        commit_events(store, engine, by_id, "wire", batch[n:n + 6], {}, NOW + timedelta(minutes=n))
    rows = store.list_outbox(limit=1000)
    assert len({item.payload["event"]["dedupe_key"] for item in rows}) == 60 and len(rows) == 120
    for item in rows:  # every route reads its whole payload, its event's copy included
        assert item.payload["event"] == json.loads(json.dumps(event_part(events[item.payload["event"]["dedupe_key"]], None).event))
    copies = sum(len(json.dumps(item.payload)) for item in rows)  # what the rows used to hold
    with store.engine.connect() as conn:
        messages, stored = conn.exec_driver_sql("SELECT count(*), sum(length(body)) FROM messages").one()
    assert messages == 60 and stored < copies / 10


# -- the upgrade from full-copy rows ------------------------------------------------------------


def v6_database(url: str) -> dict[int, dict[str, Any]]:
    """A database as release 6 left it: outbox rows holding whole payloads (two routes of an alert,
    an alert whose copy was edited, a notice, a digest moved in by migration 6). Returns id -> payload."""
    engine = sa.create_engine(url)
    assert migrate(engine, MIGRATIONS[:6]) == [1, 2, 3, 4, 5, 6]
    meta = sa.MetaData()
    meta.reflect(engine, only=["events", "outbox"])
    events, outbox = meta.tables["events"], meta.tables["outbox"]
    e1, e2 = event(1), event(2)
    payloads: dict[int, dict[str, Any]] = {}
    with engine.begin() as conn:
        ids = [conn.execute(events.insert().values(**{k: v for k, v in e.model_dump(mode="python").items()})).inserted_primary_key[0]
               for e in (e1, e2)]
        rows = [
            (1, ids[0], "console", alert_payload(e1), "sent"), (2, ids[0], "slack", alert_payload(e1), "pending"),
            (3, ids[1], "slack", alert_payload(e2, summary="shortened"), "dead"),
            (4, 0, "slack", {"kind": "notice", "rule": {"id": "source-health"}, "event": {"title": "Source down"}, "why": []}, "sending"),
            (5, 0, "slack", {"kind": "digest", "audience": "channel:#managers", "period_start": "2026-11-01T08:00:00+00:00",
                             "period_end": "2026-11-02T08:00:00+00:00", "accounts": 3, "slack": {"text": "t", "blocks": []},
                             "markdown": "m"}, "sent"),
        ]
        for row_id, event_id, sink, payload, status in rows:
            conn.execute(outbox.insert().values(  # ids from the database, in this order: 1 to 5
                alert_key=f"key-{row_id}", rule_id="digest" if row_id == 5 else "funding", account_id=7 if event_id else None,
                event_id=event_id, source="news" if event_id else "@admin", sink=sink, target="#managers" if row_id == 5 else "#sales",
                priority="P1", payload=payload, status=status, attempts=1, next_attempt_at=NOW, claimed_at=NOW,
                created_at=NOW - timedelta(minutes=row_id // 3), sent_at=NOW if status == "sent" else None,
                remote_id="1.2" if status == "sent" else None, last_error="boom" if status == "dead" else None,
                claimed_by="host:1" if status == "sending" else None))
            payloads[row_id] = payload
    engine.dispose()
    return payloads


def test_the_upgrade_keeps_every_row_and_payload_and_shares_messages(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v6.sqlite'}"
    check_upgrade(url, v6_database(url))


def check_upgrade(url: str, payloads: dict[int, dict[str, Any]]) -> None:
    store = Store(url)
    assert store.migrate() == [m.version for m in MIGRATIONS[6:]]
    items = {item.id: item for item in store.list_outbox(limit=100)}
    assert {i: item.payload for i, item in items.items()} == {i: json.loads(json.dumps(p)) for i, p in payloads.items()}
    assert [(items[i].status, items[i].alert_key, items[i].sink, items[i].target) for i in sorted(items)] == [
        ("sent", "key-1", "console", "#sales"), ("pending", "key-2", "slack", "#sales"), ("dead", "key-3", "slack", "#sales"),
        ("sending", "key-4", "slack", "#sales"), ("sent", "key-5", "slack", "#managers")]
    assert items[3].last_error == "boom" and items[4].claimed_by == "host:1" and items[1].priority == "P1"
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM messages").scalar() == 4  # the two routes of alert 1 share one
    from signalwatch.digest.outbox import digest_state, last_period_end

    assert last_period_end(store, "channel:#managers") == datetime(2026, 11, 2, 8, tzinfo=timezone.utc)
    state = digest_state(store, "key-5")
    assert state is not None and state.accounts == 3 and state.status == OutboxStatus.SENT
    assert [e.dedupe_key for _, e in store.list_events()] == [event(2).dedupe_key, event(1).dedupe_key]
    # the upgraded outbox takes new rows, ids continuing
    e3 = event(3)
    commit(store, "news", [e3], {}, NOW, drafts=drafts_for({e3.dedupe_key: alert_payload(e3)}, ("slack",)))
    assert max(item.id for item in store.list_outbox(limit=100)) == 6
    store.close()


def test_the_upgrade_builds_the_indexes_the_table_models_declare(store: Store) -> None:
    # Columns are compared by test_store; the indexes decide what a delivery run or a prune
    # scans, so a migration that forgot one (or kept a dropped one) is caught here.
    from sqlmodel import SQLModel

    inspector = sa.inspect(store.engine)
    for name in ("events", "outbox", "messages", "message_dictionaries"):
        declared = {(index.name, tuple(column.name for column in index.columns))
                    for index in SQLModel.metadata.tables[name].indexes}
        migrated = {(index["name"], tuple(index["column_names"])) for index in inspector.get_indexes(name)}
        assert migrated == declared, name
