"""The digest: ranking, rendering (escaped), schedule, and exactly-once sending across restarts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from signalwatch.accounts import Account
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.digest.build import build_digest
from signalwatch.digest.config import DigestConfig
from signalwatch.digest.ledger import claim_digest
from signalwatch.digest.page import QUIET_NOTE, render_html, render_markdown, render_slack_digest
from signalwatch.digest.schedule import latest_occurrence
from signalwatch.digest.send import DigestSlack, send_digests
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.policy import Scoring
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.store import Store
from tests.conftest import SLACK_TOKEN
from tests.crm.conftest import enqueue

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
CONFIG = DigestConfig(enabled=True, channels=["#sales-signals"])
RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")


def open_store(path: Path) -> Store:
    store = Store(f"sqlite:///{path}")
    store.migrate()
    return store


def seeded(path: Path, now: datetime = NOW) -> Store:
    store = open_store(path)
    store.upsert_accounts([Account(0, "Acme", "acme.com", owner_email="ann@example.com", owner_slack_id="U0ANN0001")], now)
    enqueue(store, now - timedelta(hours=2), [("slack", "#sales-signals")])
    return store


def client(slack: FakeSlack) -> DigestSlack:
    return DigestSlack(SLACK_TOKEN, default_channel=None, base_url=slack.base_url, timeout=2)


def event(account_id: int, kind: EventType, age: timedelta, title: str = "News", url: str | None = "https://news.example.com/x",
          detected_age: timedelta | None = None) -> SignalEvent:
    change = {"funding": "raised", "hiring": "posted", "leadership": "appointed", "tech_stack": "adopted"}[str(kind)]
    return SignalEvent(type=kind, change=change, source="wire", source_kind="rss", source_id=f"{account_id}-{title}", url=url,
                       title=title, occurred_at=NOW - age, detected_at=NOW - (detected_age if detected_age is not None else age),
                       dedupe_key=make_dedupe_key(account_id, title), account_id=account_id)


def accounts(*names: str) -> dict[int, Account]:
    return {n: Account(n, name, f"{name.lower()}.example") for n, name in enumerate(names, 1)}


def tiers(mapping: dict[str, str | None]):  # type: ignore[no-untyped-def]
    return lambda account: mapping.get(account.name)


def test_a_digest_is_sent_once_per_period_across_a_restart(tmp_path: Path, slack: FakeSlack) -> None:
    first = send_digests(seeded(tmp_path / "db.sqlite"), RULES, client(slack), CONFIG, "2026-11-23", NOW)
    assert [r.outcome for r in first] == ["sent", "sent"]
    restarted = open_store(tmp_path / "db.sqlite")  # a new process: new store and client objects
    again = send_digests(restarted, RULES, client(slack), CONFIG, "2026-11-23", NOW + timedelta(minutes=10))
    assert [r.outcome for r in again] == ["already-sent", "skipped"]  # the owner has nothing new since
    assert sorted(m["channel"] for m in slack.messages) == ["C0SALES001", "D0ANN0001"]
    assert "Acme" in slack.messages[0]["text"]


def test_a_crash_between_posting_and_recording_does_not_post_twice(tmp_path: Path, slack: FakeSlack) -> None:
    store = seeded(tmp_path / "db.sqlite")
    config = CONFIG.model_copy(update={"owners": False})
    key = "2026-11-23:channel:#sales-signals"
    claim_digest(store, key, "channel:#sales-signals", NOW - timedelta(days=1), NOW, NOW)
    from signalwatch.digest.send import digest_for
    client(slack).post_digest("#sales-signals", digest_for(store, RULES, config, "channel:#sales-signals", NOW, timedelta(days=1)), key)
    # ...the process dies here; after the restart:
    results = send_digests(open_store(tmp_path / "db.sqlite"), RULES, client(slack), config, "2026-11-23", NOW + timedelta(minutes=5))
    assert [r.outcome for r in results] == ["recovered"]
    assert len(slack.messages) == 1


def test_the_next_digest_covers_only_what_came_after_the_last_one(tmp_path: Path, slack: FakeSlack) -> None:
    store = seeded(tmp_path / "db.sqlite")
    config = CONFIG.model_copy(update={"owners": False})
    send_digests(store, RULES, client(slack), config, "2026-11-23", NOW)
    quiet = send_digests(store, RULES, client(slack), config, "2026-11-24", NOW + timedelta(days=1))
    assert quiet[0].accounts == 0
    assert QUIET_NOTE in slack.messages[-1]["text"]


def test_quiet_day_notes_the_channel_and_leaves_owners_alone(tmp_path: Path, slack: FakeSlack) -> None:
    store = open_store(tmp_path / "db.sqlite")
    store.upsert_accounts([Account(0, "Acme", "acme.com", owner_slack_id="U0ANN0001")], NOW)
    results = send_digests(store, RULES, client(slack), CONFIG, "2026-11-23", NOW)
    assert [(r.audience, r.outcome) for r in results] == [("channel:#sales-signals", "sent"), ("owner:U0ANN0001", "skipped")]
    assert len(slack.messages) == 1 and QUIET_NOTE in slack.messages[0]["text"]


def test_accounts_rank_by_heat_rise_and_owners_see_only_theirs() -> None:
    known = accounts("Cold", "Hot", "Warm", "Old news")
    events = [
        event(1, EventType.HIRING, timedelta(days=6)),  # weak and old
        event(2, EventType.FUNDING, timedelta(hours=1)),  # strong and fresh
        event(3, EventType.LEADERSHIP, timedelta(hours=3)), event(3, EventType.HIRING, timedelta(hours=3), title="Second"),
        event(4, EventType.FUNDING, timedelta(days=3)),  # known before the period: it only cools down
    ]
    digest = build_digest(events, known, tiers({"Hot": "A", "Warm": "A", "Cold": "C", "Old news": "A"}), Scoring(), {},
                          NOW - timedelta(days=1), NOW, max_accounts=10)
    # Warm's two signal types cluster (leadership 8 + hiring 2, x1.25) past Hot's single funding round (10).
    assert [line.name for line in digest.accounts] == ["Warm", "Hot"]
    assert len(digest.accounts[0].signals) == 2 and digest.accounts[0].rise > digest.accounts[1].rise > 0
    assert digest.only({3}).accounts[0].name == "Warm" and digest.only({99}).quiet


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
    assert "](javascript" not in markdown and "<script>" not in markdown
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
    from signalwatch.digest.send import run_due_digest

    config = CONFIG.model_copy(update={"owners": False, "hour": 7, "days": "*"})
    store = seeded(tmp_path / "db.sqlite")
    assert run_due_digest(store, RULES, client(slack), config, NOW.replace(hour=6, minute=59)) == []  # yesterday's is too old to send now
    late_start = NOW.replace(hour=9, minute=30)  # the daemon was down at 07:00
    assert [r.outcome for r in run_due_digest(store, RULES, client(slack), config, late_start)] == ["sent"]
    for minutes in (10, 20, 600):  # later checks the same day, also after a restart
        again = run_due_digest(open_store(tmp_path / "db.sqlite"), RULES, client(slack), config, late_start + timedelta(minutes=minutes))
        assert [r.outcome for r in again] == ["already-sent"]
    assert len(slack.messages) == 1


def test_a_typo_in_the_schedule_is_a_config_error() -> None:
    with pytest.raises(ValueError, match="not a day"):
        DigestConfig(days="mon-fir")
