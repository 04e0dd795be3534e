"""The store on PostgreSQL: the core store tests, retention, the lease and health incidents, run on a real server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from signalwatch.store import Store
from signalwatch.store.upkeep import try_lease
from tests.core import test_outbox_messages as messages
from tests.core import test_store as core
from tests.prod import test_retention as retention

# The dialect-neutral core store tests, collected again here with the PostgreSQL `store` fixture below.
test_migrated_schema_equals_the_table_models = core.test_migrated_schema_equals_the_table_models
test_migrate_is_idempotent_and_an_upgrade_keeps_data = core.test_migrate_is_idempotent_and_an_upgrade_keeps_data
test_a_database_from_a_newer_release_is_refused = core.test_a_database_from_a_newer_release_is_refused
test_a_poll_is_committed_once_and_repeats_insert_nothing = core.test_a_poll_is_committed_once_and_repeats_insert_nothing
test_a_failing_evaluation_rolls_back_events_and_cursor = core.test_a_failing_evaluation_rolls_back_events_and_cursor
test_claims_are_exclusive = core.test_claims_are_exclusive
test_accounts_upsert_by_domain = core.test_accounts_upsert_by_domain
test_parts_are_saved_with_the_events_and_only_named_parts_change = core.test_parts_are_saved_with_the_events_and_only_named_parts_change
test_a_failed_commit_writes_no_part_and_no_event = core.test_a_failed_commit_writes_no_part_and_no_event
test_migration_moves_a_v3_cursors_boards_and_surge_history_into_parts = (
    core.test_migration_moves_a_v3_cursors_boards_and_surge_history_into_parts)


@pytest.fixture
def empty_url(pg_url: str) -> str:
    return pg_url


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:
    s = Store(pg_url)
    s.migrate()
    yield s
    s.close()


def test_prune_keeps_unsent_alerts_and_their_events(store: Store) -> None:
    from signalwatch.store.upkeep import prune

    ids = retention.fill(store)
    report = prune(store, events_before=retention.NOW - timedelta(days=365), sent_before=retention.NOW - timedelta(days=180))
    assert (report.events, report.alerts) == (3, 2)
    assert retention.titles(store) == {"old-pending", "old-dead", "recent-sent"}
    assert {i.id for i in store.list_outbox(limit=100)} == {ids["old-sent-recently"], ids["old-pending"], ids["old-dead"]}


def test_the_lease_has_one_holder_until_it_expires(store: Store) -> None:
    now, ttl = retention.NOW, timedelta(seconds=30)
    assert try_lease(store, "scheduler", "a", now, ttl) is True
    assert try_lease(store, "scheduler", "b", now + timedelta(seconds=10), ttl) is False
    assert try_lease(store, "scheduler", "a", now + timedelta(seconds=20), ttl) is True  # renewed
    assert try_lease(store, "scheduler", "b", now + timedelta(seconds=45), ttl) is False
    assert try_lease(store, "scheduler", "b", now + timedelta(seconds=51), ttl) is True  # a stopped renewing
    assert try_lease(store, "scheduler", "a", now + timedelta(seconds=52), ttl) is False


def test_two_instances_starting_together_migrate_once(pg_url: str) -> None:
    # Two daemons started by the same deploy both call migrate(): the advisory lock makes
    # the second wait and then find every version applied, instead of running DDL twice.
    import threading

    stores = [Store(pg_url), Store(pg_url)]
    applied: list[list[int]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def run(store: Store) -> None:
        start.wait()
        try:
            applied.append(store.migrate())
        except BaseException as exc:  # reported below: a duplicate DDL error is the failure this guards
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for s in stores:
        s.close()
    assert errors == []
    assert sorted(len(versions) for versions in applied)[0] == 0  # the second found nothing to do
    assert sorted(sum(applied, [])) == sorted(set(sum(applied, [])))  # no version applied twice


# The outbox's shared, packed messages on PostgreSQL (bytea bodies, RETURNING in batches, the in-place upgrade).
test_every_payload_reads_back_as_it_was_enqueued = messages.test_every_payload_reads_back_as_it_was_enqueued
test_the_routes_of_one_alert_share_one_small_message = messages.test_the_routes_of_one_alert_share_one_small_message
test_later_messages_are_packed_with_a_dictionary_that_a_restarted_store_reads = (
    messages.test_later_messages_are_packed_with_a_dictionary_that_a_restarted_store_reads)
test_an_amendment_does_not_change_an_alert_already_queued = messages.test_an_amendment_does_not_change_an_alert_already_queued
test_retention_keeps_what_a_kept_alert_shows_and_drops_messages_nothing_uses = (
    messages.test_retention_keeps_what_a_kept_alert_shows_and_drops_messages_nothing_uses)


def test_the_upgrade_from_full_copy_rows_on_postgres(pg_url: str) -> None:
    messages.check_upgrade(pg_url, messages.v6_database(pg_url))
