"""Poll schedules: every source polls on its `interval`'s grid, its `jitter` spreading each poll
around its slot (sub-second jitter included), never drifting off the grid."""

from __future__ import annotations

import statistics
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from signalwatch.runtime.scheduler import poll_trigger

START = datetime(2026, 12, 1, tzinfo=timezone.utc)


def fire_times(interval: timedelta, jitter: timedelta, runs: int = 4000) -> list[datetime]:
    """The run times the trigger hands out, asked as apscheduler asks: twice per run (once to find
    the runs due, once for the run time it keeps), from the kept one."""
    trigger = poll_trigger(interval, jitter)
    fired = [START]
    for _ in range(runs):
        trigger.get_next_fire_time(fired[-1], START)  # the look-ahead in Job._get_run_times, thrown away
        fired.append(trigger.get_next_fire_time(fired[-1], START))
    return fired


def periods(interval: timedelta, jitter: timedelta, runs: int = 4000) -> list[float]:
    fired = fire_times(interval, jitter, runs)
    return [(b - a).total_seconds() for a, b in zip(fired, fired[1:])]


@pytest.mark.parametrize(("interval", "jitter"), [(timedelta(minutes=15), timedelta(seconds=30)), (timedelta(seconds=2), timedelta(seconds=0.5))])
def test_polls_come_every_interval_on_average_spread_by_the_jitter(interval: timedelta, jitter: timedelta) -> None:
    found = periods(interval, jitter)
    seconds, spread = interval.total_seconds(), jitter.total_seconds()
    assert statistics.mean(found) == pytest.approx(seconds, rel=0.005)  # not interval + jitter/2
    assert min(found) >= seconds - spread - 1e-6 and max(found) <= seconds + spread + 1e-6
    assert statistics.pstdev(found) > spread / 5  # the jitter is applied, a fraction of a second too


@pytest.mark.parametrize(("interval", "jitter"), [(timedelta(minutes=15), timedelta(seconds=30)), (timedelta(seconds=2), timedelta(seconds=0.5))])
def test_polls_stay_on_the_interval_grid_however_many_come(interval: timedelta, jitter: timedelta) -> None:
    # Jitter added to the previous, jittered, run would wander off the grid: after 4,000 polls by
    # jitter/√12 × √4000 ≈ 18 jitters (apscheduler's IntervalTrigger with jitter does).
    fired = fire_times(interval, jitter)
    offsets = [(at - (START + k * interval)).total_seconds() for k, at in enumerate(fired)]
    assert max(abs(offset) for offset in offsets) <= jitter.total_seconds() / 2 + 1e-6
    assert statistics.pstdev(offsets) > jitter.total_seconds() / 10  # spread around the slots, not on them


def test_a_moved_run_is_the_grid_from_then_on() -> None:
    # `stagger` and a lease takeover move a job's next run; the polls after it keep the new phase.
    trigger = poll_trigger(timedelta(minutes=5), timedelta(seconds=20))
    fired = [trigger.get_next_fire_time(START, START)]
    moved = fired[-1] + timedelta(seconds=97)
    fired = [moved]
    for _ in range(200):
        fired.append(trigger.get_next_fire_time(fired[-1], START))
    assert all(abs((at - (moved + k * timedelta(minutes=5))).total_seconds()) <= 10 + 1e-6 for k, at in enumerate(fired))


def test_without_jitter_polls_keep_their_interval_exactly() -> None:
    assert set(periods(timedelta(minutes=5), timedelta(0), runs=50)) == {300.0}


def test_a_running_scheduler_starts_polls_on_the_grid() -> None:
    # The real scheduler for ~40 polls a tenth of a second apart, each anywhere within ± 50 ms of
    # its slot: a random walk of those offsets would be ~0.18 s off the grid by the end.
    from apscheduler.schedulers.background import BackgroundScheduler

    interval, jitter, runs = timedelta(seconds=0.1), timedelta(seconds=0.1), 40
    starts: list[float] = []
    done = threading.Event()

    def poll() -> None:
        starts.append(time.time())
        if len(starts) > runs:
            done.set()

    scheduler = BackgroundScheduler(timezone=timezone.utc)
    first = datetime.now(timezone.utc) + timedelta(seconds=0.2)
    scheduler.add_job(poll, poll_trigger(interval, jitter), next_run_time=first, max_instances=runs)  # no run skipped
    scheduler.start()
    try:
        assert done.wait(timeout=60)
    finally:
        scheduler.shutdown(wait=True)
    late = 0.1  # a busy machine wakes the scheduler late; that is not drift
    offsets = [at - (first.timestamp() + k * interval.total_seconds()) for k, at in enumerate(sorted(starts)[:runs + 1])]
    assert all(-0.05 - 1e-3 <= offset <= 0.05 + late for offset in offsets), offsets


def test_sources_start_polling_a_moment_apart_not_all_at_once() -> None:
    from dataclasses import dataclass

    from apscheduler.schedulers.background import BackgroundScheduler

    from signalwatch.runtime.scheduler import stagger

    @dataclass(frozen=True)
    class Source:  # what `stagger` reads of a SourceRuntime
        name: str
        interval: timedelta

    for interval, count, step in ((timedelta(seconds=2), 4, 0.5), (timedelta(minutes=15), 100, 1.0)):
        scheduler = BackgroundScheduler(timezone=timezone.utc)
        sources = [Source(f"s{n}", interval) for n in range(count)]
        for source in sources:
            scheduler.add_job(print, poll_trigger(interval, timedelta(0)), id=f"poll:{source.name}", next_run_time=START)
        stagger(scheduler, sources)  # type: ignore[arg-type]
        runs = [scheduler.get_job(f"poll:{source.name}").next_run_time for source in sources]
        assert [(b - a).total_seconds() for a, b in zip(runs, runs[1:])] == [step] * (count - 1)
