"""Poll schedules: every source polls every `interval` on average, its `jitter` spreading the polls
(sub-second jitter included)."""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta, timezone

import pytest

from signalwatch.runtime.scheduler import poll_trigger

START = datetime(2026, 12, 1, tzinfo=timezone.utc)


def periods(interval: timedelta, jitter: timedelta, runs: int = 4000) -> list[float]:
    trigger = poll_trigger(interval, jitter)
    fired, at = [], None
    for _ in range(runs):
        at = trigger.get_next_fire_time(at, START)
        fired.append(at)
    return [(b - a).total_seconds() for a, b in zip(fired, fired[1:])]


@pytest.mark.parametrize(("interval", "jitter"), [(timedelta(minutes=15), timedelta(seconds=30)), (timedelta(seconds=2), timedelta(seconds=0.5))])
def test_polls_come_every_interval_on_average_spread_by_the_jitter(interval: timedelta, jitter: timedelta) -> None:
    found = periods(interval, jitter)
    seconds, spread = interval.total_seconds(), jitter.total_seconds()
    assert statistics.mean(found) == pytest.approx(seconds, rel=0.005)  # not interval + jitter/2
    assert min(found) >= seconds - spread / 2 - 1e-6 and max(found) <= seconds + spread / 2 + 1e-6
    assert statistics.pstdev(found) > spread / 5  # the jitter is applied, a fraction of a second too


def test_without_jitter_polls_keep_their_interval_exactly() -> None:
    assert set(periods(timedelta(minutes=5), timedelta(0), runs=50)) == {300.0}



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
