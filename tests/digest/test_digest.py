"""The digest: ranking, rendering (escaped), schedule, and exactly-once sending across restarts.

Sending goes the one way out: the digest is queued as an outbox row and posted by `deliver()`
through the Slack sink's public interface (the real slack-sdk WebClient against the fake Slack
Web API), so a crash mid-send is settled by the sink's `confirm`, as for alerts.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from markdown_it import MarkdownIt

from signalwatch.accounts import Account
from signalwatch.alerts.payload import DIGEST_RULE_ID, kind_of
from signalwatch.config import DeliveryConfig
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.digest.build import build_digest, build_ranking
from signalwatch.digest.config import DigestConfig
from signalwatch.digest.markdown import render_markdown
from signalwatch.digest.outbox import last_period_end
from signalwatch.digest.page import render_html
from signalwatch.digest.schedule import latest_occurrence
from signalwatch.digest.send import DigestResult, Queued, deliver_digests, run_due_digest, send_digests
from signalwatch.digest.slack import render_slack_digest
from signalwatch.digest.text import QUIET_NOTE
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.policy import Scoring
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.sinks import Sink
from signalwatch.sinks.console import ConsoleSink
from signalwatch.sinks.slack import SlackSink
from signalwatch.store import OutboxStatus, Store
from signalwatch.store.migrations import MIGRATIONS, migrate
from tests.conftest import SLACK_TOKEN
from tests.crm.conftest import enqueue
from tests.polls import commit

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
CONFIG = DigestConfig(enabled=True, channels=["#sales-signals"])
RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")
DELIVERY = DeliveryConfig()


def open_store(path: Path) -> Store:
    store = Store(f"sqlite:///{path}")
    store.migrate()
    return store


def seeded(path: Path, now: datetime = NOW) -> Store:
    store = open_store(path)
    store.upsert_accounts([Account(0, "Acme", "acme.com", owner_email="ann@example.com", owner_slack_id="U0ANN0001")], now)
    enqueue(store, now - timedelta(hours=2), [("console", None)])  # an alert, so the digest has a priority to show
    return store


def sinks(slack: FakeSlack) -> dict[str, Sink]:
    """A new process's sinks: the real Slack sink (slack-sdk WebClient) pointed at the fake Slack."""
    return {"slack": SlackSink(SLACK_TOKEN, default_channel=None, base_url=slack.base_url, timeout=2),
            "console": ConsoleSink(io.StringIO())}


def at(now: datetime) -> Callable[[], datetime]:
    return lambda: now


def deliver_all(store: Store, slack: FakeSlack, queued: list[Queued], now: datetime, *, restarted: bool = False) -> list[DigestResult]:
    """What the daemon job and `signalwatch digest --send` do after queueing: the normal delivery path."""
    return deliver_digests(store, sinks(slack), DELIVERY, queued, recover_all=restarted, wait_inline=False, clock=at(now))


def send(store: Store, slack: FakeSlack, config: DigestConfig, period: str, now: datetime, *, restarted: bool = False) -> list[DigestResult]:
    return deliver_all(store, slack, send_digests(store, RULES, config, period, now), now, restarted=restarted)


def event(account_id: int, kind: EventType, age: timedelta, title: str = "News", url: str | None = "https://news.example.com/x",
          detected_age: timedelta | None = None) -> SignalEvent:
    change = {"funding": "raised", "hiring": "posted", "leadership": "appointed", "tech_stack": "adopted"}[str(kind)]
    return SignalEvent(type=kind, change=change, source="wire", source_kind="rss", source_id=f"{account_id}-{title}", url=url,
                       title=title, occurred_at=NOW - age, detected_at=NOW - (detected_age if detected_age is not None else age),
                       dedupe_key=make_dedupe_key(account_id, title), account_id=account_id)


def accounts(*names: str) -> dict[int, Account]:
    return {n: Account(n, name, f"{name.lower()}.example", owner_email=f"owner{n}@yourco.example") for n, name in enumerate(names, 1)}


def tiers(mapping: dict[str, str | None]):  # type: ignore[no-untyped-def]
    return lambda account: mapping.get(account.name)


def digest_rows(store: Store) -> list[tuple[str, str, str | None]]:
    """(key, status, target) of every digest row in the outbox."""
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT alert_key, status, target FROM outbox WHERE rule_id = ? ORDER BY id", (DIGEST_RULE_ID,))
        return [tuple(row) for row in rows]  # type: ignore[misc]


def test_a_digest_is_sent_once_per_period_across_a_restart(tmp_path: Path, slack: FakeSlack) -> None:
    first = send(seeded(tmp_path / "db.sqlite"), slack, CONFIG, "2026-11-23", NOW)
    assert [r.outcome for r in first] == ["sent", "sent"]
    restarted = open_store(tmp_path / "db.sqlite")  # a new process: new store and sink objects
    again = send(restarted, slack, CONFIG, "2026-11-23", NOW + timedelta(minutes=10), restarted=True)
    assert [r.outcome for r in again] == ["already-sent", "skipped"]  # the owner has nothing new since
    assert sorted(m["channel"] for m in slack.messages) == ["C0SALES001", "D0ANN0001"]
    assert "Acme" in slack.messages[0]["text"]
    # One way out: each digest is an outbox row, posted with the same metadata as an alert.
    assert digest_rows(restarted) == [("digest:2026-11-23:channel:#sales-signals", OutboxStatus.SENT, "#sales-signals"),
                                      ("digest:2026-11-23:owner:U0ANN0001", OutboxStatus.SENT, "U0ANN0001")]
    assert {m["metadata"]["event_payload"]["alert_key"] for m in slack.messages} == {key for key, _, _ in digest_rows(restarted)}


def test_a_crash_between_posting_and_recording_does_not_post_twice(tmp_path: Path, slack: FakeSlack) -> None:
    store = seeded(tmp_path / "db.sqlite")
    config = CONFIG.model_copy(update={"owners": False})
    (queued,) = send_digests(store, RULES, config, "2026-11-23", NOW)
    (row,) = [item for item in store.due_outbox(NOW, limit=10) if item.alert_key == queued.key]
    assert row.rule_id == DIGEST_RULE_ID and store.claim(row.id, NOW)  # delivery claims it...
    sinks(slack)["slack"].send(row.payload, row.target, row.alert_key)  # ...posts it through the sink...
    # ...and the process dies before recording it: the row stays `sending`. After the restart:
    results = send(open_store(tmp_path / "db.sqlite"), slack, config, "2026-11-23", NOW + timedelta(minutes=5), restarted=True)
    assert [r.outcome for r in results] == ["recovered"]  # the sink's confirm found it in the channel history
    assert len(slack.messages) == 1
    assert digest_rows(store) == [(queued.key, OutboxStatus.SENT, "#sales-signals")]


def test_a_failed_post_is_retried_by_delivery_and_a_dead_one_does_not_end_the_period(tmp_path: Path, slack: FakeSlack) -> None:
    store = seeded(tmp_path / "db.sqlite")
    config = CONFIG.model_copy(update={"owners": False, "channels": ["#sales-signals", "#nowhere"]})
    results = send(store, slack, config, "2026-11-23", NOW)
    assert [r.outcome for r in results] == ["sent", "failed"]
    assert "channel_not_found" in results[1].detail and "check the channel name" in results[1].detail  # visible in `outbox list`
    assert "retry-dead" not in results[1].detail and "outbox discard" in results[1].detail  # a resend cannot fix it
    assert last_period_end(store, "channel:#nowhere") is None  # the next digest there covers this period again
    assert last_period_end(store, "channel:#sales-signals") == NOW


def test_the_next_digest_covers_only_what_came_after_the_last_one(tmp_path: Path, slack: FakeSlack) -> None:
    store = seeded(tmp_path / "db.sqlite")
    config = CONFIG.model_copy(update={"owners": False})
    send(store, slack, config, "2026-11-23", NOW)
    quiet = send(store, slack, config, "2026-11-24", NOW + timedelta(days=1))
    assert quiet[0].accounts == 0
    assert QUIET_NOTE in slack.messages[-1]["text"]


def test_quiet_day_notes_the_channel_and_leaves_owners_alone(tmp_path: Path, slack: FakeSlack) -> None:
    store = open_store(tmp_path / "db.sqlite")
    store.upsert_accounts([Account(0, "Acme", "acme.com", owner_slack_id="U0ANN0001")], NOW)
    results = send(store, slack, CONFIG, "2026-11-23", NOW)
    assert [(r.audience, r.outcome) for r in results] == [("channel:#sales-signals", "sent"), ("owner:U0ANN0001", "skipped")]
    assert len(slack.messages) == 1 and QUIET_NOTE in slack.messages[0]["text"]


def test_hostile_text_in_a_digest_is_escaped_in_slack(tmp_path: Path, slack: FakeSlack) -> None:
    store = open_store(tmp_path / "db.sqlite")
    store.upsert_accounts([Account(0, "<!channel> Evil & Co", "evil.example", owner_slack_id="U0EVE0001")], NOW)
    (account,) = store.list_accounts()
    hostile = SignalEvent(
        type=EventType.FUNDING, change="raised", source="wire", source_kind="rss", source_id="evil-1",
        title="<!here> wire money <https://evil.example/login|bank.com> <@U0BOSS001> *now*", url="javascript:alert(1)",
        occurred_at=NOW - timedelta(hours=1), detected_at=NOW - timedelta(hours=1),
        dedupe_key=make_dedupe_key("evil-1"), account_id=account.id)
    commit(store, "wire", [hostile], {}, NOW - timedelta(hours=1))
    config = CONFIG.model_copy(update={"owners": False})
    assert [r.outcome for r in send(store, slack, config, "2026-11-23", NOW)] == ["sent"]
    (message,) = slack.messages
    posted = message["text"] + json.dumps(message["blocks"])
    assert "Evil" in posted and "wire money" in posted  # it arrived...
    for live in ("<!channel>", "<!here>", "<@U0BOSS001>", "<https://evil.example", "<javascript"):  # ...as text only
        assert live not in posted, live
    assert "&lt;!channel&gt;" in posted and "&lt;!here&gt;" in posted


def test_the_console_sink_prints_a_digest_as_markdown(tmp_path: Path) -> None:
    store = seeded(tmp_path / "db.sqlite")
    (queued,) = send_digests(store, RULES, CONFIG.model_copy(update={"owners": False}), "2026-11-23", NOW)
    (row,) = [item for item in store.due_outbox(NOW, limit=10) if item.alert_key == queued.key]
    assert kind_of(row.payload) == "digest" and kind_of({"rule": {}, "event": {}}) == "alert"  # rows of older releases
    out = io.StringIO()
    ConsoleSink(out).send(row.payload, row.target, row.alert_key)
    assert out.getvalue().startswith("# Accounts heating up") and "\n## 1. Acme\n" in out.getvalue()


def test_an_upgrade_keeps_the_periods_the_old_digest_ledger_sent(tmp_path: Path, slack: FakeSlack) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    assert migrate(engine, MIGRATIONS[:5]) == [1, 2, 3, 4, 5]
    with engine.begin() as conn:  # a digest the previous release sent this morning
        conn.exec_driver_sql(
            "INSERT INTO digests (digest_key, audience, period_start, period_end, status, claimed_at, sent_at, remote_id) "
            "VALUES ('2026-11-23:channel:#sales-signals', 'channel:#sales-signals', '2026-11-22 08:00:00', '2026-11-23 08:00:00', "
            "'sent', '2026-11-23 08:00:00', '2026-11-23 08:00:01', '1700000000.000100')")
    store = seeded(tmp_path / "db.sqlite")  # migrates to this release
    assert not sa.inspect(store.engine).has_table("digests")
    assert last_period_end(store, "channel:#sales-signals") == NOW
    results = send(store, slack, CONFIG.model_copy(update={"owners": False}), "2026-11-23", NOW + timedelta(hours=1))
    assert [r.outcome for r in results] == ["already-sent"] and slack.messages == []


def test_accounts_rank_by_heat_rise_and_owners_see_only_theirs() -> None:
    known = accounts("Cold", "Hot", "Warm", "Old news")
    events = [
        event(1, EventType.HIRING, timedelta(days=6)),  # weak and old
        event(2, EventType.FUNDING, timedelta(hours=1)),  # strong and fresh
        event(3, EventType.LEADERSHIP, timedelta(hours=3)), event(3, EventType.HIRING, timedelta(hours=3), title="Second"),
        event(4, EventType.FUNDING, timedelta(days=3)),  # known before the period: it only cools down
    ]
    ranking = build_ranking(events, known, tiers({"Hot": "A", "Warm": "A", "Cold": "C", "Old news": "A"}), Scoring(), {},
                            NOW - timedelta(days=1), NOW)
    digest = ranking.digest(10)
    # Warm's two signal types cluster (leadership 8 + hiring 2, x1.25) past Hot's single funding round (10).
    assert [line.name for line in digest.accounts] == ["Warm", "Hot"]
    assert len(digest.accounts[0].signals) == 2 and digest.accounts[0].rise > digest.accounts[1].rise > 0
    assert [line.name for line in ranking.digest(10, owner="owner3@yourco.example").accounts] == ["Warm"]
    assert ranking.digest(10, owner="nobody@yourco.example").quiet


def test_tier_weighs_in_and_anti_icp_accounts_never_appear() -> None:
    known = accounts("Tier A Co", "Tier C Co", "Customer")
    events = [event(n, EventType.FUNDING, timedelta(hours=2), title=f"Raise {n}") for n in (1, 2, 3)]
    digest = build_digest(events, known, tiers({"Tier A Co": "A", "Tier C Co": "C", "Customer": "excluded"}), Scoring(), {},
                          NOW - timedelta(days=1), NOW, max_accounts=10)
    assert [line.name for line in digest.accounts] == ["Tier A Co", "Tier C Co"]


def test_html_and_markdown_escape_untrusted_text() -> None:
    known = {1: Account(1, "<img src=x onerror=alert(1)>", "evil.example")}
    evil = event(1, EventType.FUNDING, timedelta(hours=1), title="<script>alert('x')</script> [click](javascript:x)",
                 url="javascript:alert(1)")
    digest = build_digest([evil], known, tiers({}), Scoring(), {evil.dedupe_key: "P1"}, NOW - timedelta(days=1), NOW, max_accounts=5)
    page = render_html(digest)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "javascript:" not in page.split("<body>")[1].replace("javascript:x", "")
    markdown = render_markdown(digest)
    rendered = MarkdownIt("commonmark").render(markdown)
    assert 'href="javascript' not in rendered and "<script>" not in markdown + rendered and "<img" not in rendered
    text, blocks = render_slack_digest(digest)
    assert "<script>" not in text + str(blocks) and "<javascript" not in str(blocks)


def test_latest_occurrence_follows_the_time_zone_and_weekdays() -> None:
    config = DigestConfig(hour=8, timezone="Europe/Berlin", days="mon-fri")
    monday_early = datetime(2026, 11, 23, 6, 30, tzinfo=timezone.utc)  # 07:30 in Berlin
    assert latest_occurrence(config, monday_early) == datetime(2026, 11, 20, 7, 0, tzinfo=timezone.utc)  # Friday 08:00 CET
    assert latest_occurrence(config, monday_early + timedelta(hours=1)) == datetime(2026, 11, 23, 7, 0, tzinfo=timezone.utc)
    with pytest.raises(ValueError, match="time zone"):
        DigestConfig(timezone="Mars/Olympus")


def test_the_daemon_check_sends_the_due_digest_once_and_catches_up_after_downtime(tmp_path: Path, slack: FakeSlack) -> None:
    def check(store: Store, now: datetime) -> list[str]:  # what the daemon's digest job does
        return [r.outcome for r in deliver_all(store, slack, run_due_digest(store, RULES, config, now), now)]

    config = CONFIG.model_copy(update={"owners": False, "hour": 7, "days": "*"})
    store = seeded(tmp_path / "db.sqlite")
    assert check(store, NOW.replace(hour=6, minute=59)) == []  # yesterday's is too old to send now
    late_start = NOW.replace(hour=9, minute=30)  # the daemon was down at 07:00
    assert check(store, late_start) == ["sent"]
    for minutes in (10, 20, 600):  # later checks the same day, also after a restart
        assert check(open_store(tmp_path / "db.sqlite"), late_start + timedelta(minutes=minutes)) == ["already-sent"]
    assert len(slack.messages) == 1


def test_a_typo_in_the_schedule_is_a_config_error() -> None:
    with pytest.raises(ValueError, match="not a day"):
        DigestConfig(days="mon-fir")
