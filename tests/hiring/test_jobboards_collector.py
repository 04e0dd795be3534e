"""The job-board connector holds off the cyclic garbage collector only while it normalizes a poll,
and always hands it back as it found it: a collector left off would let a daemon's cyclic
garbage grow for as long as it runs."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from signalwatch.connectors.base import Fetched
from signalwatch.connectors.jobboards import JobBoardsConnector, JobBoardsOptions
from signalwatch.connectors.jobboards.collector import collector_paused


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_normalize_hands_the_collector_back_on(collector_on: None) -> None:
    JobBoardsConnector("boards", JobBoardsOptions()).normalize(Fetched(cursor={}), datetime(2026, 12, 1, tzinfo=timezone.utc))
    assert gc.isenabled()


def test_a_failing_normalize_still_turns_the_collector_back_on(collector_on: None) -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_overlapping_pauses_resume_only_when_the_last_one_ends(collector_on: None) -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    with collector_paused():
        thread.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other poll is still normalizing
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_the_operator_turned_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
