"""The actions ledger on SQLite and PostgreSQL: each action once (a click delivered twice, even
at the same moment, is one row), a changed vote replaces the vote, claims exclude each other
while they run, and expired holds are neither in force nor in the way."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from signalwatch.feedback import ledger
from signalwatch.feedback.actions import Click
from signalwatch.store import Store
from signalwatch.timeutil import utcnow
from tests.prod.conftest import pg_url  # noqa: F401  (the PostgreSQL database fixture)

NOW = utcnow()
ACME = ledger.AlertRef(("funding-round",), 7)


def click(kind: str, user: str = "U0SAM00001", alert: str = "a" * 32, **extra: object) -> Click:
    return Click(kind, alert, user, user.lower(), f"{NOW.timestamp():.6f}", **extra)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path}/db.sqlite" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    found = Store(url)
    found.migrate()
    yield found
    found.close()


def test_a_click_delivered_twice_at_once_is_stored_once(store: Store) -> None:
    outcomes: list[str] = []
    start = threading.Barrier(4)

    def deliver() -> None:
        start.wait()
        outcomes.append(ledger.record(store.engine, click("snooze", days=30), ACME, NOW).outcome)

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["new", "same", "same", "same"]
    [hold] = ledger.snoozes(store.engine, NOW)
    assert (hold.account_id, hold.days, hold.until) == (7, 30, NOW + timedelta(days=30))


def test_a_changed_vote_replaces_the_vote(store: Store) -> None:
    assert ledger.record(store.engine, click("useful"), ACME, NOW).outcome == "new"
    assert ledger.record(store.engine, click("useful"), ACME, NOW).outcome == "same"
    assert ledger.record(store.engine, click("not_useful", reason="duplicate"), ACME, NOW).outcome == "changed"
    assert ledger.status_of(store.engine, "a" * 32, 7, NOW).not_useful == (("U0SAM00001", "duplicate"),)
    assert [(a.kind, a.reason, a.rules) for a in ledger.actions_since(store.engine, NOW - timedelta(days=1))] == [
        ("not_useful", "duplicate", ("funding-round",))]


def test_claims_exclude_each_other_while_they_run_and_an_expired_one_is_renewed(store: Store) -> None:
    assert ledger.record(store.engine, click("claim", days=14), ACME, NOW).outcome == "new"
    refused = ledger.record(store.engine, click("claim", user="U0LEE00001", days=14), ACME, NOW + timedelta(days=1))
    assert (refused.outcome, refused.detail) == ("refused", f"claimed by u0sam00001 until {NOW + timedelta(days=14):%Y-%m-%d}")
    later = NOW + timedelta(days=15)
    assert ledger.claims(store.engine, later) == {}
    assert ledger.record(store.engine, click("claim", user="U0LEE00001", days=14), ACME, later).outcome == "new"
    assert ledger.record(store.engine, click("claim", days=14), ACME, later).outcome == "refused"
    assert ledger.claims(store.engine, later)[7].user_id == "U0LEE00001"
    renewed = NOW + timedelta(days=40)
    assert ledger.record(store.engine, click("claim", days=14), ACME, renewed).outcome == "changed"  # Sam's old row, renewed
    assert ledger.claims(store.engine, renewed)[7].until == renewed + timedelta(days=14)


def test_a_snooze_or_claim_needs_an_account(store: Store) -> None:
    unmatched = ledger.AlertRef(("funding-round",), None)
    assert ledger.record(store.engine, click("snooze", days=7), unmatched, NOW).outcome == "refused"
    assert ledger.record(store.engine, click("useful"), unmatched, NOW).outcome == "new"
