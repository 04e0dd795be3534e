"""Reduce one fetched board to what its poll keeps, on the fetch worker, as soon as it arrives.

A board that changed is diffed against its stored snapshot right away, and the poll keeps
only the board's next snapshot rows, its diff and the trimmed postings of its new roles:
neither the listing nor the decoded stored snapshot outlives the board's worker. At 2,000
boards a poll held every board's decoded snapshot (some 170 MB of JSON objects) and every
board's listing until `normalize`, which then built every board's next rows beside them;
now it holds one compact row per role (a tuple whose strings a board shares) and a few boards
in flight. The diff is pure and needs no clock, so it is the same wherever it runs;
`normalize` turns the diffs into events, heads and surges as before.

A snapshot row (see `state`) is the list ``[title, function, seniority, department, location,
remote, technologies, misses]``, exactly as it reads back from its stored JSON. The strings of a
board's rows are shared (one object per distinct title, department, location, and technology
list of the board; one per function and seniority label in the process), where a decoded
snapshot holds a copy of each in each row: a rebuilt row costs about a fifth of a decoded one.
Rows are never mutated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from signalwatch.connectors.jobboards.model import Posting
from signalwatch.connectors.jobboards.state import needs_body, open_roles
from signalwatch.hiring.mentions import technologies_in
from signalwatch.hiring.snapshot import BoardDiff, JobRecord, diff_snapshot, unchanged_snapshot
from signalwatch.titles import classify_title

if TYPE_CHECKING:
    from signalwatch.connectors.jobboards.fetch import BoardPoll

__all__ = ["Row", "Settled", "settle", "SUMMARY_CHARS"]

Row = list[Any]  # [title, function, seniority, department, location, remote, technologies, misses]
SUMMARY_CHARS = 500  # of a new role's description that its event carries (the rest is read for technologies only)


@dataclass(frozen=True, slots=True)
class Settled:
    """What a poll keeps of one board it diffed (or whose stored snapshot it read).

    `rows` is the board's next snapshot (job id → row) and `changed` whether it differs from
    the stored one (only then is the body rewritten); `diff` holds the records of the roles
    posted and closed. `diff` is None (and `rows` empty) for a board kept as stored (it failed)
    whose snapshot was read for its open-role counts only (`open`).
    """

    rows: Mapping[str, Row]
    diff: BoardDiff | None
    changed: bool
    open: Mapping[str, int] | None = None


def settle(poll: BoardPoll, head: Mapping[str, Any], body: Mapping[str, Any] | None) -> BoardPoll:
    """The poll of one board reduced to what normalize needs: `settled` set, `listed` dropped,
    `new` holding only the roles posted, with their description trimmed to the event summary.

    `head` is the board's stored head ({} if none) and `body` its stored snapshot (None when not
    read). Boards normalize keeps as stored, from their head alone, come back unchanged."""
    if body is None and needs_body(head, poll.status):
        return poll  # its snapshot is gone (a concurrent reset): kept as stored, from its head
    if poll.status == "failed" or (poll.status == "unchanged" and not head):
        if head and body is not None:  # a head from before it carried counts: they come from the body
            return replace(poll, settled=Settled({}, None, False, open_roles(head, body)))
        return poll
    if poll.status == "unchanged" and not needs_body(head, poll.status):
        return poll  # nothing new and nothing pending closure: its head is all it needs
    previous = body["jobs"] if body is not None else None
    leaned: dict[str, Posting] = {}
    diff, rows, changed = _diff(poll, previous, leaned)
    posted = {job_id: leaned[job_id] for job_id in diff.posted if job_id in leaned}
    # Events need the records of new roles only; the board's full snapshot lives on in `rows`.
    diff = replace(diff, jobs={job_id: diff.jobs[job_id] for job_id in diff.posted})
    return replace(poll, listed=None, new=posted, settled=Settled(rows, diff, changed))


def _diff(poll: BoardPoll, previous: Mapping[str, Any] | None,
          leaned: dict[str, Posting]) -> tuple[BoardDiff, dict[str, Row], bool]:
    """The board's diff, its next snapshot rows and whether they differ from `previous` (None:
    first poll). Every row is rebuilt from strings the board shares, so no decoded row of the
    stored snapshot outlives this call. The postings of the roles missing from `previous` go
    into `leaned` with the start of their text (`_lean`)."""
    shared: dict[Any, Any] = {None: None}
    if poll.listed is None and previous is not None:
        # Same body as last time: only roles already missing move on, the rest stay as stored.
        diff = unchanged_snapshot({job_id: JobRecord.from_row(row) for job_id, row in previous.items() if row[7]})
        kept = {job_id: _compact(row, shared) for job_id, row in previous.items() if not row[7]}
        moved = {job_id: _record_row(record, shared) for job_id, record in diff.jobs.items()}
        return diff, kept | moved, bool(diff.jobs or diff.closed)
    if previous is None:
        # A baseline reports nothing and reads no descriptions (its roles were open before we
        # watched, and reading every description costs milliseconds each): rows only.
        none = _techs((), shared)
        rows = {job_id: _baseline_row(title, department, location, remote, none)
                for job_id, title, department, location, remote in poll.listed or ()}
        return BoardDiff(jobs={}, baseline=True), rows, True
    listed: dict[str, Row] = {}
    new: dict[str, JobRecord] = {}
    changed = False
    # `_canon` inlined (this loop runs once per listed role of every changed board): the labels of rows
    # we wrote are strings or None.
    label = _LABELS.setdefault
    for job_id, title, department, location, remote in poll.listed or ():
        row = previous.get(job_id)
        if row is None:
            posting = poll.new.get(job_id)
            if posting is None:
                new[job_id] = _new_record(Posting(job_id, title, None, department, location, remote), "")
                continue
            text = posting.description  # read once: for technologies here, its start for the event
            new[job_id] = _new_record(posting, text)
            leaned[job_id] = _lean(posting, text)
            continue
        if row[0] == title:
            function, seniority = row[1], row[2]
            same = row[3] == department and row[4] == location and row[5] == remote and row[7] == 0
            changed = changed or not same
            technologies = _techs(row[6], shared)
        else:
            title_class = classify_title(title, department)
            function, seniority, technologies, changed = title_class.function, title_class.seniority, _techs(row[6], shared), True
        listed[job_id] = [title, label(function, function), label(seniority, seniority), department, location, remote,
                          technologies, 0]
    gone = {job_id: JobRecord.from_row(row) for job_id, row in previous.items() if job_id not in listed}
    diff = diff_snapshot(gone, new)
    moved = {job_id: _record_row(record, shared) for job_id, record in diff.jobs.items()}
    return diff, listed | moved, changed or bool(gone or new)


def _compact(row: Any, shared: dict[Any, Any]) -> Row:
    """A stored row rebuilt from shared strings (a decoded row holds its own copy of each)."""
    title, function, seniority, department, location, remote, technologies, misses = row
    return [shared.setdefault(title, title), _canon(function), _canon(seniority),
            shared.setdefault(department, department), shared.setdefault(location, location), remote,
            _techs(technologies, shared), int(misses)]


_LABELS: dict[Any, Any] = {}  # function and seniority label -> its one object in the process (a few dozen)


def _canon(label: Any) -> Any:
    """One object per function or seniority label in the process (a few dozen of them)."""
    return _LABELS.setdefault(label, label) if type(label) is str else label


def _techs(technologies: Any, shared: dict[Any, Any]) -> list[str]:
    """The board's one list object for these technologies (rows are never mutated)."""
    found = tuple(technologies) if technologies else ()
    techs = shared.get(found)
    if techs is None:
        techs = shared[found] = list(found)
    return techs  # type: ignore[no-any-return]


def _record_row(record: JobRecord, shared: dict[Any, Any]) -> Row:
    return [shared.setdefault(record.title, record.title), _canon(record.function), _canon(record.seniority),
            shared.setdefault(record.department, record.department), shared.setdefault(record.location, record.location),
            record.remote, _techs(record.technologies, shared), record.misses]


def _baseline_row(title: str, department: str | None, location: str | None, remote: bool | None,
                  none: list[str]) -> Row:
    """The snapshot row of a role a baseline finds: classified, no technologies (its text is not
    read). The labels `classify_title` returns are one object each already (its tables, its cache)."""
    title_class = classify_title(title, department)
    return [title, title_class.function, title_class.seniority, department, location, remote, none, 0]


def _new_record(posting: Posting, text: str) -> JobRecord:
    """The record of a role not in the stored snapshot: classified, with the technologies its
    title and `text` (its description) name."""
    title_class = classify_title(posting.title, posting.department)
    return JobRecord(
        title=posting.title, function=title_class.function, seniority=title_class.seniority,
        department=posting.department, location=posting.location, remote=posting.remote,
        technologies=technologies_in(posting.title, text),
    )


def _lean(posting: Posting, text: str) -> Posting:
    """A new role's posting with only the part of its description (`text`) its event shows (the
    whole text was read for technologies already): a description runs to several KB. Turning
    markup into text is a tenth of the time a new role costs, so it is done once, by the caller."""
    if not posting.markup:
        return posting
    return posting._replace(markup=text[:SUMMARY_CHARS], markup_kind="visible")
