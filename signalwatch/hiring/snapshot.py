"""Snapshot diff of one job board: which roles are new, and which closed after two misses.

Boards flicker (a role vanishes for one poll and comes back), so a role is `closed` only
after it is missing on `misses_to_close` consecutive polls. The first snapshot of a board
is a baseline: it records every open role and reports nothing, so adding an account with
80 open roles does not flood the channel with 80 "posted" alerts. A role that disappears
while a new id with the same title and location appears is a repost: neither posted nor
closed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = ["JobRecord", "BoardDiff", "diff_snapshot", "unchanged_snapshot"]


@dataclass(frozen=True, slots=True)
class JobRecord:
    """What the cursor remembers of one open role, enough to describe it when it closes."""

    title: str
    function: str
    seniority: str
    department: str | None = None
    location: str | None = None
    remote: bool | None = None
    technologies: tuple[str, ...] = ()
    misses: int = 0

    def to_row(self) -> list[Any]:
        """Compact JSON form for the cursor (boards hold thousands of these)."""
        return [self.title, self.function, self.seniority, self.department, self.location, self.remote,
                list(self.technologies), self.misses]

    @classmethod
    def from_row(cls, row: list[Any]) -> JobRecord:
        title, function, seniority, department, location, remote, technologies, misses = row
        return cls(title, function, seniority, department, location, remote, tuple(technologies), int(misses))

    def repost_key(self) -> tuple[str, str]:
        return (" ".join(self.title.lower().split()), (self.location or "").lower())


@dataclass(frozen=True)
class BoardDiff:
    """The result of comparing a board's new snapshot with the remembered one."""

    jobs: dict[str, JobRecord]
    posted: list[str] = field(default_factory=list)
    closed: list[tuple[str, JobRecord]] = field(default_factory=list)
    reposted: list[tuple[str, str]] = field(default_factory=list)  # (new id, old id)
    baseline: bool = False


def diff_snapshot(
    previous: Mapping[str, JobRecord] | None,
    current: Mapping[str, JobRecord],
    *,
    misses_to_close: int = 2,
) -> BoardDiff:
    """Compare `current` (the roles on the board now) with `previous` (None: first poll)."""
    if previous is None:
        return BoardDiff(jobs={job_id: _seen(record) for job_id, record in current.items()}, baseline=True)
    jobs: dict[str, JobRecord] = {}
    closed: list[tuple[str, JobRecord]] = []
    vanished: dict[tuple[str, str], str] = {}
    for job_id, record in previous.items():
        if job_id in current:
            continue
        if record.misses == 0:
            vanished.setdefault(record.repost_key(), job_id)
        missing = _missed(record)
        if missing.misses >= misses_to_close:
            closed.append((job_id, record))
        else:
            jobs[job_id] = missing
    posted: list[str] = []
    reposted: list[tuple[str, str]] = []
    for job_id, record in current.items():
        jobs[job_id] = _seen(record)
        if job_id in previous:
            continue
        old_id = vanished.pop(record.repost_key(), None)
        if old_id is not None:
            reposted.append((job_id, old_id))
            jobs.pop(old_id, None)
        else:
            posted.append(job_id)
    return BoardDiff(jobs=jobs, posted=posted, closed=closed, reposted=reposted)


def unchanged_snapshot(previous: Mapping[str, JobRecord], *, misses_to_close: int = 2) -> BoardDiff:
    """The diff when the board's body is byte-identical to the last parsed one: no parsing needed.

    The roles on the board are exactly those seen last time, so only roles that were
    already missing move one miss closer to `closed`.
    """
    current = {job_id: record for job_id, record in previous.items() if record.misses == 0}
    return diff_snapshot(previous, current, misses_to_close=misses_to_close)


def _seen(record: JobRecord) -> JobRecord:
    return record if record.misses == 0 else replace(record, misses=0)


def _missed(record: JobRecord) -> JobRecord:
    return replace(record, misses=record.misses + 1)
