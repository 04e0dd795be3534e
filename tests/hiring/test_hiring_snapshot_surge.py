"""Board snapshot diffs (baseline, flicker, two-miss close, reposts) and surge detection."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from signalwatch.hiring.snapshot import JobRecord, diff_snapshot, unchanged_snapshot
from signalwatch.hiring.surge import FunctionHistory, SurgeRule, observe

T0 = datetime(2026, 11, 1, tzinfo=timezone.utc)


def job(title: str, location: str = "Berlin") -> JobRecord:
    return JobRecord(title=title, function="sales", seniority="ic", location=location)


def test_first_snapshot_is_a_silent_baseline() -> None:
    diff = diff_snapshot(None, {"1": job("AE"), "2": job("SDR")})
    assert diff.baseline and diff.posted == [] and diff.closed == [] and set(diff.jobs) == {"1", "2"}


def test_new_role_is_posted_and_a_flickering_role_is_not_closed() -> None:
    first = diff_snapshot(None, {"1": job("AE"), "2": job("SDR")}).jobs
    second = diff_snapshot(first, {"1": job("AE"), "3": job("CSM")})
    assert second.posted == ["3"] and second.closed == [] and second.jobs["2"].misses == 1
    third = diff_snapshot(second.jobs, {"1": job("AE"), "2": job("SDR"), "3": job("CSM")})
    assert third.posted == [] and third.closed == [] and third.jobs["2"].misses == 0


def test_role_closes_only_after_two_consecutive_misses() -> None:
    state = diff_snapshot(None, {"1": job("AE"), "2": job("SDR")}).jobs
    once = diff_snapshot(state, {"1": job("AE")})
    assert once.closed == []
    twice = diff_snapshot(once.jobs, {"1": job("AE")})
    assert [job_id for job_id, _ in twice.closed] == ["2"] and "2" not in twice.jobs
    assert twice.closed[0][1].title == "SDR"


def test_unchanged_body_still_moves_missing_roles_towards_closed() -> None:
    state = diff_snapshot(None, {"1": job("AE"), "2": job("SDR")}).jobs
    once = diff_snapshot(state, {"1": job("AE")})
    again = unchanged_snapshot(once.jobs)
    assert [job_id for job_id, _ in again.closed] == ["2"] and again.posted == []
    assert unchanged_snapshot(again.jobs).closed == []


def test_reposted_role_with_a_new_id_is_neither_posted_nor_closed() -> None:
    state = diff_snapshot(None, {"1": job("Account Executive"), "2": job("SDR")}).jobs
    diff = diff_snapshot(state, {"9": job("Account  executive"), "2": job("SDR")})
    assert diff.posted == [] and diff.reposted == [("9", "1")] and set(diff.jobs) == {"9", "2"}
    assert diff_snapshot(diff.jobs, {"9": job("Account Executive"), "2": job("SDR")}).closed == []


def test_same_title_in_another_city_is_a_new_role() -> None:
    state = diff_snapshot(None, {"1": job("AE", "Berlin")}).jobs
    assert diff_snapshot(state, {"1": job("AE", "Berlin"), "2": job("AE", "Munich")}).posted == ["2"]


def test_job_record_round_trips_through_the_cursor_row() -> None:
    record = JobRecord("AE", "sales", "ic", "Sales", "Berlin", False, ("salesforce",), 1)
    assert JobRecord.from_row(record.to_row()) == record


RULE = SurgeRule(threshold=5, window=timedelta(days=30))


def test_surge_fires_once_when_new_roles_reach_the_threshold() -> None:
    history, surge = observe(FunctionHistory(), T0, new_roles=0, open_roles=4, rule=RULE)
    assert surge is None
    fired = []
    for day, (new, open_now) in enumerate([(2, 6), (2, 8), (1, 9), (1, 10), (3, 13)], start=1):
        history, surge = observe(history, T0 + timedelta(days=day), new_roles=new, open_roles=open_now, rule=RULE)
        fired.append(surge)
    assert [s is not None for s in fired] == [False, False, True, False, False]
    assert fired[2].new_roles == 5 and fired[2].open_before == 4 and fired[2].open_roles == 9


def test_a_new_surge_can_fire_after_a_full_window() -> None:
    history, _ = observe(FunctionHistory(), T0, new_roles=0, open_roles=0, rule=RULE)
    history, first = observe(history, T0 + timedelta(days=1), new_roles=5, open_roles=5, rule=RULE)
    history, quiet = observe(history, T0 + timedelta(days=20), new_roles=5, open_roles=10, rule=RULE)
    history, second = observe(history, T0 + timedelta(days=40), new_roles=5, open_roles=15, rule=RULE)
    assert first is not None and quiet is None and second is not None and second.new_roles == 10


def test_roles_posted_before_the_window_do_not_count() -> None:
    history, _ = observe(FunctionHistory(), T0, new_roles=3, open_roles=3, rule=RULE)
    history, surge = observe(history, T0 + timedelta(days=31), new_roles=3, open_roles=6, rule=RULE)
    assert surge is None


def test_growth_rule_fires_on_relative_growth() -> None:
    rule = SurgeRule(threshold=50, window=timedelta(days=30), growth=0.5, min_new=3)
    history, _ = observe(FunctionHistory(), T0, new_roles=0, open_roles=6, rule=rule)
    history, small = observe(history, T0 + timedelta(days=2), new_roles=2, open_roles=8, rule=rule)
    history, surge = observe(history, T0 + timedelta(days=3), new_roles=1, open_roles=9, rule=rule)
    assert small is None and surge is not None and surge.growth == 0.5 and surge.open_before == 6


def test_history_round_trips_through_json() -> None:
    history, _ = observe(FunctionHistory(), T0, new_roles=2, open_roles=2, rule=RULE)
    assert FunctionHistory.from_json(history.to_json()) == history
